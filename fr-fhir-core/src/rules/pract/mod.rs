//! RO1-PRACT-*: Practitioner.

use crate::finding::RuleMeta;

pub mod ro1_pract_001;
pub mod ro1_pract_002;
pub mod ro1_pract_003;
pub mod ro1_pract_004;
pub mod ro1_pract_006;
pub mod ro1_pract_007;
pub mod ro1_pract_008;
pub mod ro1_pract_009;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_pract_001::RULE,
    &ro1_pract_002::RULE,
    &ro1_pract_003::RULE,
    &ro1_pract_004::RULE,
    &ro1_pract_006::RULE,
    &ro1_pract_007::RULE,
    &ro1_pract_008::RULE,
    &ro1_pract_009::RULE,
];

#[cfg(test)]
mod tests;
