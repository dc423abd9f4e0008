//! RO1-HTTP-005 `response-within-7s`.
//!
//! The answer arrives within 7 s for 1 to 25 practitioners; the kit's 1 s threshold for one practitioner is given as information.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use crate::exchange::parts;
use crate::rules::support::findings;
use fr_fhir_core::finding::{Finding, Message};

/// RO1-HTTP-005 `response-within-7s`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-HTTP-005",
    name: "response-within-7s",
    severity: Severity::Error,
    scope: Scope::SLOT_SEARCHES,
    source: "IG annexes.md 'Performance attendue'; test kit performance_group — https://interop.esante.gouv.fr/ig/fhir/sas/annexes.html",
    summary_fr: "La réponse arrive en 7 s au plus pour 1 à 25 praticiens ; le seuil de 1 s du kit pour un praticien est donné à titre d'information.",
    summary_en: "The answer arrives within 7 s for 1 to 25 practitioners; the kit's 1 s threshold for one practitioner is given as information.",
    doc: RuleDoc {
        what_fr: "Mesure le temps de réponse de l'échange capturé : au-delà de 7 s c'est une erreur (le seuil est paramétrable) ; au-delà de 1 s pour un seul praticien, une information rappelle que le kit échouerait.",
        why_fr: "Annexes de l'IG, « Performance attendue » : le SAS interroge tous les éditeurs en parallèle et ignore les réponses après 7 s ; le kit (performance_group) échoue au-delà de 1 s (lecture AMB-16). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "temps de réponse : 8,4 s (25 identifiants)",
        fix_fr: "Optimisez la recherche (index sur praticien et date de début, inclusions en une requête) pour rester sous 1 s par praticien.",
        what_en: "Measures the response time of the captured exchange: above 7 s it is an error (the threshold is configurable); above 1 s for a single practitioner, an information notes that the kit would fail.",
        why_en: "IG annexes, 'Performance attendue': the SAS calls every vendor in parallel and drops answers after 7 s; the kit (performance_group) fails above 1 s (reading AMB-16). Official ANS kit: checked by a dedicated assertion.",
        example_en: "response time: 8.4 s (25 identifiers)",
        fix_en: "Speed up the search (index on practitioner and start date, includes fetched in one query) to stay below 1 s per practitioner.",
    },
};

/// IG threshold (annexes, "Performance attendue"), in milliseconds.
pub const MAX_TIME_MS: f64 = 7000.0;
/// The official kit's threshold for one practitioner (AMB-16), in milliseconds.
pub const KIT_TIME_MS: f64 = 1000.0;

/// The response time: above 7 s an error, above the kit's 1 s an information.
pub(crate) fn check(time_ms: f64, out: &mut Vec<Finding>) {
    // HAR writes -1 for an unknown time.
    if !time_ms.is_finite() || time_ms < 0.0 {
        return;
    }
    let secs = time_ms / 1000.0;
    let rule = &RULE;
    if time_ms > MAX_TIME_MS {
        out.push(findings::exchange(
            rule,
            Severity::Error,
            parts::TIME,
            Message::new(
                format!("réponse en {secs:.2} s, au-delà des 7 s après lesquelles SAS l'abandonne"),
                format!("answer in {secs:.2} s, beyond the 7 s after which SAS drops it"),
            ),
        ));
    } else if time_ms > KIT_TIME_MS {
        out.push(findings::exchange(
            rule,
            Severity::Information,
            parts::TIME,
            Message::new(
                format!(
                    "réponse en {secs:.2} s : dans les 7 s du guide, mais le test de performance du kit officiel exige moins de 1 s pour un praticien"
                ),
                format!(
                    "answer in {secs:.2} s: within the IG's 7 s, but the official kit's performance test demands under 1 s for one practitioner"
                ),
            ),
        ));
    }
}
