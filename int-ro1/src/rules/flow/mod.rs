//! RO1-FLOW-*: exchanges a capture holds that belong to no SAS flow.
//! (RO1-FLOW-001, "another SAS flow, not checked yet", was retired when the
//! INT_R02 and INT_R03 packs came: those exchanges are now validated.)

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_flow_002;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_flow_002::RULE];
