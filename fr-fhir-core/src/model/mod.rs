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
//!
//! # The types
//!
//! - Resources: [`Slot`], [`Schedule`], [`Practitioner`], [`PractitionerRole`],
//!   [`Location`] ([`LocationHoursOfOperation`]), [`Organization`],
//!   [`HealthcareService`], [`OperationOutcome`] ([`OperationOutcomeIssue`]), and
//!   [`Bundle`] ([`BundleEntry`], [`BundleLink`], [`BundleEntrySearch`],
//!   [`BundleEntryRequest`], [`BundleEntryResponse`]); [`Resource`] dispatches on
//!   `resourceType`, [`OtherResource`] keeps any other type as raw JSON.
//! - Datatypes: [`Meta`], [`Coding`], [`CodeableConcept`], [`Identifier`],
//!   [`Reference`], [`HumanName`], [`ContactPoint`], [`Address`], [`Period`],
//!   [`Narrative`], [`Element`], [`Extension`] and its [`Value`].
//! - Primitives: [`Prim`] and its aliases ([`Instant`], [`Code`], [`FhirString`]...).
//! - Reading: [`parse_resource`], [`parse_owned`], [`Bundle::stream`] (entry by entry);
//!   writing: `serde::Serialize` on every type; building: [`build`].
//!
//! # Owned data
//!
//! Models borrow from the text they were read from (`Slot<'a>`). `into_owned()`
//! on any of them (or [`IntoOwned`]) gives the `'static` form, which can be
//! stored, cached and sent to another thread; [`parse_owned`] and
//! [`Bundle::parse_owned`] read and detach in one call, and the `'static` forms
//! implement `serde::Deserialize` (see [`owned`]).
//!
//! ```
//! use fr_fhir_core::model::Slot;
//! let text = String::from(r#"{"resourceType":"Slot","status":"free"}"#);
//! let slot: Slot<'static> = serde_json::from_str(&text).unwrap();
//! drop(text);
//! assert_eq!(slot.status.unwrap().as_str(), "free");
//! ```

pub mod build;
pub mod bundle;
pub mod datatypes;
// The readers' plumbing: public only because the macro-generated models of
// other crates (int-r03's Appointment) implement its traits; not API.
#[doc(hidden)]
pub mod de;
pub mod extension;
mod generated;
mod macros;
mod memo;
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
pub fn parse_resource(src: &str) -> Result<(Resource<'_>, Cx<'_>), JsonError> {
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
