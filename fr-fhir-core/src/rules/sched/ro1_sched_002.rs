//! RO1-SCHED-002 `schedule-actor-resolves`.
//!
//! Every Schedule.actor.reference points to an entry of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::{CONTAINED, MissingRef, NOT_FOUND, RefField, RefInfo};
use crate::rules::support::graph::{Graph, no_reference};
use crate::rules::{Emitter, Scope, quote};

/// RO1-SCHED-002 `schedule-actor-resolves`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SCHED-002",
    name: "schedule-actor-resolves",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FrScheduleAgregateur aggregation referenced+bundled; sas-sos-schedule actor.reference 1..1 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrScheduleAgregateur.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-schedule-aggregator.html",
    summary_fr: "Chaque Schedule.actor.reference désigne une entrée du Bundle.",
    summary_en: "Every Schedule.actor.reference points to an entry of the Bundle.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque référence de Schedule.actor se résout vers une ressource présente dans le Bundle.",
        why_fr: "FrScheduleAgregateur impose l'agrégation referenced + bundled ; sas-sos-schedule-aggregator rend actor.reference 1..1. Kit officiel ANS : vérifié en partie.",
        example_fr: "{\"resourceType\":\"Schedule\",\"actor\":[{\"reference\":\"Practitioner/p1\"},{\"reference\":\"PractitionerRole/absent\"}]}",
        fix_fr: "Incluez dans le Bundle chaque ressource référencée par Schedule.actor.",
        what_en: "Checks that every Schedule.actor reference resolves to a resource present in the Bundle.",
        why_en: "FrScheduleAgregateur imposes the referenced + bundled aggregation; sas-sos-schedule-aggregator makes actor.reference 1..1. Official ANS kit: partly checked.",
        example_en: "{\"resourceType\":\"Schedule\",\"actor\":[{\"reference\":\"Practitioner/p1\"},{\"reference\":\"PractitionerRole/absent\"}]}",
        fix_en: "Include in the Bundle every resource referenced by Schedule.actor.",
    },
};

/// A `Schedule.actor` reference that names no entry (whatever its type:
/// RO1-SCHED-001/005 judge the type); true when the reference is this rule's.
pub(crate) fn check_graph_reference(
    g: &Graph<'_, '_>,
    r: &RefInfo,
    t: u32,
    em: &mut Emitter<'_>,
) -> bool {
    if r.field != RefField::ScheduleActor {
        return false;
    }
    if t == NOT_FOUND || t == CONTAINED {
        em.at(
            Scope::ALL,
            &RULE,
            r.span,
            format!("Schedule.actor {} ne correspond à aucune entrée du Bundle", quote(&g.text(r))),
            format!("Schedule.actor {} matches no entry of the Bundle", quote(&g.text(r))),
        );
    }
    true
}

/// A `Schedule.actor` element without `reference`.
pub(crate) fn check_graph_bare_reference(m: &MissingRef, em: &mut Emitter<'_>) {
    if m.field == RefField::ScheduleActor {
        no_reference(m, Scope::ALL, &RULE, "Schedule.actor", em);
    }
}
