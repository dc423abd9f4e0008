//! The compact cross-resource index built while entries stream past.
//!
//! It keeps, per entry, only what cross-resource rules need (type, id,
//! fullUrl, search mode, spans) and every literal reference with the field
//! it came from. Lookups are hash maps keyed by a 64-bit hash of the
//! strings, verified against the stored entry, so the index holds no second
//! copy of the text: memory grows with the number of entries, not with
//! their size, and every lookup is O(1) (no quadratic path).

use std::collections::HashMap;

use super::keyhash::{BuildU64Identity, KeyHasher, random_seed};
use std::collections::hash_map::Entry;

use crate::json::{Span, Str};
use crate::model::{BundleEntry, Reference, Resource, Value, Visitor, Walk};

/// Where a reference was found (the fields cross-resource rules look at).
///
/// ```
/// # use fr_fhir_core::engine::index::*;
/// # use fr_fhir_core::model::{Resource, parse_resource};
/// # let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
/// #  {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1",
/// #    "schedule":{"reference":"Schedule/s1"}},"search":{"mode":"match"}},
/// #  {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1",
/// #    "actor":[{"reference":"Practitioner/p1"},{"display":"Dr Martin"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"https://x.fr/fhir/Practitioner/p1","resource":{"resourceType":"Practitioner","id":"p1",
/// #    "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"urn:uuid:0b5e1c1e-1d4c-4a36-9a4e-6f1a3c2b7d10","resource":{"resourceType":"PractitionerRole","id":"r1",
/// #    "practitioner":{"reference":"Practitioner/p1"},"location":[{"reference":"#loc"}]},"search":{"mode":"include"}}]}"##;
/// # let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// # let mut ix = Index::new(src);
/// # for (i, e) in bundle.entry.iter().enumerate() { ix.add(i as u32, e); }
/// let fields: Vec<RefField> = ix.refs.iter().map(|r| r.field).collect();
/// assert_eq!(fields, [
///     RefField::SlotSchedule,     // Slot.schedule
///     RefField::ScheduleActor,    // Schedule.actor[0]
///     RefField::RolePractitioner, // PractitionerRole.practitioner
///     RefField::RoleLocation,     // PractitionerRole.location[0]
/// ]);
/// ```
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

/// The resource type of an entry, as one byte: the modeled types by name,
/// any other type through [`Index::rtype`].
///
/// ```
/// # use fr_fhir_core::engine::index::*;
/// # use fr_fhir_core::model::{Resource, parse_resource};
/// # let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
/// #  {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1",
/// #    "schedule":{"reference":"Schedule/s1"}},"search":{"mode":"match"}},
/// #  {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1",
/// #    "actor":[{"reference":"Practitioner/p1"},{"display":"Dr Martin"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"https://x.fr/fhir/Practitioner/p1","resource":{"resourceType":"Practitioner","id":"p1",
/// #    "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"urn:uuid:0b5e1c1e-1d4c-4a36-9a4e-6f1a3c2b7d10","resource":{"resourceType":"PractitionerRole","id":"r1",
/// #    "practitioner":{"reference":"Practitioner/p1"},"location":[{"reference":"#loc"}]},"search":{"mode":"include"}}]}"##;
/// # let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// # let mut ix = Index::new(src);
/// # for (i, e) in bundle.entry.iter().enumerate() { ix.add(i as u32, e); }
/// let kinds: Vec<EntryType> = ix.entries.iter().map(|e| e.kind).collect();
/// use EntryType as T;
/// assert_eq!(kinds, [T::Slot, T::Schedule, T::Practitioner, T::PractitionerRole]);
/// assert_eq!(T::Schedule.name(), Some("Schedule"));
/// assert_eq!(T::Other.name(), None); // the index keeps the name: `Index::rtype`
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryType {
    /// The entry has no resource.
    None,
    /// `Bundle`.
    Bundle,
    /// `Slot`.
    Slot,
    /// `Schedule`.
    Schedule,
    /// `Practitioner`.
    Practitioner,
    /// `PractitionerRole`.
    PractitionerRole,
    /// `Location`.
    Location,
    /// `Organization`.
    Organization,
    /// `HealthcareService`.
    HealthcareService,
    /// `OperationOutcome`.
    OperationOutcome,
    /// Any other type (its name is kept aside by the index).
    Other,
}

impl EntryType {
    pub(crate) fn of(r: &Resource<'_>) -> EntryType {
        match r {
            Resource::Other(_) => EntryType::Other,
            Resource::Bundle(_) => EntryType::Bundle,
            Resource::Slot(_) => EntryType::Slot,
            Resource::Schedule(_) => EntryType::Schedule,
            Resource::Practitioner(_) => EntryType::Practitioner,
            Resource::PractitionerRole(_) => EntryType::PractitionerRole,
            Resource::Location(_) => EntryType::Location,
            Resource::Organization(_) => EntryType::Organization,
            Resource::HealthcareService(_) => EntryType::HealthcareService,
            Resource::OperationOutcome(_) => EntryType::OperationOutcome,
        }
    }

    /// The name of a modeled type (`""` for [`EntryType::None`], `None` for [`EntryType::Other`]).
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            EntryType::None => "",
            EntryType::Bundle => "Bundle",
            EntryType::Slot => "Slot",
            EntryType::Schedule => "Schedule",
            EntryType::Practitioner => "Practitioner",
            EntryType::PractitionerRole => "PractitionerRole",
            EntryType::Location => "Location",
            EntryType::Organization => "Organization",
            EntryType::HealthcareService => "HealthcareService",
            EntryType::OperationOutcome => "OperationOutcome",
            EntryType::Other => return None,
        })
    }
}

/// `entry.search.mode`.
///
/// ```
/// # use fr_fhir_core::engine::index::*;
/// # use fr_fhir_core::model::{Resource, parse_resource};
/// # let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
/// #  {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1",
/// #    "schedule":{"reference":"Schedule/s1"}},"search":{"mode":"match"}},
/// #  {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1",
/// #    "actor":[{"reference":"Practitioner/p1"},{"display":"Dr Martin"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"https://x.fr/fhir/Practitioner/p1","resource":{"resourceType":"Practitioner","id":"p1",
/// #    "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"urn:uuid:0b5e1c1e-1d4c-4a36-9a4e-6f1a3c2b7d10","resource":{"resourceType":"PractitionerRole","id":"r1",
/// #    "practitioner":{"reference":"Practitioner/p1"},"location":[{"reference":"#loc"}]},"search":{"mode":"include"}}]}"##;
/// # let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// # let mut ix = Index::new(src);
/// # for (i, e) in bundle.entry.iter().enumerate() { ix.add(i as u32, e); }
/// assert_eq!(ix.entries[0].mode, SearchMode::Match);
/// assert_eq!(ix.entries[1].mode, SearchMode::Include);
/// assert_eq!(ix.mode(&ix.entries[1]), Some("include"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchMode {
    /// Absent.
    None,
    /// `match`.
    Match,
    /// `include`.
    Include,
    /// `outcome`.
    Outcome,
    /// Any other value (read back through `mode_span`).
    Other,
}

impl SearchMode {
    fn of(text: &str) -> SearchMode {
        match text {
            "match" => SearchMode::Match,
            "include" => SearchMode::Include,
            "outcome" => SearchMode::Outcome,
            _ => SearchMode::Other,
        }
    }
}

/// What the index keeps of one entry: 56 bytes of positions. Texts (id,
/// fullUrl, search.mode) are read back from the input through their spans
/// ([`Index::id`], [`Index::full_url`], [`Index::mode`]): on a Bundle of
/// millions of entries this record is most of the index, and the input is
/// in memory anyway.
///
/// ```
/// # use fr_fhir_core::engine::index::*;
/// # use fr_fhir_core::model::{Resource, parse_resource};
/// # let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
/// #  {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1",
/// #    "schedule":{"reference":"Schedule/s1"}},"search":{"mode":"match"}},
/// #  {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1",
/// #    "actor":[{"reference":"Practitioner/p1"},{"display":"Dr Martin"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"https://x.fr/fhir/Practitioner/p1","resource":{"resourceType":"Practitioner","id":"p1",
/// #    "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"urn:uuid:0b5e1c1e-1d4c-4a36-9a4e-6f1a3c2b7d10","resource":{"resourceType":"PractitionerRole","id":"r1",
/// #    "practitioner":{"reference":"Practitioner/p1"},"location":[{"reference":"#loc"}]},"search":{"mode":"include"}}]}"##;
/// # let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// # let mut ix = Index::new(src);
/// # for (i, e) in bundle.entry.iter().enumerate() { ix.add(i as u32, e); }
/// let schedule: &EntryInfo = &ix.entries[1];
/// assert_eq!((schedule.index, schedule.kind), (1, EntryType::Schedule));
/// // Texts are read back from the input through the spans.
/// assert_eq!(ix.id(schedule).as_deref(), Some("s1"));
/// assert_eq!(ix.full_url(schedule).as_deref(), Some("https://x.fr/fhir/Schedule/s1"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct EntryInfo {
    /// Position in `Bundle.entry`.
    pub index: u32,
    /// Resource type.
    pub kind: EntryType,
    /// `search.mode`, as one byte: loops over all entries test it, and
    /// reading it back from the input would cost a cache miss per entry.
    pub mode: SearchMode,
    /// Span of `resource.id`'s value (empty when absent).
    pub id_span: Span,
    /// Span of `fullUrl`'s value (empty when absent).
    pub full_url_span: Span,
    /// Span of `search` (empty when absent).
    pub search_span: Span,
    /// Span of `search.mode`'s value (empty when absent).
    pub mode_span: Span,
    /// Span of the resource (or of the entry when it has none).
    pub span: Span,
    /// Span of the entry object.
    pub entry_span: Span,
}

/// How a literal reference is written: decided while its entry is being
/// read, so that the rules on its form and its resolution at the end of the
/// Bundle need not read the input again.
///
/// ```
/// # use fr_fhir_core::engine::index::*;
/// # use fr_fhir_core::model::{Resource, parse_resource};
/// # let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
/// #  {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1",
/// #    "schedule":{"reference":"Schedule/s1"}},"search":{"mode":"match"}},
/// #  {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1",
/// #    "actor":[{"reference":"Practitioner/p1"},{"display":"Dr Martin"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"https://x.fr/fhir/Practitioner/p1","resource":{"resourceType":"Practitioner","id":"p1",
/// #    "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"urn:uuid:0b5e1c1e-1d4c-4a36-9a4e-6f1a3c2b7d10","resource":{"resourceType":"PractitionerRole","id":"r1",
/// #    "practitioner":{"reference":"Practitioner/p1"},"location":[{"reference":"#loc"}]},"search":{"mode":"include"}}]}"##;
/// # let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// # let mut ix = Index::new(src);
/// # for (i, e) in bundle.entry.iter().enumerate() { ix.add(i as u32, e); }
/// let forms: Vec<RefForm> = ix.refs.iter().map(|r| r.form).collect();
/// assert_eq!(forms, [
///     RefForm::Relative(RefBase::First), // `Schedule/s1` from https://x.fr/fhir/Slot/1
///     RefForm::Relative(RefBase::First),
///     RefForm::Relative(RefBase::None),  // `Practitioner/p1` from a urn:uuid entry
///     RefForm::Contained,                // `#loc`
/// ]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefForm {
    /// `#id`: a contained resource.
    Contained,
    /// `Type/id`, resolved against the base of the referencing entry.
    Relative(RefBase),
    /// An absolute URL or a URN.
    Absolute,
    /// Anything else: resolves to nothing.
    Other,
}

impl RefForm {
    /// A distinct word per form (mixed into the key of a reference text).
    fn tag(self) -> u64 {
        match self {
            RefForm::Contained => 1,
            RefForm::Relative(RefBase::None) => 2,
            RefForm::Relative(RefBase::First) => 3,
            RefForm::Relative(RefBase::Own) => 4,
            RefForm::Absolute => 5,
            RefForm::Other => 6,
        }
    }
}

/// The RESTful base of the entry holding a relative reference.
///
/// ```
/// # use fr_fhir_core::engine::index::*;
/// # use fr_fhir_core::model::{Resource, parse_resource};
/// # let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
/// #  {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1",
/// #    "schedule":{"reference":"Schedule/s1"}},"search":{"mode":"match"}},
/// #  {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1",
/// #    "actor":[{"reference":"Practitioner/p1"},{"display":"Dr Martin"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"https://x.fr/fhir/Practitioner/p1","resource":{"resourceType":"Practitioner","id":"p1",
/// #    "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"urn:uuid:0b5e1c1e-1d4c-4a36-9a4e-6f1a3c2b7d10","resource":{"resourceType":"PractitionerRole","id":"r1",
/// #    "practitioner":{"reference":"Practitioner/p1"},"location":[{"reference":"#loc"}]},"search":{"mode":"include"}}]}"##;
/// # let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// # let mut ix = Index::new(src);
/// # for (i, e) in bundle.entry.iter().enumerate() { ix.add(i as u32, e); }
/// // The Slot's fullUrl has the Bundle's first RESTful base (https://x.fr/fhir/),
/// // the PractitionerRole's (a urn:uuid) has none.
/// assert_eq!(ix.first_base(), Some("https://x.fr/fhir/"));
/// assert_eq!(ix.refs[0].form, RefForm::Relative(RefBase::First));
/// assert_eq!(ix.refs[2].form, RefForm::Relative(RefBase::None));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefBase {
    /// Its fullUrl has no RESTful base.
    None,
    /// The Bundle's first base, which the index keeps.
    First,
    /// Another one, read back from the entry's fullUrl.
    Own,
}

/// A literal reference found in an entry. Its text is read back from the
/// input through `span` ([`Index::ref_text`]), only when a finding quotes it.
///
/// ```
/// # use fr_fhir_core::engine::index::*;
/// # use fr_fhir_core::model::{Resource, parse_resource};
/// # let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
/// #  {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1",
/// #    "schedule":{"reference":"Schedule/s1"}},"search":{"mode":"match"}},
/// #  {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1",
/// #    "actor":[{"reference":"Practitioner/p1"},{"display":"Dr Martin"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"https://x.fr/fhir/Practitioner/p1","resource":{"resourceType":"Practitioner","id":"p1",
/// #    "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"urn:uuid:0b5e1c1e-1d4c-4a36-9a4e-6f1a3c2b7d10","resource":{"resourceType":"PractitionerRole","id":"r1",
/// #    "practitioner":{"reference":"Practitioner/p1"},"location":[{"reference":"#loc"}]},"search":{"mode":"include"}}]}"##;
/// # let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// # let mut ix = Index::new(src);
/// # for (i, e) in bundle.entry.iter().enumerate() { ix.add(i as u32, e); }
/// let r: &RefInfo = &ix.refs[0];
/// assert_eq!((r.from, r.field), (0, RefField::SlotSchedule));
/// assert_eq!(ix.ref_text(r).as_deref(), Some("Schedule/s1"));
/// assert_eq!(ix.resolve_ref(r), Resolution::Entry(1));
/// // `Practitioner/p1` twice, but from entries of different bases: each is
/// // its own first (the same text from the same base would point at the first).
/// assert_eq!((ix.refs[1].same_as, ix.refs[2].same_as), (1, 2));
/// ```
#[derive(Debug, Clone)]
pub struct RefInfo {
    /// Position in the index's entries of the entry holding it.
    pub from: u32,
    /// The field it was found in.
    pub field: RefField,
    /// How it is written.
    pub form: RefForm,
    /// Span of the `reference` string.
    pub span: Span,
    /// Span of the Reference object.
    pub element: Span,
    /// Position in the index's `refs` of the first reference with the same
    /// text and form (its own position for the first one): most references
    /// repeat a few texts, which are then resolved once.
    pub same_as: u32,
}

/// A Reference element of a tagged field (not [`RefField::Other`]) that has
/// no literal `reference` (only an identifier or a display).
///
/// ```
/// # use fr_fhir_core::engine::index::*;
/// # use fr_fhir_core::model::{Resource, parse_resource};
/// # let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
/// #  {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1",
/// #    "schedule":{"reference":"Schedule/s1"}},"search":{"mode":"match"}},
/// #  {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1",
/// #    "actor":[{"reference":"Practitioner/p1"},{"display":"Dr Martin"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"https://x.fr/fhir/Practitioner/p1","resource":{"resourceType":"Practitioner","id":"p1",
/// #    "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"urn:uuid:0b5e1c1e-1d4c-4a36-9a4e-6f1a3c2b7d10","resource":{"resourceType":"PractitionerRole","id":"r1",
/// #    "practitioner":{"reference":"Practitioner/p1"},"location":[{"reference":"#loc"}]},"search":{"mode":"include"}}]}"##;
/// # let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// # let mut ix = Index::new(src);
/// # for (i, e) in bundle.entry.iter().enumerate() { ix.add(i as u32, e); }
/// // Schedule.actor[1] is `{"display": "Dr Martin"}`: nothing to resolve.
/// let m: &MissingRef = &ix.missing_refs[0];
/// assert_eq!((m.from, m.field), (1, RefField::ScheduleActor));
/// assert_eq!(ix.missing_refs.len(), 1);
/// ```
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
///
/// ```
/// # use fr_fhir_core::engine::index::*;
/// # use fr_fhir_core::model::{Resource, parse_resource};
/// # let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
/// #  {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1",
/// #    "schedule":{"reference":"Schedule/s1"}},"search":{"mode":"match"}},
/// #  {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1",
/// #    "actor":[{"reference":"Practitioner/p1"},{"display":"Dr Martin"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"https://x.fr/fhir/Practitioner/p1","resource":{"resourceType":"Practitioner","id":"p1",
/// #    "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"urn:uuid:0b5e1c1e-1d4c-4a36-9a4e-6f1a3c2b7d10","resource":{"resourceType":"PractitionerRole","id":"r1",
/// #    "practitioner":{"reference":"Practitioner/p1"},"location":[{"reference":"#loc"}]},"search":{"mode":"include"}}]}"##;
/// # let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// # let mut ix = Index::new(src);
/// # for (i, e) in bundle.entry.iter().enumerate() { ix.add(i as u32, e); }
/// let id: &PractitionerId<'_> = &ix.practitioner_ids[0];
/// assert_eq!((id.from, &*id.value), (2, "810000000000"));
/// ```
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
///
/// ```
/// use fr_fhir_core::engine::index::{EntryPart, Index};
/// use fr_fhir_core::model::{Resource, parse_resource};
/// let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[
///   {"resource":{"resourceType":"Slot","id":"1"},"request":{"method":"GET","url":"Slot/1"}}]}"#;
/// let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// let mut ix = Index::new(src);
/// ix.add(0, &bundle.entry[0]);
/// let part: EntryPart = ix.entry_parts[0];
/// assert_eq!((part.at, part.name), (0, "request"));
/// ```
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
///
/// ```
/// # use fr_fhir_core::engine::index::*;
/// # use fr_fhir_core::model::{Resource, parse_resource};
/// # let src = r##"{"resourceType":"Bundle","type":"searchset","entry":[
/// #  {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1",
/// #    "schedule":{"reference":"Schedule/s1"}},"search":{"mode":"match"}},
/// #  {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1",
/// #    "actor":[{"reference":"Practitioner/p1"},{"display":"Dr Martin"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"https://x.fr/fhir/Practitioner/p1","resource":{"resourceType":"Practitioner","id":"p1",
/// #    "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}]},"search":{"mode":"include"}},
/// #  {"fullUrl":"urn:uuid:0b5e1c1e-1d4c-4a36-9a4e-6f1a3c2b7d10","resource":{"resourceType":"PractitionerRole","id":"r1",
/// #    "practitioner":{"reference":"Practitioner/p1"},"location":[{"reference":"#loc"}]},"search":{"mode":"include"}}]}"##;
/// # let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// # let mut ix = Index::new(src);
/// # for (i, e) in bundle.entry.iter().enumerate() { ix.add(i as u32, e); }
/// ix.resolve_refs();
/// let targets: Vec<Resolution> = (0..ix.refs.len()).map(|i| ix.target_of(i)).collect();
/// assert_eq!(targets, [
///     Resolution::Entry(1), // Schedule/s1
///     Resolution::Entry(2), // Practitioner/p1
///     Resolution::Entry(2), // Practitioner/p1, from the urn:uuid entry: by type and id
///     Resolution::Contained, // #loc: its container checks it
/// ]);
/// assert_eq!(ix.resolve(0, "Schedule/s2"), Resolution::NotFound);
/// ```
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
pub(crate) fn hash_parts(seed: u64, parts: &[&str]) -> u64 {
    let mut h = KeyHasher::new(seed);
    for p in parts {
        h.write(p.as_bytes());
    }
    h.finish()
}

/// The key of a `(type, id)` pair: the hash of `type/id`, streamed.
fn type_id_key(seed: u64, rtype: &str, id: &str) -> u64 {
    hash_parts(seed, &[rtype, "/", id])
}

/// Hash of `tag` (one whole word) then `text`: a one-byte text tag would
/// leave the text's bytes off the hasher's 8-byte words, and feeding them
/// one by one was most of the cost of keying a reference.
pub(crate) fn hash_tagged(seed: u64, tag: u64, text: &str) -> u64 {
    let mut h = KeyHasher::new(seed);
    h.write_word(tag);
    h.write(text.as_bytes());
    h.finish()
}

/// The position already under `key`, or `None` after inserting `pos` there.
fn first_or_insert(
    map: &mut HashMap<u64, u32, BuildU64Identity>,
    key: u64,
    pos: u32,
) -> Option<u32> {
    match map.entry(key) {
        Entry::Occupied(o) => Some(*o.get()),
        Entry::Vacant(v) => {
            v.insert(pos);
            None
        }
    }
}

/// True when `whole` is the concatenation of `parts`.
pub(crate) fn is_concat(whole: &str, parts: &[&str]) -> bool {
    let mut rest = whole;
    for p in parts {
        match rest.strip_prefix(p) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The `(type, id)` and fullUrl keys of one entry, from
/// [`Index::add_unkeyed`] to [`Keys::insert`].
#[derive(Debug)]
pub(crate) struct Keyed<'a> {
    pos: u32,
    /// The resource type (as the resource gives it) and id.
    type_id: Option<(Str<'a>, Str<'a>)>,
    full_url: Option<Str<'a>>,
}

/// What a repeated key was the key of (the texts to confirm it on).
#[derive(Debug)]
enum KeyOf<'a> {
    TypeId(Str<'a>, Str<'a>),
    FullUrl(Str<'a>),
}

/// A key found already in its map: a duplicate if the texts agree.
#[derive(Debug)]
struct Repeat<'a> {
    first: u32,
    second: u32,
    of: KeyOf<'a>,
}

/// The maps of an index by `(type, id)` and by fullUrl, filled apart from
/// the rest of it: the hash of each key and its probe — a cache miss, in
/// maps as large as the Bundle — can be left to the walking thread. The
/// keys are hashed and probed in entry order whoever does it, so the first
/// occurrence of a key is the one the map keeps; a repeated key is only
/// noted, and confirmed on the texts when the maps are back
/// ([`Index::put_keys`]).
#[derive(Debug)]
pub(crate) struct Keys<'a> {
    seed: u64,
    by_type_id: HashMap<u64, u32, BuildU64Identity>,
    by_full_url: HashMap<u64, u32, BuildU64Identity>,
    repeats: Vec<Repeat<'a>>,
    /// The maps of the entries after a split point, indexed on another
    /// thread ([`Index::take_part`]): looked up when these miss (their
    /// entries come after all of these), positions counted from `off`.
    part: Option<Box<PartMaps>>,
}

/// [`Keys::part`].
#[derive(Debug)]
struct PartMaps {
    by_type_id: HashMap<u64, u32, BuildU64Identity>,
    by_full_url: HashMap<u64, u32, BuildU64Identity>,
    off: u32,
}

impl<'a> Keys<'a> {
    fn new(seed: u64, capacity: usize) -> Self {
        Keys {
            seed,
            by_type_id: HashMap::with_capacity_and_hasher(capacity, BuildU64Identity::default()),
            by_full_url: HashMap::with_capacity_and_hasher(capacity, BuildU64Identity::default()),
            repeats: Vec::new(),
            part: None,
        }
    }

    /// The first entry with the `(type, id)` key `key`.
    fn type_id(&self, key: u64) -> Option<u32> {
        match self.by_type_id.get(&key) {
            Some(&pos) => Some(pos),
            None => self.part.as_ref().and_then(|p| Some(p.by_type_id.get(&key)? + p.off)),
        }
    }

    /// The first entry with the fullUrl key `key`.
    fn full_url(&self, key: u64) -> Option<u32> {
        match self.by_full_url.get(&key) {
            Some(&pos) => Some(pos),
            None => self.part.as_ref().and_then(|p| Some(p.by_full_url.get(&key)? + p.off)),
        }
    }

    /// Puts the keys of one entry in the maps (entries in order).
    pub(crate) fn insert(&mut self, k: Keyed<'a>) {
        if let Some((rtype, id)) = k.type_id {
            let key = type_id_key(self.seed, &rtype, &id);
            // One probe of the map: a new key is inserted at once.
            if let Some(first) = first_or_insert(&mut self.by_type_id, key, k.pos) {
                self.repeats.push(Repeat { first, second: k.pos, of: KeyOf::TypeId(rtype, id) });
            }
        }
        if let Some(url) = k.full_url {
            let key = hash_parts(self.seed, &[&url]);
            if let Some(first) = first_or_insert(&mut self.by_full_url, key, k.pos) {
                self.repeats.push(Repeat { first, second: k.pos, of: KeyOf::FullUrl(url) });
            }
        }
    }
}

/// A `(type, id)` or fullUrl seen twice.
///
/// ```
/// use fr_fhir_core::engine::index::{Duplicate, Index};
/// use fr_fhir_core::model::{Resource, parse_resource};
/// let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[
///   {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1"}},
///   {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1"}}]}"#;
/// let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!() };
/// let mut ix = Index::new(src);
/// for (i, e) in bundle.entry.iter().enumerate() {
///     ix.add(i as u32, e);
/// }
/// assert_eq!(ix.dup_type_id, [Duplicate { first: 0, second: 1 }]);
/// assert_eq!(ix.dup_full_url, [Duplicate { first: 0, second: 1 }]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    /// Index (in the entry list) of the first occurrence.
    pub first: u32,
    /// Index of the repeated one.
    pub second: u32,
}

/// The cross-resource index of one Bundle.
///
/// ```
/// use fr_fhir_core::engine::index::{Index, Resolution};
/// use fr_fhir_core::model::{Resource, parse_resource};
/// let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[
///   {"fullUrl":"https://x.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1","schedule":{"reference":"Schedule/s1"}}},
///   {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1"}}]}"#;
/// let (Resource::Bundle(bundle), _) = parse_resource(src).unwrap() else { panic!("not a Bundle") };
/// let mut ix = Index::new(src);
/// for (i, entry) in bundle.entry.iter().enumerate() {
///     ix.add(i as u32, entry); // in Bundle order
/// }
/// ix.resolve_refs(); // once every entry is in
/// let schedule = ix.by_type_id("Schedule", "s1").unwrap();
/// assert_eq!(ix.by_full_url("https://x.fr/fhir/Schedule/s1"), Some(schedule));
/// assert_eq!(ix.target_of(0), Resolution::Entry(schedule)); // Slot.schedule
/// assert_eq!(ix.rtype(&ix.entries[schedule as usize]), "Schedule");
/// ```
#[derive(Debug)]
pub struct Index<'a> {
    src: &'a str,
    /// Entries in order.
    pub entries: Vec<EntryInfo>,
    /// Names of the entries' types that are not modeled, by entry position
    /// in the Bundle (increasing).
    other_types: Vec<(u32, &'a str)>,
    /// Every literal reference, in document order.
    pub refs: Vec<RefInfo>,
    /// What each reference of `refs` resolves to (an entry position or a
    /// mark), once [`Index::resolve_refs`] ran.
    resolved: Vec<u32>,
    /// Seed of the keys' hash (random per index).
    seed: u64,
    /// The entries by `(type, id)` and by fullUrl.
    keys: Keys<'a>,
    /// The maps are out ([`Index::take_keys`]): look-ups would miss.
    keys_out: bool,
    /// First reference of each text (see [`RefInfo::same_as`]).
    ref_texts: HashMap<u64, u32, BuildU64Identity>,
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
    /// RESTful base of the first `http(s)` fullUrl.
    first_base: Option<Str<'a>>,
    /// Positions of the entries whose `http(s)` fullUrl has another base
    /// (found while the entry is read: at the end its text is out of cache).
    pub other_base: Vec<u32>,
    /// What the walk of the last entry added met.
    walked: Option<Walked>,
}

/// What the generic walk of an entry's resource (contained resources
/// included) met, for the rules that would walk it again to look for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Walked {
    /// The entry walked.
    entry: Span,
    /// An Extension or modifierExtension, anywhere.
    pub(crate) extensions: bool,
    /// An Identifier, anywhere.
    pub(crate) identifiers: bool,
    /// The fullUrl's RESTful tail (`restful_tail`) is the resource's type
    /// and id.
    pub(crate) url_names_resource: bool,
    /// The fullUrl holds `/_history/` (`find_history`).
    pub(crate) url_versioned: bool,
}

struct RefCollector<'i, 's> {
    from: u32,
    field: RefField,
    out: &'i mut Vec<RefInfo>,
    /// First reference of each text, by hash of the text.
    texts: &'i mut HashMap<u64, u32, BuildU64Identity>,
    src: &'s str,
    seed: u64,
    depth: u32,
    /// The referencing entry's fullUrl has a RESTful base.
    base: bool,
    /// That base is the Bundle's first one.
    on_first_base: bool,
    /// The walk met an Extension / an Identifier.
    extensions: bool,
    identifiers: bool,
}

impl<'a> Visitor<'a> for RefCollector<'_, '_> {
    fn reference(&mut self, r: &Reference<'a>) {
        if let Some(text) = &r.reference {
            let here = u32::try_from(self.out.len()).unwrap_or(u32::MAX);
            let form = ref_form(self.base, self.on_first_base, &text.text);
            // Keyed by form and text; equal hashes are confirmed on the
            // bytes: the first occurrence of a text used often is in cache.
            let key = hash_tagged(self.seed, form.tag(), &text.text);
            let same_as = match self.texts.entry(key) {
                Entry::Vacant(v) => *v.insert(here),
                Entry::Occupied(o) => {
                    let first = *o.get();
                    // Written alike (the usual repeat), the texts are equal
                    // without decoding the first one again; otherwise its
                    // decoded text decides.
                    let same = self.out.get(first as usize).is_some_and(|f| {
                        f.form == form && same_ref_text(self.src, f.span, text.span)
                    });
                    if same { first } else { here }
                }
            };
            self.out.push(RefInfo {
                from: self.from,
                field: self.field,
                form,
                span: text.span,
                element: r.span,
                same_as,
            });
        }
    }

    fn extension(&mut self, _e: &crate::model::Extension<'a>) {
        self.extensions = true;
    }

    fn identifier(&mut self, _i: &crate::model::Identifier<'a>) {
        self.identifiers = true;
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
struct Tagger<'t> {
    from: u32,
    refs: &'t mut [RefInfo],
    cursor: usize,
    missing: &'t mut Vec<MissingRef>,
}

impl Tagger<'_> {
    fn field<'r, 'a: 'r>(
        &mut self,
        field: RefField,
        elements: impl Iterator<Item = &'r Reference<'a>>,
        track_missing: bool,
    ) {
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

/// Bytes of input per entry the index is first sized for.
const ENTRY_BYTES: usize = 1024;
/// Entries the index is at most first sized for (some 1.2 MB).
const MAX_GUESS: usize = 8192;

/// The entries `bytes` of an input of `len` bytes are first sized for.
fn guess(len: usize, bytes: usize) -> usize {
    (bytes.min(len) / ENTRY_BYTES).min(MAX_GUESS)
}

impl<'a> Index<'a> {
    /// An empty index over the input `src` (the text every span points into).
    pub fn new(src: &'a str) -> Self {
        Index::with_seed(src, random_seed(), src.len(), src.len())
    }

    /// An empty index for the entries of the first `bytes` of `src` (the
    /// part read on this thread when a Bundle is read in two parts).
    pub(crate) fn for_first(src: &'a str, bytes: usize) -> Self {
        // The other part's entries and references are added to these
        // ([`Index::take_part`]): sized for the whole input, they are not
        // copied into larger vectors then; the key maps stay apart.
        Index::with_seed(src, random_seed(), bytes, src.len())
    }

    /// An empty index hashing its keys as this one does, for the entries
    /// after a split point ([`Index::take_part`]) in `bytes` of the input.
    pub(crate) fn sibling(&self, bytes: usize) -> Self {
        Index::with_seed(self.src, self.seed, bytes, bytes)
    }

    /// The key maps sized for the entries of `key_bytes` of input, the
    /// entries and references for those of `entry_bytes`.
    fn with_seed(src: &'a str, seed: u64, key_bytes: usize, entry_bytes: usize) -> Self {
        // Sized for the entries the input can hold, within a bound: growing
        // the maps rehashes every key again, a tenth of the index's time on
        // a Bundle of Slots; sizing both parts of a split Bundle for the
        // whole took 0.05 ms each on the SLA Bundle. A kilobyte per entry (a
        // minified SLA Slot entry is 1.07 KB, a pretty one 1.8 KB) rather
        // than half: a map twice too large is written all over, each of its
        // pages new memory the system maps on first touch — 50 page faults
        // per run of the SLA Bundle at 512 bytes, 24 at 1,024 (issue 17).
        let entries = guess(src.len(), entry_bytes);
        Index {
            src,
            entries: Vec::with_capacity(entries),
            other_types: Vec::new(),
            refs: Vec::with_capacity(entries),
            resolved: Vec::new(),
            seed,
            keys: Keys::new(seed, guess(src.len(), key_bytes)),
            keys_out: false,
            ref_texts: HashMap::default(),
            dup_type_id: Vec::new(),
            dup_full_url: Vec::new(),
            missing_refs: Vec::new(),
            practitioner_ids: Vec::new(),
            entry_parts: Vec::new(),
            first_base: None,
            other_base: Vec::new(),
            walked: None,
        }
    }

    /// What the walk of `entry`'s resource met, when `entry` is the last
    /// entry added (`None` for any other, or one without a resource).
    pub(crate) fn walked(&self, entry: &BundleEntry<'_>) -> Option<Walked> {
        self.walked.filter(|w| w.entry == entry.span && entry.resource.is_some())
    }

    /// RESTful base (with its trailing `/`) of the first `http(s)` fullUrl.
    pub fn first_base(&self) -> Option<&str> {
        self.first_base.as_deref()
    }

    /// Compares the base of the entry's fullUrl `url` with the first one;
    /// true when they are the same.
    fn note_base(&mut self, pos: u32, url: &Str<'a>, base: Option<&str>) -> bool {
        let Some(base) = base else { return false };
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return false;
        }
        match &self.first_base {
            None => {
                // The base is a prefix of the text: borrow it from the input.
                let borrowed = match *url {
                    Str::Borrowed(u) => u.get(..base.len()).map(Str::Borrowed),
                    Str::Owned(_) => None,
                };
                self.first_base = Some(borrowed.unwrap_or_else(|| Str::from(base.to_string())));
                true
            }
            Some(first) if **first != *base => {
                self.other_base.push(pos);
                false
            }
            Some(_) => true,
        }
    }

    fn key2(&self, rtype: &str, id: &str) -> u64 {
        type_id_key(self.seed, rtype, id)
    }

    /// The JSON string whose value is at `span` (quotes included), borrowed
    /// unless it holds escapes.
    fn str_at(&self, span: Span) -> Option<Str<'a>> {
        str_at(self.src, span)
    }

    /// The entry's resource type (`""` when it has no resource).
    pub fn rtype(&self, e: &EntryInfo) -> &'a str {
        match e.kind.name() {
            Some(name) => name,
            None => self
                .other_types
                .binary_search_by_key(&e.index, |&(i, _)| i)
                .ok()
                .and_then(|k| self.other_types.get(k))
                .map_or("?", |&(_, name)| name),
        }
    }

    /// The entry's `resource.id`.
    pub fn id(&self, e: &EntryInfo) -> Option<Str<'a>> {
        self.str_at(e.id_span)
    }

    /// The entry's `fullUrl`.
    pub fn full_url(&self, e: &EntryInfo) -> Option<Str<'a>> {
        self.str_at(e.full_url_span)
    }

    /// The entry's `search.mode` (a code: `?` in the odd case it was written with escapes).
    pub fn mode(&self, e: &EntryInfo) -> Option<&'a str> {
        match e.mode {
            SearchMode::None => None,
            SearchMode::Match => Some("match"),
            SearchMode::Include => Some("include"),
            SearchMode::Outcome => Some("outcome"),
            SearchMode::Other => self.str_at(e.mode_span).map(|m| borrowed(&m)),
        }
    }

    /// Adds an entry: its facts and all its literal references.
    pub fn add(&mut self, index: u32, entry: &BundleEntry<'a>) -> u32 {
        debug_assert!(!self.keys_out, "add while the key maps are out: add_unkeyed");
        let (pos, keyed) = self.add_unkeyed(index, entry);
        self.keys.insert(keyed);
        self.confirm_repeats();
        pos
    }

    /// [`Index::add`] but for the `(type, id)` and fullUrl keys, returned to
    /// be put in the maps by [`Keys::insert`], in entry order, later or on
    /// another thread ([`Index::take_keys`]); nothing read while the entries
    /// stream needs them.
    pub(crate) fn add_unkeyed(&mut self, index: u32, entry: &BundleEntry<'a>) -> (u32, Keyed<'a>) {
        let pos = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        // Resolutions are for a complete Bundle: a new entry may change them.
        self.resolved.clear();
        let res = entry.resource.as_ref();
        self.walked = None;
        let kind = res.map_or(EntryType::None, EntryType::of);
        if let Some(Resource::Other(o)) = res {
            self.other_types.push((index, borrowed(&o.resource_type)));
        }
        let mode = entry.search.as_ref().and_then(|s| s.mode.as_ref());
        let id = match res {
            Some(Resource::Other(o)) => top_level_string(self.src, o.span, "id"),
            Some(r) => r.id().map(|i| (i.text.clone(), i.span)),
            None => None,
        };
        let info = EntryInfo {
            index,
            kind,
            mode: mode.map_or(SearchMode::None, |m| SearchMode::of(&m.text)),
            id_span: id.as_ref().map(|i| i.1).unwrap_or_default(),
            full_url_span: entry.full_url.as_ref().map(|u| u.span).unwrap_or_default(),
            search_span: entry.search.as_ref().map(|s| s.span).unwrap_or_default(),
            mode_span: mode.map(|m| m.span).unwrap_or_default(),
            span: res.map(|r| r.span()).unwrap_or(entry.span),
            entry_span: entry.span,
        };
        let rtype = res.map(Resource::resource_type).unwrap_or("");
        let mut keyed = Keyed { pos, type_id: None, full_url: None };
        if let Some((id, _)) = &id
            && !rtype.is_empty()
        {
            // The text the resource gives, borrowed for the input's lifetime:
            // a modeled type's name is static, a raw type's is its own.
            let rtype = match res {
                Some(Resource::Other(o)) => o.resource_type.clone(),
                _ => kind.name().map_or_else(|| Str::from(rtype.to_string()), Str::Borrowed),
            };
            keyed.type_id = Some((rtype, id.clone()));
        }
        // The `Type/id` tail of the fullUrl gives its base, and tells
        // RO1-BUNDLE-007 whether the URL names the resource.
        let mut versioned = false;
        let tail = entry.full_url.as_ref().and_then(|u| {
            let url = without_history(&u.text);
            versioned = url.len() != u.text.len();
            let (t, i) = type_id_tail(url)?;
            let base = url.get(..url.len().checked_sub(t.len() + i.len() + 1)?);
            let names = id.as_ref().is_some_and(|(id, _)| t == rtype && i == &**id);
            Some((base, names))
        });
        let base = tail.and_then(|(b, _)| b);
        let names_resource = tail.is_some_and(|(_, n)| n);
        let mut on_first_base = false;
        if let Some(url) = &entry.full_url {
            on_first_base = self.note_base(pos, &url.text, base);
            keyed.full_url = Some(url.text.clone());
        }
        self.entries.push(info);
        if let Some(r) = &entry.request {
            self.entry_parts.push(EntryPart { at: pos, name: "request", span: r.span });
        }
        if let Some(r) = &entry.response {
            self.entry_parts.push(EntryPart { at: pos, name: "response", span: r.span });
        }
        if let Some(res) = res {
            self.collect_refs(pos, entry.span, res, base.is_some(), on_first_base);
            if let Some(w) = &mut self.walked {
                w.url_names_resource = names_resource;
                w.url_versioned = versioned;
            }
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
        (pos, keyed)
    }

    /// Whether the entries of `part` — those after a split point, indexed
    /// on another thread by an index of [`Index::sibling`] — can follow
    /// these as if added here: a reference's form depends on the Bundle's
    /// first RESTful base, so both parts must agree on it.
    pub(crate) fn can_take(&self, part: &Index<'a>) -> bool {
        self.seed == part.seed
            && match (&self.first_base, &part.first_base) {
                (Some(a), Some(b)) => **a == **b,
                _ => true,
            }
    }

    /// Adds the entries of `part` ([`Index::can_take`]) after these, as
    /// [`Index::add`] would have added them one by one: `keys` are their
    /// keys ([`Index::add_unkeyed`]), `first` the position in
    /// `Bundle.entry` of the first (`part` numbered them from 0). What
    /// depends on the entries before — the first occurrence of each
    /// reference text, the first RESTful base, repeated keys — is worked out
    /// again here.
    pub(crate) fn take_part(&mut self, part: Index<'a>, first: u32) {
        let off = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        let refs_off = u32::try_from(self.refs.len()).unwrap_or(u32::MAX);
        self.resolved.clear();
        self.walked = None;
        self.entries.extend(part.entries.into_iter().map(|mut e| {
            e.index = e.index.saturating_add(first);
            e
        }));
        self.other_types.extend(part.other_types.into_iter().map(|(i, t)| (i + first, t)));
        // A reference is the same as the first one of its text in the whole
        // Bundle: the part's first occurrences are looked up here.
        // Per reference of the part: what the references the same as it
        // there are the same as here (`None`: each is its own first — its
        // text's hash was found with another text, so none of them is in
        // the map).
        let mut moved: Vec<Option<u32>> = Vec::with_capacity(part.refs.len());
        self.refs.reserve(part.refs.len());
        for (i, mut r) in part.refs.into_iter().enumerate() {
            let here = refs_off.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
            r.from = r.from.saturating_add(off);
            let first = if r.same_as as usize == i {
                let text = str_at(self.src, r.span);
                let key = hash_tagged(self.seed, r.form.tag(), text.as_deref().unwrap_or(""));
                match self.ref_texts.entry(key) {
                    Entry::Vacant(v) => Some(*v.insert(here)),
                    Entry::Occupied(o) => {
                        let first = *o.get();
                        let same = self.refs.get(first as usize).is_some_and(|f| {
                            f.form == r.form && same_ref_text(self.src, f.span, r.span)
                        });
                        same.then_some(first)
                    }
                }
            } else {
                moved.get(r.same_as as usize).copied().flatten()
            };
            r.same_as = first.unwrap_or(here);
            moved.push(first);
            self.refs.push(r);
        }
        self.missing_refs.extend(part.missing_refs.into_iter().map(|mut m| {
            m.from = m.from.saturating_add(off);
            m
        }));
        self.practitioner_ids.extend(part.practitioner_ids.into_iter().map(|mut p| {
            p.from = p.from.saturating_add(off);
            p
        }));
        self.entry_parts.extend(part.entry_parts.into_iter().map(|mut p| {
            p.at = p.at.saturating_add(off);
            p
        }));
        if self.first_base.is_none() {
            self.first_base = part.first_base;
        }
        self.other_base.extend(part.other_base.into_iter().map(|p| p.saturating_add(off)));
        self.take_part_keys(part.keys, off);
    }

    /// The key maps of a part ([`Index::add_to_part`]) after these: kept
    /// as they are, looked up when these miss ([`Keys::part`]); what the
    /// maps hold is what inserting its keys here would have left (a key
    /// already here stays this index's). The duplicates are those the
    /// keys inserted here in order would have given: a key of the part
    /// found here is a duplicate of the entry here, and so are the part's
    /// own repeats of it; the others are the part's own.
    fn take_part_keys(&mut self, part: Keys<'a>, off: u32) {
        debug_assert!(!self.keys_out && self.keys.part.is_none() && self.keys.repeats.is_empty());
        let Keys { by_type_id, by_full_url, repeats, .. } = part;
        // For each first occurrence in the part whose key is here: the entry here.
        let found = |mine: &HashMap<u64, u32, BuildU64Identity>,
                     theirs: &HashMap<u64, u32, BuildU64Identity>| {
            let mut found: HashMap<u32, u32> = HashMap::new();
            for (key, &pos) in theirs {
                if let Some(&here) = mine.get(key) {
                    found.insert(pos, here);
                }
            }
            found
        };
        let found_type_id = found(&self.keys.by_type_id, &by_type_id);
        let found_full_url = found(&self.keys.by_full_url, &by_full_url);
        let mut dups: Vec<(bool, Duplicate)> = Vec::new();
        for (type_id, found) in [(true, &found_type_id), (false, &found_full_url)] {
            for (&pos, &here) in found {
                let second = pos.saturating_add(off);
                if self.key_of(second, type_id).is_some_and(|of| self.confirm(here, &of)) {
                    dups.push((type_id, Duplicate { first: here, second }));
                }
            }
        }
        for r in repeats {
            let found = match r.of {
                KeyOf::TypeId(..) => found_type_id.get(&r.first),
                KeyOf::FullUrl(_) => found_full_url.get(&r.first),
            };
            let first = found.copied().unwrap_or_else(|| r.first.saturating_add(off));
            if self.confirm(first, &r.of) {
                let d = Duplicate { first, second: r.second.saturating_add(off) };
                dups.push((matches!(r.of, KeyOf::TypeId(..)), d));
            }
        }
        // In entry order, as they would have been found (one of each kind
        // per entry at most).
        dups.sort_unstable_by_key(|(type_id, d)| (d.second, *type_id));
        for (type_id, d) in dups {
            if type_id {
                self.dup_type_id.push(d);
            } else {
                self.dup_full_url.push(d);
            }
        }
        self.keys.part = Some(Box::new(PartMaps { by_type_id, by_full_url, off }));
    }

    /// [`Index::add`] for the index of a part read after a split point
    /// ([`Index::sibling`]): the keys go in the maps, their repeats are
    /// kept unconfirmed for [`Index::take_part`].
    pub(crate) fn add_to_part(&mut self, index: u32, entry: &BundleEntry<'a>) {
        let (_, keyed) = self.add_unkeyed(index, entry);
        self.keys.insert(keyed);
    }

    /// The maps of `(type, id)` and fullUrl keys, to be filled apart (on
    /// the walking thread, `engine::structure`) from the [`Keyed`] of
    /// [`Index::add_unkeyed`]; [`Index::put_keys`] gives them back.
    pub(crate) fn take_keys(&mut self) -> Keys<'a> {
        self.keys_out = true;
        let empty = Keys::new(self.seed, 0);
        std::mem::replace(&mut self.keys, empty)
    }

    /// Gives back the maps taken by [`Index::take_keys`], once every entry
    /// is in them, and confirms their repeated keys.
    pub(crate) fn put_keys(&mut self, keys: Keys<'a>) {
        self.keys = keys;
        self.keys_out = false;
        self.confirm_repeats();
    }

    /// Turns the repeated keys into duplicates, confirmed on the texts
    /// (rare: only for repeated keys, or equal hashes of different texts).
    fn confirm_repeats(&mut self) {
        let repeats = std::mem::take(&mut self.keys.repeats);
        for r in repeats {
            if self.confirm(r.first, &r.of) {
                let d = Duplicate { first: r.first, second: r.second };
                match r.of {
                    KeyOf::TypeId(..) => self.dup_type_id.push(d),
                    KeyOf::FullUrl(_) => self.dup_full_url.push(d),
                }
            }
        }
    }

    /// Whether the entry at `first` has the key texts `of` (those of a
    /// later entry whose key it has).
    fn confirm(&self, first: u32, of: &KeyOf<'_>) -> bool {
        let Some(e) = self.entry(first) else { return false };
        match of {
            KeyOf::TypeId(rtype, id) => {
                self.rtype(e) == &**rtype && self.id(e).as_deref() == Some(&**id)
            }
            KeyOf::FullUrl(url) => self.full_url(e).as_deref() == Some(&**url),
        }
    }

    /// The key texts of the entry at `pos`, as [`Index::add_unkeyed`] gave
    /// them (the type decoded as the resource wrote it).
    fn key_of(&self, pos: u32, type_id: bool) -> Option<KeyOf<'a>> {
        let e = self.entry(pos)?;
        if !type_id {
            return self.full_url(e).map(KeyOf::FullUrl);
        }
        let rtype = match e.kind.name() {
            Some(name) => Str::Borrowed(name),
            None => top_level_string(self.src, e.span, "resourceType")?.0,
        };
        Some(KeyOf::TypeId(rtype, self.id(e)?))
    }

    fn collect_refs(
        &mut self,
        pos: u32,
        entry_span: Span,
        res: &Resource<'a>,
        base: bool,
        on_first_base: bool,
    ) {
        let start = self.refs.len();
        let mut c = RefCollector {
            from: pos,
            field: RefField::Other,
            out: &mut self.refs,
            texts: &mut self.ref_texts,
            src: self.src,
            seed: self.seed,
            depth: 0,
            base,
            on_first_base,
            extensions: false,
            identifiers: false,
        };
        res.walk(&mut c);
        self.walked = Some(Walked {
            entry: entry_span,
            extensions: c.extensions,
            identifiers: c.identifiers,
            url_names_resource: false,
            url_versioned: false,
        });
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
        debug_assert!(!self.keys_out, "look-up while the key maps are out");
        let pos = self.keys.type_id(self.key2(rtype, id))?;
        let e = self.entries.get(pos as usize)?;
        (self.rtype(e) == rtype && self.id(e).as_deref() == Some(id)).then_some(pos)
    }

    /// The entry with this fullUrl.
    pub fn by_full_url(&self, url: &str) -> Option<u32> {
        debug_assert!(!self.keys_out, "look-up while the key maps are out");
        let pos = self.keys.full_url(hash_parts(self.seed, &[url]))?;
        let e = self.entries.get(pos as usize)?;
        (self.full_url(e).as_deref() == Some(url)).then_some(pos)
    }

    /// Entry info at a position of the entry list.
    pub fn entry(&self, pos: u32) -> Option<&EntryInfo> {
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
    /// let src = r#"{"resourceType":"Bundle","entry":[
    ///   {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1"}}]}"#;
    /// let (Resource::Bundle(b), _) = parse_resource(src).unwrap() else { panic!() };
    /// let mut ix = Index::new(src);
    /// ix.add(0, &b.entry[0]);
    /// assert_eq!(ix.resolve(0, "Schedule/s1"), Resolution::Entry(0));
    /// assert_eq!(ix.resolve(0, "https://x.fr/fhir/Schedule/s1"), Resolution::Entry(0));
    /// assert_eq!(ix.resolve(0, "Schedule/s2"), Resolution::NotFound);
    /// ```
    pub fn resolve(&self, from: u32, reference: &str) -> Resolution {
        let base = self.entry(from).and_then(|e| self.full_url(e));
        self.resolve_text(reference, base.as_deref().and_then(restful_base))
    }

    /// [`Index::resolve`] for a reference of the index: its text is read
    /// back, the base of its entry only when it is not the Bundle's first.
    pub fn resolve_ref(&self, r: &RefInfo) -> Resolution {
        match r.form {
            RefForm::Contained => Resolution::Contained,
            RefForm::Other => Resolution::NotFound,
            RefForm::Absolute | RefForm::Relative(_) => {
                let text = self.ref_text(r).unwrap_or_default();
                let own;
                let base = match r.form {
                    RefForm::Relative(RefBase::First) => self.first_base(),
                    RefForm::Relative(RefBase::Own) => {
                        own = self.entry(r.from).and_then(|e| self.full_url(e));
                        own.as_deref().and_then(restful_base)
                    }
                    _ => None,
                };
                self.resolve_text(&text, base)
            }
        }
    }

    /// Resolves every reference once all the entries are in, so that the
    /// rules and the hooks that follow share one pass over the references.
    pub fn resolve_refs(&mut self) {
        let mut resolved = Vec::with_capacity(self.refs.len());
        for r in &self.refs {
            // A text seen before in the same form (`same_as`) resolves as
            // before; only an entry on another base of its own needs a new look.
            let earlier = (r.form != RefForm::Relative(RefBase::Own))
                .then(|| resolved.get(r.same_as as usize).copied())
                .flatten();
            let t = earlier.unwrap_or_else(|| match self.resolve_ref(r) {
                Resolution::Entry(p) => p,
                Resolution::Contained => CONTAINED,
                Resolution::NotFound => NOT_FOUND,
            });
            resolved.push(t);
        }
        self.resolved = resolved;
    }

    /// What the `i`-th reference of `refs` resolves to (computed on the spot
    /// when [`Index::resolve_refs`] has not run).
    pub fn target_of(&self, i: usize) -> Resolution {
        match self.resolved.get(i) {
            Some(&CONTAINED) => Resolution::Contained,
            Some(&NOT_FOUND) => Resolution::NotFound,
            Some(&p) => Resolution::Entry(p),
            None => self.refs.get(i).map_or(Resolution::NotFound, |r| self.resolve_ref(r)),
        }
    }

    /// Per reference of `refs`: the position of its target entry, or
    /// [`NOT_FOUND`] / [`CONTAINED`]. Borrowed once [`Index::resolve_refs`]
    /// ran, computed otherwise.
    pub fn targets(&self) -> std::borrow::Cow<'_, [u32]> {
        if self.resolved.len() == self.refs.len() {
            return std::borrow::Cow::Borrowed(&self.resolved);
        }
        let mark = |t| match t {
            Resolution::Entry(p) => p,
            Resolution::Contained => CONTAINED,
            Resolution::NotFound => NOT_FOUND,
        };
        std::borrow::Cow::Owned(self.refs.iter().map(|r| mark(self.resolve_ref(r))).collect())
    }

    /// The text of a reference of the index.
    pub fn ref_text(&self, r: &RefInfo) -> Option<Str<'a>> {
        self.str_at(r.span)
    }

    /// Resolves `reference` made from an entry whose RESTful base is `base`.
    fn resolve_text(&self, reference: &str, base: Option<&str>) -> Resolution {
        resolve_in(self, reference, base)
    }
}

/// What resolving a reference asks of the entries of a Bundle: the index
/// answers through spans into the source text, `view::SearchsetView` from
/// parsed models. One algorithm ([`resolve_in`]) serves both, so the view
/// follows exactly the links the validator accepts.
pub(crate) trait Lookup {
    /// The entry whose fullUrl is the concatenation of `parts`.
    fn by_full_url_parts(&self, parts: &[&str]) -> Option<u32>;
    /// The entry with this resource type and id.
    fn by_type_and_id(&self, rtype: &str, id: &str) -> Option<u32>;
    /// True when the entry at `pos` has a fullUrl.
    fn has_full_url(&self, pos: u32) -> bool;
}

impl Lookup for Index<'_> {
    fn by_full_url_parts(&self, parts: &[&str]) -> Option<u32> {
        debug_assert!(!self.keys_out, "look-up while the key maps are out");
        self.keys.full_url(hash_parts(self.seed, parts)).filter(|&p| {
            self.entry(p).and_then(|e| self.full_url(e)).is_some_and(|u| is_concat(&u, parts))
        })
    }

    fn by_type_and_id(&self, rtype: &str, id: &str) -> Option<u32> {
        self.by_type_id(rtype, id)
    }

    fn has_full_url(&self, pos: u32) -> bool {
        self.entry(pos).is_some_and(|e| !e.full_url_span.is_empty())
    }
}

/// Resolves `reference` made from an entry whose RESTful base is `base`,
/// following FHIR R4 Bundle rules (see [`Index::resolve`]).
pub(crate) fn resolve_in(l: &impl Lookup, reference: &str, base: Option<&str>) -> Resolution {
    match ref_form(base.is_some(), false, reference) {
        RefForm::Contained => Resolution::Contained,
        RefForm::Other => Resolution::NotFound,
        RefForm::Absolute => {
            if let Some(p) = l.by_full_url_parts(&[reference]) {
                return Resolution::Entry(p);
            }
            // An absolute RESTful URL whose entry has another base still names Type/id.
            match restful_tail(reference) {
                Some((t, id)) => l
                    .by_type_and_id(t, id)
                    .filter(|&p| !l.has_full_url(p))
                    .map_or(Resolution::NotFound, Resolution::Entry),
                None => Resolution::NotFound,
            }
        }
        RefForm::Relative(_) => {
            let Some((t, id)) = split_type_id(reference) else { return Resolution::NotFound };
            if let Some(base) = base
                && let Some(p) = l.by_full_url_parts(&[base, t, "/", id])
            {
                return Resolution::Entry(p);
            }
            l.by_type_and_id(t, id).map_or(Resolution::NotFound, Resolution::Entry)
        }
    }
}

/// Target of a reference that resolves to no entry (see [`Index::targets`]).
pub const NOT_FOUND: u32 = u32::MAX;
/// Target of a `#id` reference: a contained resource, not an entry.
pub const CONTAINED: u32 = u32::MAX - 1;

/// How `reference` is written (`base`: the referencing entry's fullUrl
/// has a RESTful base; `first`: it is the Bundle's first base).
fn ref_form(base: bool, first: bool, reference: &str) -> RefForm {
    // `Type/id` is tried before the absolute forms, which it excludes (it
    // starts with an uppercase letter, and holds no `//` for a `://`): the
    // usual relative reference skips the search for `://`.
    if reference.starts_with('#') {
        RefForm::Contained
    } else if split_type_id(reference).is_some() {
        RefForm::Relative(match (base, first) {
            (false, _) => RefBase::None,
            (true, true) => RefBase::First,
            (true, false) => RefBase::Own,
        })
    } else if reference.starts_with("urn:") || has_scheme(reference) {
        RefForm::Absolute
    } else {
        RefForm::Other
    }
}

/// The JSON string whose value is at `span` (quotes included), borrowed
/// unless it holds escapes.
/// Whether the JSON strings at `first` and `other` hold the same text:
/// written alike (the usual repeat), without decoding the first one again;
/// otherwise their decoded texts decide.
fn same_ref_text(src: &str, first: Span, other: Span) -> bool {
    let raw = |s: Span| src.get(s.start as usize..s.end as usize);
    raw(first).is_some_and(|a| !a.is_empty() && Some(a) == raw(other))
        || matches!((str_at(src, first), str_at(src, other)), (Some(a), Some(b)) if *a == *b)
}

fn str_at(src: &str, span: Span) -> Option<Str<'_>> {
    if span.is_empty() {
        return None;
    }
    let body = src.get(span.start as usize + 1..(span.end as usize).checked_sub(1)?)?;
    if memchr::memchr(b'\\', body.as_bytes()).is_none() {
        return Some(Str::Borrowed(body));
    }
    crate::json::Reader::at(src, span.start as usize).string().ok().map(|(s, _)| s)
}

/// The string value of `key` in the object at `span` (for resources kept raw).
fn top_level_string<'a>(src: &'a str, span: Span, key: &str) -> Option<(Str<'a>, Span)> {
    let mut r = crate::json::Reader::at(src, span.start as usize);
    let mut obj = r.object().ok()?;
    while let Ok(Some((k, _))) = r.next_key(&mut obj) {
        if &*k == key {
            return r.string().ok();
        }
        r.skip_value().ok()?;
    }
    None
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
    // One pass over the type: it must be alphanumeric up to the first `/`,
    // so the first byte that is not alphanumeric is that `/` (a short loop
    // beats a memchr call and a second pass on these few bytes).
    let b = reference.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let i = b.iter().position(|c| !c.is_ascii_alphanumeric())?;
    if b.get(i) != Some(&b'/') {
        return None;
    }
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
    (!id.is_empty()).then_some((t, id))
}

/// Position of the first `/_history/` in `url`. Called once or twice per
/// entry: a scan for `_` beats building a substring searcher each time.
pub fn find_history(url: &str) -> Option<usize> {
    const MARK: &[u8] = b"/_history/";
    let b = url.as_bytes();
    memchr::memchr_iter(b'_', b).find_map(|i| {
        let start = i.checked_sub(1)?;
        b.get(start..)?.starts_with(MARK).then_some(start)
    })
}

/// `url` without its `/_history/...` tail.
pub fn without_history(url: &str) -> &str {
    find_history(url).and_then(|i| url.get(..i)).unwrap_or(url)
}

/// True when `s` holds `://` (an absolute URL).
fn has_scheme(s: &str) -> bool {
    memchr::memchr_iter(b':', s.as_bytes())
        .any(|i| s.as_bytes().get(i + 1..i + 3) == Some(b"//".as_slice()))
}

/// The `Type/id` at the end of an absolute RESTful URL.
pub fn restful_tail(url: &str) -> Option<(&str, &str)> {
    type_id_tail(without_history(url))
}

/// The `Type/id` that `url` (without version) ends with.
fn type_id_tail(url: &str) -> Option<(&str, &str)> {
    let slash_id = memchr::memrchr(b'/', url.as_bytes())?;
    let id = url.get(slash_id + 1..)?;
    // One backward pass over the type: it must be alphanumeric back to the
    // previous `/`, so the last byte before the id's `/` that is not
    // alphanumeric is that `/` (once per entry, by the index).
    let head = url.as_bytes().get(..slash_id)?;
    let slash_t = head.iter().rposition(|c| !c.is_ascii_alphanumeric())?;
    if head.get(slash_t) != Some(&b'/') {
        return None;
    }
    let t = url.get(slash_t + 1..slash_id)?;
    let ok_type = t.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    (ok_type && !id.is_empty()).then_some((t, id))
}

/// The base (with trailing `/`) of a RESTful fullUrl `base/Type/id`, a
/// `/_history/v` tail left aside.
///
/// ```
/// use fr_fhir_core::rules::index::restful_base;
/// assert_eq!(restful_base("https://a.fr/fhir/Slot/1/_history/2"), Some("https://a.fr/fhir/"));
/// ```
pub fn restful_base(full_url: &str) -> Option<&str> {
    let url = without_history(full_url);
    let (t, id) = type_id_tail(url)?;
    url.get(..url.len().checked_sub(t.len() + id.len() + 1)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split as it was written before the one-pass version: two
    /// memchr, then a check of the type's bytes.
    fn split_type_id_before(reference: &str) -> Option<(&str, &str)> {
        let i = memchr::memchr(b'/', reference.as_bytes())?;
        let t = reference.get(..i)?;
        let rest = reference.get(i + 1..)?;
        let id = match memchr::memchr(b'/', rest.as_bytes()) {
            None => rest,
            Some(j) => {
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

    /// The tail as it was read before the backward pass.
    fn type_id_tail_before(url: &str) -> Option<(&str, &str)> {
        let slash_id = memchr::memrchr(b'/', url.as_bytes())?;
        let id = url.get(slash_id + 1..)?;
        let head = url.get(..slash_id)?;
        let slash_t = memchr::memrchr(b'/', head.as_bytes())?;
        let t = head.get(slash_t + 1..)?;
        let ok_type = t.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && t.bytes().all(|c| c.is_ascii_alphanumeric());
        (ok_type && !id.is_empty()).then_some((t, id))
    }

    #[test]
    fn backward_tail_agrees_with_the_two_search_one() {
        let cases = [
            "https://a.fr/fhir/Slot/1",
            "https://a.fr/fhir/Slot/",
            "https://a.fr/fhir/slot/1",
            "https://a.fr/fhir//1",
            "Slot/1",
            "/Slot/1",
            "https://a.fr/fhir/Sl-ot/1",
            "https://a.fr/fhir/Sl ot/1",
            "https://a.fr/Slöt/1",
            "https://a.fr/fhir/S/1",
            "https://a.fr/fhir/Slot/1/_history/2",
            "",
            "/",
            "//",
            "a",
            "https://a.fr/_x/Slot/é",
        ];
        for c in cases {
            assert_eq!(type_id_tail(c), type_id_tail_before(c), "{c:?}");
            assert_eq!(
                restful_base(c),
                {
                    let url = without_history(c);
                    type_id_tail_before(url).and_then(|(t, id)| {
                        url.get(..url.len().checked_sub(t.len() + id.len() + 1)?)
                    })
                },
                "{c:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn backward_tail_agrees_on_any_text(s in "[A-Za-z0-9/_:é -]{0,24}") {
            proptest::prop_assert_eq!(type_id_tail(&s), type_id_tail_before(&s));
        }
    }

    /// The order of the tests before relative references came first.
    fn ref_form_before(base: bool, first: bool, reference: &str) -> RefForm {
        if reference.starts_with('#') {
            RefForm::Contained
        } else if reference.starts_with("urn:") || has_scheme(reference) {
            RefForm::Absolute
        } else if split_type_id(reference).is_some() {
            RefForm::Relative(match (base, first) {
                (false, _) => RefBase::None,
                (true, true) => RefBase::First,
                (true, false) => RefBase::Own,
            })
        } else {
            RefForm::Other
        }
    }

    #[test]
    fn relative_first_agrees_with_absolute_first() {
        let cases = [
            "Slot/a://b",
            "Slot/a:",
            "Slot/a:/_history/1",
            "Slot/a/_history/:",
            "Slot/a/_history//",
            "Urn:x/1",
            "urn:uuid:1",
            "Slot/1",
            "https://x/Slot/1",
            "#x",
            "S://x",
            "Slot:/1",
        ];
        for c in cases {
            for (b, f) in [(false, false), (true, true), (true, false)] {
                assert_eq!(ref_form(b, f, c), ref_form_before(b, f, c), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn relative_first_agrees_on_any_text(s in "[Ssu][a-z]{0,3}[:/]{0,3}[a-z:]{0,3}(/_history/)?[a-z:/]{0,3}") {
            proptest::prop_assert_eq!(ref_form(true, true, &s), ref_form_before(true, true, &s));
        }
    }

    #[test]
    fn one_pass_split_agrees_with_the_two_pass_one() {
        let cases = [
            "Schedule/abc",
            "Schedule/abc/_history/2",
            "Schedule/abc/_history/",
            "Schedule/abc/x",
            "schedule/abc",
            "Schedule",
            "Schedule/",
            "/abc",
            "",
            "S/1",
            "Sch-edule/1",
            "Sch edule/1",
            "Sché/1",
            "Schedule:/1",
            "Schedule//1",
            "Slot/1/_history/2/3",
            "#loc",
            "urn:uuid:1",
            "https://x.fr/Slot/1",
            "Slot9/é",
            "S\u{0}/1",
            "Ab/1/_history/v",
            "A/ /",
        ];
        for c in cases {
            assert_eq!(split_type_id(c), split_type_id_before(c), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn one_pass_split_agrees_on_any_text(s in "[A-Za-z0-9/_:# -]{0,24}(/_history/[0-9/]{0,3})?") {
            proptest::prop_assert_eq!(split_type_id(&s), split_type_id_before(&s));
        }
    }

    /// Rules test `e.mode` (one byte) where they compared `mode(e)` with
    /// `"match"` / `"outcome"`: the same answer for every way of writing it.
    #[test]
    fn mode_byte_agrees_with_mode_text() {
        for mode in
            ["match", "include", "outcome", "m\\u0061tch", "outc\\u006fme", "Match", "", "x"]
        {
            let src = format!(
                r#"{{"resourceType":"Bundle","entry":[{{"resource":{{"resourceType":"Slot","id":"1"}},"search":{{"mode":"{mode}"}}}}]}}"#
            );
            let Ok((Resource::Bundle(b), _)) = crate::model::parse_resource(&src) else { panic!() };
            let mut ix = Index::new(&src);
            ix.add(0, &b.entry[0]);
            let e = &ix.entries[0];
            assert_eq!(e.mode == SearchMode::Match, ix.mode(e) == Some("match"), "{mode}");
            assert_eq!(e.mode == SearchMode::Outcome, ix.mode(e) == Some("outcome"), "{mode}");
        }
    }

    #[test]
    fn reference_forms() {
        assert_eq!(split_type_id("Schedule/abc"), Some(("Schedule", "abc")));
        assert_eq!(split_type_id("Schedule/abc/_history/2"), Some(("Schedule", "abc")));
        assert_eq!(split_type_id("schedule/abc"), None);
        assert_eq!(split_type_id("Schedule"), None);
        assert_eq!(restful_tail("https://a.fr/fhir/Slot/1"), Some(("Slot", "1")));
        assert_eq!(restful_base("https://a.fr/fhir/Slot/1"), Some("https://a.fr/fhir/"));
        assert_eq!(restful_base("urn:uuid:1234"), None);
        assert_eq!(find_history("https://a.fr/Slot/1/_history/2"), Some(19));
        assert_eq!(find_history("https://a.fr/Slot/_1/_history/2"), Some(20));
        assert_eq!(find_history("https://a.fr/Slot/1_history/2"), None);
        assert_eq!(without_history("https://a.fr/Slot/1/_history/2"), "https://a.fr/Slot/1");
        assert!(has_scheme("https://a.fr/x") && !has_scheme("urn:oid:1.2") && !has_scheme("a:/b"));
    }

    fn index_of(src: &str) -> (crate::model::Bundle<'_>, Index<'_>) {
        let Ok((Resource::Bundle(b), _)) = crate::model::parse_resource(src) else {
            panic!("not a bundle")
        };
        let mut ix = Index::new(src);
        for (i, e) in b.entry.iter().enumerate() {
            ix.add(i as u32, e);
        }
        (*b, ix)
    }

    #[test]
    fn texts_are_read_back_from_their_spans() {
        let src = r#"{"resourceType":"Bundle","entry":[
          {"fullUrl":"https://x.fr/fhir/Schedule/s\u0031","resource":{"resourceType":"Schedule","id":"s\u0031"},"search":{"mode":"include"}},
          {"resource":{"resourceType":"Patient","id":"p1"}},
          {"resource":{"resourceType":"Foo","id":"f1"}},
          {"search":{"mode":"match"}}]}"#;
        let (_b, ix) = index_of(src);
        let e: Vec<_> = ix.entries.iter().collect();
        assert_eq!(e.len(), 4);
        assert_eq!(ix.id(e[0]).as_deref(), Some("s1"));
        assert_eq!(ix.full_url(e[0]).as_deref(), Some("https://x.fr/fhir/Schedule/s1"));
        assert_eq!(ix.mode(e[0]), Some("include"));
        assert_eq!(
            e.iter().map(|e| ix.rtype(e)).collect::<Vec<_>>(),
            ["Schedule", "Patient", "Foo", ""]
        );
        assert_eq!(ix.id(e[1]).as_deref(), Some("p1"));
        assert_eq!(ix.full_url(e[1]), None);
        assert_eq!(ix.mode(e[3]), Some("match"));
        assert_eq!(ix.resolve(1, "Schedule/s1"), Resolution::Entry(0));
        assert_eq!(ix.resolve(1, "https://x.fr/fhir/Schedule/s1"), Resolution::Entry(0));
        assert_eq!(ix.resolve(1, "Foo/f1"), Resolution::Entry(2));
    }

    #[test]
    fn references_resolve_from_the_keys_computed_while_reading() {
        // Every form, each resolving to the entry named in its `display`
        // (`-` for none): relative against the entry's base, relative with
        // escapes, absolute, URN, contained, an absolute URL on another base
        // that still names a local Type/id, a relative one from an entry on
        // another base (resolved on that base), one from a versioned fullUrl,
        // and broken ones.
        let src = r##"{"resourceType":"Bundle","entry":[
          {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1"}},
          {"fullUrl":"urn:uuid:0b4c","resource":{"resourceType":"Practitioner","id":"p1"}},
          {"resource":{"resourceType":"Practitioner","id":"p2"}},
          {"fullUrl":"https://x.fr/fhir/Slot/a","resource":{"resourceType":"Slot","id":"a",
            "schedule":{"reference":"Schedule/s1","display":"0"}}},
          {"fullUrl":"https://x.fr/fhir/Slot/b","resource":{"resourceType":"Slot","id":"b",
            "schedule":{"reference":"Schedule\/s\u0031","display":"0"}}},
          {"fullUrl":"https://x.fr/fhir/Slot/c","resource":{"resourceType":"Slot","id":"c",
            "schedule":{"reference":"https://x.fr/fhir/Schedule/s1","display":"0"}}},
          {"resource":{"resourceType":"Schedule","id":"s2","actor":[
            {"reference":"urn:uuid:0b4c","display":"1"},
            {"reference":"https://y.fr/Practitioner/p2","display":"2"},
            {"reference":"Practitioner/p2","display":"2"},
            {"reference":"#loc","display":"#"},
            {"reference":"Practitioner/p9","display":"-"},
            {"reference":"urn:uuid:ffff","display":"-"},
            {"reference":"practitioner p1","display":"-"}]}},
          {"fullUrl":"https://z.fr/Slot/d","resource":{"resourceType":"Slot","id":"d",
            "schedule":{"reference":"Schedule/s1","display":"9"}}},
          {"fullUrl":"https://x.fr/fhir/Slot/e/_history/3","resource":{"resourceType":"Slot","id":"e",
            "schedule":{"reference":"Schedule/s1","display":"0"}}},
          {"fullUrl":"https://z.fr/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1"}},
          {"resource":{"resourceType":"Schedule","id":"s3","actor":[
            {"reference":"Practitioner\/p\u0031","display":"1"},
            {"reference":"Practitioner\/p\u0031","display":"1"},
            {"reference":"Practitioner/p1","display":"1"}]}}]}"##;
        let (b, mut ix) = index_of(src);
        let expected: Vec<&str> = b
            .entry
            .iter()
            .filter_map(|e| e.resource.as_ref())
            .flat_map(|r| match r {
                Resource::Slot(s) => s.schedule.iter().collect::<Vec<_>>(),
                Resource::Schedule(s) => s.actor.iter().collect(),
                _ => Vec::new(),
            })
            .map(|r| r.display.as_ref().map_or("", |d| d.as_str()))
            .collect();
        assert_eq!(ix.refs.len(), expected.len());
        let check = |ix: &Index<'_>| {
            for (i, want) in expected.iter().enumerate() {
                let got = match ix.target_of(i) {
                    Resolution::Entry(p) => p.to_string(),
                    Resolution::Contained => "#".into(),
                    Resolution::NotFound => "-".into(),
                };
                assert_eq!(&got, want, "reference {i}: {:?}", ix.ref_text(&ix.refs[i]));
                let text = ix.ref_text(&ix.refs[i]).unwrap();
                assert_eq!(ix.target_of(i), ix.resolve(ix.refs[i].from, &text));
            }
        };
        // Equal texts (escapes decoded) of the same form share their first occurrence.
        let texts: std::collections::HashSet<(String, u64)> =
            ix.refs.iter().map(|r| (ix.ref_text(r).unwrap().to_string(), r.form.tag())).collect();
        let firsts: std::collections::HashSet<u32> = ix.refs.iter().map(|r| r.same_as).collect();
        assert_eq!(firsts.len(), texts.len());
        for r in &ix.refs {
            let first = &ix.refs[r.same_as as usize];
            assert_eq!(ix.ref_text(first).as_deref(), ix.ref_text(r).as_deref());
            assert_eq!(first.form, r.form);
        }
        check(&ix);
        ix.resolve_refs();
        check(&ix);
    }

    #[test]
    fn same_texts_share_their_resolution_per_form_and_only_while_complete() {
        // The first `Schedule/s1` comes from an entry without a base, the
        // next ones from entries on the first base: two groups.
        let src = r#"{"resourceType":"Bundle","entry":[
          {"resource":{"resourceType":"Slot","id":"a","schedule":{"reference":"Schedule/s1"}}},
          {"fullUrl":"https://x.fr/fhir/Slot/b","resource":{"resourceType":"Slot","id":"b","schedule":{"reference":"Schedule/s1"}}},
          {"fullUrl":"https://x.fr/fhir/Slot/c","resource":{"resourceType":"Slot","id":"c","schedule":{"reference":"Schedule/s1"}}},
          {"fullUrl":"https://x.fr/fhir/Schedule/s1","resource":{"resourceType":"Schedule","id":"s1"}}]}"#;
        let Ok((Resource::Bundle(b), _)) = crate::model::parse_resource(src) else { panic!() };
        let mut ix = Index::new(src);
        for (i, e) in b.entry.iter().enumerate().take(3) {
            ix.add(i as u32, e);
        }
        assert_eq!(ix.refs.iter().map(|r| r.same_as).collect::<Vec<_>>(), [0, 1, 1]);
        ix.resolve_refs();
        assert_eq!(ix.target_of(2), Resolution::NotFound);
        // The Schedule arrives: the resolutions of the incomplete Bundle go.
        ix.add(3, &b.entry[3]);
        assert_eq!((0..3).map(|i| ix.target_of(i)).collect::<Vec<_>>(), [Resolution::Entry(3); 3]);
        ix.resolve_refs();
        assert_eq!((0..3).map(|i| ix.target_of(i)).collect::<Vec<_>>(), [Resolution::Entry(3); 3]);
    }

    #[test]
    fn duplicates_are_confirmed_on_the_texts() {
        let src = r#"{"resourceType":"Bundle","entry":[
          {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Slot","id":"a"}},
          {"fullUrl":"urn:uuid:2","resource":{"resourceType":"Slot","id":"b"}},
          {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Slot","id":"a"}}]}"#;
        let Ok((Resource::Bundle(b), _)) = crate::model::parse_resource(src) else { panic!() };
        let mut ix = Index::new(src);
        ix.add(0, &b.entry[0]);
        // Plant collisions: entry 1's keys already taken by entry 0.
        let (url_key, id_key) = (hash_parts(ix.seed, &["urn:uuid:2"]), ix.key2("Slot", "b"));
        ix.keys.by_full_url.insert(url_key, 0);
        ix.keys.by_type_id.insert(id_key, 0);
        ix.add(1, &b.entry[1]);
        assert_eq!((ix.dup_full_url.len(), ix.dup_type_id.len()), (0, 0));
        // A real repetition is one.
        ix.add(2, &b.entry[2]);
        assert_eq!(ix.dup_full_url, [Duplicate { first: 0, second: 2 }]);
        assert_eq!(ix.dup_type_id, [Duplicate { first: 0, second: 2 }]);
    }

    /// The index of `entries` (those of a Bundle, entry `i` at position
    /// `i`), `plant` applied after the first: the entries before `cut` added
    /// here, the others to a part taken in (none when `cut` is their count:
    /// the index one thread makes).
    fn planted_in_two_parts<'a>(
        src: &'a str,
        entries: &[BundleEntry<'a>],
        cut: usize,
        plant: impl Fn(&mut Index<'a>),
    ) -> Index<'a> {
        let mut first = Index::new(src);
        first.add(0, &entries[0]);
        plant(&mut first);
        for (i, e) in entries.iter().enumerate().take(cut).skip(1) {
            first.add(i as u32, e);
        }
        if cut < entries.len() {
            let mut part = first.sibling(src.len());
            for (i, e) in entries.iter().enumerate().skip(cut) {
                part.add_to_part((i - cut) as u32, e);
            }
            assert!(first.can_take(&part));
            first.take_part(part, cut as u32);
        }
        first
    }

    /// Equal hashes of different texts across a split point: the part's
    /// keys found in the first part's maps are confirmed on the texts as the
    /// keys inserted in order would have been — a planted collision hides
    /// the part's own repetition of that key, as it does on one thread — and
    /// the look-ups miss the same way.
    #[test]
    fn a_part_taken_in_meets_equal_hashes_as_one_index_does() {
        let src = r#"{"resourceType":"Bundle","entry":[
          {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Slot","id":"a"}},
          {"fullUrl":"urn:uuid:2","resource":{"resourceType":"Slot","id":"b"}},
          {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Slot","id":"a"}},
          {"fullUrl":"urn:uuid:2","resource":{"resourceType":"Slot","id":"b"}}]}"#;
        let Ok((Resource::Bundle(b), _)) = crate::model::parse_resource(src) else { panic!() };
        // Entry 1's keys already taken by entry 0, planted before entry 1.
        let plant = |ix: &mut Index<'_>| {
            let (url_key, id_key) = (hash_parts(ix.seed, &["urn:uuid:2"]), ix.key2("Slot", "b"));
            ix.keys.by_full_url.insert(url_key, 0);
            ix.keys.by_type_id.insert(id_key, 0);
        };
        let facts = |ix: &Index<'_>| {
            (
                ix.dup_full_url.clone(),
                ix.dup_type_id.clone(),
                ["urn:uuid:1", "urn:uuid:2"].map(|u| ix.by_full_url(u)),
                [("Slot", "a"), ("Slot", "b")].map(|(t, i)| ix.by_type_id(t, i)),
            )
        };
        let whole = planted_in_two_parts(src, &b.entry, b.entry.len(), plant);
        let expected = facts(&whole);
        // Entry 3 repeats entry 1, but the planted key points at entry 0.
        assert_eq!(expected.0, [Duplicate { first: 0, second: 2 }]);
        assert_eq!(expected.2, [Some(0), None]);
        for cut in 1..=3 {
            let first = planted_in_two_parts(src, &b.entry, cut, plant);
            assert_eq!(facts(&first), expected, "cut before entry {cut}");
        }
    }

    /// Equal hashes of different reference texts across a split point: each
    /// reference of the part is the same as the first one of its text, as one
    /// index makes it, when the first part's map holds another text under
    /// that hash (then no reference of that text has a first in the map).
    #[test]
    fn a_part_taken_in_meets_equal_reference_hashes_as_one_index_does() {
        let slot = |id: &str, to: &str| {
            format!(
                r#"{{"fullUrl":"urn:uuid:{id}","resource":{{"resourceType":"Slot","id":"{id}","schedule":{{"reference":"Schedule/{to}"}}}}}}"#
            )
        };
        let src = format!(
            r#"{{"resourceType":"Bundle","entry":[{}]}}"#,
            [slot("0", "x"), slot("1", "y"), slot("2", "y"), slot("3", "x")].join(",")
        );
        let Ok((Resource::Bundle(b), _)) = crate::model::parse_resource(&src) else { panic!() };
        // The text `Schedule/y` hashed where `Schedule/x` (reference 0) is.
        let plant = |ix: &mut Index<'_>| {
            let tag = ref_form(false, false, "Schedule/y").tag();
            ix.ref_texts.insert(hash_tagged(ix.seed, tag, "Schedule/y"), 0);
        };
        let whole = planted_in_two_parts(&src, &b.entry, b.entry.len(), plant);
        let same_as = |ix: &Index<'_>| ix.refs.iter().map(|r| r.same_as).collect::<Vec<_>>();
        assert_eq!(same_as(&whole), [0, 1, 2, 0]);
        for cut in 1..=3 {
            let first = planted_in_two_parts(&src, &b.entry, cut, plant);
            assert_eq!(same_as(&first), [0, 1, 2, 0], "cut before entry {cut}");
        }
    }

    /// The keys put in the maps apart, after every entry was added (the
    /// walking thread's way), give the index `add` gives: the same
    /// duplicates, in the same order, and the same look-ups — repeated keys
    /// of both kinds, texts written with and without escapes, raw types
    /// (one with an escaped name), an entry without a resource.
    #[test]
    fn keys_put_in_apart_index_as_add_does() {
        let src = r#"{"resourceType":"Bundle","entry":[
          {"fullUrl":"https://x.fr/fhir/Slot/a","resource":{"resourceType":"Slot","id":"a"}},
          {"fullUrl":"https:\/\/x.fr\/fhir\/Slot\/a","resource":{"resourceType":"Slot","id":"\u0061"}},
          {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Device","id":"d"}},
          {"fullUrl":"urn:uuid:2","resource":{"resourceType":"Dev\u0069ce","id":"d"}},
          {"fullUrl":"urn:uuid:3","resource":{"resourceType":"Dev\u0069ce","id":"d"}},
          {"fullUrl":"urn:uuid:1"},
          {"fullUrl":"urn:uuid:4","resource":{"resourceType":"Schedule","id":"a"}},
          {"fullUrl":"urn:uuid:4","resource":{"resourceType":"Slot","id":"a"}}]}"#;
        let (b, whole) = index_of(src);
        let mut apart = Index::new(src);
        let mut keys = apart.take_keys();
        let keyed: Vec<Keyed<'_>> =
            b.entry.iter().enumerate().map(|(i, e)| apart.add_unkeyed(i as u32, e).1).collect();
        for k in keyed {
            keys.insert(k);
        }
        apart.put_keys(keys);
        // What the sequential index found before the keys could be put in
        // apart (`a251f52`): escaped texts equal to plain ones, the raw type
        // `Device` written two ways, an escaped raw type coming first.
        let d = |first, second| Duplicate { first, second };
        assert_eq!(whole.dup_type_id, [d(0, 1), d(2, 3), d(2, 4), d(0, 7)]);
        assert_eq!(whole.dup_full_url, [d(0, 1), d(2, 5), d(6, 7)]);
        assert_eq!(whole.by_type_id("Device", "d"), Some(2));
        assert_eq!(whole.by_type_id("Slot", "a"), Some(0));
        assert_eq!(whole.by_full_url("urn:uuid:4"), Some(6));
        assert_eq!(apart.dup_type_id, whole.dup_type_id);
        assert_eq!(apart.dup_full_url, whole.dup_full_url);
        for e in &whole.entries {
            let (t, id, url) = (whole.rtype(e), whole.id(e), whole.full_url(e));
            if let Some(id) = id.as_deref() {
                assert_eq!(apart.by_type_id(t, id), whole.by_type_id(t, id), "{t}/{id}");
            }
            if let Some(url) = url.as_deref() {
                assert_eq!(apart.by_full_url(url), whole.by_full_url(url), "{url}");
            }
        }
    }

    #[test]
    fn bases_are_compared_while_reading() {
        let src = r#"{"resourceType":"Bundle","entry":[
          {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Slot","id":"u"}},
          {"fullUrl":"https://x.fr/fhir/Slot/a","resource":{"resourceType":"Slot","id":"a"}},
          {"fullUrl":"https://x.fr/fhir/Slot/b/_history/2","resource":{"resourceType":"Slot","id":"b"}},
          {"fullUrl":"https://y.fr/Slot/c","resource":{"resourceType":"Slot","id":"c"}},
          {"fullUrl":"https:\/\/x.fr\/fhir\/Slot\/d","resource":{"resourceType":"Slot","id":"d"}}]}"#;
        let (_b, ix) = index_of(src);
        assert_eq!(ix.first_base(), Some("https://x.fr/fhir/"));
        assert_eq!(ix.other_base, [3]);
    }

    #[test]
    fn a_split_sizes_the_first_part_for_the_whole_and_the_maps_for_each_part() {
        // 4 MB of input: 4,096 entries' room at a kilobyte each.
        let src = " ".repeat(4 << 20);
        let first = Index::for_first(&src, 1 << 20);
        // The other part's entries are appended here: no larger copy then.
        assert!(first.entries.capacity() >= 4096, "{}", first.entries.capacity());
        assert!(first.refs.capacity() >= 4096, "{}", first.refs.capacity());
        // Each part's maps for its own entries only: a map is written all
        // over, so one too large costs a page fault per page of it.
        assert!(first.keys.by_type_id.capacity() < 2048, "{}", first.keys.by_type_id.capacity());
        assert!(first.keys.by_full_url.capacity() < 2048, "{}", first.keys.by_full_url.capacity());
        let part = first.sibling(3 << 20);
        assert!((3072..4096).contains(&part.entries.capacity()), "{}", part.entries.capacity());
        assert!(part.keys.by_type_id.capacity() >= 3072, "{}", part.keys.by_type_id.capacity());
        assert!(part.keys.by_type_id.capacity() < 4096, "{}", part.keys.by_type_id.capacity());
    }

    #[test]
    fn entry_record_stays_small() {
        // Most of the index on a Bundle of millions of entries (README memory figure).
        assert!(size_of::<EntryInfo>() <= 56, "{}", size_of::<EntryInfo>());
        // One per literal reference: about one per entry in SAS Bundles.
        assert!(size_of::<RefInfo>() <= 28, "{}", size_of::<RefInfo>());
    }
}
