//! Cross-resource rules on the index: references and cardinalities between resources.

use crate::rules::{Emitter, Finish};

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// Runs every cross-resource rule.
pub fn check_graph(_f: &Finish<'_, '_>, _em: &mut Emitter<'_>) {}
