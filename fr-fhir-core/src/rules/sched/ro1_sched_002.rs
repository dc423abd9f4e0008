//! RO1-SCHED-002 `schedule-actor-resolves`.
//!
//! Every Schedule.actor.reference points to an entry of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;
use crate::rules::index::RefField;
use crate::rules::support::graph::Expect;

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

/// `Schedule.actor`: each element has a `reference` naming an entry, of
/// whatever type (RO1-SCHED-001/005 judge the type).
pub(crate) static EXPECT: Expect = Expect {
    rule: &RULE,
    scope: Scope::ALL,
    field: RefField::ScheduleActor,
    what: "Schedule.actor",
    rtype: None,
};
