//! RO1-PROF-004 `extensible-binding`.
//!
//! A code bound with strength 'extensible' to an enumerable value set belongs to it (otherwise a code from another system may be justified).
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-PROF-004 `extensible-binding`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-004",
    name: "extensible-binding",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "FHIR R4 and SAS IG bindings (extensible)",
    summary_fr: "Un code lié avec la force « extensible » à un jeu de valeurs énumérable en fait partie (sinon, un code d'un autre système peut être justifié).",
    summary_en: "A code bound with strength 'extensible' to an enumerable value set belongs to it (otherwise a code from another system may be justified).",
    doc: RuleDoc {
        what_fr: "Un code lié avec la force « extensible » à un jeu de valeurs énumérable en fait partie (sinon, un code d'un autre système peut être justifié).",
        why_fr: "TODO",
        example_fr: "TODO",
        fix_fr: "TODO",
        what_en: "A code bound with strength 'extensible' to an enumerable value set belongs to it (otherwise a code from another system may be justified).",
        why_en: "TODO",
        example_en: "TODO",
        fix_en: "TODO",
    },
};
