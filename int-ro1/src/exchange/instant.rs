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
    match sas_form_utc(text) {
        Some(at) => Some(at),
        None => parse_instant(text).ok().map(|t| t.to_utc()),
    }
}

/// Eight bytes to match: `d` a digit, `?` anything, other bytes themselves.
struct Template {
    /// 0xFF on the digit bytes.
    digits: u64,
    /// 0xFF on the literal bytes.
    literal: u64,
    /// The literal bytes, 0 elsewhere.
    bytes: u64,
}

impl Template {
    const fn new(t: &[u8; 8]) -> Template {
        let w = u64::from_le_bytes(*t);
        let (mut digits, mut literal, mut i) = (0, 0, 0);
        while i < 8 {
            let c = (w >> (8 * i)) & 0xFF;
            if c == b'd' as u64 {
                digits |= 0xFF << (8 * i);
            } else if c != b'?' as u64 {
                literal |= 0xFF << (8 * i);
            }
            i += 1;
        }
        Template { digits, literal, bytes: w & literal }
    }
}

/// The four overlapping words of `YYYY-MM-DDThh:mm:ss.sss±hh:mm`.
const W0: Template = Template::new(b"dddd-dd-");
const W8: Template = Template::new(b"ddTdd:dd");
const W16: Template = Template::new(b":dd.ddd?");
const W21: Template = Template::new(b"dd?dd:dd");

/// The digit values of the eight bytes at `at` (0 on the other bytes) when
/// they follow `t`: every byte judged at once.
#[inline(always)]
fn digits(b: &[u8], at: usize, t: &Template) -> Option<u64> {
    const HI: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const THREE: u64 = 0x3030_3030_3030_3030;
    const SIX: u64 = 0x0606_0606_0606_0606;
    let w = u64::from_le_bytes(*b.get(at..)?.first_chunk::<8>()?);
    let (hi, three) = (t.digits & HI, t.digits & THREE);
    // High nibble 3, and still 3 once 6 is added: `0`..=`9` (no carry
    // leaves a byte whose high nibble is 3).
    let ok = (w & t.literal) == t.bytes
        && (w & hi) == three
        && (w.wrapping_add(t.digits & SIX) & hi) == three;
    ok.then_some((w ^ three) & t.digits)
}

/// Byte `i` of the result: `10 × digit(i) + digit(i + 1)`.
#[inline(always)]
fn pairs(v: u64) -> u64 {
    v * 10 + (v >> 8)
}

/// Byte `i` of `w`.
#[inline(always)]
fn byte(w: u64, i: u32) -> u32 {
    ((w >> (8 * i)) & 0xFF) as u32
}

/// Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`), for years 1..=9999 (no negative division).
#[inline(always)]
fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let (era, yoe) = (y / 400, y % 400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i64::from(era) * 146_097 + i64::from(doe) - 719_468
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The SAS form only; `None` for any other shape and for the values the
/// general parser treats apart (year 0, leap second, offsets from ±14:00).
#[inline]
fn sas_form_utc(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() != 29 {
        return None;
    }
    let date = pairs(digits(b, 0, &W0)?);
    let clock = pairs(digits(b, 8, &W8)?);
    let tail = digits(b, 16, &W16)?;
    let zone = pairs(digits(b, 21, &W21)?);
    let negative = match b.get(23) {
        Some(b'+') => false,
        Some(b'-') => true,
        _ => return None,
    };
    let year = byte(date, 0) * 100 + byte(date, 2);
    let (month, day) = (byte(date, 5), byte(clock, 0));
    let (hour, minute, second) = (byte(clock, 3), byte(clock, 6), byte(pairs(tail), 1));
    let millis = byte(tail, 4) * 100 + byte(tail, 5) * 10 + byte(tail, 6);
    let (oh, om) = (byte(zone, 3), byte(zone, 6));
    let ok = year != 0
        && (1..=12).contains(&month)
        && day >= 1
        && (day <= 28 || day <= days_in_month(year, month))
        && hour <= 23
        && minute <= 59
        && second <= 59
        && oh < 14
        && om <= 59;
    if !ok {
        return None;
    }
    let offset = i64::from(oh * 3600 + om * 60);
    let local =
        days_from_civil(year, month, day) * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    let utc = if negative { local + offset } else { local - offset };
    DateTime::from_timestamp(utc, millis * 1_000_000)
}

#[cfg(test)]
mod tests {
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
        assert!(sas_form_utc("2024-06-12T16:40:00.000+02:00").is_some());
    }

    proptest::proptest! {
        /// Wherever the fast path answers, the general parser gives the
        /// same instant; on valid SAS values it always answers.
        #[test]
        fn fast_path_agrees_with_parse_instant(
            t in "[0-9]{4}-([0-9]{2}|0[1-9]|1[0-2])-([0-9]{2}|[0-2][1-9]|3[01])T([0-9]{2}|[01][0-9]|2[0-3]):[0-6][0-9]:[0-6][0-9][.,][0-9]{3}[+ -]([0-9]{2}|0[0-9]|1[0-4]):[0-9]{2}"
        ) {
            let fast = sas_form_utc(&t);
            let slow = general(&t);
            if fast.is_some() {
                proptest::prop_assert_eq!(fast, slow, "{}", t);
            }
            proptest::prop_assert_eq!(utc_instant(&t), slow, "{}", t);
        }

        #[test]
        fn fast_path_reads_valid_sas_values(
            y in 1u32..=9999, m in 1u32..=12, d in 1u32..=31, h in 0u32..=23, mi in 0u32..=59,
            s in 0u32..=59, ms in 0u32..=999, neg: bool, oh in 0u32..=13, om in 0u32..=59
        ) {
            let sign = if neg { '-' } else { '+' };
            let t = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}{sign}{oh:02}:{om:02}");
            let fast = sas_form_utc(&t);
            // Days 29 to 31 exist in some months only: the fast path answers
            // exactly for the dates that exist.
            proptest::prop_assert_eq!(fast.is_some(), general(&t).is_some(), "{}", t);
            proptest::prop_assert_eq!(fast, general(&t), "{}", t);
        }
    }
}
