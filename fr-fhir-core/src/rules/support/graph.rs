//! The cross-resource view the end-of-Bundle rules of several folders read
//! (SPEC §1.2–1.4 reference graphs): the index with every reference resolved
//! once, the lookups on it, and the findings every reference rule words the
//! same way (a broken reference, a Reference without `reference`, a missing
//! reference element).
//!
//! A broken reference is reported once, under the most specific rule of its
//! field (RO1-SLOT-006 for `Slot.schedule`...), RO1-REF-001 being the
//! fallback for the fields no other rule covers in the use case.
//! Everything is linear in the number of entries and references.

use crate::finding::{Cause, Finding, Message, RuleMeta};
use crate::json::Str;
use crate::model::Bundle;
use crate::rules::index::{
    CONTAINED, EntryInfo, Index, MissingRef, NOT_FOUND, RefField, RefInfo, restful_tail,
    split_type_id,
};
use crate::rules::{Emitter, Finish, Scope, UseCase, quote};

/// The index with every reference resolved.
pub(crate) struct Graph<'f, 'a> {
    /// The cross-resource index.
    pub(crate) ix: &'f Index<'a>,
    /// The use case finally retained.
    pub(crate) uc: UseCase,
    /// Per reference: the entry it resolves to, [`NOT_FOUND`] or [`CONTAINED`].
    pub(crate) target: std::borrow::Cow<'f, [u32]>,
    /// The whole input.
    pub(crate) src: &'a str,
    /// The Bundle without its entries.
    pub(crate) bundle: &'f Bundle<'a>,
}

impl<'f, 'a> Graph<'f, 'a> {
    /// The view on the index of the Bundle just read.
    pub(crate) fn new(f: &Finish<'f, 'a>) -> Self {
        Graph {
            ix: f.index,
            uc: f.use_case,
            target: f.index.targets(),
            src: f.src,
            bundle: f.bundle,
        }
    }

    /// Every reference with its target.
    pub(crate) fn resolved(&self) -> impl Iterator<Item = (&RefInfo, u32)> {
        self.ix.refs.iter().zip(self.target.iter().copied())
    }

    /// The `Schedule.actor` references with their targets, in order: those of
    /// one Schedule are contiguous (`chunk_by` on `from` groups them).
    pub(crate) fn schedule_actors(&self) -> Vec<(&RefInfo, u32)> {
        self.resolved().filter(|(r, _)| r.field == RefField::ScheduleActor).collect()
    }

    /// The resource type of the target entry, if it is one.
    pub(crate) fn rtype(&self, target: u32) -> Option<&str> {
        self.ix.entry(target).map(|e| self.ix.rtype(e))
    }

    /// The position in `Bundle.entry` of an index entry, as messages give it.
    pub(crate) fn entry_no(&self, pos: u32) -> u32 {
        self.ix.entry(pos).map_or(pos, |e| e.index)
    }

    /// The resource type a reference names: its target's, or the `Type` of its text.
    pub(crate) fn named_type(&self, r: &RefInfo, target: u32) -> Option<Str<'a>> {
        match target {
            CONTAINED => None,
            NOT_FOUND => match self.ix.ref_text(r)? {
                Str::Borrowed(text) => split_type_id(text)
                    .or_else(|| restful_tail(text))
                    .map(|(t, _)| Str::Borrowed(t)),
                Str::Owned(text) => split_type_id(&text)
                    .or_else(|| restful_tail(&text))
                    .map(|(t, _)| Str::Owned(Box::new(t.to_string()))),
            },
            p => self.ix.entry(p).map(|e| Str::Borrowed(self.ix.rtype(e))),
        }
    }

    /// The text of a reference, empty when it cannot be read back (the
    /// input is cold by now: read only when a finding quotes it).
    pub(crate) fn text(&self, r: &RefInfo) -> Str<'a> {
        self.ix.ref_text(r).unwrap_or_default()
    }

    /// Per entry, the reference fields it holds an element of (with or
    /// without `reference`).
    pub(crate) fn fields_seen(&self) -> FieldsSeen {
        let mut seen = vec![0u8; self.ix.entries.len()];
        let fields = self.ix.refs.iter().map(|r| (r.from, r.field));
        for (from, field) in fields.chain(self.ix.missing_refs.iter().map(|m| (m.from, m.field))) {
            if let Some(s) = seen.get_mut(from as usize) {
                *s |= field_bit(field);
            }
        }
        FieldsSeen(seen)
    }
}

/// Which of the mandatory reference fields each entry holds an element of.
pub(crate) struct FieldsSeen(Vec<u8>);

impl FieldsSeen {
    /// True when the entry at `pos` holds an element of `field`.
    pub(crate) fn has(&self, pos: usize, field: RefField) -> bool {
        self.0.get(pos).is_some_and(|&bits| bits & field_bit(field) != 0)
    }
}

const BIT_SCHEDULE: u8 = 1;
const BIT_ACTOR: u8 = 2;
const BIT_PRACTITIONER: u8 = 4;
const BIT_ORGANIZATION: u8 = 8;

fn field_bit(field: RefField) -> u8 {
    match field {
        RefField::SlotSchedule => BIT_SCHEDULE,
        RefField::ScheduleActor => BIT_ACTOR,
        RefField::RolePractitioner => BIT_PRACTITIONER,
        RefField::ManagingOrganization => BIT_ORGANIZATION,
        _ => 0,
    }
}

/// A mandatory reference field, what its references must resolve to, and the
/// rule saying so: the data each end-of-Bundle reference rule gives the
/// checks below.
pub(crate) struct Expect {
    /// The rule reporting the field.
    pub(crate) rule: &'static RuleMeta,
    /// The use cases it reports in (it checks nothing in the others).
    pub(crate) scope: Scope,
    /// The reference field.
    pub(crate) field: RefField,
    /// The field as messages name it, `Type.element`: the resource type
    /// holding it, then its element.
    pub(crate) what: &'static str,
    /// The resource type the reference must name (`None`: any entry).
    pub(crate) rtype: Option<&'static str>,
}

/// Reports the reference `r` (target `t`) of `x.field` under `x.rule` when it
/// resolves to no entry, or to an entry of another type than `x.rtype`; true
/// when the reference is `x.rule`'s (its field, in one of its use cases).
pub(crate) fn check_reference(
    g: &Graph<'_, '_>,
    r: &RefInfo,
    t: u32,
    x: &Expect,
    em: &mut Emitter<'_>,
) -> bool {
    if r.field != x.field || !x.scope.contains(g.uc) {
        return false;
    }
    if t == NOT_FOUND || t == CONTAINED {
        let text = g.text(r);
        let of = x.rtype.map(|rtype| format!(" {rtype}")).unwrap_or_default();
        let message = Message::new(
            format!("{} {} ne correspond à aucune entrée{of} du Bundle", x.what, quote(&text)),
            format!("{} {} matches no{of} entry of the Bundle", x.what, quote(&text)),
        );
        let mut finding = Finding::body(x.rule, r.span, message);
        if let Some(cause) = x.rtype.and_then(|rtype| missing_target(r.field, rtype, &text)) {
            finding = finding.caused_by(cause);
        }
        em.push(x.scope, finding);
    } else {
        check_type(g, r, t, x, em);
    }
    true
}

/// Reports the reference `r` (target `t`) under `x.rule` when it names an
/// entry of another type than `x.rtype`.
pub(crate) fn check_type(g: &Graph<'_, '_>, r: &RefInfo, t: u32, x: &Expect, em: &mut Emitter<'_>) {
    let Some(rtype) = x.rtype else { return };
    if let Some(found) = g.rtype(t).filter(|found| *found != rtype) {
        let text = quote(&g.text(r));
        em.at(
            x.scope,
            x.rule,
            r.span,
            format!("{} {text} désigne une ressource {found} : {rtype} attendu", x.what),
            format!("{} {text} names a {found} resource: {rtype} expected", x.what),
        );
    }
}

/// The cause of a broken reference that every slot of a schedule (or of a
/// service) repeats: the one missing resource. Its text depends on the
/// reference only, so the slots pointing at the same missing `Schedule/x`
/// group under it (SPEC §10). `None` for fields that are not per slot.
fn missing_target(field: RefField, rtype: &str, text: &str) -> Option<Cause> {
    if !matches!(field, RefField::SlotSchedule | RefField::ServiceTypeExtension) {
        return None;
    }
    Some(Cause::new(Message::new(
        format!("ressource {rtype} {} absente du Bundle", quote(text)),
        format!("{rtype} resource {} is not in the Bundle", quote(text)),
    )))
}

/// Reports the Reference element `m` under `x.rule` when it is of `x.field`
/// (in one of `x`'s use cases) and has no `reference`.
pub(crate) fn check_bare_reference(
    g: &Graph<'_, '_>,
    m: &MissingRef,
    x: &Expect,
    em: &mut Emitter<'_>,
) {
    if m.field != x.field || !x.scope.contains(g.uc) {
        return;
    }
    let what = x.what;
    em.missing(
        x.scope,
        x.rule,
        m.element,
        "reference",
        format!(
            "{what} n'a pas de `reference` : une référence littérale vers une entrée du Bundle est attendue"
        ),
        format!("{what} has no `reference`: a literal reference to an entry of the Bundle is expected"),
    );
}

/// Reports under `x.rule` the entry `e` (at `pos`) of the type holding
/// `x.field` when it holds no element of it (in one of `x`'s use cases),
/// unless the element is written with a wrong JSON type (RO1-FHIR-001's).
#[inline]
pub(crate) fn check_entry(
    g: &Graph<'_, '_>,
    seen: &FieldsSeen,
    pos: usize,
    e: &EntryInfo,
    x: &Expect,
    em: &mut Emitter<'_>,
) {
    // Runs for every entry and rule: a prefix comparison, no search; the
    // byte after the type must be the `.` (checked first, inlined: it rules
    // out the other types without a call).
    let rtype = g.ix.rtype(e);
    if x.what.as_bytes().get(rtype.len()) != Some(&b'.') {
        return;
    }
    check_entry_of_type(g, seen, pos, e, x, rtype, em);
}

/// [`check_entry`] once the type may be the one of `x`.
fn check_entry_of_type(
    g: &Graph<'_, '_>,
    seen: &FieldsSeen,
    pos: usize,
    e: &EntryInfo,
    x: &Expect,
    rtype: &str,
    em: &mut Emitter<'_>,
) {
    let Some(child) = x.what.strip_prefix(rtype).and_then(|rest| rest.strip_prefix('.')) else {
        return;
    };
    if !x.scope.contains(g.uc) || seen.has(pos, x.field) {
        return;
    }
    if super::presence::has_key(g.src, e.span, child, None) {
        return;
    }
    em.missing(
        x.scope,
        x.rule,
        e.span,
        child,
        format!("{rtype}.{child} est absent"),
        format!("{rtype}.{child} is missing"),
    );
}
