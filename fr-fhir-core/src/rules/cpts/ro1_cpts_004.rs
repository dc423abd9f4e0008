//! RO1-CPTS-004 `cpts-service-provided-by-resolves`.
//!
//! HealthcareService.id is present and providedBy.reference points to an Organization of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-CPTS-004 `cpts-service-provided-by-resolves`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-004",
    name: "cpts-service-provided-by-resolves",
    severity: Severity::Error,
    scope: Scope::CPTS,
    source: "sas-cpts-healthcareservice-aggregator (id 1..1, providedBy 1..1) — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-healthcareservice-aggregator.html",
    summary_fr: "HealthcareService.id est présent et providedBy.reference désigne une Organization du Bundle.",
    summary_en: "HealthcareService.id is present and providedBy.reference points to an Organization of the Bundle.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque HealthcareService a un id et un providedBy.reference qui se résout vers une entrée Organization.",
        why_fr: "sas-cpts-healthcareservice-aggregator (id 1..1, providedBy 1..1) ; vérifié par le kit (validate_ref_cpts). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r#"{"resourceType":"HealthcareService","id":"hs1","providedBy":{"display":"CPTS Axe Majeur"}}"#,
        fix_fr: r#"Ajoutez "providedBy":{"reference":"Organization/<id>"} et incluez cette Organization."#,
        what_en: "Checks that every HealthcareService has an id and a providedBy.reference that resolves to an Organization entry.",
        why_en: "sas-cpts-healthcareservice-aggregator (id 1..1, providedBy 1..1); checked by the kit (validate_ref_cpts). Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"resourceType":"HealthcareService","id":"hs1","providedBy":{"display":"CPTS Axe Majeur"}}"#,
        fix_en: r#"Add "providedBy":{"reference":"Organization/<id>"} and include that Organization."#,
    },
};
