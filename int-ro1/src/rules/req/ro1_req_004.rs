//! RO1-REQ-004 `request-window-bounds-ordered`.
//!
//! The lower bound (ge) of the search window is not after its upper bound (le).

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use chrono::TimeDelta;

use super::check_window;
use crate::request::SearchRequest;
use crate::request::query::ParsedQuery;
use fr_fhir_core::finding::Finding;

/// RO1-REQ-004 `request-window-bounds-ordered`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-004",
    name: "request-window-bounds-ordered",
    severity: Severity::Error,
    scope: Scope::SLOT_SEARCHES,
    source: "Derived from window semantics",
    summary_fr: "La borne basse (ge) de la fenêtre de recherche n'est pas postérieure à sa borne haute (le).",
    summary_en: "The lower bound (ge) of the search window is not after its upper bound (le).",
    doc: RuleDoc {
        what_fr: "Compare les deux bornes de la fenêtre (start=ge/le en PS et CPTS, _has:Slot:schedule:start=ge/le en SOS), lues avec leur décalage horaire ou en heure de Paris, et signale une borne basse située après la borne haute.",
        why_fr: "Règle déduite de la sémantique de la fenêtre : un créneau est retourné quand son début est dans [ge, le] ; une fenêtre inversée est vide et révèle une requête mal construite. Kit officiel ANS : non vérifié.",
        example_fr: "GET /fhir/Slot?start=ge2024-06-14T08:00:00.000+02:00&start=le2024-06-12T20:00:00.000+02:00&…",
        fix_fr: "Mettez la date de début dans start=ge et la date de fin dans start=le.",
        what_en: "Compares the two bounds of the window (start=ge/le for PS and CPTS, _has:Slot:schedule:start=ge/le for SOS), read with their offset or as Paris time, and reports a lower bound that lies after the upper bound.",
        why_en: "Derived from the window semantics: a slot is returned when its start lies in [ge, le]; an inverted window is empty and shows a badly built request. Official ANS kit: not checked.",
        example_en: "GET /fhir/Slot?start=ge2024-06-14T08:00:00.000+02:00&start=le2024-06-12T20:00:00.000+02:00&…",
        fix_en: "Put the start date in start=ge and the end date in start=le.",
    },
};

/// The window is empty: its `ge` bound is not before its `le` bound.
pub(crate) fn check(req: &SearchRequest, raw: &ParsedQuery<'_>, out: &mut Vec<Finding>) {
    check_window(&RULE, req, raw, out, |length, ge, le| {
        (length <= TimeDelta::zero()).then(|| {
            (
                format!("fenêtre vide : la borne ge `{ge}` n'est pas avant la borne le `{le}`"),
                format!("empty window: the ge bound `{ge}` is not before the le bound `{le}`"),
            )
        })
    });
}
