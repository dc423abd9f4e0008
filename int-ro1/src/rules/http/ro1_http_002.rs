//! RO1-HTTP-002 `failure-is-4xx-5xx-outcome`.
//!
//! A failed search answers 4xx or 5xx with an OperationOutcome; any other status (1xx, 3xx, 2xx other than 200 with a Bundle) is an error.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use crate::exchange::parts;
use crate::rules::support::findings;
use fr_fhir_core::finding::{Finding, Message};

/// RO1-HTTP-002 `failure-is-4xx-5xx-outcome`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-HTTP-002",
    name: "failure-is-4xx-5xx-outcome",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "IG 'Réponse de base -- Echec' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Une recherche en échec répond 4xx ou 5xx avec un OperationOutcome ; tout autre statut (1xx, 3xx, 2xx autre que 200 + Bundle) est une erreur.",
    summary_en: "A failed search answers 4xx or 5xx with an OperationOutcome; any other status (1xx, 3xx, 2xx other than 200 with a Bundle) is an error.",
    doc: RuleDoc {
        what_fr: "Vérifie que le code de statut est soit 200 avec un Bundle, soit 4xx/5xx avec un OperationOutcome ; les redirections, les statuts informatifs et les 2xx sans Bundle (201, 204…) sont signalés.",
        why_fr: "IG « Réponse de base – Echec » : une requête non exécutable reçoit un code 4xx ou 5xx et un OperationOutcome ; le SAS ne suit pas les redirections. Kit officiel ANS : non vérifié.",
        example_fr: "HTTP/1.1 302 Found  Location: https://login.editeur.example/",
        fix_fr: "Répondez 200 + Bundle en cas de succès, 4xx/5xx + OperationOutcome sinon, sans redirection.",
        what_en: "Checks that the status code is either 200 with a Bundle, or 4xx/5xx with an OperationOutcome; redirects, informational statuses and 2xx without a Bundle (201, 204…) are reported.",
        why_en: "IG 'Réponse de base – Echec': a request that cannot be executed gets a 4xx or 5xx code and an OperationOutcome; the SAS does not follow redirects. Official ANS kit: not checked.",
        example_en: "HTTP/1.1 302 Found  Location: https://login.editeur.example/",
        fix_en: "Answer 200 + Bundle on success, 4xx/5xx + OperationOutcome otherwise, without redirects.",
    },
};

/// The status code itself: 200 for a success, 4xx/5xx for a failure.
pub(crate) fn check(status: u16, out: &mut Vec<Finding>) {
    let message = match status {
        200 | 400..=599 => return,
        201..=299 => Message::new(
            format!(
                "statut HTTP {status} : une recherche aboutie répond 200 avec un Bundle searchset"
            ),
            format!(
                "HTTP status {status}: a successful search answers 200 with a searchset Bundle"
            ),
        ),
        0 => Message::new(
            "statut 0 : aucune réponse n'a été reçue (requête interrompue, erreur réseau ou TLS)",
            "status 0: no response was received (aborted request, network or TLS error)",
        ),
        _ => Message::new(
            format!(
                "statut HTTP {status} : attendu 200 (succès) ou 4xx/5xx avec un OperationOutcome (échec)"
            ),
            format!(
                "HTTP status {status}: expected 200 (success) or 4xx/5xx with an OperationOutcome (failure)"
            ),
        ),
    };
    out.push(findings::exchange(&RULE, Severity::Error, parts::STATUS, message));
}
