//! RO1-LOC-*: the Location contained in PractitionerRole.

use crate::finding::RuleMeta;

pub mod ro1_loc_001;
pub mod ro1_loc_002;
pub mod ro1_loc_003;
pub mod ro1_loc_004;
pub mod ro1_loc_005;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_loc_001::RULE,
    &ro1_loc_002::RULE,
    &ro1_loc_003::RULE,
    &ro1_loc_004::RULE,
    &ro1_loc_005::RULE,
];

#[cfg(test)]
mod tests;
