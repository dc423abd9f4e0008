//! RO1-SCHED-004 `schedule-one-per-role`.
//!
//! There is one Schedule per PractitionerRole: no role is the actor of two Schedules and every role is the actor of one.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

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
        example_fr: r#"{"resourceType":"Schedule","id":"s1","actor":[{"reference":"Practitioner/p1"},{"reference":"PractitionerRole/r1"}]} + {"resourceType":"Schedule","id":"s2","actor":[{"reference":"Practitioner/p1"},{"reference":"PractitionerRole/r1"}]}"#,
        fix_fr: "Créez un Schedule par lieu d'exercice (PractitionerRole) et rattachez-y les créneaux de ce lieu.",
        what_en: "Maps every PractitionerRole of the Bundle to the Schedules naming it as actor and reports a role named by zero or several Schedules.",
        why_en: "PS FAQ (one agenda per place of practice) and the kit's multi-place scenario (2 roles ↔ 2 Schedules); the profiles do not impose it, hence the warning. Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"resourceType":"Schedule","id":"s1","actor":[{"reference":"Practitioner/p1"},{"reference":"PractitionerRole/r1"}]} + {"resourceType":"Schedule","id":"s2","actor":[{"reference":"Practitioner/p1"},{"reference":"PractitionerRole/r1"}]}"#,
        fix_en: "Create one Schedule per place of practice (PractitionerRole) and attach that place's slots to it.",
    },
};
