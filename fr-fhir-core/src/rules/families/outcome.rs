//! OperationOutcome body rules: RO1-OO-002, RO1-OO-003.

use crate::model::OperationOutcome;
use crate::rules::Emitter;

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// Checks an OperationOutcome body.
pub fn check(_oo: &OperationOutcome<'_>, _em: &mut Emitter<'_>) {}
