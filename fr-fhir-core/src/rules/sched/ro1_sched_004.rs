//! RO1-SCHED-004 `schedule-one-per-role`.
//!
//! There is one Schedule per PractitionerRole: no role is the actor of two Schedules and every role is the actor of one.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::{EntryType, NOT_FOUND};
use crate::rules::support::graph::Graph;
use crate::rules::{Emitter, Scope, quote};

/// RO1-SCHED-004 `schedule-one-per-role`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SCHED-004",
    name: "schedule-one-per-role",
    severity: Severity::Warning,
    scope: Scope::PS_CPTS,
    source: "FAQ PS; kit multi_lieux (2 roles <-> 2 schedules) — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Il y a un Schedule par PractitionerRole : aucun rôle n'est acteur de deux Schedule et chaque rôle l'est d'un Schedule.",
    summary_en: "There is one Schedule per PractitionerRole: no role is the actor of two Schedules and every role is the actor of one.",
    doc: RuleDoc {
        what_fr: "Associe chaque PractitionerRole du Bundle aux Schedule qui le citent comme acteur et signale un rôle cité par zéro ou par plusieurs Schedule.",
        why_fr: "FAQ PS (un agenda par lieu d'exercice) et scénario multi-lieux du kit (2 rôles ↔ 2 Schedule) ; les profils ne l'imposent pas, d'où l'avertissement. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Schedule\",\"id\":\"s1\",\"actor\":[{\"reference\":\"Practitioner/p1\"},{\"reference\":\"PractitionerRole/r1\"}]} + {\"resourceType\":\"Schedule\",\"id\":\"s2\",\"actor\":[{\"reference\":\"Practitioner/p1\"},{\"reference\":\"PractitionerRole/r1\"}]}",
        fix_fr: "Créez un Schedule par lieu d'exercice (PractitionerRole) et rattachez-y les créneaux de ce lieu.",
        what_en: "Maps every PractitionerRole of the Bundle to the Schedules naming it as actor and reports a role named by zero or several Schedules.",
        why_en: "PS FAQ (one agenda per place of practice) and the kit's multi-place scenario (2 roles ↔ 2 Schedules); the profiles do not impose it, hence the warning. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Schedule\",\"id\":\"s1\",\"actor\":[{\"reference\":\"Practitioner/p1\"},{\"reference\":\"PractitionerRole/r1\"}]} + {\"resourceType\":\"Schedule\",\"id\":\"s2\",\"actor\":[{\"reference\":\"Practitioner/p1\"},{\"reference\":\"PractitionerRole/r1\"}]}",
        fix_en: "Create one Schedule per place of practice (PractitionerRole) and attach that place's slots to it.",
    },
};

/// One Schedule per PractitionerRole (PS, CPTS): a role named by a second
/// Schedule, a role no Schedule names. Returns, per entry, whether it is such
/// an unnamed role (reported here, not again as an orphan by RO1-REF-004).
pub(crate) fn check_graph(g: &Graph<'_, '_>, em: &mut Emitter<'_>) -> Vec<bool> {
    let ix = g.ix;
    let n = ix.entries.len();
    let mut role_count = vec![0u32; n];
    let mut role_last = vec![NOT_FOUND; n];
    for (r, t) in g.schedule_actors() {
        if t == NOT_FOUND || g.named_type(r, t).as_deref() != Some("PractitionerRole") {
            continue;
        }
        let (Some(count), Some(last)) =
            (role_count.get_mut(t as usize), role_last.get_mut(t as usize))
        else {
            continue;
        };
        if *last != r.from {
            *last = r.from;
            *count += 1;
            if *count == 2 {
                em.at_sev(
                    Scope::PS_CPTS,
                    &RULE,
                    Severity::Warning,
                    r.element,
                    format!("{} est déjà l'acteur d'un autre Schedule : un agenda par lieu d'exercice", quote(&g.text(r))),
                    format!("{} is already the actor of another Schedule: one schedule per place of practice", quote(&g.text(r))),
                );
            }
        }
    }
    let mut unnamed = vec![false; n];
    for ((e, &count), flag) in ix.entries.iter().zip(&role_count).zip(unnamed.iter_mut()) {
        if e.kind == EntryType::PractitionerRole && count == 0 {
            *flag = true;
            em.at_sev(
                Scope::PS_CPTS,
                &RULE,
                Severity::Warning,
                e.span,
                "aucun Schedule ne désigne ce PractitionerRole : un agenda par lieu d'exercice est attendu".into(),
                "no Schedule names this PractitionerRole: one schedule per place of practice is expected".into(),
            );
        }
    }
    unnamed
}
