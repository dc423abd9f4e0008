//! Differential tests of the instant reading the Slot rules reuse:
//! `parse_instant`, `Scanned::utc` and `Scanned::is_before` against chrono's
//! own RFC 3339 parser and order, on generated instants (offsets up to
//! +14:00 / -12:00 and beyond, fractions of 0 to 12 digits, leap days and
//! leap seconds, invalid dates and fields).

use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;

use crate::primitives::{PrimitiveKind, Reason, UtcStamp, check, parse_instant, scan_instant};

/// Instant-shaped text, valid or not: each field may be out of range.
fn instant_text() -> impl Strategy<Value = String> {
    let year = prop_oneof![
        1i32..=9999,
        Just(2000),
        Just(1900),
        Just(2024),
        Just(2023),
        Just(1),
        Just(9999)
    ];
    let fields =
        (year, 0u32..=13, prop_oneof![1u32..=28, 0u32..=32], 0u32..=24, 0u32..=60, 0u32..=61);
    let fraction = prop_oneof![Just(String::new()), "\\.[0-9]{0,12}", "\\.[0-9]{3}"];
    let zone = prop_oneof![
        Just("Z".to_string()),
        Just("+14:00".to_string()),
        Just("-12:00".to_string()),
        Just("-14:00".to_string()),
        Just("+14:01".to_string()),
        Just("+00:00".to_string()),
        (
            prop_oneof![Just('+'), Just('-')],
            0u32..=15,
            prop_oneof![Just(0u32), Just(30), 0u32..=60]
        )
            .prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
        Just(String::new()),
    ];
    (fields, fraction, zone).prop_map(|((y, mo, d, h, mi, s), frac, zone)| {
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{zone}")
    })
}

/// A valid instant, with offsets from a small set so that many pairs share one.
fn valid_instant() -> impl Strategy<Value = String> {
    let zone =
        prop_oneof![Just("Z"), Just("+01:00"), Just("+02:00"), Just("+14:00"), Just("-12:00")];
    let frac = prop_oneof![Just(String::new()), "\\.[0-9]{1,9}"];
    (2023i32..=2025, 1u32..=12, 1u32..=31, 0u32..=23, 0u32..=59, 0u32..=60, frac, zone).prop_map(
        |(y, mo, d, h, mi, s, frac, zone)| {
            let d = d.min(super::super::datetime::days_in_month(y, mo));
            format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{zone}")
        },
    )
}

fn chrono_parse(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every instant FHIR accepts reads as chrono reads it (value, offset,
    /// fraction truncated to nanoseconds, leap second), and the errors are
    /// those of `check`. chrono accepts more (offsets up to ±23:59): only
    /// the FHIR offset range may make the two differ.
    #[test]
    fn parse_instant_agrees_with_chrono_parser(text in instant_text()) {
        let ours = parse_instant(&text);
        match (&ours, chrono_parse(&text)) {
            (Ok(t), Some(c)) => {
                prop_assert_eq!(t, &c, "{}", text);
                prop_assert_eq!(t.offset(), c.offset(), "{}", text);
                prop_assert_eq!(t.to_rfc3339(), c.to_rfc3339(), "{}", text);
            }
            (Ok(t), None) => prop_assert!(false, "{text}: read as {t}, chrono refuses it"),
            (Err(e), chrono) => {
                prop_assert_eq!(Err(*e), check(PrimitiveKind::Instant, &text), "{}", text);
                if chrono.is_some() {
                    prop_assert!(matches!(e.reason, Reason::OffsetOutOfRange { .. }), "{}: {:?}", text, e);
                }
            }
        }
    }

    /// The UTC stamp of the scanned fields (what RO1-SLOT-017 compares) is
    /// chrono's timestamp of the parsed instant, nanoseconds and leap
    /// second included.
    #[test]
    fn utc_stamp_agrees_with_chrono(text in instant_text()) {
        if let Some(c) = chrono_parse(&text)
            && let Ok(s) = scan_instant(&text)
        {
            prop_assert_eq!(s.utc(), UtcStamp::of(c.to_utc()), "{}", text);
        }
    }

    /// `is_before` on scanned fields (RO1-SLOT-005) is chrono's `<`, with
    /// the same offset and with different ones.
    #[test]
    fn is_before_agrees_with_chrono_order(a in valid_instant(), b in valid_instant()) {
        let (sa, sb) = (scan_instant(&a).unwrap(), scan_instant(&b).unwrap());
        let (ca, cb) = (chrono_parse(&a).unwrap(), chrono_parse(&b).unwrap());
        prop_assert_eq!(sa.is_before(&sb), ca < cb, "{} < {}", a, b);
        prop_assert_eq!(sa.utc() < sb.utc(), ca < cb, "{} < {}", a, b);
        prop_assert_eq!(sa.utc() == sb.utc(), ca == cb, "{} == {}", a, b);
    }
}

#[test]
fn fixed_cases_agree_with_chrono() {
    for text in [
        "2024-02-29T23:59:59.999+14:00",
        "2024-02-29T00:00:00.000-12:00",
        "2000-02-29T12:00:00Z",
        "0001-01-01T00:00:00.000+14:00",
        "9999-12-31T23:59:59.999999999-12:00",
        "2016-12-31T23:59:60.123456789Z",
        "2017-01-01T00:59:60+01:00",
        "2024-06-12T16:40:00.1+02:00",
        "2024-06-12T16:40:00.12+02:00",
        "2024-06-12T16:40:00.123456789123+02:00",
    ] {
        let (t, c) = (parse_instant(text).unwrap(), chrono_parse(text).unwrap());
        assert_eq!((t, t.offset()), (c, c.offset()), "{text}");
        assert_eq!(scan_instant(text).unwrap().utc(), UtcStamp::of(c.to_utc()), "{text}");
    }
    for text in [
        "2023-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2024-04-31T00:00:00Z",
        "2024-13-01T00:00:00Z",
        "2024-06-12T24:00:00Z",
        "2024-06-12T16:40:00.000+14:30",
        "2024-06-12T16:40:00.000-14:01",
        "2024-06-12T16:40:00.",
        "0000-06-12T16:40:00Z",
    ] {
        assert_eq!(parse_instant(text).map(drop), check(PrimitiveKind::Instant, text), "{text}");
        assert!(parse_instant(text).is_err(), "{text}");
    }
}
