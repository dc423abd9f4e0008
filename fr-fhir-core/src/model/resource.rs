//! Any resource: dispatch on `resourceType`, wherever it stands in the object.

use serde::{Serialize, Serializer};

use super::de::{Cx, FromJson, NoteKind};
use super::*;
use crate::json::{JsonError, Kind, Obj, Reader, Span, Str};

/// A resource whose type this crate does not model, kept as its raw JSON.
///
/// ```
/// use fr_fhir_core::model::{parse_resource, Resource};
/// let src = r#"{"resourceType":"Patient","id":"p"}"#;
/// let Resource::Other(raw) = parse_resource(src)?.0 else { unreachable!() };
/// assert_eq!(raw.resource_type.as_str(), "Patient");
/// assert_eq!(raw.json.as_str(), src);
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone)]
pub struct OtherResource<'a> {
    /// `resourceType` as written (empty when missing).
    pub resource_type: Str<'a>,
    /// The exact JSON text (borrowed from the input, owned after
    /// [`OtherResource::into_owned`]).
    pub json: Str<'a>,
    /// Its span.
    pub span: Span,
}

/// The texts are compared, whether borrowed or owned.
impl PartialEq for OtherResource<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.resource_type.as_str() == other.resource_type.as_str()
            && self.json.as_str() == other.json.as_str()
            && self.span == other.span
    }
}

impl Eq for OtherResource<'_> {}

impl OtherResource<'_> {
    /// Detaches the resource from the input.
    pub fn into_owned(self) -> OtherResource<'static> {
        OtherResource {
            resource_type: self.resource_type.into_owned(),
            json: self.json.into_owned(),
            span: self.span,
        }
    }
}

/// A resource of the SAS slot search, or any other kept raw.
///
/// ```
/// use fr_fhir_core::model::{parse_resource, Resource};
/// let (res, _notes) = parse_resource(r#"{"id":"s1","resourceType":"Slot","status":"free"}"#)?;
/// assert_eq!(res.resource_type(), "Slot");
/// assert!(matches!(&res, Resource::Slot(s) if s.status.as_ref().is_some_and(|c| c == "free")));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum Resource<'a> {
    Bundle(Box<Bundle<'a>>),
    Slot(Box<Slot<'a>>),
    Schedule(Box<Schedule<'a>>),
    Practitioner(Box<Practitioner<'a>>),
    PractitionerRole(Box<PractitionerRole<'a>>),
    Location(Box<Location<'a>>),
    Organization(Box<Organization<'a>>),
    HealthcareService(Box<HealthcareService<'a>>),
    OperationOutcome(Box<OperationOutcome<'a>>),
    Other(OtherResource<'a>),
}

macro_rules! each_modeled {
    ($self:expr, $x:ident => $e:expr, $other:ident => $o:expr) => {
        match $self {
            Resource::Bundle($x) => $e,
            Resource::Slot($x) => $e,
            Resource::Schedule($x) => $e,
            Resource::Practitioner($x) => $e,
            Resource::PractitionerRole($x) => $e,
            Resource::Location($x) => $e,
            Resource::Organization($x) => $e,
            Resource::HealthcareService($x) => $e,
            Resource::OperationOutcome($x) => $e,
            Resource::Other($other) => $o,
        }
    };
}

impl super::memo::EachSpan for Resource<'_> {
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        each_modeled!(self, x => x.each_span(f), o => o.span.each_span(f))
    }
}

impl super::prim::ItemKind for Resource<'_> {}

/// The primitive type the model of resource type `rtype` reads its root
/// element `key` as, when it is a 0..1 primitive there (checked as read: a
/// failure is a note); `None` for other elements, the types kept raw, and
/// the Bundle (its root is streamed).
pub(crate) fn root_single_prim(rtype: &str, key: &str) -> Option<crate::primitives::PrimitiveKind> {
    match rtype {
        "Slot" => Slot::single_prim(key),
        "Schedule" => Schedule::single_prim(key),
        "Practitioner" => Practitioner::single_prim(key),
        "PractitionerRole" => PractitionerRole::single_prim(key),
        "Location" => Location::single_prim(key),
        "Organization" => Organization::single_prim(key),
        "HealthcareService" => HealthcareService::single_prim(key),
        "OperationOutcome" => OperationOutcome::single_prim(key),
        _ => None,
    }
}

impl<'a> Resource<'a> {
    /// The resource type name.
    pub fn resource_type(&self) -> &str {
        match self {
            Resource::Bundle(_) => "Bundle",
            Resource::Slot(_) => "Slot",
            Resource::Schedule(_) => "Schedule",
            Resource::Practitioner(_) => "Practitioner",
            Resource::PractitionerRole(_) => "PractitionerRole",
            Resource::Location(_) => "Location",
            Resource::Organization(_) => "Organization",
            Resource::HealthcareService(_) => "HealthcareService",
            Resource::OperationOutcome(_) => "OperationOutcome",
            Resource::Other(o) => o.resource_type.as_str(),
        }
    }

    /// The logical id, if any (not available for raw resources).
    pub fn id(&self) -> Option<&Id<'a>> {
        each_modeled!(self, x => x.id.as_ref(), _o => None)
    }

    /// The `meta`, if any.
    pub fn meta(&self) -> Option<&Meta<'a>> {
        each_modeled!(self, x => x.meta.as_ref(), _o => None)
    }

    /// Span of the resource object.
    pub fn span(&self) -> Span {
        each_modeled!(self, x => x.span, o => o.span)
    }

    /// Contained resources.
    pub fn contained(&self) -> &[Resource<'a>] {
        match self {
            Resource::Bundle(_) | Resource::Other(_) => &[],
            Resource::Slot(x) => &x.contained,
            Resource::Schedule(x) => &x.contained,
            Resource::Practitioner(x) => &x.contained,
            Resource::PractitionerRole(x) => &x.contained,
            Resource::Location(x) => &x.contained,
            Resource::Organization(x) => &x.contained,
            Resource::HealthcareService(x) => &x.contained,
            Resource::OperationOutcome(x) => &x.contained,
        }
    }
}

impl Resource<'_> {
    /// Detaches the resource from the input (see [`IntoOwned`]).
    ///
    /// ```
    /// use fr_fhir_core::model::{parse_resource, Resource};
    /// let text = String::from(r#"{"resourceType":"Observation","status":"final"}"#);
    /// let owned: Resource<'static> = parse_resource(&text)?.0.into_owned();
    /// drop(text);
    /// let Resource::Other(raw) = &owned else { unreachable!() };
    /// assert_eq!(raw.json.as_str(), r#"{"resourceType":"Observation","status":"final"}"#);
    /// # Ok::<(), fr_fhir_core::json::JsonError>(())
    /// ```
    pub fn into_owned(self) -> Resource<'static> {
        match self {
            Resource::Bundle(x) => Resource::Bundle(IntoOwned::into_owned(x)),
            Resource::Slot(x) => Resource::Slot(IntoOwned::into_owned(x)),
            Resource::Schedule(x) => Resource::Schedule(IntoOwned::into_owned(x)),
            Resource::Practitioner(x) => Resource::Practitioner(IntoOwned::into_owned(x)),
            Resource::PractitionerRole(x) => Resource::PractitionerRole(IntoOwned::into_owned(x)),
            Resource::Location(x) => Resource::Location(IntoOwned::into_owned(x)),
            Resource::Organization(x) => Resource::Organization(IntoOwned::into_owned(x)),
            Resource::HealthcareService(x) => Resource::HealthcareService(IntoOwned::into_owned(x)),
            Resource::OperationOutcome(x) => Resource::OperationOutcome(IntoOwned::into_owned(x)),
            Resource::Other(o) => Resource::Other(o.into_owned()),
        }
    }
}

impl IntoOwned for Resource<'_> {
    type Owned = Resource<'static>;
    fn into_owned(self) -> Self::Owned {
        Resource::into_owned(self)
    }
}

impl IntoOwned for OtherResource<'_> {
    type Owned = OtherResource<'static>;
    fn into_owned(self) -> Self::Owned {
        OtherResource::into_owned(self)
    }
}

super::owned::deserialize_owned!(Resource);

/// Finds the `resourceType` of the object at the reader's position without
/// moving it. Usually the first key, so this reads a few bytes; otherwise it
/// skims the object once.
pub fn sniff_resource_type<'a>(r: &Reader<'a>) -> Result<Option<Str<'a>>, JsonError> {
    let mut probe = r.clone();
    let mut obj = probe.object()?;
    while let Some((key, _)) = probe.next_key(&mut obj)? {
        if key == "resourceType" {
            return Ok(match probe.peek()? {
                Kind::String => Some(probe.string()?.0),
                _ => None,
            });
        }
        probe.skip_value()?;
    }
    Ok(None)
}

/// Reads the `resourceType` of the resource object at byte `start` of `src`
/// and hands each string of its `meta.profile` to `profile`, reading only
/// those keys (and stopping once both are read). `None` when the object is
/// malformed or has no `resourceType` string.
///
/// ```
/// use fr_fhir_core::model::sniff_type_and_profiles;
/// let src = r#"{"meta":{"profile":["http:\/\/x\/P"]},"resourceType":"Slot"}"#;
/// let mut profiles = Vec::new();
/// let rt = sniff_type_and_profiles(src, 0, |p| profiles.push(p.to_string()));
/// assert_eq!(rt.as_deref(), Some("Slot"));
/// assert_eq!(profiles, ["http://x/P"]);
/// ```
pub fn sniff_type_and_profiles<'a>(
    src: &'a str,
    start: usize,
    mut profile: impl FnMut(Str<'a>),
) -> Option<Str<'a>> {
    let mut r = Reader::at(src, start);
    let mut obj = r.object().ok()?;
    let mut rt: Option<Str<'a>> = None;
    let mut meta_seen = false;
    while let Some((k, _)) = r.next_key(&mut obj).ok()? {
        match k.as_str() {
            "resourceType" if r.peek().ok()? == Kind::String => rt = Some(r.string().ok()?.0),
            "meta" if r.peek().ok()? == Kind::Object => {
                meta_seen = true;
                let mut m = r.object().ok()?;
                while let Some((mk, _)) = r.next_key(&mut m).ok()? {
                    if mk.as_str() != "profile" || r.peek().ok()? != Kind::Array {
                        r.skip_value().ok()?;
                        continue;
                    }
                    let mut a = r.array().ok()?;
                    while r.next_item(&mut a).ok()?.is_some() {
                        if r.peek().ok()? == Kind::String {
                            profile(r.string().ok()?.0);
                        } else {
                            r.skip_value().ok()?;
                        }
                    }
                }
            }
            _ => {
                r.skip_value().ok()?;
            }
        }
        if rt.is_some() && meta_seen {
            break;
        }
    }
    rt
}

/// Reads the `resourceType` value inside a resource already dispatched on.
pub(crate) fn check_resource_type<'a>(
    expected: &'static str,
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
) -> Result<(), JsonError> {
    if r.peek()? == Kind::String {
        let (found, span) = r.string()?;
        if found != expected {
            cx.note(NoteKind::ResourceTypeMismatch { expected, found: found.to_string() }, span);
        }
    } else {
        let span = r.skip_value()?;
        cx.note(
            NoteKind::WrongType { expected: Kind::String, found: Kind::Object, cardinality: false },
            span,
        );
    }
    Ok(())
}

/// A resource type whose reader can start after its `resourceType`: the
/// first key of a resource, read once to dispatch on it, is not read again
/// (that would be a second look-up of the key and the string, and a check
/// that cannot fail).
pub(crate) trait AfterType<'a>: Sized {
    /// The `resourceType` of the type.
    const RESOURCE_TYPE: &'static str;
    /// Reads the rest of the object `obj`, whose first key was
    /// `resourceType` with the value [`AfterType::RESOURCE_TYPE`].
    fn read_after_type(
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
        obj: Obj,
    ) -> Result<Box<Self>, JsonError>;
}

/// The type named by the first key of the object at the reader, when that
/// key is `resourceType` with a string value: the reader is then after the
/// value, the object open.
#[inline]
fn first_key_type<'a>(r: &mut Reader<'a>) -> Result<Option<(Str<'a>, Obj)>, JsonError> {
    let mut obj = r.object()?;
    match r.next_key(&mut obj)? {
        Some((key, _)) if key == "resourceType" && r.peek()? == Kind::String => {
            Ok(Some((r.string()?.0, obj)))
        }
        _ => Ok(None),
    }
}

fn after_type<'a, T: AfterType<'a>>(
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
    obj: Obj,
    wrap: fn(Box<T>) -> Resource<'a>,
) -> Result<Option<Resource<'a>>, JsonError> {
    Ok(Some(wrap(T::read_after_type(r, cx, obj)?)))
}

fn boxed<'a, T: FromJson<'a>>(
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
    wrap: fn(Box<T>) -> Resource<'a>,
) -> Result<Option<Resource<'a>>, JsonError> {
    Ok(T::read_boxed(r, cx)?.map(wrap))
}

impl<'a> FromJson<'a> for Resource<'a> {
    const EXPECTED: Kind = Kind::Object;

    fn read(r: &mut Reader<'a>, cx: &mut Cx<'a>) -> Result<Option<Self>, JsonError> {
        // Usually `resourceType` comes first: read where it stands. Any
        // other case (another first key, an error, a type read another
        // way) starts again from the object's first byte.
        let before = r.clone();
        if let Ok(Some((rt, obj))) = first_key_type(r) {
            match rt.as_str() {
                Slot::RESOURCE_TYPE => return after_type(r, cx, obj, Resource::Slot),
                Schedule::RESOURCE_TYPE => return after_type(r, cx, obj, Resource::Schedule),
                Practitioner::RESOURCE_TYPE => {
                    return after_type(r, cx, obj, Resource::Practitioner);
                }
                PractitionerRole::RESOURCE_TYPE => {
                    return after_type(r, cx, obj, Resource::PractitionerRole);
                }
                Location::RESOURCE_TYPE => return after_type(r, cx, obj, Resource::Location),
                Organization::RESOURCE_TYPE => {
                    return after_type(r, cx, obj, Resource::Organization);
                }
                HealthcareService::RESOURCE_TYPE => {
                    return after_type(r, cx, obj, Resource::HealthcareService);
                }
                OperationOutcome::RESOURCE_TYPE => {
                    return after_type(r, cx, obj, Resource::OperationOutcome);
                }
                _ => {}
            }
        }
        *r = before;
        let rt = sniff_resource_type(r)?;
        match rt.as_deref() {
            Some("Bundle") => boxed(r, cx, Resource::Bundle),
            Some("Slot") => boxed(r, cx, Resource::Slot),
            Some("Schedule") => boxed(r, cx, Resource::Schedule),
            Some("Practitioner") => boxed(r, cx, Resource::Practitioner),
            Some("PractitionerRole") => boxed(r, cx, Resource::PractitionerRole),
            Some("Location") => boxed(r, cx, Resource::Location),
            Some("Organization") => boxed(r, cx, Resource::Organization),
            Some("HealthcareService") => boxed(r, cx, Resource::HealthcareService),
            Some("OperationOutcome") => boxed(r, cx, Resource::OperationOutcome),
            _ => {
                let (json, span) = r.raw_value()?;
                match &rt {
                    Some(name) if !is_r4_resource_type(name) => {
                        cx.note(NoteKind::UnknownResourceType { name: name.to_string() }, span)
                    }
                    None => cx.note(NoteKind::MissingResourceType, span),
                    Some(_) => {}
                }
                Ok(Some(Resource::Other(OtherResource {
                    resource_type: rt.unwrap_or(Str::Borrowed("")),
                    json: Str::Borrowed(json),
                    span,
                })))
            }
        }
    }
}

impl Serialize for Resource<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        each_modeled!(self, x => x.serialize(s), o => {
            match serde_json::from_str::<&serde_json::value::RawValue>(&o.json) {
                Ok(v) => v.serialize(s),
                Err(_) => s.serialize_str(&o.json),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::de::{read_value, spans_of};

    /// How a resource was read before `resourceType` was read where it
    /// stands: sniffed ahead on a copy of the reader, then read again in
    /// the object.
    fn read_sniffing<'a>(
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
    ) -> Result<Option<Resource<'a>>, JsonError> {
        if r.peek()? != Kind::Object {
            return read_value::<Resource<'a>>(r, cx, None);
        }
        match sniff_resource_type(r)?.as_deref() {
            Some("Slot") => boxed(r, cx, Resource::Slot),
            Some("Schedule") => boxed(r, cx, Resource::Schedule),
            Some("Practitioner") => boxed(r, cx, Resource::Practitioner),
            Some("PractitionerRole") => boxed(r, cx, Resource::PractitionerRole),
            Some("Location") => boxed(r, cx, Resource::Location),
            Some("Organization") => boxed(r, cx, Resource::Organization),
            Some("HealthcareService") => boxed(r, cx, Resource::HealthcareService),
            Some("OperationOutcome") => boxed(r, cx, Resource::OperationOutcome),
            // Read the same way either way.
            _ => read_value::<Resource<'a>>(r, cx, None),
        }
    }

    /// The resource, its spans, the notes, the reader's position and
    /// string counts.
    type Outcome<'a> =
        (Option<Resource<'a>>, Option<Vec<Span>>, Vec<crate::model::Note>, usize, (u64, u64));

    /// [`Outcome`] of reading `src` with `read`, or the error.
    fn outcome<'a>(
        src: &'a str,
        read: fn(&mut Reader<'a>, &mut Cx<'a>) -> Result<Option<Resource<'a>>, JsonError>,
    ) -> Result<Outcome<'a>, JsonError> {
        let mut r = Reader::new(src);
        let mut cx = Cx::default();
        let res = read(&mut r, &mut cx)?;
        let spans = res.as_ref().map(spans_of);
        Ok((res, spans, cx.notes, r.pos(), r.string_stats()))
    }

    #[test]
    fn a_resource_reads_the_same_whether_its_type_is_read_once_or_twice() {
        let types = [
            "Slot",
            "Schedule",
            "Practitioner",
            "PractitionerRole",
            "Location",
            "Organization",
            "HealthcareService",
            "OperationOutcome",
        ];
        let mut docs = Vec::new();
        for t in types {
            docs.extend([
                format!(r#"{{"resourceType":"{t}","id":"x","meta":{{"profile":["p"]}},"foo":1}}"#),
                format!(r#"{{"resourceType":"{t}"}}"#),
                format!(r#"{{ "resourceType" : "{t}" , "id" : "x" }}"#),
                format!(r#"{{"id":"x","resourceType":"{t}"}}"#),
                format!(r#"{{"resourceType":"{t}","resourceType":"Slot","id":""}}"#),
                format!(r#"{{"resourceType":"{t}","resourceType":1}}"#),
                format!(r#"{{"resourceType":"{t}","contained":[{{"resourceType":"Location","id":"l"}}]}}"#),
                format!(r#"{{"resourceType":"{t}","id":"x""#),
                format!(r#"{{"resourceType":"{t}","id":"x"}} trailing"#),
                format!(r#"{{"resourceType":"{t}",}}"#),
            ]);
        }
        docs.extend(
            [
                r#"{"resourceType":"Sl\u006ft","status":"free"}"#,
                r#"{"resourceType":"Patient","id":"p"}"#,
                r#"{"resourceType":"Bundle","type":"searchset"}"#,
                r#"{"resourceType":"Nope"}"#,
                r#"{"resourceType":1,"id":"x"}"#,
                r#"{"resourceType":null}"#,
                r#"{"id":"x"}"#,
                r#"{}"#,
                r#"{"#,
                r#"{"resourceType""#,
                r#"{"resourceType":"Slot"#,
                r#"[]"#,
                r#""Slot""#,
            ]
            .map(String::from),
        );
        for doc in &docs {
            let once = outcome(doc, |r, cx| read_value::<Resource<'_>>(r, cx, None));
            let twice = outcome(doc, read_sniffing);
            assert_eq!(once, twice, "{doc}");
        }
    }
}
