//! SOS visitor: Location and Organization of the SOS Médecins search
//! (RO1-SOS-002/003/004/006).
//!
//! The address of an SOS place is checked by the shared RO1-LOC-002/003
//! check (scope SOS here); RO1-SOS-002 keeps `name` and the presence of the
//! place's own elements.

use crate::model::{Location, Organization};
use crate::rules::loc::{ro1_loc_002, ro1_loc_003};
use crate::rules::sos::ro1_sos_002;
use crate::rules::sos::ro1_sos_003;
use crate::rules::sos::ro1_sos_004;
use crate::rules::sos::ro1_sos_006;
use crate::rules::{Emitter, EntryCx, Scope};

/// SOS fixed consultation place.
pub fn check_location(l: &Location<'_>, _e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    ro1_sos_002::check(l, em);
    ro1_loc_002::check_address(l, Scope::SOS, em);
    ro1_loc_003::check_postal_code(l, Scope::SOS, em);
    ro1_sos_003::check(l, em);
    ro1_sos_006::check(l, em);
}

/// SOS association.
pub fn check_organization(o: &Organization<'_>, _e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    ro1_sos_004::check_organization(o, em);
}
