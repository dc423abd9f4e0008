//! RO1-FLOW-001 `exchange-flow-not-supported`.
//!
//! An exchange of another SAS flow (appointments INT_R03, regulator accounts INT_R02) found in a capture is named, not validated as a slot search.
//!
//! Not a row of the catalogue: a rule of the report contract (SPEC §10).

use crate::flow::Flow;
use fr_fhir_core::finding::Message;
use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;
use fr_fhir_core::rules::quote;

/// RO1-FLOW-001 `exchange-flow-not-supported`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FLOW-001",
    name: "exchange-flow-not-supported",
    severity: Severity::Information,
    scope: Scope::ALL,
    source: "SPEC §2.9, §2.10 (INT_R03 appointments, INT_R02 regulator accounts)",
    summary_fr: "Un échange d'un autre flux SAS (rendez-vous INT_R03, comptes régulateurs INT_R02) présent dans une capture est signalé, pas validé comme une recherche de créneaux.",
    summary_en: "An exchange of another SAS flow (appointments INT_R03, regulator accounts INT_R02) found in a capture is named, not validated as a slot search.",
    doc: RuleDoc {
        what_fr: "Signale, dans une capture HAR, un échange d'un autre flux SAS que la recherche de créneaux : POST ou PUT sur [base]/Appointment (rendez-vous, INT_R03) ou sur [base]/Practitioner (comptes régulateurs, INT_R02). L'échange n'est pas validé comme une recherche (aucune erreur RO1-REQ-001 « GET attendu ») : ces flux ne sont pas encore vérifiés par l'outil.",
        why_fr: "Une capture d'une session de certification mêle les trois flux ; les valider comme des recherches de créneaux donnerait de fausses erreurs. SPEC §2.9 et §2.10.",
        example_fr: "POST https://agenda.exemple-editeur.fr/fhir/Practitioner   (dans une capture .har)",
        fix_fr: "Rien à corriger : l'information dit que cet échange n'a pas été vérifié. Pour ne valider que les recherches, capturez-les à part.",
        what_en: "Reports, in a HAR capture, an exchange of another SAS flow than the slot search: POST or PUT on [base]/Appointment (appointments, INT_R03) or on [base]/Practitioner (regulator accounts, INT_R02). The exchange is not validated as a search (no RO1-REQ-001 \"GET expected\" error): these flows are not checked by the tool yet.",
        why_en: "A capture of a certification session mixes the three flows; validating them as slot searches would give false errors. SPEC §2.9 and §2.10.",
        example_en: "POST https://agenda.exemple-editeur.fr/fhir/Practitioner   (in a .har capture)",
        fix_en: "Nothing to fix: the information says this exchange was not checked. To validate only the searches, capture them apart.",
    },
};

/// The message of an exchange of `flow` (appointments or regulator
/// accounts): which flow it is, and that it is not checked yet.
pub(crate) fn message(method: &str, url: &str, flow: Flow) -> Message {
    let (fr, en) = match flow {
        Flow::Appointments => ("rendez-vous", "appointments"),
        _ => ("comptes régulateurs", "regulator accounts"),
    };
    Message::new(
        format!(
            "`{method}` sur {} : échange du flux {} ({fr}), pas une recherche de créneaux ; ce flux n'est pas encore vérifié",
            quote(url),
            flow.name()
        ),
        format!(
            "`{method}` on {}: an exchange of the {} flow ({en}), not a slot search; this flow is not checked yet",
            quote(url),
            flow.name()
        ),
    )
}
