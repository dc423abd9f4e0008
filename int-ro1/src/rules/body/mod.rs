//! RO1-BODY-*: a body that cannot be read.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_body_001;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_body_001::RULE];
