//! The request-dependent body rules, run inside the validator's single pass
//! over the body (SPEC §7: "need the captured request next to the
//! response"): this hook visits the slots, practitioners, organizations and
//! the self link, and calls the checks of RO1-WIN-001/002, RO1-PRACT-005,
//! RO1-REF-005, RO1-SOS-005 and RO1-BUNDLE-005 in their rule files; the
//! knock-on causes of REF-005 and SOS-005 are worded there too, through
//! `rules::support::knock_on`. (RO1-SLOT-017, slots before the capture time,
//! is the slot folder's (`ro1_slot_017`): the exchange only sets `Options::now` from the
//! capture.)
//!
//! When the request is known before the body, slots are judged as they
//! stream past. Otherwise the request comes from `Bundle.link[self]`, which
//! may follow the entries, so each slot start is kept (a timestamp and a
//! span) and judged at the end. Practitioners and organizations are few:
//! their identifiers are always kept and compared at the end, where the
//! index resolves Slot → Schedule → actor chains.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use fr_fhir_core::finding::{Cause, Finding};
use fr_fhir_core::json::Span;
use fr_fhir_core::model::{Identifier, Resource};
use fr_fhir_core::primitives::parse_instant;
use fr_fhir_core::rules::index::{EntryType, Index, RefField, RefInfo, Resolution};
use fr_fhir_core::rules::{Emitter, EntryCx, Finish, Hook, UseCase};

use crate::request::query::ParsedQuery;
use crate::request::{SearchRequest, compare_self_link};
use crate::rules::bundle::ro1_bundle_005;
use crate::rules::pract::ro1_pract_005;
use crate::rules::r#ref::ro1_ref_005;
use crate::rules::sos::ro1_sos_005;
use crate::rules::support::knock_on::Unrequested;
use crate::rules::win::ro1_win_001;
use crate::rules::win::ro1_win_002;

/// The request as read from the self link when none was given.
#[derive(Debug, Clone)]
pub(crate) struct Derived {
    /// Span of the `url` value (quotes included) in the body.
    pub value_span: Span,
    /// Its RO1-REQ findings, spans relative to `text`.
    pub findings: Vec<Finding>,
}

/// A slot start kept until the request is known.
#[derive(Debug, Clone, Copy)]
struct SlotStart {
    at: DateTime<Utc>,
    span: Span,
}

/// The comparable national identifiers of one Practitioner or Organization.
#[derive(Debug)]
struct Holder {
    /// Position in `Bundle.entry`.
    index: u32,
    /// Span and text of each national identifier value.
    ids: Vec<(Span, Box<str>)>,
    /// Position in `identifier` of the first of them, to locate a cause.
    first: u32,
}

impl Holder {
    /// `None` when there is nothing to compare (reported by other rules).
    fn matched(&self, wanted: &HashSet<&str>) -> Option<bool> {
        (!self.ids.is_empty()).then(|| self.ids.iter().any(|(_, v)| wanted.contains(&**v)))
    }
}

/// The hook given to `validate_with`.
pub(crate) struct RequestHook<'r> {
    given: Option<(&'r SearchRequest, &'r ParsedQuery<'r>)>,
    slots: Vec<SlotStart>,
    practitioners: Vec<Holder>,
    organizations: Vec<Holder>,
    /// Set at the end when the request was taken from the self link.
    pub(crate) derived: Option<Derived>,
}

impl<'r> RequestHook<'r> {
    pub(crate) fn new(given: Option<(&'r SearchRequest, &'r ParsedQuery<'r>)>) -> Self {
        RequestHook {
            given,
            slots: Vec::new(),
            practitioners: Vec::new(),
            organizations: Vec::new(),
            derived: None,
        }
    }
}

/// The national identifier system of persons (IDNPS) or structures (IDNST),
/// recognised by system (with or without `urn:oid:`, RO1-PRACT-003 judges
/// the form) or by the identifier type code.
fn is_national(id: &Identifier<'_>, oid: &str, type_code: &str) -> bool {
    let bare = oid.trim_start_matches("urn:oid:");
    let by_system =
        id.system.as_ref().is_some_and(|s| s.as_str().trim_start_matches("urn:oid:") == bare);
    let by_type = id.type_.as_ref().is_some_and(|t| {
        t.coding.iter().any(|c| c.code.as_ref().is_some_and(|k| k.as_str() == type_code))
    });
    by_system || by_type
}

fn holder(index: u32, ids: &[Identifier<'_>], oid: &str, type_code: &str) -> Holder {
    let national = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| is_national(id, oid, type_code))
        .filter_map(|(k, id)| id.value.as_ref().map(|v| (k, v)));
    let mut first = None;
    let ids = national
        .map(|(k, v)| {
            first.get_or_insert(k);
            (v.span, Box::from(v.as_str()))
        })
        .collect();
    Holder { index, ids, first: first.and_then(|k| u32::try_from(k).ok()).unwrap_or(0) }
}

/// The text of a string value at `span` (quotes removed), for messages.
fn text_at(src: &str, span: Span) -> &str {
    let raw = span.slice(src).unwrap_or("");
    // The quotes of the span only (the common case) without the generic
    // `trim_matches` scan; a value that itself starts or ends with a quote
    // character keeps the full trim.
    match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) if !inner.starts_with('"') && !inner.ends_with('"') => inner,
        _ => raw.trim_matches('"'),
    }
}

/// What a fork of the hook keeps for the hook it was forked from: the slot
/// starts (when the request comes from the self link), practitioners and
/// organizations of its entries, in order.
type PartState = (Vec<SlotStart>, Vec<Holder>, Vec<Holder>);

impl<'a, 'r: 'a> Hook<'a> for RequestHook<'r> {
    fn use_case(&self) -> Option<UseCase> {
        self.given.map(|(req, _)| req.use_case)
    }

    /// Its lists are in entry order and it reports a slot only from the slot
    /// itself: a fork sees the entries after a split point, its lists follow.
    fn fork(&self) -> Option<Box<dyn Hook<'a> + Send + 'a>> {
        Some(Box::new(RequestHook::new(self.given)))
    }

    fn part_state(self: Box<Self>) -> Option<Box<dyn std::any::Any + Send>> {
        let state: PartState = (self.slots, self.practitioners, self.organizations);
        Some(Box::new(state))
    }

    fn join(&mut self, state: Box<dyn std::any::Any + Send>, first: u32) {
        let Ok(state) = state.downcast::<PartState>() else { return };
        let (slots, practitioners, organizations) = *state;
        self.slots.extend(slots);
        let moved = |mut h: Holder| {
            h.index = h.index.saturating_add(first);
            h
        };
        self.practitioners.extend(practitioners.into_iter().map(moved));
        self.organizations.extend(organizations.into_iter().map(moved));
    }

    fn entry(&mut self, e: &EntryCx<'_, 'a>, em: &mut Emitter<'_>) {
        let Some(res) = &e.entry.resource else { return };
        match res {
            Resource::Slot(s) => {
                let Some(start) = &s.start else { return };
                // An unreadable start is RO1-SLOT-003's finding.
                let Ok(at) = parse_instant(start.as_str()) else { return };
                let slot = SlotStart { at: at.to_utc(), span: start.span };
                match self.given {
                    Some((req, _)) => window(req, slot, e.src, em),
                    None => self.slots.push(slot),
                }
            }
            Resource::Practitioner(p) => self.practitioners.push(holder(
                e.index,
                &p.identifier,
                fr_fhir_core::ids::OID_IDNPS,
                "IDNPS",
            )),
            Resource::Organization(o) => self.organizations.push(holder(
                e.index,
                &o.identifier,
                fr_fhir_core::ids::OID_IDNST,
                "IDNST",
            )),
            _ => {}
        }
    }

    fn finish(&mut self, f: &Finish<'_, 'a>, em: &mut Emitter<'_>) {
        let self_link = f
            .bundle
            .link
            .iter()
            .find(|l| l.relation.as_ref().is_some_and(|r| r.as_str() == "self"))
            .and_then(|l| l.url.as_ref());
        if let Some((req, raw)) = self.given {
            if let Some(url) = self_link {
                let diff = compare_self_link(raw, &ParsedQuery::parse(url.as_str()));
                ro1_bundle_005::check(&diff, url.span, em);
            }
            self.against(req, f, em);
            return;
        }
        let Some(url) = self_link else {
            ro1_bundle_005::no_request(f.bundle.span, em);
            return;
        };
        let raw = ParsedQuery::parse(url.as_str());
        let req = SearchRequest::from_query(&raw);
        ro1_bundle_005::request_from_self_link(url.span, em);
        let findings = req.check(&raw);
        self.against(&req, f, em);
        self.derived = Some(Derived { value_span: url.span, findings });
    }
}

impl RequestHook<'_> {
    /// The end-of-Bundle comparisons with a known request.
    fn against(&mut self, req: &SearchRequest, f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
        for slot in std::mem::take(&mut self.slots) {
            window(req, slot, f.src, em);
        }
        let wanted: HashSet<&str> =
            req.identifiers.iter().map(|id| id.token.value.as_str()).collect();
        // No identifier requested is RO1-REQ-006/013's finding.
        if wanted.is_empty() {
            return;
        }
        match req.use_case {
            UseCase::PS | UseCase::CPTS => {
                let holders = &self.practitioners;
                ro1_pract_005::check(national_ids(holders), &wanted, em);
                knock_ons(f, em, ro1_ref_005::check_slot, |schedule| {
                    let actors =
                        targets(f.index, schedule, RefField::ScheduleActor, "Practitioner");
                    not_requested(f.index, holders, &wanted, actors).map(|u| ro1_ref_005::cause(&u))
                });
            }
            _ /* SOS */ => {
                let holders = &self.organizations;
                ro1_sos_005::check_identifiers(national_ids(holders), &wanted, em);
                knock_ons(f, em, ro1_sos_005::check_slot, |schedule| {
                    let orgs = targets(f.index, schedule, RefField::ScheduleActor, "Location")
                        .flat_map(|loc| {
                            targets(f.index, loc, RefField::ManagingOrganization, "Organization")
                        });
                    not_requested(f.index, holders, &wanted, orgs).map(|u| ro1_sos_005::cause(&u))
                });
            }
        }
    }
}

/// The national identifiers of `holders`, in entry order, as span and text.
fn national_ids(holders: &[Holder]) -> impl Iterator<Item = (Span, &str)> {
    holders.iter().flat_map(|h| h.ids.iter()).map(|(span, v)| (*span, &**v))
}

/// Reports, through `report` (RO1-REF-005 for practitioners, RO1-SOS-005 for
/// associations), each slot whose schedule `verdict` names a cause for; the
/// verdict is computed once per schedule, so that its slots share the cause
/// (and group under it).
fn knock_ons(
    f: &Finish<'_, '_>,
    em: &mut Emitter<'_>,
    report: fn(&mut Emitter<'_>, &str, Span, Cause),
    mut verdict: impl FnMut(u32) -> Option<Cause>,
) {
    let mut verdicts = PerKey::default();
    for (slot_ref, schedule) in slot_schedules(f.index) {
        let Some(cause) = verdicts.get_or(schedule, &mut verdict) else { continue };
        let text = f.index.ref_text(slot_ref).unwrap_or_default();
        report(em, &text, slot_ref.span, cause.clone());
    }
}

/// Values computed once per key. Keys mostly come in runs (the slots of one
/// schedule follow each other): the last one is kept aside, so that the map
/// (SipHash) is asked once per run rather than once per slot.
struct PerKey<V> {
    last: Option<(u32, V)>,
    rest: HashMap<u32, V>,
}

impl<V> Default for PerKey<V> {
    fn default() -> Self {
        PerKey { last: None, rest: HashMap::new() }
    }
}

impl<V> PerKey<V> {
    /// The value of `key`, computed by `make` the first time only.
    fn get_or(&mut self, key: u32, make: &mut impl FnMut(u32) -> V) -> &V {
        let current = match self.last.take() {
            Some((k, v)) if k == key => (k, v),
            other => {
                if let Some((k, v)) = other {
                    self.rest.insert(k, v);
                }
                let v = self.rest.remove(&key).unwrap_or_else(|| make(key));
                (key, v)
            }
        };
        &self.last.insert(current).1
    }
}

/// The holder kept for the entry at index position `pos`.
fn holder_at<'h>(ix: &Index<'_>, holders: &'h [Holder], pos: u32) -> Option<&'h Holder> {
    let index = ix.entry(pos)?.index;
    let i = holders.binary_search_by_key(&index, |h| h.index).ok()?;
    holders.get(i)
}

/// The holders at `positions` when they can be compared and none of them was
/// requested; `None` when one was, or none can be compared (no identifier:
/// other rules say so).
fn not_requested<'h>(
    ix: &'h Index<'_>,
    holders: &'h [Holder],
    wanted: &HashSet<&str>,
    positions: impl Iterator<Item = u32>,
) -> Option<Vec<Unrequested<'h>>> {
    let mut judged = Vec::new();
    for pos in positions {
        match holder_at(ix, holders, pos).and_then(|h| h.matched(wanted)) {
            Some(true) => return None,
            Some(false) if !judged.contains(&pos) => judged.push(pos),
            Some(false) => {}
            None => {}
        }
    }
    if judged.is_empty() {
        return None;
    }
    let unrequested = judged.into_iter().filter_map(|pos| {
        let e = ix.entry(pos)?;
        let h = holder_at(ix, holders, pos)?;
        Some(Unrequested {
            rtype: ix.rtype(e),
            id: ix.id(e),
            entry: e.index,
            ids: h.ids.iter().map(|(_, v)| &**v).collect(),
            first: h.first,
        })
    });
    Some(unrequested.collect())
}

/// The references made by the entry at position `from` (the index keeps
/// them in entry order).
fn refs_from(ix: &Index<'_>, from: u32) -> std::ops::Range<usize> {
    let lo = ix.refs.partition_point(|r| r.from < from);
    let hi = ix.refs.partition_point(|r| r.from <= from);
    lo..hi.max(lo)
}

/// Positions of the `rtype` entries that the `field` references of entry
/// `from` resolve to.
fn targets<'i>(
    ix: &'i Index<'_>,
    from: u32,
    field: RefField,
    rtype: &'static str,
) -> impl Iterator<Item = u32> + 'i {
    refs_from(ix, from)
        .filter(move |&i| ix.refs.get(i).is_some_and(|r| r.field == field))
        .filter_map(move |i| match ix.target_of(i) {
            Resolution::Entry(p) if ix.entry(p).is_some_and(|e| ix.rtype(e) == rtype) => Some(p),
            _ => None,
        })
}

/// Every `Slot.schedule` reference that resolves to a Schedule entry.
fn slot_schedules<'i>(ix: &'i Index<'_>) -> impl Iterator<Item = (&'i RefInfo, u32)> + 'i {
    ix.refs.iter().enumerate().filter(|(_, r)| r.field == RefField::SlotSchedule).filter_map(
        move |(i, r)| match ix.target_of(i) {
            Resolution::Entry(p) if ix.entry(p).is_some_and(|e| e.kind == EntryType::Schedule) => {
                Some((r, p))
            }
            _ => None,
        },
    )
}

/// RO1-WIN-001 / RO1-WIN-002 on one slot start.
fn window(req: &SearchRequest, slot: SlotStart, src: &str, em: &mut Emitter<'_>) {
    let start = text_at(src, slot.span);
    ro1_win_001::check(req, slot.at, slot.span, start, em);
    ro1_win_002::check(req, slot.at, slot.span, start, em);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run cache computes each key once, whatever the order, and gives
    /// back the value of the key asked (not the last one's).
    #[test]
    fn per_key_computes_each_key_once() {
        let mut made = Vec::new();
        let mut per = PerKey::default();
        let mut make = |k: u32| {
            made.push(k);
            k * 10
        };
        let got: Vec<u32> =
            [3, 3, 5, 3, 5, 5, 7, 3].iter().map(|&k| *per.get_or(k, &mut make)).collect();
        assert_eq!(got, [30, 30, 50, 30, 50, 50, 70, 30]);
        assert_eq!(made, [3, 5, 7]);
    }

    /// The fast path of `text_at` agrees with the full trim of quotes.
    #[test]
    fn text_at_trims_like_trim_matches() {
        for raw in ["\"a\"", "\"\"", "\"", "", "\"\"\"", "\"a\\\"\"", "\"\\\"a\"", "a", "\"a"] {
            let span = Span::new(0, u32::try_from(raw.len()).unwrap_or(0));
            assert_eq!(text_at(raw, span), raw.trim_matches('"'), "{raw:?}");
        }
    }
}
