//! RO1-FHIR-001 `fhir-json-value-types`.
//!
//! Every JSON value has the JSON type FHIR R4 prescribes for its element; a repeating element is always an array, a singleton never is.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::NoteKind;
use crate::rules::{Emitter, Scope};

/// RO1-FHIR-001 `fhir-json-value-types`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-001",
    name: "fhir-json-value-types",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 JSON format",
    summary_fr: "Chaque valeur JSON a le type que FHIR R4 prescrit pour son élément ; un élément répétable est toujours un tableau, un singleton jamais.",
    summary_en: "Every JSON value has the JSON type FHIR R4 prescribes for its element; a repeating element is always an array, a singleton never is.",
    doc: RuleDoc {
        what_fr: "Vérifie, pour chaque élément connu, le type JSON de la valeur (chaîne, nombre, booléen, objet, tableau) : un total en chaîne, un booléen entre guillemets, un serviceType objet au lieu de tableau ou un status en tableau sont signalés.",
        why_fr: "Format JSON de FHIR R4 : le type JSON découle du type de données et de la cardinalité ; le validateur HL7 rejette les autres formes. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":\"4\"}",
        fix_fr: "Sérialisez chaque élément avec son type FHIR : nombres sans guillemets, éléments 0..* en tableau même avec une seule valeur.",
        what_en: "Checks, for every known element, the JSON type of the value (string, number, boolean, object, array): a total as a string, a quoted boolean, a serviceType object instead of an array or a status as an array are reported.",
        why_en: "FHIR R4 JSON format: the JSON type follows from the datatype and the cardinality; the HL7 validator rejects other shapes. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":\"4\"}",
        fix_en: "Serialize every element with its FHIR type: numbers unquoted, 0..* elements as arrays even with a single value.",
    },
};

/// Reports a reader note of a value of the wrong JSON type (a repeating
/// element given once, a single one given as an array, or another type).
pub(crate) fn check_note(kind: &NoteKind, sp: Span, em: &mut Emitter<'_>) {
    let NoteKind::WrongType { expected, found, cardinality } = kind else { return };
    let (fr, en) = if *cardinality && *expected == crate::json::Kind::Array {
        (
            format!("élément répétable donné comme {} au lieu d'un tableau", found.name_fr()),
            format!("repeating element given as a {} instead of an array", found.name()),
        )
    } else if *cardinality {
        (
            format!(
                "élément non répétable donné comme tableau au lieu d'un(e) {}",
                expected.name_fr()
            ),
            format!("single-valued element given as an array instead of a {}", expected.name()),
        )
    } else {
        (
            format!(
                "type JSON incorrect : {} trouvé, {} attendu",
                found.name_fr(),
                expected.name_fr()
            ),
            format!("wrong JSON type: found {}, expected {}", found.name(), expected.name()),
        )
    };
    em.at(Scope::ALL, &RULE, sp, fr, en);
}
