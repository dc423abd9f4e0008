//! RO1-PROF-007 `profile-invariant-not-evaluated`.
//!
//! An invariant a profile names and the validator does not evaluate is reported once per profile, never silently skipped.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-PROF-007 `profile-invariant-not-evaluated`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-007",
    name: "profile-invariant-not-evaluated",
    severity: Severity::Information,
    scope: Scope::ALL,
    source: "IG invariants (ElementDefinition.constraint)",
    summary_fr: "Un invariant nommé par un profil et que le validateur n'évalue pas est signalé une fois par profil, jamais ignoré en silence.",
    summary_en: "An invariant a profile names and the validator does not evaluate is reported once per profile, never silently skipped.",
    doc: RuleDoc {
        what_fr: "Un invariant nommé par un profil et que le validateur n'évalue pas est signalé une fois par profil, jamais ignoré en silence.",
        why_fr: "TODO",
        example_fr: "TODO",
        fix_fr: "TODO",
        what_en: "An invariant a profile names and the validator does not evaluate is reported once per profile, never silently skipped.",
        why_en: "TODO",
        example_en: "TODO",
        fix_en: "TODO",
    },
};
