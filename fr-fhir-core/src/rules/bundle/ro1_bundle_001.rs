//! RO1-BUNDLE-001 `bundle-type-searchset`.
//!
//! The answer is a Bundle of type searchset.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-BUNDLE-001 `bundle-type-searchset`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-001",
    name: "bundle-type-searchset",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "BundleAgregateur/-CPTS/-SOS pattern searchset; agg-psindiv #13, #14 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-BundleAgregateur.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/ressources_casusage.html",
    summary_fr: "La réponse est un Bundle de type searchset.",
    summary_en: "The answer is a Bundle of type searchset.",
    doc: RuleDoc {
        what_fr: "Vérifie que la ressource racine a resourceType Bundle et que Bundle.type vaut searchset.",
        why_fr: "Les profils BundleAgregateur, sas-cpts-bundle-aggregator et sas-sos-bundle-aggregator imposent le motif searchset ; exigences agg-psindiv #13 et #14. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r#"{"resourceType":"Bundle","type":"collection","total":2,"entry":[…]}"#,
        fix_fr: r#"Mettez "type":"searchset" dans le Bundle de réponse."#,
        what_en: "Checks that the root resource has resourceType Bundle and that Bundle.type is searchset.",
        why_en: "The BundleAgregateur, sas-cpts-bundle-aggregator and sas-sos-bundle-aggregator profiles impose the searchset pattern; requirements agg-psindiv #13 and #14. Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"resourceType":"Bundle","type":"collection","total":2,"entry":[…]}"#,
        fix_en: r#"Set "type":"searchset" in the answer Bundle."#,
    },
};
