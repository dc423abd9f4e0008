//! The structural validator: one streaming walk of a resource's JSON against
//! a [`super::table::StructureTable`] (a profile or a base definition).
//!
//! Each structure is compiled once, on first use (`compile`): per element,
//! the JSON keys its object may hold, sorted for a binary search, with where
//! an element without snapshot children takes them from (content
//! reference, the type's profile, the type's base definition). The walk
//! (`run`) then reads the JSON once with [`crate::json::Reader`]: no tree,
//! no allocation per element on the happy path; serde_json is left to the
//! fixed/pattern, binding and slicing checks of the few values that have one.
//!
//! What it reports, and under which rule:
//!
//! | check | base definition | profile |
//! |---|---|---|
//! | JSON kind and shape (array iff the base element repeats; a decimal as a string) | RO1-FHIR-001 | RO1-FHIR-001 |
//! | unknown key (`fhir_comments` included; `valueFoo` of no base type) | RO1-FHIR-002 | RO1-FHIR-002 |
//! | lexical form of a primitive | RO1-FHIR-003 | RO1-FHIR-003 |
//! | min/max (a missing choice element is named `value[x]`) | RO1-FHIR-004 | RO1-PROF-001 when the profile changed the bound (slices always) |
//! | fixed/pattern | — | RO1-PROF-002 |
//! | required binding | RO1-FHIR-005 | RO1-PROF-003 when stricter than the base |
//! | extensible binding, enumerable value set | RO1-PROF-004 (warning) | RO1-PROF-004 (warning) |
//! | closed slicing, item in no slice | — | RO1-PROF-005 |
//! | choice type or reference target the profile does not allow | — | RO1-PROF-006 |
//! | invariants (`ele-1` left to RO1-JSON-001) | bdl-* RO1-FHIR-006, dom-* RO1-FHIR-007, ext-1 RO1-FHIR-008, others RO1-FHIR-009 | a profile's own: RO1-PROF-008 |
//!
//! A `warning` invariant gives a warning. Keys the invariants module does
//! not evaluate are listed by [`Validator::unevaluated`] (the engine reports
//! them once per profile, RO1-PROF-007). Null and empty values are left to
//! RO1-JSON-001: they count as present and are not entered.
//!
//! ```
//! use std::sync::Arc;
//! use fr_fhir_core::conformance::{Definitions, walk::{Validator, Walk}};
//! use fr_fhir_core::engine::{Emitter, Options, Scope};
//! use fr_fhir_core::json::Span;
//! let v = Validator::new(Arc::new(Definitions::new()));
//! let src = r#"{"resourceType":"Slot"}"#;
//! let opts = Options::default();
//! let mut em = Emitter::new(&opts);
//! let w = Walk { structure: "http://example.org/unknown", element: None, skip: &[], scope: Scope::ALL };
//! v.check(src, Span::new(0, src.len() as u32), &w, &mut em);
//! assert!(em.is_empty());
//! ```

pub mod binding;
mod compile;
pub mod fixed;
mod memo;
mod run;
#[cfg(test)]
pub(crate) use run::{LEFT_TO_READER, NO_ROOTS, ROOTS_STEPPED};
mod sink;
pub mod slicing;

pub use run::Buffers;
pub use sink::Sink;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

use super::Definitions;
use crate::engine::scope::Scope;
use crate::json::Span;
use binding::Terminology;
use compile::{Compiled, Index, NodeRef};

/// The structural validator over a set of definitions (each structure
/// compiled once, on first use; shared across threads).
///
/// ```
/// use fr_fhir_core::conformance::walk::{Validator, Walk};
/// use fr_fhir_core::engine::Scope;
/// use fr_fhir_core::finding::Finding;
/// use fr_fhir_core::json::Span;
/// let src = r#"{"resourceType":"Slot","schedule":{"reference":"Schedule/s1"},"status":"open",
///   "start":"2026-01-05T09:00:00.000+01:00","end":"2026-01-05T09:15:00.000+01:00"}"#;
/// let slot = "http://hl7.org/fhir/StructureDefinition/Slot";
/// let w = Walk { structure: slot, element: None, skip: &[], scope: Scope::ALL };
/// let mut found: Vec<(Scope, Finding)> = Vec::new();
/// Validator::builtin().check(src, Span::new(0, src.len() as u32), &w, &mut found);
/// // `open` is not in the required value set of Slot.status.
/// let ids: Vec<&str> = found.iter().map(|(_, f)| f.rule.id).collect();
/// assert_eq!(ids, ["RO1-FHIR-005"]);
/// ```
pub struct Validator {
    defs: Arc<Definitions>,
    by_url: Names,
    base_of: Names,
    /// `Element`'s base definition (what a `_name` holds), looked up once.
    element_root: Option<u32>,
    compiled: Box<[OnceLock<Compiled>]>,
    terminology: OnceLock<Terminology>,
}

impl std::fmt::Debug for Validator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validator")
            .field("structures", &self.defs.structures().len())
            .field("compiled", &self.compiled.iter().filter(|c| c.get().is_some()).count())
            .finish()
    }
}

/// FNV-1a: the walk looks names up per resource and per typed object;
/// SipHash's cost showed there, and these keys are our own definitions'.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Structure index by name (URL or type).
pub(crate) type Names = HashMap<String, u32, BuildHasherDefault<Fnv>>;

/// A structure, or an element of one, resolved by [`Validator::target`].
///
/// ```
/// use fr_fhir_core::conformance::walk::{Buffers, Validator, Walk};
/// use fr_fhir_core::engine::Scope;
/// use fr_fhir_core::finding::Finding;
/// use fr_fhir_core::json::Reader;
/// let v = Validator::builtin();
/// let bundle = "http://hl7.org/fhir/StructureDefinition/Bundle";
/// // Resolved once, then used for every entry.
/// let entry = v.target(bundle, Some("Bundle.entry")).unwrap();
/// let w = Walk { structure: bundle, element: Some("Bundle.entry"), skip: &[], scope: Scope::ALL };
/// let src = r#"[{"response":{"status":"200"},"bogus":1}, {"response":{"status":"201"}}]"#;
/// let (mut found, mut bufs) = (Vec::<(Scope, Finding)>::new(), Buffers::default());
/// let mut r = Reader::new(src);
/// let mut items = r.array().unwrap();
/// while r.next_item(&mut items).unwrap().is_some() {
///     let span = r.skip_value().unwrap();
///     v.check_target(src, span, entry, &w, &mut found, &mut bufs);
/// }
/// assert_eq!(found.len(), 1); // `bogus` is no element of Bundle.entry
/// assert_eq!(found[0].1.rule.id, "RO1-FHIR-002");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target(NodeRef);

/// What to walk and against what.
///
/// ```
/// use fr_fhir_core::conformance::walk::{Validator, Walk};
/// use fr_fhir_core::engine::Scope;
/// use fr_fhir_core::finding::Finding;
/// use fr_fhir_core::json::Span;
/// let src = r#"{"resourceType":"Bundle","type":"searchset",
///   "entry":[{"resource":{"resourceType":"Slot","bogus":1}}]}"#;
/// let all = Span::new(0, src.len() as u32);
/// let entries = Span::new(src.find('[').unwrap() as u32, src.rfind(']').unwrap() as u32 + 1);
/// let bundle = "http://hl7.org/fhir/StructureDefinition/Bundle";
/// // The Bundle without its entries (the engine walks each entry on its own).
/// let header = Walk { structure: bundle, element: None, skip: &[entries], scope: Scope::ALL };
/// let mut found: Vec<(Scope, Finding)> = Vec::new();
/// Validator::builtin().check(src, all, &header, &mut found);
/// assert!(found.is_empty());
/// // The whole Bundle: the Slot's unknown element is found.
/// let whole = Walk { skip: &[], ..header };
/// Validator::builtin().check(src, all, &whole, &mut found);
/// assert!(found.iter().any(|(_, f)| f.rule.id == "RO1-FHIR-002"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Walk<'w> {
    /// Canonical URL of the structure (profile or base definition).
    pub structure: &'w str,
    /// Element id the object at `span` is an instance of (`Bundle.entry`);
    /// `None`: the root of the structure (a resource).
    pub element: Option<&'w str>,
    /// Values not to enter (the walker jumps to their end): the entry array
    /// of a streamed Bundle, the resource of an entry walked on its own.
    pub skip: &'w [Span],
    /// Use cases the findings hold in.
    pub scope: Scope,
}

/// True when the invariants module evaluates `key` natively.
pub(crate) fn evaluates(key: &str) -> bool {
    super::invariants::is_evaluated(key)
}

use super::invariants as inv;

impl Validator {
    /// A validator over `defs`.
    pub fn new(defs: Arc<Definitions>) -> Self {
        let mut by_url = Names::default();
        let mut base_of = Names::default();
        for (i, s) in defs.structures().iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            by_url.insert(s.url.to_string(), i);
            if !s.is_profile {
                base_of.insert(s.type_name.to_string(), i);
            }
        }
        let compiled = (0..defs.structures().len()).map(|_| OnceLock::new()).collect();
        let element_root = base_of.get("Element").copied();
        Validator { defs, by_url, base_of, element_root, compiled, terminology: OnceLock::new() }
    }

    /// The validator over the built-in definitions (built once per process).
    pub fn builtin() -> &'static Validator {
        static V: OnceLock<Validator> = OnceLock::new();
        V.get_or_init(|| Validator::new(Arc::new(Definitions::builtin())))
    }

    /// The definitions it applies.
    pub fn definitions(&self) -> &Definitions {
        &self.defs
    }

    /// The constraint keys structure `structure_url` names that the
    /// invariants module does not evaluate (`ele-1` excepted: RO1-JSON-001
    /// covers it), each once, in snapshot order: the engine reports them
    /// once per profile (RO1-PROF-007).
    pub fn unevaluated(&self, structure_url: &str) -> Vec<&str> {
        let Some(st) = self.defs.structure(structure_url) else { return Vec::new() };
        let mut keys: Vec<&str> = Vec::new();
        for c in st.elements.iter().flat_map(|e| e.constraints.iter()) {
            // The keys knowingly left out (base R4 ones: txt-1, dom-6...) are
            // documented once in the invariant table, not reported per profile.
            let documented = crate::conformance::invariants::not_evaluated(&c.key).is_some();
            if c.key != "ele-1"
                && !documented
                && !keys.contains(&c.key.as_ref())
                && !evaluates(&c.key)
            {
                keys.push(&c.key);
            }
        }
        keys
    }

    /// Validates the JSON object at `span` of `src` as `w` says, reporting
    /// into `em`. An unknown structure URL reports nothing (the caller chose it).
    pub fn check(&self, src: &str, span: Span, w: &Walk<'_>, em: &mut dyn Sink) {
        self.check_with(src, span, w, em, &mut Buffers::default());
    }

    /// [`Validator::check`] with buffers kept from one walk to the next:
    /// what the many walks over one document use.
    pub fn check_with<'a>(
        &self,
        src: &'a str,
        span: Span,
        w: &Walk<'_>,
        em: &mut dyn Sink,
        bufs: &mut Buffers<'a>,
    ) {
        if let Some(t) = self.target(w.structure, w.element) {
            self.check_target(src, span, t, w, em, bufs);
        }
    }

    /// What `structure` (canonical URL, `|version` ignored) and `element`
    /// (an element id; `None`: the root) name, resolved once: many walks
    /// against the same structure need not look it up each time. `None`
    /// when either is unknown (a walk against it reports nothing).
    ///
    /// ```
    /// use fr_fhir_core::conformance::walk::Validator;
    /// let v = Validator::builtin();
    /// let bundle = "http://hl7.org/fhir/StructureDefinition/Bundle";
    /// assert!(v.target(bundle, Some("Bundle.entry")).is_some());
    /// assert!(v.target(bundle, Some("Bundle.nothing")).is_none());
    /// assert!(v.target("http://example.org/unknown", None).is_none());
    /// ```
    pub fn target(&self, structure: &str, element: Option<&str>) -> Option<Target> {
        let url = structure.split_once('|').map_or(structure, |(u, _)| u);
        let &s = self.by_url.get(url)?;
        let node = match element {
            None => NodeRef::root(s),
            Some(id) => NodeRef { s, e: *self.compiled(s)?.by_id.get(id)?, t: compile::NO_TYPE },
        };
        Some(Target(node))
    }

    /// [`Validator::check_with`] against a [`Validator::target`] of this
    /// validator (`w.structure` and `w.element` are not read again).
    pub fn check_target<'a>(
        &self,
        src: &'a str,
        span: Span,
        target: Target,
        w: &Walk<'_>,
        em: &mut dyn Sink,
        bufs: &mut Buffers<'a>,
    ) {
        self.check_target_read(src, span, target, w, em, bufs, None);
    }

    /// [`Validator::check_target`] of a resource the model reader read as
    /// `read_clean_as` without a note: the checks of its root primitives
    /// that reading made are left out (`compile::Entry::model_checked`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn check_target_read<'a>(
        &self,
        src: &'a str,
        span: Span,
        target: Target,
        w: &Walk<'_>,
        em: &mut dyn Sink,
        bufs: &mut Buffers<'a>,
        read_clean_as: Option<&str>,
    ) {
        let mut run = run::Run::new(self, src, w, em, bufs);
        run.top(target.0, span, read_clean_as);
        run.recycle();
    }

    fn index(&self) -> Index<'_> {
        Index {
            defs: &self.defs,
            by_url: &self.by_url,
            base_of: &self.base_of,
            bases: Default::default(),
        }
    }

    fn compiled(&self, s: u32) -> Option<&Compiled> {
        let cell = self.compiled.get(s as usize)?;
        Some(cell.get_or_init(|| compile::compile(&self.index(), s)))
    }

    fn terminology(&self) -> &Terminology {
        self.terminology.get_or_init(|| Terminology::new(&self.defs))
    }
}
