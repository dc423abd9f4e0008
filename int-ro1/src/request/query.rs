//! Splitting a captured request URL into its path and its parameters, keeping
//! the byte position of every piece so that findings can point into the
//! input as captured.
//!
//! Decoding follows the HTML form rules that HTTP clients use for query
//! strings (`%hh` escapes, `+` for a space), with one repair for captured
//! traffic (SPEC §1.5): in a date parameter, a space just before a trailing
//! `hh:mm` was an offset sign (`+02:00`) that a careless client did not
//! encode, so it is read back as `+` and recorded in
//! [`RawParam::offset_repair`] for rule RO1-WIN-003.

use std::borrow::Cow;
use std::ops::Range;

use fr_fhir_core::finding::Message;
use fr_fhir_core::json::Span;

use super::names;

/// Longest input accepted, in bytes. A real slot search with 25 identifiers
/// is about 1.3 KB; anything above this limit is refused before any
/// allocation proportional to it.
pub const MAX_INPUT_LEN: usize = 1 << 20;

/// Most parameters read from one query; the rest are ignored (and reported).
pub const MAX_PARAMS: usize = 1000;

/// Most decoding errors recorded for one input: enough to show a pattern,
/// and it bounds the work of reporting them on hostile input.
pub const MAX_ERRORS: usize = 100;

/// Parameters whose value is a FHIR date and gets the offset-sign repair.
const DATE_PARAMS: [&str; 2] = [names::START, names::SOS_START];

/// What went wrong while decoding a part of the input.
///
/// ```
/// use int_ro1::request::query::{DecodeErrorKind, ParsedQuery};
/// let q = ParsedQuery::parse("status=%FF");
/// assert_eq!(q.errors[0].kind, DecodeErrorKind::InvalidUtf8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecodeErrorKind {
    /// `%` not followed by two hexadecimal digits (kept as a literal `%`).
    InvalidEscape,
    /// Percent escapes that decode to bytes which are not UTF-8 (replaced by U+FFFD).
    InvalidUtf8,
    /// The input is longer than [`MAX_INPUT_LEN`]; nothing was read.
    TooLong,
    /// More than [`MAX_PARAMS`] parameters; the rest were ignored.
    TooManyParams,
}

/// A decoding problem and where it is in the input.
///
/// ```
/// use int_ro1::request::query::{DecodeErrorKind, ParsedQuery};
/// let q = ParsedQuery::parse("status=fr%zzee");
/// let e = &q.errors[0];
/// assert_eq!(e.kind, DecodeErrorKind::InvalidEscape);
/// assert_eq!(e.span.slice(q.input()), Some("%zz"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecodeError {
    /// The offending bytes in the input.
    pub span: Span,
    /// What is wrong with them.
    pub kind: DecodeErrorKind,
}

impl DecodeError {
    /// A bilingual explanation naming the offending text.
    pub fn message(&self, input: &str) -> Message {
        let text = self.span.slice(input).unwrap_or("");
        match self.kind {
            DecodeErrorKind::InvalidEscape => Message::new(
                format!(
                    "séquence d'échappement « {text} » invalide : attendu % suivi de deux chiffres hexadécimaux"
                ),
                format!(
                    "invalid percent escape `{text}`: expected % followed by two hexadecimal digits"
                ),
            ),
            DecodeErrorKind::InvalidUtf8 => Message::new(
                format!("« {text} » ne se décode pas en UTF-8 valide"),
                format!("`{text}` does not decode to valid UTF-8"),
            ),
            DecodeErrorKind::TooLong => Message::new(
                format!(
                    "requête de {} octets, au-delà de la limite de {MAX_INPUT_LEN} octets : non lue",
                    input.len()
                ),
                format!(
                    "request of {} bytes exceeds the limit of {MAX_INPUT_LEN} bytes: not read",
                    input.len()
                ),
            ),
            DecodeErrorKind::TooManyParams => Message::new(
                format!("plus de {MAX_PARAMS} paramètres : les suivants sont ignorés"),
                format!("more than {MAX_PARAMS} parameters: the rest are ignored"),
            ),
        }
    }
}

/// How the offset sign of a date arrived, before it was read back as `+`.
///
/// ```
/// use int_ro1::request::query::{ParsedQuery, RepairSource};
/// let q = ParsedQuery::parse("start=ge2026-11-26T08:00:00%2001:00");
/// let repair = q.params[0].offset_repair.unwrap();
/// assert_eq!(repair.source, RepairSource::EncodedSpace);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RepairSource {
    /// A raw `+`: common practice, but a space under form-decoding rules.
    RawPlus,
    /// `%20`: the client encoded a space.
    EncodedSpace,
    /// A literal space character in the captured URL.
    RawSpace,
}

/// A date value whose offset sign was restored (SPEC §1.5, RO1-WIN-003).
///
/// ```
/// use int_ro1::request::query::ParsedQuery;
/// let url = "start=ge2026-11-26T08:00:00+01:00";
/// let q = ParsedQuery::parse(url);
/// let repair = q.params[0].offset_repair.unwrap();
/// assert_eq!(repair.span.slice(url), Some("+"));
/// assert_eq!(q.params[0].value, "ge2026-11-26T08:00:00+01:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OffsetRepair {
    /// The raw bytes (`+`, `%20` or ` `) that were read as `+`.
    pub span: Span,
    /// What those bytes were.
    pub source: RepairSource,
}

/// The path of the request: `[base]/[resource]`.
///
/// ```
/// use int_ro1::request::query::ParsedQuery;
/// let q = ParsedQuery::parse("https://h/fhir/Slot/?status=free");
/// let path = q.path.unwrap();
/// assert_eq!((path.base, path.resource, path.trailing_slash), ("https://h/fhir", "Slot", true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPart<'a> {
    /// The whole path text (scheme and authority included when present).
    pub span: Span,
    /// Everything before `/[resource]`, e.g. `https://exemple.com/ans-sas`; may be empty.
    pub base: &'a str,
    /// The last non-empty path segment (`Slot`, `Schedule`...); empty when the path has none.
    pub resource: &'a str,
    /// Position of `resource`.
    pub resource_span: Span,
    /// True when the path ends with `/` (`[base]/Slot/`).
    pub trailing_slash: bool,
}

/// One `name=value` pair of the query, raw and decoded.
///
/// ```
/// use int_ro1::request::query::ParsedQuery;
/// let q = ParsedQuery::parse("Slot?actor%3APractitioner=a%7Cb");
/// let p = &q.params[0];
/// assert_eq!((p.raw_name, p.name.as_ref(), p.value.as_ref()), ("actor%3APractitioner", "actor:Practitioner", "a|b"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawParam<'a> {
    /// The whole pair.
    pub span: Span,
    /// The name as written.
    pub raw_name: &'a str,
    /// Position of the name.
    pub name_span: Span,
    /// The value as written (empty when there is no `=`).
    pub raw_value: &'a str,
    /// Position of the value (empty, after the name, when there is no `=`).
    pub value_span: Span,
    /// Whether the pair had an `=`.
    pub has_equals: bool,
    /// The decoded name (`%3A` → `:`).
    pub name: Cow<'a, str>,
    /// The decoded value (`%7C` → `|`, `+` → space, offset sign restored).
    pub value: Cow<'a, str>,
    /// Set when a space before the offset of a date was read as `+`.
    pub offset_repair: Option<OffsetRepair>,
    /// Raw offset (relative to `value_span.start`) of each decoded byte, plus
    /// one past the end; `None` when decoding changed nothing.
    value_map: Option<Box<[u32]>>,
}

impl RawParam<'_> {
    /// The input span of the decoded value bytes `range` (clamped to the value).
    ///
    /// ```
    /// use int_ro1::request::query::ParsedQuery;
    /// let q = ParsedQuery::parse("id=a%7Cb");
    /// let p = &q.params[0];
    /// assert_eq!(p.value, "a|b");
    /// assert_eq!(p.value_span_of(1..3).slice(q.input()), Some("%7Cb"));
    /// ```
    pub fn value_span_of(&self, range: Range<usize>) -> Span {
        let raw_len = self.value_span.len();
        let at = |i: usize| -> u32 {
            match &self.value_map {
                Some(map) => map.get(i).or(map.last()).copied().unwrap_or(0),
                None => u32::try_from(i).unwrap_or(u32::MAX).min(raw_len),
            }
        };
        let start = at(range.start);
        let end = at(range.end).max(start);
        Span::new(
            self.value_span.start.saturating_add(start),
            self.value_span.start.saturating_add(end),
        )
    }
}

/// A request URL (or a bare query string) split into path and parameters.
///
/// Never fails: problems are listed in [`ParsedQuery::errors`].
///
/// ```
/// use int_ro1::request::query::ParsedQuery;
/// let q = ParsedQuery::parse("https://h/base/Slot?status=free&_include%3Aiterate=Schedule:actor");
/// assert_eq!(q.path.as_ref().map(|p| p.resource), Some("Slot"));
/// assert_eq!(q.params[1].name, "_include:iterate");
/// assert_eq!(q.params[1].name_span.slice(q.input()), Some("_include%3Aiterate"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedQuery<'a> {
    input: &'a str,
    /// The path, when the input has one.
    pub path: Option<PathPart<'a>>,
    /// The query text (after `?`, before `#`); empty at the end of the path when absent.
    pub query: Span,
    /// The parameters in input order.
    pub params: Vec<RawParam<'a>>,
    /// Decoding problems, in input order.
    pub errors: Vec<DecodeError>,
}

impl<'a> ParsedQuery<'a> {
    /// Splits `input`: a full URL (`https://host/base/Slot?...`), an absolute
    /// or relative path with a query (`/base/Slot?...`, `Slot?...`), or a bare
    /// query string (`?a=b&c=d` or `a=b&c=d`).
    pub fn parse(input: &'a str) -> Self {
        let mut out = ParsedQuery {
            input,
            path: None,
            query: Span::default(),
            params: Vec::new(),
            errors: Vec::new(),
        };
        if input.len() > MAX_INPUT_LEN {
            out.errors.push(DecodeError { span: Span::new(0, 0), kind: DecodeErrorKind::TooLong });
            return out;
        }
        // Offsets fit in u32 from here on (MAX_INPUT_LEN is far below 4 GiB).
        let start = input.len() - input.trim_start().len();
        let end = start + input.get(start..).unwrap_or("").trim_end().len();
        let end = input.get(start..end).and_then(|t| t.find('#')).map_or(end, |i| start + i);
        let text = input.get(start..end).unwrap_or("");

        let (path, query) = match text.find('?') {
            Some(q) => ((q > 0).then_some(start..start + q), Some(start + q + 1..end)),
            None if looks_like_path(text) => (Some(start..end), None),
            None if text.is_empty() => (None, None),
            None => (None, Some(start..end)),
        };
        if let Some(range) = path {
            out.path = Some(split_path(input, range));
        }
        match query {
            Some(range) => {
                out.query = span(range.start, range.end);
                out.split_params(range);
            }
            None => out.query = span(end, end),
        }
        out
    }

    /// The text this was parsed from; every span points into it.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// The parameters whose decoded name is `name`.
    ///
    /// ```
    /// use int_ro1::request::query::ParsedQuery;
    /// let q = ParsedQuery::parse("start=ge2024-01-01&start=le2024-01-02");
    /// assert_eq!(q.get_all("start").count(), 2);
    /// ```
    pub fn get_all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s RawParam<'a>> + 's {
        self.params.iter().filter(move |p| p.name == name)
    }

    fn split_params(&mut self, range: Range<usize>) {
        let input = self.input;
        let mut pos = range.start;
        while pos <= range.end {
            let rest = input.get(pos..range.end).unwrap_or("");
            let len = rest.find('&').unwrap_or(rest.len());
            let pair = pos..pos + len;
            pos += len + 1;
            if pair.is_empty() {
                continue;
            }
            if self.params.len() == MAX_PARAMS {
                self.errors.push(DecodeError {
                    span: span(pair.start, range.end),
                    kind: DecodeErrorKind::TooManyParams,
                });
                break;
            }
            let param = self.read_pair(pair);
            self.params.push(param);
        }
    }

    fn read_pair(&mut self, pair: Range<usize>) -> RawParam<'a> {
        let input = self.input;
        let text = input.get(pair.clone()).unwrap_or("");
        let (name_range, value_range, has_equals) = match text.find('=') {
            Some(eq) => (pair.start..pair.start + eq, pair.start + eq + 1..pair.end, true),
            None => (pair.clone(), pair.end..pair.end, false),
        };
        let raw_name = input.get(name_range.clone()).unwrap_or("");
        let raw_value = input.get(value_range.clone()).unwrap_or("");
        let name = decode(raw_name, name_range.start, &mut self.errors).text;
        let mut value = decode(raw_value, value_range.start, &mut self.errors);
        let offset_repair = if DATE_PARAMS.contains(&name.as_ref()) {
            repair_offset_sign(&mut value, raw_value, value_range.start)
        } else {
            None
        };
        RawParam {
            span: span(pair.start, pair.end),
            raw_name,
            name_span: span(name_range.start, name_range.end),
            raw_value,
            value_span: span(value_range.start, value_range.end),
            has_equals,
            name,
            value: value.text,
            offset_repair,
            value_map: value.map,
        }
    }
}

/// A span from `usize` offsets already known to be below [`MAX_INPUT_LEN`].
fn span(start: usize, end: usize) -> Span {
    let cut = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    Span::new(cut(start), cut(end))
}

/// Without a `?`, is this a path (`https://...`, `/base/Slot`, `Slot`) rather
/// than a bare query string (`a=b&c=d`)?
fn looks_like_path(text: &str) -> bool {
    scheme_len(text).is_some()
        || text.starts_with('/')
        || !(text.contains('=') || text.contains('&'))
}

/// Length of `scheme://` at the start of `text`, if there is one.
fn scheme_len(text: &str) -> Option<usize> {
    let colon = text.find("://")?;
    let scheme = text.get(..colon)?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then_some(colon + 3)
}

fn split_path(input: &str, range: Range<usize>) -> PathPart<'_> {
    let text = input.get(range.clone()).unwrap_or("");
    // The authority of a full URL is not part of the resource path.
    let path_start = match scheme_len(text) {
        Some(n) => {
            let after = text.get(n..).unwrap_or("");
            n + after.find('/').unwrap_or(after.len())
        }
        None => 0,
    };
    let trimmed = text.trim_end_matches('/');
    let trailing_slash = trimmed.len() < text.len();
    let trimmed_len = trimmed.len().max(path_start);
    let segment_start = text
        .get(path_start..trimmed_len)
        .and_then(|p| p.rfind('/'))
        .map_or(path_start, |i| path_start + i + 1);
    let resource = text.get(segment_start..trimmed_len).unwrap_or("");
    let base = text.get(..segment_start).unwrap_or("").trim_end_matches('/');
    PathPart {
        span: span(range.start, range.end),
        base,
        resource,
        resource_span: span(range.start + segment_start, range.start + trimmed_len),
        trailing_slash,
    }
}

/// A decoded component and, when it differs from the raw text, the raw
/// offset of each decoded byte (plus one entry for the end).
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) map: Option<Box<[u32]>>,
}

impl Decoded<'_> {
    fn raw_offset(&self, i: usize) -> usize {
        match &self.map {
            Some(map) => map.get(i).map_or(0, |&o| o as usize),
            None => i,
        }
    }
}

/// Form-decodes `raw` (found at `offset` in the input), recording errors.
pub(crate) fn decode<'a>(
    raw: &'a str,
    offset: usize,
    errors: &mut Vec<DecodeError>,
) -> Decoded<'a> {
    if !raw.bytes().any(|b| b == b'%' || b == b'+') {
        return Decoded { text: Cow::Borrowed(raw), map: None };
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len() + 1);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let at = u32::try_from(i).unwrap_or(u32::MAX);
        match b {
            b'+' => {
                out.push(b' ');
                map.push(at);
                i += 1;
            }
            b'%' => match (bytes.get(i + 1).and_then(hex), bytes.get(i + 2).and_then(hex)) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    map.push(at);
                    i += 3;
                }
                _ => {
                    let bad_end = (i + 3).min(bytes.len());
                    let bad_end =
                        (i + 1..=bad_end).rev().find(|&e| raw.is_char_boundary(e)).unwrap_or(i + 1);
                    record(
                        errors,
                        DecodeError {
                            span: span(offset + i, offset + bad_end),
                            kind: DecodeErrorKind::InvalidEscape,
                        },
                    );
                    out.push(b'%');
                    map.push(at);
                    i += 1;
                }
            },
            _ => {
                out.push(b);
                map.push(at);
                i += 1;
            }
        }
    }
    map.push(u32::try_from(bytes.len()).unwrap_or(u32::MAX));
    let text = match String::from_utf8(out) {
        Ok(s) => s,
        Err(e) => {
            let (s, m) = replace_invalid_utf8(e.as_bytes(), &map, offset, errors);
            map = m;
            s
        }
    };
    Decoded { text: Cow::Owned(text), map: Some(map.into_boxed_slice()) }
}

/// Lossy UTF-8 conversion that keeps the offset map aligned and reports the
/// first invalid sequence.
fn replace_invalid_utf8(
    bytes: &[u8],
    map: &[u32],
    offset: usize,
    errors: &mut Vec<DecodeError>,
) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(bytes.len() + 8);
    let mut new_map = Vec::with_capacity(map.len() + 8);
    let mut pos = 0;
    let mut reported = false;
    let raw_at = |i: usize| map.get(i).copied().unwrap_or(0) as usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        text.push_str(valid);
        new_map.extend(map.get(pos..pos + valid.len()).unwrap_or(&[]));
        pos += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            if !reported {
                reported = true;
                record(
                    errors,
                    DecodeError {
                        span: span(offset + raw_at(pos), offset + raw_at(pos + invalid.len())),
                        kind: DecodeErrorKind::InvalidUtf8,
                    },
                );
            }
            text.push(char::REPLACEMENT_CHARACTER);
            let at = map.get(pos).copied().unwrap_or(0);
            new_map.extend([at; 3]);
            pos += invalid.len();
        }
    }
    new_map.push(map.last().copied().unwrap_or(0));
    (text, new_map)
}

/// Records `e` unless [`MAX_ERRORS`] are already recorded.
fn record(errors: &mut Vec<DecodeError>, e: DecodeError) {
    if errors.len() < MAX_ERRORS {
        errors.push(e);
    }
}

fn hex(b: &u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Restores `+` for a space right before a trailing `hh:mm` that follows a
/// time (`...T16:20:00.000 02:00`).
fn repair_offset_sign(value: &mut Decoded<'_>, raw: &str, offset: usize) -> Option<OffsetRepair> {
    let v = value.text.as_bytes();
    let n = v.len();
    let sign = n.checked_sub(6)?;
    let tail = v.get(sign..)?;
    let is_digit = |i: usize| tail.get(i).is_some_and(u8::is_ascii_digit);
    let shape = tail.first() == Some(&b' ')
        && is_digit(1)
        && is_digit(2)
        && tail.get(3) == Some(&b':')
        && is_digit(4)
        && is_digit(5);
    let after_time = sign.checked_sub(1).and_then(|i| v.get(i)).is_some_and(u8::is_ascii_digit)
        && v.get(..sign).is_some_and(|head| head.contains(&b'T'));
    if !(shape && after_time) {
        return None;
    }
    let raw_start = value.raw_offset(sign);
    let (source, raw_len) = match raw.as_bytes().get(raw_start) {
        Some(b'+') => (RepairSource::RawPlus, 1),
        Some(b'%') => (RepairSource::EncodedSpace, 3),
        _ => (RepairSource::RawSpace, 1),
    };
    let mut fixed = value.text.to_string();
    fixed.replace_range(sign..=sign, "+");
    value.text = Cow::Owned(fixed);
    Some(OffsetRepair { span: span(offset + raw_start, offset + raw_start + raw_len), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s<'a>(q: &ParsedQuery<'a>, sp: Span) -> &'a str {
        sp.slice(q.input()).unwrap()
    }

    #[test]
    fn full_url_with_trailing_slash() {
        let q = ParsedQuery::parse("https://exemple.com/ans-sas/Slot/?status=free");
        let p = q.path.as_ref().unwrap();
        assert_eq!(p.base, "https://exemple.com/ans-sas");
        assert_eq!(p.resource, "Slot");
        assert!(p.trailing_slash);
        assert_eq!(s(&q, p.resource_span), "Slot");
        assert_eq!(s(&q, q.query), "status=free");
        assert_eq!(q.params.len(), 1);
        assert_eq!(s(&q, q.params[0].span), "status=free");
    }

    #[test]
    fn path_forms() {
        for (input, base, resource) in [
            ("/base/Slot?a=b", "/base", "Slot"),
            ("Slot?a=b", "", "Slot"),
            ("https://host/Schedule?a=b", "https://host", "Schedule"),
            ("https://host", "https://host", ""),
            ("https://host/", "https://host", ""),
            ("/fhir/Slot", "/fhir", "Slot"),
            ("Slot", "", "Slot"),
        ] {
            let q = ParsedQuery::parse(input);
            let p = q.path.as_ref().unwrap();
            assert_eq!((p.base, p.resource), (base, resource), "{input}");
        }
    }

    #[test]
    fn bare_query_forms() {
        for input in ["?a=b&c=d", "a=b&c=d", "  a=b&c=d\n"] {
            let q = ParsedQuery::parse(input);
            assert!(q.path.is_none(), "{input}");
            assert_eq!(q.params.len(), 2);
            assert_eq!(s(&q, q.params[1].value_span), "d");
        }
        let q = ParsedQuery::parse("a=b#frag");
        assert_eq!(q.params[0].value, "b");
        assert!(ParsedQuery::parse("").params.is_empty());
    }

    #[test]
    fn empty_pairs_and_missing_equals() {
        let q = ParsedQuery::parse("?&a&&b=&");
        assert_eq!(q.params.len(), 2);
        assert!(!q.params[0].has_equals);
        assert_eq!(q.params[0].name, "a");
        assert!(q.params[1].has_equals);
        assert_eq!(q.params[1].value, "");
        assert_eq!(q.params[1].value_span.start, 7);
    }

    #[test]
    fn decodes_percent_and_plus() {
        let q = ParsedQuery::parse("x%3Ay=urn:oid:1%7C2+3");
        assert_eq!(q.params[0].name, "x:y");
        assert_eq!(q.params[0].value, "urn:oid:1|2 3");
        assert!(q.errors.is_empty());
        assert!(matches!(ParsedQuery::parse("a=b").params[0].value, Cow::Borrowed(_)));
    }

    #[test]
    fn invalid_escapes_are_positioned() {
        let q = ParsedQuery::parse("a=%4&b=%é1");
        assert_eq!(q.errors.len(), 2);
        assert_eq!(s(&q, q.errors[0].span), "%4");
        assert_eq!(s(&q, q.errors[1].span), "%é");
        assert_eq!(q.params[0].value, "%4");
        assert!(q.errors[0].message(q.input()).en.contains("`%4`"));
    }

    #[test]
    fn invalid_utf8_is_positioned_and_replaced() {
        let q = ParsedQuery::parse("a=ok%FF%FEz");
        assert_eq!(q.errors[0].kind, DecodeErrorKind::InvalidUtf8);
        assert_eq!(s(&q, q.errors[0].span), "%FF");
        assert_eq!(q.params[0].value, "ok\u{FFFD}\u{FFFD}z");
        let p = &q.params[0];
        let z = p.value.find('z').unwrap();
        assert_eq!(s(&q, p.value_span_of(z..z + 1)), "z");
    }

    #[test]
    fn offset_sign_repairs() {
        for (raw, source, bytes) in [
            ("+", RepairSource::RawPlus, "+"),
            ("%20", RepairSource::EncodedSpace, "%20"),
            (" ", RepairSource::RawSpace, " "),
        ] {
            let input = format!("start=ge2024-06-12T16:20:00.000{raw}02:00");
            let q = ParsedQuery::parse(&input);
            let p = &q.params[0];
            assert_eq!(p.value, "ge2024-06-12T16:20:00.000+02:00");
            let r = p.offset_repair.unwrap();
            assert_eq!(r.source, source);
            assert_eq!(s(&q, r.span), bytes);
        }
        let q = ParsedQuery::parse("_has:Slot:schedule:start=le2023-08-20T08:00+02:00");
        assert_eq!(q.params[0].value, "le2023-08-20T08:00+02:00");
        assert!(q.params[0].offset_repair.is_some());
    }

    #[test]
    fn no_repair_outside_dates() {
        let q = ParsedQuery::parse(
            "start=ge2024-06-12T16:20:00.000%2B02:00&other=T12 02:00&start=ge2024-06-12 02:00",
        );
        assert_eq!(q.params[0].value, "ge2024-06-12T16:20:00.000+02:00");
        assert!(q.params[0].offset_repair.is_none());
        assert_eq!(q.params[1].value, "T12 02:00");
        assert!(q.params[2].offset_repair.is_none());
    }

    #[test]
    fn too_long_and_too_many() {
        let long = "a".repeat(MAX_INPUT_LEN + 1);
        let q = ParsedQuery::parse(&long);
        assert_eq!(q.errors[0].kind, DecodeErrorKind::TooLong);
        assert!(q.params.is_empty());
        let many = "a=b&".repeat(MAX_PARAMS + 5);
        let q = ParsedQuery::parse(&many);
        assert_eq!(q.params.len(), MAX_PARAMS);
        assert_eq!(q.errors[0].kind, DecodeErrorKind::TooManyParams);
        let bad = "a=%zz&".repeat(1000);
        let q = ParsedQuery::parse(&bad);
        assert_eq!(q.errors.len(), MAX_ERRORS);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_in_bounds(input in ".{0,200}") {
            let q = ParsedQuery::parse(&input);
            let n = u32::try_from(input.len()).unwrap();
            for p in &q.params {
                proptest::prop_assert!(p.span.end <= n && p.value_span.end <= n);
                proptest::prop_assert!(p.span.slice(&input).is_some());
                let vs = p.value_span_of(0..p.value.len());
                proptest::prop_assert!(vs.start >= p.value_span.start && vs.end <= p.value_span.end);
            }
            for e in &q.errors {
                proptest::prop_assert!(e.span.slice(&input).is_some());
            }
        }

        #[test]
        fn never_panics_on_url_like_input(input in "[a-zA-Z0-9%+&=?/:#| ,.\\\\-]{0,120}") {
            let q = ParsedQuery::parse(&input);
            for e in &q.errors {
                proptest::prop_assert!(e.span.slice(&input).is_some());
            }
        }
    }
}
