//! RO1-REQ-015 `request-accept-fhir-json`.
//!
//! The request Accept header is application/json+fhir (IG) or application/fhir+json.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use crate::rules::support::findings;
use fr_fhir_core::finding::{Finding, Message};

/// RO1-REQ-015 `request-accept-fhir-json`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-015",
    name: "request-accept-fhir-json",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "IG 'Caractéristiques de l'API' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "L'en-tête Accept de la requête vaut application/json+fhir (IG) ou application/fhir+json.",
    summary_en: "The request Accept header is application/json+fhir (IG) or application/fhir+json.",
    doc: RuleDoc {
        what_fr: "Vérifie que l'en-tête Accept de la requête capturée demande application/json+fhir (type historique montré par l'IG) ou application/fhir+json (type R4).",
        why_fr: "La section « Caractéristiques de l'API » de l'IG montre Accept: application/json+fhir ; lecture AMB-27 : les deux types sont acceptés en entrée. Kit officiel ANS : implicite, le kit construit toujours la requête ainsi.",
        example_fr: "Accept: text/html",
        fix_fr: "Envoyez Accept: application/fhir+json (ou application/json+fhir, comme le SAS).",
        what_en: "Checks that the Accept header of the captured request asks for application/json+fhir (the legacy type the IG shows) or application/fhir+json (the R4 type).",
        why_en: "The IG section 'Caractéristiques de l'API' shows Accept: application/json+fhir; reading AMB-27: both types are accepted on input. Official ANS kit: implicit, the kit always builds the request that way.",
        example_en: "Accept: text/html",
        fix_en: "Send Accept: application/fhir+json (or application/json+fhir, as the SAS does).",
    },
};

/// The `Accept` header: one of its media types must be
/// `application/json+fhir` (IG) or `application/fhir+json`.
pub(crate) fn check(accept: Option<&str>) -> Option<Finding> {
    const ACCEPTED: [&str; 2] = ["application/json+fhir", "application/fhir+json"];
    let ok = accept.is_some_and(|a| {
        a.split(',').any(|item| {
            let media = item.split(';').next().unwrap_or("").trim();
            ACCEPTED.iter().any(|x| media.eq_ignore_ascii_case(x))
        })
    });
    if ok {
        return None;
    }
    let actual = accept.map_or_else(|| "(absent)".to_owned(), |a| format!("`{a}`"));
    Some(findings::exchange(
        &RULE,
        RULE.severity,
        "header:Accept",
        Message::new(
            format!(
                "en-tête Accept {actual}, attendu `application/json+fhir` ou `application/fhir+json`"
            ),
            format!(
                "Accept header {actual}, expected `application/json+fhir` or `application/fhir+json`"
            ),
        ),
    ))
}
