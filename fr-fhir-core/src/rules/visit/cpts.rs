//! CPTS visitor: HealthcareService and Organization of the CPTS search
//! (RO1-CPTS-004 local part, RO1-CPTS-005/006).
//!
//! Every Organization entry goes through these checks with the CPTS scope:
//! in a CPTS Bundle the only Organization entries are the CPTS ones (the
//! practitioner's structure is a logical reference), and the findings are
//! dropped for the other use cases. Whether `providedBy` resolves is a
//! cross-resource rule ([`super::graph`]).

use crate::model::{HealthcareService, Organization};
use crate::rules::cpts::ro1_cpts_004;
use crate::rules::cpts::ro1_cpts_005;
use crate::rules::cpts::ro1_cpts_006;
use crate::rules::{Emitter, EntryCx};

/// CPTS Organization.
pub fn check_organization(o: &Organization<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    ro1_cpts_005::check_organization(o, e, em);
    ro1_cpts_006::check_organization(o, e, em);
}

/// CPTS HealthcareService.
pub fn check_healthcare_service(
    h: &HealthcareService<'_>,
    e: &EntryCx<'_, '_>,
    em: &mut Emitter<'_>,
) {
    ro1_cpts_004::check_healthcare_service(h, e, em);
}
