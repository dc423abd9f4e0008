//! The pull reader: one forward pass over the text, no tree.
//!
//! Callers drive it the way the data is shaped (`object` / `next_key`,
//! `array` / `next_item`, scalars), so typed models are filled directly from
//! the bytes, strings are borrowed, and anything unexpected is skipped with
//! [`Reader::skip_value`], which validates without building anything and
//! without recursion.

use super::error::{JsonError, JsonErrorKind};
use super::span::{Span, Str};

/// Default nesting limit. FHIR resources of this flow nest about 12 levels;
/// extensions can nest more, never hundreds.
pub const DEFAULT_MAX_DEPTH: u32 = 256;

/// The kind of the next JSON value.
///
/// ```
/// use fr_fhir_core::json::{Kind, Reader};
/// let mut r = Reader::new(r#" [true, null]"#);
/// assert_eq!(r.peek().unwrap(), Kind::Array);
/// assert_eq!((Kind::Bool.name(), Kind::Bool.name_fr()), ("boolean", "booléen"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `{`
    Object,
    /// `[`
    Array,
    /// `"`
    String,
    /// `-` or a digit
    Number,
    /// `true` / `false`
    Bool,
    /// `null`
    Null,
}

impl Kind {
    /// English name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Object => "object",
            Kind::Array => "array",
            Kind::String => "string",
            Kind::Number => "number",
            Kind::Bool => "boolean",
            Kind::Null => "null",
        }
    }

    /// French name used in messages.
    pub fn name_fr(self) -> &'static str {
        match self {
            Kind::Object => "objet",
            Kind::Array => "tableau",
            Kind::String => "chaîne",
            Kind::Number => "nombre",
            Kind::Bool => "booléen",
            Kind::Null => "null",
        }
    }
}

/// State of an object being read (see [`Reader::object`]).
///
/// ```
/// use fr_fhir_core::json::{Obj, Reader};
/// let src = r#"{"id": "s1", "status": "free"}"#;
/// let mut r = Reader::new(src);
/// let mut obj: Obj = r.object().unwrap();
/// assert_eq!(obj.start(), 0); // the `{`
/// let mut keys = Vec::new();
/// while let Some((key, _span)) = r.next_key(&mut obj).unwrap() {
///     keys.push(key.to_string());
///     r.skip_value().unwrap();
/// }
/// assert_eq!(keys, ["id", "status"]);
/// ```
#[derive(Debug)]
pub struct Obj {
    start: u32,
    first: bool,
}

impl Obj {
    /// State for reading the next key of an object already entered, after a
    /// value (used by walkers that track containers themselves).
    pub fn resume() -> Self {
        Obj { start: 0, first: true }
    }

    /// Offset of the opening `{`.
    pub fn start(&self) -> u32 {
        self.start
    }
}

/// State of an array being read (see [`Reader::array`]).
///
/// ```
/// use fr_fhir_core::json::{Arr, Reader};
/// let mut r = Reader::new(r#"["free", "busy"]"#);
/// let mut arr: Arr = r.array().unwrap();
/// let mut items = Vec::new();
/// while let Some(i) = r.next_item(&mut arr).unwrap() {
///     items.push((i, r.string().unwrap().0.to_string()));
/// }
/// assert_eq!(items, [(0, "free".to_string()), (1, "busy".to_string())]);
/// ```
#[derive(Debug)]
pub struct Arr {
    start: u32,
    first: bool,
    index: u32,
}

impl Arr {
    /// Offset of the opening `[`.
    pub fn start(&self) -> u32 {
        self.start
    }
}

/// A forward-only JSON reader over a string, keeping byte offsets.
///
/// ```
/// use fr_fhir_core::json::{Kind, Reader};
/// let mut r = Reader::new(r#"{"status": "free", "n": [1, 2]}"#);
/// let mut obj = r.object().unwrap();
/// let mut seen = Vec::new();
/// while let Some((key, _)) = r.next_key(&mut obj).unwrap() {
///     match &*key {
///         "status" => seen.push(r.string().unwrap().0.to_string()),
///         _ => { r.skip_value().unwrap(); }
///     }
/// }
/// r.finish().unwrap();
/// assert_eq!(seen, ["free"]);
/// ```
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    src: &'a str,
    pos: usize,
    depth: u32,
    max_depth: u32,
    borrowed: u64,
    owned: u64,
}

#[inline]
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t')
}

/// The position of the first byte from `pos` on that is not whitespace.
/// Pretty-printed input indents each line with a run of spaces (a dozen
/// and more inside a Bundle entry), read eight bytes per step: one byte
/// at a time, the whitespace of a pretty Bundle cost each of its two
/// readings (typed read and walk) about a tenth of its instructions.
#[inline(never)]
fn skip_ws_from(bytes: &[u8], mut pos: usize) -> usize {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    loop {
        while let Some(w) = bytes.get(pos..pos + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
            let x = u64::from_le_bytes(w) ^ SPACES;
            if x != 0 {
                // Little-endian: the lowest non-zero byte is the first non-space.
                pos += (x.trailing_zeros() / 8) as usize;
                break;
            }
            pos += 8;
        }
        match bytes.get(pos) {
            Some(&b) if is_ws(b) => pos += 1,
            _ => return pos,
        }
    }
}

impl<'a> Reader<'a> {
    /// A reader at the start of `src`.
    pub fn new(src: &'a str) -> Self {
        Reader { src, pos: 0, depth: 0, max_depth: DEFAULT_MAX_DEPTH, borrowed: 0, owned: 0 }
    }

    /// A reader positioned at `pos` (for re-reading a value whose offset is known).
    pub fn at(src: &'a str, pos: usize) -> Self {
        Reader { src, pos, depth: 0, max_depth: DEFAULT_MAX_DEPTH, borrowed: 0, owned: 0 }
    }

    /// A reader inside an array at nesting `depth` (the array's own level
    /// counted), positioned at the item at `pos`, as after
    /// [`Reader::next_item`] returned that item: for reading the rest of an
    /// array from one of its items on another thread (a Bundle's entries,
    /// `engine::split`). The nesting limit then fails where it would have.
    pub(crate) fn inside_array(src: &'a str, pos: usize, depth: u32) -> (Self, Arr) {
        let r = Reader { src, pos, depth, max_depth: DEFAULT_MAX_DEPTH, borrowed: 0, owned: 0 };
        let start = u32::try_from(pos).unwrap_or(u32::MAX);
        (r, Arr { start, first: true, index: 0 })
    }

    /// Moves past the end of the array being read, at `end` (just after
    /// its `]`), as [`Reader::next_item`] does when it meets the `]`: the
    /// items in between were read by another reader
    /// ([`Reader::inside_array`]). `end` before the current position or
    /// past the input is refused (nothing moves).
    pub(crate) fn leave_array_at(&mut self, end: usize) -> bool {
        if end < self.pos || end > self.src.len() {
            return false;
        }
        self.pos = end;
        self.depth = self.depth.saturating_sub(1);
        true
    }

    /// Moves on to `end`, the end of a value the caller knows starts at the
    /// current position (it read the same bytes before): nesting is
    /// unchanged, as after reading the value. `end` before the current
    /// position or past the input is refused (nothing moves).
    ///
    /// ```
    /// use fr_fhir_core::json::{Kind, Reader};
    /// let src = r#"[{"mode":"match"},1]"#;
    /// let mut r = Reader::new(src);
    /// let mut arr = r.array().unwrap();
    /// r.next_item(&mut arr).unwrap();
    /// let at = r.pos();
    /// assert!(r.step_over(at + r#"{"mode":"match"}"#.len()));
    /// r.next_item(&mut arr).unwrap();
    /// assert_eq!(r.peek().unwrap(), Kind::Number);
    /// ```
    pub fn step_over(&mut self, end: usize) -> bool {
        if end < self.pos || end > self.src.len() {
            return false;
        }
        self.pos = end;
        true
    }

    /// Nesting levels that may still be opened before the limit
    /// ([`Reader::with_max_depth`]).
    ///
    /// ```
    /// use fr_fhir_core::json::Reader;
    /// let mut r = Reader::new(r#"{"a":{}}"#).with_max_depth(4);
    /// assert_eq!(r.depth_left(), 4);
    /// r.object().unwrap();
    /// assert_eq!(r.depth_left(), 3);
    /// ```
    pub fn depth_left(&self) -> u32 {
        self.max_depth.saturating_sub(self.depth)
    }

    /// Changes the nesting limit.
    pub fn with_max_depth(mut self, max_depth: u32) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// The whole input.
    pub fn source(&self) -> &'a str {
        self.src
    }

    /// How many strings (keys included) were borrowed from the input and how
    /// many had to be copied because they contained escapes.
    pub fn string_stats(&self) -> (u64, u64) {
        (self.borrowed, self.owned)
    }

    /// Current byte offset.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Current byte offset as `u32` (inputs are limited to 4 GiB).
    pub fn pos32(&self) -> u32 {
        u32::try_from(self.pos).unwrap_or(u32::MAX)
    }

    fn err(&self, kind: JsonErrorKind) -> JsonError {
        JsonError { kind, offset: self.pos }
    }

    fn err_at(&self, kind: JsonErrorKind, offset: usize) -> JsonError {
        JsonError { kind, offset }
    }

    #[inline]
    fn byte(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    // Errors end the read: kept out of the hot callers' code and registers.
    #[cold]
    #[inline(never)]
    fn unexpected(&self, expected: &'static str) -> JsonError {
        match self.src.get(self.pos..).and_then(|s| s.chars().next()) {
            Some('\u{feff}') if self.pos == 0 => self.err(JsonErrorKind::Bom),
            Some(found) => self.err(JsonErrorKind::Unexpected { found, expected }),
            None => self.err(JsonErrorKind::Eof),
        }
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        let bytes = self.src.as_bytes();
        // Minified input: one comparison, no loop.
        if bytes.get(self.pos).is_none_or(|&b| b > b' ') {
            return;
        }
        self.pos = skip_ws_from(bytes, self.pos);
    }

    /// Skips whitespace and tells the kind of the next value.
    #[inline]
    pub fn peek(&mut self) -> Result<Kind, JsonError> {
        self.skip_ws();
        match self.byte() {
            Some(b'{') => Ok(Kind::Object),
            Some(b'[') => Ok(Kind::Array),
            Some(b'"') => Ok(Kind::String),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'n') => Ok(Kind::Null),
            Some(_) => Err(self.unexpected("a JSON value")),
            None => Err(self.err(JsonErrorKind::Eof)),
        }
    }

    /// Checks that only whitespace remains.
    pub fn finish(&mut self) -> Result<(), JsonError> {
        self.skip_ws();
        if self.pos < self.src.len() { Err(self.err(JsonErrorKind::Trailing)) } else { Ok(()) }
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        if self.depth >= self.max_depth {
            return Err(self.err(JsonErrorKind::TooDeep(self.max_depth)));
        }
        self.depth += 1;
        Ok(())
    }

    /// Opens an object (`{`).
    pub fn object(&mut self) -> Result<Obj, JsonError> {
        self.skip_ws();
        if self.byte() != Some(b'{') {
            return Err(self.unexpected("'{'"));
        }
        self.enter()?;
        let start = self.pos32();
        self.pos += 1;
        Ok(Obj { start, first: true })
    }

    /// Next key of `obj` (and consumes the `:`), or `None` after the closing `}`.
    #[inline]
    pub fn next_key(&mut self, obj: &mut Obj) -> Result<Option<(Str<'a>, Span)>, JsonError> {
        self.skip_ws();
        match self.byte() {
            Some(b'}') => {
                self.pos += 1;
                self.depth = self.depth.saturating_sub(1);
                return Ok(None);
            }
            Some(b',') if !obj.first => {
                self.pos += 1;
                self.skip_ws();
            }
            _ if obj.first => {}
            _ => return self.fail("',' or '}'"),
        }
        obj.first = false;
        let start = self.pos;
        // A plain key with its colon right after it (minified or usual
        // pretty-printed input) is read here; everything else by `key_rest`.
        if self.byte() == Some(b'"')
            && let Some((text, stop)) = self.plain_string(start)
            && self.src.as_bytes().get(stop + 1) == Some(&b':')
        {
            self.pos = stop + 2;
            self.borrowed += 1;
            return Ok(Some((Str::Borrowed(text), span(start, stop + 1))));
        }
        self.key_rest()
    }

    /// [`Reader::next_key`] with its common case (minified input: a plain
    /// key right after the `,` or the `{`) inlined where it is called, the
    /// model readers' loops over their keys: the call, and the key and span
    /// handed back through memory, cost a fifth of a key's reading. Any
    /// other case is [`Reader::next_key`]'s, from the same state.
    #[inline(always)]
    pub(crate) fn next_key_inline(
        &mut self,
        obj: &mut Obj,
    ) -> Result<Option<(Str<'a>, Span)>, JsonError> {
        let bytes = self.src.as_bytes();
        let start = match bytes.get(self.pos) {
            Some(b',') if !obj.first => self.pos + 1,
            Some(b'"') if obj.first => self.pos,
            _ => return self.next_key(obj),
        };
        if bytes.get(start) == Some(&b'"')
            && let Some((text, stop)) = self.plain_string(start)
            && bytes.get(stop + 1) == Some(&b':')
        {
            obj.first = false;
            self.pos = stop + 2;
            self.borrowed += 1;
            return Ok(Some((Str::Borrowed(text), span(start, stop + 1))));
        }
        self.next_key(obj)
    }

    /// [`Reader::next_key`] from the key's first byte, for any key.
    #[cold]
    #[inline(never)]
    fn key_rest(&mut self) -> Result<Option<(Str<'a>, Span)>, JsonError> {
        if self.byte() != Some(b'"') {
            return self.fail("a string key");
        }
        let key = self.string_rest()?;
        self.skip_ws();
        if self.byte() != Some(b':') {
            return self.fail("':'");
        }
        self.pos += 1;
        Ok(Some(key))
    }

    /// `Err(self.unexpected(expected))` in a function of its own, so the
    /// hot callers jump to it instead of keeping registers across a call.
    #[cold]
    #[inline(never)]
    fn fail<T>(&self, expected: &'static str) -> Result<T, JsonError> {
        Err(self.unexpected(expected))
    }

    /// Opens an array (`[`).
    pub fn array(&mut self) -> Result<Arr, JsonError> {
        self.skip_ws();
        if self.byte() != Some(b'[') {
            return Err(self.unexpected("'['"));
        }
        self.enter()?;
        let start = self.pos32();
        self.pos += 1;
        Ok(Arr { start, first: true, index: 0 })
    }

    /// Moves to the next item of `arr`: `Some(index)` when a value follows,
    /// `None` after the closing `]`.
    #[inline]
    pub fn next_item(&mut self, arr: &mut Arr) -> Result<Option<u32>, JsonError> {
        self.skip_ws();
        match self.byte() {
            Some(b']') => {
                self.pos += 1;
                self.depth = self.depth.saturating_sub(1);
                return Ok(None);
            }
            Some(b',') if !arr.first => {
                self.pos += 1;
                arr.index += 1;
            }
            _ if arr.first => {}
            _ => return Err(self.unexpected("',' or ']'")),
        }
        arr.first = false;
        Ok(Some(arr.index))
    }

    /// Reads a string value, borrowed unless it contains escapes.
    #[inline]
    pub fn string(&mut self) -> Result<(Str<'a>, Span), JsonError> {
        self.skip_ws();
        let start = self.pos;
        if self.byte() == Some(b'"')
            && let Some((text, stop)) = self.plain_string(start)
        {
            self.pos = stop + 1;
            self.borrowed += 1;
            return Ok((Str::Borrowed(text), span(start, self.pos)));
        }
        if self.byte() != Some(b'"') {
            return self.fail("a string");
        }
        self.string_rest()
    }

    /// The body of the string whose opening quote is at `start` and the
    /// offset of its closing quote, when it has no escape and no control
    /// byte: the hot path of strings and keys, with no call in it.
    #[inline(always)]
    fn plain_string(&self, start: usize) -> Option<(&'a str, usize)> {
        let body_start = start + 1;
        let bytes = self.src.as_bytes();
        let Scan::Stop(n) = short_string_stop(bytes.get(body_start..)?) else {
            return None;
        };
        let stop = body_start + n;
        // Quote is ASCII, so both ends are char boundaries.
        (bytes.get(stop) == Some(&b'"'))
            .then(|| (self.src.get(body_start..stop).unwrap_or_default(), stop))
    }

    /// Reads the string whose opening quote is at `pos`, escaped or not
    /// (all the errors of a string are found here).
    #[cold]
    #[inline(never)]
    fn string_rest(&mut self) -> Result<(Str<'a>, Span), JsonError> {
        let start = self.pos;
        let body_start = start + 1;
        let rest = self.src.as_bytes().get(body_start..).unwrap_or_default();
        match find_string_end(rest) {
            None => Err(self.err_at(JsonErrorKind::Eof, self.src.len())),
            Some((n, c)) if c < 0x20 => {
                Err(self.err_at(JsonErrorKind::ControlChar(u32::from(c)), body_start + n))
            }
            Some((n, b'"')) => {
                let stop = body_start + n;
                let text = self.src.get(body_start..stop).unwrap_or_default();
                self.pos = stop + 1;
                self.borrowed += 1;
                Ok((Str::Borrowed(text), span(start, self.pos)))
            }
            Some((n, _)) => {
                let stop = body_start + n;
                self.pos = stop;
                // Sized once: decoding never lengthens a string, and the
                // pieces between escapes would otherwise grow it again
                // and again (`http:\/\/...` URLs).
                let raw = raw_string_len(rest, n);
                let mut owned = String::with_capacity(raw);
                owned.push_str(self.src.get(body_start..stop).unwrap_or_default());
                self.escaped_tail(&mut owned)?;
                self.owned += 1;
                Ok((Str::Owned(Box::new(owned)), span(start, self.pos)))
            }
        }
    }

    /// Decodes the rest of a string from the first backslash, into `out`.
    fn escaped_tail(&mut self, out: &mut String) -> Result<(), JsonError> {
        loop {
            let bytes = self.src.as_bytes();
            match self.byte() {
                None => return Err(self.err(JsonErrorKind::Eof)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    let esc = bytes.get(self.pos + 1).copied();
                    self.pos += 2;
                    match esc {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode_escape()?),
                        // `pos` already stepped past the end: report the end itself.
                        None => return Err(self.err_at(JsonErrorKind::Eof, self.src.len())),
                        Some(_) => {
                            return Err(self.err_at(JsonErrorKind::InvalidEscape, self.pos - 2));
                        }
                    }
                }
                Some(_) => {
                    let rest = bytes.get(self.pos..).unwrap_or_default();
                    let n = match find_string_end(rest) {
                        Some((i, c)) if c < 0x20 => {
                            return Err(
                                self.err_at(JsonErrorKind::ControlChar(u32::from(c)), self.pos + i)
                            );
                        }
                        Some((i, _)) => i,
                        None => rest.len(),
                    };
                    out.push_str(self.src.get(self.pos..self.pos + n).unwrap_or_default());
                    self.pos += n;
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let at = self.pos;
        let digits = self.src.as_bytes().get(at..at + 4).ok_or(self.err(JsonErrorKind::Eof))?;
        let mut v = 0u32;
        for &d in digits {
            let h = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.err_at(JsonErrorKind::InvalidUnicode, at)),
            };
            v = v * 16 + u32::from(h);
        }
        self.pos += 4;
        Ok(v)
    }

    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let at = self.pos.saturating_sub(2);
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            let bytes = self.src.as_bytes();
            if bytes.get(self.pos) != Some(&b'\\') || bytes.get(self.pos + 1) != Some(&b'u') {
                return Err(self.err_at(JsonErrorKind::InvalidUnicode, at));
            }
            self.pos += 2;
            let lo = self.hex4()?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err(self.err_at(JsonErrorKind::InvalidUnicode, at));
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        char::from_u32(code).ok_or(self.err_at(JsonErrorKind::InvalidUnicode, at))
    }

    /// Reads a number and returns its exact text (never converted through `f64`).
    #[inline]
    pub fn number(&mut self) -> Result<(&'a str, Span), JsonError> {
        self.skip_ws();
        let start = self.pos;
        let bytes = self.src.as_bytes();
        let mut p = start;
        if bytes.get(p) == Some(&b'-') {
            p += 1;
        }
        match bytes.get(p) {
            Some(b'0') => {
                p += 1;
                if matches!(bytes.get(p), Some(b'0'..=b'9')) {
                    return Err(self.err_at(JsonErrorKind::InvalidNumber, p));
                }
            }
            Some(b'1'..=b'9') => {
                while matches!(bytes.get(p), Some(b'0'..=b'9')) {
                    p += 1;
                }
            }
            _ => return Err(self.err_at(JsonErrorKind::InvalidNumber, start)),
        }
        if bytes.get(p) == Some(&b'.') {
            p += 1;
            if !matches!(bytes.get(p), Some(b'0'..=b'9')) {
                return Err(self.err_at(JsonErrorKind::InvalidNumber, p));
            }
            while matches!(bytes.get(p), Some(b'0'..=b'9')) {
                p += 1;
            }
        }
        if matches!(bytes.get(p), Some(b'e' | b'E')) {
            p += 1;
            if matches!(bytes.get(p), Some(b'+' | b'-')) {
                p += 1;
            }
            if !matches!(bytes.get(p), Some(b'0'..=b'9')) {
                return Err(self.err_at(JsonErrorKind::InvalidNumber, p));
            }
            while matches!(bytes.get(p), Some(b'0'..=b'9')) {
                p += 1;
            }
        }
        // A number glued to letters (`12abc`) is not a number.
        if matches!(bytes.get(p), Some(b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'.')) {
            return Err(self.err_at(JsonErrorKind::InvalidNumber, p));
        }
        self.pos = p;
        Ok((self.src.get(start..p).unwrap_or_default(), span(start, p)))
    }

    fn literal(&mut self, word: &'static str, expected: &'static str) -> Result<Span, JsonError> {
        let start = self.pos;
        if self.src.as_bytes().get(start..start + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(span(start, self.pos))
        } else {
            Err(self.unexpected(expected))
        }
    }

    /// Reads `true` or `false`.
    pub fn boolean(&mut self) -> Result<(bool, Span), JsonError> {
        self.skip_ws();
        match self.byte() {
            Some(b't') => Ok((true, self.literal("true", "true")?)),
            Some(b'f') => Ok((false, self.literal("false", "false")?)),
            _ => Err(self.unexpected("true or false")),
        }
    }

    /// Reads `null`.
    pub fn null(&mut self) -> Result<Span, JsonError> {
        self.skip_ws();
        self.literal("null", "null")
    }

    /// Skips (and validates) the next value of any kind; returns its span.
    ///
    /// Iterative: nesting costs one bit per level, never stack frames.
    pub fn skip_value(&mut self) -> Result<Span, JsonError> {
        self.skip_ws();
        let start = self.pos;
        let base_depth = self.depth;
        // One entry per open container: true = object, false = array.
        let mut stack: Vec<(bool, bool)> = Vec::new(); // (is_object, first)
        loop {
            // Read one value start (or close containers).
            match self.peek()? {
                Kind::Object => {
                    self.object()?;
                    stack.push((true, true));
                }
                Kind::Array => {
                    self.array()?;
                    stack.push((false, true));
                }
                Kind::String => {
                    self.string()?;
                }
                Kind::Number => {
                    self.number()?;
                }
                Kind::Bool => {
                    self.boolean()?;
                }
                Kind::Null => {
                    self.null()?;
                }
            }
            // After a value (or an opening bracket): find the next value start.
            loop {
                let Some(top) = stack.last_mut() else {
                    self.depth = base_depth;
                    return Ok(span(start, self.pos));
                };
                let (is_obj, first) = *top;
                top.1 = false;
                self.skip_ws();
                let close = if is_obj { b'}' } else { b']' };
                match self.byte() {
                    Some(b) if b == close => {
                        self.pos += 1;
                        self.depth = self.depth.saturating_sub(1);
                        stack.pop();
                        continue;
                    }
                    Some(b',') if !first => {
                        self.pos += 1;
                    }
                    _ if first => {}
                    _ => {
                        return Err(self.unexpected(if is_obj {
                            "',' or '}'"
                        } else {
                            "',' or ']'"
                        }));
                    }
                }
                if is_obj {
                    self.skip_ws();
                    if self.byte() != Some(b'"') {
                        return Err(self.unexpected("a string key"));
                    }
                    self.string()?;
                    self.skip_ws();
                    if self.byte() != Some(b':') {
                        return Err(self.unexpected("':'"));
                    }
                    self.pos += 1;
                }
                break;
            }
        }
    }

    /// Skips the next value and returns its exact text.
    pub fn raw_value(&mut self) -> Result<(&'a str, Span), JsonError> {
        let sp = self.skip_value()?;
        Ok((sp.slice(self.src).unwrap_or_default(), sp))
    }
}

/// Bytes that end the plain part of a string: quote, backslash, control characters.
#[allow(clippy::indexing_slicing)] // const evaluation: an out-of-range index fails the build
static STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Length of the raw body of the string starting `body` (its closing quote
/// excluded), from `first`, the index of its first backslash; the whole
/// rest when unterminated (the decoder reports it). Only a capacity hint:
/// malformed escapes and control characters are the decoder's to report.
///
/// The end is the first quote after an even run of backslashes (none, or
/// escaped backslashes): one `memchr` instead of a scan per escape.
#[cold]
fn raw_string_len(body: &[u8], first: usize) -> usize {
    let mut from = first;
    while let Some(q) = body.get(from..).and_then(|rest| memchr::memchr(b'"', rest)) {
        let at = from + q;
        let before = body.get(first..at).unwrap_or_default();
        if before.iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 0 {
            return at;
        }
        from = at + 1;
    }
    body.len()
}

/// Position of the first quote, backslash or control byte of a string body.
///
/// FHIR strings are mostly short to medium (keys, codes, ids, references,
/// system URIs of 40 to 90 bytes): sixteen bytes at a time with word
/// arithmetic (SWAR, two words per step) beats both a byte loop and a SIMD
/// search's setup cost; long strings (narratives, comments) switch to
/// `memchr` and check control bytes after.
#[inline]
fn find_string_end(rest: &[u8]) -> Option<(usize, u8)> {
    find_string_stop(rest).and_then(|n| rest.get(n).map(|&b| (n, b)))
}

/// The length of the string body `rest` starts with (the bytes after its
/// opening quote) when it is plain: the bytes before its closing quote, with
/// no escape and no control byte among them. `None` otherwise.
#[inline]
pub(crate) fn plain_body_len(rest: &[u8]) -> Option<usize> {
    let n = find_string_stop(rest)?;
    (rest.get(n) == Some(&b'"')).then_some(n)
}

/// [`find_string_end`] without the byte: the hot path reads it only to
/// compare it with a quote, one load from memory.
#[inline(always)]
fn find_string_stop(rest: &[u8]) -> Option<usize> {
    match short_string_stop(rest) {
        Scan::Stop(k) => Some(k),
        Scan::End => None,
        Scan::Long => long_string_stop(rest.get(SHORT..)?).map(|k| SHORT + k),
    }
}

/// How far [`short_string_stop`] scans: strings are rarely longer.
const SHORT: usize = 128;

/// What [`short_string_stop`] found.
enum Scan {
    /// The offset of the first quote, backslash or control byte.
    Stop(usize),
    /// None of them before the end of the input.
    End,
    /// None of them in the first [`SHORT`] bytes, and the input goes on.
    Long,
}

/// The first [`SHORT`] bytes of [`find_string_stop`]: no call in it, so the
/// plain-string path of `string` and `next_key` keeps no register across one
/// (their longer strings go the cold way).
// Always inlined: the string reader's hot loop (a call per string costs a
// tenth of the walk).
#[inline(always)]
fn short_string_stop(rest: &[u8]) -> Scan {
    const STEP: usize = 16;
    // Whole 16-byte blocks only: no bounds check per step, and a key (most
    // strings are keys of 2 to 20 bytes) ends inside the first block.
    let (blocks, _) = rest.as_chunks::<STEP>();
    let mut i = 0;
    for block in blocks.iter().take(SHORT / STEP) {
        let x = u128::from_le_bytes(*block);
        let lo = stop_flags(x as u64);
        let hi = stop_flags((x >> 64) as u64);
        if lo | hi != 0 {
            let flags = u128::from(lo) | (u128::from(hi) << 64);
            return Scan::Stop(i + (flags.trailing_zeros() / 8) as usize);
        }
        i += STEP;
    }
    if i == SHORT && rest.len() > SHORT {
        return Scan::Long;
    }
    // Fewer than 16 bytes left: the end of the input.
    let tail = rest.get(i..).unwrap_or_default();
    match tail.iter().position(|&b| STOP.get(usize::from(b)).copied().unwrap_or(false)) {
        Some(k) => Scan::Stop(i + k),
        None => Scan::End,
    }
}

/// [`find_string_stop`] past its first 128 bytes: a string that long is
/// rare, its own call is cheap next to the scan.
#[inline(never)]
fn long_string_stop(tail: &[u8]) -> Option<usize> {
    let n = memchr::memchr2(b'"', b'\\', tail);
    let chunk = tail.get(..n.unwrap_or(tail.len())).unwrap_or_default();
    if chunk.iter().fold(false, |any, &b| any | (b < 0x20)) {
        return chunk.iter().position(|&b| b < 0x20);
    }
    n
}

/// The high bit of each byte of `w` that is a quote, a backslash or below
/// 0x20, as far as the first such byte (little-endian: the first in memory);
/// bytes after it may be flagged wrongly, so only the lowest flag counts.
///
/// `(x - 0x0101..) & !x & 0x8080..` flags the zero bytes of `x` with
/// borrows only above the first one; with `0x21` instead of `0x01` it flags
/// the bytes below 0x21. `w ^ 0x02..` maps the quote (0x22) to 0x20, the
/// control bytes to control bytes, and nothing else below 0x21, so two
/// tests cover the three cases. The high bit of `x` is that of `w` for both
/// tests, hence the shared `!w`.
#[inline(always)]
fn stop_flags(w: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let quote_or_control = (w ^ (LO * 0x02)).wrapping_sub(LO * 0x21);
    let backslash = (w ^ (LO * u64::from(b'\\'))).wrapping_sub(LO);
    (quote_or_control | backslash) & !w & HI
}

#[inline]
fn span(start: usize, end: usize) -> Span {
    Span::new(u32::try_from(start).unwrap_or(u32::MAX), u32::try_from(end).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The eight-byte steps stop where the byte-by-byte reading stops, for
    /// every mix of the four whitespace bytes and others, at every offset
    /// and near the end of the input.
    #[test]
    fn whitespace_is_skipped_to_the_same_byte_as_one_at_a_time() {
        let naive = |b: &[u8], mut p: usize| {
            while b.get(p).is_some_and(|&c| is_ws(c)) {
                p += 1;
            }
            p
        };
        let alphabet = [b' ', b' ', b' ', b'\n', b'\r', b'\t', b'a', b'{', 0x20 ^ 0x80];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|i| {
                    let k = (seed >> (i % 58)) as usize ^ i;
                    // Long runs of spaces, like indentation, half of the time.
                    if seed & 1 == 0 && i < len / 2 { b' ' } else { alphabet[k % alphabet.len()] }
                })
                .collect();
            for p in 0..=len {
                assert_eq!(skip_ws_from(&bytes, p), naive(&bytes, p), "{bytes:?} from {p}");
            }
        }
    }

    fn skip(s: &str) -> Result<Span, JsonError> {
        let mut r = Reader::new(s);
        let sp = r.skip_value()?;
        r.finish()?;
        Ok(sp)
    }

    #[test]
    fn valid_documents_skip() {
        for s in [
            "{}",
            "[]",
            " {\"a\" : [1, -2.5e+3, true, false, null, \"x\\u00e9\\\"\"], \"b\": {}} ",
            "\"\\ud83d\\ude00\"",
            "0",
            "-0.0e0",
        ] {
            assert!(skip(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn invalid_documents_fail_with_offset() {
        let cases = [
            ("{", 1, "end"),
            ("[1,]", 3, "unexpected"),
            ("{\"a\" 1}", 5, "':'"),
            ("[01]", 2, "number"),
            ("[1.]", 3, "number"),
            ("\"a\nb\"", 2, "control"),
            ("\"\\x\"", 1, "escape"),
            ("\"\\ud800\"", 1, "\\u"),
            ("{} x", 3, "trailing"),
            ("[tru]", 1, "unexpected"),
            ("{\"a\":1,}", 7, "string key"),
            ("12abc", 2, "number"),
        ];
        for (s, off, what) in cases {
            let e = skip(s).unwrap_err();
            assert_eq!(e.offset, off, "{s}: {e}");
            assert!(e.to_string().to_lowercase().contains(what), "{s}: {e}");
        }
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let mut r = Reader::new(r#""plain""#);
        let (s, sp) = r.string().unwrap();
        assert!(s.is_borrowed());
        assert_eq!((sp.start, sp.end), (0, 7));
        let mut r = Reader::new(r#""Visite de contr\u00f4le \"x\"""#);
        let (s, _) = r.string().unwrap();
        assert!(!s.is_borrowed());
        assert_eq!(&*s, "Visite de contrôle \"x\"");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let e = skip(&deep).unwrap_err();
        assert_eq!(e.kind, JsonErrorKind::TooDeep(DEFAULT_MAX_DEPTH));
        let ok = "[".repeat(200) + &"]".repeat(200);
        assert!(skip(&ok).is_ok());
    }

    #[test]
    fn numbers_keep_their_text() {
        let mut r = Reader::new("[1e999999, 0.10, -3]");
        let mut a = r.array().unwrap();
        let mut got = Vec::new();
        while r.next_item(&mut a).unwrap().is_some() {
            got.push(r.number().unwrap().0);
        }
        assert_eq!(got, ["1e999999", "0.10", "-3"]);
    }

    /// A key read (or the end, or an error), the position and string counts after it.
    type KeyStep = (Result<Option<(String, Span)>, JsonError>, usize, (u64, u64));

    /// Every step of reading the keys of the object `src` opens, with
    /// [`Reader::next_key_inline`] or [`Reader::next_key`]: what came back,
    /// and the reader's position and string counts after it.
    fn key_steps(src: &str, inline: bool) -> Vec<KeyStep> {
        let mut r = Reader::new(src);
        let Ok(mut obj) = r.object() else { return Vec::new() };
        let mut steps = Vec::new();
        loop {
            let key = if inline { r.next_key_inline(&mut obj) } else { r.next_key(&mut obj) };
            let go_on = matches!(key, Ok(Some(_)));
            steps.push((
                key.map(|k| k.map(|(k, s)| (k.to_string(), s))),
                r.pos(),
                r.string_stats(),
            ));
            if !go_on || r.skip_value().is_err() {
                return steps;
            }
        }
    }

    #[test]
    fn inlined_keys_read_as_the_others() {
        for src in [
            r#"{"a":1,"bb":[2],"c":{"d":3}}"#,
            r#"{ "a" : 1 , "b":2 ,"c" :3}"#,
            "{\n  \"a\": 1,\n  \"b\": 2\n}",
            r#"{}"#,
            r#"{,"a":1}"#,
            r#"{"a":1,,"b":2}"#,
            r#"{"a":1 "b":2}"#,
            r#"{"a\"b":1,"\u0063":2}"#,
            r#"{"a"1}"#,
            r#"{"a":1,"#,
            r#"{"a":1,"b"#,
            r#"{"a":1,}"#,
            r#"{a:1}"#,
        ] {
            assert_eq!(key_steps(src, true), key_steps(src, false), "{src}");
        }
    }

    proptest::proptest! {
        #[test]
        fn inlined_keys_read_as_the_others_on_json_like(s in "\\{[\"a-c:,0-9 {}\\[\\]\\\\\n]{0,40}") {
            proptest::prop_assert_eq!(key_steps(&s, true), key_steps(&s, false), "{:?}", s);
        }

        #[test]
        fn inlined_keys_read_as_the_others_on_objects(
            keys in proptest::collection::vec(("[a-z\"\\\\]{0,6}", "[ \n]{0,2}", "[ \n]{0,2}", "[ \n]{0,2}"), 0..6)
        ) {
            let body: Vec<String> = keys.iter().map(|(k, a, b, c)| format!(r#"{a}"{k}"{b}:{c}1"#)).collect();
            let src = format!("{{{}}}", body.join(","));
            proptest::prop_assert_eq!(key_steps(&src, true), key_steps(&src, false), "{:?}", src);
        }

        #[test]
        fn long_string_end_agrees_with_a_byte_loop(mut body in proptest::collection::vec(0x5Du8..0xff, 0..400), at in 0usize..400, stop in proptest::prop_oneof![proptest::strategy::Just(b'"'), proptest::strategy::Just(b'\\'), 0u8..0x20]) {
            if let Some(b) = body.get_mut(at) {
                *b = stop;
            }
            let naive = body.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).map(|i| (i, body[i]));
            proptest::prop_assert_eq!(find_string_end(&body), naive);
        }

        #[test]
        fn string_end_agrees_with_a_byte_loop(body in proptest::collection::vec(proptest::prop_oneof![4 => 0x21u8..0x7f, 1 => proptest::prelude::any::<u8>()], 0..300)) {
            let naive = body.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).map(|i| (i, body[i]));
            proptest::prop_assert_eq!(find_string_end(&body), naive);
        }

        #[test]
        fn skip_agrees_with_serde_json(s in "\\PC{0,40}") {
            let ours = skip(&s).is_ok();
            let theirs = serde_json::from_str::<serde::de::IgnoredAny>(&s).is_ok();
            proptest::prop_assert_eq!(ours, theirs, "{:?}", s);
        }

        #[test]
        fn skip_agrees_on_json_like(s in "[\\[\\]{}\",:0-9a-z .\\\\-]{0,30}") {
            let ours = skip(&s).is_ok();
            let theirs = serde_json::from_str::<serde::de::IgnoredAny>(&s).is_ok();
            proptest::prop_assert_eq!(ours, theirs, "{:?}", s);
        }
    }

    /// What [`Reader::string`] must give for the string opening at `start`,
    /// read one byte at a time: decoded text, whether it was borrowed, end.
    fn reference_string(src: &str, start: usize) -> Result<(String, bool, usize), JsonError> {
        let b = src.as_bytes();
        let fail = |kind, offset| Err(JsonError { kind, offset });
        let hex4 = |at: usize| -> Result<u32, JsonError> {
            let Some(digits) = b.get(at..at + 4) else {
                return Err(JsonError { kind: JsonErrorKind::Eof, offset: at });
            };
            let text = std::str::from_utf8(digits).unwrap_or("x");
            u32::from_str_radix(text, 16)
                .ok()
                .filter(|_| text.bytes().all(|c| c.is_ascii_hexdigit()))
                // Bad digits are reported where the digits start.
                .ok_or(JsonError { kind: JsonErrorKind::InvalidUnicode, offset: at })
        };
        let mut out = Vec::new();
        let mut escaped = false;
        let mut i = start + 1;
        loop {
            match b.get(i).copied() {
                None => return fail(JsonErrorKind::Eof, src.len()),
                Some(b'"') => return Ok((String::from_utf8(out).unwrap(), !escaped, i + 1)),
                Some(c) if c < 0x20 => return fail(JsonErrorKind::ControlChar(c.into()), i),
                Some(b'\\') => {
                    escaped = true;
                    let simple = match b.get(i + 1).copied() {
                        None => return fail(JsonErrorKind::Eof, src.len()),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let hi = hex4(i + 2)?;
                            let (code, len) = if (0xD800..0xDC00).contains(&hi) {
                                if b.get(i + 6..i + 8) != Some(b"\\u") {
                                    return fail(JsonErrorKind::InvalidUnicode, i);
                                }
                                let lo = hex4(i + 8)?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return fail(JsonErrorKind::InvalidUnicode, i);
                                }
                                (0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00), 12)
                            } else {
                                (hi, 6)
                            };
                            let Some(c) = char::from_u32(code) else {
                                return fail(JsonErrorKind::InvalidUnicode, i);
                            };
                            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                            i += len;
                            continue;
                        }
                        Some(_) => return fail(JsonErrorKind::InvalidEscape, i),
                    };
                    out.extend_from_slice(simple.encode_utf8(&mut [0; 4]).as_bytes());
                    i += 2;
                }
                Some(c) => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }

    /// Reads the string of `src` (after `lead` whitespace bytes) with
    /// [`Reader::string`], and the same string as the key of an object with
    /// [`Reader::next_key`], and compares both with [`reference_string`].
    fn check_against_reference(src: &str, lead: usize) {
        let want = reference_string(src, lead);
        let mut r = Reader::new(src);
        let got = r.string().map(|(s, sp)| (s.to_string(), s.is_borrowed(), sp, r.pos()));
        let want_read = want.clone().map(|(s, borrowed, end)| (s, borrowed, span(lead, end), end));
        assert_eq!(got, want_read, "string() of {src:?}");
        if let Ok((_, borrowed, _)) = &want {
            assert_eq!(r.string_stats(), (u64::from(*borrowed), u64::from(!*borrowed)), "{src:?}");
        }
        // The same string as a key: `{` shifts every offset by one.
        let doc = format!("{{{src}");
        let mut r = Reader::new(&doc);
        let mut obj = r.object().unwrap();
        let got =
            r.next_key(&mut obj).map(|k| k.map(|(s, sp)| (s.to_string(), s.is_borrowed(), sp)));
        let want_key = match reference_string(&doc, lead + 1) {
            Err(e) => Err(e),
            Ok((s, borrowed, end)) => {
                let colon = end + doc[end..].len() - doc[end..].trim_start().len();
                if doc.as_bytes().get(colon) == Some(&b':') {
                    Ok(Some((s, borrowed, span(lead + 1, end))))
                } else {
                    Err(Reader::at(&doc, colon).unexpected("':'"))
                }
            }
        };
        assert_eq!(got, want_key, "next_key() of {doc:?}");
    }

    /// The block scan of strings (16 bytes at a time, a byte loop near the
    /// end of the input, `memchr` past 128 bytes) finds what a byte loop
    /// finds: every body length up to 200 bytes, with a quote, an escape, a
    /// control byte or a near miss at every position, plain or multibyte
    /// text around, the input ending right after the string or going on.
    #[test]
    fn string_scan_agrees_with_a_byte_loop_at_every_length_and_position() {
        // A stop byte or a near miss: at every position of plain text.
        const CORE: [&str; 5] = ["\"", "\\\\", "\u{0}", "\u{1f}", " !#"];
        const MORE: [&str; 11] = [
            "\\\"",
            "\\/",
            "\\n",
            "\\u00e9",
            "\\ud83d\\ude00",
            "\\x",
            "\\u12",
            "\n",
            "[]\u{7f}",
            "é€",
            "😀",
        ];
        // The input ends right after the string, or goes on (a whole block
        // to scan past the quote, the colon of a key after a space).
        const CORE_END: [&str; 2] = ["\"", "\" : 1, \"next\": \"https://example.org/fhir/x\"}"];
        // Minified key, unterminated string.
        const MORE_END: [&str; 2] = ["\":1}", ""];
        let fillers: [&[char]; 3] =
            [&['a', 'Z', '0', '-'], &['é', 'a', '€', 'b'], &['😀', 'x', 'é']];
        let mut cases = 0u32;
        for (f, filler) in fillers.iter().enumerate() {
            for len in 0..200 {
                let mut body = String::new();
                let mut k = 0;
                while body.len() < len {
                    body.push(filler[k % filler.len()]);
                    k += 1;
                }
                for at in (0..=body.len()).filter(|p| body.is_char_boundary(*p)) {
                    let every = f == 0;
                    let sample = at % if every { 7 } else { 11 } == 0 || at == body.len();
                    let specials: Vec<&str> = match (every, sample) {
                        (_, true) => CORE.iter().chain(&MORE).copied().collect(),
                        (true, false) => CORE.to_vec(),
                        (false, false) => continue,
                    };
                    let ends: Vec<&str> = if every && sample {
                        CORE_END.iter().chain(&MORE_END).copied().collect()
                    } else {
                        CORE_END.to_vec()
                    };
                    let (head, tail) = body.split_at(at);
                    for special in specials {
                        for end in &ends {
                            let lead = at % 3;
                            let src = format!("{}\"{head}{special}{tail}{end}", " ".repeat(lead));
                            check_against_reference(&src, lead);
                            cases += 1;
                        }
                    }
                }
                // No special at all.
                for end in CORE_END.iter().chain(&MORE_END) {
                    check_against_reference(&format!("\"{body}{end}"), 0);
                }
            }
        }
        assert!(cases > 100_000, "{cases}");
    }

    /// The raw length found with `memchr` and backslash runs is the one
    /// found by reading the escapes pair by pair from the first backslash.
    #[test]
    fn raw_string_len_agrees_with_reading_escapes_in_pairs() {
        fn pairwise(body: &[u8], first: usize) -> usize {
            let mut i = first;
            loop {
                match body.get(i) {
                    None => return body.len(),
                    Some(b'"') => return i,
                    Some(b'\\') => i += 2,
                    Some(_) => i += 1,
                }
            }
        }
        let alphabet = [b'a', b'\\', b'"', b'u', b'\n', 0xc3, 0xa9];
        let mut body = Vec::new();
        // Every word of up to 7 letters of the alphabet, after a backslash.
        for len in 0..=7u32 {
            for mut n in 0..7usize.pow(len) {
                body.clear();
                body.extend_from_slice(b"ab\\");
                for _ in 0..len {
                    body.push(alphabet[n % 7]);
                    n /= 7;
                }
                assert_eq!(raw_string_len(&body, 2), pairwise(&body, 2), "{body:?}");
            }
        }
    }

    /// The capacity of a decoded string is its raw length: decoding never
    /// lengthens it, and one allocation is enough.
    #[test]
    fn escaped_strings_are_sized_from_their_raw_length() {
        let body = br#"http:\/\/x\/y\"z" , "next""#;
        assert_eq!(raw_string_len(body, 5), 16);
        assert_eq!(raw_string_len(br"ab\", 2), 3);
        assert_eq!(raw_string_len(br"a\u00e9", 1), 7);
        let src = r#"["http:\/\/terminology.hl7.org\/CodeSystem\/v3-ActCode"]"#;
        let mut r = Reader::new(src);
        let mut arr = r.array().unwrap();
        r.next_item(&mut arr).unwrap();
        let (s, _) = r.string().unwrap();
        let Str::Owned(owned) = &s else { panic!("escapes are decoded into an owned string") };
        assert_eq!(owned.as_str(), "http://terminology.hl7.org/CodeSystem/v3-ActCode");
        assert!(owned.capacity() <= src.len(), "{}", owned.capacity());
    }
}
