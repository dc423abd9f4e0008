//! Practitioner rules: RO1-PRACT-001..004, 007..009.

use crate::model::Practitioner;
use crate::rules::{EntryCx, Emitter};

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// Checks one Practitioner.
pub fn check(_p: &Practitioner<'_>, _e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}
