//! FHIR date/dateTime values as intervals of UTC time, for `start <= end`
//! (per-1) without a FHIRPath engine.
//!
//! FHIRPath compares two dateTimes on their common precision and answers
//! "unknown" when they are equal there; seconds and their fraction are one
//! precision (a decimal). A value is therefore read as the interval it may
//! stand for: a whole year, month or day, or a single point from the second
//! on. A value without zone (a date, or a dateTime missing its zone)
//! compared with a value that has one may be in any zone from -14:00 to
//! +14:00, so its interval widens by that much. `a` is surely after `b` only
//! when `a` starts at or after the end of `b`; anything else holds.
//!
//! The lexical check of the values is RO1-FHIR-003's; a value this reader
//! does not understand makes the comparison undecidable.

/// Nanoseconds in an hour.
const HOUR_NS: i128 = 3_600_000_000_000;
/// Nanoseconds in a day.
const DAY_NS: i128 = 24 * HOUR_NS;
/// The widest zone offset FHIR allows (14:00), in nanoseconds.
const MAX_OFFSET_NS: i128 = 14 * HOUR_NS;

/// A date/dateTime as the half-open interval `[lo, hi)` of wall-clock
/// nanoseconds it stands for, and its zone offset when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Moment {
    lo: i128,
    hi: i128,
    /// Offset east of UTC in nanoseconds.
    offset: Option<i128>,
}

/// Which of two values is later, when it can be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// `a` is after `b` whatever the unknown parts (precision, zone).
    After,
    /// `a` is not after `b`, or it cannot be told.
    NotAfter,
}

impl Moment {
    /// Reads `YYYY[-MM[-DD[Thh:mm:ss[.f+][Z|±hh:mm]]]]`; `None` otherwise.
    pub(super) fn parse(text: &str) -> Option<Moment> {
        let b = text.as_bytes();
        let year = digits(b, 0, 4)?;
        if year == 0 {
            return None;
        }
        let (month, day, rest) = match b.get(4) {
            None => (None, None, 4),
            Some(b'-') => {
                let month = digits(b, 5, 2).filter(|m| (1..=12).contains(m))?;
                match b.get(7) {
                    None => (Some(month), None, 7),
                    Some(b'-') => {
                        let day = digits(b, 8, 2)
                            .filter(|d| *d >= 1 && *d <= days_in_month(year, month))?;
                        (Some(month), Some(day), 10)
                    }
                    Some(_) => return None,
                }
            }
            Some(_) => return None,
        };
        let days = days_from_civil(year, month.unwrap_or(1), day.unwrap_or(1));
        let start = i128::from(days) * DAY_NS;
        if day.is_none() {
            let hi = match month {
                None => i128::from(days_from_civil(year + 1, 1, 1)) * DAY_NS,
                Some(12) => i128::from(days_from_civil(year + 1, 1, 1)) * DAY_NS,
                Some(m) => i128::from(days_from_civil(year, m + 1, 1)) * DAY_NS,
            };
            return (rest == b.len()).then_some(Moment { lo: start, hi, offset: None });
        }
        if rest == b.len() {
            return Some(Moment { lo: start, hi: start + DAY_NS, offset: None });
        }
        if b.get(rest) != Some(&b'T') || b.get(rest + 3) != Some(&b':') {
            return None;
        }
        let hour = digits(b, rest + 1, 2).filter(|h| *h <= 23)?;
        let minute = digits(b, rest + 4, 2).filter(|m| *m <= 59)?;
        if b.get(rest + 6) != Some(&b':') {
            return None;
        }
        let second = digits(b, rest + 7, 2).filter(|s| *s <= 60)?;
        let mut pos = rest + 9;
        let mut nanos: i128 = 0;
        if b.get(pos) == Some(&b'.') {
            pos += 1;
            let frac = b.get(pos..)?.iter().take_while(|c| c.is_ascii_digit()).count();
            if frac == 0 {
                return None;
            }
            // Digits past the ninth are below a nanosecond: dropped.
            let mut scale = 100_000_000;
            for c in b.get(pos..pos + frac.min(9))? {
                nanos += i128::from(c - b'0') * scale;
                scale /= 10;
            }
            pos += frac;
        }
        let offset = match b.get(pos) {
            None => None,
            Some(b'Z') if pos + 1 == b.len() => Some(0),
            Some(sign @ (b'+' | b'-')) if pos + 6 == b.len() && b.get(pos + 3) == Some(&b':') => {
                let h = digits(b, pos + 1, 2).filter(|h| *h <= 14)?;
                let m = digits(b, pos + 4, 2).filter(|m| *m <= 59)?;
                let ns = i128::from(h) * HOUR_NS + i128::from(m) * 60_000_000_000;
                Some(if *sign == b'-' { -ns } else { ns })
            }
            Some(_) => return None,
        };
        let clock = i128::from(hour) * HOUR_NS
            + i128::from(minute) * 60_000_000_000
            + i128::from(second) * 1_000_000_000
            + nanos;
        let lo = start + clock;
        Some(Moment { lo, hi: lo + 1, offset })
    }

    /// Whether `self` is surely after `other` (see the module doc).
    pub(super) fn order(&self, other: &Moment) -> Order {
        let (a, b) = match (self.offset, other.offset) {
            // Same footing: compare the wall clocks as written.
            (None, None) => ((self.lo, self.hi), (other.lo, other.hi)),
            (Some(x), Some(y)) => ((self.lo - x, self.hi - x), (other.lo - y, other.hi - y)),
            (Some(x), None) => ((self.lo - x, self.hi - x), other.widened()),
            (None, Some(y)) => (self.widened(), (other.lo - y, other.hi - y)),
        };
        if a.0 >= b.1 { Order::After } else { Order::NotAfter }
    }

    /// The UTC interval of a value without zone: any zone may apply.
    fn widened(&self) -> (i128, i128) {
        (self.lo - MAX_OFFSET_NS, self.hi + MAX_OFFSET_NS)
    }
}

/// `n` ASCII digits at `at`.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let field = b.get(at..at.checked_add(n)?)?;
    field.iter().try_fold(0u32, |acc, c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
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

/// Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// algorithm); exact for every four-digit year.
fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
    use super::*;

    #[test]
    fn civil_days_match_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2024, 2, 29) + 1, days_from_civil(2024, 3, 1));
        assert_eq!(days_from_civil(1, 1, 1), -719_162);
    }

    #[test]
    fn reads_every_precision_and_refuses_the_rest() {
        for ok in [
            "2024",
            "2024-06",
            "2024-12",
            "2024-06-12",
            "2024-06-12T10:00:00Z",
            "2024-06-12T10:00:00.123456789123+02:00",
            "2024-06-12T10:00:00",
        ] {
            assert!(Moment::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "",
            "0000",
            "2024-13",
            "2023-02-29",
            "2024-06-12T10:00",
            "2024-06-12T10:00:00.",
            "2024-06-12T10:00:00+15:00",
            "2024-06-12T10:00:00+02",
            "2024-06-12 10:00:00Z",
            "24-06-12",
            "2024-06-12T10:00:00Zx",
        ] {
            assert!(Moment::parse(bad).is_none(), "{bad}");
        }
    }
}
