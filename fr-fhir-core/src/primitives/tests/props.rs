//! Property tests: round trips, agreement with chrono's calendar, no panics.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use proptest::prelude::*;

use crate::primitives::{
    PrimitiveKind, check, check_sas_instant, paris, parse_instant, parse_search_date,
    parse_search_date_lenient,
};

/// Instants from 0001-01-01 to 9999-12-31, offsets -14:00..+14:00 by minute.
fn any_instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    let min = NaiveDate::from_ymd_opt(1, 1, 2).unwrap().and_hms_opt(0, 0, 0).unwrap();
    let max = NaiveDate::from_ymd_opt(9999, 12, 30).unwrap().and_hms_opt(0, 0, 0).unwrap();
    let (lo, hi) = (min.and_utc().timestamp(), max.and_utc().timestamp());
    (lo..hi, 0u32..1_000_000_000, -14 * 60..=14 * 60i32).prop_map(|(secs, nanos, minutes)| {
        let utc = DateTime::<Utc>::from_timestamp(secs, nanos).unwrap();
        utc.with_timezone(&FixedOffset::east_opt(minutes * 60).unwrap())
    })
}

fn any_local() -> impl Strategy<Value = NaiveDateTime> {
    let min = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
    let max = NaiveDate::from_ymd_opt(2040, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
    (min.and_utc().timestamp()..max.and_utc().timestamp())
        .prop_map(|s| DateTime::<Utc>::from_timestamp(s, 0).unwrap().naive_utc())
}

proptest! {
    #[test]
    fn instant_round_trip(t in any_instant()) {
        let text = t.format("%Y-%m-%dT%H:%M:%S%.9f%:z").to_string();
        prop_assert_eq!(check(PrimitiveKind::Instant, &text), Ok(()));
        prop_assert_eq!(check(PrimitiveKind::DateTime, &text), Ok(()));
        let back = parse_instant(&text).unwrap();
        prop_assert_eq!(back, t);
        prop_assert_eq!(back.offset(), t.offset());
        let bound = parse_search_date(&text).unwrap();
        prop_assert_eq!(bound.lower, t.to_utc());
        prop_assert_eq!(bound.upper - bound.lower, TimeDelta::nanoseconds(1));
    }

    #[test]
    fn sas_format_round_trip(t in any_instant()) {
        let text = t.format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string();
        prop_assert_eq!(check_sas_instant(&text), Ok(()));
        let seconds = t.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
        prop_assert!(check_sas_instant(&seconds).is_err());
        prop_assert_eq!(parse_instant(&seconds).unwrap().timestamp(), t.timestamp());
    }

    #[test]
    fn date_check_agrees_with_the_calendar(y in 1i32..=9999, m in 0u32..=13, d in 0u32..=32) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        let valid = NaiveDate::from_ymd_opt(y, m, d).is_some();
        prop_assert_eq!(check(PrimitiveKind::Date, &text).is_ok(), valid, "{}", text);
    }

    #[test]
    fn integer_check_agrees_with_i32(v in any::<i64>()) {
        let fits = i32::try_from(v).is_ok();
        prop_assert_eq!(check(PrimitiveKind::Integer, &v.to_string()).is_ok(), fits);
        prop_assert_eq!(check(PrimitiveKind::PositiveInt, &v.to_string()).is_ok(), fits && v >= 1);
        prop_assert_eq!(check(PrimitiveKind::UnsignedInt, &v.to_string()).is_ok(), fits && v >= 0);
    }

    #[test]
    fn paris_local_round_trip(n in any_local()) {
        let utc = paris::local_to_utc(n);
        let back = utc.with_timezone(&paris::offset_at_utc(utc)).naive_local();
        // Equal except inside the spring-forward gap, which maps to 03:00.
        if back != n {
            prop_assert_eq!(back.time(), chrono::NaiveTime::from_hms_opt(3, 0, 0).unwrap());
            prop_assert!(n < back && back - n <= TimeDelta::hours(1));
        }
    }

    #[test]
    fn paris_local_to_utc_is_monotonic(a in any_local(), b in any_local()) {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(paris::local_to_utc(a) <= paris::local_to_utc(b));
    }

    #[test]
    fn search_bounds_are_ordered(text in "[0-9]{4}(-[0-1][0-9](-[0-3][0-9](T[0-2][0-9]:[0-5][0-9](:[0-6][0-9](\\.[0-9]{1,12})?)?([Z ]|[+-][01][0-9]:[0-5][0-9])?)?)?)?") {
        if let Ok(b) = parse_search_date_lenient(&text) {
            prop_assert!(b.lower <= b.upper, "{}", text);
        }
    }

    #[test]
    fn no_panic_on_any_text(text in any::<String>()) {
        for kind in PrimitiveKind::ALL {
            let _ = check(kind, &text);
        }
        let _ = parse_instant(&text);
        let _ = check_sas_instant(&text);
        let _ = parse_search_date_lenient(&text);
    }

    #[test]
    fn no_panic_on_date_like_text(text in "[0-9T:+\\-. Zzt]{0,40}") {
        for kind in PrimitiveKind::ALL {
            let _ = check(kind, &text);
        }
        let _ = parse_instant(&text);
        let _ = parse_search_date_lenient(&text);
    }
}

/// One byte of a near-SAS value: mostly what the shape expects there,
/// sometimes another digit or a separator of another position.
fn near_sas() -> impl Strategy<Value = String> {
    let shape = b"2024-06-12T16:40:00.000+02:00";
    let pick = proptest::sample::select(b"0123456789-:T.+Zzt ".to_vec());
    let byte = (0u8..16, pick, 0u8..10);
    proptest::collection::vec(byte, 28..=30).prop_map(move |bytes| {
        bytes
            .iter()
            .enumerate()
            .map(|(i, &(keep, other, digit))| match shape.get(i) {
                Some(b) if keep > 0 && b.is_ascii_digit() => (b'0' + digit) as char,
                Some(&b) if keep > 0 => b as char,
                _ => other as char,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// The SAS-shape shortcut of `check` never accepts what the full scan
    /// rejects, as a dateTime or as an instant.
    #[test]
    fn sas_shape_shortcut_implies_the_full_scan(text in near_sas()) {
        use crate::primitives::datetime::{Form, sas_shape_valid, scan};
        if sas_shape_valid(&text) {
            prop_assert!(scan(&text, Form::DateTime).is_ok(), "{}", text);
            prop_assert!(scan(&text, Form::Instant).is_ok(), "{}", text);
        }
    }

    /// On the SAS shape, fields in and out of range, the shortcut agrees
    /// with the full scan (so it takes every valid value of that shape).
    #[test]
    fn sas_shape_shortcut_agrees_on_the_shape(
        y in 0u32..=9999, mo in 0u32..=13, d in 0u32..=32, h in 0u32..=25, mi in 0u32..=61,
        s in 0u32..=62, f in 0u32..=999, neg in any::<bool>(), zh in 0u32..=15, zm in 0u32..=61,
    ) {
        use crate::primitives::datetime::{Form, sas_shape_valid, scan};
        let sign = if neg { '-' } else { '+' };
        let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{f:03}{sign}{zh:02}:{zm:02}");
        prop_assert_eq!(sas_shape_valid(&text), scan(&text, Form::Instant).is_ok(), "{}", text);
        prop_assert_eq!(sas_shape_valid(&text), scan(&text, Form::DateTime).is_ok(), "{}", text);
        prop_assert_eq!(sas_shape_valid(&text), check(PrimitiveKind::Instant, &text).is_ok());
    }
}
