//! RO1-REQ-012 `request-sos-has-slot-params`.
//!
//! For SOS, the request carries _has:Slot:schedule:start=ge…, _has:Slot:schedule:start=le… and _has:Slot:schedule:status=free.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REQ-012 `request-sos-has-slot-params`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-012",
    name: "request-sos-has-slot-params",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "IG SOS page and FAQ SOS #5 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "En SOS, la requête porte _has:Slot:schedule:start=ge…, _has:Slot:schedule:start=le… et _has:Slot:schedule:status=free.",
    summary_en: "For SOS, the request carries _has:Slot:schedule:start=ge…, _has:Slot:schedule:start=le… and _has:Slot:schedule:status=free.",
    doc: RuleDoc {
        what_fr: "Vérifie que la fenêtre et le statut sont portés par les paramètres de chaînage inverse _has:Slot:schedule:start (une fois ge, une fois le) et _has:Slot:schedule:status=free.",
        why_fr: "Page technique SOS et FAQ SOS n° 5 : la recherche portant sur Schedule, les critères sur les créneaux passent par _has. Kit officiel ANS : non vérifié.",
        example_fr: "GET /fhir/Schedule?start=ge2023-08-18T09:00:00+02:00&start=le2023-08-20T08:00:00+02:00&status=free&…",
        fix_fr: "Remplacez start et status par _has:Slot:schedule:start=ge…&_has:Slot:schedule:start=le…&_has:Slot:schedule:status=free.",
        what_en: "Checks that the window and the status are carried by the reverse-chaining parameters _has:Slot:schedule:start (once ge, once le) and _has:Slot:schedule:status=free.",
        why_en: "SOS technical page and SOS FAQ #5: since the search is on Schedule, the slot criteria go through _has. Official ANS kit: not checked.",
        example_en: "GET /fhir/Schedule?start=ge2023-08-18T09:00:00+02:00&start=le2023-08-20T08:00:00+02:00&status=free&…",
        fix_en: "Replace start and status by _has:Slot:schedule:start=ge…&_has:Slot:schedule:start=le…&_has:Slot:schedule:status=free.",
    },
};
