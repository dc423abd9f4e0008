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
pub use reader::{Arr, DEFAULT_MAX_DEPTH, Kind, Obj, Reader};
pub use span::{Span, Str};
