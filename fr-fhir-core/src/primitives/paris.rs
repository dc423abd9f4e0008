//! Europe/Paris time without a time-zone database.
//!
//! The SAS platform and the official kit read offset-less search bounds as
//! Paris wall-clock time (SPEC §1.5, AMB-05). One rule is enough for that:
//! the EU summer-time rule, in force since 1996 — CET (+01:00) in winter,
//! CEST (+02:00) from the last Sunday of March 01:00 UTC to the last Sunday
//! of October 01:00 UTC. Dates before 1996 get the same rule (France used
//! other switch dates before; no slot search reaches that far back), which
//! keeps the dependency tree free of a tz database.
//!
//! Local times that do not exist or exist twice:
//! - spring forward (last Sunday of March): 02:00–03:00 local is skipped.
//!   [`local_to_utc`] maps every local time of the gap *forward* to the
//!   transition instant (01:00 UTC, shown 03:00+02:00). Shifting by the gap
//!   length instead (02:30 → 03:30) would make the mapping go backwards
//!   across the gap (02:30 → 01:30 UTC but 03:00 → 01:00 UTC), and two search
//!   bounds could then swap order.
//! - fall back (last Sunday of October): 02:00–03:00 local happens twice;
//!   the earlier, summer-time instant (+02:00) is taken.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::datetime::days_in_month;

/// Central European Time, +01:00 (winter).
// Evaluated at compile time: a bad offset would stop the build, never a run.
#[allow(clippy::expect_used)]
pub const CET: FixedOffset = FixedOffset::east_opt(3600).expect("+01:00 is a valid offset");

/// Central European Summer Time, +02:00.
#[allow(clippy::expect_used)]
pub const CEST: FixedOffset = FixedOffset::east_opt(7200).expect("+02:00 is a valid offset");

/// The last Sunday of `month` in `year`, at `hour`:00 (no time zone).
fn last_sunday_at(year: i32, month: u32, hour: u32) -> Option<NaiveDateTime> {
    let last = NaiveDate::from_ymd_opt(year, month, days_in_month(year, month))?;
    let back = last.weekday().num_days_from_sunday();
    let sunday = last.checked_sub_days(chrono::Days::new(u64::from(back)))?;
    Some(sunday.and_time(NaiveTime::from_hms_opt(hour, 0, 0)?))
}

/// The Paris offset in force at `t`: +02:00 in summer time, +01:00 otherwise.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use fr_fhir_core::primitives::paris;
/// let before = Utc.with_ymd_and_hms(2024, 3, 31, 0, 59, 59).unwrap();
/// let after = Utc.with_ymd_and_hms(2024, 3, 31, 1, 0, 0).unwrap();
/// assert_eq!(paris::offset_at_utc(before).local_minus_utc(), 3600);
/// assert_eq!(paris::offset_at_utc(after).local_minus_utc(), 7200);
/// ```
pub fn offset_at_utc(t: DateTime<Utc>) -> FixedOffset {
    let year = t.year();
    let utc = t.naive_utc();
    match (last_sunday_at(year, 3, 1), last_sunday_at(year, 10, 1)) {
        (Some(start), Some(end)) if start <= utc && utc < end => CEST,
        _ => CET,
    }
}

/// The instant of a Paris wall-clock time. A time inside the spring-forward
/// gap maps to the transition instant; a time of the fall-back overlap maps
/// to its first (summer-time) occurrence (see the module notes).
///
/// ```
/// use chrono::NaiveDate;
/// use fr_fhir_core::primitives::paris;
/// let local = NaiveDate::from_ymd_opt(2024, 6, 12).unwrap().and_hms_opt(16, 40, 0).unwrap();
/// assert_eq!(paris::local_to_utc(local).to_rfc3339(), "2024-06-12T14:40:00+00:00");
/// ```
pub fn local_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    let year = local.year();
    let spring_gap = last_sunday_at(year, 3, 2);
    let summer_start = last_sunday_at(year, 3, 3);
    let summer_end = last_sunday_at(year, 10, 3);
    let offset = match (spring_gap, summer_start, summer_end) {
        (Some(gap), Some(start), _) if gap <= local && local < start => {
            // 02:00 local CET is exactly the transition instant.
            return to_utc(gap, CET);
        }
        (_, Some(start), Some(end)) if start <= local && local < end => CEST,
        _ => CET,
    };
    to_utc(local, offset)
}

fn to_utc(local: NaiveDateTime, offset: FixedOffset) -> DateTime<Utc> {
    // Overflow only at chrono's extreme minimum: saturate.
    local.checked_sub_offset(offset).unwrap_or(NaiveDateTime::MIN).and_utc()
}

/// `t` as Paris wall-clock time with its offset (the output SAS recommends).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use fr_fhir_core::primitives::paris;
/// let t = Utc.with_ymd_and_hms(2024, 12, 1, 8, 0, 0).unwrap();
/// assert_eq!(paris::to_local(t).to_rfc3339(), "2024-12-01T09:00:00+01:00");
/// ```
pub fn to_local(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&offset_at_utc(t))
}
