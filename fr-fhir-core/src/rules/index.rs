//! The compact cross-resource index built while entries stream past.
//!
//! It keeps, per entry, only what cross-resource rules need (type, id,
//! fullUrl, search mode, spans) and every literal reference with the field
//! it came from. Lookups are hash maps keyed by a 64-bit hash of the
//! strings, verified against the stored entry, so the index holds no second
//! copy of the text: memory grows with the number of entries, not with
//! their size, and every lookup is O(1) (no quadratic path).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};

use crate::json::{Span, Str};
use crate::model::{BundleEntry, Reference, Resource, Value, Visitor, Walk};

/// Where a reference was found (the fields cross-resource rules look at).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefField {
    /// `Slot.schedule`.
    SlotSchedule,
    /// `Schedule.actor[k]`.
    ScheduleActor,
    /// `PractitionerRole.practitioner`.
    RolePractitioner,
    /// `PractitionerRole.location[k]`.
    RoleLocation,
    /// `PractitionerRole.organization`.
    RoleOrganization,
    /// `HealthcareService.providedBy`.
    ProvidedBy,
    /// `Location.managingOrganization`.
    ManagingOrganization,
    /// The R5 serviceType extension `valueReference` of a Slot.
    ServiceTypeExtension,
    /// Any other Reference element.
    Other,
}

/// What the index keeps of one entry.
#[derive(Debug, Clone)]
pub struct EntryInfo<'a> {
    /// Position in `Bundle.entry`.
    pub index: u32,
    /// Resource type (empty when the entry has no resource).
    pub rtype: &'a str,
    /// `resource.id`.
    pub id: Option<Str<'a>>,
    /// `fullUrl`.
    pub full_url: Option<Str<'a>>,
    /// Span of `fullUrl`'s value.
    pub full_url_span: Span,
    /// `search.mode`.
    pub mode: Option<&'a str>,
    /// Span of `search` (empty when absent).
    pub search_span: Span,
    /// Span of `search.mode`'s value (empty when absent).
    pub mode_span: Span,
    /// Span of the resource (or of the entry when it has none).
    pub span: Span,
    /// Span of the entry object.
    pub entry_span: Span,
}

/// A literal reference found in an entry.
#[derive(Debug, Clone)]
pub struct RefInfo<'a> {
    /// Position in the index's entries of the entry holding it.
    pub from: u32,
    /// The field it was found in.
    pub field: RefField,
    /// `Reference.reference`.
    pub text: Str<'a>,
    /// Span of the `reference` string.
    pub span: Span,
    /// Span of the Reference object.
    pub element: Span,
}

/// A Reference element of a tagged field (not [`RefField::Other`]) that has
/// no literal `reference` (only an identifier or a display).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingRef {
    /// Position in the index's entries of the entry holding it.
    pub from: u32,
    /// The field it was found in.
    pub field: RefField,
    /// Span of the Reference object.
    pub element: Span,
}

/// An identifier value of a Practitioner entry (for one-Practitioner-per-id checks).
#[derive(Debug, Clone)]
pub struct PractitionerId<'a> {
    /// Position in the index's entries of the Practitioner.
    pub from: u32,
    /// `identifier.value`.
    pub value: Str<'a>,
    /// Span of the value.
    pub span: Span,
}

/// `request` or `response` in an entry (rare in a searchset: kept sparse).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryPart {
    /// Position in the index's entries.
    pub at: u32,
    /// `request` or `response`.
    pub name: &'static str,
    /// Span of the element.
    pub span: Span,
}

/// Outcome of resolving a literal reference inside the Bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The entry at this position of the index's entry list.
    Entry(u32),
    /// A `#id` reference to a contained resource (checked by its container).
    Contained,
    /// Nothing in the Bundle.
    NotFound,
}

/// Hash of the concatenation of `parts` (streamed: equal to hashing the
/// joined string, so lookups never need to build it).
fn hash_parts(parts: &[&str]) -> u64 {
    let mut h = DefaultHasher::new();
    for p in parts {
        h.write(p.as_bytes());
    }
    h.finish()
}

fn key2(rtype: &str, id: &str) -> u64 {
    hash_parts(&[rtype, "/", id])
}

fn key1(a: &str) -> u64 {
    hash_parts(&[a])
}

/// True when `whole` is the concatenation of `parts`.
fn is_concat(whole: &str, parts: &[&str]) -> bool {
    let mut rest = whole;
    for p in parts {
        match rest.strip_prefix(p) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// A `(type, id)` or fullUrl seen twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    /// Index (in the entry list) of the first occurrence.
    pub first: u32,
    /// Index of the repeated one.
    pub second: u32,
}

/// The cross-resource index of one Bundle.
#[derive(Debug, Default)]
pub struct Index<'a> {
    /// Entries in order.
    pub entries: Vec<EntryInfo<'a>>,
    /// Every literal reference, in document order.
    pub refs: Vec<RefInfo<'a>>,
    by_type_id: HashMap<u64, u32>,
    by_full_url: HashMap<u64, u32>,
    /// `(type, id)` pairs seen twice.
    pub dup_type_id: Vec<Duplicate>,
    /// fullUrls seen twice.
    pub dup_full_url: Vec<Duplicate>,
    /// Reference elements of tagged fields without a literal reference, in document order.
    pub missing_refs: Vec<MissingRef>,
    /// Identifier values of the Practitioner entries.
    pub practitioner_ids: Vec<PractitionerId<'a>>,
    /// `entry.request` / `entry.response` elements.
    pub entry_parts: Vec<EntryPart>,
}

struct RefCollector<'i, 'a> {
    from: u32,
    field: RefField,
    out: &'i mut Vec<RefInfo<'a>>,
    depth: u32,
}

impl<'a> Visitor<'a> for RefCollector<'_, 'a> {
    fn reference(&mut self, r: &Reference<'a>) {
        if let Some(text) = &r.reference {
            self.out.push(RefInfo {
                from: self.from,
                field: self.field,
                text: text.text.clone(),
                span: text.span,
                element: r.span,
            });
        }
    }

    fn enter_resource(&mut self, _r: &Resource<'a>) -> bool {
        // The entry's own resource, then its contained ones (depth 1).
        self.depth += 1;
        true
    }
}

/// Tags the collected references of one entry with their field. The walk
/// pushed them in document order and a field's elements come in the same
/// order, so a cursor finds each one without rescanning (linear per entry).
struct Tagger<'t, 'a> {
    from: u32,
    refs: &'t mut [RefInfo<'a>],
    cursor: usize,
    missing: &'t mut Vec<MissingRef>,
}

impl<'a> Tagger<'_, 'a> {
    fn field<'r>(
        &mut self,
        field: RefField,
        elements: impl Iterator<Item = &'r Reference<'a>>,
        track_missing: bool,
    ) where
        'a: 'r,
    {
        self.cursor = 0;
        for r in elements {
            if r.reference.is_none() {
                if track_missing {
                    self.missing.push(MissingRef { from: self.from, field, element: r.span });
                }
                continue;
            }
            let tail = self.refs.get_mut(self.cursor..).unwrap_or_default();
            if let Some(k) = tail.iter().position(|x| x.element == r.span) {
                if let Some(x) = tail.get_mut(k) {
                    x.field = field;
                }
                self.cursor += k + 1;
            }
        }
    }
}

impl<'a> Index<'a> {
    /// Adds an entry: its facts and all its literal references.
    pub fn add(&mut self, index: u32, entry: &BundleEntry<'a>) -> u32 {
        let pos = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        let res = entry.resource.as_ref();
        let info = EntryInfo {
            index,
            rtype: res.map(type_str).unwrap_or(""),
            id: res.and_then(|r| r.id()).map(|i| i.text.clone()),
            full_url: entry.full_url.as_ref().map(|u| u.text.clone()),
            full_url_span: entry.full_url.as_ref().map(|u| u.span).unwrap_or_default(),
            mode: entry.search.as_ref().and_then(|s| s.mode.as_ref()).map(|m| borrowed(&m.text)),
            search_span: entry.search.as_ref().map(|s| s.span).unwrap_or_default(),
            mode_span: entry
                .search
                .as_ref()
                .and_then(|s| s.mode.as_ref())
                .map(|m| m.span)
                .unwrap_or_default(),
            span: res.map(|r| r.span()).unwrap_or(entry.span),
            entry_span: entry.span,
        };
        if let Some(id) = &info.id
            && !info.rtype.is_empty()
        {
            let k = key2(info.rtype, id);
            if let Some(&first) = self.by_type_id.get(&k) {
                self.dup_type_id.push(Duplicate { first, second: pos });
            } else {
                self.by_type_id.insert(k, pos);
            }
        }
        if let Some(url) = &info.full_url {
            let k = key1(url);
            if let Some(&first) = self.by_full_url.get(&k) {
                self.dup_full_url.push(Duplicate { first, second: pos });
            } else {
                self.by_full_url.insert(k, pos);
            }
        }
        self.entries.push(info);
        if let Some(r) = &entry.request {
            self.entry_parts.push(EntryPart { at: pos, name: "request", span: r.span });
        }
        if let Some(r) = &entry.response {
            self.entry_parts.push(EntryPart { at: pos, name: "response", span: r.span });
        }
        if let Some(res) = res {
            self.collect_refs(pos, res);
            if let Resource::Practitioner(p) = res {
                for v in p.identifier.iter().filter_map(|i| i.value.as_ref()) {
                    self.practitioner_ids.push(PractitionerId {
                        from: pos,
                        value: v.text.clone(),
                        span: v.span,
                    });
                }
            }
        }
        pos
    }

    fn collect_refs(&mut self, pos: u32, res: &Resource<'a>) {
        let start = self.refs.len();
        let mut c =
            RefCollector { from: pos, field: RefField::Other, out: &mut self.refs, depth: 0 };
        res.walk(&mut c);
        // Tag the references of the fields cross-resource rules look at.
        let mut t = Tagger {
            from: pos,
            refs: self.refs.get_mut(start..).unwrap_or_default(),
            cursor: 0,
            missing: &mut self.missing_refs,
        };
        match res {
            Resource::Slot(s) => {
                t.field(RefField::SlotSchedule, s.schedule.iter(), true);
                let exts = s.service_type.iter().flat_map(|st| st.extension.iter());
                let refs = exts.filter_map(|e| match &e.value {
                    Some(Value::Reference(r)) => Some(&**r),
                    _ => None,
                });
                t.field(RefField::ServiceTypeExtension, refs, true);
            }
            Resource::Schedule(s) => t.field(RefField::ScheduleActor, s.actor.iter(), true),
            Resource::PractitionerRole(r) => {
                t.field(RefField::RolePractitioner, r.practitioner.iter(), true);
                // A logical reference (identifier only) is the SAS norm here.
                t.field(RefField::RoleOrganization, r.organization.iter(), false);
                t.field(RefField::RoleLocation, r.location.iter(), true);
            }
            Resource::HealthcareService(h) => {
                t.field(RefField::ProvidedBy, h.provided_by.iter(), true);
            }
            Resource::Location(l) => {
                t.field(RefField::ManagingOrganization, l.managing_organization.iter(), true);
            }
            _ => {}
        }
    }

    /// The entry with this resource type and id.
    pub fn by_type_id(&self, rtype: &str, id: &str) -> Option<u32> {
        let &pos = self.by_type_id.get(&key2(rtype, id))?;
        let e = self.entries.get(pos as usize)?;
        (e.rtype == rtype && e.id.as_deref() == Some(id)).then_some(pos)
    }

    /// The entry with this fullUrl.
    pub fn by_full_url(&self, url: &str) -> Option<u32> {
        let &pos = self.by_full_url.get(&key1(url))?;
        let e = self.entries.get(pos as usize)?;
        (e.full_url.as_deref() == Some(url)).then_some(pos)
    }

    /// Entry info at a position of the entry list.
    pub fn entry(&self, pos: u32) -> Option<&EntryInfo<'a>> {
        self.entries.get(pos as usize)
    }

    /// Resolves a literal reference made from the entry at `from`, following
    /// FHIR R4 Bundle rules: `#id` is contained; an absolute URL or URN
    /// matches a fullUrl; a relative `Type/id` is resolved against the base
    /// of the referencing entry's RESTful fullUrl, then by type and id.
    ///
    /// ```
    /// use fr_fhir_core::model::*;
    /// use fr_fhir_core::rules::index::{Index, Resolution};
    /// let (Resource::Bundle(b), _) = parse_resource(r#"{"resourceType":"Bundle","entry":[
    ///   {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1"}}]}"#).unwrap() else { panic!() };
    /// let mut ix = Index::default();
    /// ix.add(0, &b.entry[0]);
    /// assert_eq!(ix.resolve(0, "Schedule/s1"), Resolution::Entry(0));
    /// assert_eq!(ix.resolve(0, "https://x.fr/fhir/Schedule/s1"), Resolution::Entry(0));
    /// assert_eq!(ix.resolve(0, "Schedule/s2"), Resolution::NotFound);
    /// ```
    pub fn resolve(&self, from: u32, reference: &str) -> Resolution {
        if reference.starts_with('#') {
            return Resolution::Contained;
        }
        if reference.starts_with("urn:") || reference.contains("://") {
            if let Some(p) = self.by_full_url(reference) {
                return Resolution::Entry(p);
            }
            // An absolute RESTful URL whose entry has another base still names Type/id.
            return match restful_tail(reference) {
                Some((t, id)) => self.by_type_id(t, id).map_or(Resolution::NotFound, |p| {
                    let same = self.entry(p).and_then(|e| e.full_url.as_deref()).is_none();
                    if same { Resolution::Entry(p) } else { Resolution::NotFound }
                }),
                None => Resolution::NotFound,
            };
        }
        let Some((t, id)) = split_type_id(reference) else { return Resolution::NotFound };
        if let Some(base) =
            self.entry(from).and_then(|e| e.full_url.as_deref()).and_then(restful_base)
        {
            let parts = [base, t, "/", id];
            let found = self.by_full_url.get(&hash_parts(&parts)).copied().filter(|&p| {
                self.entry(p)
                    .and_then(|e| e.full_url.as_deref())
                    .is_some_and(|u| is_concat(u, &parts))
            });
            if let Some(p) = found {
                return Resolution::Entry(p);
            }
        }
        self.by_type_id(t, id).map_or(Resolution::NotFound, Resolution::Entry)
    }
}

/// The resource type (modeled types have static names).
fn type_str<'a>(r: &Resource<'a>) -> &'a str {
    match r {
        Resource::Other(o) => borrowed(&o.resource_type),
        Resource::Bundle(_) => "Bundle",
        Resource::Slot(_) => "Slot",
        Resource::Schedule(_) => "Schedule",
        Resource::Practitioner(_) => "Practitioner",
        Resource::PractitionerRole(_) => "PractitionerRole",
        Resource::Location(_) => "Location",
        Resource::Organization(_) => "Organization",
        Resource::HealthcareService(_) => "HealthcareService",
        Resource::OperationOutcome(_) => "OperationOutcome",
    }
}

/// The text when it was borrowed from the input; `?` for the rare string
/// written with escapes. Only for codes (resource type names, search modes),
/// which never need escapes: keeping 16 instead of 24 bytes per entry matters
/// on Bundles of millions of entries.
fn borrowed<'a>(s: &Str<'a>) -> &'a str {
    match s {
        Str::Borrowed(b) => b,
        Str::Owned(_) => "?",
    }
}

/// `Type/id` (optionally followed by `/_history/v`) split in two.
pub fn split_type_id(reference: &str) -> Option<(&str, &str)> {
    let i = memchr::memchr(b'/', reference.as_bytes())?;
    let t = reference.get(..i)?;
    let rest = reference.get(i + 1..)?;
    let id = match memchr::memchr(b'/', rest.as_bytes()) {
        None => rest,
        Some(j) => {
            // Only `Type/id/_history/version` may follow.
            let version = rest.get(j..)?.strip_prefix("/_history/")?;
            if version.is_empty() || version.contains('/') {
                return None;
            }
            rest.get(..j)?
        }
    };
    let ok_type = t.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && t.bytes().all(|c| c.is_ascii_alphanumeric());
    (ok_type && !id.is_empty()).then_some((t, id))
}

/// The `Type/id` at the end of an absolute RESTful URL.
pub fn restful_tail(url: &str) -> Option<(&str, &str)> {
    let url = match memchr::memmem::find(url.as_bytes(), b"/_history/") {
        Some(i) => url.get(..i)?,
        None => url,
    };
    let slash_id = memchr::memrchr(b'/', url.as_bytes())?;
    let id = url.get(slash_id + 1..)?;
    let head = url.get(..slash_id)?;
    let slash_t = memchr::memrchr(b'/', head.as_bytes())?;
    let t = head.get(slash_t + 1..)?;
    let ok_type = t.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && t.bytes().all(|c| c.is_ascii_alphanumeric());
    (ok_type && !id.is_empty()).then_some((t, id))
}

/// The base (with trailing `/`) of a RESTful fullUrl `base/Type/id`.
pub fn restful_base(full_url: &str) -> Option<&str> {
    let (t, id) = restful_tail(full_url)?;
    full_url.get(..full_url.len().checked_sub(t.len() + id.len() + 1)?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reference_forms() {
        assert_eq!(split_type_id("Schedule/abc"), Some(("Schedule", "abc")));
        assert_eq!(split_type_id("Schedule/abc/_history/2"), Some(("Schedule", "abc")));
        assert_eq!(split_type_id("schedule/abc"), None);
        assert_eq!(split_type_id("Schedule"), None);
        assert_eq!(restful_tail("https://a.fr/fhir/Slot/1"), Some(("Slot", "1")));
        assert_eq!(restful_base("https://a.fr/fhir/Slot/1"), Some("https://a.fr/fhir/"));
        assert_eq!(restful_base("urn:uuid:1234"), None);
    }
}
