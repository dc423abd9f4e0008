//! RO1-CPTS-004 `cpts-service-provided-by-resolves`.
//!
//! HealthcareService.id is present and providedBy.reference points to an Organization of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::HealthcareService;
use crate::rules::support::graph;
use crate::rules::support::presence::missing;
use crate::rules::{Emitter, EntryCx, Scope, index};

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
        example_fr: "{\"resourceType\":\"HealthcareService\",\"id\":\"hs1\",\"providedBy\":{\"display\":\"CPTS Axe Majeur\"}}",
        fix_fr: "Ajoutez \"providedBy\":{\"reference\":\"Organization/<id>\"} et incluez cette Organization.",
        what_en: "Checks that every HealthcareService has an id and a providedBy.reference that resolves to an Organization entry.",
        why_en: "sas-cpts-healthcareservice-aggregator (id 1..1, providedBy 1..1); checked by the kit (validate_ref_cpts). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"HealthcareService\",\"id\":\"hs1\",\"providedBy\":{\"display\":\"CPTS Axe Majeur\"}}",
        fix_en: "Add \"providedBy\":{\"reference\":\"Organization/<id>\"} and include that Organization.",
    },
};

/// Local part on each HealthcareService: id and providedBy.reference present
/// (whether providedBy resolves is checked at the end of the Bundle).
pub(crate) fn check_healthcare_service(
    h: &HealthcareService<'_>,
    e: &EntryCx<'_, '_>,
    em: &mut Emitter<'_>,
) {
    if h.id.is_none() {
        missing(
            em,
            e.src,
            Scope::CPTS,
            &RULE,
            None,
            h.span,
            "id",
            "HealthcareService sans id : le Slot le référence par `HealthcareService/<id>`".into(),
            "HealthcareService without an id: the Slot references it as `HealthcareService/<id>`"
                .into(),
        );
    }
    match &h.provided_by {
        None => missing(
            em,
            e.src,
            Scope::CPTS,
            &RULE,
            None,
            h.span,
            "providedBy",
            "HealthcareService sans providedBy : attendu `Organization/<id>` de la CPTS".into(),
            "HealthcareService without providedBy: expected `Organization/<id>` of the CPTS".into(),
        ),
        Some(r) if r.reference.is_none() => missing(
            em,
            e.src,
            Scope::CPTS,
            &RULE,
            None,
            r.span,
            "reference",
            "HealthcareService.providedBy sans reference : attendu `Organization/<id>` de la CPTS".into(),
            "HealthcareService.providedBy without a reference: expected `Organization/<id>` of the CPTS".into(),
        ),
        Some(_) => {}
    }
}

// End of Bundle: providedBy resolves to an Organization entry.

/// `HealthcareService.providedBy` (CPTS) names an Organization entry (its
/// presence is checked on each HealthcareService above).
pub(crate) static GRAPH_EXPECT: graph::Expect = graph::Expect {
    rule: &RULE,
    scope: Scope::CPTS,
    field: index::RefField::ProvidedBy,
    what: "HealthcareService.providedBy",
    rtype: Some("Organization"),
};
