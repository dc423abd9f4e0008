//! RO1-BUNDLE-*: the searchset Bundle.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_bundle_005;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_bundle_005::RULE];
