//! CPTS rules on HealthcareService and Organization: RO1-CPTS-004/005/006.

use crate::model::{HealthcareService, Organization};
use crate::rules::{EntryCx, Emitter};

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// CPTS Organization (RO1-CPTS-005, RO1-CPTS-006).
pub fn check_organization(_o: &Organization<'_>, _e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}

/// CPTS HealthcareService (RO1-CPTS-004 local part).
pub fn check_healthcare_service(
    _h: &HealthcareService<'_>,
    _e: &EntryCx<'_, '_>,
    _em: &mut Emitter<'_>,
) {
}
