//! Search date bounds (`start=ge…`, `start=le…`) as UTC intervals.
//!
//! FHIR reads a search date as the interval of its own precision:
//! `2021-11-06` is the whole day, `2021-11-06T23:59:59` the whole second
//! (up to .999999999). `ge` compares with the start of that interval, `le`
//! with its end (SPEC §4, window semantics). A bound without zone is local
//! server time, which for SAS is Europe/Paris (SPEC §1.5, AMB-05).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Utc};

use super::datetime::{Form, Precision, Scanned, naive_date_time, scan};
use super::error::{PrimitiveError, Reason};
use super::kind::PrimitiveKind;
use super::paris;

/// A search date read as a half-open UTC interval `[lower, upper)`.
///
/// ```
/// use fr_fhir_core::primitives::parse_search_date;
/// let day = parse_search_date("2021-11-06").unwrap();
/// // A whole Paris day (winter time: +01:00).
/// assert_eq!(day.lower.to_rfc3339(), "2021-11-05T23:00:00+00:00");
/// assert_eq!(day.upper.to_rfc3339(), "2021-11-06T23:00:00+00:00");
/// assert!(!day.had_zone);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateBound {
    /// First instant of the interval.
    pub lower: DateTime<Utc>,
    /// First instant after the interval (exclusive).
    pub upper: DateTime<Utc>,
    /// Precision of the written value, which sets the interval width.
    pub precision: Precision,
    /// The value had a zone (`Z` or an offset); otherwise it was read as Paris time.
    pub had_zone: bool,
    /// A space before `hh:mm` was read as `+` (lenient parsing only; report it, RO1-WIN-003).
    pub space_as_plus: bool,
}

impl DateBound {
    /// Whether an instant satisfies `ge<bound>`: it is not before the interval start.
    ///
    /// ```
    /// use fr_fhir_core::primitives::{parse_instant, parse_search_date};
    /// let ge = parse_search_date("2021-11-04T14:19:35+01:00").unwrap();
    /// assert!(ge.ge_admits(parse_instant("2021-11-04T14:19:35.000+01:00").unwrap().to_utc()));
    /// assert!(!ge.ge_admits(parse_instant("2021-11-04T14:19:34.999+01:00").unwrap().to_utc()));
    /// ```
    pub fn ge_admits(&self, t: DateTime<Utc>) -> bool {
        t >= self.lower
    }

    /// Whether an instant satisfies `le<bound>`: it is before the interval end.
    ///
    /// ```
    /// use fr_fhir_core::primitives::{parse_instant, parse_search_date};
    /// let le = parse_search_date("2021-11-06T23:59:59").unwrap();
    /// assert!(le.le_admits(parse_instant("2021-11-06T23:59:59.999+01:00").unwrap().to_utc()));
    /// assert!(!le.le_admits(parse_instant("2021-11-07T00:00:00.000+01:00").unwrap().to_utc()));
    /// ```
    pub fn le_admits(&self, t: DateTime<Utc>) -> bool {
        t < self.upper
    }
}

/// Parses a search date: a FHIR date or dateTime of any precision (year,
/// month, day, `hh:mm`, `hh:mm:ss`, fraction), with or without zone. The
/// comparator prefix (`ge`, `le`...) must already be removed. A space in
/// place of the offset sign is an error here
/// ([`Reason::SpaceInsteadOfPlus`]); see [`parse_search_date_lenient`].
///
/// ```
/// use fr_fhir_core::primitives::{parse_search_date, Precision};
/// let b = parse_search_date("2024-06-12T16:20+02:00").unwrap();
/// assert_eq!(b.precision, Precision::Minute);
/// assert_eq!(b.lower.to_rfc3339(), "2024-06-12T14:20:00+00:00");
/// assert_eq!(b.upper.to_rfc3339(), "2024-06-12T14:21:00+00:00");
/// assert!(parse_search_date("2024-06-12T16:20:00.000 02:00").is_err());
/// ```
pub fn parse_search_date(text: &str) -> Result<DateBound, PrimitiveError> {
    bound(text, false)
}

/// Same as [`parse_search_date`], but a space before `hh:mm` is read as `+`
/// (a raw `+` decoded as a space under form-URL rules, SPEC §1.5) and
/// reported in [`DateBound::space_as_plus`].
///
/// ```
/// use fr_fhir_core::primitives::parse_search_date_lenient;
/// let b = parse_search_date_lenient("2024-06-12T16:20:00.000 02:00").unwrap();
/// assert!(b.space_as_plus && b.had_zone);
/// assert_eq!(b.lower.to_rfc3339(), "2024-06-12T14:20:00+00:00");
/// ```
pub fn parse_search_date_lenient(text: &str) -> Result<DateBound, PrimitiveError> {
    bound(text, true)
}

fn bound(text: &str, lenient: bool) -> Result<DateBound, PrimitiveError> {
    let err = |reason| PrimitiveError { kind: PrimitiveKind::DateTime, reason };
    let s = scan(text, Form::Search { lenient }).map_err(err)?;
    let lower = naive_date_time(&s).map_err(err)?;
    let upper = upper_end(&s, lower).ok_or(err(Reason::Unrepresentable))?;
    let (lower, upper) = match s.offset {
        Some(secs) => {
            let offset = FixedOffset::east_opt(secs).ok_or(err(Reason::Unrepresentable))?;
            let utc = |t: NaiveDateTime| t.checked_sub_offset(offset).map(|t| t.and_utc());
            match (utc(lower), utc(upper)) {
                (Some(l), Some(u)) => (l, u),
                _ => return Err(err(Reason::Unrepresentable)),
            }
        }
        None => (paris::local_to_utc(lower), paris::local_to_utc(upper)),
    };
    Ok(DateBound {
        lower,
        upper,
        precision: s.precision,
        had_zone: s.offset.is_some(),
        space_as_plus: s.space_as_plus,
    })
}

/// The wall-clock end (exclusive) of the interval that starts at `lower`.
fn upper_end(s: &Scanned, lower: NaiveDateTime) -> Option<NaiveDateTime> {
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0);
    let step_ns = match s.precision {
        Precision::Year => return midnight(NaiveDate::from_ymd_opt(s.year.checked_add(1)?, 1, 1)?),
        Precision::Month => {
            let (year, month) =
                if s.month >= 12 { (s.year.checked_add(1)?, 1) } else { (s.year, s.month + 1) };
            return midnight(NaiveDate::from_ymd_opt(year, month, 1)?);
        }
        Precision::Day => return midnight(lower.date().succ_opt()?),
        Precision::Minute => return lower.checked_add_signed(TimeDelta::minutes(1)),
        Precision::Second => 1_000_000_000,
        Precision::Fraction(digits) => 10i64.pow(9u32.saturating_sub(u32::from(digits))),
    };
    // Step from the plain second 59 when `lower` is a leap second: chrono's
    // arithmetic on leap seconds is not meant for this, and a step that stays
    // inside the leap second is put back into leap form.
    let plain = lower.with_nanosecond(s.nanos)?;
    let end = plain.checked_add_signed(TimeDelta::nanoseconds(step_ns))?;
    if s.second == 60 && end.second() == 59 {
        end.with_nanosecond(end.nanosecond().checked_add(1_000_000_000)?)
    } else {
        Some(end)
    }
}
