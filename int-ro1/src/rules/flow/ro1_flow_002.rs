//! RO1-FLOW-002 `exchange-not-a-sas-flow`.
//!
//! An exchange of no SAS flow found in a capture (a CapabilityStatement read, a CORS preflight...) is named, not judged.
//!
//! Not a row of the catalogue: a rule of the report contract (SPEC §10).

use fr_fhir_core::finding::Message;
use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;
use fr_fhir_core::rules::quote;

/// RO1-FLOW-002 `exchange-not-a-sas-flow`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FLOW-002",
    name: "exchange-not-a-sas-flow",
    severity: Severity::Information,
    scope: Scope::ALL,
    source: "SPEC §10 report contract (nothing dropped); SPEC §2 (the SAS flows)",
    summary_fr: "Un échange d'aucun flux SAS présent dans une capture (lecture du CapabilityStatement, pré-requête CORS...) est signalé, pas jugé.",
    summary_en: "An exchange of no SAS flow found in a capture (a CapabilityStatement read, a CORS preflight...) is named, not judged.",
    doc: RuleDoc {
        what_fr: "Signale, dans une capture HAR, un échange qui n'appartient à aucun flux SAS : ni recherche de créneaux (GET sur [base]/Slot ou [base]/Schedule, ou une requête qui en porte les paramètres), ni rendez-vous (POST/PUT sur [base]/Appointment), ni comptes régulateurs (POST/PUT sur [base]/Practitioner). Par exemple GET [base]/metadata, une requête OPTIONS du navigateur ou la lecture d'une autre ressource. L'échange n'est pas jugé.",
        why_fr: "Une capture faite dans un navigateur ou un proxy enregistre aussi ce qui entoure les échanges SAS ; les juger comme des recherches de créneaux donnerait de fausses erreurs, les taire ferait croire qu'ils ont été vérifiés. SPEC §10 : rien n'est écarté sans être dit.",
        example_fr: "OPTIONS https://agenda.exemple-editeur.fr/fhir/Slot   (pré-requête CORS, dans une capture .har)",
        fix_fr: "Rien à corriger : l'information dit que cet échange n'a pas été vérifié. Pour une capture sans bruit, filtrez-la sur les requêtes du SAS.",
        what_en: "Reports, in a HAR capture, an exchange that belongs to no SAS flow: not a slot search (GET on [base]/Slot or [base]/Schedule, or a request carrying its parameters), not an appointment (POST/PUT on [base]/Appointment), not a regulator account (POST/PUT on [base]/Practitioner). For example GET [base]/metadata, a browser's OPTIONS request or the read of another resource. The exchange is not judged.",
        why_en: "A capture made in a browser or a proxy also records what surrounds the SAS exchanges; judging them as slot searches would give false errors, keeping silent would suggest they were checked. SPEC §10: nothing is left out without saying so.",
        example_en: "OPTIONS https://agenda.exemple-editeur.fr/fhir/Slot   (CORS preflight, in a .har capture)",
        fix_en: "Nothing to fix: the information says this exchange was not checked. For a capture without noise, filter it on the SAS requests.",
    },
};

/// The message of an exchange of no SAS flow.
pub(crate) fn message(method: &str, url: &str) -> Message {
    Message::new(
        format!(
            "`{method}` sur {} : échange d'aucun flux SAS (recherche de créneaux INT_RO1, comptes régulateurs INT_R02, rendez-vous INT_R03), non vérifié",
            quote(url)
        ),
        format!(
            "`{method}` on {}: an exchange of no SAS flow (slot search INT_RO1, regulator accounts INT_R02, appointments INT_R03), not checked",
            quote(url)
        ),
    )
}
