//! RO1-REQ-002 `request-get-schedule-path`.
//!
//! The SOS Médecins slot search is a GET on \[base\]/Schedule.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REQ-002 `request-get-schedule-path`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-002",
    name: "request-get-schedule-path",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "IG SOS page; CapabilityStatement SAS-GestionnaireAgenda-SOS — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html",
    summary_fr: "La recherche de créneaux SOS Médecins est un GET sur [base]/Schedule.",
    summary_en: "The SOS Médecins slot search is a GET on [base]/Schedule.",
    doc: RuleDoc {
        what_fr: "Vérifie que la requête SOS capturée utilise la méthode HTTP GET et que son chemin se termine par /Schedule : en SOS la recherche porte sur les agendas, les créneaux venant par _revinclude.",
        why_fr: "La page technique SOS et le CapabilityStatement SAS-GestionnaireAgenda-SOS définissent une recherche search-type sur Schedule, et non sur Slot comme pour les PS. Kit officiel ANS : non vérifié.",
        example_fr: "GET /fhir/Slot?_has:Slot:schedule:status=free&actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2|334173748400020",
        fix_fr: "Adressez la recherche SOS à [base]/Schedule en GET, avec les paramètres _has:Slot:schedule:… et les inclusions prévues par l'IG.",
        what_en: "Checks that the captured SOS request uses the HTTP GET method and that its path ends with /Schedule: for SOS the search is on schedules, the slots come through _revinclude.",
        why_en: "The SOS technical page and the SAS-GestionnaireAgenda-SOS CapabilityStatement define a search-type on Schedule, not on Slot as for practitioners. Official ANS kit: not checked.",
        example_en: "GET /fhir/Slot?_has:Slot:schedule:status=free&actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2|334173748400020",
        fix_en: "Send the SOS search to [base]/Schedule with GET, with the _has:Slot:schedule:… parameters and the includes the IG lists.",
    },
};
