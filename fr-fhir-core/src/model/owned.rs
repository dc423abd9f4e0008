//! Owned data: every model detaches from the text it was read from
//! (`into_owned()` gives the `'static` form), so parsed data can outlive its
//! source, be stored, cached and sent to another thread.
//!
//! Reading stays zero-copy: the one parser (the streaming [`Reader`]) reads
//! borrowed models, and [`parse_owned`] copies each borrowed string once
//! afterwards. The `'static` forms also implement `serde::Deserialize`
//! (through the same reader), for a model inside a user's own serde type.
//!
//! ```
//! use fr_fhir_core::model::{Bundle, Resource};
//! let text = String::from(r#"{"resourceType":"Bundle","type":"searchset","total":1,
//!   "entry":[{"resource":{"resourceType":"Slot","id":"s1","status":"free"}}]}"#);
//! let bundle: Bundle<'static> = Bundle::parse_owned(&text)?;
//! drop(text); // the Bundle no longer borrows it
//! let handle = std::thread::spawn(move || bundle.entry.len());
//! assert_eq!(handle.join().ok(), Some(1));
//! # Ok::<(), fr_fhir_core::json::JsonError>(())
//! ```
//!
//! The borrowed form cannot outlive its text (E0505), which is what
//! `into_owned` is for:
//!
//! ```compile_fail,E0505
//! use fr_fhir_core::model::parse_resource;
//! let text = String::from(r#"{"resourceType":"Slot","status":"free"}"#);
//! let (slot, _) = parse_resource(&text).unwrap();
//! drop(text);
//! println!("{slot:?}");
//! ```

use super::de::{Cx, FromJson};
use super::prim::Prim;
use crate::json::{JsonError, JsonErrorKind, Kind, Reader, Str};

/// A value that can be detached from the text it borrows from.
///
/// Implemented by every model (resources, datatypes, backbone elements,
/// [`Extension`](super::Extension), [`Resource`](super::Resource),
/// [`Bundle`](super::Bundle) and its entries), by primitives and by
/// `Option`, `Vec` and `Box` of them. Each model also has an inherent
/// `into_owned` method, so the trait need not be imported.
///
/// ```
/// use fr_fhir_core::model::{Coding, IntoOwned};
/// fn detach<T: IntoOwned>(v: T) -> T::Owned { v.into_owned() }
/// let system = String::from("https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau");
/// let coding: Coding<'static> = detach(Coding::of(system.as_str(), "PUBLIC"));
/// drop(system);
/// assert_eq!(coding.code.unwrap().as_str(), "PUBLIC");
/// ```
pub trait IntoOwned {
    /// The same value, borrowing nothing.
    type Owned: 'static;
    /// Copies every borrowed string; spans and notes are kept as they were.
    fn into_owned(self) -> Self::Owned;
}

impl<T: IntoOwned> IntoOwned for Option<T> {
    type Owned = Option<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.map(T::into_owned)
    }
}

impl<T: IntoOwned> IntoOwned for Vec<T> {
    type Owned = Vec<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.into_iter().map(T::into_owned).collect()
    }
}

impl<T: IntoOwned> IntoOwned for Box<T> {
    type Owned = Box<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        Box::new(T::into_owned(*self))
    }
}

impl IntoOwned for Str<'_> {
    type Owned = Str<'static>;
    // `Self::Owned` would also name the variant `Str::Owned`.
    fn into_owned(self) -> Str<'static> {
        Str::into_owned(self)
    }
}

impl<K: 'static> IntoOwned for Prim<'_, K> {
    type Owned = Prim<'static, K>;
    fn into_owned(self) -> Self::Owned {
        Prim::into_owned(self)
    }
}

/// Reads a whole document as one `T` (a model, [`Resource`](super::Resource),
/// a primitive...) and detaches it from `src`: the value and the parse notes
/// (unknown elements, lexical errors... as [`parse_resource`](super::parse_resource)
/// gives them, spans into `src`).
///
/// The error is the reader's: JSON syntax, a value of another JSON kind
/// than `T`'s (an array for an object...), trailing text.
///
/// ```
/// use fr_fhir_core::model::{parse_owned, Slot};
/// let text = String::from(r#"{"resourceType":"Slot","status":"free","foo":1}"#);
/// let (slot, notes) = parse_owned::<Slot>(&text)?;
/// drop(text);
/// let slot: Slot<'static> = slot;
/// assert_eq!(slot.status.unwrap().as_str(), "free");
/// assert_eq!(notes.notes.len(), 1); // `foo` is not an element of Slot
/// assert!(parse_owned::<Slot>("[1]").is_err());
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
pub fn parse_owned<'a, T: FromJson<'a> + IntoOwned>(
    src: &'a str,
) -> Result<(T::Owned, Cx<'static>), JsonError> {
    let mut r = Reader::new(src);
    let mut cx = Cx::default();
    let kind = r.peek()?;
    let start = r.pos32();
    let value = if kind == T::EXPECTED { T::read(&mut r, &mut cx)? } else { None };
    let Some(value) = value else {
        // The models' readers reject another JSON kind themselves; this is
        // for the primitives, whose reader trusts the caller.
        let found = src.get(start as usize..).and_then(|s| s.chars().next()).unwrap_or(' ');
        return Err(JsonError {
            kind: JsonErrorKind::Unexpected { found, expected: expected(T::EXPECTED) },
            offset: start as usize,
        });
    };
    r.finish()?;
    Ok((value.into_owned(), cx.detach()))
}

/// The words of [`JsonErrorKind::Unexpected`] for a value of `kind`.
fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Object => "'{'",
        Kind::Array => "'['",
        Kind::String => "a string",
        Kind::Number => "a number",
        Kind::Bool => "true or false",
        Kind::Null => "null",
    }
}

/// `serde::Deserialize` for the `'static` form of models: the JSON text of
/// the value is read by the model's own reader (as [`parse_owned`] does), so
/// primitives keep their text and nothing is read twice by two parsers. The
/// notes are dropped (use [`parse_owned`] to get them); spans point into
/// the value's own JSON text.
macro_rules! deserialize_owned {
    ($($name:ident),* $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $name<'static> {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <Box<serde_json::value::RawValue> as serde::Deserialize>::deserialize(d)?;
                $crate::model::owned::parse_owned::<$name<'_>>(raw.get())
                    .map(|(value, _notes)| value)
                    .map_err(serde::de::Error::custom)
            }
        }
    )*};
}

pub(crate) use deserialize_owned;

impl<'de, K: super::PrimitiveType + 'static> serde::Deserialize<'de> for Prim<'static, K> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <Box<serde_json::value::RawValue> as serde::Deserialize>::deserialize(d)?;
        parse_owned::<Prim<'_, K>>(raw.get())
            .map(|(value, _notes)| value)
            .map_err(serde::de::Error::custom)
    }
}
