//! RO1-SCHED-005 `sos-schedule-actor-location`.
//!
//! For SOS, Schedule.actor has exactly one reference, to a Location of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::RefField;
use crate::rules::support::graph::{Expect, Graph, check_type};
use crate::rules::{Emitter, Scope};

/// RO1-SCHED-005 `sos-schedule-actor-location`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SCHED-005",
    name: "sos-schedule-actor-location",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "sas-sos-schedule-aggregator; FAQ SOS — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-schedule-aggregator.html",
    summary_fr: "En SOS, Schedule.actor a exactement une référence, vers un Location du Bundle.",
    summary_en: "For SOS, Schedule.actor has exactly one reference, to a Location of the Bundle.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque Schedule SOS a un seul acteur et que celui-ci se résout vers une entrée Location (un Schedule par point fixe de garde).",
        why_fr: "Profil sas-sos-schedule-aggregator (actor de type FrLocation) et FAQ SOS. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Schedule\",\"actor\":[{\"reference\":\"Location/pfg1\"},{\"reference\":\"Organization/sos1\"}]}",
        fix_fr: "Ne gardez que la référence au Location du point fixe dans Schedule.actor.",
        what_en: "Checks that every SOS Schedule has a single actor and that it resolves to a Location entry (one Schedule per fixed consultation place).",
        why_en: "sas-sos-schedule-aggregator profile (actor typed FrLocation) and SOS FAQ. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Schedule\",\"actor\":[{\"reference\":\"Location/pfg1\"},{\"reference\":\"Organization/sos1\"}]}",
        fix_en: "Keep only the reference to the fixed place's Location in Schedule.actor.",
    },
};

/// `Schedule.actor` (SOS): present, naming a Location entry (a broken one
/// is RO1-SCHED-002's); [`check_graph`] keeps it to one actor.
pub(crate) static EXPECT: Expect = Expect {
    rule: &RULE,
    scope: Scope::SOS,
    field: RefField::ScheduleActor,
    what: "Schedule.actor",
    rtype: Some("Location"),
};

/// One actor per SOS Schedule, a Location of the Bundle.
pub(crate) fn check_graph(g: &Graph<'_, '_>, em: &mut Emitter<'_>) {
    // The first actor element of each Schedule (with or without a reference).
    let mut first = vec![u32::MAX; g.ix.entries.len()];
    let actors =
        g.ix.refs
            .iter()
            .filter(|r| r.field == RefField::ScheduleActor)
            .map(|r| (r.from, r.element));
    let missing = g.ix.missing_refs.iter().filter(|m| m.field == RefField::ScheduleActor);
    let all = || actors.clone().chain(missing.clone().map(|m| (m.from, m.element)));
    for (from, el) in all() {
        if let Some(f) = first.get_mut(from as usize) {
            *f = (*f).min(el.start);
        }
    }
    for (from, el) in all() {
        if first.get(from as usize).is_some_and(|&f| f != el.start) {
            em.at(
                Scope::SOS,
                &RULE,
                el,
                "acteur supplémentaire : un Schedule SOS a un seul acteur, son lieu fixe de consultation".into(),
                "extra actor: a SOS Schedule has a single actor, its fixed consultation place".into(),
            );
        }
    }
    for (r, t) in g.resolved() {
        if r.field != RefField::ScheduleActor
            || first.get(r.from as usize).is_some_and(|&f| f != r.element.start)
        {
            continue;
        }
        check_type(g, r, t, &EXPECT, em);
    }
}
