//! Europe/Paris offsets and DST transitions (2024, 2025).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

use crate::primitives::paris::{CEST, CET, local_to_utc, offset_at_utc, to_local};

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

fn local(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, s).unwrap()
}

#[test]
fn offsets_around_2024_transitions() {
    assert_eq!(offset_at_utc(utc(2024, 1, 15, 12, 0, 0)), CET);
    assert_eq!(offset_at_utc(utc(2024, 3, 31, 0, 59, 59)), CET);
    assert_eq!(offset_at_utc(utc(2024, 3, 31, 1, 0, 0)), CEST);
    assert_eq!(offset_at_utc(utc(2024, 7, 1, 12, 0, 0)), CEST);
    assert_eq!(offset_at_utc(utc(2024, 10, 27, 0, 59, 59)), CEST);
    assert_eq!(offset_at_utc(utc(2024, 10, 27, 1, 0, 0)), CET);
    assert_eq!(offset_at_utc(utc(2024, 12, 31, 23, 59, 59)), CET);
}

#[test]
fn offsets_around_2025_transitions() {
    assert_eq!(offset_at_utc(utc(2025, 3, 30, 0, 59, 59)), CET);
    assert_eq!(offset_at_utc(utc(2025, 3, 30, 1, 0, 0)), CEST);
    assert_eq!(offset_at_utc(utc(2025, 10, 26, 0, 59, 59)), CEST);
    assert_eq!(offset_at_utc(utc(2025, 10, 26, 1, 0, 0)), CET);
    // The Sunday before is still the old offset.
    assert_eq!(offset_at_utc(utc(2025, 3, 23, 12, 0, 0)), CET);
}

/// Before 1996 the same EU rule is applied (documented simplification).
#[test]
fn offsets_before_1996_use_the_same_rule() {
    assert_eq!(offset_at_utc(utc(1990, 3, 25, 1, 0, 0)), CEST);
    assert_eq!(offset_at_utc(utc(1990, 3, 25, 0, 59, 0)), CET);
}

#[test]
fn local_times_outside_transitions() {
    assert_eq!(local_to_utc(local(2024, 1, 15, 12, 0, 0)), utc(2024, 1, 15, 11, 0, 0));
    assert_eq!(local_to_utc(local(2024, 7, 1, 12, 0, 0)), utc(2024, 7, 1, 10, 0, 0));
    assert_eq!(local_to_utc(local(2025, 1, 1, 0, 0, 0)), utc(2024, 12, 31, 23, 0, 0));
}

/// Spring forward: 02:00-03:00 local does not exist and maps to the
/// transition instant (01:00 UTC).
#[test]
fn spring_forward_gap_2024_and_2025() {
    assert_eq!(local_to_utc(local(2024, 3, 31, 1, 59, 59)), utc(2024, 3, 31, 0, 59, 59));
    assert_eq!(local_to_utc(local(2024, 3, 31, 2, 0, 0)), utc(2024, 3, 31, 1, 0, 0));
    assert_eq!(local_to_utc(local(2024, 3, 31, 2, 30, 0)), utc(2024, 3, 31, 1, 0, 0));
    assert_eq!(local_to_utc(local(2024, 3, 31, 2, 59, 59)), utc(2024, 3, 31, 1, 0, 0));
    assert_eq!(local_to_utc(local(2024, 3, 31, 3, 0, 0)), utc(2024, 3, 31, 1, 0, 0));
    assert_eq!(local_to_utc(local(2024, 3, 31, 3, 0, 1)), utc(2024, 3, 31, 1, 0, 1));
    assert_eq!(local_to_utc(local(2025, 3, 30, 2, 15, 0)), utc(2025, 3, 30, 1, 0, 0));
    assert_eq!(local_to_utc(local(2025, 3, 30, 4, 0, 0)), utc(2025, 3, 30, 2, 0, 0));
}

/// Fall back: 02:00-03:00 local happens twice; the first (summer) one is taken.
#[test]
fn fall_back_overlap_2024_and_2025() {
    assert_eq!(local_to_utc(local(2024, 10, 27, 1, 59, 0)), utc(2024, 10, 26, 23, 59, 0));
    assert_eq!(local_to_utc(local(2024, 10, 27, 2, 0, 0)), utc(2024, 10, 27, 0, 0, 0));
    assert_eq!(local_to_utc(local(2024, 10, 27, 2, 30, 0)), utc(2024, 10, 27, 0, 30, 0));
    assert_eq!(local_to_utc(local(2024, 10, 27, 2, 59, 59)), utc(2024, 10, 27, 0, 59, 59));
    assert_eq!(local_to_utc(local(2024, 10, 27, 3, 0, 0)), utc(2024, 10, 27, 2, 0, 0));
    assert_eq!(local_to_utc(local(2025, 10, 26, 2, 15, 0)), utc(2025, 10, 26, 0, 15, 0));
    assert_eq!(local_to_utc(local(2025, 10, 26, 3, 15, 0)), utc(2025, 10, 26, 2, 15, 0));
}

#[test]
fn to_local_uses_the_offset_in_force() {
    assert_eq!(to_local(utc(2024, 6, 12, 14, 40, 0)).to_rfc3339(), "2024-06-12T16:40:00+02:00");
    assert_eq!(to_local(utc(2024, 10, 27, 0, 30, 0)).to_rfc3339(), "2024-10-27T02:30:00+02:00");
    assert_eq!(to_local(utc(2024, 10, 27, 1, 30, 0)).to_rfc3339(), "2024-10-27T02:30:00+01:00");
}

#[test]
fn extreme_dates_do_not_panic() {
    let _ = local_to_utc(NaiveDateTime::MIN);
    let _ = local_to_utc(NaiveDateTime::MAX);
    let _ = offset_at_utc(DateTime::<Utc>::MIN_UTC);
    let _ = offset_at_utc(DateTime::<Utc>::MAX_UTC);
    assert_eq!(local_to_utc(NaiveDateTime::MIN), NaiveDateTime::MIN.and_utc());
}
