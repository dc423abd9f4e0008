//! RO1-ID-*: French national identifiers.

use crate::finding::RuleMeta;

pub mod ro1_id_001;
pub mod ro1_id_002;
pub mod ro1_id_003;
pub mod ro1_id_004;
pub mod ro1_id_005;
pub mod ro1_id_006;
pub mod ro1_id_007;
pub mod ro1_id_008;
pub mod ro1_id_009;
pub mod ro1_id_010;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_id_001::RULE,
    &ro1_id_002::RULE,
    &ro1_id_003::RULE,
    &ro1_id_004::RULE,
    &ro1_id_005::RULE,
    &ro1_id_006::RULE,
    &ro1_id_007::RULE,
    &ro1_id_008::RULE,
    &ro1_id_009::RULE,
    &ro1_id_010::RULE,
];
