//! The invariants (`ElementDefinition.constraint`) evaluated natively, keyed
//! by their key (`per-1`, `dom-3`, `FINESS-invariant`): no FHIRPath engine.
//!
//! The walker gives an invariant what it needs of one object: its direct
//! children as read ([`ObjectView`]); the resource-wide facts (contained ids,
//! local references) come with the resource root ([`ResourceFacts`]).
//!
//! [`evaluate`] judges one key on one object, [`evaluate_resource`] the keys
//! of a whole resource (dom-2..5, ref-1), [`evaluate_entry`] the Bundle keys
//! about each entry (bdl-2..4); [`EVALUATED`] is the documented table of the
//! keys evaluated and [`NOT_EVALUATED`] says which keys are not, and why.
//!
//! ```
//! use fr_fhir_core::conformance::invariants::{evaluate, read_children, ObjectView, Verdict};
//! let src = r#"{"start": "2024-06-12T10:00:00+02:00", "end": "2024-06-12T09:00:00+02:00"}"#;
//! let (span, children) = read_children(src, 0).unwrap();
//! let period = ObjectView { span, children: &children, resource: None };
//! let Some(Verdict::Fails { en, .. }) = evaluate("per-1", &period) else { panic!() };
//! assert_eq!(en, "Period.start 2024-06-12T10:00:00+02:00 is after end 2024-06-12T09:00:00+02:00 (per-1: start <= end)");
//! assert_eq!(evaluate("rng-2", &period), None);
//! ```

mod contained;
mod datatypes;
mod identifiers;
mod moment;
mod resources;
mod table;
mod view;

#[cfg(test)]
mod tests;

pub use resources::evaluate_entry;
pub use table::{
    EVALUATED, Evaluated, How, NOT_EVALUATED, NotEvaluated, evaluated, is_evaluated, not_evaluated,
};
pub use view::read_children;

use crate::json::{Kind, Span, Str};

/// True when `key`'s evaluation reads [`Child::inner`] (the walker gathers
/// grandchildren names only for objects carrying such a key).
pub(crate) fn reads_inner(key: &str) -> bool {
    matches!(key, "bdl-2" | "bdl-3" | "bdl-4" | "bdl-9" | "bdl-11" | "bdl-12")
}

/// True for the keys judged on each Bundle entry against the Bundle's
/// `type` (bdl-2..4, [`evaluate_entry`]), not again from the Bundle.
pub(crate) fn judged_per_entry(key: &str) -> bool {
    matches!(key, "bdl-2" | "bdl-3" | "bdl-4")
}

/// True when `key`'s evaluation reads the object's children
/// ([`ObjectView::children`]): all but dom-2..5, judged from
/// [`ResourceFacts`] alone (the walker then need not gather the children of
/// a resource root that declares nothing else).
pub(crate) fn reads_children(key: &str) -> bool {
    !matches!(key, "dom-2" | "dom-3" | "dom-4" | "dom-5")
}

/// One direct child of an object, as the walker read it.
///
/// ```
/// use fr_fhir_core::conformance::invariants::read_children;
/// let (_, children) = read_children(r#"{"system": "urn:oid:1.2", "value": ["a", "b"]}"#, 0).unwrap();
/// assert_eq!(children[0].text.as_deref(), Some("urn:oid:1.2"));
/// assert_eq!(children[1].count, 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Child<'a> {
    /// JSON key (`start`, `valueString`, `_status`).
    pub name: &'a str,
    /// Span of the value (the whole array for an array).
    pub span: Span,
    /// JSON kind of the value.
    pub kind: Kind,
    /// Scalar value: the decoded string, or the raw token of a number or
    /// boolean; `None` for objects, arrays and null.
    pub text: Option<Str<'a>>,
    /// Number of items for an array (1 for a single value, 0 for null).
    pub count: u32,
    /// For an array of objects or an object: the names of the grandchildren
    /// present in the first object (enough for `identifier.system.exists()`-like
    /// tests on 0..1 paths); empty otherwise.
    pub inner: Vec<&'a str>,
}

/// What an invariant sees of one object.
///
/// ```
/// use fr_fhir_core::conformance::invariants::{ObjectView, read_children};
/// let (span, children) = read_children(r#"{"start": "2024-06-12", "end": null}"#, 0).unwrap();
/// let view = ObjectView { span, children: &children, resource: None };
/// assert!(view.has("start") && !view.has("end"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ObjectView<'v, 'a> {
    /// Span of the object.
    pub span: Span,
    /// Its direct children, in document order.
    pub children: &'v [Child<'a>],
    /// The resource-wide facts, when the object is a resource root.
    pub resource: Option<&'v ResourceFacts<'a>>,
}

impl<'a> ObjectView<'_, 'a> {
    /// The child named `name`, if present.
    pub fn get(&self, name: &str) -> Option<&Child<'a>> {
        self.children.iter().find(|c| c.name == name)
    }

    /// True when `name` is present with a value (not null).
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some_and(|c| c.count > 0)
    }
}

/// Facts about a whole resource, gathered while walking it.
///
/// ```
/// use fr_fhir_core::conformance::invariants::{ResourceFacts, evaluate_resource};
/// use fr_fhir_core::json::Span;
/// // A local reference `#loc` with no contained resource of that id: ref-1.
/// let facts = ResourceFacts { contained: vec![], local_refs: vec![("#loc".into(), Span::default())] };
/// assert!(evaluate_resource(&facts).iter().any(|(key, _)| *key == "ref-1"));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceFacts<'a> {
    /// Each contained resource: its id (if any), span, and what dom-2/4/5 ask.
    pub contained: Vec<ContainedFacts<'a>>,
    /// Every `reference` string starting with `#` anywhere in the resource
    /// (contained resources included), with its span.
    pub local_refs: Vec<(Str<'a>, Span)>,
}

/// What dom-2/4/5 ask of one contained resource.
///
/// ```
/// use fr_fhir_core::conformance::invariants::{ContainedFacts, ResourceFacts, evaluate_resource};
/// use fr_fhir_core::json::Span;
/// // A contained resource that nobody references: dom-3.
/// let lost = ContainedFacts { id: Some("loc".into()), span: Span::default(), nested_contained: None, meta_version: None, meta_security: None };
/// let facts = ResourceFacts { contained: vec![lost], local_refs: vec![] };
/// assert!(evaluate_resource(&facts).iter().any(|(key, _)| *key == "dom-3"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ContainedFacts<'a> {
    /// Its `id`, when present.
    pub id: Option<Str<'a>>,
    /// Span of the contained resource.
    pub span: Span,
    /// Span of its own `contained` element, when present (dom-2).
    pub nested_contained: Option<Span>,
    /// Span of its `meta.versionId` or `meta.lastUpdated`, when present (dom-4).
    pub meta_version: Option<Span>,
    /// Span of its `meta.security`, when present (dom-5).
    pub meta_security: Option<Span>,
}

/// The verdict of one invariant on one object.
///
/// ```
/// use fr_fhir_core::conformance::invariants::{ObjectView, Verdict, evaluate, read_children};
/// let (span, children) = read_children(r#"{"start": "2024-06-12", "end": "2024-06-13"}"#, 0).unwrap();
/// let period = ObjectView { span, children: &children, resource: None };
/// assert_eq!(evaluate("per-1", &period), Some(Verdict::Holds));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The invariant holds.
    Holds,
    /// It fails: where to point (the object, or the child at fault) and why.
    Fails {
        /// The element at fault.
        span: Span,
        /// Why, in French, naming the actual and the expected value.
        fr: String,
        /// Why, in English.
        en: String,
    },
}

/// Evaluates the invariant `key` on one object: `None` when the key is not
/// evaluated natively, or not decidable from this view (see [`EVALUATED`]);
/// otherwise whether it holds, and if not, where and why (the child at
/// fault when there is one, else the object).
///
/// The whole-resource keys (dom-2..5) answer from `view.resource` (the
/// first failure), `None` without it: [`evaluate_resource`] reports every
/// failure. ref-1 on a Reference holds: its local references are judged by
/// [`evaluate_resource`] with the root's contained ids.
///
/// ```
/// use fr_fhir_core::conformance::invariants::{evaluate, read_children, ObjectView, Verdict};
/// let src = r#"{"system": "phone", "value": "0123456789", "use": "home"}"#;
/// let (span, children) = read_children(src, 0).unwrap();
/// let telecom = ObjectView { span, children: &children, resource: None };
/// assert_eq!(evaluate("cpt-2", &telecom), Some(Verdict::Holds));
/// assert!(matches!(evaluate("org-3", &telecom), Some(Verdict::Fails { .. })));
/// ```
pub fn evaluate(key: &str, view: &ObjectView<'_, '_>) -> Option<Verdict> {
    use datatypes as d;
    use resources as r;
    let v = view;
    // Per resource: nothing contained, dom-2..5 hold (checked first: the
    // match below compares the key with each arm in turn).
    if let Some(f) = v.resource
        && f.contained.is_empty()
        && matches!(key, "dom-2" | "dom-3" | "dom-4" | "dom-5")
    {
        return Some(Verdict::Holds);
    }
    Some(match key {
        "bdl-5" => r::bdl_5(v),
        "bdl-8" => r::bdl_8(v),
        "ele-1" => d::ele_1(v),
        "ext-1" => d::ext_1(v),
        "per-1" => d::per_1(v),
        "cpt-2" => d::cpt_2(v),
        "ref-1" => d::ref_1(v),
        "att-1" => d::att_1(v),
        "qty-3" => d::qty_3(v),
        "sqty-1" => d::sqty_1(v),
        "age-1" => d::age_1(v),
        "cnt-3" => d::cnt_3(v),
        "dis-1" => d::dis_1(v),
        "drt-1" => d::drt_1(v),
        "mqty-1" => d::mqty_1(v),
        "tim-1" => d::needs(v, "Timing.repeat", key, "duration", "durationUnit"),
        "tim-2" => d::needs(v, "Timing.repeat", key, "period", "periodUnit"),
        "tim-4" => d::non_negative(v, key, "duration"),
        "tim-5" => d::non_negative(v, key, "period"),
        "tim-6" => d::needs(v, "Timing.repeat", key, "periodMax", "period"),
        "tim-7" => d::needs(v, "Timing.repeat", key, "durationMax", "duration"),
        "tim-8" => d::needs(v, "Timing.repeat", key, "countMax", "count"),
        "tim-9" => return d::tim_9(v),
        "tim-10" => d::not_both(v, "Timing.repeat", key, "timeOfDay", "when"),
        "rat-1" => d::rat_1(v),
        "drq-1" => d::exactly_one(v, "DataRequirement.codeFilter", key, "path", "searchParam"),
        "drq-2" => d::exactly_one(v, "DataRequirement.dateFilter", key, "path", "searchParam"),
        "exp-1" => d::one_of(v, "Expression", key, &["expression", "reference"]),
        "trd-1" => d::not_both(v, "TriggerDefinition", key, "data", "timing"),
        "trd-2" => d::needs(v, "TriggerDefinition", key, "condition", "data"),
        "trd-3" => d::trd_3(v),
        "txt-2" => d::txt_2(v),
        "dom-2" | "dom-3" | "dom-4" | "dom-5" => {
            let facts = v.resource?;
            let verdicts = match key {
                "dom-2" => contained::dom_2(facts),
                "dom-3" => contained::dom_3(facts),
                "dom-4" => contained::dom_4(facts),
                _ => contained::dom_5(facts),
            };
            verdicts.into_iter().map(|(_, verdict)| verdict).next().unwrap_or(Verdict::Holds)
        }
        "org-1" => r::org_1(v),
        "org-2" => r::not_home(v, "address", key),
        "org-3" => r::not_home(v, "telecom", key),
        "app-1" => d::one_of(v, "Appointment.participant", key, &["type", "actor"]),
        "app-2" => r::app_2(v),
        "app-3" => r::app_3(v),
        "app-4" => r::app_4(v),
        "pat-1" => {
            d::one_of(v, "Patient.contact", key, &["name", "telecom", "address", "organization"])
        }
        "inv-1" => r::inv_1(v),
        "bdl-1" => r::bdl_1(v),
        "bdl-2" | "bdl-3" | "bdl-4" => return r::bundle_entries(v, key),
        "bdl-9" => r::bdl_9(v),
        "bdl-10" => r::bdl_10(v),
        "bdl-11" => return r::first_resource(v, key, "document", "Composition"),
        "bdl-12" => return r::first_resource(v, key, "message", "MessageHeader"),
        "FINESS-invariant" => identifiers::prefixed_number(v, key, "FINESS", b'1', 9),
        "SIRET-invariant" => identifiers::prefixed_number(v, key, "SIRET", b'3', 14),
        _ => return None,
    })
}

/// Evaluates the keys that need the whole resource, at its root: dom-2,
/// dom-3, dom-4, dom-5 (its contained resources) and ref-1 (its local
/// references). Each key gives one `Holds`, or one `Fails` per failure
/// (pointing at the contained resource, its `contained` or `meta` element,
/// or the reference).
///
/// ```
/// use fr_fhir_core::conformance::invariants::{evaluate_resource, ContainedFacts, ResourceFacts, Verdict};
/// use fr_fhir_core::json::{Span, Str};
/// let facts = ResourceFacts {
///     contained: vec![ContainedFacts { id: Some(Str::Borrowed("loc")), span: Span::new(10, 40),
///         nested_contained: None, meta_version: None, meta_security: None }],
///     local_refs: vec![(Str::Borrowed("#loc"), Span::new(50, 56))],
/// };
/// assert!(evaluate_resource(&facts).iter().all(|(_, v)| *v == Verdict::Holds));
/// ```
pub fn evaluate_resource(facts: &ResourceFacts<'_>) -> Vec<(&'static str, Verdict)> {
    let mut out = contained::dom_2(facts);
    out.extend(contained::dom_3(facts));
    out.extend(contained::dom_4(facts));
    out.extend(contained::dom_5(facts));
    out.extend(contained::ref_1(facts));
    out
}
