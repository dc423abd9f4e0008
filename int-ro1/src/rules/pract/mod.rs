//! RO1-PRACT-*: Practitioner.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_pract_005;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_pract_005::RULE];
