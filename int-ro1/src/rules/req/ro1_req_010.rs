//! RO1-REQ-010 `request-cpts-includes`.
//!
//! For CPTS, the request also asks for _include=Slot:service-type-reference and _include:iterate=HealthcareService:organization.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REQ-010 `request-cpts-includes`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-010",
    name: "request-cpts-includes",
    severity: Severity::Error,
    scope: Scope::CPTS,
    source: "IG CPTS page; SearchParameter cptsslot-sp-servicetype; CapabilityStatement SAS-GestionnaireAgenda-CPTS — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html",
    summary_fr: "En CPTS, la requête demande aussi _include=Slot:service-type-reference et _include:iterate=HealthcareService:organization.",
    summary_en: "For CPTS, the request also asks for _include=Slot:service-type-reference and _include:iterate=HealthcareService:organization.",
    doc: RuleDoc {
        what_fr: "En plus des inclusions PS, vérifie la présence de _include=Slot:service-type-reference (les HealthcareService désignés par l'extension serviceType R5) et de _include:iterate=HealthcareService:organization (les Organization CPTS).",
        why_fr: "Page technique CPTS, SearchParameter cptsslot-sp-servicetype et CapabilityStatement SAS-GestionnaireAgenda-CPTS : ces inclusions sont ce qui distingue la requête CPTS. Kit officiel ANS : implicite, le kit construit toujours la requête ainsi.",
        example_fr: "GET /fhir/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&_include=Slot:service-type-reference&…   (HealthcareService:organization absent)",
        fix_fr: "Ajoutez _include=Slot:service-type-reference&_include:iterate=HealthcareService:organization aux paramètres PS.",
        what_en: "On top of the PS includes, checks that _include=Slot:service-type-reference (the HealthcareServices named by the R5 serviceType extension) and _include:iterate=HealthcareService:organization (the CPTS Organizations) are present.",
        why_en: "CPTS technical page, SearchParameter cptsslot-sp-servicetype and CapabilityStatement SAS-GestionnaireAgenda-CPTS: these includes are what makes a request a CPTS one. Official ANS kit: implicit, the kit always builds the request that way.",
        example_en: "GET /fhir/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&_include=Slot:service-type-reference&…   (HealthcareService:organization missing)",
        fix_en: "Add _include=Slot:service-type-reference&_include:iterate=HealthcareService:organization to the PS parameters.",
    },
};
