//! RO1-HTTP-004 `body-is-bundle-or-outcome`.
//!
//! The body is UTF-8 JSON whose resourceType is Bundle (2xx) or OperationOutcome (4xx/5xx).

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use crate::exchange::parts;
use crate::rules::support::findings;
use fr_fhir_core::finding::{Finding, Message};

/// RO1-HTTP-004 `body-is-bundle-or-outcome`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-HTTP-004",
    name: "body-is-bundle-or-outcome",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "IG; FHIR R4 JSON format — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Le corps est du JSON UTF-8 dont le resourceType est Bundle (2xx) ou OperationOutcome (4xx/5xx).",
    summary_en: "The body is UTF-8 JSON whose resourceType is Bundle (2xx) or OperationOutcome (4xx/5xx).",
    doc: RuleDoc {
        what_fr: "Vérifie que le corps de la réponse se décode en UTF-8, se lit comme un objet JSON et porte resourceType Bundle pour un succès ou OperationOutcome pour un échec.",
        why_fr: "L'IG impose FHIR R4 en JSON ; le kit officiel commence par vérifier que la ressource reçue est un Bundle (assert_resource_type) et s'arrête sinon. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "HTTP/1.1 200 OK  {\"resourceType\":\"Slot\",\"id\":\"1\",\"status\":\"free\"}",
        fix_fr: "Enveloppez le résultat dans un Bundle searchset (ou l'erreur dans un OperationOutcome) encodé en UTF-8.",
        what_en: "Checks that the response body decodes as UTF-8, parses as a JSON object and carries resourceType Bundle for a success or OperationOutcome for a failure.",
        why_en: "The IG requires FHIR R4 in JSON; the official kit starts by checking that the resource received is a Bundle (assert_resource_type) and stops otherwise. Official ANS kit: checked by a dedicated assertion.",
        example_en: "HTTP/1.1 200 OK  {\"resourceType\":\"Slot\",\"id\":\"1\",\"status\":\"free\"}",
        fix_en: "Wrap the result in a searchset Bundle (or the error in an OperationOutcome) encoded as UTF-8.",
    },
};

/// A success whose JSON body has no `resourceType` (`resource_type` is
/// `Some("")`); a body that is not JSON at all is reported where it is read.
pub(crate) fn check(status: u16, resource_type: Option<&str>, out: &mut Vec<Finding>) {
    if (200..=299).contains(&status) && resource_type == Some("") {
        out.push(findings::exchange(
            &RULE,
            Severity::Error,
            parts::BODY,
            Message::new(
                format!(
                    "réponse {status} : le corps JSON n'a pas de `resourceType`, attendu `Bundle`"
                ),
                format!(
                    "{status} response: the JSON body has no `resourceType`, expected `Bundle`"
                ),
            ),
        ));
    }
}
