//! Invariants of the resources of the SAS flows (Organization, Appointment,
//! Bundle, Patient, Parameters, DomainResource), decided from one object.
//!
//! When the element an expression tests is a required one left absent
//! (`Bundle.type`, `Appointment.status`), FHIRPath's result is empty; the
//! invariant then holds here, because the missing element is already
//! reported by its cardinality and one finding is enough.

use super::view::{fails, holds_if};
use super::{ObjectView, Verdict};
use crate::json::Span;

/// org-1 `(identifier.count() + name.count()) > 0`.
pub(super) fn org_1(v: &ObjectView<'_, '_>) -> Verdict {
    holds_if(v.exists("identifier") || v.exists("name"), || {
        fails(
            v.span,
            "Organization n'a ni identifier ni name ; attendu : au moins l'un des deux (org-1)".into(),
            "Organization has neither an identifier nor a name; expected at least one of them (org-1)".into(),
        )
    })
}

/// org-2 / org-3 `where(use = 'home').empty()`, on one Organization.address
/// or Organization.telecom.
pub(super) fn not_home(v: &ObjectView<'_, '_>, element: &str, key: &str) -> Verdict {
    holds_if(v.text("use") != Some("home"), || {
        fails(
            v.span_of("use"),
            format!(
                "Organization.{element}.use vaut home ; attendu : un autre usage que home, jamais home pour une organisation ({key})"
            ),
            format!(
                "Organization.{element}.use is home; expected any use but home, never home for an organization ({key})"
            ),
        )
    })
}

/// app-2 `start.exists() = end.exists()`.
pub(super) fn app_2(v: &ObjectView<'_, '_>) -> Verdict {
    let (present, absent) = match (v.exists("start"), v.exists("end")) {
        (true, false) => ("start", "end"),
        (false, true) => ("end", "start"),
        _ => return Verdict::Holds,
    };
    fails(
        v.span_of(present),
        format!(
            "Appointment.{present} présent sans {absent} ; attendu : start et end tous deux, ou aucun (app-2)"
        ),
        format!(
            "Appointment.{present} is given without {absent}; expected both start and end, or neither (app-2)"
        ),
    )
}

/// app-3 `(start.exists() and end.exists()) or (status in ('proposed' |
/// 'cancelled' | 'waitlist'))`.
pub(super) fn app_3(v: &ObjectView<'_, '_>) -> Verdict {
    if v.exists("start") && v.exists("end") {
        return Verdict::Holds;
    }
    let Some(status) = v.text("status") else { return Verdict::Holds };
    holds_if(matches!(status, "proposed" | "cancelled" | "waitlist"), || {
        fails(
            v.span_of("status"),
            format!(
                "Appointment sans start et end avec status {status} ; attendu : start et end, ou status proposed, cancelled ou waitlist (app-3)"
            ),
            format!(
                "Appointment without start and end has status {status}; expected start and end, or status proposed, cancelled or waitlist (app-3)"
            ),
        )
    })
}

/// app-4 `cancelationReason.exists() implies (status='noshow' or
/// status='cancelled')`. The SAS profiles write `'no-show'`, which is not a
/// code of AppointmentStatus (its required binding); the code `noshow` of
/// R4 is what is meant and what is checked.
pub(super) fn app_4(v: &ObjectView<'_, '_>) -> Verdict {
    if !v.exists("cancelationReason") {
        return Verdict::Holds;
    }
    let Some(status) = v.text("status") else { return Verdict::Holds };
    holds_if(matches!(status, "noshow" | "cancelled"), || {
        fails(
            v.span_of("cancelationReason"),
            format!(
                "Appointment.cancelationReason présent avec status {status} ; attendu : status cancelled ou noshow (app-4)"
            ),
            format!(
                "Appointment.cancelationReason is given with status {status}; expected status cancelled or noshow (app-4)"
            ),
        )
    })
}

/// bdl-1 `total.empty() or (type = 'searchset') or (type = 'history')`.
pub(super) fn bdl_1(v: &ObjectView<'_, '_>) -> Verdict {
    if !v.exists("total") {
        return Verdict::Holds;
    }
    let Some(ty) = v.text("type") else { return Verdict::Holds };
    holds_if(matches!(ty, "searchset" | "history"), || {
        fails(
            v.span_of("total"),
            format!(
                "Bundle.total présent dans un Bundle de type {ty} ; attendu : total seulement pour searchset ou history (bdl-1)"
            ),
            format!(
                "Bundle.total is given in a Bundle of type {ty}; expected total only for searchset or history (bdl-1)"
            ),
        )
    })
}

/// What an entry rule sees of one entry: whether it has a child, and where
/// to point.
struct EntryLook<'l> {
    has: &'l dyn Fn(&str) -> bool,
    span_of: &'l dyn Fn(&str) -> Span,
}

/// bdl-2 on one entry: `search` only in a searchset.
fn entry_bdl_2(ty: &str, e: &EntryLook<'_>) -> Verdict {
    holds_if(ty == "searchset" || !(e.has)("search"), || {
        fails(
            (e.span_of)("search"),
            format!(
                "Bundle.entry.search présent dans un Bundle de type {ty} ; attendu : entry.search seulement dans un searchset (bdl-2)"
            ),
            format!(
                "Bundle.entry.search is given in a Bundle of type {ty}; expected entry.search only in a searchset (bdl-2)"
            ),
        )
    })
}

/// bdl-3 / bdl-4 on one entry: `child` present exactly for the `types`.
fn entry_presence(ty: &str, e: &EntryLook<'_>, key: &str, child: &str, types: &[&str]) -> Verdict {
    let wanted = types.contains(&ty);
    let list = types.join(", ");
    match ((e.has)(child), wanted) {
        (true, false) => fails(
            (e.span_of)(child),
            format!(
                "Bundle.entry.{child} présent dans un Bundle de type {ty} ; attendu : {child} seulement pour {list} ({key})"
            ),
            format!(
                "Bundle.entry.{child} is given in a Bundle of type {ty}; expected {child} only for {list} ({key})"
            ),
        ),
        (false, true) => fails(
            (e.span_of)(child),
            format!(
                "Bundle.entry sans {child} dans un Bundle de type {ty} ; attendu : {child} obligatoire pour {list} ({key})"
            ),
            format!(
                "Bundle.entry without {child} in a Bundle of type {ty}; expected {child}, mandatory for {list} ({key})"
            ),
        ),
        _ => Verdict::Holds,
    }
}

const BDL_3_TYPES: &[&str] = &["batch", "transaction", "history"];
const BDL_4_TYPES: &[&str] = &["batch-response", "transaction-response", "history"];

/// bdl-2, bdl-3, bdl-4 on the Bundle: `entry.all(...)`, seen through the
/// first entry's names only. Decided when there is no entry, when the first
/// one fails, or when it is the only one; `None` otherwise (see
/// [`evaluate_entry`], which decides every entry).
pub(super) fn bundle_entries(v: &ObjectView<'_, '_>, key: &str) -> Option<Verdict> {
    let Some(ty) = v.text("type") else { return Some(Verdict::Holds) };
    if key == "bdl-2" && ty == "searchset" {
        return Some(Verdict::Holds);
    }
    let Some(entry) = v.get("entry").filter(|e| e.count > 0) else {
        return Some(Verdict::Holds);
    };
    let has = |name: &str| v.inner_has("entry", name);
    let span_of = |_: &str| entry.span;
    let look = EntryLook { has: &has, span_of: &span_of };
    let first = entry_verdict(key, ty, &look)?;
    if first != Verdict::Holds || entry.count == 1 { Some(first) } else { None }
}

fn entry_verdict(key: &str, ty: &str, e: &EntryLook<'_>) -> Option<Verdict> {
    Some(match key {
        "bdl-2" => entry_bdl_2(ty, e),
        "bdl-3" => entry_presence(ty, e, "bdl-3", "request", BDL_3_TYPES),
        "bdl-4" => entry_presence(ty, e, "bdl-4", "response", BDL_4_TYPES),
        _ => return None,
    })
}

/// bdl-2, bdl-3 and bdl-4 (constraints of `Bundle`) decided on one
/// `Bundle.entry`, for a walker that knows the Bundle's `type` when it
/// reaches each entry. `bundle_type` is `Bundle.type`'s value (`None`
/// when absent: nothing to judge). Each verdict points at the entry's
/// `search`, `request` or `response`, or at the entry when it is missing.
///
/// ```
/// use fr_fhir_core::conformance::invariants::{evaluate_entry, read_children, ObjectView, Verdict};
/// let (span, children) = read_children(r#"{"resource":{},"search":{"mode":"match"}}"#, 0).unwrap();
/// let entry = ObjectView { span, children: &children, resource: None };
/// let verdicts = evaluate_entry(Some("collection"), &entry);
/// assert!(matches!(verdicts[0], ("bdl-2", Verdict::Fails { .. })));
/// assert_eq!(evaluate_entry(Some("searchset"), &entry)[0], ("bdl-2", Verdict::Holds));
/// ```
pub fn evaluate_entry(
    bundle_type: Option<&str>,
    entry: &ObjectView<'_, '_>,
) -> Vec<(&'static str, Verdict)> {
    let Some(ty) = bundle_type else { return Vec::new() };
    let has = |name: &str| entry.exists(name);
    let span_of = |name: &str| entry.span_of(name);
    let look = EntryLook { has: &has, span_of: &span_of };
    vec![
        ("bdl-2", entry_bdl_2(ty, &look)),
        ("bdl-3", entry_presence(ty, &look, "bdl-3", "request", BDL_3_TYPES)),
        ("bdl-4", entry_presence(ty, &look, "bdl-4", "response", BDL_4_TYPES)),
    ]
}

/// bdl-5 `resource.exists() or request.exists() or response.exists()`, on
/// Bundle.entry.
pub(super) fn bdl_5(v: &ObjectView<'_, '_>) -> Verdict {
    holds_if(["resource", "request", "response"].iter().any(|n| v.exists(n)), || {
        fails(
            v.span,
            "Bundle.entry n'a ni resource, ni request, ni response ; attendu : au moins l'un d'eux (bdl-5)".into(),
            "Bundle.entry has no resource, no request and no response; expected at least one of them (bdl-5)".into(),
        )
    })
}

/// bdl-8 `fullUrl.contains('/_history/').not()`, on Bundle.entry (an
/// absent fullUrl holds, as the IG's `fullUrl.exists() implies` wording says).
pub(super) fn bdl_8(v: &ObjectView<'_, '_>) -> Verdict {
    let Some(url) = v.text("fullUrl") else { return Verdict::Holds };
    holds_if(!url.contains("/_history/"), || {
        fails(
            v.span_of("fullUrl"),
            format!(
                "Bundle.entry.fullUrl {url} contient /_history/ ; attendu : une URL sans version (bdl-8)"
            ),
            format!(
                "Bundle.entry.fullUrl {url} contains /_history/; expected a URL without version (bdl-8)"
            ),
        )
    })
}

/// bdl-9 `type = 'document' implies (identifier.system.exists() and
/// identifier.value.exists())` (Bundle.identifier is 0..1: the view's
/// `inner` has its names).
pub(super) fn bdl_9(v: &ObjectView<'_, '_>) -> Verdict {
    if v.text("type") != Some("document") {
        return Verdict::Holds;
    }
    holds_if(v.inner_has("identifier", "system") && v.inner_has("identifier", "value"), || {
        fails(
            v.span_of("identifier"),
            "Bundle de type document sans identifier.system et identifier.value ; attendu : un identifiant avec system et value (bdl-9)".into(),
            "Bundle of type document without identifier.system and identifier.value; expected an identifier with a system and a value (bdl-9)".into(),
        )
    })
}

/// bdl-10 `type = 'document' implies (timestamp.hasValue())`.
pub(super) fn bdl_10(v: &ObjectView<'_, '_>) -> Verdict {
    holds_if(v.text("type") != Some("document") || v.has_value("timestamp"), || {
        fails(
            v.span_of("type"),
            "Bundle de type document sans timestamp ; attendu : une date dans timestamp (bdl-10)"
                .into(),
            "Bundle of type document without timestamp; expected a date in timestamp (bdl-10)"
                .into(),
        )
    })
}

/// bdl-11 / bdl-12 `type = '<ty>' implies entry.first().resource.is(<rt>)`:
/// the resource type of the first entry is not in the view, so only "no
/// entry" and "first entry without resource" are decided.
pub(super) fn first_resource(
    v: &ObjectView<'_, '_>,
    key: &str,
    ty: &str,
    rt: &str,
) -> Option<Verdict> {
    if v.text("type") != Some(ty) {
        return Some(Verdict::Holds);
    }
    let entries = v.get("entry").map_or(0, |e| e.count);
    if entries > 0 && v.inner_has("entry", "resource") {
        return None;
    }
    Some(fails(
        v.span_of("entry"),
        format!(
            "Bundle de type {ty} dont la première entrée n'a pas de ressource ; attendu : un {rt} en première ressource ({key})"
        ),
        format!(
            "Bundle of type {ty} whose first entry has no resource; expected a {rt} as the first resource ({key})"
        ),
    ))
}

/// dom-6 `text.div.exists()` (a warning: a resource should have a
/// narrative), on a resource root.
pub(super) fn dom_6(v: &ObjectView<'_, '_>) -> Verdict {
    holds_if(v.inner_has("text", "div"), || {
        fails(
            v.span_of("text"),
            "La ressource n'a pas de narratif text.div ; attendu : un narratif, recommandé pour la gestion des ressources (dom-6)".into(),
            "The resource has no narrative text.div; expected a narrative, recommended for robust management (dom-6)".into(),
        )
    })
}

/// inv-1 `(part.exists() and value.empty() and resource.empty()) or
/// (part.empty() and (value.exists() xor resource.exists()))`, on
/// Parameters.parameter.
pub(super) fn inv_1(v: &ObjectView<'_, '_>) -> Verdict {
    let value = v.value_x();
    let found: Vec<&str> = [
        v.exists("part").then_some("part"),
        value.map(|c| c.name.trim_start_matches('_')),
        v.exists("resource").then_some("resource"),
    ]
    .into_iter()
    .flatten()
    .collect();
    holds_if(found.len() == 1, || {
        let span = value.map_or(v.span, |c| if found.len() > 1 { c.span } else { v.span });
        if found.is_empty() {
            return fails(
                span,
                "Parameters.parameter n'a ni value[x], ni resource, ni part ; attendu : exactement l'un d'eux (inv-1)".into(),
                "Parameters.parameter has no value[x], no resource and no part; expected exactly one of them (inv-1)".into(),
            );
        }
        let list = found.join(", ");
        fails(
            span,
            format!(
                "Parameters.parameter porte à la fois {list} ; attendu : exactement un de value[x], resource ou part (inv-1)"
            ),
            format!(
                "Parameters.parameter carries {list} together; expected exactly one of value[x], resource or part (inv-1)"
            ),
        )
    })
}
