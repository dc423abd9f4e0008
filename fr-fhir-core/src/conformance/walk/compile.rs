//! One structure compiled for the walk: per element, the JSON keys its
//! object may hold (sorted for binary search), where an element without
//! children in the snapshot takes them from (a content reference, the
//! type's profile, the type's base definition), which rule a cardinality or
//! binding failure belongs to, and the invariants evaluated natively.
//!
//! Compiled once per structure, on first use: the walk itself only indexes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::slicing::{Classified, Slicer};
use crate::conformance::Definitions;
use crate::conformance::table::{
    ConstraintSeverity, DiscriminatorKind, ElementTable, Max, Strength, StructureKind,
    StructureTable,
};
use crate::finding::RuleMeta;
use crate::model::resource::root_single_prim;
use crate::primitives::{JsonKind, PrimitiveKind};
use crate::rules::fhir;
use crate::rules::prof;

/// No type chosen: the element has one type (or none).
pub(super) const NO_TYPE: u16 = u16::MAX;

/// An element of a structure, with the type chosen for a choice element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NodeRef {
    /// Structure index in the registry.
    pub s: u32,
    /// Element index in its snapshot.
    pub e: u32,
    /// Index of the chosen type in `types` for a choice element, else [`NO_TYPE`].
    pub t: u16,
}

impl NodeRef {
    pub(super) const fn root(s: u32) -> Self {
        NodeRef { s, e: 0, t: NO_TYPE }
    }
}

/// What JSON value an element holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// A primitive: its JSON kind, and its lexical rule when known (`xhtml` has none here).
    Primitive(JsonKind, Option<PrimitiveKind>),
    /// A complex datatype or backbone element: an object.
    Complex,
    /// A resource (`Bundle.entry.resource`, `contained`): chosen by `resourceType`.
    Resource,
    /// Nothing known (system types): not entered.
    Skip,
}

/// Where the Codings of a bound value are (`Run::codings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Coded {
    /// The value is one (Coding, Quantity).
    Own,
    /// Its `coding` items (CodeableConcept).
    Items,
}

/// What an element asks of each of its values, worked out once per entry
/// rather than looked up per value read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct ValueFlags {
    /// [`ElemInfo::checks`].
    pub checks: bool,
    /// [`ElemInfo::in_context`].
    pub in_context: bool,
    /// A bound coded value whose Codings the walk gathers as it reads it.
    pub coded: Option<Coded>,
}

/// The [`ValueFlags`] of element `el` (compiled as `info`) with type `t`.
pub(super) fn value_flags(info: &ElemInfo, el: &ElementTable, t: u16) -> ValueFlags {
    let i = if t == NO_TYPE { 0 } else { usize::from(t) };
    let code = el.types.get(i).map_or("", |t| t.code.as_ref());
    let coded = match code {
        _ if info.binding.is_none() => None,
        "Coding" | "Quantity" => Some(Coded::Own),
        "CodeableConcept" => Some(Coded::Items),
        _ => None,
    };
    ValueFlags { checks: info.checks, in_context: info.in_context, coded }
}

/// One key an object may hold.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// JSON name (`status`, `valueString`, `_status`).
    pub name: Box<str>,
    /// Index of the element among the object's slots.
    pub slot: u16,
    /// The element (with its chosen type for `valueString`).
    pub node: NodeRef,
    /// `_status`: the primitive's id and extensions.
    pub underscore: bool,
    /// A choice type of the base the profile does not allow (RO1-PROF-006).
    pub bad_type: bool,
    /// The shape of the value (for `_x`: an object).
    pub shape: Shape,
    /// The element's maximum (copied from its table: read for every key).
    pub max: Max,
    /// Its base is a JSON array.
    pub many: bool,
    /// The key is `reference` (a Reference's: local ones are resource facts).
    pub reference: bool,
    /// What its element asks of each value.
    pub flags: ValueFlags,
    /// A single string primitive (not `_x`): the walk reads it in place,
    /// as `Run::item` would ([`Entry::plain_for`]).
    pub plain: bool,
    /// A single complex value whose object may be remembered by its bytes
    /// ([`super::memo`]; not a Bundle entry): the walk looks it up in place,
    /// as `Run::item` would ([`Entry::single_for`]).
    pub single: bool,
    /// A [`Entry::plain`] element at the root of a resource type whose model
    /// reads it as the same primitive type, checking it as it reads
    /// (`model::resource::root_single_prim`): on a resource the reader read
    /// without a note, every such value passed the check the walk would
    /// make, which it then leaves out.
    pub model_checked: bool,
}

impl Entry {
    /// Whether an entry of these fields is [`Entry::plain`].
    pub(super) fn plain_for(&self) -> bool {
        !self.underscore
            && !self.bad_type
            && !self.many
            && matches!(self.shape, Shape::Primitive(JsonKind::String, _))
    }

    /// Whether an entry of these fields is [`Entry::single`].
    pub(super) fn single_for(&self) -> bool {
        !self.underscore
            && !self.bad_type
            && !self.many
            && !self.flags.in_context
            && self.shape == Shape::Complex
    }
}

/// One child element of an object (what cardinality counts).
#[derive(Debug, Clone)]
pub(super) struct Slot {
    /// The element.
    pub e: u32,
    /// Its JSON name for messages (`status`, `value[x]`).
    pub name: Box<str>,
}

/// The keys of an object.
#[derive(Debug, Clone, Default)]
pub(super) struct Kids {
    /// Sorted by name.
    pub entries: Box<[Entry]>,
    /// One per child element.
    pub slots: Box<[Slot]>,
    /// Slots with `min > 0`.
    pub required: Box<[u16]>,
    /// Open-addressing table over `entries` (index + 1, 0 = empty), its
    /// length a power of two at least twice the entries.
    table: Box<[u16]>,
    /// The multiplier of [`key_mix`] picking the cell, chosen when
    /// compiling so that every entry sits in its own home cell when one
    /// of the tried multipliers allows it ([`Kids::perfect`]).
    mult: u64,
    /// `64 - log2(table length)`: the cell is the product's top bits.
    shift: u32,
    /// Every entry is in its home cell: a key is that cell's entry or
    /// none, one comparison (with one multiplier for every table, keys
    /// clustered and a read key took three to six probes on average).
    perfect: bool,
}

/// Byte equality of two keys, inline: keys are short, and a call to the C
/// library's `memcmp` for each key read cost more than the comparison.
/// Whole words, the last one overlapping the one before (or two
/// overlapping half words, or the first, middle and last byte: every byte
/// of a key shorter than four).
#[inline]
fn same_key(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let w8 = |s: &[u8], i: usize| {
        s.get(i..i.wrapping_add(8))
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_le_bytes)
    };
    let w4 = |s: &[u8], i: usize| {
        s.get(i..i.wrapping_add(4))
            .and_then(|w| <[u8; 4]>::try_from(w).ok())
            .map(u32::from_le_bytes)
    };
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if w8(a, i) != w8(b, i) {
                return false;
            }
            i += 8;
        }
        w8(a, n - 8) == w8(b, n - 8)
    } else if n >= 4 {
        w4(a, 0) == w4(b, 0) && w4(a, n - 4) == w4(b, n - 4)
    } else {
        a.first() == b.first() && a.get(n / 2) == b.get(n / 2) && a.last() == b.last()
    }
}

/// A key folded to one word from its length and its first and last bytes
/// (two words, overlapping for a short key): a few instructions whatever
/// the key, where a byte-by-byte hash cost as much as the rest of looking
/// the key up. [`Kids`] multiplies it by its own multiplier and keeps the
/// top bits; equal cells only probe further.
#[inline]
fn key_mix(key: &[u8]) -> u64 {
    let n = key.len();
    let w8 = |i: usize| {
        key.get(i..i.wrapping_add(8))
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let w4 = |i: usize| {
        key.get(i..i.wrapping_add(4))
            .and_then(|w| <[u8; 4]>::try_from(w).ok())
            .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
    };
    let (a, b) = if n >= 8 {
        (w8(0), w8(n - 8))
    } else if n >= 4 {
        (w4(0), w4(n - 4))
    } else {
        let byte = |i: usize| u64::from(key.get(i).copied().unwrap_or(0));
        (byte(0) | byte(n / 2) << 8 | byte(n.wrapping_sub(1)) << 16, 0)
    };
    a ^ b.rotate_left(31) ^ (n as u64) << 56
}

/// The multiplier tables start with (Fibonacci hashing), and how many
/// others a table tries for a placement without collision.
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
const TRIES: u64 = 256;

/// The `i`th multiplier tried (odd, well spread: splitmix64 of `i`).
fn multiplier(i: u64) -> u64 {
    if i == 0 {
        return GOLDEN;
    }
    let mut z = i.wrapping_mul(GOLDEN);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

impl Kids {
    fn new(entries: Vec<Entry>, slots: Vec<Slot>, required: Vec<u16>) -> Kids {
        let mixed: Vec<u64> = entries.iter().map(|e| key_mix(e.name.as_bytes())).collect();
        let base = (entries.len() * 2).next_power_of_two().max(4);
        // A multiplier under which no two entries share a home cell (a
        // larger table if none of those tried at the first size does).
        let mut placed = None;
        'sizes: for size in [base, base * 2, base * 4] {
            let shift = 64 - size.trailing_zeros();
            let mut seen = vec![false; size];
            for i in 0..TRIES {
                let mult = multiplier(i);
                seen.iter_mut().for_each(|x| *x = false);
                let clash = mixed.iter().any(|&m| {
                    let at = (m.wrapping_mul(mult) >> shift) as usize;
                    seen.get_mut(at).is_none_or(|x| std::mem::replace(x, true))
                });
                if !clash {
                    placed = Some((size, mult));
                    break 'sizes;
                }
            }
        }
        let perfect = placed.is_some();
        let (size, mult) = placed.unwrap_or((base, GOLDEN));
        let shift = 64 - size.trailing_zeros();
        let mut table = vec![0u16; size];
        for (i, &m) in mixed.iter().enumerate() {
            let mut at = (m.wrapping_mul(mult) >> shift) as usize;
            while table.get(at).is_some_and(|&x| x != 0) {
                at = (at + 1) & (size - 1);
            }
            if let Some(t) = table.get_mut(at) {
                *t = u16::try_from(i + 1).unwrap_or(0);
            }
        }
        Kids {
            entries: entries.into(),
            slots: slots.into(),
            required: required.into(),
            table: table.into(),
            mult,
            shift,
            perfect,
        }
    }

    /// The entry of a JSON key.
    #[inline(always)]
    pub(super) fn get(&self, key: &str) -> Option<&Entry> {
        let at = (key_mix(key.as_bytes()).wrapping_mul(self.mult) >> self.shift) as usize;
        let x = *self.table.get(at)?;
        let e = self.entries.get(usize::from(x).checked_sub(1)?)?;
        if same_key(e.name.as_bytes(), key.as_bytes()) {
            return Some(e);
        }
        if self.perfect {
            // Every entry is in its home cell: this one was the only candidate.
            return None;
        }
        self.probe(key, at)
    }

    /// The rest of a probe from cell `at` (a table without a perfect placement).
    #[cold]
    #[inline(never)]
    fn probe(&self, key: &str, mut at: usize) -> Option<&Entry> {
        let mask = self.table.len().wrapping_sub(1);
        // The table is at most half full: an empty cell ends every probe.
        for _ in 0..self.table.len() {
            at = (at + 1) & mask;
            let x = *self.table.get(at)?;
            let e = self.entries.get(usize::from(x).checked_sub(1)?)?;
            if same_key(e.name.as_bytes(), key.as_bytes()) {
                return Some(e);
            }
        }
        None
    }

    /// Whether every entry sits in its home cell (tests).
    #[cfg(test)]
    pub(super) fn is_perfect(&self) -> bool {
        self.perfect
    }
}

/// An invariant of an element the walker evaluates.
#[derive(Debug, Clone)]
pub(super) struct Inv {
    /// Index in the element's `constraints`.
    pub c: usize,
    /// The rule its failure is reported under.
    pub rule: &'static RuleMeta,
    /// A `warning` constraint.
    pub warning: bool,
    /// dom-2..5: judged from the resource's facts alone (hold when nothing is contained).
    pub facts_only: bool,
    /// bdl-2..4: judged per entry against the Bundle's `type`.
    pub per_entry: bool,
}

/// The binding check of an element.
#[derive(Debug, Clone, Copy)]
pub(super) struct BindingRule {
    /// RO1-FHIR-005, RO1-PROF-003 or RO1-PROF-004.
    pub rule: &'static RuleMeta,
    /// The bound value set, resolved once (see [`super::binding::value_set_index`]).
    pub value_set: Option<u32>,
}

/// What the walk needs of one element.
#[derive(Debug, Clone, Default)]
pub(super) struct ElemInfo {
    /// Children from the snapshot, if any.
    pub kids: Option<Kids>,
    /// Where the children are otherwise.
    pub delegate: Option<NodeRef>,
    /// With children of its own: where a key they lack is looked up (a
    /// snapshot listing only some children of a slice or a datatype).
    pub fallback: Option<NodeRef>,
    /// Shape per type (one for most elements).
    pub shapes: Box<[Shape]>,
    /// Per type: the base definition of its code (`u32::MAX`: none), so
    /// that the walk of a typed value does not hash the code.
    pub type_roots: Box<[u32]>,
    /// The minimum is the profile's own (RO1-PROF-001), not the base one.
    pub profile_min: bool,
    /// The maximum is the profile's own.
    pub profile_max: bool,
    /// Binding to check.
    pub binding: Option<BindingRule>,
    /// A fixed/pattern value or a binding to check (else the value needs
    /// no [`super::run`] `value_checks`).
    pub checks: bool,
    /// Invariants evaluated natively.
    pub invs: Box<[Inv]>,
    /// Every one of them is judged from the resource's facts alone
    /// ([`Inv::facts_only`]; none counts): with nothing contained and no
    /// local reference, the object's invariants say nothing.
    pub quiet: bool,
    /// One of them reads grandchildren names ([`crate::conformance::invariants::Child::inner`]):
    /// only then does the walk gather them.
    pub inner: bool,
    /// One of them reads the object's children, or the object is a Bundle
    /// entry (judged on bdl-2..4 from its children): only then does the
    /// walk gather them ([`crate::conformance::invariants::reads_children`]).
    pub children: bool,
    /// The slicer when the element is sliced (and repeats).
    pub slicer: Option<Box<Slicer>>,
    /// For `Reference` in a profile: the resource types its target profiles allow.
    pub ref_types: Box<[Box<str>]>,
    /// What the walk reports about its object depends on more than its
    /// bytes: a Bundle entry is judged on bdl-2..4 against the enclosing
    /// Bundle's `type` (so the same entry may be fine in a collection and
    /// not in a transaction). Never stepped over ([`super::memo`]).
    pub in_context: bool,
}

/// A compiled structure.
#[derive(Debug, Default)]
pub(super) struct Compiled {
    /// Per snapshot element.
    pub elems: Vec<ElemInfo>,
    /// Element id → index.
    pub by_id: ById,
}

/// Element index by id (FNV: SipHash showed when compiling a profile).
pub(super) type ById = HashMap<Box<str>, u32, BuildHasherDefault<super::Fnv>>;

/// Base elements found, by (root type, path) ([`Index::base_element`]).
pub(super) type Bases<'d> =
    HashMap<(&'d str, &'d str), Option<&'d ElementTable>, BuildHasherDefault<super::Fnv>>;

/// Registry indices the compiler resolves names with.
pub(super) struct Index<'d> {
    pub defs: &'d Definitions,
    pub by_url: &'d super::Names,
    pub base_of: &'d super::Names,
    /// [`Index::base_element`] by (root type, path): a profile's slices
    /// repeat their paths, and each lookup walks the base definitions
    /// through formatted paths (a good part of compiling a profile).
    pub bases: RefCell<Bases<'d>>,
}

impl<'d> Index<'d> {
    fn structure(&self, s: u32) -> Option<&'d StructureTable> {
        self.defs.structures().get(s as usize)
    }

    /// The shape of a value of type `code`.
    pub(super) fn shape(&self, code: &str) -> Shape {
        if let Some(k) = PrimitiveKind::from_name(code) {
            return Shape::Primitive(k.json_kind(), Some(k));
        }
        match code {
            "xhtml" => Shape::Primitive(JsonKind::String, None),
            "Resource" | "DomainResource" => Shape::Resource,
            "" => Shape::Complex,
            c if c.contains('/') || c.contains('.') => Shape::Skip,
            c => match self.base_of.get(c).and_then(|&s| self.structure(s)) {
                Some(st) if st.kind == StructureKind::Resource => Shape::Resource,
                Some(st) if st.kind == StructureKind::PrimitiveType => {
                    Shape::Primitive(JsonKind::String, None)
                }
                _ => Shape::Complex,
            },
        }
    }

    /// The base definition's element at `path` (through the types of its
    /// ancestors: `Practitioner.identifier.system` is `Identifier.system`).
    pub(super) fn base_element(
        &self,
        root_type: &'d str,
        path: &'d str,
    ) -> Option<&'d ElementTable> {
        if let Some(&found) = self.bases.borrow().get(&(root_type, path)) {
            return found;
        }
        let found = self.find_base_element(root_type, path);
        self.bases.borrow_mut().insert((root_type, path), found);
        found
    }

    fn find_base_element(&self, root_type: &str, path: &str) -> Option<&'d ElementTable> {
        let mut ty = root_type.to_string();
        let mut path = path.to_string();
        for _ in 0..8 {
            let st = self.base_of.get(ty.as_str()).and_then(|&s| self.structure(s))?;
            if let Some(e) = st.elements.iter().find(|e| e.path == path && e.slice_name.is_empty())
            {
                return Some(e);
            }
            let best = st
                .elements
                .iter()
                .filter(|e| {
                    e.slice_name.is_empty()
                        && path.len() > e.path.len()
                        && path.starts_with(e.path.as_ref())
                        && path.as_bytes().get(e.path.len()) == Some(&b'.')
                })
                .max_by_key(|e| e.path.len())?;
            let rest = path.get(best.path.len() + 1..)?.to_string();
            let code = if !best.content_reference.is_empty() {
                let target = best.content_reference.trim_start_matches('#');
                let t = st.elements.iter().find(|e| e.id == target)?;
                // Same structure, another path.
                path = format!("{}.{rest}", t.path);
                continue;
            } else {
                best.types.first()?.code.to_string()
            };
            let code = if code == "BackboneElement" || code == "Element" {
                return None;
            } else {
                code
            };
            path = format!("{code}.{rest}");
            ty = code;
        }
        None
    }
}

/// JSON name of a choice element for one type: `value[x]` + `dateTime` → `valueDateTime`.
pub(super) fn choice_name(stem: &str, code: &str) -> String {
    let mut s = String::with_capacity(stem.len() + code.len());
    s.push_str(stem);
    let mut chars = code.chars();
    if let Some(c) = chars.next() {
        s.extend(c.to_uppercase());
        s.push_str(chars.as_str());
    }
    s
}

/// The rule an invariant key maps to, `None` when the walker leaves it to
/// another rule (ele-1: RO1-JSON-001).
fn inv_rule(key: &str, source: &str, is_profile: bool) -> Option<&'static RuleMeta> {
    if key == "ele-1" {
        return None;
    }
    let hl7 = source.is_empty() && !is_profile
        || source.starts_with("http://hl7.org/fhir/StructureDefinition/");
    Some(if key.starts_with("bdl-") {
        &fhir::ro1_fhir_006::RULE
    } else if key.starts_with("dom-") {
        &fhir::ro1_fhir_007::RULE
    } else if key == "ext-1" {
        &fhir::ro1_fhir_008::RULE
    } else if hl7 {
        &fhir::ro1_fhir_009::RULE
    } else {
        &prof::ro1_prof_008::RULE
    })
}

/// Compiles structure `s`.
pub(super) fn compile<'d>(ix: &Index<'d>, s: u32) -> Compiled {
    let Some(st) = ix.structure(s) else { return Compiled::default() };
    let els = &st.elements;
    let mut by_id = ById::with_capacity_and_hasher(els.len(), BuildHasherDefault::default());
    for (i, e) in els.iter().enumerate() {
        by_id.insert(e.id.as_ref().into(), u32::try_from(i).unwrap_or(u32::MAX));
    }
    let mut own: Vec<Vec<u32>> = vec![Vec::new(); els.len()];
    let mut slice_of: Vec<Option<u32>> = vec![None; els.len()];
    for (i, e) in els.iter().enumerate().skip(1) {
        let Some(p) = e.id.rfind('.') else { continue };
        let (parent_id, seg) = (e.id.get(..p).unwrap_or(""), e.id.get(p + 1..).unwrap_or(""));
        let i32_ = u32::try_from(i).unwrap_or(u32::MAX);
        if let Some((name, _slice)) = seg.split_once(':') {
            let sliced = format!("{parent_id}.{name}");
            if let Some(&si) = by_id.get(sliced.as_str())
                && let Some(x) = slice_of.get_mut(i)
            {
                *x = Some(si);
            }
            continue;
        }
        if let Some(&pi) = by_id.get(parent_id)
            && let Some(v) = own.get_mut(pi as usize)
        {
            v.push(i32_);
        }
    }
    let base_root = if st.is_profile { st.type_name.as_ref() } else { "" };
    let mut elems = Vec::with_capacity(els.len());
    for (i, e) in els.iter().enumerate() {
        let base_el = if st.is_profile { ix.base_element(base_root, &e.path) } else { None };
        let shapes: Box<[Shape]> =
            e.types.iter().map(|t| ix.shape(fhir_type(st, e, &t.code))).collect();
        let kids = own.get(i).filter(|v| !v.is_empty()).map(|v| kids_of(ix, s, st, v));
        let elsewhere = delegate_of(ix, s, e, &by_id, slice_of.get(i).copied().flatten());
        let (delegate, fallback) =
            if kids.is_some() { (None, elsewhere) } else { (elsewhere, None) };
        let (profile_min, profile_max) = if !st.is_profile {
            (false, false)
        } else if !e.slice_name.is_empty() {
            (true, true)
        } else {
            match base_el {
                Some(b) => (b.min != e.min, b.max != e.max),
                None => (true, true),
            }
        };
        let binding = e.binding.as_ref().and_then(|b| {
            let rule: &'static RuleMeta = match b.strength {
                Strength::Required => {
                    let same_as_base = base_el.and_then(|x| x.binding.as_ref()).is_some_and(|bb| {
                        bb.strength == Strength::Required && bb.value_set == b.value_set
                    });
                    if !st.is_profile || same_as_base {
                        &fhir::ro1_fhir_005::RULE
                    } else {
                        &prof::ro1_prof_003::RULE
                    }
                }
                Strength::Extensible => &prof::ro1_prof_004::RULE,
                _ => return None,
            };
            let value_set = super::binding::value_set_index(ix.defs, &b.value_set);
            (!b.value_set.is_empty()).then_some(BindingRule { rule, value_set })
        });
        let invs: Box<[Inv]> = e
            .constraints
            .iter()
            .enumerate()
            .filter(|(_, c)| super::evaluates(&c.key))
            .filter_map(|(ci, c)| {
                let rule = inv_rule(&c.key, &c.source, st.is_profile)?;
                Some(Inv {
                    c: ci,
                    rule,
                    warning: c.severity == ConstraintSeverity::Warning,
                    facts_only: !crate::conformance::invariants::reads_children(&c.key),
                    per_entry: crate::conformance::invariants::judged_per_entry(&c.key),
                })
            })
            .collect();
        let inner = invs.iter().any(|i| {
            e.constraints
                .get(i.c)
                .is_some_and(|c| crate::conformance::invariants::reads_inner(&c.key))
        });
        let children = e.path == "Bundle.entry"
            || invs.iter().any(|i| {
                e.constraints
                    .get(i.c)
                    .is_none_or(|c| crate::conformance::invariants::reads_children(&c.key))
            });
        let slicer =
            (e.slicing.is_some() && e.base_many).then(|| Box::new(Slicer::new(ix.defs, st, i)));
        let ref_types = if st.is_profile { ref_types(ix, e) } else { Box::default() };
        elems.push(ElemInfo {
            kids,
            delegate,
            fallback,
            shapes,
            profile_min,
            profile_max,
            binding,
            checks: binding.is_some() || e.fixed.is_some(),
            type_roots: e
                .types
                .iter()
                .map(|t| ix.base_of.get(t.code.as_ref()).copied().unwrap_or(u32::MAX))
                .collect(),
            quiet: invs.iter().all(|i| i.facts_only),
            invs,
            inner,
            children,
            slicer,
            ref_types,
            in_context: e.path == "Bundle.entry",
        });
    }
    // Each entry's flags, from the compiled elements (of this structure).
    let mut flags = Vec::new();
    for (i, info) in elems.iter().enumerate() {
        for (k, en) in info.kids.iter().flat_map(|k| k.entries.iter()).enumerate() {
            let n = en.node;
            if let (Some(ni), Some(el)) = (elems.get(n.e as usize), els.get(n.e as usize)) {
                flags.push((i, k, value_flags(ni, el, n.t)));
            }
        }
    }
    for (i, k, f) in flags {
        // The root's own children (a profile's root delegates to nothing:
        // its children are its own), of the type the structure describes.
        let root = els.get(i).is_some_and(|e| !e.path.contains('.'));
        if let Some(en) =
            elems.get_mut(i).and_then(|e| e.kids.as_mut()).and_then(|kids| kids.entries.get_mut(k))
        {
            en.flags = f;
            en.plain = en.plain_for();
            en.single = en.single_for();
            en.model_checked = root
                && en.plain
                && matches!(en.shape, Shape::Primitive(_, Some(pk))
                    if root_single_prim(&st.type_name, &en.name) == Some(pk));
        }
    }
    Compiled { elems, by_id }
}

/// The resource types the target profiles of a `Reference` element allow;
/// empty (no check) when one of them is neither loaded nor a base
/// definition: its type cannot be known.
fn ref_types(ix: &Index<'_>, e: &ElementTable) -> Box<[Box<str>]> {
    let mut out: Vec<Box<str>> = Vec::new();
    for tp in
        e.types.iter().filter(|t| t.code == "Reference").flat_map(|t| t.target_profiles.iter())
    {
        let ty = match ix.by_url.get(tp.as_ref()).and_then(|&x| ix.structure(x)) {
            Some(t) => t.type_name.to_string(),
            None => match tp.strip_prefix("http://hl7.org/fhir/StructureDefinition/") {
                Some(t) => t.to_string(),
                None => return Box::default(),
            },
        };
        out.push(ty.into_boxed_str());
    }
    out.into()
}

/// Where an element without snapshot children takes them from.
fn delegate_of(
    ix: &Index<'_>,
    s: u32,
    e: &ElementTable,
    by_id: &ById,
    sliced: Option<u32>,
) -> Option<NodeRef> {
    if !e.content_reference.is_empty() {
        let target = e.content_reference.rsplit('#').next().unwrap_or("");
        return by_id.get(target).map(|&t| NodeRef { s, e: t, t: NO_TYPE });
    }
    let ty = if e.types.len() == 1 { e.types.first() } else { None };
    if let Some(ty) = ty {
        for p in ty.profiles.iter() {
            if let Some(&ps) = ix.by_url.get(p.as_ref())
                && (ps != s || e.path.contains('.'))
            {
                return Some(NodeRef::root(ps));
            }
        }
    }
    // A slice without its own children has those of the sliced element
    // (of its type for a choice slice: `value[x]` has several).
    if let Some(sl) = sliced
        && !e.is_choice()
    {
        return Some(NodeRef { s, e: sl, t: NO_TYPE });
    }
    let code = ty?.code.as_ref();
    // `Extension.extension` is an Extension: the root of the same structure.
    ix.base_of.get(code).filter(|&&b| b != s || e.path.contains('.')).map(|&b| NodeRef::root(b))
}

/// The keys of an object whose child elements are `children` (indices in `st`).
fn kids_of<'d>(ix: &Index<'d>, s: u32, st: &'d StructureTable, children: &[u32]) -> Kids {
    let mut entries: Vec<Entry> = Vec::new();
    let mut slots = Vec::with_capacity(children.len());
    let mut required = Vec::new();
    for (slot, &c) in children.iter().enumerate() {
        let Some(e) = st.elements.get(c as usize) else { continue };
        let slot16 = u16::try_from(slot).unwrap_or(u16::MAX);
        let name = e.name();
        slots.push(Slot { e: c, name: name.into() });
        if e.min > 0 {
            required.push(slot16);
        }
        let node = NodeRef { s, e: c, t: NO_TYPE };
        let underscore = |json: &str, code: &str, t: u16| -> Option<Entry> {
            matches!(ix.shape(code), Shape::Primitive(..)).then(|| Entry {
                name: format!("_{json}").into(),
                slot: slot16,
                node: NodeRef { s, e: c, t },
                underscore: true,
                bad_type: false,
                shape: Shape::Complex,
                max: Max::Many,
                many: false,
                reference: false,
                flags: ValueFlags::default(),
                plain: false,
                single: false,
                model_checked: false,
            })
        };
        if let Some(stem) = name.strip_suffix("[x]") {
            let by_type = type_slicer(ix, st, e, c);
            for (ti, t) in e.types.iter().enumerate() {
                let json = choice_name(stem, &t.code);
                let t16 = u16::try_from(ti).unwrap_or(NO_TYPE);
                entries.extend(underscore(&json, &t.code, t16));
                let node = by_type
                    .as_ref()
                    .and_then(|sl| type_slice(st, sl, &json, &t.code))
                    .map_or(NodeRef { s, e: c, t: t16 }, |(e, t)| NodeRef { s, e, t });
                entries.push(Entry {
                    name: json.into(),
                    slot: slot16,
                    node,
                    underscore: false,
                    bad_type: false,
                    shape: ix.shape(&t.code),
                    max: Max::Many,
                    many: false,
                    reference: false,
                    flags: ValueFlags::default(),
                    plain: false,
                    single: false,
                    model_checked: false,
                });
            }
            if st.is_profile
                && let Some(b) = ix.base_element(&st.type_name, &e.path)
            {
                for t in b.types.iter().filter(|bt| !e.types.iter().any(|pt| pt.code == bt.code)) {
                    let json = choice_name(stem, &t.code);
                    entries.push(Entry {
                        name: json.into(),
                        slot: slot16,
                        node,
                        underscore: false,
                        bad_type: true,
                        shape: Shape::Skip,
                        max: Max::Many,
                        many: false,
                        reference: false,
                        flags: ValueFlags::default(),
                        plain: false,
                        single: false,
                        model_checked: false,
                    });
                }
            }
        } else {
            let code = e.types.first().map_or("", |t| t.code.as_ref());
            let shape =
                if e.types.is_empty() { Shape::Complex } else { ix.shape(fhir_type(st, e, code)) };
            // `_id` stays unknown: a System type has no primitive extension.
            entries.extend(underscore(name, code, NO_TYPE));
            entries.push(Entry {
                name: name.into(),
                slot: slot16,
                node,
                underscore: false,
                bad_type: false,
                shape,
                max: Max::Many,
                many: false,
                reference: false,
                flags: ValueFlags::default(),
                plain: false,
                single: false,
                model_checked: false,
            });
        }
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    entries.dedup_by(|a, b| a.name == b.name);
    for en in &mut entries {
        en.reference = en.name.as_ref() == "reference";
        if let Some(el) = ix.structure(en.node.s).and_then(|st| st.elements.get(en.node.e as usize))
        {
            en.max = el.max;
            en.many = el.base_many;
        }
    }
    Kids::new(entries, slots, required)
}

/// The FHIR type of a value whose table type is a FHIRPath System type (the
/// snapshots type `id`, `Extension.url` and primitive values so, the FHIR
/// type being in an extension the tables do not keep): `X.id` of a resource
/// is an `id`, of an element a `string`; `url` of an extension a `uri`.
/// Other codes are returned as they are.
fn fhir_type<'c>(st: &StructureTable, e: &ElementTable, code: &'c str) -> &'c str {
    let Some(sys) = code.strip_prefix("http://hl7.org/fhirpath/System.") else { return code };
    let name = e.name();
    let parent = e.path.rsplit_once('.').map_or("", |(p, _)| p);
    match sys {
        "String" if name == "id" => {
            let resource_root = st.kind == StructureKind::Resource && !parent.contains('.');
            if resource_root { "id" } else { "string" }
        }
        "String"
            if name == "url"
                && (parent == "Extension"
                    || parent.ends_with(".extension")
                    || parent.ends_with(".modifierExtension")) =>
        {
            "uri"
        }
        "String" => "string",
        "Boolean" => "boolean",
        "Integer" => "integer",
        "Decimal" => "decimal",
        "Date" => "date",
        "DateTime" => "dateTime",
        "Time" => "time",
        _ => code,
    }
}

/// The slicer of a choice element sliced by type alone (`value[x]` of an
/// extension slice, discriminator `type` at `$this`): its slices are
/// chosen by the JSON key, once, here.
fn type_slicer(ix: &Index<'_>, st: &StructureTable, e: &ElementTable, c: u32) -> Option<Slicer> {
    let slicing = e.slicing.as_ref()?;
    let by_type = !slicing.discriminators.is_empty()
        && slicing
            .discriminators
            .iter()
            .all(|d| d.kind == DiscriminatorKind::Type && d.path == "$this");
    by_type.then(|| Slicer::new(ix.defs, st, c as usize))
}

/// The slice of a type-sliced choice element a JSON key (`valueReference`)
/// belongs to, with the type index to walk it as (none when the slice has
/// one type: its own children apply).
fn type_slice(st: &StructureTable, sl: &Slicer, json: &str, code: &str) -> Option<(u32, u16)> {
    let Classified::Slice(idx) = sl.classify_choice(json, "{}") else { return None };
    let slice = st.elements.get(idx)?;
    let t = if slice.types.len() <= 1 {
        NO_TYPE
    } else {
        u16::try_from(slice.types.iter().position(|t| t.code == code)?).ok()?
    };
    Some((u32::try_from(idx).ok()?, t))
}

#[cfg(test)]
mod key_tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    /// Every key of every object of the built-in structures is found by
    /// its name, and a name one byte longer or shorter is not (the key
    /// hash only spreads the table; the comparison decides).
    #[test]
    fn every_key_is_found_and_no_other() {
        let v = super::super::Validator::builtin();
        let mut keys = 0;
        for s in 0..v.definitions().structures().len() {
            let Some(c) = v.compiled(u32::try_from(s).unwrap_or(u32::MAX)) else { continue };
            for kids in c.elems.iter().filter_map(|e| e.kids.as_ref()) {
                for e in kids.entries.iter() {
                    let found = kids.get(&e.name).map(|f| &f.name);
                    assert_eq!(found, Some(&e.name));
                    let longer = format!("{}x", e.name);
                    assert!(
                        kids.entries.iter().any(|x| *x.name == *longer)
                            || kids.get(&longer).is_none()
                    );
                    let shorter = e.name.get(..e.name.len() - 1).unwrap_or_default();
                    assert!(
                        kids.entries.iter().any(|x| *x.name == *shorter)
                            || kids.get(shorter).is_none()
                    );
                    keys += 1;
                }
            }
        }
        assert!(keys > 1000, "{keys}");
    }

    /// A lookup agrees with a linear scan of the entries for every name and
    /// for near misses of it (one byte changed at each position, its
    /// underscore form), in perfect and probed tables alike; nearly every
    /// table gets a perfect placement (else the one-comparison path would
    /// go untested).
    #[test]
    fn lookups_agree_with_a_linear_scan() {
        let v = super::super::Validator::builtin();
        let (mut tables, mut perfect) = (0, 0);
        let scan = |kids: &super::Kids, k: &str| {
            kids.entries.iter().find(|e| *e.name == *k).map(|e| e.name.clone())
        };
        for s in 0..v.definitions().structures().len() {
            let Some(c) = v.compiled(u32::try_from(s).unwrap_or(u32::MAX)) else { continue };
            for kids in c.elems.iter().filter_map(|e| e.kids.as_ref()) {
                tables += 1;
                perfect += usize::from(kids.is_perfect());
                for e in kids.entries.iter() {
                    let mut probes = vec![e.name.to_string(), format!("_{}", e.name)];
                    for at in 0..e.name.len() {
                        let mut b = e.name.as_bytes().to_vec();
                        b[at] ^= 0x20;
                        probes.push(String::from_utf8_lossy(&b).into_owned());
                    }
                    for k in &probes {
                        assert_eq!(kids.get(k).map(|f| f.name.clone()), scan(kids, k), "{k}");
                    }
                }
            }
        }
        assert!(perfect * 100 >= tables * 95, "{perfect} of {tables} tables perfect");
    }

    /// A table no multiplier places without collision (two entries of the
    /// same name) probes, and finds the first of them like a scan.
    #[test]
    fn a_table_with_a_clash_probes() {
        let v = super::super::Validator::builtin();
        let slot = v.by_url.get("http://hl7.org/fhir/StructureDefinition/Slot").copied();
        let c = v.compiled(slot.unwrap()).unwrap();
        let kids = c.elems[0].kids.as_ref().unwrap();
        let mut entries = kids.entries.to_vec();
        let mut twin = entries[0].clone();
        twin.slot = 999;
        entries.push(twin);
        let first = entries[0].name.clone();
        let t = super::Kids::new(entries.clone(), kids.slots.to_vec(), Vec::new());
        assert!(!t.is_perfect());
        assert_eq!(t.get(&first).map(|e| e.slot), Some(entries[0].slot));
        for e in &entries {
            assert_eq!(t.get(&e.name).map(|f| &f.name), Some(&e.name));
            assert!(t.get(&format!("{}~", e.name)).is_none());
        }
    }

    /// The inline comparison agrees with `==` on every length around the
    /// 8-byte words it compares, equal or differing at any byte.
    #[test]
    fn same_key_agrees_with_equality() {
        let base = "abcdefghijklmnopqrstuvwxyz0123456789";
        for n in 0..base.len() {
            let a = base.get(..n).unwrap_or_default().as_bytes();
            assert!(super::same_key(a, a));
            for at in 0..n {
                let mut b = a.to_vec();
                if let Some(x) = b.get_mut(at) {
                    *x = b'_';
                }
                assert!(!super::same_key(a, &b), "{n} {at}");
            }
            let longer = base.get(..n + 1).unwrap_or_default().as_bytes();
            assert!(!super::same_key(a, longer));
        }
    }
}
