//! Visits an OperationOutcome body for RO1-OO-002 and RO1-OO-003 (RO1-OO-001
//! needs the HTTP status and lives in int-ro1).

use crate::model::OperationOutcome;
use crate::rules::Emitter;
use crate::rules::oo::ro1_oo_002;
use crate::rules::oo::ro1_oo_003;

/// Checks an OperationOutcome body.
pub fn check(oo: &OperationOutcome<'_>, em: &mut Emitter<'_>) {
    ro1_oo_002::check(oo, em);
    ro1_oo_003::check(oo, em);
}
