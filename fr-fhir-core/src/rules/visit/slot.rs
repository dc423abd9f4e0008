//! Slot visitor: RO1-SLOT-*, and the CPTS rules on Slot (RO1-CPTS-001/002/008).
//!
//! RO1-SLOT-006 (the Schedule reference resolves) is a cross-resource rule
//! of [`super::graph`]. Rules whose reading differs per use case emit one
//! finding per scope (SLOT-007, SLOT-008/009): the engine keeps the one of
//! the use case finally detected.

use crate::model::Slot;
use crate::rules::cpts::ro1_cpts_001;
use crate::rules::cpts::ro1_cpts_002;
use crate::rules::cpts::ro1_cpts_008;
use crate::rules::slot::check_instant;
use crate::rules::slot::ro1_slot_001;
use crate::rules::slot::ro1_slot_005;
use crate::rules::slot::ro1_slot_007;
use crate::rules::slot::ro1_slot_008;
use crate::rules::slot::ro1_slot_009;
use crate::rules::slot::ro1_slot_010;
use crate::rules::slot::ro1_slot_011;
use crate::rules::slot::ro1_slot_012;
use crate::rules::slot::ro1_slot_013;
use crate::rules::slot::ro1_slot_014;
use crate::rules::slot::ro1_slot_015;
use crate::rules::slot::ro1_slot_016;
use crate::rules::slot::ro1_slot_017;
use crate::rules::support::coding::is_act_code;
use crate::rules::{Emitter, EntryCx};

/// Checks one Slot.
pub fn check(s: &Slot<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    ro1_slot_001::check(s, e, em);
    // SLOT-002/003/004 share one reading of each instant; 005 and 017 use it.
    let start = check_instant(s.start.as_ref(), "start", s.span, e, em);
    let end = check_instant(s.end.as_ref(), "end", s.span, e, em);
    ro1_slot_005::check(start, end, em);
    ro1_slot_017::check(start, em);
    ro1_slot_007::check(s, e, em);
    // Coding by coding, so that the findings of the rules reading a
    // serviceType come in the order they always had (it decides which are
    // kept when the caps are reached).
    for st in &s.service_type {
        // Direct calls (not a table of function pointers): they inline.
        for c in &st.coding {
            // The four rules first ask whether the coding is v3-ActCode.
            let act = is_act_code(c);
            ro1_slot_008::check_service_coding(c, act, em);
            ro1_slot_009::check_service_coding(c, act, em);
            ro1_slot_011::check_service_coding(c, act, em);
            ro1_cpts_002::check_service_coding(c, act, em);
        }
        ro1_cpts_002::check_service_type(st, em);
    }
    ro1_slot_010::check(s, em);
    ro1_slot_012::check(s, em);
    ro1_slot_014::check(s, e, em);
    ro1_slot_013::check(s, em);
    ro1_slot_015::check(s, e, em);
    ro1_slot_016::check(s, em);
    ro1_cpts_001::check_slot(s, e, em);
    ro1_cpts_008::check_slot(s, em);
}
