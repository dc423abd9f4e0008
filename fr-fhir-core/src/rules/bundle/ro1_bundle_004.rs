//! RO1-BUNDLE-004 `bundle-single-self-link`.
//!
//! For CPTS and SOS, Bundle.link holds exactly one link, the self link; it is recommended for PS.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-BUNDLE-004 `bundle-single-self-link`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-004",
    name: "bundle-single-self-link",
    severity: Severity::Error,
    scope: Scope::CPTS_SOS,
    source: "sas-cpts/sos-bundle-aggregator link 1..1 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-bundle-aggregator.html",
    summary_fr: "En CPTS et SOS, Bundle.link contient exactement un lien, le lien self ; il est recommandé en PS.",
    summary_en: "For CPTS and SOS, Bundle.link holds exactly one link, the self link; it is recommended for PS.",
    doc: RuleDoc {
        what_fr: "Vérifie que Bundle.link a exactement un élément, de relation self : aucun lien, plusieurs liens ou des liens de pagination (next, previous) sont signalés.",
        why_fr: "sas-cpts-bundle-aggregator et sas-sos-bundle-aggregator déclarent link 1..1 ; le SAS ne pagine pas (lecture AMB-29) ; le kit exige aussi link.url en PS. Kit officiel ANS : vérifié en partie.",
        example_fr: r#"{"link":[{"relation":"self","url":"https://…/Slot?…"},{"relation":"next","url":"https://…/Slot?…&page=2"}]}"#,
        fix_fr: r#"Renvoyez un seul lien {"relation":"self","url":"<URL de la requête>"} et tous les résultats dans une seule page."#,
        what_en: "Checks that Bundle.link has exactly one element, with relation self: no link, several links or paging links (next, previous) are reported.",
        why_en: "sas-cpts-bundle-aggregator and sas-sos-bundle-aggregator declare link 1..1; the SAS does not page (reading AMB-29); the kit also requires link.url for PS. Official ANS kit: partly checked.",
        example_en: r#"{"link":[{"relation":"self","url":"https://…/Slot?…"},{"relation":"next","url":"https://…/Slot?…&page=2"}]}"#,
        fix_en: r#"Return a single link {"relation":"self","url":"<request URL>"} and every match in a single page."#,
    },
};
