//! RO1-SCHED-006 `schedule-actors-same-practitioner`.
//!
//! The Practitioner named in Schedule.actor is the PractitionerRole.practitioner of the role named in the same Schedule.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::{NOT_FOUND, RefField};
use crate::rules::support::graph::Graph;
use crate::rules::{Emitter, Scope};

/// RO1-SCHED-006 `schedule-actors-same-practitioner`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SCHED-006",
    name: "schedule-actors-same-practitioner",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "Derived; kit multi_lieux references",
    summary_fr: "Le Practitioner cité dans Schedule.actor est celui du PractitionerRole cité dans le même Schedule.",
    summary_en: "The Practitioner named in Schedule.actor is the PractitionerRole.practitioner of the role named in the same Schedule.",
    doc: RuleDoc {
        what_fr: "Pour chaque Schedule, compare la référence Practitioner de actor au PractitionerRole.practitioner du rôle cité dans actor, et signale l'élément actor qui désigne un autre praticien.",
        why_fr: "Règle déduite de la structure de la réponse et des références vérifiées par le scénario multi-lieux du kit : un agenda appartient à un seul praticien. Kit officiel ANS : vérifié en partie.",
        example_fr: "{\"resourceType\":\"Schedule\",\"actor\":[{\"reference\":\"Practitioner/p1\"},{\"reference\":\"PractitionerRole/r2\"}]}  avec  {\"resourceType\":\"PractitionerRole\",\"id\":\"r2\",\"practitioner\":{\"reference\":\"Practitioner/p2\"}}",
        fix_fr: "Dans chaque Schedule, citez le rôle et le praticien qui vont ensemble.",
        what_en: "For every Schedule, compares the Practitioner reference in actor with the PractitionerRole.practitioner of the role named in actor, and reports the actor element that names another practitioner.",
        why_en: "Derived from the answer structure and from the references the kit's multi-place scenario checks: an agenda belongs to a single practitioner. Official ANS kit: partly checked.",
        example_en: "{\"resourceType\":\"Schedule\",\"actor\":[{\"reference\":\"Practitioner/p1\"},{\"reference\":\"PractitionerRole/r2\"}]}  with  {\"resourceType\":\"PractitionerRole\",\"id\":\"r2\",\"practitioner\":{\"reference\":\"Practitioner/p2\"}}",
        fix_en: "In every Schedule, name the role and the practitioner that belong together.",
    },
};

/// The PractitionerRole actors of each Schedule (PS, CPTS) belong to its
/// Practitioner actor.
pub(crate) fn check_graph(g: &Graph<'_, '_>, em: &mut Emitter<'_>) {
    // The Practitioner each PractitionerRole entry names (when it resolves to one).
    let mut role_pract = vec![NOT_FOUND; g.ix.entries.len()];
    for (r, t) in g.resolved() {
        if r.field == RefField::RolePractitioner
            && g.rtype(t) == Some("Practitioner")
            && let Some(slot) = role_pract.get_mut(r.from as usize)
        {
            *slot = t;
        }
    }
    let actors = g.schedule_actors();
    let mut role_actors = Vec::new();
    for schedule in actors.chunk_by(|a, b| a.0.from == b.0.from) {
        let (mut practitioners, mut practitioner) = (0u32, None);
        role_actors.clear();
        for &(r, t) in schedule {
            match g.named_type(r, t).as_deref() {
                Some("Practitioner") => {
                    practitioners += 1;
                    if t != NOT_FOUND {
                        practitioner = Some(t);
                    }
                }
                Some("PractitionerRole") if t != NOT_FOUND => role_actors.push((t, r.element)),
                _ => {}
            }
        }
        // Only with exactly one Practitioner (otherwise RO1-SCHED-001 said it).
        let (1, Some(p)) = (practitioners, practitioner) else { continue };
        for &(role, element) in &role_actors {
            let q = role_pract.get(role as usize).copied().unwrap_or(NOT_FOUND);
            if q != NOT_FOUND && q != p {
                em.at(
                    Scope::PS_CPTS,
                    &RULE,
                    element,
                    format!(
                        "le PractitionerRole de l'entrée {} appartient au Practitioner de l'entrée {}, pas à celui du Schedule (entrée {})",
                        g.entry_no(role),
                        g.entry_no(q),
                        g.entry_no(p)
                    ),
                    format!(
                        "the PractitionerRole of entry {} belongs to the Practitioner of entry {}, not to the Schedule's (entry {})",
                        g.entry_no(role),
                        g.entry_no(q),
                        g.entry_no(p)
                    ),
                );
            }
        }
    }
}
