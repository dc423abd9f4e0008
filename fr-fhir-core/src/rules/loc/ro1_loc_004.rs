//! RO1-LOC-004 `contained-location-no-meta`.
//!
//! The contained Location has no meta.versionId, meta.lastUpdated or meta.security and no nested contained.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-LOC-004 `contained-location-no-meta`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-LOC-004",
    name: "contained-location-no-meta",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FHIR dom-2, dom-4, dom-5",
    summary_fr: "Le Location contenu n'a ni meta.versionId, ni meta.lastUpdated, ni meta.security, ni contained imbriqué.",
    summary_en: "The contained Location has no meta.versionId, meta.lastUpdated or meta.security and no nested contained.",
    doc: RuleDoc {
        what_fr: "Vérifie que le Location contenu dans un PractitionerRole ne porte pas meta.versionId, meta.lastUpdated ou meta.security et ne contient pas lui-même de ressources.",
        why_fr: "Règles dom-2, dom-4 et dom-5 de FHIR R4 : une ressource contenue n'a pas d'existence propre, donc pas de version ni d'étiquette de sécurité. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: r#"{"contained":[{"resourceType":"Location","id":"lieu1","meta":{"versionId":"3","lastUpdated":"2024-06-01T10:00:00+02:00"}}]}"#,
        fix_fr: "Ne gardez dans meta du Location contenu que meta.profile.",
        what_en: "Checks that the Location contained in a PractitionerRole carries no meta.versionId, meta.lastUpdated or meta.security and contains no resources itself.",
        why_en: "FHIR R4 rules dom-2, dom-4 and dom-5: a contained resource has no life of its own, so no version and no security label. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"contained":[{"resourceType":"Location","id":"lieu1","meta":{"versionId":"3","lastUpdated":"2024-06-01T10:00:00+02:00"}}]}"#,
        fix_en: "Keep only meta.profile in the meta of the contained Location.",
    },
};
