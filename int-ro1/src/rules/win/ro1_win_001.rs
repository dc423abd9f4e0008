//! RO1-WIN-001 `slot-start-after-ge-bound`.
//!
//! Slot.start is at or after the ge bound of the request.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use chrono::{DateTime, TimeDelta, Utc};
use fr_fhir_core::json::Span;
use fr_fhir_core::primitives::paris;
use fr_fhir_core::rules::Emitter;

use crate::request::{DateParam, SearchRequest};

/// RO1-WIN-001 `slot-start-after-ge-bound`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-WIN-001",
    name: "slot-start-after-ge-bound",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "agg-psindiv #5, #7; SearchParameter slot-sp-start — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Slot.start n'est pas antérieur à la borne ge de la requête.",
    summary_en: "Slot.start is at or after the ge bound of the request.",
    doc: RuleDoc {
        what_fr: "Compare chaque Slot.start à la borne basse de la requête (début de l'intervalle de la borne, heure de Paris si elle n'a pas de décalage) et signale un créneau qui commence avant.",
        why_fr: "Exigences agg-psindiv #5 et #7, SearchParameter slot-sp-start ; le kit compare à « maintenant » (lecture AMB-32, voir aussi RO1-SLOT-017). Kit officiel ANS : vérifié en partie.",
        example_fr: "requête : start=ge2024-06-12T08:00:00.000+02:00   Slot.start: 2024-06-12T07:40:00.000+02:00",
        fix_fr: "Appliquez la borne ge au début du créneau, en tenant compte du décalage horaire.",
        what_en: "Compares every Slot.start with the lower bound of the request (start of the bound's interval, Paris time when it has no offset) and reports a slot that starts before it.",
        why_en: "Requirements agg-psindiv #5 and #7, SearchParameter slot-sp-start; the kit compares with 'now' (reading AMB-32, see also RO1-SLOT-017). Official ANS kit: partly checked.",
        example_en: "request: start=ge2024-06-12T08:00:00.000+02:00   Slot.start: 2024-06-12T07:40:00.000+02:00",
        fix_en: "Apply the ge bound to the slot start, taking the offset into account.",
    },
};

/// A bound written with a zero offset (`Z`, `+00:00`): the official kit
/// writes Paris wall-clock time that way (AMB-05).
fn zero_offset(d: &DateParam) -> bool {
    d.text.ends_with('Z') || d.text.ends_with("+00:00") || d.text.ends_with("-00:00")
}

/// The slot starting at `at` (written `start`, at `span`) against the
/// request's `ge` bound, with FHIR's precision semantics.
pub(crate) fn check(
    req: &SearchRequest,
    at: DateTime<Utc>,
    span: Span,
    start: &str,
    em: &mut Emitter<'_>,
) {
    let Some(ge) = &req.ge else { return };
    let Ok(bound) = &ge.bound else { return };
    if bound.ge_admits(at) {
        return;
    }
    let value = ge.value();
    // Read as Paris time, a `+00:00` bound starts up to 2 h earlier: a
    // server that did so is not clearly wrong.
    let paris = TimeDelta::seconds(i64::from(paris::offset_at_utc(at).local_minus_utc()));
    let lenient = zero_offset(ge) && bound.lower - at <= paris;
    let (severity, fr_note, en_note) = if lenient {
        (
            Severity::Warning,
            " ; la borne en `+00:00` est peut-être l'heure de Paris, comme l'écrit le kit (AMB-05)",
            "; the `+00:00` bound may be Paris time, as the kit writes it (AMB-05)",
        )
    } else {
        (Severity::Error, "", "")
    };
    em.at_sev(
        Scope::ALL,
        &RULE,
        severity,
        span,
        format!("le créneau commence à `{start}`, avant la borne `{value}` de la requête{fr_note}"),
        format!("the slot starts at `{start}`, before the request bound `{value}`{en_note}"),
    );
}
