//! FHIR primitive values: the original text, its span, and its type as a marker.

use std::fmt;
use std::marker::PhantomData;

use serde::{Serialize, Serializer};

use super::Element;
use super::de::{Cx, FromJson, NoteKind, read_value};
use crate::json::{JsonError, Kind, Reader, Span, Str};
use crate::primitives::{self, PrimitiveKind};

/// Marker trait of the FHIR primitive types: the FHIR type and the JSON kind
/// of a [`Prim`]'s `K`.
///
/// ```
/// use fr_fhir_core::json::Kind;
/// use fr_fhir_core::model::{kinds, PrimitiveType};
/// assert_eq!(kinds::PositiveInt::JSON, Kind::Number);
/// assert_eq!(kinds::Code::JSON, Kind::String);
/// ```
pub trait PrimitiveType {
    /// The FHIR type.
    const KIND: PrimitiveKind;
    /// The JSON kind carrying it.
    const JSON: Kind;
}

/// The primitive type a model field of this type reads a single value as,
/// checking each value against it as it reads (a failure is a note): the
/// structural walk leaves that check to the reader on a resource the reader
/// read without a note (`conformance::walk`, `Entry::model_checked`).
pub(crate) trait SingleKind {
    /// `Some` for a 0..1 primitive.
    const SINGLE: Option<PrimitiveKind> = None;
}

impl<T: ItemKind> SingleKind for Option<T> {
    const SINGLE: Option<PrimitiveKind> = T::ITEM;
}

impl<T> SingleKind for Vec<T> {}

/// What a model field's item type is as far as [`SingleKind`] is concerned:
/// a primitive of one type, or anything else.
pub(crate) trait ItemKind {
    /// `Some` for a primitive.
    const ITEM: Option<PrimitiveKind> = None;
}

impl<K: PrimitiveType> ItemKind for Prim<'_, K> {
    const ITEM: Option<PrimitiveKind> = Some(K::KIND);
}

impl<T> ItemKind for Box<T> {}

/// A FHIR primitive value as written: the text is kept (decimals never pass
/// through `f64`, instants keep their offset and precision), checked against
/// the FHIR lexical rule while reading (a failure is a note, not an error).
///
/// ```
/// use fr_fhir_core::model::{Instant, Code};
/// let start = Instant::new("2026-11-26T09:00:00.000+01:00");
/// assert_eq!(start.as_str(), "2026-11-26T09:00:00.000+01:00");
/// assert!(start.is_valid());
/// assert!(!Code::new(" free").is_valid());
/// ```
pub struct Prim<'a, K> {
    /// The text as written (for numbers and booleans: the JSON literal).
    pub text: Str<'a>,
    /// Span of the JSON value (quotes included for strings).
    pub span: Span,
    kind: PhantomData<fn() -> K>,
}

impl<'a, K: PrimitiveType> Prim<'a, K> {
    /// A value built in code (span empty).
    pub fn new(text: impl Into<Str<'a>>) -> Self {
        Prim { text: text.into(), span: Span::default(), kind: PhantomData }
    }

    /// A value read at `span`.
    pub fn at(text: Str<'a>, span: Span) -> Self {
        Prim { text, span, kind: PhantomData }
    }

    /// True when the text follows the FHIR lexical rule of `K`.
    pub fn is_valid(&self) -> bool {
        primitives::check(K::KIND, self.as_str()).is_ok()
    }

    /// The FHIR type.
    pub fn kind(&self) -> PrimitiveKind {
        K::KIND
    }
}

impl<K> Clone for Prim<'_, K> {
    fn clone(&self) -> Self {
        Prim { text: self.text.clone(), span: self.span, kind: PhantomData }
    }
}

impl<K> PartialEq for Prim<'_, K> {
    /// The texts are compared, whether borrowed or owned (`Str`'s own
    /// equality tells `Borrowed` from `Owned`): a value equals its
    /// [`Prim::into_owned`].
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl<K> fmt::Debug for Prim<'_, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl<K> fmt::Display for Prim<'_, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text.as_str())
    }
}

impl<K> PartialEq<str> for Prim<'_, K> {
    fn eq(&self, other: &str) -> bool {
        self.text.as_str() == other
    }
}

impl<K> PartialEq<&str> for Prim<'_, K> {
    fn eq(&self, other: &&str) -> bool {
        self.text.as_str() == *other
    }
}

impl<'a, K: PrimitiveType> FromJson<'a> for Prim<'a, K> {
    const EXPECTED: Kind = K::JSON;
    const PRIMITIVE: bool = true;

    #[inline]
    fn read(r: &mut Reader<'a>, cx: &mut Cx<'a>) -> Result<Option<Self>, JsonError> {
        Self::read_inline(r, cx)
    }

    /// The common case read where the field is: a value of the right JSON
    /// kind; anything else goes through [`read_value`] (notes).
    #[inline(always)]
    fn read_opt(
        out: &mut Option<Self>,
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
    ) -> Result<(), JsonError> {
        *out =
            if r.peek()? == K::JSON { Self::read_inline(r, cx)? } else { read_value(r, cx, None)? };
        Ok(())
    }
}

impl<'a, K: PrimitiveType> Prim<'a, K> {
    #[inline(always)]
    fn read_inline(r: &mut Reader<'a>, cx: &mut Cx<'a>) -> Result<Option<Self>, JsonError> {
        let (text, span) = match K::JSON {
            Kind::Number => {
                let (t, s) = r.number()?;
                (Str::Borrowed(t), s)
            }
            Kind::Bool => {
                let (b, s) = r.boolean()?;
                (Str::Borrowed(if b { "true" } else { "false" }), s)
            }
            _ => r.string()?,
        };
        if K::JSON == Kind::String && text.is_empty() {
            cx.note(NoteKind::EmptyString, span);
        } else if let Err(e) = primitives::check(K::KIND, text.as_str()) {
            cx.note(NoteKind::Primitive(e), span);
        }
        Ok(Some(Prim::at(text, span)))
    }
}

impl<K: PrimitiveType> Serialize for Prim<'_, K> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match K::JSON {
            Kind::Bool => s.serialize_bool(self.text.as_str() == "true"),
            Kind::Number => {
                match serde_json::from_str::<&serde_json::value::RawValue>(self.as_str()) {
                    Ok(raw) => raw.serialize(s),
                    Err(_) => s.serialize_str(self.as_str()),
                }
            }
            _ => s.serialize_str(self.as_str()),
        }
    }
}

impl<K> Prim<'_, K> {
    /// The text (whatever the FHIR type: reading it needs no knowledge of
    /// the type).
    ///
    /// ```
    /// use fr_fhir_core::model::FhirString;
    /// assert_eq!(FhirString::new("texte").as_str(), "texte");
    /// ```
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Detaches the value from the input.
    ///
    /// ```
    /// use fr_fhir_core::model::Instant;
    /// let text = String::from("2026-11-26T09:00:00.000+01:00");
    /// let start: Instant<'static> = Instant::new(text.as_str()).into_owned();
    /// drop(text);
    /// assert_eq!(start, Instant::new("2026-11-26T09:00:00.000+01:00"));
    /// ```
    pub fn into_owned(self) -> Prim<'static, K> {
        Prim { text: self.text.into_owned(), span: self.span, kind: PhantomData }
    }
}

impl Prim<'_, kinds::Boolean> {
    /// The boolean value.
    pub fn value(&self) -> bool {
        self.text.as_str() == "true"
    }
}

macro_rules! integer_value {
    ($($marker:ident),*) => {$(
        impl Prim<'_, kinds::$marker> {
            /// The integer value, when it is one within `i64`.
            pub fn value(&self) -> Option<i64> {
                self.text.as_str().parse().ok()
            }
        }
    )*};
}
integer_value!(Integer, PositiveInt, UnsignedInt);

macro_rules! primitive_types {
    ($($(#[$doc:meta])* $alias:ident => $kind:ident ($variant:ident), $json:ident, $example:literal;)*) => {
        /// Marker types of the FHIR primitive types (the `K` of [`Prim`]).
        ///
        /// ```
        /// use fr_fhir_core::model::{kinds, Prim, PrimitiveType};
        /// use fr_fhir_core::primitives::PrimitiveKind;
        /// assert_eq!(kinds::Instant::KIND, PrimitiveKind::Instant);
        /// let start: Prim<'_, kinds::Instant> = Prim::new("2026-11-26T09:00:00.000+01:00");
        /// assert!(start.is_valid());
        /// ```
        pub mod kinds {
            $(
                $(#[$doc])*
                ///
                /// ```
                #[doc = concat!("use fr_fhir_core::model::{kinds, PrimitiveType};")]
                #[doc = concat!("assert_eq!(kinds::", stringify!($kind), "::KIND, fr_fhir_core::primitives::PrimitiveKind::", stringify!($variant), ");")]
                /// ```
                #[derive(Debug, Clone, Copy)]
                pub struct $kind;
                impl super::PrimitiveType for $kind {
                    const KIND: crate::primitives::PrimitiveKind = crate::primitives::PrimitiveKind::$variant;
                    const JSON: crate::json::Kind = crate::json::Kind::$json;
                }
            )*
        }
        $(
            $(#[$doc])*
            ///
            /// ```
            #[doc = concat!("use fr_fhir_core::model::", stringify!($alias), ";")]
            #[doc = concat!("let v = ", stringify!($alias), "::new(", stringify!($example), ");")]
            /// assert!(v.is_valid());
            #[doc = concat!("assert_eq!(v.as_str(), ", stringify!($example), ");")]
            /// ```
            pub type $alias<'a> = Prim<'a, kinds::$kind>;
        )*
    };
}

primitive_types! {
    /// FHIR `boolean`.
    Boolean => Boolean (Boolean), Bool, "true";
    /// FHIR `integer`.
    Integer => Integer (Integer), Number, "-3";
    /// FHIR `positiveInt`.
    PositiveInt => PositiveInt (PositiveInt), Number, "1";
    /// FHIR `unsignedInt`.
    UnsignedInt => UnsignedInt (UnsignedInt), Number, "0";
    /// FHIR `decimal` (text kept exactly).
    Decimal => Decimal (Decimal), Number, "1.50";
    /// FHIR `string`.
    FhirString => String (String), String, "Cabinet Paul Bert";
    /// FHIR `markdown`.
    Markdown => Markdown (Markdown), String, "Consultation *sans* rendez-vous";
    /// FHIR `code`.
    Code => Code (Code), String, "free";
    /// FHIR `id`.
    Id => Id (Id), String, "slot-1";
    /// FHIR `uri`.
    Uri => Uri (Uri), String, "urn:oid:1.2.250.1.71.4.2.1";
    /// FHIR `url`.
    Url => Url (Url), String, "https://agenda.exemple.fr/rdv/42";
    /// FHIR `canonical`.
    Canonical => Canonical (Canonical), String, "http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur";
    /// FHIR `oid`.
    Oid => Oid (Oid), String, "urn:oid:1.2.250.1.71.4.2.1";
    /// FHIR `uuid`.
    Uuid => Uuid (Uuid), String, "urn:uuid:c757873d-ec9a-4326-a141-556f43239520";
    /// FHIR `base64Binary`.
    Base64Binary => Base64Binary (Base64Binary), String, "U0FT";
    /// FHIR `instant`.
    Instant => Instant (Instant), String, "2026-11-26T09:00:00.000+01:00";
    /// FHIR `dateTime`.
    DateTime => DateTime (DateTime), String, "2026-11-26T09:00:00+01:00";
    /// FHIR `date`.
    Date => Date (Date), String, "2026-11-26";
    /// FHIR `time`.
    Time => Time (Time), String, "09:00:00";
    /// Narrative `div` (XHTML; only its JSON form is checked).
    Xhtml => Xhtml (String), String, "<div xmlns=\"http://www.w3.org/1999/xhtml\">Créneau</div>";
}

/// The `_x` sibling of a primitive element: its id and extensions.
///
/// ```
/// use fr_fhir_core::model::{parse_resource, PrimExtValue, Resource};
/// let src = r#"{"resourceType":"Slot","status":"free","_status":{"id":"s"}}"#;
/// let Resource::Slot(slot) = parse_resource(src)?.0 else { unreachable!() };
/// let sibling = &slot.extras.prim_ext()[0];
/// assert_eq!(sibling.name, "status");
/// assert!(matches!(&sibling.value, PrimExtValue::One(e) if e.id.as_ref().is_some_and(|i| i == "s")));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PrimExt<'a> {
    /// The element name (without `_`).
    pub name: &'static str,
    /// One element, or one per item of the primitive array (`null` where none).
    pub value: PrimExtValue<'a>,
}

/// Value of a `_x` sibling: one [`Element`] for a 0..1 primitive, one per
/// item (`None` for a `null`) for a 0..* primitive.
///
/// ```
/// use fr_fhir_core::model::{parse_resource, PrimExtValue, Resource};
/// let src = r#"{"resourceType":"Slot","status":"free","_status":{"id":"s"}}"#;
/// let Resource::Slot(slot) = parse_resource(src)?.0 else { unreachable!() };
/// let PrimExtValue::One(element) = &slot.extras.prim_ext()[0].value else { unreachable!() };
/// assert_eq!(serde_json::to_string(element).unwrap(), r#"{"id":"s"}"#);
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum PrimExtValue<'a> {
    /// For a 0..1 primitive.
    One(Element<'a>),
    /// For a 0..* primitive: aligned with the value array.
    Many(Vec<Option<Element<'a>>>),
}

impl<'a> PrimExt<'a> {
    pub(crate) fn read(
        name: &'static str,
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
    ) -> Result<Option<Self>, JsonError> {
        match r.peek()? {
            Kind::Array => {
                let mut arr = r.array()?;
                let mut items = Vec::new();
                while r.next_item(&mut arr)?.is_some() {
                    if r.peek()? == Kind::Null {
                        r.null()?;
                        items.push(None);
                    } else {
                        items.push(read_value::<Element<'a>>(r, cx, None)?);
                    }
                }
                Ok(Some(PrimExt { name, value: PrimExtValue::Many(items) }))
            }
            _ => Ok(read_value::<Element<'a>>(r, cx, None)?
                .map(|e| PrimExt { name, value: PrimExtValue::One(e) })),
        }
    }
}

impl PrimExt<'_> {
    /// Detaches the value from the input.
    pub fn into_owned(self) -> PrimExt<'static> {
        PrimExt { name: self.name, value: self.value.into_owned() }
    }
}

impl PrimExtValue<'_> {
    /// Detaches the value from the input.
    pub fn into_owned(self) -> PrimExtValue<'static> {
        use super::IntoOwned as _;
        match self {
            PrimExtValue::One(e) => PrimExtValue::One(e.into_owned()),
            PrimExtValue::Many(v) => PrimExtValue::Many(v.into_owned()),
        }
    }
}

impl super::IntoOwned for PrimExt<'_> {
    type Owned = PrimExt<'static>;
    fn into_owned(self) -> Self::Owned {
        PrimExt::into_owned(self)
    }
}

impl Serialize for PrimExtValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PrimExtValue::One(e) => e.serialize(s),
            PrimExtValue::Many(v) => v.serialize(s),
        }
    }
}
