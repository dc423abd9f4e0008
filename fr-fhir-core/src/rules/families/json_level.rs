//! JSON-level rules, from the notes the reader recorded: RO1-JSON-001 (empty
//! values, nulls), RO1-FHIR-001 (JSON types), RO1-FHIR-002 (unknown
//! elements and resource types), RO1-FHIR-003 (lexical rules of
//! primitives), RO1-FHIR-004 (an element given twice).

use crate::finding::RuleMeta;
use crate::model::{Cx, NoteKind};
use crate::rules::fhir::ro1_fhir_001;
use crate::rules::fhir::ro1_fhir_002;
use crate::rules::fhir::ro1_fhir_003;
use crate::rules::fhir::ro1_fhir_004;
use crate::rules::fhir::ro1_fhir_005;
use crate::rules::json::ro1_json_001;
use crate::rules::{Emitter, Scope};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[
    &ro1_json_001::RULE,
    &ro1_fhir_001::RULE,
    &ro1_fhir_002::RULE,
    &ro1_fhir_003::RULE,
    &ro1_fhir_004::RULE,
];

/// True for the generic rules a more specific finding on the same element replaces
/// (RO1-SLOT-003 on `Slot.start` makes RO1-FHIR-003 redundant there, RO1-SLOT-001
/// on `Slot.status` makes RO1-FHIR-005 redundant).
pub fn is_generic(rule: &RuleMeta) -> bool {
    [ro1_fhir_001::RULE.id, ro1_fhir_003::RULE.id, ro1_fhir_004::RULE.id, ro1_fhir_005::RULE.id]
        .contains(&rule.id)
}

/// Turns every note into a finding.
pub fn notes_to_findings(cx: &Cx, em: &mut Emitter<'_>) {
    for note in &cx.notes {
        let sp = note.span;
        match &note.kind {
            NoteKind::Null | NoteKind::NullInPrimitiveArray { .. } => em.at(
                Scope::ALL,
                &ro1_json_001::RULE,
                sp,
                "valeur `null` : un élément absent doit être omis (null n'est permis que dans un tableau de primitives aligné sur son `_x`)".into(),
                "`null` value: absent data must be omitted (null is only allowed in a primitive array aligned with its `_x` sibling)".into(),
            ),
            NoteKind::EmptyString => em.at(
                Scope::ALL,
                &ro1_json_001::RULE,
                sp,
                "chaîne vide `\"\"` : un élément sans valeur doit être omis".into(),
                "empty string `\"\"`: an element without a value must be omitted".into(),
            ),
            NoteKind::EmptyArray => em.at(
                Scope::ALL,
                &ro1_json_001::RULE,
                sp,
                "tableau vide `[]` : un élément répété sans occurrence doit être omis".into(),
                "empty array `[]`: a repeating element with no occurrence must be omitted".into(),
            ),
            NoteKind::EmptyObject => em.at(
                Scope::ALL,
                &ro1_json_001::RULE,
                sp,
                "objet vide `{}` : un élément sans contenu doit être omis".into(),
                "empty object `{}`: an element without content must be omitted".into(),
            ),
            NoteKind::WrongType { expected, found, cardinality } => {
                let (fr, en) = if *cardinality && *expected == crate::json::Kind::Array {
                    (
                        format!("élément répétable donné comme {} au lieu d'un tableau", found.name_fr()),
                        format!("repeating element given as a {} instead of an array", found.name()),
                    )
                } else if *cardinality {
                    (
                        format!("élément non répétable donné comme tableau au lieu d'un(e) {}", expected.name_fr()),
                        format!("single-valued element given as an array instead of a {}", expected.name()),
                    )
                } else {
                    (
                        format!("type JSON incorrect : {} trouvé, {} attendu", found.name_fr(), expected.name_fr()),
                        format!("wrong JSON type: found {}, expected {}", found.name(), expected.name()),
                    )
                };
                em.at(Scope::ALL, &ro1_fhir_001::RULE, sp, fr, en);
            }
            NoteKind::UnknownElement { name, owner } => em.at(
                Scope::ALL,
                &ro1_fhir_002::RULE,
                sp,
                format!("élément inconnu `{name}` : ce n'est pas un élément de {owner} en FHIR R4"),
                format!("unknown element `{name}`: not an element of {owner} in FHIR R4"),
            ),
            NoteKind::UnknownResourceType { name } => em.at(
                Scope::ALL,
                &ro1_fhir_002::RULE,
                sp,
                format!("resourceType `{name}` inconnu en FHIR R4 (la casse compte)"),
                format!("resourceType `{name}` is not a FHIR R4 resource type (case matters)"),
            ),
            NoteKind::MissingResourceType => em.at(
                Scope::ALL,
                &ro1_fhir_002::RULE,
                sp,
                "ressource sans `resourceType`".into(),
                "resource without `resourceType`".into(),
            ),
            NoteKind::ResourceTypeMismatch { expected, found } => em.at(
                Scope::ALL,
                &ro1_fhir_002::RULE,
                sp,
                format!("resourceType `{found}` trouvé, `{expected}` attendu ici"),
                format!("resourceType `{found}` found, `{expected}` expected here"),
            ),
            NoteKind::DuplicateKey { name } => em.at(
                Scope::ALL,
                &ro1_fhir_004::RULE,
                sp,
                format!("clé `{name}` présente deux fois dans le même objet (seule la première est lue)"),
                format!("key `{name}` appears twice in the same object (only the first is read)"),
            ),
            NoteKind::Primitive(e) => {
                let m = e.message();
                em.at(Scope::ALL, &ro1_fhir_003::RULE, sp, m.fr, m.en);
            }
        }
    }
}
