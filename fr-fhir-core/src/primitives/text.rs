//! string, markdown, code, id, uri/url/canonical, oid, uuid, base64Binary.
//!
//! `text` is the decoded string value (JSON escapes resolved).
//! "Whitespace" is the ASCII `\s` class of the FHIR regular expressions.

use super::datetime::{check_edges, is_ws};
use super::error::Reason;

/// FHIR caps `string` and `markdown` at 1 MB, counted in characters
/// (1024 × 1024).
pub(crate) const STRING_MAX_CHARS: usize = 1024 * 1024;

/// Longest `id`.
pub(crate) const ID_MAX: usize = 64;

fn char_at(text: &str, at: usize) -> char {
    text.get(at..).and_then(|s| s.chars().next()).unwrap_or('\u{FFFD}')
}

fn check_length(text: &str) -> Result<(), Reason> {
    // Bytes bound characters from above: count only when it may matter.
    if text.len() > STRING_MAX_CHARS {
        let len = text.chars().count();
        if len > STRING_MAX_CHARS {
            return Err(Reason::TooLong { len, max: STRING_MAX_CHARS });
        }
    }
    Ok(())
}

/// `[ \r\n\t\S]+`: any text but vertical tab and form feed, at most 1 MB.
pub(crate) fn string(text: &str) -> Result<(), Reason> {
    if text.is_empty() {
        return Err(Reason::Empty);
    }
    if let Some(at) = memchr::memchr2(0x0B, 0x0C, text.as_bytes()) {
        return Err(Reason::InvalidChar {
            at,
            found: char_at(text, at),
            allowed: "text without vertical tab or form feed",
        });
    }
    check_length(text)
}

/// Markdown allows any character; only emptiness and size are checked.
pub(crate) fn markdown(text: &str) -> Result<(), Reason> {
    if text.is_empty() {
        return Err(Reason::Empty);
    }
    check_length(text)
}

/// True when no byte is FHIR whitespace. Written as a fold without early
/// exit so that it compiles to vector code: the answer is almost always
/// "none", and the exact position is only looked for then.
fn no_ws(bytes: &[u8]) -> bool {
    !bytes.iter().fold(false, |any, &b| any | is_ws(b))
}

/// `[^\s]+(\s[^\s]+)*`: no whitespace at the ends, never two in a row.
pub(crate) fn code(text: &str) -> Result<(), Reason> {
    let bytes = text.as_bytes();
    if !bytes.is_empty() && no_ws(bytes) {
        return check_length(text);
    }
    check_edges(bytes)?;
    let mut prev_ws = false;
    for (at, &b) in bytes.iter().enumerate() {
        let ws = is_ws(b);
        if ws && prev_ws {
            return Err(Reason::RepeatedWhitespace { at });
        }
        prev_ws = ws;
    }
    check_length(text)
}

/// `[A-Za-z0-9\-\.]{1,64}`.
pub(crate) fn id(text: &str) -> Result<(), Reason> {
    let bytes = text.as_bytes();
    let id_char = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'.';
    if (1..=ID_MAX).contains(&bytes.len()) && bytes.iter().fold(true, |all, &b| all & id_char(b)) {
        return Ok(());
    }
    check_edges(bytes)?;
    if let Some(at) =
        bytes.iter().position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'.'))
    {
        return Err(Reason::InvalidChar {
            at,
            found: char_at(text, at),
            allowed: "A-Z a-z 0-9 - .",
        });
    }
    // All ASCII from here: bytes are characters.
    if bytes.len() > ID_MAX {
        return Err(Reason::TooLong { len: bytes.len(), max: ID_MAX });
    }
    Ok(())
}

/// uri, url and canonical: `\S*`, and FHIR forbids empty values.
pub(crate) fn uri(text: &str) -> Result<(), Reason> {
    let bytes = text.as_bytes();
    if !bytes.is_empty() && no_ws(bytes) {
        return Ok(());
    }
    check_edges(bytes)?;
    match bytes.iter().position(|&b| is_ws(b)) {
        Some(at) => Err(Reason::Whitespace { at }),
        None => Ok(()),
    }
}

const OID_PREFIX: &str = "urn:oid:";
const UUID_PREFIX: &str = "urn:uuid:";

/// `urn:oid:[0-2](\.(0|[1-9][0-9]*))+`.
pub(crate) fn oid(text: &str) -> Result<(), Reason> {
    let bytes = text.as_bytes();
    check_edges(bytes)?;
    if !text.starts_with(OID_PREFIX) {
        return Err(Reason::MissingPrefix { expected: OID_PREFIX });
    }
    let expected = |at: usize, expected| Reason::Expected {
        at,
        expected,
        found: text.get(at..).and_then(|s| s.chars().next()),
    };
    let mut pos = OID_PREFIX.len();
    if !matches!(bytes.get(pos), Some(b'0'..=b'2')) {
        return Err(expected(pos, "`0`, `1` or `2`"));
    }
    pos += 1;
    let mut arcs = 1;
    loop {
        match bytes.get(pos) {
            None if arcs >= 2 => return Ok(()),
            None => return Err(expected(pos, "`.`")),
            Some(b'.') => pos += 1,
            Some(_) if arcs >= 2 => return Err(expected(pos, "a digit or `.`")),
            Some(_) => return Err(expected(pos, "`.`")),
        }
        let start = pos;
        while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
            pos += 1;
        }
        match pos - start {
            0 => return Err(expected(pos, "a digit")),
            n if n > 1 && bytes.get(start) == Some(&b'0') => {
                return Err(Reason::LeadingZero { at: start });
            }
            _ => arcs += 1,
        }
    }
}

/// `urn:uuid:` then 8-4-4-4-12 lowercase hexadecimal digits.
pub(crate) fn uuid(text: &str) -> Result<(), Reason> {
    let bytes = text.as_bytes();
    check_edges(bytes)?;
    if !text.starts_with(UUID_PREFIX) {
        return Err(Reason::MissingPrefix { expected: UUID_PREFIX });
    }
    const LEN: usize = 36;
    for i in 0..LEN {
        let at = UUID_PREFIX.len() + i;
        let b = bytes.get(at).copied();
        let dash = matches!(i, 8 | 13 | 18 | 23);
        let ok = match b {
            Some(b'-') => dash,
            Some(b'0'..=b'9' | b'a'..=b'f') => !dash,
            Some(b'A'..=b'F') if !dash => return Err(Reason::UppercaseHex { at }),
            _ => false,
        };
        if !ok {
            return Err(Reason::Expected {
                at,
                expected: if dash { "`-`" } else { "a hexadecimal digit" },
                found: b.map(|_| char_at(text, at)),
            });
        }
    }
    let end = UUID_PREFIX.len() + LEN;
    if bytes.len() > end { Err(Reason::TrailingCharacters { at: end }) } else { Ok(()) }
}

/// Base64 with optional whitespace anywhere. FHIR R4's regular expression
/// `(\s*([0-9a-zA-Z\+\=]){4}\s*)+` forgets `/` (fixed in R5); `/` is a base64
/// digit, so it is accepted.
pub(crate) fn base64(text: &str) -> Result<(), Reason> {
    let bytes = text.as_bytes();
    let mut len = 0usize;
    let mut padding = 0usize;
    for (at, &b) in bytes.iter().enumerate() {
        match b {
            _ if is_ws(b) => continue,
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/' if padding == 0 => {}
            b'=' if padding < 2 => padding += 1,
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/' | b'=' => {
                return Err(Reason::Base64Padding { at });
            }
            _ => {
                return Err(Reason::InvalidChar {
                    at,
                    found: char_at(text, at),
                    allowed: "A-Z a-z 0-9 + / = or whitespace",
                });
            }
        }
        len += 1;
    }
    if len == 0 {
        return Err(Reason::Empty);
    }
    if !len.is_multiple_of(4) {
        return Err(Reason::Base64Length { len });
    }
    Ok(())
}
