//! Visits a Practitioner for RO1-PRACT-001..004, 007..009: its
//! identifiers part by part (type, system, value), its names, its telecoms.
//!
//! RO1-PRACT-005 needs the request (int-ro1) and RO1-PRACT-006 the whole
//! Bundle (graph): not here.

use crate::model::Practitioner;
use crate::rules::pract::ro1_pract_001;
use crate::rules::pract::ro1_pract_002;
use crate::rules::pract::ro1_pract_003;
use crate::rules::pract::ro1_pract_004;
use crate::rules::pract::ro1_pract_007;
use crate::rules::pract::ro1_pract_008;
use crate::rules::pract::ro1_pract_009;
use crate::rules::{Emitter, EntryCx};

/// Checks one Practitioner.
pub fn check(p: &Practitioner<'_>, _e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    ro1_pract_001::check_identifiers(p, em);
    for id in &p.identifier {
        ro1_pract_001::check_type(id, em);
        ro1_pract_002::check_type(id, em);
        ro1_pract_001::check_system(id, em);
        ro1_pract_003::check_system(id, em);
        ro1_pract_001::check_value(id, em);
        ro1_pract_004::check_value(id, em);
    }
    ro1_pract_007::check_names(p, em);
    for t in &p.telecom {
        ro1_pract_008::check_telecom(t, em);
        ro1_pract_009::check_telecom(t, em);
    }
}
