//! Search bounds: one interval per precision, Paris time without zone.

use chrono::{DateTime, Utc};

use crate::primitives::{
    DateBound, Precision as P, PrimitiveKind as K, Reason as R, parse_instant, parse_search_date,
    parse_search_date_lenient,
};

fn at(text: &str) -> DateTime<Utc> {
    parse_instant(text).unwrap().to_utc()
}

fn bound(text: &str) -> DateBound {
    parse_search_date(text).unwrap()
}

#[track_caller]
fn interval(text: &str, lower: &str, upper: &str, precision: P, had_zone: bool) {
    let b = bound(text);
    assert_eq!(b.lower, at(lower), "lower of {text}");
    assert_eq!(b.upper, at(upper), "upper of {text}");
    assert_eq!(b.precision, precision, "precision of {text}");
    assert_eq!(b.had_zone, had_zone, "zone of {text}");
    assert!(!b.space_as_plus);
}

#[test]
fn year_month_day_are_paris_periods() {
    interval("2024", "2023-12-31T23:00:00Z", "2024-12-31T23:00:00Z", P::Year, false);
    interval("2024-03", "2024-02-29T23:00:00Z", "2024-03-31T22:00:00Z", P::Month, false);
    interval("2024-12", "2024-11-30T23:00:00Z", "2024-12-31T23:00:00Z", P::Month, false);
    interval("2021-11-06", "2021-11-05T23:00:00Z", "2021-11-06T23:00:00Z", P::Day, false);
    interval("2024-06-12", "2024-06-11T22:00:00Z", "2024-06-12T22:00:00Z", P::Day, false);
    interval("9999", "9998-12-31T23:00:00Z", "9999-12-31T23:00:00Z", P::Year, false);
}

#[test]
fn transition_days_are_23_and_25_hours() {
    let spring = bound("2024-03-31");
    assert_eq!((spring.upper - spring.lower).num_hours(), 23);
    let fall = bound("2024-10-27");
    assert_eq!((fall.upper - fall.lower).num_hours(), 25);
    let spring = bound("2025-03-30");
    assert_eq!((spring.upper - spring.lower).num_hours(), 23);
    let fall = bound("2025-10-26");
    assert_eq!((fall.upper - fall.lower).num_hours(), 25);
}

#[test]
fn time_precisions_without_zone() {
    interval("2024-06-12T16:20", "2024-06-12T14:20:00Z", "2024-06-12T14:21:00Z", P::Minute, false);
    interval(
        "2021-11-06T23:59:59",
        "2021-11-06T22:59:59Z",
        "2021-11-06T23:00:00Z",
        P::Second,
        false,
    );
    interval(
        "2021-11-04T14:19:35.760",
        "2021-11-04T13:19:35.760Z",
        "2021-11-04T13:19:35.761Z",
        P::Fraction(3),
        false,
    );
    interval(
        "2024-06-12T16:20:00.5",
        "2024-06-12T14:20:00.5Z",
        "2024-06-12T14:20:00.6Z",
        P::Fraction(1),
        false,
    );
    interval(
        "2024-06-12T16:20:00.123456789999",
        "2024-06-12T14:20:00.123456789Z",
        "2024-06-12T14:20:00.123456790Z",
        P::Fraction(9),
        false,
    );
}

#[test]
fn time_precisions_with_zone() {
    interval(
        "2021-11-04T14:19:35.760+00:00",
        "2021-11-04T14:19:35.760Z",
        "2021-11-04T14:19:35.761Z",
        P::Fraction(3),
        true,
    );
    interval("2024-06-12T16:20Z", "2024-06-12T16:20:00Z", "2024-06-12T16:21:00Z", P::Minute, true);
    interval(
        "2024-06-12T16:20:00+02:00",
        "2024-06-12T14:20:00Z",
        "2024-06-12T14:20:01Z",
        P::Second,
        true,
    );
    interval(
        "2024-06-12T16:20:00-14:00",
        "2024-06-13T06:20:00Z",
        "2024-06-13T06:20:01Z",
        P::Second,
        true,
    );
}

/// The official kit's window (FAQ): ge now, le 23:59:59.999 of J+2.
#[test]
fn window_semantics() {
    let ge = bound("2021-11-04T14:19:35.760");
    let le = bound("2021-11-06T23:59:59.999");
    assert!(ge.ge_admits(at("2021-11-04T14:19:35.760+01:00")));
    assert!(!ge.ge_admits(at("2021-11-04T14:19:35.759+01:00")));
    assert!(le.le_admits(at("2021-11-06T23:59:59.999999999+01:00")));
    assert!(!le.le_admits(at("2021-11-07T00:00:00+01:00")));
    // `le` with a day includes the whole day, `le` with seconds the whole second.
    assert!(bound("2021-11-06").le_admits(at("2021-11-06T23:59:59.999+01:00")));
    assert!(bound("2021-11-06T23:59:59").le_admits(at("2021-11-06T23:59:59.999+01:00")));
    assert!(!bound("2021-11-06T23:59:59").le_admits(at("2021-11-07T00:00:00+01:00")));
}

#[test]
fn space_before_offset() {
    assert_eq!(
        parse_search_date("2024-06-12T16:20:00.000 02:00").unwrap_err().reason,
        R::SpaceInsteadOfPlus { at: 23 }
    );
    let b = parse_search_date_lenient("2024-06-12T16:20:00.000 02:00").unwrap();
    assert!(b.space_as_plus && b.had_zone);
    assert_eq!(b.lower, at("2024-06-12T14:20:00Z"));
    let b = parse_search_date_lenient("2024-06-12T16:20:00-02:00").unwrap();
    assert!(!b.space_as_plus);
    assert_eq!(b.lower, at("2024-06-12T18:20:00Z"));
    assert!(parse_search_date_lenient("2024-06-12T16:20:00 x").is_err());
    assert!(parse_search_date_lenient("2024-06-12 16:20:00").is_err());
}

#[test]
fn invalid_bounds() {
    let reason = |t| parse_search_date(t).unwrap_err();
    let e = reason("2024-06-12T16");
    assert_eq!(e.kind, K::DateTime);
    assert_eq!(e.reason, R::Expected { at: 13, expected: "`:`", found: None });
    assert_eq!(
        reason("ge2024-01-01").reason,
        R::Expected { at: 0, expected: "a digit", found: Some('g') }
    );
    assert_eq!(reason("2024-02-30").reason, R::DayNotInMonth { day: 30, month: 2, year: 2024 });
    assert_eq!(reason("2024-06-12T16:20+14:30").reason.position(), Some(16));
    assert_eq!(reason("").reason, R::Empty);
}

/// A bound inside the spring-forward gap is an empty interval at the
/// transition instant; in the fall-back overlap, the summer occurrence.
#[test]
fn bounds_inside_transitions() {
    let gap = bound("2024-03-31T02:30");
    assert_eq!(gap.lower, at("2024-03-31T01:00:00Z"));
    assert_eq!(gap.upper, gap.lower);
    let overlap = bound("2024-10-27T02:30");
    assert_eq!(overlap.lower, at("2024-10-27T00:30:00Z"));
    assert_eq!(overlap.upper, at("2024-10-27T00:31:00Z"));
}

#[test]
fn leap_second_bounds() {
    let b = bound("2016-12-31T23:59:60Z");
    assert_eq!(b.lower, at("2016-12-31T23:59:60Z"));
    assert_eq!(b.upper, at("2017-01-01T00:00:00Z"));
    let b = bound("2016-12-31T23:59:60.5Z");
    assert_eq!(b.upper, at("2016-12-31T23:59:60.6Z"));
    let b = bound("2016-12-31T23:59:60.9Z");
    assert_eq!(b.upper, at("2017-01-01T00:00:00Z"));
    assert!(b.lower < b.upper);
}
