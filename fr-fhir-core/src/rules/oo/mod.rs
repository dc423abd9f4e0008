//! RO1-OO-*: OperationOutcome.

use crate::finding::RuleMeta;

pub mod ro1_oo_002;
pub mod ro1_oo_003;
pub mod ro1_oo_004;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_oo_002::RULE, &ro1_oo_003::RULE, &ro1_oo_004::RULE];

/// Rules of the catalogue declared here and not checked yet.
pub const PLANNED: &[&RuleMeta] = &[];

#[cfg(test)]
mod tests;
