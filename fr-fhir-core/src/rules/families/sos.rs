//! SOS rules on Location and Organization: RO1-SOS-002/003/004/006.

use crate::model::{Location, Organization};
use crate::rules::{EntryCx, Emitter};

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// SOS fixed consultation place.
pub fn check_location(_l: &Location<'_>, _e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}

/// SOS association.
pub fn check_organization(_o: &Organization<'_>, _e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}
