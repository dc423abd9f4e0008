//! RO1-PROF-003 `profile-required-binding`.
//!
//! A code bound with strength 'required' by a profile belongs to the profile's value set.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-PROF-003 `profile-required-binding`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-003",
    name: "profile-required-binding",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (binding required)",
    summary_fr: "Un code lié avec la force « required » par un profil appartient au jeu de valeurs du profil.",
    summary_en: "A code bound with strength 'required' by a profile belongs to the profile's value set.",
    doc: RuleDoc {
        what_fr: "Un code lié avec la force « required » par un profil appartient au jeu de valeurs du profil.",
        why_fr: "TODO",
        example_fr: "TODO",
        fix_fr: "TODO",
        what_en: "A code bound with strength 'required' by a profile belongs to the profile's value set.",
        why_en: "TODO",
        example_en: "TODO",
        fix_en: "TODO",
    },
};
