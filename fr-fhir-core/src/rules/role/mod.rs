//! RO1-ROLE-*: PractitionerRole.

use crate::finding::RuleMeta;

pub mod ro1_role_001;
pub mod ro1_role_002;
pub mod ro1_role_003;
pub mod ro1_role_004;
pub mod ro1_role_005;
pub mod ro1_role_006;
pub mod ro1_role_007;
pub mod ro1_role_008;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_role_001::RULE,
    &ro1_role_002::RULE,
    &ro1_role_003::RULE,
    &ro1_role_004::RULE,
    &ro1_role_005::RULE,
    &ro1_role_006::RULE,
    &ro1_role_007::RULE,
    &ro1_role_008::RULE,
];

#[cfg(test)]
mod tests;
