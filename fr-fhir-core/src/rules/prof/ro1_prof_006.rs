//! RO1-PROF-006 `profile-type`.
//!
//! The type of a value (value[x] choice, entry resource, reference target) is one the profile allows.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-PROF-006 `profile-type`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-006",
    name: "profile-type",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (type, targetProfile)",
    summary_fr: "Le type d'une valeur (choix value[x], ressource d'une entrée, cible d'une référence) est l'un de ceux que le profil permet.",
    summary_en: "The type of a value (value[x] choice, entry resource, reference target) is one the profile allows.",
    doc: RuleDoc {
        what_fr: "Le type d'une valeur (choix value[x], ressource d'une entrée, cible d'une référence) est l'un de ceux que le profil permet.",
        why_fr: "TODO",
        example_fr: "TODO",
        fix_fr: "TODO",
        what_en: "The type of a value (value[x] choice, entry resource, reference target) is one the profile allows.",
        why_en: "TODO",
        example_en: "TODO",
        fix_en: "TODO",
    },
};
