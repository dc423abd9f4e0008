//! RO1-HTTP-001 `success-is-searchset-bundle`.
//!
//! A 2xx answer carries a searchset Bundle; an empty result is a 200 with total 0, never a 404.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use crate::exchange::parts;
use crate::rules::support::findings;
use fr_fhir_core::finding::{Finding, Message};

/// RO1-HTTP-001 `success-is-searchset-bundle`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-HTTP-001",
    name: "success-is-searchset-bundle",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "IG 'Réponse de base -- Succès' (success = request executable, 0..n matches) — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Une réponse 2xx porte un Bundle searchset ; un résultat vide est un 200 avec total 0, jamais un 404.",
    summary_en: "A 2xx answer carries a searchset Bundle; an empty result is a 200 with total 0, never a 404.",
    doc: RuleDoc {
        what_fr: "Pour une réponse de succès (2xx), vérifie que le corps est un Bundle de type searchset. Un 4xx/5xx accompagné d'un OperationOutcome valide n'est pas signalé par cette règle, car savoir hors ligne s'il était mérité est impossible.",
        why_fr: "IG « Réponse de base – Succès » : succès = requête exécutable, 0 à n résultats ; « aucun créneau » ou « praticien inconnu » restent des succès. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "HTTP/1.1 200 OK  {\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[…]}",
        fix_fr: "Répondez 200 avec {\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":…} ; quand rien ne correspond, total vaut 0.",
        what_en: "For a success answer (2xx), checks that the body is a Bundle of type searchset. A 4xx/5xx with a valid OperationOutcome is not reported by this rule, since whether it was deserved cannot be judged offline.",
        why_en: "IG 'Réponse de base – Succès': success = the request could be executed, 0 to n matches; 'no slot' or 'unknown practitioner' are still successes. Official ANS kit: checked by a dedicated assertion.",
        example_en: "HTTP/1.1 200 OK  {\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[…]}",
        fix_en: "Answer 200 with {\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":…}; when nothing matches, total is 0.",
    },
};

/// A success (2xx) that brought another resource than a Bundle, or a 404
/// that may stand for an empty result. `resource_type` is the body's
/// `resourceType` (`None` when the body is not usable JSON, `""` when it has
/// none: RO1-HTTP-004's and RO1-OO-001's cases).
pub(crate) fn check(status: u16, resource_type: Option<&str>, out: &mut Vec<Finding>) {
    let push = |out: &mut Vec<Finding>, severity, part, fr: String, en: String| {
        out.push(findings::exchange(&RULE, severity, part, Message::new(fr, en)));
    };
    match (status, resource_type) {
        (200..=299, Some("OperationOutcome")) => push(
            out,
            Severity::Error,
            parts::BODY,
            format!(
                "réponse {status} avec un OperationOutcome : un échec se signale par un statut 4xx/5xx, un résultat vide par 200 et un Bundle de total 0"
            ),
            format!(
                "{status} response carrying an OperationOutcome: a failure takes a 4xx/5xx status, an empty result is 200 with a Bundle of total 0"
            ),
        ),
        (200..=299, Some("Bundle" | "") | None) => {}
        (200..=299, Some(other)) => push(
            out,
            Severity::Error,
            parts::BODY,
            format!("réponse {status} avec une ressource `{other}`, attendu un Bundle searchset"),
            format!("{status} response carrying a `{other}` resource, expected a searchset Bundle"),
        ),
        (404, _) => push(
            out,
            Severity::Information,
            parts::STATUS,
            "statut 404 : si la recherche n'a rien trouvé (praticien inconnu, aucun créneau), la réponse attendue est 200 avec un Bundle de total 0".into(),
            "status 404: when the search found nothing (unknown practitioner, no slot) the expected answer is 200 with a Bundle of total 0".into(),
        ),
        _ => {}
    }
}
