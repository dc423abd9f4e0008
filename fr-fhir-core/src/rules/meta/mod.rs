//! RO1-META-*: declared profiles.

use crate::finding::RuleMeta;

pub mod ro1_meta_001;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_meta_001::RULE];

#[cfg(test)]
mod tests;
