//! Extension and its `value[x]` choice.

use serde::ser::SerializeMap as _;
use serde::{Serialize, Serializer};

use super::de::{Cx, Field as _, FromJson, NoteKind, RawElement, read_other, read_value};
use super::*;
use crate::json::{JsonError, Kind, Reader, Span};

/// The `value[x]` of an extension. Types this crate does not model are kept raw.
///
/// ```
/// use fr_fhir_core::model::{Extension, Value};
/// let ext: Extension<'static> = serde_json::from_str(r#"{"url":"u","valueCode":"AMB"}"#).unwrap();
/// let Some(Value::Code(code)) = &ext.value else { unreachable!() };
/// assert_eq!(code.as_str(), "AMB");
/// assert_eq!(ext.value.as_ref().map(|v| v.key()), Some("valueCode"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum Value<'a> {
    Base64Binary(Base64Binary<'a>),
    Boolean(Boolean<'a>),
    Canonical(Canonical<'a>),
    Code(Code<'a>),
    Date(Date<'a>),
    DateTime(DateTime<'a>),
    Decimal(Decimal<'a>),
    Id(Id<'a>),
    Instant(Instant<'a>),
    Integer(Integer<'a>),
    Markdown(Markdown<'a>),
    Oid(Oid<'a>),
    PositiveInt(PositiveInt<'a>),
    String(FhirString<'a>),
    Time(Time<'a>),
    UnsignedInt(UnsignedInt<'a>),
    Uri(Uri<'a>),
    Url(Url<'a>),
    Uuid(Uuid<'a>),
    Address(Box<Address<'a>>),
    CodeableConcept(Box<CodeableConcept<'a>>),
    Coding(Box<Coding<'a>>),
    ContactPoint(Box<ContactPoint<'a>>),
    HumanName(Box<HumanName<'a>>),
    Identifier(Box<Identifier<'a>>),
    Period(Box<Period<'a>>),
    Reference(Box<Reference<'a>>),
    /// Another R4 type (Quantity, Attachment, Duration...), kept as raw JSON.
    Other(RawElement<'a>),
}

/// R4 `value[x]` type suffixes that are valid but not modeled (kept raw).
const OTHER_VALUE_TYPES: &[&str] = &[
    "valueAge",
    "valueAnnotation",
    "valueAttachment",
    "valueContactDetail",
    "valueContributor",
    "valueCount",
    "valueDataRequirement",
    "valueDistance",
    "valueDosage",
    "valueDuration",
    "valueExpression",
    "valueMeta",
    "valueMoney",
    "valueParameterDefinition",
    "valueQuantity",
    "valueRange",
    "valueRatio",
    "valueRelatedArtifact",
    "valueSampledData",
    "valueSignature",
    "valueTiming",
    "valueTriggerDefinition",
    "valueUsageContext",
];

/// Primitive `value[x]` keys (they may have a `_valueX` sibling).
const PRIMITIVE_VALUE_KEYS: &[&str] = &[
    "valueBase64Binary",
    "valueBoolean",
    "valueCanonical",
    "valueCode",
    "valueDate",
    "valueDateTime",
    "valueDecimal",
    "valueId",
    "valueInstant",
    "valueInteger",
    "valueMarkdown",
    "valueOid",
    "valuePositiveInt",
    "valueString",
    "valueTime",
    "valueUnsignedInt",
    "valueUri",
    "valueUrl",
    "valueUuid",
];

impl Value<'_> {
    /// The JSON key (`valueReference`...).
    pub fn key(&self) -> &str {
        match self {
            Value::Base64Binary(_) => "valueBase64Binary",
            Value::Boolean(_) => "valueBoolean",
            Value::Canonical(_) => "valueCanonical",
            Value::Code(_) => "valueCode",
            Value::Date(_) => "valueDate",
            Value::DateTime(_) => "valueDateTime",
            Value::Decimal(_) => "valueDecimal",
            Value::Id(_) => "valueId",
            Value::Instant(_) => "valueInstant",
            Value::Integer(_) => "valueInteger",
            Value::Markdown(_) => "valueMarkdown",
            Value::Oid(_) => "valueOid",
            Value::PositiveInt(_) => "valuePositiveInt",
            Value::String(_) => "valueString",
            Value::Time(_) => "valueTime",
            Value::UnsignedInt(_) => "valueUnsignedInt",
            Value::Uri(_) => "valueUri",
            Value::Url(_) => "valueUrl",
            Value::Uuid(_) => "valueUuid",
            Value::Address(_) => "valueAddress",
            Value::CodeableConcept(_) => "valueCodeableConcept",
            Value::Coding(_) => "valueCoding",
            Value::ContactPoint(_) => "valueContactPoint",
            Value::HumanName(_) => "valueHumanName",
            Value::Identifier(_) => "valueIdentifier",
            Value::Period(_) => "valuePeriod",
            Value::Reference(_) => "valueReference",
            Value::Other(raw) => raw.name.as_str(),
        }
    }

    /// The reference, when this is a `valueReference`.
    pub fn as_reference(&self) -> Option<&Reference<'_>> {
        match self {
            Value::Reference(r) => Some(r),
            _ => None,
        }
    }

    /// Detaches the value from the input.
    pub fn into_owned(self) -> Value<'static> {
        use super::IntoOwned as _;
        match self {
            Value::Base64Binary(x) => Value::Base64Binary(x.into_owned()),
            Value::Boolean(x) => Value::Boolean(x.into_owned()),
            Value::Canonical(x) => Value::Canonical(x.into_owned()),
            Value::Code(x) => Value::Code(x.into_owned()),
            Value::Date(x) => Value::Date(x.into_owned()),
            Value::DateTime(x) => Value::DateTime(x.into_owned()),
            Value::Decimal(x) => Value::Decimal(x.into_owned()),
            Value::Id(x) => Value::Id(x.into_owned()),
            Value::Instant(x) => Value::Instant(x.into_owned()),
            Value::Integer(x) => Value::Integer(x.into_owned()),
            Value::Markdown(x) => Value::Markdown(x.into_owned()),
            Value::Oid(x) => Value::Oid(x.into_owned()),
            Value::PositiveInt(x) => Value::PositiveInt(x.into_owned()),
            Value::String(x) => Value::String(x.into_owned()),
            Value::Time(x) => Value::Time(x.into_owned()),
            Value::UnsignedInt(x) => Value::UnsignedInt(x.into_owned()),
            Value::Uri(x) => Value::Uri(x.into_owned()),
            Value::Url(x) => Value::Url(x.into_owned()),
            Value::Uuid(x) => Value::Uuid(x.into_owned()),
            Value::Address(x) => Value::Address(x.into_owned()),
            Value::CodeableConcept(x) => Value::CodeableConcept(x.into_owned()),
            Value::Coding(x) => Value::Coding(x.into_owned()),
            Value::ContactPoint(x) => Value::ContactPoint(x.into_owned()),
            Value::HumanName(x) => Value::HumanName(x.into_owned()),
            Value::Identifier(x) => Value::Identifier(x.into_owned()),
            Value::Period(x) => Value::Period(x.into_owned()),
            Value::Reference(x) => Value::Reference(x.into_owned()),
            Value::Other(x) => Value::Other(x.into_owned()),
        }
    }
}

/// An extension: `url` plus a value or nested extensions.
///
/// ```
/// use fr_fhir_core::model::{Extension, Reference, Uri, FhirString, Value};
/// let ext = Extension {
///     url: Some(Uri::new("http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType")),
///     value: Some(Value::Reference(Box::new(Reference {
///         reference: Some(FhirString::new("HealthcareService/cpts-1")),
///         ..Default::default()
///     }))),
///     ..Default::default()
/// };
/// let json = serde_json::to_string(&ext).unwrap();
/// assert!(json.contains(r#""valueReference":{"reference":"HealthcareService/cpts-1"}"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extension<'a> {
    /// Element id.
    pub id: Option<FhirString<'a>>,
    /// Nested extensions (complex extension).
    pub extension: Vec<Extension<'a>>,
    /// Identifies the meaning of the extension.
    pub url: Option<Uri<'a>>,
    /// `value[x]`.
    pub value: Option<Value<'a>>,
    /// Span of the value (`valueReference`'s object...).
    pub value_span: Span,
    /// Span of the JSON object.
    pub span: Span,
    /// Unknown elements, extra `value[x]` and `_x` siblings.
    pub extras: super::de::Extras<'a>,
}

impl Extension<'_> {
    /// Detaches the extension from the input (see [`IntoOwned`]).
    pub fn into_owned(self) -> Extension<'static> {
        Extension {
            id: IntoOwned::into_owned(self.id),
            extension: IntoOwned::into_owned(self.extension),
            url: IntoOwned::into_owned(self.url),
            value: self.value.map(Value::into_owned),
            value_span: self.value_span,
            span: self.span,
            extras: self.extras.into_owned(),
        }
    }
}

impl IntoOwned for Extension<'_> {
    type Owned = Extension<'static>;
    fn into_owned(self) -> Self::Owned {
        Extension::into_owned(self)
    }
}

impl IntoOwned for Value<'_> {
    type Owned = Value<'static>;
    fn into_owned(self) -> Self::Owned {
        Value::into_owned(self)
    }
}

super::owned::deserialize_owned!(Extension);

fn read_choice<'a, T: FromJson<'a>>(
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
    wrap: fn(T) -> Value<'a>,
) -> Result<(Option<Value<'a>>, Span), JsonError> {
    r.peek()?;
    let start = r.pos32();
    let v = read_value::<T>(r, cx, None)?.map(wrap);
    Ok((v, Span::new(start, r.pos32())))
}

impl<'a> FromJson<'a> for Extension<'a> {
    const EXPECTED: Kind = Kind::Object;

    fn read(r: &mut Reader<'a>, cx: &mut Cx<'a>) -> Result<Option<Self>, JsonError> {
        let mut obj = r.object()?;
        let start = obj.start();
        let mark = cx.mark();
        let mut out = Extension::default();
        let mut empty = true;
        while let Some((key, _)) = r.next_key(&mut obj)? {
            empty = false;
            let k: &str = &key;
            let choice = match k {
                "id" => {
                    out.id.read_field("id", r, cx)?;
                    continue;
                }
                "extension" => {
                    out.extension.read_field("extension", r, cx)?;
                    continue;
                }
                "url" => {
                    out.url.read_field("url", r, cx)?;
                    continue;
                }
                "valueBase64Binary" => read_choice(r, cx, Value::Base64Binary)?,
                "valueBoolean" => read_choice(r, cx, Value::Boolean)?,
                "valueCanonical" => read_choice(r, cx, Value::Canonical)?,
                "valueCode" => read_choice(r, cx, Value::Code)?,
                "valueDate" => read_choice(r, cx, Value::Date)?,
                "valueDateTime" => read_choice(r, cx, Value::DateTime)?,
                "valueDecimal" => read_choice(r, cx, Value::Decimal)?,
                "valueId" => read_choice(r, cx, Value::Id)?,
                "valueInstant" => read_choice(r, cx, Value::Instant)?,
                "valueInteger" => read_choice(r, cx, Value::Integer)?,
                "valueMarkdown" => read_choice(r, cx, Value::Markdown)?,
                "valueOid" => read_choice(r, cx, Value::Oid)?,
                "valuePositiveInt" => read_choice(r, cx, Value::PositiveInt)?,
                "valueString" => read_choice(r, cx, Value::String)?,
                "valueTime" => read_choice(r, cx, Value::Time)?,
                "valueUnsignedInt" => read_choice(r, cx, Value::UnsignedInt)?,
                "valueUri" => read_choice(r, cx, Value::Uri)?,
                "valueUrl" => read_choice(r, cx, Value::Url)?,
                "valueUuid" => read_choice(r, cx, Value::Uuid)?,
                "valueAddress" => read_choice(r, cx, |v| Value::Address(Box::new(v)))?,
                "valueCodeableConcept" => {
                    read_choice(r, cx, |v| Value::CodeableConcept(Box::new(v)))?
                }
                "valueCoding" => read_choice(r, cx, |v| Value::Coding(Box::new(v)))?,
                "valueContactPoint" => read_choice(r, cx, |v| Value::ContactPoint(Box::new(v)))?,
                "valueHumanName" => read_choice(r, cx, |v| Value::HumanName(Box::new(v)))?,
                "valueIdentifier" => read_choice(r, cx, |v| Value::Identifier(Box::new(v)))?,
                "valuePeriod" => read_choice(r, cx, |v| Value::Period(Box::new(v)))?,
                "valueReference" => read_choice(r, cx, |v| Value::Reference(Box::new(v)))?,
                other if OTHER_VALUE_TYPES.contains(&other) => {
                    let (json, span) = r.raw_value()?;
                    (
                        Some(Value::Other(RawElement {
                            name: key.clone(),
                            json: json.into(),
                            span,
                        })),
                        span,
                    )
                }
                _ => {
                    read_other(
                        key,
                        "Extension",
                        PRIMITIVE_VALUE_KEYS,
                        &[],
                        r,
                        cx,
                        &mut out.extras,
                    )?;
                    continue;
                }
            };
            let (value, vspan) = choice;
            match value {
                Some(v) if out.value.is_none() => {
                    out.value = Some(v);
                    out.value_span = vspan;
                }
                Some(_) => {
                    // ext-1 allows one value[x]: keep the first, record the second.
                    cx.note(NoteKind::DuplicateKey { name: key.to_string() }, vspan);
                    let json = vspan.slice(r.source()).unwrap_or_default();
                    out.extras.data_mut().raw.push(RawElement {
                        name: key,
                        json: json.into(),
                        span: vspan,
                    });
                }
                None => {}
            }
        }
        out.span = Span::new(start, r.pos32());
        if empty {
            cx.note(NoteKind::EmptyObject, out.span);
        }
        cx.finish_object(mark, &out.extras);
        Ok(Some(out))
    }
}

impl Serialize for Extension<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        if let Some(id) = &self.id {
            map.serialize_entry("id", id)?;
        }
        if !self.extension.is_empty() {
            map.serialize_entry("extension", &self.extension)?;
        }
        if let Some(url) = &self.url {
            map.serialize_entry("url", url)?;
        }
        if let Some(v) = &self.value {
            let key = v.key();
            match v {
                Value::Base64Binary(x) => map.serialize_entry(key, x)?,
                Value::Boolean(x) => map.serialize_entry(key, x)?,
                Value::Canonical(x) => map.serialize_entry(key, x)?,
                Value::Code(x) => map.serialize_entry(key, x)?,
                Value::Date(x) => map.serialize_entry(key, x)?,
                Value::DateTime(x) => map.serialize_entry(key, x)?,
                Value::Decimal(x) => map.serialize_entry(key, x)?,
                Value::Id(x) => map.serialize_entry(key, x)?,
                Value::Instant(x) => map.serialize_entry(key, x)?,
                Value::Integer(x) => map.serialize_entry(key, x)?,
                Value::Markdown(x) => map.serialize_entry(key, x)?,
                Value::Oid(x) => map.serialize_entry(key, x)?,
                Value::PositiveInt(x) => map.serialize_entry(key, x)?,
                Value::String(x) => map.serialize_entry(key, x)?,
                Value::Time(x) => map.serialize_entry(key, x)?,
                Value::UnsignedInt(x) => map.serialize_entry(key, x)?,
                Value::Uri(x) => map.serialize_entry(key, x)?,
                Value::Url(x) => map.serialize_entry(key, x)?,
                Value::Uuid(x) => map.serialize_entry(key, x)?,
                Value::Address(x) => map.serialize_entry(key, x)?,
                Value::CodeableConcept(x) => map.serialize_entry(key, x)?,
                Value::Coding(x) => map.serialize_entry(key, x)?,
                Value::ContactPoint(x) => map.serialize_entry(key, x)?,
                Value::HumanName(x) => map.serialize_entry(key, x)?,
                Value::Identifier(x) => map.serialize_entry(key, x)?,
                Value::Period(x) => map.serialize_entry(key, x)?,
                Value::Reference(x) => map.serialize_entry(key, x)?,
                Value::Other(raw) => {
                    match serde_json::from_str::<&serde_json::value::RawValue>(&raw.json) {
                        Ok(v) => map.serialize_entry(key, v)?,
                        Err(_) => map.serialize_entry(key, raw.json.as_str())?,
                    }
                }
            }
        }
        super::ser::write_extras(&mut map, &self.extras)?;
        map.end()
    }
}
