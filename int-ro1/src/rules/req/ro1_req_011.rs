//! RO1-REQ-011 `request-sos-includes`.
//!
//! For SOS, the request asks for _revinclude=Slot:schedule, _include=Schedule:actor:Location and _include:iterate=Location:organization.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REQ-011 `request-sos-includes`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-011",
    name: "request-sos-includes",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "IG SOS page; CapabilityStatement SAS-GestionnaireAgenda-SOS — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html",
    summary_fr: "En SOS, la requête demande _revinclude=Slot:schedule, _include=Schedule:actor:Location et _include:iterate=Location:organization.",
    summary_en: "For SOS, the request asks for _revinclude=Slot:schedule, _include=Schedule:actor:Location and _include:iterate=Location:organization.",
    doc: RuleDoc {
        what_fr: "Vérifie la présence des trois inclusions de la recherche SOS : les Slot par inclusion inverse, les Location acteurs des Schedule, puis les Organization gestionnaires de ces lieux.",
        why_fr: "Page technique SOS et CapabilityStatement SAS-GestionnaireAgenda-SOS. Kit officiel ANS : non vérifié.",
        example_fr: "GET /fhir/Schedule?_include=Schedule:actor:Location&_include:iterate=Location:organization&…   (_revinclude=Slot:schedule absent)",
        fix_fr: "Ajoutez _revinclude=Slot:schedule&_include=Schedule:actor:Location&_include:iterate=Location:organization.",
        what_en: "Checks that the three includes of the SOS search are present: the Slots by reverse include, the Locations that are Schedule actors, then the Organizations managing those places.",
        why_en: "SOS technical page and CapabilityStatement SAS-GestionnaireAgenda-SOS. Official ANS kit: not checked.",
        example_en: "GET /fhir/Schedule?_include=Schedule:actor:Location&_include:iterate=Location:organization&…   (_revinclude=Slot:schedule missing)",
        fix_en: "Add _revinclude=Slot:schedule&_include=Schedule:actor:Location&_include:iterate=Location:organization.",
    },
};
