//! RO1-PROF-008 `profile-invariant`.
//!
//! The invariants of a profile itself (FINESS-invariant, SIRET-invariant...) hold.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-PROF-008 `profile-invariant`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-008",
    name: "profile-invariant",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (constraint)",
    summary_fr: "Les invariants propres à un profil (FINESS-invariant, SIRET-invariant...) sont respectés.",
    summary_en: "The invariants of a profile itself (FINESS-invariant, SIRET-invariant...) hold.",
    doc: RuleDoc {
        what_fr: "Les invariants propres à un profil (FINESS-invariant, SIRET-invariant...) sont respectés.",
        why_fr: "TODO",
        example_fr: "TODO",
        fix_fr: "TODO",
        what_en: "The invariants of a profile itself (FINESS-invariant, SIRET-invariant...) hold.",
        why_en: "TODO",
        example_en: "TODO",
        fix_en: "TODO",
    },
};
