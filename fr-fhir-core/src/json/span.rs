//! Byte spans and borrow-or-own strings.

use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

/// A half-open byte range `[start, end)` in the input document.
///
/// Offsets are `u32`: inputs above 4 GiB are refused by the parser, which
/// keeps every located element two words smaller.
///
/// ```
/// use fr_fhir_core::json::Span;
/// let s = Span::new(3, 7);
/// assert_eq!(s.len(), 4);
/// assert_eq!(s.slice("0123456789"), Some("3456"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text covered in `src`, if the span lies inside it on char boundaries.
    pub fn slice(self, src: &str) -> Option<&str> {
        src.get(self.start as usize..self.end as usize)
    }

    /// The same span shifted by `offset` bytes (for documents embedded in others).
    pub const fn shift(self, offset: u32) -> Self {
        Span { start: self.start.saturating_add(offset), end: self.end.saturating_add(offset) }
    }
}

/// A string borrowed from the input when it had no escape, owned otherwise.
///
/// `#[serde(borrow)]` does not borrow through `Option<Cow<str>>`; this type
/// is built by our own parser, so only strings containing `\` escapes are
/// ever copied.
///
/// ```
/// use fr_fhir_core::json::Str;
/// let s = Str::Borrowed("free");
/// assert!(s.is_borrowed());
/// assert_eq!(&*s, "free");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Str<'a> {
    /// Borrowed from the input document.
    Borrowed(&'a str),
    /// Decoded from a string containing escapes (or built in code). Boxed
    /// twice so that a `Str` is two words, like a `&str`: owned strings are
    /// rare, and every located value of a model is smaller for it.
    Owned(Box<String>),
}

impl<'a> Str<'a> {
    /// True when no allocation was made for this string.
    pub fn is_borrowed(&self) -> bool {
        matches!(self, Str::Borrowed(_))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match self {
            Str::Borrowed(s) => s,
            Str::Owned(s) => s,
        }
    }

    /// Converts into a `Cow`.
    pub fn into_cow(self) -> Cow<'a, str> {
        match self {
            Str::Borrowed(s) => Cow::Borrowed(s),
            Str::Owned(s) => Cow::Owned(*s),
        }
    }

    /// Detaches from the input (copies a borrowed string).
    pub fn into_owned(self) -> Str<'static> {
        match self {
            Str::Borrowed(s) => Str::Owned(Box::new(s.to_string())),
            Str::Owned(s) => Str::Owned(s),
        }
    }
}

impl Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl Default for Str<'_> {
    fn default() -> Self {
        Str::Borrowed("")
    }
}

impl AsRef<str> for Str<'_> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'a> From<&'a str> for Str<'a> {
    fn from(s: &'a str) -> Self {
        Str::Borrowed(s)
    }
}

impl From<String> for Str<'_> {
    fn from(s: String) -> Self {
        Str::Owned(Box::new(s))
    }
}

impl PartialEq<str> for Str<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Str<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
