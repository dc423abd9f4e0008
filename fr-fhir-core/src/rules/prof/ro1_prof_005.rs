//! RO1-PROF-005 `profile-slice`.
//!
//! Every value of an element with closed slicing matches a slice (its discriminator holds).
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-PROF-005 `profile-slice`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-005",
    name: "profile-slice",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (slicing)",
    summary_fr: "Chaque valeur d'un élément découpé en tranches fermées correspond à une tranche (discriminant satisfait).",
    summary_en: "Every value of an element with closed slicing matches a slice (its discriminator holds).",
    doc: RuleDoc {
        what_fr: "Chaque valeur d'un élément découpé en tranches fermées correspond à une tranche (discriminant satisfait).",
        why_fr: "TODO",
        example_fr: "TODO",
        fix_fr: "TODO",
        what_en: "Every value of an element with closed slicing matches a slice (its discriminator holds).",
        why_en: "TODO",
        example_en: "TODO",
        fix_en: "TODO",
    },
};
