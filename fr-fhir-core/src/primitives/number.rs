//! boolean, integer, positiveInt, unsignedInt and decimal, read from the raw
//! JSON token text. Decimals stay text: going through `f64` would round
//! `0.1` and overflow `1e999999`, both valid FHIR decimals.

use super::datetime::check_edges;
use super::error::Reason;

/// Bounds of FHIR `integer` (32-bit).
pub(crate) const INT_MIN: i64 = i32::MIN as i64;
pub(crate) const INT_MAX: i64 = i32::MAX as i64;

pub(crate) fn boolean(text: &str) -> Result<(), Reason> {
    match text {
        "true" | "false" => Ok(()),
        _ => Err(Reason::NotBoolean),
    }
}

/// Reads `-?(0|[1-9][0-9]*)` from `pos`; returns the position after the
/// digits and the value when it fits in an `i64`.
fn int_part(bytes: &[u8], text: &str, pos: usize) -> Result<(usize, Option<i64>), Reason> {
    let found = |at: usize| text.get(at..).and_then(|s| s.chars().next());
    let mut end = pos;
    let mut value: Option<i64> = Some(0);
    while let Some(&b) = bytes.get(end) {
        if !b.is_ascii_digit() {
            break;
        }
        value = value.and_then(|v| v.checked_mul(10)?.checked_add(i64::from(b - b'0')));
        end += 1;
    }
    match end - pos {
        0 => Err(Reason::Expected { at: pos, expected: "a digit", found: found(pos) }),
        n if n > 1 && bytes.get(pos) == Some(&b'0') => Err(Reason::LeadingZero { at: pos }),
        _ => Ok((end, value)),
    }
}

/// `integer`, `positiveInt` and `unsignedInt`, with their range.
pub(crate) fn integer(text: &str, min: i64, max: i64) -> Result<(), Reason> {
    let bytes = text.as_bytes();
    check_edges(bytes)?;
    let negative = bytes.first() == Some(&b'-');
    let (end, value) = int_part(bytes, text, usize::from(negative))?;
    match bytes.get(end) {
        None => {}
        Some(b'.' | b'e' | b'E') => return Err(Reason::NotAnInteger { at: end }),
        Some(_) => return Err(Reason::TrailingCharacters { at: end }),
    }
    let value = if negative { value.map(|v| -v) } else { value };
    match value {
        // `-0` is an integer but the unsigned types have no sign at all.
        Some(0) if negative && min >= 0 => {
            Err(Reason::Expected { at: 0, expected: "a digit", found: Some('-') })
        }
        Some(v) if (min..=max).contains(&v) => Ok(()),
        _ => Err(Reason::OutOfRange { value, min, max }),
    }
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, any magnitude.
pub(crate) fn decimal(text: &str) -> Result<(), Reason> {
    let bytes = text.as_bytes();
    check_edges(bytes)?;
    let negative = bytes.first() == Some(&b'-');
    let (mut pos, _) = int_part(bytes, text, usize::from(negative))?;
    let digits_from = |start: usize| {
        let mut end = start;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        end
    };
    if bytes.get(pos) == Some(&b'.') {
        let end = digits_from(pos + 1);
        if end == pos + 1 {
            return Err(Reason::EmptyFraction { at: end });
        }
        pos = end;
    }
    if matches!(bytes.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(bytes.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        let end = digits_from(pos);
        if end == pos {
            return Err(Reason::EmptyExponent { at: pos });
        }
        pos = end;
    }
    if pos < bytes.len() { Err(Reason::TrailingCharacters { at: pos }) } else { Ok(()) }
}
