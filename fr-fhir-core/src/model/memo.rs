//! Small objects the model reader read clean, remembered by their bytes.
//!
//! A searchset repeats the same small objects thousands of times: every
//! Slot's `meta`, `serviceType`, `specialty`, `appointmentType`, `schedule`,
//! every entry's `search`. What the reader makes of an object of a given
//! type depends on its bytes alone, so an object equal byte for byte to one
//! read without a note is that value again, at another place: the kept value
//! is copied with its spans moved to the new place in the same pass
//! ([`Moved`]), instead of reading the bytes again (the copy's allocations
//! remain). An array of `CodeableConcept` (`serviceType`, `specialty`) is
//! kept and recalled whole, one allocation of its exact size.
//!
//! Equal leading bytes are enough: a JSON object ends where it ends, so a
//! kept object that is a prefix of the rest of the input is exactly the next
//! value (the structural walk's memo rests on the same fact,
//! `conformance::walk::memo`). What else could make two readings differ:
//! - notes: only objects read without one are kept (a note is a finding at
//!   the object's own place, never cloned);
//! - the nesting limit: a kept object is reused only where at least as many
//!   levels are left as where it was read;
//! - the strings of a clone borrow the first occurrence's text, equal to the
//!   new one (nothing derives a position from a string's address).

use super::{
    Bundle, BundleEntrySearch, CodeableConcept, Extension, Meta, Prim, PrimExt, PrimExtValue,
    Reference, Value,
};
use crate::json::{Reader, Span, word_before};

/// Objects kept per type; a new one replaces the least recently used. A
/// Slot has four `CodeableConcept`s (two service types, a specialty, an
/// appointment type), and in a real response the service types and
/// specialties of its practitioners alternate, each written in two ways
/// (with `\/` and `\u00e9` escapes or without): on the SLA Bundle 59
/// distinct texts, of which 8 ways kept so few that one `CodeableConcept`
/// in seven was read again; 16, recalled most recent first, miss one in
/// sixty. Exactly 16: [`Ways::order`] holds one index per four bits, and
/// replacing the least recently used rotates all sixteen.
const WAYS: usize = 16;
const _: () = assert!(WAYS == 16);
/// Objects longer than this are not kept: a long object is rarely repeated
/// whole, and comparing it costs as much as reading it.
const MAX_LEN: usize = 2048;

/// One kept object: its text (where it was read), the nesting levels left
/// there, and its value.
#[derive(Debug, Clone)]
struct Kept<'a, T> {
    text: &'a str,
    /// The last eight bytes of `text` (`json::word_before`).
    tail: u64,
    at: u32,
    levels: u32,
    value: T,
}

/// The kept objects of one type.
#[derive(Debug, Clone)]
pub(crate) struct Ways<'a, T> {
    kept: Vec<Kept<'a, T>>,
    /// The indexes of `kept`, four bits each, the most recently used in the
    /// lowest bits: searched in that order (a Slot's objects come back in
    /// the order they were last seen, within a few steps), and the least
    /// recently used, the highest of the `kept.len()` used, is replaced.
    order: u64,
}

impl<T> Default for Ways<'_, T> {
    fn default() -> Self {
        Ways { kept: Vec::new(), order: 0 }
    }
}

/// `order` with its `p`-th index (from the lowest bits) moved first.
#[inline(always)]
fn to_front(order: u64, p: u32) -> u64 {
    let shift = 4 * p;
    let below = order & ((1u64 << shift) - 1);
    let index = (order >> shift) & 0xF;
    // `shift + 4` is 64 for the last way: nothing above it.
    let above = order.checked_shr(shift + 4).unwrap_or(0).checked_shl(shift + 4).unwrap_or(0);
    above | (below << 4) | index
}

/// The small objects read clean so far, per type (kept in the parse context,
/// `Cx`).
///
/// ```
/// use fr_fhir_core::json::Reader;
/// use fr_fhir_core::model::{de::read_value, Bundle, Cx, Resource};
/// // Two Slots with the same `meta`: the second is the first's, moved.
/// let src = r#"{"resourceType":"Bundle","entry":[
///   {"resource":{"resourceType":"Slot","meta":{"profile":["http://p"]}}},
///   {"resource":{"resourceType":"Slot","meta":{"profile":["http://p"]}}}]}"#;
/// let bundle = read_value::<Bundle<'_>>(&mut Reader::new(src), &mut Cx::default(), None)?.unwrap();
/// let metas: Vec<_> = bundle.entry.iter().map(|e| match &e.resource {
///     Some(Resource::Slot(s)) => s.meta.clone().unwrap(),
///     _ => unreachable!(),
/// }).collect();
/// assert_eq!(metas[0].profile, metas[1].profile);
/// assert_ne!(metas[0].span, metas[1].span);
/// assert_eq!(metas[1].span.slice(src), Some(r#"{"profile":["http://p"]}"#));
/// assert_eq!(metas[1].profile[0].span.slice(src), Some(r#""http://p""#));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub(crate) struct Memo<'a> {
    pub(crate) meta: Ways<'a, Meta<'a>>,
    pub(crate) concept: Ways<'a, CodeableConcept<'a>>,
    pub(crate) reference: Ways<'a, Reference<'a>>,
    pub(crate) search: Ways<'a, BundleEntrySearch<'a>>,
    /// Whole arrays of `CodeableConcept`s (a Slot's `serviceType` and
    /// `specialty`): one look-up and one allocation of the right size for
    /// the array instead of one look-up per item and a growing vector.
    pub(crate) concepts: Ways<'a, Vec<CodeableConcept<'a>>>,
    /// Never remembers.
    off: bool,
}

impl Memo<'_> {
    /// A memo that never remembers.
    pub(crate) fn off() -> Self {
        Memo { off: true, ..Memo::default() }
    }

    /// The memo, unless it never remembers.
    #[inline(always)]
    pub(crate) fn on(&mut self) -> Option<&mut Self> {
        (!self.off).then_some(self)
    }
}

/// A model type whose objects may be remembered: [`Remember::ways`] gives
/// its share of the memo (`None`, the default: never remembered).
pub(crate) trait Remember<'a>: Sized + Clone + EachSpan + Moved {
    /// The kept objects of this type, if the type is remembered at all.
    #[inline(always)]
    fn ways<'m>(_memo: &'m mut Memo<'a>) -> Option<&'m mut Ways<'a, Self>> {
        None
    }

    /// The kept arrays of this type, if its arrays are remembered whole.
    #[inline(always)]
    fn array_ways<'m>(_memo: &'m mut Memo<'a>) -> Option<&'m mut Ways<'a, Vec<Self>>> {
        None
    }
}

/// `Remember` for a model type: its share of the memo for the types whose
/// objects repeat in a searchset, none for the others (`fhir_type!` calls
/// this for every type it declares).
macro_rules! remember_impl {
    (Meta) => { $crate::model::memo::remember_impl!(@ Meta, meta); };
    (CodeableConcept) => {
        impl<'a> $crate::model::memo::Remember<'a> for CodeableConcept<'a> {
            #[inline(always)]
            fn ways<'m>(
                memo: &'m mut $crate::model::memo::Memo<'a>,
            ) -> Option<&'m mut $crate::model::memo::Ways<'a, Self>> {
                memo.on().map(|m| &mut m.concept)
            }

            #[inline(always)]
            fn array_ways<'m>(
                memo: &'m mut $crate::model::memo::Memo<'a>,
            ) -> Option<&'m mut $crate::model::memo::Ways<'a, Vec<Self>>> {
                memo.on().map(|m| &mut m.concepts)
            }
        }
    };
    (Reference) => { $crate::model::memo::remember_impl!(@ Reference, reference); };
    (BundleEntrySearch) => { $crate::model::memo::remember_impl!(@ BundleEntrySearch, search); };
    ($ty:ident) => { impl<'a> $crate::model::memo::Remember<'a> for $ty<'a> {} };
    (@ $ty:ident, $field:ident) => {
        impl<'a> $crate::model::memo::Remember<'a> for $ty<'a> {
            #[inline(always)]
            fn ways<'m>(
                memo: &'m mut $crate::model::memo::Memo<'a>,
            ) -> Option<&'m mut $crate::model::memo::Ways<'a, Self>> {
                memo.on().map(|m| &mut m.$field)
            }
        }
    };
}

pub(crate) use remember_impl;

/// The kept object (or array) of `ways` the reader is at (its kind
/// already peeked: an object, or an array), if any: the reader steps over
/// it, and the clone is moved there. A JSON array, like an object, ends
/// where it ends: a kept one that is a prefix of the rest is the next value.
pub(crate) fn recall_in<'a, T: Moved>(ways: &mut Ways<'a, T>, r: &mut Reader<'a>) -> Option<T> {
    let at = r.pos();
    let rest = r.source().as_bytes().get(at..)?;
    let left = r.depth_left();
    // Objects of one type share their first bytes (`{"coding":[{"system":"`)
    // and differ near their end: the last eight bytes turn most misses away
    // before the whole comparison.
    let mut order = ways.order;
    let mut p = 0;
    let kept = loop {
        let k = ways.kept.get((order & 0xF) as usize)?;
        if k.levels <= left
            && word_before(rest, k.text.len()) == k.tail
            && rest.starts_with(k.text.as_bytes())
        {
            break k;
        }
        order >>= 4;
        p += 1;
        if p == ways.kept.len() {
            return None;
        }
    };
    let by = Shift { from: kept.at, to: u32::try_from(at).ok()? };
    let end = at + kept.text.len();
    // Nothing moves when the end is refused (it never is: the kept text
    // was just found there), so the clone is made only for a step taken.
    let value = r.step_over(end).then(|| kept.value.moved(by))?;
    ways.order = to_front(ways.order, p as u32);
    Some(value)
}

/// Keeps `value`, just read from `start` to the reader's position with
/// `levels` of nesting left.
pub(crate) fn keep_in<'a, T: Clone>(
    ways: &mut Ways<'a, T>,
    r: &Reader<'a>,
    start: usize,
    levels: u32,
    value: &T,
) {
    let Some(text) = r.source().get(start..r.pos()) else { return };
    let Ok(at) = u32::try_from(start) else { return };
    if text.len() > MAX_LEN {
        return;
    }
    let tail = word_before(text.as_bytes(), text.len());
    let item = Kept { text, tail, at, levels, value: value.clone() };
    let used = ways.kept.len();
    if used < WAYS {
        ways.kept.push(item);
        ways.order = (ways.order << 4) | used as u64;
    } else {
        // The least recently used is the last of the sixteen: it comes
        // first, and its way takes the new object.
        ways.order = ways.order.rotate_left(4);
        if let Some(way) = ways.kept.get_mut((ways.order & 0xF) as usize) {
            *way = item;
        }
    }
}

/// A model value whose spans can be visited (and moved: the same object
/// read at another place of the input).
pub(crate) trait EachSpan {
    /// Calls `f` on every span of the value, nested values included.
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F);
}

/// Moves every span of `value` by `to - from` (`from`: where it was read):
/// what [`Moved::moved`] does to its copy, kept as the reference the tests
/// compare it with.
#[cfg(test)]
fn relocate<T: EachSpan>(value: &mut T, from: u32, to: u32) {
    let by = Shift { from, to };
    value.each_span(&mut |s: &mut Span| *s = by.span(*s));
}

/// Where a kept value is recalled: its spans were read from `from` on, its
/// copy stands at `to`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shift {
    from: u32,
    to: u32,
}

impl Shift {
    /// `s` read in the kept object, as found in the new one.
    #[inline(always)]
    pub(crate) fn span(self, s: Span) -> Span {
        Span {
            start: self.to.saturating_add(s.start.saturating_sub(self.from)),
            end: self.to.saturating_add(s.end.saturating_sub(self.from)),
        }
    }
}

/// A copy of a model value with its spans moved ([`Shift`]): `clone`, then
/// every span moved, in one pass (a recalled `meta` or `CodeableConcept`
/// cost about as much to visit again for its spans as to clone).
pub(crate) trait Moved {
    /// The copy of `self` read at `by.to` instead of `by.from`.
    fn moved(&self, by: Shift) -> Self;
}

impl Moved for Span {
    #[inline(always)]
    fn moved(&self, by: Shift) -> Self {
        by.span(*self)
    }
}

impl<T: Moved> Moved for Option<T> {
    #[inline(always)]
    fn moved(&self, by: Shift) -> Self {
        self.as_ref().map(|v| v.moved(by))
    }
}

impl<T: Moved> Moved for Vec<T> {
    #[inline]
    fn moved(&self, by: Shift) -> Self {
        // Most repeating elements of a kept object are absent: no call.
        if self.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::with_capacity(self.len());
        out.extend(self.iter().map(|v| v.moved(by)));
        out
    }
}

impl<T: Moved> Moved for Box<T> {
    #[inline]
    fn moved(&self, by: Shift) -> Self {
        Box::new((**self).moved(by))
    }
}

impl<K> Moved for Prim<'_, K> {
    #[inline(always)]
    fn moved(&self, by: Shift) -> Self {
        let mut out = self.clone();
        out.span = by.span(self.span);
        out
    }
}

impl Moved for PrimExt<'_> {
    fn moved(&self, by: Shift) -> Self {
        PrimExt {
            name: self.name,
            value: match &self.value {
                PrimExtValue::One(e) => PrimExtValue::One(e.moved(by)),
                PrimExtValue::Many(items) => PrimExtValue::Many(items.moved(by)),
            },
        }
    }
}

impl Moved for Extension<'_> {
    fn moved(&self, by: Shift) -> Self {
        Extension {
            id: self.id.moved(by),
            extension: self.extension.moved(by),
            url: self.url.moved(by),
            value: self.value.moved(by),
            value_span: self.value_span.moved(by),
            span: self.span.moved(by),
            extras: self.extras.moved(by),
        }
    }
}

impl Moved for Value<'_> {
    fn moved(&self, by: Shift) -> Self {
        match self {
            Value::Base64Binary(v) => Value::Base64Binary(v.moved(by)),
            Value::Boolean(v) => Value::Boolean(v.moved(by)),
            Value::Canonical(v) => Value::Canonical(v.moved(by)),
            Value::Code(v) => Value::Code(v.moved(by)),
            Value::Date(v) => Value::Date(v.moved(by)),
            Value::DateTime(v) => Value::DateTime(v.moved(by)),
            Value::Decimal(v) => Value::Decimal(v.moved(by)),
            Value::Id(v) => Value::Id(v.moved(by)),
            Value::Instant(v) => Value::Instant(v.moved(by)),
            Value::Integer(v) => Value::Integer(v.moved(by)),
            Value::Markdown(v) => Value::Markdown(v.moved(by)),
            Value::Oid(v) => Value::Oid(v.moved(by)),
            Value::PositiveInt(v) => Value::PositiveInt(v.moved(by)),
            Value::String(v) => Value::String(v.moved(by)),
            Value::Time(v) => Value::Time(v.moved(by)),
            Value::UnsignedInt(v) => Value::UnsignedInt(v.moved(by)),
            Value::Uri(v) => Value::Uri(v.moved(by)),
            Value::Url(v) => Value::Url(v.moved(by)),
            Value::Uuid(v) => Value::Uuid(v.moved(by)),
            Value::Address(v) => Value::Address(v.moved(by)),
            Value::CodeableConcept(v) => Value::CodeableConcept(v.moved(by)),
            Value::Coding(v) => Value::Coding(v.moved(by)),
            Value::ContactPoint(v) => Value::ContactPoint(v.moved(by)),
            Value::HumanName(v) => Value::HumanName(v.moved(by)),
            Value::Identifier(v) => Value::Identifier(v.moved(by)),
            Value::Period(v) => Value::Period(v.moved(by)),
            Value::Reference(v) => Value::Reference(v.moved(by)),
            Value::Other(v) => Value::Other(v.moved(by)),
        }
    }
}

/// Resources are never kept (only found inside a kept value through
/// `contained`, which the kept types have not): the plain way.
impl Moved for super::Resource<'_> {
    fn moved(&self, by: Shift) -> Self {
        let mut out = self.clone();
        out.each_span(&mut |s: &mut Span| *s = by.span(*s));
        out
    }
}

impl EachSpan for Span {
    #[inline]
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        f(self);
    }
}

impl<T: EachSpan> EachSpan for Option<T> {
    #[inline]
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        if let Some(v) = self {
            v.each_span(f);
        }
    }
}

impl<T: EachSpan> EachSpan for Vec<T> {
    #[inline]
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        for v in self {
            v.each_span(f);
        }
    }
}

impl<T: EachSpan> EachSpan for Box<T> {
    #[inline]
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        (**self).each_span(f);
    }
}

impl<K> EachSpan for Prim<'_, K> {
    #[inline]
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.span.each_span(f);
    }
}

impl EachSpan for PrimExt<'_> {
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        match &mut self.value {
            PrimExtValue::One(e) => e.each_span(f),
            PrimExtValue::Many(items) => items.each_span(f),
        }
    }
}

impl EachSpan for Extension<'_> {
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.id.each_span(f);
        self.extension.each_span(f);
        self.url.each_span(f);
        self.value.each_span(f);
        self.value_span.each_span(f);
        self.span.each_span(f);
        self.extras.each_span(f);
    }
}

impl EachSpan for Value<'_> {
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        match self {
            Value::Base64Binary(v) => v.each_span(f),
            Value::Boolean(v) => v.each_span(f),
            Value::Canonical(v) => v.each_span(f),
            Value::Code(v) => v.each_span(f),
            Value::Date(v) => v.each_span(f),
            Value::DateTime(v) => v.each_span(f),
            Value::Decimal(v) => v.each_span(f),
            Value::Id(v) => v.each_span(f),
            Value::Instant(v) => v.each_span(f),
            Value::Integer(v) => v.each_span(f),
            Value::Markdown(v) => v.each_span(f),
            Value::Oid(v) => v.each_span(f),
            Value::PositiveInt(v) => v.each_span(f),
            Value::String(v) => v.each_span(f),
            Value::Time(v) => v.each_span(f),
            Value::UnsignedInt(v) => v.each_span(f),
            Value::Uri(v) => v.each_span(f),
            Value::Url(v) => v.each_span(f),
            Value::Uuid(v) => v.each_span(f),
            Value::Address(v) => v.each_span(f),
            Value::CodeableConcept(v) => v.each_span(f),
            Value::Coding(v) => v.each_span(f),
            Value::ContactPoint(v) => v.each_span(f),
            Value::HumanName(v) => v.each_span(f),
            Value::Identifier(v) => v.each_span(f),
            Value::Period(v) => v.each_span(f),
            Value::Reference(v) => v.each_span(f),
            Value::Other(v) => v.each_span(f),
        }
    }
}

impl EachSpan for Bundle<'_> {
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.id.each_span(f);
        self.meta.each_span(f);
        self.implicit_rules.each_span(f);
        self.language.each_span(f);
        self.identifier.each_span(f);
        self.type_.each_span(f);
        self.timestamp.each_span(f);
        self.total.each_span(f);
        self.link.each_span(f);
        self.entry.each_span(f);
        self.entry_span.each_span(f);
        self.span.each_span(f);
        self.extras.each_span(f);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;
    use crate::model::{BundleEntry, Cx, Note};

    /// Every entry of a streamed Bundle, its spans (in a fixed visiting
    /// order) and the notes, read with or without the memo.
    fn read<'a>(src: &'a str, memo: bool) -> (Vec<BundleEntry<'a>>, Vec<Vec<Span>>, Vec<Note>) {
        let mut cx = if memo { Cx::default() } else { Cx::without_memo() };
        let mut entries = Vec::new();
        let mut r = Reader::new(src);
        Bundle::stream(&mut r, &mut cx, &mut |_: u32, e: BundleEntry<'a>, _: &mut Cx<'_>| {
            entries.push(e)
        })
        .unwrap();
        let spans = entries
            .iter_mut()
            .map(|e| {
                let mut all = Vec::new();
                e.each_span(&mut |s: &mut Span| all.push(*s));
                all
            })
            .collect();
        (entries, spans, cx.notes)
    }

    fn same_either_way(src: &str) -> usize {
        let (with, with_spans, with_notes) = read(src, true);
        let (without, without_spans, without_notes) = read(src, false);
        assert_eq!(with, without);
        assert_eq!(with_spans, without_spans);
        assert_eq!(with_notes, without_notes);
        with_notes.len()
    }

    const SLOT: &str = r#"{"fullUrl":"https://h/fhir/Slot/ID","resource":{"resourceType":"Slot","id":"ID","meta":{"profile":["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"],"security":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau","code":"PUBLIC"}]},"serviceType":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}]},{"text":"Soins non programm\u00e9s"}],"specialty":[{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale","code":"SM19"}]}],"appointmentType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0276","code":"ROUTINE"}]},"schedule":{"reference":"Schedule/s1","_reference":{"id":"r"},"display":"x"},"status":"free","start":"2021-11-04T08:30:00.000+01:00","end":"2021-11-04T08:45:00.000+01:00"},"search":{"mode":"match","score":1}}"#;

    fn bundle(entries: &[String]) -> String {
        format!(r#"{{"resourceType":"Bundle","type":"searchset","entry":[{}]}}"#, entries.join(","))
    }

    #[test]
    fn a_repeated_object_reads_as_reading_it_again() {
        // Escaped strings (owned), `_x` siblings and unmodeled elements
        // (extras) included: the clones equal fresh readings, spans too.
        let entries: Vec<String> = (0..5).map(|i| SLOT.replace("ID", &i.to_string())).collect();
        assert_eq!(same_either_way(&bundle(&entries)), 0);
        // And they were clones: the memo kept them.
        let src = bundle(&entries);
        let mut cx = Cx::default();
        Bundle::stream(
            &mut Reader::new(&src),
            &mut cx,
            &mut |_: u32, _: BundleEntry<'_>, _: &mut Cx<'_>| {},
        )
        .unwrap();
        assert_eq!(cx.memo().meta.kept.len(), 1);
        assert_eq!(cx.memo().concept.kept.len(), 4);
        // The two arrays of concepts, `serviceType` and `specialty`.
        assert_eq!(cx.memo().concepts.kept.len(), 2);
        assert_eq!(cx.memo().search.kept.len(), 1);
        assert_eq!(cx.memo().reference.kept.len(), 1);
    }

    #[test]
    fn an_object_with_a_note_is_read_again_each_time() {
        // Copies with a defect inside a remembered kind of object, between
        // clean ones: each defect is noted at its own place.
        let defects = [
            (r#""code":"AMB""#, r#""code":" AMB""#),
            (r#""profile":["#, r#""profilx":["#),
            (r#""mode":"match""#, r#""mode":"""#),
            (r#""reference":"Schedule/s1""#, r#""reference":null"#),
            (r#""security":[{"#, r#""security":[{},{"#),
            // In remembered arrays: an item with a note, `null`, `[]`.
            (r#""specialty":[{"#, r#""specialty":[{"text":""},{"#),
            (r#""specialty":[{"#, r#""specialty":[null,{"#),
            (r#""serviceType":["#, r#""specialty":[],"serviceType":["#),
        ];
        let mut entries = Vec::new();
        for (i, (from, to)) in defects.iter().enumerate() {
            let clean = SLOT.replace("ID", &i.to_string());
            let bad = clean.replace(from, to);
            assert_ne!(bad, clean);
            entries.extend([clean.clone(), bad.clone(), clean, bad]);
        }
        assert_eq!(same_either_way(&bundle(&entries)), 2 * defects.len());
    }

    /// Every span of `v`, in the visiting order.
    fn spans<T: EachSpan + Clone>(v: &T) -> Vec<Span> {
        let mut all = Vec::new();
        v.clone().each_span(&mut |s: &mut Span| all.push(*s));
        all
    }

    /// `moved` gives what cloning and then moving every span gives.
    fn moves_as_clone_and_relocate<T: Moved + EachSpan + Clone + PartialEq + std::fmt::Debug>(
        v: &T,
    ) {
        for (from, to) in [(0, 0), (5, 100_000), (7, 3), (u32::MAX, 2)] {
            let fused = v.moved(Shift { from, to });
            let mut plain = v.clone();
            relocate(&mut plain, from, to);
            assert_eq!(fused, plain);
            assert_eq!(spans(&fused), spans(&plain), "{from} -> {to}");
        }
    }

    #[test]
    fn a_moved_copy_is_the_clone_with_its_spans_moved() {
        // Every value type of an extension, escaped (owned) strings, raw
        // elements and `_x` siblings (single and array), inside the kinds of
        // objects the memo keeps.
        let values = [
            r#""valueBase64Binary":"U0FT""#,
            r#""valueBoolean":true"#,
            r#""valueCanonical":"http://c""#,
            r#""valueCode":"c""#,
            r#""valueDate":"2021-11-04""#,
            r#""valueDateTime":"2021-11-04T08:30:00+01:00""#,
            r#""valueDecimal":1.50"#,
            r#""valueId":"i""#,
            r#""valueInstant":"2021-11-04T08:30:00.000+01:00""#,
            r#""valueInteger":-3"#,
            r#""valueMarkdown":"*m*""#,
            r#""valueOid":"urn:oid:1.2""#,
            r#""valuePositiveInt":1"#,
            r#""valueString":"programm\u00e9s""#,
            r#""valueTime":"08:30:00""#,
            r#""valueUnsignedInt":0"#,
            r#""valueUri":"u""#,
            r#""valueUrl":"http://u""#,
            r#""valueUuid":"urn:uuid:c757873d-ec9a-4326-a141-556f43239520""#,
            r#""valueAddress":{"city":"Brest","line":["1 rue"]}"#,
            r#""valueCodeableConcept":{"coding":[{"code":"c"}],"text":"t"}"#,
            r#""valueCoding":{"system":"s","code":"c","_code":{"id":"x"}}"#,
            r#""valueContactPoint":{"system":"phone","value":"01"}"#,
            r#""valueHumanName":{"family":"F","given":["G","H"]}"#,
            r#""valueIdentifier":{"value":"v","period":{"start":"2021"},"assigner":{"reference":"Organization/o"}}"#,
            r#""valuePeriod":{"start":"2021","end":"2022"}"#,
            r#""valueReference":{"reference":"Schedule/s","identifier":{"value":"v"}}"#,
            r#""valueQuantity":{"value":1}"#,
        ];
        let extensions: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, v)| format!(r#"{{"url":"http://e/{i}",{v},"_url":{{"id":"u"}},"foo":[1]}}"#))
            .collect();
        let extensions = extensions.join(",");
        let src = format!(
            r#"{{"resourceType":"Slot","meta":{{"extension":[{extensions}],"profile":["http:\/\/p","q"],"_profile":[null,{{"id":"x"}}],"security":[{{"system":"s","code":"c","extension":[{extensions}]}}],"bar":{{}}}},"serviceType":[{{"coding":[{{"system":"s","code":"AMB","display":"\u00e9"}}],"extension":[{extensions}]}},{{"text":"t","_text":{{"extension":[{extensions}]}}}}],"schedule":{{"reference":"Schedule/s","identifier":{{"value":"v","type":{{"text":"t"}}}},"extension":[{extensions}]}}}}"#
        );
        let (res, _) = crate::model::parse_resource(&src).unwrap();
        let crate::model::Resource::Slot(slot) = &res else { panic!("a Slot") };
        let meta = slot.meta.clone().unwrap();
        assert_eq!(meta.extension.len(), values.len());
        assert!(!meta.extras.raw().is_empty() && !meta.extras.prim_ext().is_empty());
        moves_as_clone_and_relocate(&meta);
        moves_as_clone_and_relocate(&slot.service_type);
        moves_as_clone_and_relocate(&slot.schedule);
        moves_as_clone_and_relocate(&meta.extension);
        moves_as_clone_and_relocate(&res);
        moves_as_clone_and_relocate(&**slot);
        moves_as_clone_and_relocate(&BundleEntrySearch::default());
    }

    #[test]
    fn the_order_of_use_moves_one_index_first() {
        // Indexes 0..16, the most recent (0) lowest.
        let order = (0..16u64).fold(0, |o, i| o | (i << (4 * i)));
        let indexes = |o: u64| (0..16).map(|p| (o >> (4 * p)) & 0xF).collect::<Vec<_>>();
        for p in 0..16u32 {
            let mut want: Vec<u64> = (0..16).collect();
            let i = want.remove(p as usize);
            want.insert(0, i);
            assert_eq!(indexes(to_front(order, p)), want, "p = {p}");
        }
    }

    #[test]
    fn a_concept_used_again_and_again_stays_among_many_others() {
        // One appointment type in every Slot, then a different specialty
        // each time: the appointment type is read once, every specialty
        // once, and the kept ones are the sixteen most recent.
        let concept =
            |code: &str| format!(r#"{{"coding":[{{"system":"http://s","code":"{code}"}}]}}"#);
        let entries: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    r#"{{"resource":{{"resourceType":"Slot","appointmentType":{},"specialty":[{}]}}}}"#,
                    concept("AMB"),
                    concept(&format!("SM{i}"))
                )
            })
            .collect();
        let src = bundle(&entries);
        assert_eq!(same_either_way(&src), 0);
        let mut cx = Cx::default();
        let mut codes = Vec::new();
        Bundle::stream(
            &mut Reader::new(&src),
            &mut cx,
            &mut |_: u32, _: BundleEntry<'_>, cx: &mut Cx<'_>| {
                let ways = &cx.memo().concept;
                codes = ways.kept.iter().map(|k| k.text.to_string()).collect();
            },
        )
        .unwrap();
        assert_eq!(codes.len(), WAYS);
        assert!(codes.contains(&concept("AMB")));
        assert!(codes.contains(&concept("SM39")) && !codes.contains(&concept("SM10")));
    }

    #[test]
    fn pretty_and_minified_copies_read_the_same() {
        let slot: serde_json::Value = serde_json::from_str(SLOT).unwrap();
        let pretty = serde_json::to_string_pretty(&slot).unwrap();
        let entries = [SLOT.to_string(), pretty.clone(), pretty, SLOT.to_string()];
        assert_eq!(same_either_way(&bundle(&entries)), 0);
        assert_eq!(same_either_way(&format!("{}\n", bundle(&entries).replace(",", " ,\n "))), 0);
    }

    #[test]
    fn an_object_read_higher_is_not_reused_beyond_the_nesting_limit() {
        // The same `meta` opened at depth 4, then at depth 7 (a Slot in a
        // nested Bundle), two levels deep: under a limit of 8 the second is
        // an error either way, under 9 it is read.
        // The same for a remembered array, two levels deep too.
        for (key, value) in
            [("meta", r#"{"profile":["http://p"]}"#), ("specialty", r#"[{"text":"t"}]"#)]
        {
            let inner = format!(
                r#"{{"resourceType":"Bundle","entry":[{{"resource":{{"resourceType":"Slot","{key}":{value}}}}}]}}"#
            );
            let src = format!(
                r#"{{"resourceType":"Bundle","entry":[{{"resource":{{"resourceType":"Slot","{key}":{value}}}}},{{"resource":{inner}}}]}}"#
            );
            for memo in [true, false] {
                let mut cx = if memo { Cx::default() } else { Cx::without_memo() };
                let mut r = Reader::new(&src).with_max_depth(8);
                let got = Bundle::stream(
                    &mut r,
                    &mut cx,
                    &mut |_: u32, _: BundleEntry<'_>, _: &mut Cx<'_>| {},
                );
                assert!(got.is_err(), "memo {memo}: the nested {key} is too deep");
                let mut r = Reader::new(&src).with_max_depth(9);
                let got = Bundle::stream(
                    &mut r,
                    &mut cx,
                    &mut |_: u32, _: BundleEntry<'_>, _: &mut Cx<'_>| {},
                );
                assert!(got.is_ok(), "memo {memo}");
            }
        }
    }

    #[test]
    fn the_official_bundles_read_the_same_with_repeats_and_defects() {
        let Some(bundles) = crate::conformance::spec::official_bundles() else { return };
        for (_, text) in bundles {
            let bundle: serde_json::Value = serde_json::from_str(&text).unwrap();
            let mut entries = Vec::new();
            for (i, e) in bundle["entry"].as_array().unwrap().iter().enumerate() {
                let e = serde_json::to_string(e).unwrap();
                // The third copy of each entry loses a character in its
                // first code or system: a note where the others have none.
                let bad = e.replacen(r#""code":""#, r#""code":"  "#, 1).replacen(
                    "http",
                    "htp",
                    (i % 2) + 1,
                );
                entries.extend([e.clone(), e.clone(), bad, e.clone(), e]);
            }
            let src = format!(
                r#"{{"resourceType":"Bundle","type":"searchset","entry":[{}]}}"#,
                entries.join(",")
            );
            same_either_way(&src);
        }
    }
}
