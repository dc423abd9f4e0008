//! Slot rules: RO1-SLOT-*, and the CPTS rules on Slot (RO1-CPTS-001/002/008).

use crate::model::Slot;
use crate::rules::{EntryCx, Emitter};

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// Checks one Slot.
pub fn check(_s: &Slot<'_>, _e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}
