//! RO1-WIN-*: the search window.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_win_001;
pub mod ro1_win_002;
pub mod ro1_win_003;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_win_001::RULE, &ro1_win_002::RULE, &ro1_win_003::RULE];
