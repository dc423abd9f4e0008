//! date, dateTime, instant and time: one byte scanner for the four lexical
//! forms (and the search bounds), then chrono for arithmetic.
//!
//! The scanner runs on every date of multi-hundred-MB bundles, so it is
//! hand-written and allocation-free. chrono is only used on values the scanner
//! accepted: on its own it would take `2024-5-1`, a lowercase `t`, a space
//! separator or `+14:30`, all of which FHIR forbids.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::error::{Field, PrimitiveError, Reason};
use super::kind::PrimitiveKind;

/// How much of a date/time a value gives, from the coarsest to the finest.
///
/// ```
/// use fr_fhir_core::primitives::{parse_search_date, Precision};
/// assert_eq!(parse_search_date("2024-06").unwrap().precision, Precision::Month);
/// assert_eq!(parse_search_date("2024-06-12T10:00:00.25Z").unwrap().precision, Precision::Fraction(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Precision {
    /// `YYYY`.
    #[default]
    Year,
    /// `YYYY-MM`.
    Month,
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM-DDThh:mm` (search bounds only).
    Minute,
    /// `...Thh:mm:ss`.
    Second,
    /// `...Thh:mm:ss.f...` with this many fraction digits; digits beyond
    /// the ninth are truncated (nanoseconds), so 9 is the finest.
    Fraction(u8),
}

/// Which lexical form the scanner enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Date,
    DateTime,
    Instant,
    Time,
    /// Search bound: any dateTime precision plus `hh:mm`, zone optional.
    /// `lenient` reads a space before `hh:mm` as `+`.
    Search {
        lenient: bool,
    },
}

/// The fields of a scanned value. Absent fields are 0 (month and day: 1),
/// `offset` is `None` without zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scanned {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    /// 0..=60; 60 is a leap second.
    pub second: u32,
    /// Fraction truncated to nanoseconds.
    pub nanos: u32,
    /// Number of fraction digits as written (not capped).
    pub frac_digits: usize,
    pub precision: Precision,
    /// Offset east of UTC in seconds.
    pub offset: Option<i32>,
    /// The zone was written `Z`.
    pub zulu: bool,
    /// The offset sign was a space read as `+` (lenient search only).
    pub space_as_plus: bool,
}

impl Default for Scanned {
    fn default() -> Self {
        Scanned {
            year: 0,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            nanos: 0,
            frac_digits: 0,
            precision: Precision::Year,
            offset: None,
            zulu: false,
            space_as_plus: false,
        }
    }
}

/// The whitespace of FHIR regular expressions (`\s`, ASCII only).
pub(crate) fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Empty, leading and trailing whitespace: checked first because they make
/// the clearest message for every type that forbids them.
pub(crate) fn check_edges(b: &[u8]) -> Result<(), Reason> {
    match (b.first(), b.last()) {
        (None, _) | (_, None) => Err(Reason::Empty),
        (Some(&f), _) if is_ws(f) => Err(Reason::LeadingWhitespace),
        (_, Some(&l)) if is_ws(l) => Err(Reason::TrailingWhitespace),
        _ => Ok(()),
    }
}

pub(crate) fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// The character at `pos`; the scanner only ever steps over ASCII bytes,
    /// so `pos` is a char boundary.
    fn found_at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..).and_then(|s| s.chars().next())
    }

    fn expected(&self, expected: &'static str) -> Reason {
        Reason::Expected { at: self.pos, expected, found: self.found_at(self.pos) }
    }

    fn digit_at(&self, pos: usize) -> Option<u32> {
        match self.bytes.get(pos) {
            Some(b) if b.is_ascii_digit() => Some(u32::from(b - b'0')),
            _ => None,
        }
    }

    /// Exactly `n` digits; fewer digits followed by something else is a
    /// `FieldDigits` error (`2024-5-1`), no digit at all an `Expected`. A
    /// digit too many is left to the next step, whose "expected `-`/`:`"
    /// also fits the compact ISO forms (`20240612`, `+0200`).
    fn fixed_digits(&mut self, n: u8, field: Field) -> Result<u32, Reason> {
        let start = self.pos;
        let mut value = 0u32;
        for i in 0..usize::from(n) {
            match self.digit_at(start + i) {
                Some(d) => value = value * 10 + d,
                None if i == 0 => return Err(self.expected("a digit")),
                None => return Err(Reason::FieldDigits { field, at: start, expected: n }),
            }
        }
        self.pos = start + usize::from(n);
        Ok(value)
    }

    fn literal(&mut self, want: u8, expected: &'static str) -> Result<(), Reason> {
        if self.peek() == Some(want) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.expected(expected))
        }
    }
}

/// Scans `text` against `form`. The single source of truth for the date
/// rules; [`check`](super::check), [`parse_instant`] and the search bounds
/// all call it.
pub(crate) fn scan(text: &str, form: Form) -> Result<Scanned, Reason> {
    if matches!(form, Form::DateTime | Form::Instant | Form::Search { .. })
        && let Some(s) = scan_fast(text, form)
    {
        return Ok(s);
    }
    scan_general(text, form)
}

/// Two ASCII digits as a number, `None` unless both are digits.
#[inline(always)]
fn two_digits(hi: u8, lo: u8) -> Option<u32> {
    let (hi, lo) = (hi.wrapping_sub(b'0'), lo.wrapping_sub(b'0'));
    (hi <= 9 && lo <= 9).then_some(u32::from(hi) * 10 + u32::from(lo))
}

/// Eight bytes read as one little-endian word (byte `i` at bits `8i`).
#[inline(always)]
fn word(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(*b.get(at..)?.first_chunk::<8>()?))
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

/// `YYYY-MM-` at byte 0.
const DATE: Template = Template::new(b"dddd-dd-");
/// `DDThh:mm` at byte 8.
const CLOCK: Template = Template::new(b"ddTdd:dd");
/// `:ss` at byte 16, read from byte 11 (its first bytes are `CLOCK`'s).
const SECONDS: Template = Template::new(b"?????:dd");

/// `.sss` at byte 19 (the SAS fraction; the zone follows).
const FRACTION3: Template = Template::new(b".ddd????");
/// `±hh:mm` at byte 23, read from byte 21.
const ZONE: Template = Template::new(b"???dd:dd");

/// The digit values of `w` (0 on the other bytes) when its bytes follow
/// `t`. Eight bytes are judged at once instead of one branch per byte.
#[inline(always)]
fn digits(w: u64, t: &Template) -> Option<u64> {
    const HI: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const THREE: u64 = 0x3030_3030_3030_3030;
    const SIX: u64 = 0x0606_0606_0606_0606;
    let (hi, three) = (t.digits & HI, t.digits & THREE);
    // High nibble 3, and adding 6 keeps it 3: `0`..=`9`. No carry leaves a
    // byte whose high nibble is 3, so the bytes do not disturb each other.
    let ok = (w & t.literal) == t.bytes
        && (w & hi) == three
        && (w.wrapping_add(t.digits & SIX) & hi) == three;
    ok.then_some((w ^ three) & t.digits)
}

/// Byte `i` of the result is `10 × digit(i) + digit(i + 1)` of digit
/// values `v`: the two-digit fields in one multiply (each byte ≤ 99, no
/// carry between bytes).
#[inline(always)]
fn pairs(v: u64) -> u64 {
    v * 10 + (v >> 8)
}

/// Byte `i` of `w`.
#[inline(always)]
fn byte(w: u64, i: u32) -> u32 {
    ((w >> (8 * i)) & 0xFF) as u32
}

/// The usual shape, `YYYY-MM-DDThh:mm:ss[.f+](Z|±hh:mm)`, read without the
/// cursor's per-field bookkeeping. `None` for anything else or anything
/// wrong: the general scanner then gives the exact reason.
#[inline(always)]
fn scan_fast(text: &str, form: Form) -> Option<Scanned> {
    let b = text.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let date = pairs(digits(word(b, 0)?, &DATE)?);
    let clock = pairs(digits(word(b, 8)?, &CLOCK)?);
    let secs = pairs(digits(word(b, 11)?, &SECONDS)?);
    let year = (byte(date, 0) * 100 + byte(date, 2)) as i32;
    let (month, day) = (byte(date, 5), byte(clock, 0));
    let (hour, minute, second) = (byte(clock, 3), byte(clock, 6), byte(secs, 6));
    let ok = year != 0
        && (1..=12).contains(&month)
        && day >= 1
        && (day <= 28 || day <= days_in_month(year, month))
        && hour <= 23
        && minute <= 59
        && second <= 60;
    if !ok {
        return None;
    }
    let mut s = Scanned {
        year,
        month,
        day,
        hour,
        minute,
        second,
        precision: Precision::Second,
        ..Scanned::default()
    };
    // The SAS form `.sss±hh:mm`, nearly every value: two more words.
    if b.len() == 29
        && let Some(frac) = digits(word(b, 19)?, &FRACTION3)
        && let Some(zone) = digits(word(b, 21)?, &ZONE)
        && let Some(negative) = match b.get(23) {
            Some(b'+') => Some(false),
            Some(b'-') => Some(true),
            _ => None,
        }
    {
        s.nanos = (byte(frac, 1) * 100 + byte(frac, 2) * 10 + byte(frac, 3)) * 1_000_000;
        s.frac_digits = 3;
        s.precision = Precision::Fraction(3);
        let zone = pairs(zone);
        s.offset = Some(offset_seconds(negative, byte(zone, 3), byte(zone, 6))?);
        return Some(s);
    }
    let mut rest = b.get(19..)?;
    if let Some((b'.', tail)) = rest.split_first() {
        let digits = tail.iter().take_while(|d| d.is_ascii_digit()).count();
        let (frac, after) = tail.split_at_checked(digits)?;
        if digits == 0 {
            return None;
        }
        set_fraction(&mut s, frac);
        rest = after;
    }
    match *rest {
        [b'Z'] => {
            s.offset = Some(0);
            s.zulu = true;
        }
        [sign @ (b'+' | b'-'), h0, h1, b':', m0, m1] => {
            let (hours, minutes) = (two_digits(h0, h1)?, two_digits(m0, m1)?);
            s.offset = Some(offset_seconds(sign == b'-', hours, minutes)?);
        }
        [] if matches!(form, Form::Search { .. }) => {}
        _ => return None,
    }
    Some(s)
}

/// Whether `text` is a valid dateTime and instant of the SAS shape,
/// `YYYY-MM-DDThh:mm:ss.sss±hh:mm`, calendar and ranges included: what
/// [`scan`] accepts of that shape, judged without building its fields (a
/// check only needs the verdict). `false` says nothing: the caller then
/// runs the full scan, which gives the reason.
#[inline]
pub(crate) fn sas_shape_valid(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 29 {
        return false;
    }
    let (Some(w0), Some(w8), Some(w11), Some(w19), Some(w21)) =
        (word(b, 0), word(b, 8), word(b, 11), word(b, 19), word(b, 21))
    else {
        return false;
    };
    let (Some(date), Some(clock), Some(secs), Some(_), Some(zone)) = (
        digits(w0, &DATE),
        digits(w8, &CLOCK),
        digits(w11, &SECONDS),
        digits(w19, &FRACTION3),
        digits(w21, &ZONE),
    ) else {
        return false;
    };
    let (date, clock, secs, zone) = (pairs(date), pairs(clock), pairs(secs), pairs(zone));
    let year = (byte(date, 0) * 100 + byte(date, 2)) as i32;
    let (month, day) = (byte(date, 5), byte(clock, 0));
    let (zh, zm) = (byte(zone, 3), byte(zone, 6));
    matches!(b.get(23), Some(b'+' | b'-'))
        && year != 0
        && (1..=12).contains(&month)
        && day >= 1
        && (day <= 28 || day <= days_in_month(year, month))
        && byte(clock, 3) <= 23
        && byte(clock, 6) <= 59
        && byte(secs, 6) <= 60
        && zm <= 59
        && (zh < 14 || zh == 14 && zm == 0)
}

// Out of line: the fast path takes nearly every dateTime and instant, and
// inlining this one would give `scan` its large frame on every call.
#[inline(never)]
fn scan_general(text: &str, form: Form) -> Result<Scanned, Reason> {
    let bytes = text.as_bytes();
    check_edges(bytes)?;
    let mut c = Cursor { text, bytes, pos: 0 };
    let mut s = Scanned::default();
    if form == Form::Time {
        scan_clock(&mut c, &mut s, form)?;
        return finish(&c).map(|()| s);
    }

    s.year = c.fixed_digits(4, Field::Year)? as i32;
    if s.year == 0 {
        return Err(Reason::YearZero);
    }
    if c.at_end() {
        return incomplete(&c, form).map(|()| s);
    }
    c.literal(b'-', "`-`")?;
    s.month = c.fixed_digits(2, Field::Month)?;
    if !(1..=12).contains(&s.month) {
        return Err(Reason::MonthOutOfRange { month: s.month });
    }
    s.precision = Precision::Month;
    if c.at_end() {
        return incomplete(&c, form).map(|()| s);
    }
    c.literal(b'-', "`-`")?;
    s.day = c.fixed_digits(2, Field::Day)?;
    if !(1..=31).contains(&s.day) {
        return Err(Reason::DayOutOfRange { day: s.day });
    }
    if s.day > days_in_month(s.year, s.month) {
        return Err(Reason::DayNotInMonth { day: s.day, month: s.month, year: s.year });
    }
    s.precision = Precision::Day;
    if c.at_end() {
        return incomplete(&c, form).map(|()| s);
    }

    let sep = c.pos;
    match c.peek() {
        Some(b'T' | b't' | b' ') if form == Form::Date => {
            return Err(Reason::TimeNotAllowed { at: sep });
        }
        Some(b'T') => c.pos += 1,
        Some(b't') => return Err(Reason::Lowercase { at: sep, expected: 'T' }),
        Some(b' ') => return Err(Reason::SpaceInsteadOfT { at: sep }),
        _ if form == Form::Date => return Err(Reason::TrailingCharacters { at: sep }),
        _ => return Err(c.expected("`T`")),
    }
    scan_clock(&mut c, &mut s, form)?;
    scan_zone(&mut c, &mut s, form)?;
    finish(&c).map(|()| s)
}

/// A value that stops before a time: fine except for an instant.
fn incomplete(c: &Cursor<'_>, form: Form) -> Result<(), Reason> {
    if form == Form::Instant { Err(Reason::MissingTime { at: c.pos }) } else { Ok(()) }
}

fn finish(c: &Cursor<'_>) -> Result<(), Reason> {
    if c.at_end() { Ok(()) } else { Err(Reason::TrailingCharacters { at: c.pos }) }
}

/// `hh:mm[:ss[.f+]]`; seconds are mandatory except in search bounds.
fn scan_clock(c: &mut Cursor<'_>, s: &mut Scanned, form: Form) -> Result<(), Reason> {
    s.hour = c.fixed_digits(2, Field::Hour)?;
    if s.hour > 23 {
        return Err(Reason::HourOutOfRange { hour: s.hour });
    }
    c.literal(b':', "`:`")?;
    s.minute = c.fixed_digits(2, Field::Minute)?;
    if s.minute > 59 {
        return Err(Reason::MinuteOutOfRange { minute: s.minute });
    }
    s.precision = Precision::Minute;
    if c.peek() != Some(b':') {
        return match form {
            Form::Search { .. } => Ok(()),
            _ => Err(Reason::MissingSeconds { at: c.pos }),
        };
    }
    c.pos += 1;
    s.second = c.fixed_digits(2, Field::Second)?;
    if s.second > 60 {
        return Err(Reason::SecondOutOfRange { second: s.second });
    }
    s.precision = Precision::Second;
    if c.peek() != Some(b'.') {
        return Ok(());
    }
    c.pos += 1;
    scan_fraction(c, s)
}

/// The digits after `.`.
fn scan_fraction(c: &mut Cursor<'_>, s: &mut Scanned) -> Result<(), Reason> {
    let start = c.pos;
    let rest = c.bytes.get(start..).unwrap_or_default();
    let digits = rest.iter().take_while(|d| d.is_ascii_digit()).count();
    if digits == 0 {
        return Err(Reason::EmptyFraction { at: start });
    }
    set_fraction(s, rest.get(..digits).unwrap_or_default());
    c.pos += digits;
    Ok(())
}

/// Fills the fraction fields from its digits (ASCII digits, at least one):
/// nine are kept as nanoseconds, a short fraction is scaled up (".5" = 500 ms).
fn set_fraction(s: &mut Scanned, digits: &[u8]) {
    // Horner on the kept digits, then one scaling: no power per digit.
    const SCALE: [u32; 10] =
        [1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];
    let kept = digits.len().min(9);
    let mut nanos = 0u32;
    for d in digits.iter().take(9) {
        nanos = nanos * 10 + u32::from(d.wrapping_sub(b'0'));
    }
    s.nanos = nanos * SCALE.get(kept).copied().unwrap_or(1);
    s.frac_digits = digits.len();
    s.precision = Precision::Fraction(kept as u8);
}

/// `Z` or `±hh:mm` with the FHIR range -14:00..+14:00.
fn scan_zone(c: &mut Cursor<'_>, s: &mut Scanned, form: Form) -> Result<(), Reason> {
    let at = c.pos;
    let negative = match c.peek() {
        None => {
            return match form {
                Form::Search { .. } | Form::Time => Ok(()),
                _ => Err(Reason::MissingTimeZone { at }),
            };
        }
        Some(b'Z') => {
            c.pos += 1;
            s.offset = Some(0);
            s.zulu = true;
            return Ok(());
        }
        Some(b'z') => return Err(Reason::Lowercase { at, expected: 'Z' }),
        Some(b'+') => false,
        Some(b'-') => true,
        Some(b' ') if c.digit_at(at + 1).is_some() => {
            if form != (Form::Search { lenient: true }) {
                return Err(Reason::SpaceInsteadOfPlus { at });
            }
            s.space_as_plus = true;
            false
        }
        Some(_) => return Err(c.expected("`Z`, `+` or `-`")),
    };
    c.pos += 1;
    let hours = c.fixed_digits(2, Field::OffsetHour)?;
    c.literal(b':', "`:`")?;
    let minutes = c.fixed_digits(2, Field::OffsetMinute)?;
    let secs = offset_seconds(negative, hours, minutes).ok_or(Reason::OffsetOutOfRange {
        at,
        negative,
        hours,
        minutes,
    })?;
    s.offset = Some(secs);
    Ok(())
}

/// A zone offset in seconds east of UTC, within FHIR's -14:00..+14:00.
fn offset_seconds(negative: bool, hours: u32, minutes: u32) -> Option<i32> {
    if minutes > 59 || hours > 14 || (hours == 14 && minutes != 0) {
        return None;
    }
    let secs = (hours * 3600 + minutes * 60) as i32;
    Some(if negative { -secs } else { secs })
}

/// The calendar date of a scanned value (absent month/day are 1).
pub(crate) fn naive_date(s: &Scanned) -> Result<NaiveDate, Reason> {
    NaiveDate::from_ymd_opt(s.year, s.month, s.day).ok_or(Reason::Unrepresentable)
}

/// The wall-clock time of a scanned value. A leap second (`:60`) becomes
/// chrono's leap-second representation: second 59 with 1_000_000_000 +
/// fraction nanoseconds, which sorts after `:59.999999999` and before the
/// next minute.
pub(crate) fn naive_time(s: &Scanned) -> Result<NaiveTime, Reason> {
    let (second, nanos) =
        if s.second == 60 { (59, s.nanos + 1_000_000_000) } else { (s.second, s.nanos) };
    NaiveTime::from_hms_nano_opt(s.hour, s.minute, second, nanos).ok_or(Reason::Unrepresentable)
}

pub(crate) fn naive_date_time(s: &Scanned) -> Result<NaiveDateTime, Reason> {
    Ok(NaiveDateTime::new(naive_date(s)?, naive_time(s)?))
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`): a few multiplications where chrono's calendar would
/// build and check a date.
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// A point of the UTC time line: seconds since 1970-01-01T00:00:00Z and
/// nanoseconds, in a leap second (`:60`) 1e9 and more on the second before,
/// as chrono keeps it. The derived order is chrono's order of the same
/// instants, so rules compare these without building a `DateTime`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct UtcStamp {
    /// Seconds since the Unix epoch (leap second: those of `:59`).
    pub secs: i64,
    /// Nanoseconds, 1_000_000_000 and more within a leap second.
    pub nanos: u32,
}

impl UtcStamp {
    /// The stamp of a chrono instant.
    pub(crate) fn of(t: DateTime<Utc>) -> UtcStamp {
        UtcStamp { secs: t.timestamp(), nanos: t.timestamp_subsec_nanos() }
    }
}

impl Scanned {
    /// `self` is before `other` on the time line. With the same offset the
    /// written fields compare as they are (a leap second's 60 sorts where
    /// chrono puts it); otherwise through [`Scanned::utc`].
    pub(crate) fn is_before(&self, other: &Scanned) -> bool {
        if self.offset == other.offset {
            let key = |s: &Scanned| (s.year, s.month, s.day, s.hour, s.minute, s.second, s.nanos);
            key(self) < key(other)
        } else {
            self.utc() < other.utc()
        }
    }

    /// The instant on the UTC time line (a value without zone is read as
    /// UTC; the instant form always has one).
    pub(crate) fn utc(&self) -> UtcStamp {
        let (second, nanos) = if self.second == 60 {
            (59, self.nanos + 1_000_000_000)
        } else {
            (self.second, self.nanos)
        };
        let clock = i64::from(self.hour * 3600 + self.minute * 60 + second);
        let days = days_from_civil(self.year, self.month, self.day);
        let secs = days * 86_400 + clock - i64::from(self.offset.unwrap_or(0));
        UtcStamp { secs, nanos }
    }
}

/// Scans a FHIR `instant`: the lexical rule of `check(PrimitiveKind::Instant, _)`.
pub(crate) fn scan_instant(text: &str) -> Result<Scanned, PrimitiveError> {
    scan(text, Form::Instant)
        .map_err(|reason| PrimitiveError { kind: PrimitiveKind::Instant, reason })
}

/// Parses a FHIR `instant`, keeping its offset.
///
/// The lexical rule is checked first (same errors as
/// `check(PrimitiveKind::Instant, text)`). The fraction may have any length:
/// nine digits are kept (nanoseconds), further digits are truncated. A leap
/// second (`23:59:60`) is kept with chrono's leap-second representation
/// (second 59, nanoseconds ≥ 1e9): it orders after `23:59:59.999999999` and
/// before the next minute, and chrono formats it back as `:60`.
///
/// ```
/// use fr_fhir_core::primitives::parse_instant;
/// let t = parse_instant("2024-06-12T16:40:00.000+02:00").unwrap();
/// assert_eq!(t.to_rfc3339(), "2024-06-12T16:40:00+02:00");
/// assert!(parse_instant("2024-06-12T16:40:00").is_err());
/// ```
pub fn parse_instant(text: &str) -> Result<DateTime<FixedOffset>, PrimitiveError> {
    let s = scan_instant(text)?;
    instant_of(&s).map_err(|reason| PrimitiveError { kind: PrimitiveKind::Instant, reason })
}

/// The `DateTime` of a scanned instant, from the fields the scanner read
/// (chrono checks and places them; its text parser is never involved).
pub(crate) fn instant_of(s: &Scanned) -> Result<DateTime<FixedOffset>, Reason> {
    let naive = naive_date_time(s)?;
    let offset = s.offset.and_then(FixedOffset::east_opt).ok_or(Reason::Unrepresentable)?;
    naive
        .checked_sub_offset(offset)
        .map(|utc| DateTime::from_naive_utc_and_offset(utc, offset))
        .ok_or(Reason::Unrepresentable)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn fast_path_agrees_with_the_general_scanner(
            t in "([0-9]{4}|[12][0-9]{3})-([0-9]{2}|0[1-9]|1[0-2])-([0-9]{2}|[0-2][1-9]|3[01])T([0-9]{2}|[01][0-9]|2[0-3]):[0-5]?[0-9]:[0-6][0-9](\\.[0-9]{0,12})?(Z|z|[+ -]([01][0-9]|[0-9]{2}):[0-9]{2}|)[0-9a ]?"
        ) {
            let general = scan_general(&t, Form::Instant);
            proptest::prop_assert_eq!(general.is_ok(), scan_fast(&t, Form::Instant).is_some(), "{}", t);
            for form in [Form::DateTime, Form::Instant, Form::Search { lenient: true }, Form::Search { lenient: false }] {
                if let Some(fast) = scan_fast(&t, form) {
                    proptest::prop_assert_eq!(Ok(fast), scan_general(&t, form));
                }
            }
        }
    }

    /// The eight-byte field checks against the byte-by-byte scanner: SAS
    /// instants with one or two bytes replaced by a byte next to a digit or
    /// a separator (`/` and `:` border the digits, `,` and `.` the `-`...),
    /// where a wrong mask or carry would let a value through.
    fn near_miss() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let base = "(19|20|99|00)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-6][0-9]\\.[0-9]{3}[+-](0[0-9]|1[0-4]):[0-5][0-9]";
        let byte = prop_oneof![
            Just(b'/'),
            Just(b'0'),
            Just(b'9'),
            Just(b':'),
            Just(b';'),
            Just(b'-'),
            Just(b'+'),
            Just(b','),
            Just(b'.'),
            Just(b'T'),
            Just(b'Z'),
            Just(b' '),
            Just(b'@'),
            Just(b'?'),
            Just(b'\x7F'),
            Just(b'\x00'),
            Just(b'\x06'),
            Just(b'j'),
            Just(b'i'),
            Just(b'*'),
        ];
        (base, (0usize..29, byte.clone()), proptest::option::of((0usize..29, byte))).prop_map(
            |(t, (i, b), second)| {
                let mut bytes = t.into_bytes();
                for (i, b) in std::iter::once((i, b)).chain(second) {
                    if let Some(slot) = bytes.get_mut(i) {
                        *slot = b;
                    }
                }
                String::from_utf8(bytes).unwrap()
            },
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn word_checks_agree_with_the_general_scanner(t in near_miss()) {
            for form in [Form::DateTime, Form::Instant, Form::Search { lenient: true }, Form::Search { lenient: false }] {
                let general = scan_general(&t, form);
                match scan_fast(&t, form) {
                    Some(fast) => proptest::prop_assert_eq!(Ok(fast), general, "{}", t),
                    // The fast path may leave a value to the general scanner,
                    // but not a valid instant of the usual shape.
                    None if form == Form::Instant => proptest::prop_assert!(general.is_err(), "{}", t),
                    None => {}
                }
            }
        }
    }
}
