//! RO1-OO-004 `error-status-400-or-422`.
//!
//! A malformed FHIR request gets 400, a refusal by a rule of the receiving application gets 422.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-OO-004 `error-status-400-or-422`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-OO-004",
    name: "error-status-400-or-422",
    severity: Severity::Warning,
    scope: Scope::REGUL.or(Scope::APPT),
    source: "IG gestion_regulateur / gestion_rdv pages — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-gestion_regulateur.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-gestion_rdv.html",
    summary_fr: "Une requête FHIR mal formée reçoit 400, un refus par une règle de l'application réceptrice 422.",
    summary_en: "A malformed FHIR request gets 400, a refusal by a rule of the receiving application gets 422.",
    doc: RuleDoc {
        what_fr: "Pour les flux régulateur et rendez-vous, avertit quand une erreur n'utilise ni 400 (requête FHIR incorrecte) ni 422 (règle métier de l'application).",
        why_fr: "Pages gestion des comptes régulateurs et gestion de rendez-vous de l'IG ; le kit accepte tout 4xx/5xx, d'où l'avertissement. Kit officiel ANS : vérifié en partie.",
        example_fr: "HTTP/1.1 500 Internal Server Error   (compte déjà existant)",
        fix_fr: "Répondez 400 pour une ressource FHIR invalide et 422 pour un refus métier (doublon, droit manquant…).",
        what_en: "For the regulator and appointment flows, warns when an error uses neither 400 (incorrect FHIR request) nor 422 (business rule of the application).",
        why_en: "IG regulator-account and appointment pages; the kit accepts any 4xx/5xx, hence the warning. Official ANS kit: partly checked.",
        example_en: "HTTP/1.1 500 Internal Server Error   (account already exists)",
        fix_en: "Answer 400 for an invalid FHIR resource and 422 for a business refusal (duplicate, missing right…).",
    },
};

use crate::finding::Message;

/// Why the receiving application refused a request, as far as the
/// validator can tell from the exchange.
///
/// ```
/// use fr_fhir_core::rules::oo::ro1_oo_004::{Refusal, check};
/// // A duplicate create is a business refusal: 422, not 400.
/// assert!(check(400, Refusal::Business).is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The request is not correct FHIR (unreadable JSON, a resource that
    /// breaks its profile): 400.
    Malformed,
    /// A rule of the application (a duplicate create...): 422.
    Business,
    /// Nothing in the exchange says: 400 or 422.
    Unknown,
}

/// What is wrong with the status of a refusal (`None`: nothing, or not a
/// refusal). The checks of the packs put it on the status line.
///
/// ```
/// use fr_fhir_core::rules::oo::ro1_oo_004::{Refusal, check};
/// assert!(check(422, Refusal::Business).is_none());
/// assert!(check(400, Refusal::Unknown).is_none());
/// assert!(check(409, Refusal::Business).unwrap().en.contains("422"));
/// assert!(check(422, Refusal::Malformed).unwrap().en.contains("400"));
/// assert!(check(201, Refusal::Unknown).is_none());
/// ```
pub fn check(status: u16, why: Refusal) -> Option<Message> {
    if !(400..=599).contains(&status) {
        return None;
    }
    let (expected, fr, en) = match why {
        Refusal::Malformed => {
            (&[400][..], "une requête FHIR incorrecte", "an incorrect FHIR request")
        }
        Refusal::Business => (
            &[422][..],
            "un refus par une règle de l'application (doublon)",
            "a refusal by a rule of the application (duplicate)",
        ),
        Refusal::Unknown => (&[400, 422][..], "un refus", "a refusal"),
    };
    if expected.contains(&status) {
        return None;
    }
    let list = expected.iter().map(u16::to_string).collect::<Vec<_>>().join(" ou ");
    let list_en = expected.iter().map(u16::to_string).collect::<Vec<_>>().join(" or ");
    Some(Message::new(
        format!(
            "statut {status} pour {fr}, attendu {list} (IG : 400 requête incorrecte, 422 règle métier)"
        ),
        format!(
            "status {status} for {en}, expected {list_en} (IG: 400 incorrect request, 422 business rule)"
        ),
    ))
}
