//! RO1-HTTP-003 `response-content-type-json`.
//!
//! The response Content-Type declares JSON: a non-JSON type is an error, application/json instead of application/fhir+json or a missing charset is a warning.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-HTTP-003 `response-content-type-json`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-HTTP-003",
    name: "response-content-type-json",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "Test kit slot_search_setup (warning); IG encoding UTF-8 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Le Content-Type de la réponse déclare du JSON : un type non JSON est une erreur, application/json au lieu de application/fhir+json ou l'absence de charset un avertissement.",
    summary_en: "The response Content-Type declares JSON: a non-JSON type is an error, application/json instead of application/fhir+json or a missing charset is a warning.",
    doc: RuleDoc {
        what_fr: "Lit l'en-tête Content-Type de la réponse : text/html, application/fhir+xml, text/plain… sont des erreurs ; application/json (au lieu de application/fhir+json) ou un type sans charset=utf-8 sont des avertissements.",
        why_fr: "Le kit officiel (slot_search_setup) attend application/fhir+json en avertissement et l'IG impose l'encodage UTF-8 ; lecture AMB-27 : erreur dans le cas net (pas du JSON), avertissement sinon. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "Content-Type: text/html; charset=utf-8",
        fix_fr: "Renvoyez Content-Type: application/fhir+json; charset=utf-8.",
        what_en: "Reads the response Content-Type header: text/html, application/fhir+xml, text/plain… are errors; application/json (instead of application/fhir+json) or a type without charset=utf-8 are warnings.",
        why_en: "The official kit (slot_search_setup) expects application/fhir+json as a warning and the IG requires UTF-8; reading AMB-27: error in the clear-cut case (not JSON), warning otherwise. Official ANS kit: checked by a dedicated assertion.",
        example_en: "Content-Type: text/html; charset=utf-8",
        fix_en: "Send Content-Type: application/fhir+json; charset=utf-8.",
    },
};
