//! RO1-FHIR-003 `fhir-primitive-lexical-form`.
//!
//! Every primitive matches its FHIR R4 lexical rule (id, uri, code, date, dateTime, instant, time, integers, decimal, boolean).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::NoteKind;
use crate::rules::{Emitter, Scope};

/// RO1-FHIR-003 `fhir-primitive-lexical-form`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-003",
    name: "fhir-primitive-lexical-form",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 datatypes",
    summary_fr: "Chaque primitive respecte sa forme lexicale FHIR R4 (id, uri, code, date, dateTime, instant, time, entiers, decimal, boolean).",
    summary_en: "Every primitive matches its FHIR R4 lexical rule (id, uri, code, date, dateTime, instant, time, integers, decimal, boolean).",
    doc: RuleDoc {
        what_fr: "Vérifie la forme de chaque valeur primitive : id de 1 à 64 caractères [A-Za-z0-9.-], uri/url sans espace, code sans espace en tête, en fin ni doublé, plages de date/dateTime/instant/time, bornes de integer/positiveInt/unsignedInt, syntaxe de decimal, boolean true/false.",
        why_fr: "Types de données de FHIR R4 : ces expressions régulières et bornes font partie de la spécification et le validateur HL7 les applique. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Slot\",\"id\":\"slot_2024/06/12 08:00\"}",
        fix_fr: "Produisez des valeurs conformes : ids alphanumériques avec . et - seulement, dates complètes, codes sans espaces parasites.",
        what_en: "Checks the form of every primitive value: id of 1 to 64 [A-Za-z0-9.-] characters, uri/url without spaces, code without leading, trailing or double spaces, date/dateTime/instant/time ranges, integer/positiveInt/unsignedInt bounds, decimal syntax, boolean true/false.",
        why_en: "FHIR R4 datatypes: these regular expressions and bounds are part of the specification and the HL7 validator applies them. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Slot\",\"id\":\"slot_2024/06/12 08:00\"}",
        fix_en: "Produce conforming values: alphanumeric ids with . and - only, complete dates, codes without stray spaces.",
    },
};

/// Reports a reader note of a primitive value that breaks its lexical rule.
pub(crate) fn check_note(kind: &NoteKind, sp: Span, em: &mut Emitter<'_>) {
    let NoteKind::Primitive(e) = kind else { return };
    let m = e.message();
    em.at(Scope::ALL, &RULE, sp, m.fr, m.en);
}
