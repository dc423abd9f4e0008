//! Schedule rules local to one Schedule: RO1-SCHED-003.

use crate::model::Schedule;
use crate::rules::{EntryCx, Emitter};

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// Checks one Schedule.
pub fn check(_s: &Schedule<'_>, _e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}
