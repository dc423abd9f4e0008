//! RO1-SOS-*: the SOS Médecins search.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_sos_005;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_sos_005::RULE];
