//! Visits a PractitionerRole and its contained Location for RO1-ROLE-*,
//! RO1-LOC-* and RO1-REF-003, in the order they were always reported: the
//! contained resources, the location reference, the structure, the
//! telecoms, the specialties.
//!
//! RO1-ROLE-003 (the practitioner resolves in the Bundle) is a graph rule.

use crate::model::{Location, PractitionerRole, Resource};
use crate::rules::loc;
use crate::rules::loc::ro1_loc_001;
use crate::rules::loc::ro1_loc_004;
use crate::rules::loc::ro1_loc_005;
use crate::rules::r#ref::ro1_ref_003;
use crate::rules::role::ro1_role_001;
use crate::rules::role::ro1_role_002;
use crate::rules::role::ro1_role_004;
use crate::rules::role::ro1_role_005;
use crate::rules::role::ro1_role_006;
use crate::rules::role::ro1_role_007;
use crate::rules::role::ro1_role_008;
use crate::rules::{Emitter, EntryCx};

/// Checks one PractitionerRole.
pub fn check(r: &PractitionerRole<'_>, _e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    ro1_role_001::check_contained(r, em);
    for c in &r.contained {
        ro1_ref_003::check_contained(r, c, em);
        if let Resource::Location(l) = c {
            check_contained_location(l, em);
        }
    }
    ro1_role_002::check_location(r, em);
    ro1_role_004::check_organization(r, em);
    if let Some(id) = r.organization.as_ref().and_then(|o| o.identifier.as_ref()) {
        ro1_role_005::check_system_type(id, em);
        ro1_role_004::check_value(id, em);
        ro1_role_006::check_value(id, em);
    }
    for t in &r.telecom {
        ro1_role_007::check_telecom(t, em);
    }
    ro1_role_008::check_specialties(&r.specialty, em);
}

/// RO1-LOC-001..005 on the Location contained in a role.
fn check_contained_location(l: &Location<'_>, em: &mut Emitter<'_>) {
    ro1_loc_001::check_identifiers(l, em);
    for id in &l.identifier {
        ro1_loc_001::check_identifier(id, em);
        ro1_loc_005::check_identifier(id, em);
    }
    loc::ro1_loc_002::check_address(l, crate::rules::Scope::PS_CPTS, em);
    loc::ro1_loc_003::check_postal_code(l, crate::rules::Scope::PS_CPTS, em);
    ro1_loc_004::check_contained_meta(l, em);
}
