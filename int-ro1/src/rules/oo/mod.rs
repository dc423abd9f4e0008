//! RO1-OO-*: OperationOutcome.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_oo_001;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_oo_001::RULE];
