//! RO1-FHIR-004 `fhir-base-cardinality`.
//!
//! The base FHIR R4 cardinalities (min and max) of every modeled resource and datatype hold, on top of the SAS profile ones.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::NoteKind;
use crate::rules::{Emitter, Scope};

/// RO1-FHIR-004 `fhir-base-cardinality`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-004",
    name: "fhir-base-cardinality",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 StructureDefinitions",
    summary_fr: "Les cardinalités de base FHIR R4 (min et max) de chaque ressource et type de données modélisés sont respectées, en plus de celles des profils SAS.",
    summary_en: "The base FHIR R4 cardinalities (min and max) of every modeled resource and datatype hold, on top of the SAS profile ones.",
    doc: RuleDoc {
        what_fr: "Vérifie les cardinalités minimales et maximales définies par FHIR R4 lui-même, par exemple Bundle.link.relation et Bundle.link.url 1..1, Slot.schedule 1..1, Identifier.use 0..1.",
        why_fr: "StructureDefinitions de FHIR R4 : les profils SAS se superposent à ces cardinalités de base, ils ne les remplacent pas. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"url\":\"https://exemple.com/ans-sas/Slot?status=free\"}]}",
        fix_fr: "Renseignez les éléments obligatoires de FHIR R4 (ici link.relation = \"self\") et n'envoyez qu'une valeur pour les éléments 0..1.",
        what_en: "Checks the minimum and maximum cardinalities defined by FHIR R4 itself, for example Bundle.link.relation and Bundle.link.url 1..1, Slot.schedule 1..1, Identifier.use 0..1.",
        why_en: "FHIR R4 StructureDefinitions: the SAS profiles add to these base cardinalities, they do not replace them. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"url\":\"https://exemple.com/ans-sas/Slot?status=free\"}]}",
        fix_en: "Fill in the elements FHIR R4 requires (here link.relation = \"self\") and send a single value for 0..1 elements.",
    },
};

/// Reports a reader note of a key given twice in one object.
pub(crate) fn check_note(kind: &NoteKind, sp: Span, em: &mut Emitter<'_>) {
    let NoteKind::DuplicateKey { name } = kind else { return };
    em.at(
        Scope::ALL,
        &RULE,
        sp,
        format!("clé `{name}` présente deux fois dans le même objet (seule la première est lue)"),
        format!("key `{name}` appears twice in the same object (only the first is read)"),
    );
}
