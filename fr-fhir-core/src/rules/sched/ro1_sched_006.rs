//! RO1-SCHED-006 `schedule-actors-same-practitioner`.
//!
//! The Practitioner named in Schedule.actor is the PractitionerRole.practitioner of the role named in the same Schedule.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

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
        example_fr: r#"{"resourceType":"Schedule","actor":[{"reference":"Practitioner/p1"},{"reference":"PractitionerRole/r2"}]}  avec  {"resourceType":"PractitionerRole","id":"r2","practitioner":{"reference":"Practitioner/p2"}}"#,
        fix_fr: "Dans chaque Schedule, citez le rôle et le praticien qui vont ensemble.",
        what_en: "For every Schedule, compares the Practitioner reference in actor with the PractitionerRole.practitioner of the role named in actor, and reports the actor element that names another practitioner.",
        why_en: "Derived from the answer structure and from the references the kit's multi-place scenario checks: an agenda belongs to a single practitioner. Official ANS kit: partly checked.",
        example_en: r#"{"resourceType":"Schedule","actor":[{"reference":"Practitioner/p1"},{"reference":"PractitionerRole/r2"}]}  with  {"resourceType":"PractitionerRole","id":"r2","practitioner":{"reference":"Practitioner/p2"}}"#,
        fix_en: "In every Schedule, name the role and the practitioner that belong together.",
    },
};
