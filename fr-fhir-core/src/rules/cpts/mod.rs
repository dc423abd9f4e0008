//! RO1-CPTS-*: the CPTS search.

use crate::finding::RuleMeta;

pub mod ro1_cpts_001;
pub mod ro1_cpts_002;
pub mod ro1_cpts_003;
pub mod ro1_cpts_004;
pub mod ro1_cpts_005;
pub mod ro1_cpts_006;
pub mod ro1_cpts_007;
pub mod ro1_cpts_008;
pub mod ro1_cpts_009;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_cpts_001::RULE,
    &ro1_cpts_002::RULE,
    &ro1_cpts_003::RULE,
    &ro1_cpts_004::RULE,
    &ro1_cpts_005::RULE,
    &ro1_cpts_006::RULE,
    &ro1_cpts_007::RULE,
    &ro1_cpts_008::RULE,
    &ro1_cpts_009::RULE,
];
