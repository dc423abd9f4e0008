//! PractitionerRole and its contained Location: RO1-ROLE-*, RO1-LOC-*, RO1-REF-003.

use crate::model::PractitionerRole;
use crate::rules::{EntryCx, Emitter};

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// Checks one PractitionerRole.
pub fn check(_r: &PractitionerRole<'_>, _e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}
