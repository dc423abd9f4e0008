//! RO1-BUNDLE-*: the searchset Bundle.

use crate::finding::RuleMeta;

pub mod ro1_bundle_001;
pub mod ro1_bundle_002;
pub mod ro1_bundle_003;
pub mod ro1_bundle_004;
pub mod ro1_bundle_006;
pub mod ro1_bundle_007;
pub mod ro1_bundle_008;
pub mod ro1_bundle_009;
pub mod ro1_bundle_010;
pub mod ro1_bundle_011;
pub mod ro1_bundle_012;
pub mod ro1_bundle_013;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_bundle_001::RULE,
    &ro1_bundle_002::RULE,
    &ro1_bundle_003::RULE,
    &ro1_bundle_004::RULE,
    &ro1_bundle_006::RULE,
    &ro1_bundle_007::RULE,
    &ro1_bundle_008::RULE,
    &ro1_bundle_009::RULE,
    &ro1_bundle_010::RULE,
    &ro1_bundle_011::RULE,
    &ro1_bundle_012::RULE,
    &ro1_bundle_013::RULE,
];
