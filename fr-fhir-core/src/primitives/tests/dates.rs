//! date, dateTime, instant, time and `parse_instant`.

use chrono::{Offset, Timelike};

use super::{ok, reason};
use crate::primitives::{Field, PrimitiveKind as K, Reason as R, parse_instant};

#[test]
fn instant_valid() {
    ok(
        K::Instant,
        &[
            "2024-06-12T16:40:00.000+02:00",
            "2021-11-05T09:00:00Z",
            "2021-11-05T09:00:00.5-04:00",
            "2024-06-12T16:40:00.123456789123+01:00",
            "2024-06-12T16:40:00+14:00",
            "2024-06-12T16:40:00-14:00",
            "2024-06-12T16:40:00-13:59",
            "2024-06-12T16:40:00-00:00",
            "2016-12-31T23:59:60Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z",
            "2024-02-29T12:00:00Z",
        ],
    );
}

#[test]
fn instant_offset_range() {
    assert_eq!(
        reason(K::Instant, "2024-06-12T16:40:00.000+14:30"),
        R::OffsetOutOfRange { at: 23, negative: false, hours: 14, minutes: 30 }
    );
    assert_eq!(
        reason(K::Instant, "2024-06-12T16:40:00+15:00"),
        R::OffsetOutOfRange { at: 19, negative: false, hours: 15, minutes: 0 }
    );
    assert_eq!(
        reason(K::Instant, "2024-06-12T16:40:00-14:01"),
        R::OffsetOutOfRange { at: 19, negative: true, hours: 14, minutes: 1 }
    );
    assert_eq!(
        reason(K::Instant, "2024-06-12T16:40:00+01:60"),
        R::OffsetOutOfRange { at: 19, negative: false, hours: 1, minutes: 60 }
    );
    assert_eq!(
        reason(K::Instant, "2024-06-12T16:40:00+0200"),
        R::Expected { at: 22, expected: "`:`", found: Some('0') }
    );
    assert_eq!(
        reason(K::Instant, "2024-06-12T16:40:00+2:00"),
        R::FieldDigits { field: Field::OffsetHour, at: 20, expected: 2 }
    );
}

#[test]
fn instant_clock_ranges() {
    assert_eq!(reason(K::Instant, "2024-06-12T24:00:00Z"), R::HourOutOfRange { hour: 24 });
    assert_eq!(reason(K::Instant, "2024-06-12T16:60:00Z"), R::MinuteOutOfRange { minute: 60 });
    assert_eq!(reason(K::Instant, "2024-06-12T16:40:61Z"), R::SecondOutOfRange { second: 61 });
}

/// Forms chrono's own parsers accept and FHIR does not.
#[test]
fn instant_chrono_leniencies_rejected() {
    assert_eq!(reason(K::Instant, "2024-06-12t16:40:00Z"), R::Lowercase { at: 10, expected: 'T' });
    assert_eq!(reason(K::Instant, "2024-06-12T16:40:00z"), R::Lowercase { at: 19, expected: 'Z' });
    assert_eq!(reason(K::Instant, "2024-06-12 16:40:00Z"), R::SpaceInsteadOfT { at: 10 });
    assert_eq!(
        reason(K::Instant, "2024-5-1T16:40:00Z"),
        R::FieldDigits { field: Field::Month, at: 5, expected: 2 }
    );
    assert_eq!(
        reason(K::Instant, "2024-05-1T16:40:00Z"),
        R::FieldDigits { field: Field::Day, at: 8, expected: 2 }
    );
    assert_eq!(
        reason(K::Instant, "2024-06-12T6:40:00Z"),
        R::FieldDigits { field: Field::Hour, at: 11, expected: 2 }
    );
    assert_eq!(
        reason(K::Instant, "24-06-12T16:40:00Z"),
        R::FieldDigits { field: Field::Year, at: 0, expected: 4 }
    );
    assert_eq!(
        reason(K::Instant, "20240612T164000Z"),
        R::Expected { at: 4, expected: "`-`", found: Some('0') }
    );
}

#[test]
fn instant_missing_parts() {
    assert_eq!(reason(K::Instant, "2024-06-12T16:40Z"), R::MissingSeconds { at: 16 });
    assert_eq!(reason(K::Instant, "2024-06-12T16:40+02:00"), R::MissingSeconds { at: 16 });
    assert_eq!(reason(K::Instant, "2024-06-12T16:40:00"), R::MissingTimeZone { at: 19 });
    assert_eq!(reason(K::Instant, "2024-06-12T16:40:00.000"), R::MissingTimeZone { at: 23 });
    assert_eq!(reason(K::Instant, "2024-06-12"), R::MissingTime { at: 10 });
    assert_eq!(reason(K::Instant, "2024-06"), R::MissingTime { at: 7 });
    assert_eq!(reason(K::Instant, "2024"), R::MissingTime { at: 4 });
    assert_eq!(reason(K::Instant, "2024-06-12T16:40:00.+02:00"), R::EmptyFraction { at: 20 });
    assert_eq!(
        reason(K::Instant, "2024-06-12T"),
        R::Expected { at: 11, expected: "a digit", found: None }
    );
}

#[test]
fn instant_edges_and_trailing() {
    assert_eq!(reason(K::Instant, ""), R::Empty);
    assert_eq!(reason(K::Instant, " 2024-06-12T16:40:00Z"), R::LeadingWhitespace);
    assert_eq!(reason(K::Instant, "2024-06-12T16:40:00Z\n"), R::TrailingWhitespace);
    assert_eq!(reason(K::Instant, "2024-06-12T16:40:00+02:00x"), R::TrailingCharacters { at: 25 });
    assert_eq!(
        reason(K::Instant, "2024-06-12T16:40:00.000+02:00[Europe/Paris]"),
        R::TrailingCharacters { at: 29 }
    );
    assert_eq!(
        reason(K::Instant, "2024-06-12T16:40:00.000 02:00"),
        R::SpaceInsteadOfPlus { at: 23 }
    );
    assert_eq!(
        reason(K::Instant, "２０２４-06-12T16:40:00Z"),
        R::Expected { at: 0, expected: "a digit", found: Some('２') }
    );
    assert_eq!(
        reason(K::Instant, "2024-06-12T16:40:00Ω"),
        R::Expected { at: 19, expected: "`Z`, `+` or `-`", found: Some('Ω') }
    );
}

#[test]
fn calendar_validity() {
    ok(K::Date, &["2024-02-29", "2000-02-29", "2023-02-28", "2023-04-30", "2023-12-31"]);
    assert_eq!(reason(K::Date, "2023-02-29"), R::DayNotInMonth { day: 29, month: 2, year: 2023 });
    assert_eq!(reason(K::Date, "1900-02-29"), R::DayNotInMonth { day: 29, month: 2, year: 1900 });
    assert_eq!(reason(K::Date, "2023-02-30"), R::DayNotInMonth { day: 30, month: 2, year: 2023 });
    assert_eq!(reason(K::Date, "2024-06-31"), R::DayNotInMonth { day: 31, month: 6, year: 2024 });
    assert_eq!(
        reason(K::Instant, "2023-02-29T10:00:00Z"),
        R::DayNotInMonth { day: 29, month: 2, year: 2023 }
    );
    assert_eq!(reason(K::Date, "2024-13-01"), R::MonthOutOfRange { month: 13 });
    assert_eq!(reason(K::Date, "2024-00-01"), R::MonthOutOfRange { month: 0 });
    assert_eq!(reason(K::Date, "2024-06-00"), R::DayOutOfRange { day: 0 });
    assert_eq!(reason(K::Date, "2024-06-32"), R::DayOutOfRange { day: 32 });
    assert_eq!(reason(K::Date, "0000-01-01"), R::YearZero);
    assert_eq!(reason(K::DateTime, "0000"), R::YearZero);
}

#[test]
fn date_forms() {
    ok(K::Date, &["2024", "2024-06", "2024-06-12", "0001", "9999-12-31"]);
    assert_eq!(reason(K::Date, "2024-06-12T10:00:00Z"), R::TimeNotAllowed { at: 10 });
    assert_eq!(reason(K::Date, "2024-06-12 10:00"), R::TimeNotAllowed { at: 10 });
    assert_eq!(reason(K::Date, "2024-06-12Z"), R::TrailingCharacters { at: 10 });
    assert_eq!(reason(K::Date, "2024-"), R::Expected { at: 5, expected: "a digit", found: None });
    assert_eq!(
        reason(K::Date, "2024/06"),
        R::Expected { at: 4, expected: "`-`", found: Some('/') }
    );
    assert_eq!(reason(K::Date, "12345"), R::Expected { at: 4, expected: "`-`", found: Some('5') });
}

#[test]
fn date_time_forms() {
    ok(
        K::DateTime,
        &[
            "2024",
            "2024-06",
            "2024-06-12",
            "2024-06-12T16:40:00+02:00",
            "2024-06-12T16:40:00.5Z",
            "2015-02-07T13:28:17-05:00",
        ],
    );
    assert_eq!(reason(K::DateTime, "2024-06-12T16:40:00"), R::MissingTimeZone { at: 19 });
    assert_eq!(reason(K::DateTime, "2024-06-12T16:40+02:00"), R::MissingSeconds { at: 16 });
    assert_eq!(reason(K::DateTime, "2024-13"), R::MonthOutOfRange { month: 13 });
    assert_eq!(reason(K::DateTime, "2024-06-12T24:00:00Z"), R::HourOutOfRange { hour: 24 });
    assert_eq!(
        reason(K::DateTime, "2024-06-12X16:40:00Z"),
        R::Expected { at: 10, expected: "`T`", found: Some('X') }
    );
}

#[test]
fn time_forms() {
    ok(K::Time, &["08:00:00", "23:59:59", "23:59:60", "08:00:00.5", "00:00:00.000000000001"]);
    assert_eq!(reason(K::Time, "08:00"), R::MissingSeconds { at: 5 });
    assert_eq!(reason(K::Time, "24:00:00"), R::HourOutOfRange { hour: 24 });
    assert_eq!(reason(K::Time, "08:00:00Z"), R::TrailingCharacters { at: 8 });
    assert_eq!(reason(K::Time, "08:00:00+01:00"), R::TrailingCharacters { at: 8 });
    assert_eq!(
        reason(K::Time, "8:00:00"),
        R::FieldDigits { field: Field::Hour, at: 0, expected: 2 }
    );
    assert_eq!(reason(K::Time, "08:00:00."), R::EmptyFraction { at: 9 });
    assert_eq!(reason(K::Time, ""), R::Empty);
}

#[test]
fn parse_instant_keeps_offset_and_nanoseconds() {
    let t = parse_instant("2024-06-12T16:40:00.123456789123+02:00").unwrap();
    assert_eq!(t.nanosecond(), 123_456_789);
    assert_eq!(t.offset().fix().local_minus_utc(), 7200);
    assert_eq!(t.to_utc().to_rfc3339(), "2024-06-12T14:40:00.123456789+00:00");
    assert_eq!(parse_instant("2024-06-12T16:40:00.5Z").unwrap().nanosecond(), 500_000_000);
    assert_eq!(parse_instant("2024-06-12T16:40:00-04:00").unwrap().to_utc().hour(), 20);
}

#[test]
fn parse_instant_errors_match_check() {
    for text in ["2024-06-12T16:40:00", "2024-06-12t16:40:00Z", "2023-02-29T00:00:00Z", ""] {
        let parsed = parse_instant(text).unwrap_err();
        let checked = crate::primitives::check(K::Instant, text).unwrap_err();
        assert_eq!(parsed, checked);
    }
}

/// A leap second is kept in chrono's leap form: after :59.999999999 and
/// before the next minute, printed back as :60.
#[test]
fn parse_instant_leap_second() {
    let leap = parse_instant("2016-12-31T23:59:60.5Z").unwrap();
    assert_eq!(leap.second(), 59);
    assert_eq!(leap.nanosecond(), 1_500_000_000);
    assert!(leap > parse_instant("2016-12-31T23:59:59.999999999Z").unwrap());
    assert!(leap < parse_instant("2017-01-01T00:00:00Z").unwrap());
    assert_eq!(leap.to_rfc3339(), "2016-12-31T23:59:60.500+00:00");
    let local = parse_instant("2017-01-01T00:59:60+01:00").unwrap();
    assert_eq!(local.to_utc(), parse_instant("2016-12-31T23:59:60Z").unwrap().to_utc());
}
