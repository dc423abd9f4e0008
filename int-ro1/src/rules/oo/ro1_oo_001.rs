//! RO1-OO-001 `error-body-operation-outcome`.
//!
//! A 4xx or 5xx answer carries an OperationOutcome resource.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use crate::exchange::parts;
use crate::rules::support::findings;
use fr_fhir_core::finding::{Finding, Message};

/// RO1-OO-001 `error-body-operation-outcome`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-OO-001",
    name: "error-body-operation-outcome",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "IG 'Echec' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Une réponse 4xx ou 5xx porte une ressource OperationOutcome.",
    summary_en: "A 4xx or 5xx answer carries an OperationOutcome resource.",
    doc: RuleDoc {
        what_fr: "Vérifie que le corps d'une réponse d'erreur est un JSON de resourceType OperationOutcome (ni page HTML, ni JSON maison, ni corps vide).",
        why_fr: "IG, « Réponse de base – Echec » : le SAS lit la cause de l'échec dans l'OperationOutcome. Kit officiel ANS : non vérifié.",
        example_fr: "HTTP/1.1 400 Bad Request  {\"error\":\"missing parameter start\"}",
        fix_fr: "Renvoyez {\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"required\",\"diagnostics\":\"…\"}]}.",
        what_en: "Checks that the body of an error answer is JSON with resourceType OperationOutcome (no HTML page, no home-made JSON, no empty body).",
        why_en: "IG, 'Réponse de base – Echec': the SAS reads the cause of the failure from the OperationOutcome. Official ANS kit: not checked.",
        example_en: "HTTP/1.1 400 Bad Request  {\"error\":\"missing parameter start\"}",
        fix_en: "Return {\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"required\",\"diagnostics\":\"…\"}]}.",
    },
};

/// A failure (4xx/5xx) whose body is JSON but not an OperationOutcome.
/// `resource_type` is the body's `resourceType` (`None` when the body is not
/// usable JSON, reported as such elsewhere; `""` when it has none).
pub(crate) fn check(status: u16, resource_type: Option<&str>, out: &mut Vec<Finding>) {
    if !(400..=599).contains(&status) {
        return;
    }
    let message = match resource_type {
        Some("OperationOutcome") | None => return,
        Some("") => Message::new(
            format!(
                "réponse {status} : le corps JSON n'a pas de `resourceType`, attendu `OperationOutcome`"
            ),
            format!(
                "{status} response: the JSON body has no `resourceType`, expected `OperationOutcome`"
            ),
        ),
        Some(other) => Message::new(
            format!("réponse {status} avec une ressource `{other}`, attendu un OperationOutcome"),
            format!(
                "{status} response carrying a `{other}` resource, expected an OperationOutcome"
            ),
        ),
    };
    out.push(findings::exchange(&RULE, Severity::Error, parts::BODY, message));
}
