//! RO1-WIN-002 `slot-start-before-le-bound`.
//!
//! Slot.start is at or before the le bound of the request; Slot.end may go beyond it.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use chrono::{DateTime, Utc};
use fr_fhir_core::json::Span;
use fr_fhir_core::rules::Emitter;

use crate::request::SearchRequest;

/// RO1-WIN-002 `slot-start-before-le-bound`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-WIN-002",
    name: "slot-start-before-le-bound",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "agg-psindiv #7; SearchParameter expression Slot.start — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Slot.start n'est pas postérieur à la borne le de la requête ; Slot.end peut la dépasser.",
    summary_en: "Slot.start is at or before the le bound of the request; Slot.end may go beyond it.",
    doc: RuleDoc {
        what_fr: "Compare chaque Slot.start à la fin de l'intervalle de la borne haute (le2024-06-14 couvre toute la journée) et signale un créneau qui commence après ; la fin du créneau n'est pas comparée.",
        why_fr: "Exigence agg-psindiv #7 et expression Slot.start du SearchParameter ; le kit ne compare que les dates (lecture AMB-05). Kit officiel ANS : vérifié en partie.",
        example_fr: "requête : start=le2024-06-14T23:59:59.999+02:00   Slot.start: 2024-06-15T08:00:00.000+02:00",
        fix_fr: "Appliquez la borne le au début du créneau, en tenant compte de sa précision et du décalage horaire.",
        what_en: "Compares every Slot.start with the end of the upper bound's interval (le2024-06-14 covers the whole day) and reports a slot that starts after it; the slot end is not compared.",
        why_en: "Requirement agg-psindiv #7 and the Slot.start expression of the SearchParameter; the kit compares calendar dates only (reading AMB-05). Official ANS kit: partly checked.",
        example_en: "request: start=le2024-06-14T23:59:59.999+02:00   Slot.start: 2024-06-15T08:00:00.000+02:00",
        fix_en: "Apply the le bound to the slot start, taking its precision and the offset into account.",
    },
};

/// The slot starting at `at` (written `start`, at `span`) against the
/// request's `le` bound, with FHIR's precision semantics; a slot inside
/// the window whose written date passes the bound's is a warning, since
/// the kit compares the written dates only (SPEC §4).
pub(crate) fn check(
    req: &SearchRequest,
    at: DateTime<Utc>,
    span: Span,
    start: &str,
    em: &mut Emitter<'_>,
) {
    let Some(le) = &req.le else { return };
    let Ok(bound) = &le.bound else { return };
    if !bound.le_admits(at) {
        // Formatted only once a finding is made: this runs for every slot.
        let value = le.value();
        em.at(
            Scope::ALL,
            &RULE,
            span,
            format!("le créneau commence à `{start}`, après la borne `{value}` de la requête"),
            format!("the slot starts at `{start}`, after the request bound `{value}`"),
        );
    } else if start.get(..10).zip(le.text.get(..10)).is_some_and(|(s, b)| s > b) {
        let value = le.value();
        em.at_sev(
            Scope::ALL,
            &RULE,
            Severity::Warning,
            span,
            format!(
                "le créneau `{start}` est dans la fenêtre, mais sa date écrite dépasse celle de la borne `{value}` : le kit officiel, qui ne compare que les dates, le refuserait"
            ),
            format!(
                "the slot `{start}` is inside the window, but its written date is after the one of the bound `{value}`: the official kit, which compares dates only, would reject it"
            ),
        );
    }
}
