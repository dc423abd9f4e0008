//! RO1-PROF-001 `profile-cardinality`.
//!
//! The cardinalities (min and max) of a profile, slices included, hold.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-PROF-001 `profile-cardinality`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-001",
    name: "profile-cardinality",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (snapshot min/max)",
    summary_fr: "Les cardinalités (min et max) d'un profil, tranches comprises, sont respectées.",
    summary_en: "The cardinalities (min and max) of a profile, slices included, hold.",
    doc: RuleDoc {
        what_fr: "Les cardinalités (min et max) d'un profil, tranches comprises, sont respectées.",
        why_fr: "TODO",
        example_fr: "TODO",
        fix_fr: "TODO",
        what_en: "The cardinalities (min and max) of a profile, slices included, hold.",
        why_en: "TODO",
        example_en: "TODO",
        fix_en: "TODO",
    },
};
