//! RO1-REF-*: references between resources.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_ref_005;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_ref_005::RULE];
