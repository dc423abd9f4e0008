//! RO1-REF-*: references between resources.

use crate::finding::RuleMeta;

pub mod ro1_ref_001;
pub mod ro1_ref_002;
pub mod ro1_ref_003;
pub mod ro1_ref_004;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] =
    &[&ro1_ref_001::RULE, &ro1_ref_002::RULE, &ro1_ref_003::RULE, &ro1_ref_004::RULE];

#[cfg(test)]
mod tests;
