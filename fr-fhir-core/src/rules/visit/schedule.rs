//! Schedule visitor: the rules local to one Schedule (RO1-SCHED-003, FR Core
//! FrSchedule restrictions). The actor rules need the other entries: see
//! [`super::graph`].

use crate::model::Schedule;
use crate::rules::sched::ro1_sched_003;
use crate::rules::{Emitter, EntryCx};

/// Checks one Schedule.
pub fn check(s: &Schedule<'_>, _e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    ro1_sched_003::check(s, em);
}
