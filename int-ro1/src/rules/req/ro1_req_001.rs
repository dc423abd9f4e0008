//! RO1-REQ-001 `request-get-slot-path`.
//!
//! The PS/CPTS slot search is a GET on \[base\]/Slot with no request body.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REQ-001 `request-get-slot-path`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-001",
    name: "request-get-slot-path",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "IG PS/CPTS page 'Construction de la requête de base'; CapabilityStatement SAS-GestionnaireAgenda-PsIndiv/-CPTS (search-type on Slot) — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html",
    summary_fr: "La recherche de créneaux PS/CPTS est un GET sur [base]/Slot, sans corps de requête.",
    summary_en: "The PS/CPTS slot search is a GET on [base]/Slot with no request body.",
    doc: RuleDoc {
        what_fr: "Vérifie que la requête capturée utilise la méthode HTTP GET, que son chemin se termine par /Slot et qu'elle n'a pas de corps ; une barre oblique finale (/Slot/, comme dans le lien self de l'exemple officiel) est tolérée.",
        why_fr: "La page technique PS/CPTS (« Construction de la requête de base ») et les CapabilityStatement SAS-GestionnaireAgenda-PsIndiv et -CPTS ne déclarent qu'une interaction search-type sur Slot : c'est la seule forme que la plateforme SAS envoie. Kit officiel ANS : implicite, le kit construit toujours la requête ainsi.",
        example_fr: "POST /fhir/Slot/_search HTTP/1.1",
        fix_fr: "Rejouez la recherche telle que le SAS l'émet : GET [base]/Slot?… avec tous les paramètres dans l'URL et sans corps.",
        what_en: "Checks that the captured request uses the HTTP GET method, that its path ends with /Slot and that it has no body; a trailing slash (/Slot/, as in the official example's self link) is tolerated.",
        why_en: "The PS/CPTS technical page ('Construction de la requête de base') and the SAS-GestionnaireAgenda-PsIndiv and -CPTS CapabilityStatements declare only a search-type interaction on Slot: it is the only form the SAS platform sends. Official ANS kit: implicit, the kit always builds the request that way.",
        example_en: "POST /fhir/Slot/_search HTTP/1.1",
        fix_en: "Replay the search the way the SAS emits it: GET [base]/Slot?… with every parameter in the URL and no body.",
    },
};
