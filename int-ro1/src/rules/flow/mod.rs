//! RO1-FLOW-*: exchanges of other flows.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_flow_001;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_flow_001::RULE];
