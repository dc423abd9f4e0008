//! The walk: one forward read of a resource's JSON against compiled
//! structures, reporting as it goes.
//!
//! Recursion follows the JSON nesting (object → element → item → object),
//! bounded by [`MAX_DEPTH`]; deeper values are skipped (the reader validates
//! them without recursion). A JSON syntax error ends the walk quietly: the
//! parser reports it.

use super::binding::BindingOutcome;
use super::compile::{
    Coded, ElemInfo, Entry, Kids, NO_TYPE, NodeRef, Shape, ValueFlags, value_flags,
};
use super::memo::{Hole, Memo};
use super::sink::Sink;
use super::slicing::{Classified, Slicer};
use super::{Validator, Walk, fixed, inv};
use crate::conformance::invariants::{Child, ContainedFacts, ObjectView, ResourceFacts, Verdict};
use crate::conformance::table::{ConstraintSeverity, ElementTable, SlicingRules, StructureTable};
use crate::finding::{Finding, Message, RuleMeta, Severity};
use crate::json::{JsonError, Kind, Reader, Span, Str, word_before};

/// The walk stops at a JSON syntax error without saying why (the parser
/// reports it): a unit error keeps every result the walk passes up small.
struct Stop;

impl From<JsonError> for Stop {
    fn from(_: JsonError) -> Self {
        Stop
    }
}
use crate::model::sniff_type_and_profiles;
use crate::primitives::{self, JsonKind, PrimitiveKind};
use crate::rules::fhir;
use crate::rules::prof;

/// Objects nested deeper than this are skipped (FHIR resources nest about
/// 12 levels; the reader bounds the skip itself).
const MAX_DEPTH: u32 = 96;

#[cfg(test)]
thread_local! {
    /// Tests: root primitives whose check the walk left to the model reader
    /// on this thread ([`Entry::model_checked`]).
    pub(crate) static LEFT_TO_READER: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Tests: resource roots stepped over as like one walked clean
    /// ([`Memo::root_hit`]) on this thread.
    pub(crate) static ROOTS_STEPPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Tests: no root stepped over on this thread (reports compared).
    pub(crate) static NO_ROOTS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks a slot present without counting a value (a `_status` alone, a
/// null or empty value RO1-JSON-001 reports).
const PRESENT: u32 = 1 << 31;

/// How an object relates to resources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Root {
    /// An element inside a resource.
    No,
    /// A resource root (top level or entry): gathers its own facts.
    Resource,
    /// A contained resource: its facts belong to the containing resource.
    Contained,
}

/// One value read for a key.
struct Val<'a> {
    count: u32,
    span: Span,
    kind: Kind,
    text: Option<Str<'a>>,
}

/// The state of one walk.
pub(super) struct Run<'v, 'a, 'w, 'e, 'b> {
    v: &'v Validator,
    src: &'a str,
    r: Reader<'a>,
    w: &'w Walk<'w>,
    em: &'e mut dyn Sink,
    /// The buffers kept from one walk to the next, used in place: moving
    /// them in and out cost more than a small walk's own work.
    b: &'b mut Buffers<'a>,
    depth: u32,
    /// `type` of the open Bundle, when read before its entries: each entry
    /// is then judged on bdl-2..4 ([`inv::evaluate_entry`]).
    bundle_type: Option<Str<'a>>,
    /// The open Bundle's entries are judged on bdl-2..4 one by one, or by
    /// the caller (walked on their own): not again from the Bundle.
    entries_done: bool,
    /// Open values whose Codings are gathered for their binding (a bound
    /// Coding, CodeableConcept or Quantity is being read).
    capture: u32,
    /// Findings pushed, facts gathered and values skipped for depth so far:
    /// an object read while none of them moved is clean ([`Memo::keep`]).
    pushed: u32,
    side: u32,
    cut: u32,
    /// The first and last start of the values the caller walks on its own
    /// (`w.skip`; `u32::MAX`, 0 when none): most keys are outside, found
    /// so by two comparisons.
    skip_lo: u32,
    skip_hi: u32,
    /// The resource walked was read by its model without a note, and the
    /// structure describes its type: the root's [`Entry::model_checked`]
    /// values passed the check the walk would make.
    model_read: bool,
    /// The first byte of the resource root whose holes are gathered, to be
    /// remembered if walked clean (`Memo::keep_root`); `None` once something
    /// in it reads the text of a value the model reader checked.
    record: Option<u32>,
}

/// What the walk read of a value on the way, for its binding.
#[derive(Clone, Copy)]
enum Gathered<'t> {
    Nothing,
    /// A primitive's text (escapes decoded).
    Text(&'t str),
    /// Its Codings in [`Run::codings`]: from, depth.
    Codings(usize, u32),
}

impl Validator {
    pub(super) fn element(&self, n: NodeRef) -> Option<&ElementTable> {
        self.structure(n.s)?.elements.get(n.e as usize)
    }

    pub(super) fn structure(&self, s: u32) -> Option<&StructureTable> {
        self.defs.structures().get(s as usize)
    }

    pub(super) fn info(&self, n: NodeRef) -> Option<&ElemInfo> {
        self.compiled(n.s)?.elems.get(n.e as usize)
    }

    /// The keys of the object of element `node`, and the element owning
    /// them (itself, or the root of its type's definition).
    pub(super) fn kids(&self, node: NodeRef) -> Option<(&Kids, NodeRef)> {
        let mut n = node;
        for _ in 0..8 {
            if n.t != NO_TYPE {
                let root = *self.info(n)?.type_roots.get(usize::from(n.t))?;
                n = NodeRef::root((root != u32::MAX).then_some(root)?);
                continue;
            }
            let info = self.info(n)?;
            if let Some(k) = &info.kids {
                return Some((k, n));
            }
            n = info.delegate?;
        }
        None
    }

    /// The type code of a node (its chosen type, or its only one).
    fn type_code(&self, n: NodeRef) -> &str {
        let i = if n.t == NO_TYPE { 0 } else { usize::from(n.t) };
        self.element(n).and_then(|e| e.types.get(i)).map_or("", |t| t.code.as_ref())
    }
}

/// The buffers of the walks over one document, kept from one walk to the
/// next: a Bundle's entries are walked one by one, and growing fresh
/// buffers for each was a good part of the walk's cost. Borrowing from the
/// document (`'a`), they are handed over as they are, never converted.
///
/// ```
/// use fr_fhir_core::conformance::walk::{Buffers, Validator, Walk};
/// use fr_fhir_core::engine::Scope;
/// use fr_fhir_core::finding::Finding;
/// use fr_fhir_core::json::Span;
/// let slots = [r#"{"resourceType":"Slot","status":"free"}"#, r#"{"resourceType":"Slot"}"#];
/// let src = format!("[{}]", slots.join(","));
/// let w = Walk {
///     structure: "http://hl7.org/fhir/StructureDefinition/Slot",
///     element: None,
///     skip: &[],
///     scope: Scope::ALL,
/// };
/// let mut bufs = Buffers::default();
/// let mut found: Vec<(Scope, Finding)> = Vec::new();
/// let (first, second) = (Span::new(1, 40), Span::new(41, 64));
/// for span in [first, second] {
///     Validator::builtin().check_with(&src, span, &w, &mut found, &mut bufs);
/// }
/// // Slot.schedule, start and end are missing (1..1 in R4); status too in the second.
/// assert_eq!(found.len(), 7);
/// ```
#[derive(Debug, Default)]
pub struct Buffers<'a> {
    /// Per open object, one count per child slot (a stack).
    counts: Vec<u32>,
    /// Facts of the open resources (innermost last).
    facts: Vec<ResourceFacts<'a>>,
    /// Reused buffers of children, one per depth of objects with invariants.
    pool: Vec<Vec<Child<'a>>>,
    /// Reused buffers of grandchildren names ([`Child::inner`]).
    names: Vec<Vec<&'a str>>,
    /// The Codings (and Quantities) read while `capture` is set: depth of
    /// the object, `system`, `code`. A binding holds when one of them is in
    /// the value set, without reading the value again.
    codings: Vec<(u32, Option<Str<'a>>, Option<Str<'a>>)>,
    /// Items lately put in a slice: slicer (by address), item, slice
    /// ([`Run::remembered`]).
    slices: Vec<(usize, Span, u64, Option<usize>)>,
    /// Clean objects by element ([`Memo`]).
    memo: Memo<'a>,
    /// The holes of the resource root being walked ([`Run::record`]).
    holes: Vec<Hole>,
    /// Tests: the values in it whose check was left to the reader.
    #[cfg(test)]
    left: usize,
    /// Take no shortcut that skips work (tests compare): gather every judged
    /// object's children, read or not; evaluate dom-2..5 with nothing contained.
    exact: bool,
}

impl Buffers<'_> {
    /// Buffers whose walks never step over a remembered object.
    #[cfg(test)]
    pub(super) fn without_memo() -> Self {
        Buffers { memo: Memo::off(), ..Buffers::default() }
    }

    /// Buffers whose walks take no shortcut: no memo, the children of every
    /// object with invariants gathered whether one reads them or not, and
    /// dom-2..5 evaluated even with nothing contained (debug builds walk
    /// each root found like a kept one so).
    #[cfg(any(test, debug_assertions))]
    pub(super) fn exact() -> Self {
        Buffers { memo: Memo::off(), exact: true, ..Buffers::default() }
    }
}

impl<'v, 'a, 'w, 'e, 'b> Run<'v, 'a, 'w, 'e, 'b> {
    pub(super) fn new(
        v: &'v Validator,
        src: &'a str,
        w: &'w Walk<'w>,
        em: &'e mut dyn Sink,
        b: &'b mut Buffers<'a>,
    ) -> Self {
        b.memo.bind(std::ptr::from_ref(v) as usize);
        let skip_lo = w.skip.iter().map(|s| s.start).min().unwrap_or(u32::MAX);
        let skip_hi = w.skip.iter().map(|s| s.start).max().unwrap_or(0);
        Run {
            v,
            src,
            r: Reader::new(src),
            w,
            em,
            b,
            depth: 0,
            bundle_type: None,
            entries_done: false,
            capture: 0,
            pushed: 0,
            side: 0,
            cut: 0,
            skip_lo,
            skip_hi,
            model_read: false,
            record: None,
        }
    }

    /// Leaves the buffers ready for the next walk.
    pub(super) fn recycle(self) {
        let b = self.b;
        // A walk that ended early (malformed JSON) leaves some behind.
        b.counts.clear();
        b.facts.clear();
        b.codings.clear();
        // Bounded: as many as one walk holds at once is plenty.
        b.names.truncate(256);
        b.pool.truncate(MAX_DEPTH as usize);
    }

    /// Walks the object at `span` as an instance of `node`.
    pub(super) fn top(&mut self, node: NodeRef, span: Span, read_clean_as: Option<&str>) {
        self.r = Reader::at(self.src, span.start as usize);
        self.model_read = self.w.element.is_none()
            && node.e == 0
            && read_clean_as.is_some_and(|t| {
                self.v.structure(node.s).is_some_and(|st| st.type_name.as_ref() == t)
            });
        // A root like one walked clean, but for values the reader checked
        // and the walk only counts: clean too.
        let alike = self.model_read && self.w.skip.is_empty() && !self.b.exact;
        #[cfg(test)]
        let alike = alike && !NO_ROOTS.with(std::cell::Cell::get);
        if alike && self.root_like_one_kept(node, span) {
            return;
        }
        if alike {
            self.b.holes.clear();
            #[cfg(test)]
            {
                self.b.left = 0;
            }
            self.record = Some(span.start);
        }
        let _ = if self.w.element.is_none() || node.e == 0 {
            let before = (self.pushed, self.side, self.cut);
            let walked = self.object(node, Root::Resource, None);
            if let (Some(at), Ok(sp)) = (self.record.take(), walked.as_ref().map(|sp| *sp))
                && sp.start == at
                && before == (self.pushed, self.side, self.cut)
            {
                self.b.memo.keep_root(
                    node,
                    self.text(sp),
                    &self.b.holes,
                    #[cfg(test)]
                    self.b.left,
                );
            }
            walked.map(drop)
        } else if self.v.info(node).and_then(|i| i.shapes.first()) == Some(&Shape::Resource) {
            self.resource(false).map(drop)
        } else {
            self.object(node, Root::No, None).map(drop)
        };
    }

    /// Whether the root at `span` is one remembered clean as `node` but for
    /// its holes ([`Memo::root_hit`]).
    fn root_like_one_kept(&mut self, node: NodeRef, span: Span) -> bool {
        let rest = self.src.as_bytes().get(span.start as usize..).unwrap_or_default();
        let Some(hit) = self.b.memo.root_hit(node, rest) else { return false };
        debug_assert_eq!(Some(hit.len), span.end.checked_sub(span.start).map(|n| n as usize));
        // Tests and fuzzing hold the reader to it, as `plain_string` does.
        if cfg!(debug_assertions) {
            for &(s, e, kind) in hit.found {
                let text = rest.get(s..e).and_then(|t| std::str::from_utf8(t).ok());
                debug_assert!(
                    text.is_some_and(|t| primitives::check(kind, t).is_ok()),
                    "{text:?} read clean as {kind:?}"
                );
            }
        }
        #[cfg(test)]
        {
            LEFT_TO_READER.with(|n| n.set(n.get() + hit.left));
            ROOTS_STEPPED.with(|n| n.set(n.get() + 1));
        }
        // Tests and fuzzing hold the shortcut to the walk it skips: the
        // exact walk of this root finds nothing either.
        #[cfg(debug_assertions)]
        {
            let mut found: Vec<(crate::engine::scope::Scope, Finding)> = Vec::new();
            let mut bufs = Buffers::exact();
            let mut run = Run::new(self.v, self.src, self.w, &mut found, &mut bufs);
            run.top(node, span, None);
            run.recycle();
            debug_assert!(found.is_empty(), "a root like one walked clean: {found:?}");
        }
        true
    }

    /// Whether a value the caller walks on its own starts in `from..to`.
    fn skips_within(&self, from: usize, to: usize) -> bool {
        if to <= self.skip_lo as usize || from > self.skip_hi as usize {
            return false;
        }
        self.w.skip.iter().any(|s| (from..to).contains(&(s.start as usize)))
    }

    fn push(&mut self, f: Finding) {
        self.pushed += 1;
        self.em.push(self.w.scope, f);
    }

    fn text(&self, sp: Span) -> &'a str {
        sp.slice(self.src).unwrap_or("")
    }

    /// Reads the object of element `node`.
    fn object(
        &mut self,
        node: NodeRef,
        root: Root,
        mut inner: Option<&mut Vec<&'a str>>,
    ) -> Result<Span, Stop> {
        if self.depth >= MAX_DEPTH {
            self.cut += 1;
            return Ok(self.r.skip_value()?);
        }
        let v = self.v;
        let mut obj = self.r.object()?;
        let start = obj.start();
        let kids = v.kids(node);
        let owner_s = kids.map_or(node.s, |(_, o)| o.s);
        let info = v.info(node);
        let owner = kids.map(|(_, o)| o);
        let owner_info = owner.filter(|o| *o != node).and_then(|o| v.info(o));
        let has_invs = info.is_some_and(|i| !i.invs.is_empty())
            || owner_info.is_some_and(|i| !i.invs.is_empty());
        // Invariants judged at the end; the children gathered for them only
        // when one reads them (dom-2..5 at a resource root read its facts).
        let judge = has_invs || root == Root::Resource;
        let collect = judge
            && (self.b.exact
                || info.is_some_and(|i| i.children)
                || owner_info.is_some_and(|i| i.children));
        let gather = info.is_some_and(|i| i.inner) || owner_info.is_some_and(|i| i.inner);
        let kids = kids.map(|(k, _)| k);
        let base = self.b.counts.len();
        self.b.counts.resize(base + kids.map_or(0, |k| k.slots.len()), 0);
        let depth = self.depth as usize;
        let mut buf = if collect {
            if self.b.pool.len() <= depth {
                self.b.pool.resize_with(depth + 1, Vec::new);
            }
            self.b.pool.get_mut(depth).map(std::mem::take).unwrap_or_default()
        } else {
            Vec::new()
        };
        if root == Root::Resource {
            self.b.facts.push(ResourceFacts::default());
        }
        let bundle = root == Root::Resource
            && v.structure(node.s).is_some_and(|st| st.type_name == "Bundle");
        let outer_bundle = bundle
            .then(|| (self.bundle_type.take(), std::mem::replace(&mut self.entries_done, false)));
        let ref_types = info.map_or(&[][..], |i| &i.ref_types[..]);
        let coding = self.capture > 0 && matches!(v.type_code(node), "Coding" | "Quantity");
        // The resource the job is about, not one contained in it, with the
        // children of the structure the model's type was compared with (not
        // a delegate's, whose flags were worked out for its own type).
        let model_read =
            self.model_read && root == Root::Resource && self.depth == 0 && owner_s == node.s;
        // No root kept whose values' texts are read on: the children
        // gathered for its invariants, a Bundle's `type` for its entries
        // (never a hole: it has a required binding; said here so that no
        // later change makes it one).
        if (collect || bundle) && root == Root::Resource && self.depth == 0 {
            self.record = None;
        }
        let (mut system, mut code) = (None, None);
        self.depth += 1;
        while let Some((key, _)) = self.r.next_key_inline(&mut obj)? {
            let ks = key.as_str();
            if let (Some(inner), Str::Borrowed(k)) = (inner.as_deref_mut(), &key) {
                inner.push(k);
            }
            // The value's kind, read once: nothing below moves the reader
            // before the value is read.
            let kind = self.r.peek()?;
            let vstart = self.r.pos32();
            let mut entry = kids.and_then(|k| k.get(ks));
            let mut counted = true;
            if entry.is_none()
                && let Some(fb) = info.and_then(|i| i.fallback).and_then(|f| v.kids(f))
            {
                entry = fb.0.get(ks);
                counted = false;
            }
            if (self.skip_lo..=self.skip_hi).contains(&vstart)
                && let Some(sk) = self.w.skip.iter().find(|s| s.start == vstart)
            {
                // Walked on its own by the caller, but present here: invariants
                // of this object (bdl-5 on an entry) see it.
                if let (true, Str::Borrowed(name)) = (collect, &key) {
                    buf.push(Child {
                        name,
                        span: *sk,
                        kind,
                        text: None,
                        count: 1,
                        inner: Vec::new(),
                    });
                }
                self.r = Reader::at(self.src, sk.end as usize);
                self.entries_done |= bundle && ks == "entry";
                if let Some(c) = entry
                    .filter(|_| counted)
                    .and_then(|e| self.b.counts.get_mut(base + usize::from(e.slot)))
                {
                    *c |= PRESENT;
                }
                continue;
            }
            let Some(entry) = entry else {
                let span = self.r.skip_value()?;
                if !(ks == "resourceType" && root != Root::No) {
                    self.unknown(node, ks, span);
                }
                // Invariants see what is there, known or not (ext-1 on a `valueFoo`).
                if let (true, Str::Borrowed(name)) = (collect, &key) {
                    let text = (kind == Kind::String)
                        .then(|| Str::Borrowed(self.text(span).trim_matches('"')));
                    buf.push(Child { name, span, kind, text, count: 1, inner: Vec::new() });
                }
                continue;
            };
            if entry.bad_type {
                let sp = self.r.skip_value()?;
                if let (true, Str::Borrowed(name)) = (collect, &key) {
                    buf.push(Child {
                        name,
                        span: sp,
                        kind,
                        text: None,
                        count: 1,
                        inner: Vec::new(),
                    });
                }
                if let Some(c) = self.b.counts.get_mut(if counted {
                    base + usize::from(entry.slot)
                } else {
                    usize::MAX
                }) {
                    *c |= PRESENT;
                }
                self.bad_choice(entry, sp);
                continue;
            }
            let mut grand: Vec<&'a str> =
                if gather { self.b.names.pop().unwrap_or_default() } else { Vec::new() };
            // What `item` does with such values, without its dispatch.
            let single = entry.single && kind == Kind::Object && self.capture == 0 && !gather;
            let val = if entry.plain && kind == Kind::String && !self.b.exact {
                self.plain_string(entry, ks, model_read && counted && entry.model_checked)?
            } else if single && let Some(span) = self.remembered_object(entry.node) {
                Val { count: 1, span, kind, text: None }
            } else {
                self.element(entry, ks, kind, gather.then_some(&mut grand))?
            };
            if bundle && ks == "type" {
                self.bundle_type = val.text.clone();
            }
            if coding {
                match ks {
                    "system" => system = val.text.clone(),
                    "code" => code = val.text.clone(),
                    _ => {}
                }
            }
            let slot = if counted { base + usize::from(entry.slot) } else { usize::MAX };
            if let Some(c) = self.b.counts.get_mut(slot) {
                if entry.underscore || val.count == 0 {
                    *c |= PRESENT;
                } else {
                    *c += val.count;
                    let total = *c & !PRESENT;
                    if entry.max.exceeded_by(total)
                        && let Some(el) = v.element(entry.node)
                    {
                        self.too_many(entry.node, el, total, val.span);
                    }
                }
            }
            if entry.reference
                && let Some(t) = &val.text
            {
                if t.starts_with('#') {
                    self.side += 1;
                    if let Some(f) = self.b.facts.last_mut() {
                        f.local_refs.push((t.clone(), val.span));
                    }
                } else if !ref_types.is_empty() {
                    self.check_ref(node, ref_types, t, val.span);
                }
            }
            if collect && let Str::Borrowed(name) = key {
                buf.push(Child {
                    name,
                    span: val.span,
                    kind: val.kind,
                    text: val.text,
                    count: val.count,
                    inner: grand,
                });
            }
        }
        self.depth -= 1;
        if coding {
            self.b.codings.push((self.depth, system, code));
        }
        let span = Span::new(start, self.r.pos32());
        if let Some(k) = kids {
            for &slot in k.required.iter() {
                let n = self.b.counts.get(base + usize::from(slot)).copied().unwrap_or(1);
                if n == 0
                    && let Some(sl) = k.slots.get(usize::from(slot))
                {
                    self.missing(NodeRef { s: owner_s, e: sl.e, t: NO_TYPE }, &sl.name, span);
                }
            }
        }
        self.b.counts.truncate(base);
        if judge {
            let facts = if root == Root::Resource { self.b.facts.pop() } else { None };
            // Nothing to judge (every invariant here reads facts, and there
            // are none; no Bundle entry): `invariants` would report nothing.
            let quiet = !self.b.exact
                && info.is_none_or(|i| i.quiet && !(i.in_context && self.bundle_type.is_some()))
                && owner_info.is_none_or(|i| i.quiet)
                && facts.as_ref().is_none_or(|f| f.contained.is_empty() && f.local_refs.is_empty());
            if !quiet {
                if root == Root::Resource && self.depth == 0 {
                    self.record = None;
                }
                self.invariants(node, owner, span, &buf, facts.as_ref());
            }
        }
        if collect {
            for c in buf.drain(..) {
                let mut names = c.inner;
                // Children without names (unknown, skipped) gave no buffer.
                if names.capacity() > 0 {
                    names.clear();
                    self.b.names.push(names);
                }
            }
            if let Some(p) = self.b.pool.get_mut(depth) {
                *p = buf;
            }
        }
        if let Some((ty, done)) = outer_bundle {
            (self.bundle_type, self.entries_done) = (ty, done);
        }
        Ok(span)
    }

    /// Reads the string value of a [`Entry::plain`] entry: as
    /// [`Run::item`] reads it (tests compare, `Buffers::exact`).
    /// `checked`: the reader made the check ([`Run::model_read`]).
    #[inline]
    fn plain_string(&mut self, entry: &Entry, key: &str, checked: bool) -> Result<Val<'a>, Stop> {
        debug_assert!(entry.plain_for() && entry.flags == self.flags_of(entry.node));
        let (text, span) = self.r.string()?;
        // Tests and fuzzing hold the reader to it.
        #[cfg(debug_assertions)]
        if checked && let Shape::Primitive(_, Some(pk)) = entry.shape {
            debug_assert!(primitives::check(pk, &text).is_ok(), "{text:?} read clean as {pk:?}");
        }
        #[cfg(test)]
        if checked {
            LEFT_TO_READER.with(|n| n.set(n.get() + 1));
        }
        if let Shape::Primitive(_, Some(pk)) = entry.shape
            && !checked
            && let Err(e) = primitives::check(pk, &text)
        {
            self.lexical(entry.node, key, pk, &e, &text, span);
        }
        if entry.flags.checks {
            self.value_checks(entry.node, span, Gathered::Text(&text));
        }
        #[cfg(test)]
        {
            self.b.left += usize::from(checked);
        }
        // What the walk does with such a value does not depend on its text
        // (`Memo::root_hit`): a hole of the root. Its text goes back to
        // `object`, which reads it for a Bundle's `type`, a Coding's `system`
        // and `code` (never at a root: nothing captured there), a reference,
        // and the children gathered for the root's invariants: the guards
        // here and there (`record` cleared) keep each of those out. A check
        // that comes to read a root string's text must keep it out too.
        if checked
            && !entry.flags.checks
            && !entry.reference
            && let Some(at) = self.record
            && let Shape::Primitive(_, Some(kind)) = entry.shape
        {
            self.b.holes.push(Hole {
                start: (span.start + 1).saturating_sub(at),
                end: span.end.saturating_sub(1).saturating_sub(at),
                kind,
            });
        }
        Ok(Val { count: 1, span, kind: Kind::String, text: Some(text) })
    }

    /// Steps over the object at the reader when it is remembered clean as
    /// `node` ([`Memo`]), as [`Run::item`] does; its span.
    #[inline]
    fn remembered_object(&mut self, node: NodeRef) -> Option<Span> {
        let from = self.r.pos();
        let len = self.b.memo.hit(node, self.src.as_bytes().get(from..).unwrap_or_default())?;
        if self.skips_within(from, from + len) || !self.r.step_over(from + len) {
            return None;
        }
        Some(Span::new(
            u32::try_from(from).unwrap_or(u32::MAX),
            u32::try_from(from + len).unwrap_or(u32::MAX),
        ))
    }

    /// Reads the value of one key (a single value or an array).
    fn element(
        &mut self,
        entry: &Entry,
        key: &str,
        kind: Kind,
        inner: Option<&mut Vec<&'a str>>,
    ) -> Result<Val<'a>, Stop> {
        let many = entry.many;
        match kind {
            Kind::Null => {
                let span = self.r.null()?;
                Ok(Val { count: 0, span, kind: Kind::Null, text: None })
            }
            Kind::Array if many => self.array(entry, key, inner),
            Kind::Array => {
                let span = self.r.skip_value()?;
                self.wrong_kind(
                    entry.node,
                    key,
                    Kind::Array,
                    "un(e) unique",
                    "a single value",
                    span,
                );
                Ok(Val { count: 1, span, kind: Kind::Array, text: None })
            }
            k if many => {
                // Still read as the array's one item: what it holds is checked,
                // and its local references count (no dom-3 on their target).
                let val = self.item(entry, entry.node, key, k, inner)?;
                self.wrong_kind(entry.node, key, k, "un tableau", "an array", val.span);
                Ok(Val { count: 1, span: val.span, kind: k, text: None })
            }
            _ => self.item(entry, entry.node, key, kind, inner),
        }
    }

    fn array(
        &mut self,
        entry: &Entry,
        key: &str,
        mut inner: Option<&mut Vec<&'a str>>,
    ) -> Result<Val<'a>, Stop> {
        let v = self.v;
        let mut arr = self.r.array()?;
        let start = arr.start();
        let slicer = if entry.underscore {
            None
        } else {
            v.info(entry.node).and_then(|i| i.slicer.as_deref())
        };
        let sbase = self.b.counts.len();
        self.b.counts.resize(sbase + slicer.map_or(0, |s| s.slices().len()), 0);
        let mut n = 0u32;
        let mut last = Kind::Null;
        while self.r.next_item(&mut arr)?.is_some() {
            let kind = self.r.peek()?;
            if kind == Kind::Null {
                self.r.null()?;
                continue;
            }
            let mut target = entry.node;
            let mut classified_as = None;
            if let Some(sl) = slicer {
                // The slicer reads the item from its start and stops at its
                // end (or sooner): its span is needed only to report it.
                let at = self.r.pos();
                let item = self.src.get(at..).unwrap_or_default();
                let slice = match self.remembered(sl, at) {
                    Some(slice) => slice,
                    None => {
                        let slice = sl.slice_of(item);
                        classified_as = Some((sl, slice));
                        slice
                    }
                };
                // Only a closed slicing reports an item in no slice: its reason is built then.
                let (classified, isp) = match slice {
                    Some(idx) => (Classified::Slice(idx), Span::default()),
                    None if sl.rules() == SlicingRules::Closed => {
                        let isp = self.r.clone().skip_value()?;
                        (sl.classify(self.text(isp)), isp)
                    }
                    None => (
                        Classified::Unmatched {
                            reason_fr: String::new(),
                            reason_en: String::new(),
                        },
                        Span::default(),
                    ),
                };
                match classified {
                    Classified::Slice(idx) => {
                        if let Some(p) = sl.slices().iter().position(|s| s.index == idx) {
                            if let Some(c) = self.b.counts.get_mut(sbase + p) {
                                *c += 1;
                            }
                            target = NodeRef {
                                s: entry.node.s,
                                e: u32::try_from(idx).unwrap_or(u32::MAX),
                                t: entry.node.t,
                            };
                        }
                    }
                    Classified::Unmatched { reason_fr, reason_en } => {
                        if sl.rules() == SlicingRules::Closed {
                            self.closed_slicing(entry.node, isp, &reason_fr, &reason_en);
                        }
                    }
                }
            }
            let first = if n == 0 { inner.as_deref_mut() } else { None };
            let val = self.item(entry, target, key, kind, first)?;
            if let Some((sl, slice)) = classified_as
                && val.kind == Kind::Object
            {
                self.remember(sl, val.span, slice);
            }
            last = val.kind;
            n += 1;
        }
        let span = Span::new(start, self.r.pos32());
        if let Some(sl) = slicer {
            for (p, s) in sl.slices().iter().enumerate() {
                let c = self.b.counts.get(sbase + p).copied().unwrap_or(0);
                if c < s.min || s.max.exceeded_by(c) {
                    self.slice_count(entry.node, s, c, span);
                }
            }
        }
        self.b.counts.truncate(sbase);
        let _ = last;
        Ok(Val { count: n, span, kind: Kind::Array, text: None })
    }

    /// Reads one value (not an array) of element `node`, of JSON `kind`
    /// (peeked by the caller).
    fn item(
        &mut self,
        entry: &Entry,
        node: NodeRef,
        key: &str,
        kind: Kind,
        inner: Option<&mut Vec<&'a str>>,
    ) -> Result<Val<'a>, Stop> {
        debug_assert_eq!(Ok(kind), self.r.clone().peek());
        // What the element asks of its value, worked out when compiling
        // (a slice the item was put in: looked up now).
        let flags = if node == entry.node {
            debug_assert_eq!(entry.flags, self.flags_of(node), "{}", entry.name);
            entry.flags
        } else {
            self.flags_of(node)
        };
        if entry.underscore {
            if kind != Kind::Object {
                let span = self.r.skip_value()?;
                self.wrong_kind(node, key, kind, "un objet", "an object", span);
                return Ok(Val { count: 1, span, kind, text: None });
            }
            let span = match self.v.element_root {
                Some(el) => self.object(NodeRef::root(el), Root::No, inner)?,
                None => self.r.skip_value()?,
            };
            return Ok(Val { count: 1, span, kind, text: None });
        }
        match entry.shape {
            Shape::Primitive(jk, pk) => {
                let ok = matches!(
                    (jk, kind),
                    (JsonKind::String, Kind::String)
                        | (JsonKind::Number, Kind::Number)
                        | (JsonKind::Boolean, Kind::Bool)
                );
                if !ok {
                    let span = self.r.skip_value()?;
                    let (fr, en) = json_kind_names(jk);
                    self.wrong_kind(node, key, kind, fr, en, span);
                    return Ok(Val { count: 1, span, kind, text: None });
                }
                let (text, span) = match kind {
                    Kind::String => self.r.string()?,
                    Kind::Number => {
                        let (t, sp) = self.r.number()?;
                        (Str::Borrowed(t), sp)
                    }
                    _ => {
                        let (_, sp) = self.r.boolean()?;
                        (Str::Borrowed(self.text(sp)), sp)
                    }
                };
                if let Some(pk) = pk
                    && let Err(e) = primitives::check(pk, &text)
                {
                    self.lexical(node, key, pk, &e, &text, span);
                }
                if flags.checks {
                    self.value_checks(node, span, Gathered::Text(&text));
                }
                Ok(Val { count: 1, span, kind, text: Some(text) })
            }
            Shape::Complex | Shape::Resource if kind != Kind::Object => {
                let span = self.r.skip_value()?;
                self.wrong_kind(node, key, kind, "un objet", "an object", span);
                Ok(Val { count: 1, span, kind, text: None })
            }
            Shape::Complex => {
                // Remembered only when the object gathers nothing for an
                // enclosing value (Codings for an outer binding, names for
                // the parent's invariants) and holds no value the caller
                // walks on its own: what is reported then depends on its
                // bytes alone.
                let memo = self.capture == 0 && inner.is_none() && !flags.in_context;
                let from = self.r.pos();
                if memo && let Some(span) = self.remembered_object(node) {
                    return Ok(Val { count: 1, span, kind, text: None });
                }
                let before = (self.pushed, self.side, self.cut);
                let coded = flags.coded;
                let mark = self.b.codings.len();
                self.capture += u32::from(coded.is_some());
                let span = self.object(node, Root::No, inner);
                self.capture -= u32::from(coded.is_some());
                let span = span?;
                let at = match coded {
                    Some(Coded::Own) => Gathered::Codings(mark, self.depth),
                    Some(Coded::Items) => Gathered::Codings(mark, self.depth + 1),
                    None => Gathered::Nothing,
                };
                if flags.checks {
                    self.value_checks(node, span, at);
                }
                // A bound Coding inside a bound CodeableConcept: the outer
                // value still needs it.
                if self.capture == 0 {
                    self.b.codings.truncate(mark);
                }
                if memo
                    && before == (self.pushed, self.side, self.cut)
                    && span.start as usize == from
                    && !self.skips_within(from, span.end as usize)
                {
                    self.b.memo.keep(node, self.text(span));
                }
                Ok(Val { count: 1, span, kind, text: None })
            }
            Shape::Resource => {
                let span = self.resource(key == "contained")?;
                Ok(Val { count: 1, span, kind, text: None })
            }
            Shape::Skip => {
                let span = self.r.skip_value()?;
                Ok(Val { count: 1, span, kind, text: None })
            }
        }
    }

    /// A resource inside another (entry resource, contained, parameter):
    /// its structure chosen by `meta.profile` (a known one of its type)
    /// else by `resourceType`.
    fn resource(&mut self, contained: bool) -> Result<Span, Stop> {
        let start = self.r.pos();
        let Some(s) = self.pick_structure(start) else { return Ok(self.r.skip_value()?) };
        let span = self.object(
            NodeRef::root(s),
            if contained { Root::Contained } else { Root::Resource },
            None,
        )?;
        if contained {
            let cf = contained_facts(self.src, span);
            self.side += 1;
            if let Some(f) = self.b.facts.last_mut() {
                f.contained.push(cf);
            }
        }
        Ok(span)
    }

    /// The slice of the item at `at` when an item of the same bytes was
    /// classified by `sl` lately: a slice depends on the item's bytes alone,
    /// and a response repeats the same items (every Slot's `serviceType`)
    /// thousands of times. Objects only: an object's bytes end where it
    /// ends, so equal leading bytes are the same item.
    fn remembered(&self, sl: &Slicer, at: usize) -> Option<Option<usize>> {
        let id = std::ptr::from_ref(sl) as usize;
        let src = self.src.as_bytes();
        let rest = src.get(at..)?;
        self.b.slices.iter().rev().find_map(|&(of, sp, tail, slice)| {
            // The last eight bytes (kept) turn most misses away before comparing all.
            let len = sp.end.saturating_sub(sp.start) as usize;
            if of != id || word_before(rest, len) != tail {
                return None;
            }
            let seen = src.get(sp.start as usize..sp.end as usize)?;
            rest.starts_with(seen).then_some(slice)
        })
    }

    /// Keeps the slice of the object item at `span` (a few kept at most).
    fn remember(&mut self, sl: &Slicer, span: Span, slice: Option<usize>) {
        const KEPT: usize = 8;
        if self.b.slices.len() >= KEPT {
            self.b.slices.remove(0);
        }
        let seen = self.src.as_bytes().get(span.start as usize..span.end as usize);
        let tail = seen.map_or(0, |t| word_before(t, t.len()));
        self.b.slices.push((std::ptr::from_ref(sl) as usize, span, tail, slice));
    }

    fn pick_structure(&self, start: usize) -> Option<u32> {
        // Known profiles named by meta.profile (a few at most; no allocation).
        let mut known = [u32::MAX; 4];
        let mut n = 0;
        let rt = sniff_type_and_profiles(self.src, start, |p| {
            let url = p.split('|').next().unwrap_or(&p);
            if let (Some(&s), Some(slot)) = (self.v.by_url.get(url), known.get_mut(n)) {
                *slot = s;
                n += 1;
            }
        })?;
        for &s in known.iter().take_while(|&&s| s != u32::MAX) {
            if self.v.structure(s).is_some_and(|st| st.type_name == rt.as_str()) {
                return Some(s);
            }
        }
        self.v.base_of.get(rt.as_str()).copied()
    }

    /// What element `node` asks of its values ([`Entry::flags`] for the
    /// element an entry names).
    fn flags_of(&self, node: NodeRef) -> ValueFlags {
        let v = self.v;
        match (v.info(node), v.element(node)) {
            (Some(info), Some(el)) => value_flags(info, el, node.t),
            _ => ValueFlags::default(),
        }
    }

    /// fixed/pattern and binding of the value at `span` of element `node`
    /// (one with [`ValueFlags::checks`]); `gathered`: what the walk read of
    /// it on the way.
    fn value_checks(&mut self, node: NodeRef, span: Span, gathered: Gathered<'_>) {
        let v = self.v;
        let Some(el) = v.element(node) else { return };
        let raw = self.text(span);
        if let Some(fx) = &el.fixed
            && let Err(m) = fixed::check_fixed(fx, raw)
        {
            self.fixed_mismatch(
                node,
                el,
                fx.mode == crate::conformance::table::FixedMode::Pattern,
                &m,
                span,
            );
        }
        let Some(rule) = v.info(node).and_then(|i| i.binding) else { return };
        if let Gathered::Text(code) = gathered
            && matches!(
                v.type_code(node),
                "code"
                    | "string"
                    | "uri"
                    | "url"
                    | "canonical"
                    | "id"
                    | "oid"
                    | "uuid"
                    | "markdown"
            )
            && v.terminology().settled_code(rule.value_set, code)
        {
            return;
        }
        if let Gathered::Codings(from, depth) = gathered {
            let codings = self.b.codings.get(from..).unwrap_or_default().iter();
            let codings = codings.filter(|c| c.0 == depth).filter_map(|(_, system, code)| {
                Some((system.as_ref().map(Str::as_str), code.as_ref()?.as_str()))
            });
            // The frequent case, a value in the value set (or no code); else
            // the value is read again, which says why. What the walk gathers
            // includes every Coding that reading sees, so both agree.
            if v.terminology().settled(rule.value_set, codings) {
                return;
            }
        }
        if let BindingOutcome::NotInValueSet { actual, value_set, expected } =
            v.terminology().check_at(rule.value_set, v.type_code(node), raw)
        {
            self.not_in_value_set(node, el, rule.rule, &actual, &value_set, &expected, span);
        }
    }

    /// Evaluates the invariants of the object of `node` (its element's, and
    /// those of the type definition that gave its children, `owner`), and
    /// at a resource root the whole-resource keys. Allocation-free unless
    /// one fails (or the resource contains resources or local references).
    fn invariants(
        &mut self,
        node: NodeRef,
        owner: Option<NodeRef>,
        span: Span,
        children: &[Child<'a>],
        facts: Option<&ResourceFacts<'a>>,
    ) {
        let v = self.v;
        let Some(el) = v.element(node) else { return };
        let own = v.info(node).map_or(&[][..], |i| &i.invs[..]);
        let owner = owner.filter(|o| *o != node);
        let owner_el = owner.and_then(|o| v.element(o));
        let owner_invs = owner.and_then(|o| v.info(o)).map_or(&[][..], |i| &i.invs[..]);
        let resource_keys = match facts {
            // Nothing contained and no local reference: every resource key holds.
            Some(f) if !f.contained.is_empty() || !f.local_refs.is_empty() => {
                inv::evaluate_resource(f)
            }
            _ => Vec::new(),
        };
        let declared = |key: &str| {
            el.constraints
                .iter()
                .chain(owner_el.iter().flat_map(|o| o.constraints.iter()))
                .any(|c| c.key == key)
        };
        for (key, verdict) in &resource_keys {
            // ref-1 is declared on every Reference; its local references are judged here.
            if *key != "ref-1" && !declared(key) {
                continue;
            }
            let Verdict::Fails { span, fr, en } = verdict else { continue };
            let rule = if key.starts_with("dom-") {
                &fhir::ro1_fhir_007::RULE
            } else {
                &fhir::ro1_fhir_009::RULE
            };
            let warning = el
                .constraints
                .iter()
                .find(|c| c.key == *key)
                .is_some_and(|c| c.severity == ConstraintSeverity::Warning);
            self.inv_failed(node, el, key, rule, warning, *span, fr, en);
        }
        let view = ObjectView { span, children, resource: facts };
        if let Some(ty) = &self.bundle_type
            && v.info(node).is_some_and(|i| i.in_context)
        {
            self.entries_done = true;
            for (key, verdict) in inv::evaluate_entry(Some(ty.as_str()), &view) {
                if let Verdict::Fails { span, fr, en } = verdict {
                    let rule = &fhir::ro1_fhir_006::RULE;
                    self.inv_failed(node, el, key, rule, false, span, &fr, &en);
                }
            }
        }
        let judged = |k: &str| resource_keys.iter().any(|(rk, _)| *rk == k);
        // dom-2..5 hold when nothing is contained (and say nothing off a
        // resource root): not evaluated then.
        let contained = self.b.exact || facts.is_some_and(|f| !f.contained.is_empty());
        for i in own.iter() {
            if i.facts_only && !contained || self.entries_done && i.per_entry {
                continue;
            }
            let Some(c) = el.constraints.get(i.c) else { continue };
            if judged(&c.key) {
                continue;
            }
            if let Some(Verdict::Fails { span, fr, en }) = inv::evaluate(&c.key, &view) {
                self.inv_failed(node, el, &c.key, i.rule, i.warning, span, &fr, &en);
            }
        }
        let (Some(o), Some(oel)) = (owner, owner_el) else { return };
        for i in owner_invs.iter() {
            if i.facts_only && !contained {
                continue;
            }
            let Some(c) = oel.constraints.get(i.c) else { continue };
            if el.constraints.iter().any(|x| x.key == c.key) || judged(&c.key) {
                continue;
            }
            if let Some(Verdict::Fails { span, fr, en }) = inv::evaluate(&c.key, &view) {
                self.inv_failed(o, oel, &c.key, i.rule, i.warning, span, &fr, &en);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn inv_failed(
        &mut self,
        node: NodeRef,
        el: &ElementTable,
        key: &str,
        rule: &'static RuleMeta,
        warning: bool,
        span: Span,
        fr: &str,
        en: &str,
    ) {
        let mut f = Finding::body(
            rule,
            span,
            Message::new(
                format!("{} : invariant {key} non respecté : {fr}", el.path),
                format!("{}: invariant {key} fails: {en}", el.path),
            ),
        );
        if warning {
            f = f.with_severity(Severity::Warning);
        }
        if std::ptr::eq(rule, &prof::ro1_prof_008::RULE) {
            f = f.with_source(source_of(self.v, node, el));
        }
        self.push(f);
    }

    // ---- findings ----

    fn unknown(&mut self, node: NodeRef, key: &str, span: Span) {
        let v = self.v;
        let path = v.element(node).map_or("", |e| e.path.as_ref());
        let def = v.structure(node.s).map_or("", |s| s.name.as_ref());
        self.push(Finding::body(
            &fhir::ro1_fhir_002::RULE,
            span,
            Message::new(
                format!("élément inconnu « {key} » dans {path} : absent de la définition {def} (FHIR R4)"),
                format!("unknown element `{key}` in {path}: not in the definition {def} (FHIR R4)"),
            ),
        ));
    }

    fn bad_choice(&mut self, entry: &Entry, span: Span) {
        let v = self.v;
        let Some(el) = v.element(entry.node) else { return };
        let allowed: Vec<&str> = el.types.iter().map(|t| t.code.as_ref()).collect();
        let allowed = allowed.join(", ");
        let f = Finding::body(
            &prof::ro1_prof_006::RULE,
            span,
            Message::new(
                format!(
                    "{} : type « {} » non autorisé par le profil ; types attendus : {allowed}",
                    el.id, entry.name
                ),
                format!(
                    "{}: type `{}` not allowed by the profile; expected types: {allowed}",
                    el.id, entry.name
                ),
            ),
        )
        .with_source(source_of(v, entry.node, el));
        self.push(f);
    }

    fn wrong_kind(
        &mut self,
        node: NodeRef,
        key: &str,
        found: Kind,
        exp_fr: &str,
        exp_en: &str,
        span: Span,
    ) {
        let path = self.v.element(node).map_or("", |e| e.path.as_ref());
        let path = parent_path(path);
        self.push(Finding::body(
            &fhir::ro1_fhir_001::RULE,
            span,
            Message::new(
                format!("{path}.{key} : {} trouvé, {exp_fr} attendu", found.name_fr()),
                format!("{path}.{key}: found {}, expected {exp_en}", found.name()),
            ),
        ));
    }

    fn lexical(
        &mut self,
        node: NodeRef,
        key: &str,
        pk: PrimitiveKind,
        e: &primitives::PrimitiveError,
        text: &str,
        span: Span,
    ) {
        let path = parent_path(self.v.element(node).map_or("", |e| e.path.as_ref()));
        let m = match pk {
            PrimitiveKind::String | PrimitiveKind::Markdown | PrimitiveKind::Base64Binary => {
                e.message()
            }
            _ => e.message_with_value(text),
        };
        self.push(Finding::body(
            &fhir::ro1_fhir_003::RULE,
            span,
            Message::new(format!("{path}.{key} : {}", m.fr), format!("{path}.{key}: {}", m.en)),
        ));
    }

    fn missing(&mut self, child: NodeRef, name: &str, parent: Span) {
        let v = self.v;
        let Some(el) = v.element(child) else { return };
        let profile = v.info(child).is_some_and(|i| i.profile_min);
        let (rule, src) = card_rule(v, child, el, profile);
        let mut f = Finding::missing(
            rule,
            parent,
            name.to_string(),
            Message::new(
                format!(
                    "{} : élément obligatoire absent (cardinalité {}..{}, 0 trouvé){}",
                    el.id,
                    el.min,
                    el.max,
                    in_profile_fr(v, child, profile)
                ),
                format!(
                    "{}: required element missing (cardinality {}..{}, found 0){}",
                    el.id,
                    el.min,
                    el.max,
                    in_profile_en(v, child, profile)
                ),
            ),
        );
        if let Some(s) = src {
            f = f.with_source(s);
        }
        self.push(f);
    }

    fn too_many(&mut self, node: NodeRef, el: &ElementTable, n: u32, span: Span) {
        let v = self.v;
        let profile = v.info(node).is_some_and(|i| i.profile_max);
        let (rule, src) = card_rule(v, node, el, profile);
        let mut f = Finding::body(
            rule,
            span,
            Message::new(
                format!(
                    "{} : {n} valeur(s), au plus {} attendue(s) (cardinalité {}..{}){}",
                    el.id,
                    el.max,
                    el.min,
                    el.max,
                    in_profile_fr(v, node, profile)
                ),
                format!(
                    "{}: {n} value(s), at most {} expected (cardinality {}..{}){}",
                    el.id,
                    el.max,
                    el.min,
                    el.max,
                    in_profile_en(v, node, profile)
                ),
            ),
        );
        if let Some(s) = src {
            f = f.with_source(s);
        }
        self.push(f);
    }

    fn slice_count(&mut self, node: NodeRef, s: &super::slicing::SliceInfo, c: u32, span: Span) {
        let v = self.v;
        let Some(el) = v.element(node) else { return };
        let prof_name = v.structure(node.s).map_or("", |s| s.name.as_ref());
        let f = Finding::body(
            &prof::ro1_prof_001::RULE,
            span,
            Message::new(
                format!(
                    "{} : tranche « {} » présente {c} fois, cardinalité attendue {}..{} (profil {prof_name})",
                    el.id, s.name, s.min, s.max
                ),
                format!(
                    "{}: slice `{}` present {c} time(s), expected cardinality {}..{} (profile {prof_name})",
                    el.id, s.name, s.min, s.max
                ),
            ),
        );
        let src = match v.structure(node.s) {
            Some(st) => format!("{}#{}:{}", st.url, el.id, s.name),
            None => String::new(),
        };
        self.push(f.with_source(src));
    }

    fn closed_slicing(&mut self, node: NodeRef, span: Span, fr: &str, en: &str) {
        let v = self.v;
        let Some(el) = v.element(node) else { return };
        let f = Finding::body(
            &prof::ro1_prof_005::RULE,
            span,
            Message::new(
                format!("{} : valeur hors des tranches d'un découpage fermé : {fr}", el.id),
                format!("{}: value outside the slices of a closed slicing: {en}", el.id),
            ),
        )
        .with_source(source_of(v, node, el));
        self.push(f);
    }

    fn fixed_mismatch(
        &mut self,
        node: NodeRef,
        el: &ElementTable,
        pattern: bool,
        m: &fixed::Mismatch,
        span: Span,
    ) {
        let (kfr, ken) =
            if pattern { ("le motif", "pattern") } else { ("la valeur fixe", "fixed value") };
        let f = Finding::body(
            &prof::ro1_prof_002::RULE,
            span,
            Message::new(
                format!("{} : {} trouvé ; attendu : {kfr} {}", el.id, m.actual, m.expected),
                format!("{}: found {}, expected {ken} {}", el.id, m.actual, m.expected),
            ),
        )
        .with_source(source_of(self.v, node, el));
        self.push(f);
    }

    #[allow(clippy::too_many_arguments)]
    fn not_in_value_set(
        &mut self,
        node: NodeRef,
        el: &ElementTable,
        rule: &'static RuleMeta,
        actual: &str,
        vs: &str,
        expected: &[String],
        span: Span,
    ) {
        let exp = expected.join(", ");
        let (sfr, sen) = if std::ptr::eq(rule, &prof::ro1_prof_004::RULE) {
            ("extensible", "extensible")
        } else {
            ("requis", "required")
        };
        let mut f = Finding::body(
            rule,
            span,
            Message::new(
                format!(
                    "{} : « {actual} » n'est pas dans le jeu de valeurs {sfr} {vs} (attendu : {exp})",
                    el.path
                ),
                format!(
                    "{}: `{actual}` is not in the {sen} value set {vs} (expected: {exp})",
                    el.path
                ),
            ),
        );
        if !std::ptr::eq(rule, &fhir::ro1_fhir_005::RULE) {
            f = f.with_source(source_of(self.v, node, el));
        }
        self.push(f);
    }

    fn check_ref(&mut self, node: NodeRef, types: &[Box<str>], reference: &str, span: Span) {
        if reference.contains(':') || types.iter().any(|t| t.as_ref() == "Resource") {
            return;
        }
        let Some((ty, _)) = reference.split_once('/') else { return };
        if types.iter().any(|t| t.as_ref() == ty) {
            return;
        }
        let v = self.v;
        let Some(el) = v.element(node) else { return };
        let allowed = types.iter().map(|t| t.as_ref()).collect::<Vec<_>>().join(", ");
        let f = Finding::body(
            &prof::ro1_prof_006::RULE,
            span,
            Message::new(
                format!("{} : référence vers {ty} (« {reference} ») ; cibles autorisées par le profil : {allowed}", el.id),
                format!("{}: reference to {ty} (`{reference}`); targets allowed by the profile: {allowed}", el.id),
            ),
        )
        .with_source(source_of(v, node, el));
        self.push(f);
    }
}

/// `Slot.status` → `Slot`.
fn parent_path(path: &str) -> &str {
    path.rsplit_once('.').map_or(path, |(p, _)| p)
}

fn json_kind_names(k: JsonKind) -> (&'static str, &'static str) {
    match k {
        JsonKind::String => ("une chaîne", "a string"),
        JsonKind::Number => ("un nombre", "a number"),
        JsonKind::Boolean => ("un booléen", "a boolean"),
    }
}

/// `profile URL#element id`.
fn source_of(v: &Validator, node: NodeRef, el: &ElementTable) -> String {
    v.structure(node.s).map_or_else(String::new, |s| format!("{}#{}", s.url, el.id))
}

fn card_rule(
    v: &Validator,
    node: NodeRef,
    el: &ElementTable,
    profile: bool,
) -> (&'static RuleMeta, Option<String>) {
    if profile {
        (&prof::ro1_prof_001::RULE, Some(source_of(v, node, el)))
    } else {
        (&fhir::ro1_fhir_004::RULE, None)
    }
}

fn in_profile_fr(v: &Validator, node: NodeRef, profile: bool) -> String {
    match v.structure(node.s) {
        Some(s) if profile => format!(" (profil {})", s.name),
        _ => String::new(),
    }
}

fn in_profile_en(v: &Validator, node: NodeRef, profile: bool) -> String {
    match v.structure(node.s) {
        Some(s) if profile => format!(" (profile {})", s.name),
        _ => String::new(),
    }
}

/// What dom-2/4/5 ask of a contained resource (a scan of its top-level keys).
fn contained_facts(src: &str, span: Span) -> ContainedFacts<'_> {
    let mut cf = ContainedFacts {
        id: None,
        span,
        nested_contained: None,
        meta_version: None,
        meta_security: None,
    };
    let mut r = Reader::at(src, span.start as usize);
    let Ok(mut obj) = r.object() else { return cf };
    while let Ok(Some((k, _))) = r.next_key(&mut obj) {
        match k.as_str() {
            "id" if r.peek() == Ok(Kind::String) => cf.id = r.string().ok().map(|(s, _)| s),
            "contained" => cf.nested_contained = r.skip_value().ok(),
            "meta" if r.peek() == Ok(Kind::Object) => {
                let Ok(mut m) = r.object() else { return cf };
                while let Ok(Some((mk, _))) = r.next_key(&mut m) {
                    let sp = r.skip_value().ok();
                    match mk.as_str() {
                        "versionId" | "lastUpdated" => cf.meta_version = cf.meta_version.or(sp),
                        "security" => cf.meta_security = sp,
                        _ => {}
                    }
                }
            }
            _ => {
                if r.skip_value().is_err() {
                    return cf;
                }
            }
        }
    }
    cf
}
