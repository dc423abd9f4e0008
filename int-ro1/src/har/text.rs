//! Decoding one JSON string of the HAR file (a response body, a URL) into
//! its own buffer, with a compact way back to file offsets.
//!
//! A finding inside a HAR body is found at an offset of the *decoded* body,
//! but users read the HAR file, where every `\"` or `\n` of the body took two
//! bytes. Recording every escape would cost as much memory as the body
//! itself (pretty-printed JSON bodies have an escape every few bytes), so the
//! map keeps one checkpoint every [`CHECKPOINT_EVERY`] escapes and walks the
//! raw text forward from the nearest one when asked.

use std::borrow::Cow;

/// Escapes between two checkpoints: bounds the walk of one lookup while the
/// map stays about 1/500 of the body.
pub const CHECKPOINT_EVERY: usize = 64;

/// From offsets in a decoded JSON string to offsets in its raw text.
///
/// ```
/// use int_ro1::har::text::decode_json_string;
/// let raw = r#"{\"a\": 1}"#;
/// let (text, map) = decode_json_string(raw).unwrap();
/// assert_eq!(text, r#"{"a": 1}"#);
/// // The `1` is at decoded offset 6 and raw offset 8.
/// assert_eq!(map.raw_offset(raw, 6), 8);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EscapeMap {
    /// `(decoded offset, raw offset)` of every [`CHECKPOINT_EVERY`]-th escape.
    checkpoints: Vec<(u32, u32)>,
    /// True when the raw text had no escape at all (offsets are equal).
    plain: bool,
}

impl EscapeMap {
    /// The map of a string without escapes.
    pub fn identity() -> Self {
        EscapeMap { checkpoints: Vec::new(), plain: true }
    }

    /// Number of checkpoints kept (for tests of the memory bound).
    pub fn checkpoints(&self) -> usize {
        self.checkpoints.len()
    }

    /// The offset in `raw` (the string's text between its quotes) of the
    /// decoded byte at `decoded`. An offset inside an escape maps to the
    /// escape's backslash; offsets past the end map to the end.
    pub fn raw_offset(&self, raw: &str, decoded: u32) -> u32 {
        if self.plain {
            return decoded.min(len32(raw));
        }
        let i = self.checkpoints.partition_point(|&(d, _)| d <= decoded);
        let (mut dec, mut pos) = match i.checked_sub(1).and_then(|i| self.checkpoints.get(i)) {
            Some(&(d, r)) => (d, r as usize),
            None => (0, 0),
        };
        let bytes = raw.as_bytes();
        while pos < bytes.len() {
            if bytes.get(pos) == Some(&b'\\') {
                let (raw_len, dec_len) = escape_lengths(bytes, pos);
                if decoded < dec.saturating_add(dec_len) {
                    return len32_of(pos);
                }
                dec = dec.saturating_add(dec_len);
                pos += raw_len;
            } else {
                let run = bytes
                    .get(pos..)
                    .and_then(|rest| memchr::memchr(b'\\', rest))
                    .unwrap_or(bytes.len() - pos);
                let want = decoded.saturating_sub(dec) as usize;
                if want < run {
                    return len32_of(pos + want);
                }
                dec = dec.saturating_add(len32_of(run));
                pos += run;
            }
        }
        len32(raw)
    }
}

fn len32(s: &str) -> u32 {
    len32_of(s.len())
}

fn len32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Raw and decoded lengths of the escape starting at `pos` (a backslash).
fn escape_lengths(bytes: &[u8], pos: usize) -> (usize, u32) {
    match bytes.get(pos + 1) {
        Some(b'u') => {
            let hi = hex4(bytes, pos + 2);
            let pair = bytes.get(pos + 6) == Some(&b'\\') && bytes.get(pos + 7) == Some(&b'u');
            match hi {
                Some(h) if (0xD800..0xDC00).contains(&h) && pair => (12, 4),
                Some(h) => (6, char::from_u32(h).map_or(3, |c| len32_of(c.len_utf8()))),
                None => (2, 1),
            }
        }
        _ => (2, 1),
    }
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let mut v = 0u32;
    for &d in digits {
        v = v * 16 + char::from(d).to_digit(16)?;
    }
    Some(v)
}

/// A malformed escape in a raw JSON string: byte offset in the raw text.
///
/// ```
/// use int_ro1::har::text::{BadEscape, decode_json_string};
/// assert_eq!(decode_json_string(r"ab\x").unwrap_err(), BadEscape(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadEscape(pub usize);

/// Decodes the text of a JSON string (between its quotes): borrowed when
/// it has no escape, decoded once into a new buffer otherwise, with the map
/// back to raw offsets.
///
/// ```
/// use int_ro1::har::text::decode_json_string;
/// let (t, _) = decode_json_string(r"caf\u00e9 \ud83d\ude00").unwrap();
/// assert_eq!(t, "café 😀");
/// assert!(decode_json_string(r"bad \x").is_err());
/// ```
pub fn decode_json_string(raw: &str) -> Result<(Cow<'_, str>, EscapeMap), BadEscape> {
    let bytes = raw.as_bytes();
    let Some(first) = memchr::memchr(b'\\', bytes) else {
        return Ok((Cow::Borrowed(raw), EscapeMap::identity()));
    };
    let mut out = String::with_capacity(raw.len());
    out.push_str(raw.get(..first).unwrap_or_default());
    let mut map = EscapeMap { checkpoints: Vec::new(), plain: false };
    let mut pos = first;
    let mut escapes = 0usize;
    while pos < bytes.len() {
        if bytes.get(pos) != Some(&b'\\') {
            let run = bytes
                .get(pos..)
                .and_then(|rest| memchr::memchr(b'\\', rest))
                .unwrap_or(bytes.len() - pos);
            out.push_str(raw.get(pos..pos + run).ok_or(BadEscape(pos))?);
            pos += run;
            continue;
        }
        if escapes.is_multiple_of(CHECKPOINT_EVERY) {
            map.checkpoints.push((len32_of(out.len()), len32_of(pos)));
        }
        escapes += 1;
        let simple = match bytes.get(pos + 1) {
            Some(b'"') => Some('"'),
            Some(b'\\') => Some('\\'),
            Some(b'/') => Some('/'),
            Some(b'b') => Some('\u{8}'),
            Some(b'f') => Some('\u{c}'),
            Some(b'n') => Some('\n'),
            Some(b'r') => Some('\r'),
            Some(b't') => Some('\t'),
            Some(b'u') => None,
            _ => return Err(BadEscape(pos)),
        };
        if let Some(c) = simple {
            out.push(c);
            pos += 2;
            continue;
        }
        let hi = hex4(bytes, pos + 2).ok_or(BadEscape(pos))?;
        let (code, len) = if (0xD800..0xDC00).contains(&hi) {
            let pair = bytes.get(pos + 6) == Some(&b'\\') && bytes.get(pos + 7) == Some(&b'u');
            let lo = if pair { hex4(bytes, pos + 8) } else { None };
            match lo {
                Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                    (0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00), 12)
                }
                _ => return Err(BadEscape(pos)),
            }
        } else {
            (hi, 6)
        };
        out.push(char::from_u32(code).ok_or(BadEscape(pos))?);
        pos += len;
    }
    Ok((Cow::Owned(out), map))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every decoded char boundary maps to the raw position of the same char.
    fn check_all(raw: &str) {
        let (text, map) = decode_json_string(raw).unwrap();
        let mut raw_pos = 0usize;
        for (d, c) in text.char_indices() {
            let r = map.raw_offset(raw, d as u32) as usize;
            assert!(r >= raw_pos, "offsets go forward at {d}");
            raw_pos = r;
            let rest = &raw[r..];
            if rest.starts_with('\\') {
                let (one, _) =
                    decode_json_string(&rest[..escape_lengths(rest.as_bytes(), 0).0]).unwrap();
                assert_eq!(one.chars().next(), Some(c), "escape at raw {r}");
            } else {
                assert_eq!(rest.chars().next(), Some(c), "plain char at raw {r}");
            }
        }
        assert_eq!(map.raw_offset(raw, text.len() as u32), raw.len() as u32);
    }

    #[test]
    fn offsets_map_back_through_every_kind_of_escape() {
        check_all(r#"{\n  \"a\": \"é\u00e9\ud83d\ude00x\/y\\z\t\"\n}"#);
        check_all("no escape at all, é");
        let long: String = (0..1000).map(|i| format!("\\\"k{i}\\\": \\u0041{i},\\n")).collect();
        check_all(&long);
    }

    #[test]
    fn checkpoints_stay_few() {
        let long: String = "\\n".repeat(64 * 100);
        let (_, map) = decode_json_string(&long).unwrap();
        assert_eq!(map.checkpoints(), 100);
        assert_eq!(map.raw_offset(&long, 6399), 12798);
    }

    #[test]
    fn bad_escapes_are_errors() {
        assert_eq!(decode_json_string(r"ab\q"), Err(BadEscape(2)));
        assert_eq!(decode_json_string(r"\u12"), Err(BadEscape(0)));
        assert_eq!(decode_json_string(r"x\ud800y"), Err(BadEscape(1)));
        assert_eq!(decode_json_string("end\\"), Err(BadEscape(3)));
    }
}
