//! TEMPORARY stub until the primitives module lands.
#![allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrimitiveKind { Boolean, Integer, PositiveInt, UnsignedInt, Decimal, String, Markdown, Code, Id, Uri, Url, Canonical, Oid, Uuid, Base64Binary, Instant, DateTime, Date, Time, Xhtml }
#[derive(Debug, Clone, PartialEq)]
pub struct PrimitiveError;
pub fn check(_k: PrimitiveKind, _t: &str) -> Result<(), PrimitiveError> { Ok(()) }
