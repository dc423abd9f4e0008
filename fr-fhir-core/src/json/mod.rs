//! A small, span-keeping, borrowing JSON reader tuned for FHIR Bundles.
mod span;
pub use span::{Span, Str};
