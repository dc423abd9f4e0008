//! RO1-BUNDLE-001 `bundle-type-searchset`.
//!
//! The answer is a Bundle of type searchset.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::Resource;
use crate::rules::{Emitter, Finish, Scope, quote};

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
        example_fr: "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"total\":2,\"entry\":[…]}",
        fix_fr: "Mettez \"type\":\"searchset\" dans le Bundle de réponse.",
        what_en: "Checks that the root resource has resourceType Bundle and that Bundle.type is searchset.",
        why_en: "The BundleAgregateur, sas-cpts-bundle-aggregator and sas-sos-bundle-aggregator profiles impose the searchset pattern; requirements agg-psindiv #13 and #14. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"total\":2,\"entry\":[…]}",
        fix_en: "Set \"type\":\"searchset\" in the answer Bundle.",
    },
};

/// Bundle.type is `searchset`.
pub(crate) fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let b = f.bundle;
    match &b.type_ {
        None if !super::bundle_has_key(f, "type") => em.missing(
            Scope::ALL,
            &RULE,
            b.span,
            "type",
            "Bundle.type est absent : `searchset` attendu".into(),
            "Bundle.type is missing: `searchset` expected".into(),
        ),
        Some(t) if t.as_str() != "searchset" => em.at(
            Scope::ALL,
            &RULE,
            t.span,
            format!("Bundle.type vaut {} : `searchset` attendu", quote(t.as_str())),
            format!("Bundle.type is {}: `searchset` expected", quote(t.as_str())),
        ),
        _ => {}
    }
}

/// The document is not a Bundle at all.
pub(crate) fn check_not_a_bundle(res: Option<&Resource<'_>>, src: &str, em: &mut Emitter<'_>) {
    let whole = Span::new(0, u32::try_from(src.len()).unwrap_or(u32::MAX));
    match res {
        Some(r) if r.resource_type().is_empty() => em.at(
            Scope::ALL,
            &RULE,
            r.span(),
            "la réponse n'a pas de `resourceType` : un Bundle searchset est attendu".into(),
            "the answer has no `resourceType`: a searchset Bundle is expected".into(),
        ),
        Some(r) => em.missing(
            Scope::ALL,
            &RULE,
            r.span(),
            "resourceType",
            format!(
                "la réponse est une ressource {} : un Bundle searchset est attendu",
                quote(r.resource_type())
            ),
            format!(
                "the answer is a {} resource: a searchset Bundle is expected",
                quote(r.resource_type())
            ),
        ),
        None => em.at(
            Scope::ALL,
            &RULE,
            whole,
            "la réponse n'est pas une ressource FHIR : un Bundle searchset est attendu".into(),
            "the answer is not a FHIR resource: a searchset Bundle is expected".into(),
        ),
    }
}
