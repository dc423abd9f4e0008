//! Typed, zero-copy FHIR R4 models of the SAS slot search.
//!
//! Every model borrows its strings from the input ([`crate::json::Str`]),
//! keeps the byte span of every element, keeps what it does not model as raw
//! JSON (so parse → serialize gives back the same JSON), and records what is
//! odd (unknown elements, nulls, empty values, duplicate keys, wrong JSON
//! types, lexical errors) as [`Note`]s instead of failing.
//!
//! ```
//! use fr_fhir_core::model::{parse_resource, Resource};
//! let (res, notes) = parse_resource(r#"{"status":"free","resourceType":"Slot","foo":1}"#).unwrap();
//! let Resource::Slot(slot) = res else { panic!() };
//! assert_eq!(slot.status.unwrap().as_str(), "free");
//! assert_eq!(notes.notes.len(), 1); // `foo` is not an element of Slot
//! ```

pub mod build;
pub mod bundle;
pub mod datatypes;
pub mod de;
pub mod extension;
mod generated;
mod macros;
pub mod owned;
pub mod prim;
pub mod r4_types;
pub mod resource;
pub mod resources;
#[cfg(feature = "schemars")]
mod schema;
mod ser;
pub mod walk;

pub use bundle::*;
pub use datatypes::*;
pub use de::{Cx, Extras, Note, NoteKind, RawElement};
pub use extension::{Extension, Value};
pub use owned::{IntoOwned, parse_owned};
pub use prim::*;
pub use r4_types::{R4_RESOURCE_TYPES, is_r4_resource_type};
pub use resource::{OtherResource, Resource, sniff_resource_type, sniff_type_and_profiles};
pub use resources::*;
pub use walk::{Visitor, Walk};

use crate::json::{JsonError, Reader};

/// Parses a whole document as one resource (entries of a Bundle kept in memory).
pub fn parse_resource(src: &str) -> Result<(Resource<'_>, Cx), JsonError> {
    let mut r = Reader::new(src);
    let mut cx = Cx::default();
    let res = de::read_value::<Resource<'_>>(&mut r, &mut cx, None)?;
    r.finish()?;
    let res = res.unwrap_or(Resource::Other(OtherResource {
        resource_type: crate::json::Str::Borrowed(""),
        json: crate::json::Str::Borrowed(src),
        span: crate::json::Span::new(0, r.pos32()),
    }));
    Ok((res, cx))
}
