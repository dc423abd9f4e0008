//! RO1-FHIR-002 `fhir-no-unknown-property`.
//!
//! No unknown property: every key is an element of the resource or datatype (or its _x sibling), and resourceType is a known type spelled with its exact case.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::NoteKind;
use crate::rules::{Emitter, Scope};

/// RO1-FHIR-002 `fhir-no-unknown-property`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-002",
    name: "fhir-no-unknown-property",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 JSON format",
    summary_fr: "Aucune propriété inconnue : chaque clé est un élément de la ressource ou du type de données (ou son jumeau _x), et resourceType est un type connu écrit avec sa casse exacte.",
    summary_en: "No unknown property: every key is an element of the resource or datatype (or its _x sibling), and resourceType is a known type spelled with its exact case.",
    doc: RuleDoc {
        what_fr: "Signale chaque clé JSON qui n'est pas un élément FHIR R4 de l'objet où elle apparaît (ni son jumeau _x d'extension de primitive), ainsi qu'un resourceType inconnu ou mal cassé (« slot »).",
        why_fr: "Format JSON de FHIR R4 : les propriétés inconnues sont interdites ; une donnée propre à l'éditeur passe par une extension. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"slot\",\"id\":\"1\",\"begin\":\"2024-06-12T08:00:00.000+02:00\"}",
        fix_fr: "Corrigez le nom de l'élément (start au lieu de begin…) ou passez la donnée dans une extension déclarée.",
        what_en: "Reports every JSON key that is not a FHIR R4 element of the object it appears in (nor its _x primitive-extension sibling), and an unknown or miscased resourceType ('slot').",
        why_en: "FHIR R4 JSON format: unknown properties are forbidden; vendor-specific data goes into an extension. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"slot\",\"id\":\"1\",\"begin\":\"2024-06-12T08:00:00.000+02:00\"}",
        fix_en: "Fix the element name (start instead of begin…) or move the data into a declared extension.",
    },
};

/// Reports a reader note of an unknown element or resource type, or of a
/// missing or unexpected `resourceType`.
pub(crate) fn check_note(kind: &NoteKind, sp: Span, em: &mut Emitter<'_>) {
    let (fr, en) = match kind {
        NoteKind::UnknownElement { name, owner } => (
            format!("élément inconnu `{name}` : ce n'est pas un élément de {owner} en FHIR R4"),
            format!("unknown element `{name}`: not an element of {owner} in FHIR R4"),
        ),
        NoteKind::UnknownResourceType { name } => (
            format!("resourceType `{name}` inconnu en FHIR R4 (la casse compte)"),
            format!("resourceType `{name}` is not a FHIR R4 resource type (case matters)"),
        ),
        NoteKind::MissingResourceType => {
            ("ressource sans `resourceType`".into(), "resource without `resourceType`".into())
        }
        NoteKind::ResourceTypeMismatch { expected, found } => (
            format!("resourceType `{found}` trouvé, `{expected}` attendu ici"),
            format!("resourceType `{found}` found, `{expected}` expected here"),
        ),
        _ => return,
    };
    em.at(Scope::ALL, &RULE, sp, fr, en);
}
