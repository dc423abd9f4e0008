//! The UTC time of a slot start, read once per slot by the request hook.
//!
//! Nearly every start is written in the SAS form
//! `YYYY-MM-DDThh:mm:ss.sss±hh:mm`; its fields are read straight from the
//! bytes and placed on the time line by arithmetic (no chrono calendar
//! types), which costs about a third of the general parser. Anything else,
//! or anything the fast reading is unsure of, goes to
//! [`parse_instant`], whose verdict stands.

use chrono::{DateTime, Utc};
use fr_fhir_core::primitives::parse_instant;

/// The instant `text` as UTC, `None` when it is not a valid instant.
pub(crate) fn utc_instant(text: &str) -> Option<DateTime<Utc>> {
    match sas_form(text) {
        Some(at) => Some(at),
        None => parse_instant(text).ok().map(|t| t.to_utc()),
    }
}

/// Two ASCII digits at `at`, as a number.
#[inline(always)]
fn two(b: &[u8], at: usize) -> Option<u32> {
    let (hi, lo) = (b.get(at)?.wrapping_sub(b'0'), b.get(at + 1)?.wrapping_sub(b'0'));
    (hi <= 9 && lo <= 9).then_some(u32::from(hi) * 10 + u32::from(lo))
}

/// Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`), for years 1..=9999.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The SAS form only; `None` for any other shape and for the values the
/// general parser treats apart (year 0, leap second, offsets from ±14:00).
fn sas_form(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() != 29 {
        return None;
    }
    let lit = |at: usize, c: u8| b.get(at) == Some(&c);
    if !(lit(4, b'-')
        && lit(7, b'-')
        && lit(10, b'T')
        && lit(13, b':')
        && lit(16, b':')
        && lit(19, b'.')
        && lit(26, b':'))
    {
        return None;
    }
    let year = two(b, 0)? * 100 + two(b, 2)?;
    let (month, day) = (two(b, 5)?, two(b, 8)?);
    let (hour, minute, second) = (two(b, 11)?, two(b, 14)?, two(b, 17)?);
    let millis = two(b, 20)? * 10 + u32::from(b.get(22)?.wrapping_sub(b'0'));
    let last = b.get(22)?.wrapping_sub(b'0');
    let negative = match b.get(23) {
        Some(b'+') => false,
        Some(b'-') => true,
        _ => return None,
    };
    let (oh, om) = (two(b, 24)?, two(b, 27)?);
    let ok = year != 0
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
        && hour <= 23
        && minute <= 59
        && second <= 59
        && last <= 9
        && oh < 14
        && om <= 59;
    if !ok {
        return None;
    }
    let offset = i64::from(oh * 3600 + om * 60);
    let local = days_from_civil(i64::from(year), month, day) * 86_400
        + i64::from(hour * 3600 + minute * 60 + second);
    let utc = if negative { local + offset } else { local - offset };
    DateTime::from_timestamp(utc, millis * 1_000_000)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn general(t: &str) -> Option<DateTime<Utc>> {
        parse_instant(t).ok().map(|t| t.to_utc())
    }

    #[test]
    fn edges_agree_with_the_general_parser() {
        for t in [
            "2024-06-12T16:40:00.000+02:00",
            "2024-02-29T23:59:59.999-13:59",
            "2023-02-29T10:00:00.000+01:00",
            "2100-02-29T10:00:00.000+01:00",
            "2000-02-29T10:00:00.000+01:00",
            "0001-01-01T00:00:00.000+01:00",
            "0000-01-01T00:00:00.000+00:00",
            "9999-12-31T23:59:59.999-13:00",
            "2024-06-12T16:40:60.000+02:00",
            "2024-06-12T24:00:00.000+02:00",
            "2024-06-12T16:40:00.000+14:00",
            "2024-06-12T16:40:00.000-14:00",
            "2024-06-12T16:40:00.000+14:01",
            "2024-06-12T16:40:00.000-00:00",
            "2024-06-12T16:40:00.000 02:00",
            "2024-06-12T16:40:00,000+02:00",
            "2024-13-12T16:40:00.000+02:00",
            "2024-00-12T16:40:00.000+02:00",
            "2024-06-00T16:40:00.000+02:00",
            "2024-06-31T16:40:00.000+02:00",
            "2024-06-12t16:40:00.000+02:00",
            "2024-06-12T16:40:00.0a0+02:00",
            "2024-06-12T16:40:00.000Z",
            "2024-06-12T16:40:00+02:00",
            "2024-06-12T16:40:00.000+02:0",
            "2024-06-12T16:40:00.000+02:000",
            "٢٠٢٤-06-12T16:40:00.000+02:00",
        ] {
            assert_eq!(utc_instant(t), general(t), "{t}");
        }
        // The usual start is read by the fast path.
        assert!(sas_form("2024-06-12T16:40:00.000+02:00").is_some());
    }

    proptest::proptest! {
        /// Wherever the fast path answers, the general parser gives the
        /// same instant; on valid SAS values it always answers.
        #[test]
        fn fast_path_agrees_with_parse_instant(
            t in "[0-9]{4}-([0-9]{2}|0[1-9]|1[0-2])-([0-9]{2}|[0-2][1-9]|3[01])T([0-9]{2}|[01][0-9]|2[0-3]):[0-6][0-9]:[0-6][0-9][.,][0-9]{3}[+ -]([0-9]{2}|0[0-9]|1[0-4]):[0-9]{2}"
        ) {
            let fast = sas_form(&t);
            let slow = general(&t);
            if fast.is_some() {
                proptest::prop_assert_eq!(fast, slow, "{}", t);
            }
            proptest::prop_assert_eq!(utc_instant(&t), slow, "{}", t);
        }

        #[test]
        fn fast_path_reads_valid_sas_values(
            y in 1u32..=9999, m in 1u32..=12, d in 1u32..=28, h in 0u32..=23, mi in 0u32..=59,
            s in 0u32..=59, ms in 0u32..=999, neg: bool, oh in 0u32..=13, om in 0u32..=59
        ) {
            let sign = if neg { '-' } else { '+' };
            let t = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}{sign}{oh:02}:{om:02}");
            let fast = sas_form(&t);
            proptest::prop_assert!(fast.is_some(), "{}", t);
            proptest::prop_assert_eq!(fast, general(&t), "{}", t);
        }
    }
}
