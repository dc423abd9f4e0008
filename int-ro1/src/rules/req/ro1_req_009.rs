//! RO1-REQ-009 `request-includes-schedule-actor`.
//!
//! The request asks for _include=Slot:schedule and _include:iterate=Schedule:actor.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REQ-009 `request-includes-schedule-actor`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-009",
    name: "request-includes-schedule-actor",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "IG PS/CPTS pages; agg-psindiv #28, #30; CapabilityStatement searchInclude — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html",
    summary_fr: "La requête demande _include=Slot:schedule et _include:iterate=Schedule:actor.",
    summary_en: "The request asks for _include=Slot:schedule and _include:iterate=Schedule:actor.",
    doc: RuleDoc {
        what_fr: "Vérifie la présence des deux inclusions qui ramènent les Schedule des créneaux puis leurs acteurs (Practitioner et PractitionerRole) : _include=Slot:schedule et _include:iterate=Schedule:actor.",
        why_fr: "Pages techniques PS et CPTS, exigences agg-psindiv #28 et #30, et searchInclude du CapabilityStatement : sans ces inclusions la réponse ne contiendrait que des Slot. Kit officiel ANS : implicite, le kit construit toujours la requête ainsi.",
        example_fr: "GET /fhir/Slot?_include=Slot:schedule&start=ge…&start=le…&status=free&…   (_include:iterate=Schedule:actor absent)",
        fix_fr: "Ajoutez _include=Slot:schedule&_include:iterate=Schedule:actor.",
        what_en: "Checks that both includes are present, which bring the slots' Schedules and then their actors (Practitioner and PractitionerRole): _include=Slot:schedule and _include:iterate=Schedule:actor.",
        why_en: "PS and CPTS technical pages, requirements agg-psindiv #28 and #30, and the CapabilityStatement searchInclude: without these includes the answer would hold Slots only. Official ANS kit: implicit, the kit always builds the request that way.",
        example_en: "GET /fhir/Slot?_include=Slot:schedule&start=ge…&start=le…&status=free&…   (_include:iterate=Schedule:actor missing)",
        fix_en: "Add _include=Slot:schedule&_include:iterate=Schedule:actor.",
    },
};
