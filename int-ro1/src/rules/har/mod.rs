//! RO1-HAR-*: the capture file itself.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_har_001;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_har_001::RULE];
