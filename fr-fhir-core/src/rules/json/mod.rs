//! RO1-JSON-*: JSON syntax.

use crate::finding::RuleMeta;

pub mod ro1_json_001;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_json_001::RULE];
