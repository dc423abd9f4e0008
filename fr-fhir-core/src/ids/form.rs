//! Character-level form checks and inline storage shared by the registry types.
//!
//! Identifiers are stored inline (fixed `[u8; N]` arrays, or a short bounded
//! buffer) so that parsing the millions of identifiers of a large Bundle never
//! allocates. Only ASCII ever gets stored, which is what makes the `&str` views
//! infallible in practice.

use super::IdError;

/// `[0-9]`, the character class of most registry numbers.
pub(crate) const DIGITS: &str = "[0-9]";

/// Number of characters of `s`, counted only on error paths.
pub(crate) fn char_len(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().count() }
}

/// The `&str` view of stored bytes; always ASCII by construction.
pub(crate) fn ascii_str(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// Copies `s` into an array after checking it has exactly `N` characters
/// (`Length` otherwise, `Empty` for "") and that all are ASCII (`Char` with
/// `expected` otherwise).
pub(crate) fn ascii_array<const N: usize>(
    s: &str,
    kind: &'static str,
    length: &'static str,
    expected: &'static str,
) -> Result<[u8; N], IdError> {
    if let Some(out) = <[u8; N]>::try_from(s.as_bytes()).ok().filter(|a| a.is_ascii()) {
        return Ok(out);
    }
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    let found = char_len(s);
    if found != N {
        return Err(IdError::Length { kind, expected: length, found });
    }
    // N characters but more than N bytes: there is a non-ASCII one.
    let (i, c) = s.chars().enumerate().find(|(_, c)| !c.is_ascii()).unwrap_or((0, '\0'));
    Err(IdError::Char { kind, position: i + 1, found: c, expected })
}

/// `Char` error for the first byte of `bytes[start..]` that is not an ASCII
/// digit (positions count from the start of `bytes`).
pub(crate) fn require_digits(
    bytes: &[u8],
    start: usize,
    kind: &'static str,
    expected: &'static str,
) -> Result<(), IdError> {
    match bytes.iter().enumerate().skip(start).find(|(_, b)| !b.is_ascii_digit()) {
        Some((i, &b)) => {
            Err(IdError::Char { kind, position: i + 1, found: char::from(b), expected })
        }
        None => Ok(()),
    }
}

/// Digits, except that a value may start with the Corsican department codes
/// `2A` or `2B` (FINESS and ADELI numbers begin with the department). Returns
/// whether the value is Corsican.
pub(crate) fn corsican_or_digits(bytes: &[u8], kind: &'static str) -> Result<bool, IdError> {
    let corsican = matches!(bytes, [b'2', b'A' | b'B', ..]);
    let start = if corsican { 2 } else { 0 };
    let expected = |i: usize| match (i, bytes.first()) {
        (1, Some(b'2')) => "[0-9AB]",
        _ => DIGITS,
    };
    match bytes.iter().enumerate().skip(start).find(|(_, b)| !b.is_ascii_digit()) {
        Some((i, &b)) => Err(IdError::Char {
            kind,
            position: i + 1,
            found: char::from(b),
            expected: expected(i),
        }),
        None => Ok(corsican),
    }
}

/// Parses `N` ASCII digits.
pub(crate) fn digit_array<const N: usize>(
    s: &str,
    kind: &'static str,
    length: &'static str,
) -> Result<[u8; N], IdError> {
    let bytes = ascii_array::<N>(s, kind, length, DIGITS)?;
    require_digits(&bytes, 0, kind, DIGITS)?;
    Ok(bytes)
}

/// Parses a body of `N - 1` digits and appends its Luhn key.
pub(crate) fn with_luhn_key<const N: usize>(
    body: &str,
    kind: &'static str,
    length: &'static str,
) -> Result<[u8; N], IdError> {
    let mut out = [0u8; N];
    let (head, last) = out.split_at_mut(N.saturating_sub(1));
    if body.is_empty() {
        return Err(IdError::Empty);
    }
    let found = char_len(body);
    if found != head.len() {
        return Err(IdError::Length { kind, expected: length, found });
    }
    require_digits(body.as_bytes(), 0, kind, DIGITS)?;
    head.copy_from_slice(body.as_bytes());
    let key = super::luhn::check_digit(head).unwrap_or_default();
    if let Some(k) = last.first_mut() {
        *k = b'0' + key;
    }
    Ok(out)
}

/// The Luhn check of a complete registry number, as an [`IdError::CheckDigit`].
pub(crate) fn check_luhn(bytes: &[u8], kind: &'static str) -> Result<(), IdError> {
    if super::luhn::is_valid(bytes) {
        return Ok(());
    }
    let (body, last) = bytes.split_at(bytes.len().saturating_sub(1));
    let found = last.first().map_or(0, |b| b.wrapping_sub(b'0'));
    let expected = super::luhn::check_digit(body).unwrap_or_default();
    Err(IdError::CheckDigit { kind, found, expected })
}

/// Up to `N` ASCII characters stored inline, for the registry numbers of
/// variable length (RPPS-rang, ADELI-rang). Bytes past `len` stay zero, so the
/// derived equality and hash only see the text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct InlineStr<const N: usize> {
    len: u8,
    bytes: [u8; N],
}

impl<const N: usize> InlineStr<N> {
    /// Parses 1 to `N` characters of `[0-9A-Z]` (`N` must fit in a `u8`).
    pub(crate) fn upper_alnum(
        s: &str,
        kind: &'static str,
        length: &'static str,
        expected: &'static str,
    ) -> Result<Self, IdError> {
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        let found = char_len(s);
        let len = u8::try_from(found).ok().filter(|_| found <= N);
        let Some(len) = len else {
            return Err(IdError::Length { kind, expected: length, found });
        };
        let bad =
            s.chars().enumerate().find(|(_, c)| !(c.is_ascii_digit() || c.is_ascii_uppercase()));
        if let Some((i, c)) = bad {
            return Err(IdError::Char { kind, position: i + 1, found: c, expected });
        }
        let mut bytes = [0u8; N];
        for (dst, src) in bytes.iter_mut().zip(s.bytes()) {
            *dst = src;
        }
        Ok(InlineStr { len, bytes })
    }

    /// The stored text.
    pub(crate) fn as_str(&self) -> &str {
        ascii_str(self.bytes.get(..usize::from(self.len)).unwrap_or_default())
    }
}

impl<const N: usize> std::fmt::Debug for InlineStr<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_array_errors() {
        assert_eq!(ascii_array::<3>("", "K", "3", DIGITS), Err(IdError::Empty));
        assert_eq!(
            ascii_array::<3>("1234", "K", "3", DIGITS),
            Err(IdError::Length { kind: "K", expected: "3", found: 4 })
        );
        // 3 characters but 4 bytes: the length is counted in characters.
        assert_eq!(
            ascii_array::<3>("1é2", "K", "3", DIGITS),
            Err(IdError::Char { kind: "K", position: 2, found: 'é', expected: DIGITS })
        );
        assert_eq!(ascii_array::<3>("1a2", "K", "3", DIGITS), Ok(*b"1a2"));
    }

    #[test]
    fn corsican_forms() {
        assert_eq!(corsican_or_digits(b"2A0000001", "K"), Ok(true));
        assert_eq!(corsican_or_digits(b"2B0000001", "K"), Ok(true));
        assert_eq!(corsican_or_digits(b"200000001", "K"), Ok(false));
        assert_eq!(
            corsican_or_digits(b"2C0000001", "K"),
            Err(IdError::Char { kind: "K", position: 2, found: 'C', expected: "[0-9AB]" })
        );
        assert_eq!(
            corsican_or_digits(b"3A0000001", "K"),
            Err(IdError::Char { kind: "K", position: 2, found: 'A', expected: DIGITS })
        );
        assert_eq!(
            corsican_or_digits(b"2AA000001", "K"),
            Err(IdError::Char { kind: "K", position: 3, found: 'A', expected: DIGITS })
        );
        assert_eq!(
            corsican_or_digits(b"A20000001", "K"),
            Err(IdError::Char { kind: "K", position: 1, found: 'A', expected: DIGITS })
        );
    }

    #[test]
    fn with_key_appends_luhn() {
        assert_eq!(with_luhn_key::<11>("1010005007", "K", "10"), Ok(*b"10100050078"));
        assert_eq!(
            with_luhn_key::<11>("101000500", "K", "10"),
            Err(IdError::Length { kind: "K", expected: "10", found: 9 })
        );
        assert_eq!(
            with_luhn_key::<11>("10100x5007", "K", "10"),
            Err(IdError::Char { kind: "K", position: 6, found: 'x', expected: DIGITS })
        );
        assert_eq!(with_luhn_key::<11>("", "K", "10"), Err(IdError::Empty));
    }

    #[test]
    fn inline_str_bounds() {
        let s = InlineStr::<4>::upper_alnum("AB12", "K", "1-4", "[0-9A-Z]").unwrap();
        assert_eq!(s.as_str(), "AB12");
        assert_eq!(
            InlineStr::<4>::upper_alnum("AB123", "K", "1-4", "[0-9A-Z]"),
            Err(IdError::Length { kind: "K", expected: "1-4", found: 5 })
        );
        assert_eq!(
            InlineStr::<4>::upper_alnum("Ab", "K", "1-4", "[0-9A-Z]"),
            Err(IdError::Char { kind: "K", position: 2, found: 'b', expected: "[0-9A-Z]" })
        );
        assert_eq!(InlineStr::<4>::upper_alnum("", "K", "1-4", "x"), Err(IdError::Empty));
    }
}
