//! A small, span-keeping, borrowing JSON reader tuned for FHIR Bundles.
//!
//! Nothing here builds a tree: typed models read themselves from a
//! [`Reader`], strings are borrowed from the input ([`Str`]), every value
//! keeps its byte [`Span`], and FHIRPath expressions and line/column numbers
//! are computed later, only for the findings that are rendered
//! ([`resolve`], [`LineIndex`]).
mod error;
mod lines;
mod reader;
pub mod resolve;
pub(crate) mod span;

pub use error::{JsonError, JsonErrorKind};
pub use lines::LineIndex;
pub(crate) use lines::Stretch;
pub(crate) use reader::plain_body_len;
pub use reader::{Arr, DEFAULT_MAX_DEPTH, Kind, Obj, Reader};
pub use span::{Span, Str};

/// The eight bytes of `bytes` before `len`, as a word (0 when there are
/// fewer): the memos of repeated objects compare it before the whole text,
/// since objects of one element share their first bytes and differ near
/// their end.
#[inline]
pub(crate) fn word_before(bytes: &[u8], len: usize) -> u64 {
    bytes
        .get(len.wrapping_sub(8)..len)
        .and_then(|t| <[u8; 8]>::try_from(t).ok())
        .map_or(0, u64::from_le_bytes)
}
