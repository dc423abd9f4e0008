//! RO1-FHIR-009 `fhir-base-invariant`.
//!
//! The base FHIR R4 invariants not covered by RO1-FHIR-006/007/008 hold (per-1, cpt-2, ref-1, org-1, app-1..4 and the others the definitions name).
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-FHIR-009 `fhir-base-invariant`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-009",
    name: "fhir-base-invariant",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 StructureDefinitions (constraint keys)",
    summary_fr: "Les invariants de base FHIR R4 non couverts par RO1-FHIR-006/007/008 sont respectés (per-1, cpt-2, ref-1, org-1, app-1..4 et les autres que nomment les définitions).",
    summary_en: "The base FHIR R4 invariants not covered by RO1-FHIR-006/007/008 hold (per-1, cpt-2, ref-1, org-1, app-1..4 and the others the definitions name).",
    doc: RuleDoc {
        what_fr: "Les invariants de base FHIR R4 non couverts par RO1-FHIR-006/007/008 sont respectés (per-1, cpt-2, ref-1, org-1, app-1..4 et les autres que nomment les définitions).",
        why_fr: "TODO",
        example_fr: "TODO",
        fix_fr: "TODO",
        what_en: "The base FHIR R4 invariants not covered by RO1-FHIR-006/007/008 hold (per-1, cpt-2, ref-1, org-1, app-1..4 and the others the definitions name).",
        why_en: "TODO",
        example_en: "TODO",
        fix_en: "TODO",
    },
};
