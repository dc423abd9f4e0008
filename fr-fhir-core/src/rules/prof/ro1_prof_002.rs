//! RO1-PROF-002 `profile-fixed-value`.
//!
//! An element with a fixed value (fixed[x]) or a pattern (pattern[x]) in the profile carries that value.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-PROF-002 `profile-fixed-value`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-002",
    name: "profile-fixed-value",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (fixed[x], pattern[x])",
    summary_fr: "Un élément qui a une valeur fixe (fixed[x]) ou un motif (pattern[x]) dans le profil porte cette valeur.",
    summary_en: "An element with a fixed value (fixed[x]) or a pattern (pattern[x]) in the profile carries that value.",
    doc: RuleDoc {
        what_fr: "Un élément qui a une valeur fixe (fixed[x]) ou un motif (pattern[x]) dans le profil porte cette valeur.",
        why_fr: "TODO",
        example_fr: "TODO",
        fix_fr: "TODO",
        what_en: "An element with a fixed value (fixed[x]) or a pattern (pattern[x]) in the profile carries that value.",
        why_en: "TODO",
        example_en: "TODO",
        fix_en: "TODO",
    },
};
