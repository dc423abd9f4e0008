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

// End of Bundle: providedBy resolves to an Organization entry (the per-entry
// check sits right after RULE). Full paths keep this part independent of the
// imports at the top of the file, which belong to the per-entry check.

static GRAPH_EXPECT: crate::rules::support::graph::Expect = crate::rules::support::graph::Expect {
    rule: &RULE,
    scope: Scope::CPTS,
    rtype: "Organization",
    what: "HealthcareService.providedBy",
};

/// A `HealthcareService.providedBy` reference (CPTS) that names no
/// Organization entry; true when the reference is this rule's.
pub(crate) fn check_graph_reference(
    g: &crate::rules::support::graph::Graph<'_, '_>,
    r: &crate::rules::index::RefInfo,
    t: u32,
    em: &mut crate::rules::Emitter<'_>,
) -> bool {
    if r.field != crate::rules::index::RefField::ProvidedBy || g.uc != crate::rules::UseCase::CPTS {
        return false;
    }
    crate::rules::support::graph::check_resolves(g, r, t, &GRAPH_EXPECT, em);
    true
}

#[cfg(test)]
mod graph_tests {
    use serde_json::json;

    use crate::rules::testutil::{CPTS, E, at, of_rule, patch};

    #[test]
    fn cpts_004_provided_by() {
        let src = patch(
            CPTS,
            "/entry/6/resource/providedBy/reference",
            Some(json!("Organization/inconnue")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-CPTS-004"),
            at("Bundle.entry[6].resource.providedBy.reference", E)
        );
    }
}
