//! RO1-LOC-004 `contained-location-no-meta`.
//!
//! The contained Location has no meta.versionId, meta.lastUpdated or meta.security and no nested contained.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::Location;
use crate::rules::{Emitter, Scope};

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
        example_fr: "{\"contained\":[{\"resourceType\":\"Location\",\"id\":\"lieu1\",\"meta\":{\"versionId\":\"3\",\"lastUpdated\":\"2024-06-01T10:00:00+02:00\"}}]}",
        fix_fr: "Ne gardez dans meta du Location contenu que meta.profile.",
        what_en: "Checks that the Location contained in a PractitionerRole carries no meta.versionId, meta.lastUpdated or meta.security and contains no resources itself.",
        why_en: "FHIR R4 rules dom-2, dom-4 and dom-5: a contained resource has no life of its own, so no version and no security label. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"contained\":[{\"resourceType\":\"Location\",\"id\":\"lieu1\",\"meta\":{\"versionId\":\"3\",\"lastUpdated\":\"2024-06-01T10:00:00+02:00\"}}]}",
        fix_en: "Keep only meta.profile in the meta of the contained Location.",
    },
};

/// Checks that a contained Location has no version, no security label and
/// no contained resources of its own (dom-2, dom-4, dom-5).
pub(crate) fn check_contained_meta(loc: &Location<'_>, em: &mut Emitter<'_>) {
    if let Some(meta) = &loc.meta {
        let mut report = |span: Span, what: &str| {
            em.at(
                Scope::PS_CPTS,
                &RULE,
                span,
                format!("meta.{what} interdit dans une ressource contenue (dom-4/dom-5)"),
                format!("meta.{what} is not allowed in a contained resource (dom-4/dom-5)"),
            );
        };
        if let Some(v) = &meta.version_id {
            report(v.span, "versionId");
        }
        if let Some(v) = &meta.last_updated {
            report(v.span, "lastUpdated");
        }
        for s in &meta.security {
            report(s.span, "security");
        }
    }
    for nested in &loc.contained {
        em.at(
            Scope::PS_CPTS,
            &RULE,
            nested.span(),
            format!(
                "{} contenu dans une ressource elle-même contenue (dom-2)",
                nested.resource_type()
            ),
            format!("{} contained in a contained resource (dom-2)", nested.resource_type()),
        );
    }
}
