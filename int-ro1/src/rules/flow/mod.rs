//! RO1-FLOW-*: exchanges a capture holds that are not slot searches.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_flow_001;
pub mod ro1_flow_002;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_flow_001::RULE, &ro1_flow_002::RULE];
