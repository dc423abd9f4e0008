//! RO1-HTTP-001 `success-is-searchset-bundle`.
//!
//! A 2xx answer carries a searchset Bundle; an empty result is a 200 with total 0, never a 404.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

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
        example_fr: r#"HTTP/1.1 200 OK  {"resourceType":"Bundle","type":"collection","entry":[…]}"#,
        fix_fr: r#"Répondez 200 avec {"resourceType":"Bundle","type":"searchset","total":…} ; quand rien ne correspond, total vaut 0."#,
        what_en: "For a success answer (2xx), checks that the body is a Bundle of type searchset. A 4xx/5xx with a valid OperationOutcome is not reported by this rule, since whether it was deserved cannot be judged offline.",
        why_en: "IG 'Réponse de base – Succès': success = the request could be executed, 0 to n matches; 'no slot' or 'unknown practitioner' are still successes. Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"HTTP/1.1 200 OK  {"resourceType":"Bundle","type":"collection","entry":[…]}"#,
        fix_en: r#"Answer 200 with {"resourceType":"Bundle","type":"searchset","total":…}; when nothing matches, total is 0."#,
    },
};
