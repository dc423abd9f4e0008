//! RO1-REQ-007 `request-practitioner-token-idnps`.
//!
//! Each practitioner token is urn:oid:1.2.250.1.71.4.2.1|\<IDNPS\>, the IDNPS being prefixed (8 + RPPS or 0 + ADELI).

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use super::{push, quoted, with_cause};
use fr_fhir_core::finding::{Finding, Message};
use fr_fhir_core::ids::Idnps;
use fr_fhir_core::json::Span;
use fr_fhir_core::rules::id::ro1_id_003;

/// RO1-REQ-007 `request-practitioner-token-idnps`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-007",
    name: "request-practitioner-token-idnps",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "IG PS page example + 'le préfixe correspondant à l'identifiant sera transmis'; FAQ prefixes — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Chaque jeton praticien vaut urn:oid:1.2.250.1.71.4.2.1|<IDNPS>, l'IDNPS étant préfixé (8 + RPPS ou 0 + ADELI).",
    summary_en: "Each practitioner token is urn:oid:1.2.250.1.71.4.2.1|<IDNPS>, the IDNPS being prefixed (8 + RPPS or 0 + ADELI).",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque jeton de schedule.actor:Practitioner.identifier a la forme système|valeur avec le système urn:oid:1.2.250.1.71.4.2.1 (| brut ou encodé %7C) et une valeur d'identifiant national préfixé : 8 suivi du RPPS ou 0 suivi de l'ADELI.",
        why_fr: "L'exemple de la page PS et la phrase « le préfixe correspondant à l'identifiant sera transmis » imposent cette forme ; la FAQ donne les préfixes (8 RPPS, 0 ADELI). Kit officiel ANS : implicite, le kit construit toujours la requête ainsi.",
        example_fr: "GET /fhir/Slot?schedule.actor:Practitioner.identifier=10101215225&…   (RPPS nu, sans système ni préfixe)",
        fix_fr: "Écrivez chaque jeton urn:oid:1.2.250.1.71.4.2.1|8<RPPS> (ou |0<ADELI>), par exemple urn:oid:1.2.250.1.71.4.2.1|810101215225.",
        what_en: "Checks that each token of schedule.actor:Practitioner.identifier has the system|value form with the system urn:oid:1.2.250.1.71.4.2.1 (| raw or encoded as %7C) and a prefixed national id as value: 8 followed by the RPPS or 0 followed by the ADELI number.",
        why_en: "The PS page example and the sentence 'le préfixe correspondant à l'identifiant sera transmis' impose this form; the FAQ gives the prefixes (8 RPPS, 0 ADELI). Official ANS kit: implicit, the kit always builds the request that way.",
        example_en: "GET /fhir/Slot?schedule.actor:Practitioner.identifier=10101215225&…   (bare RPPS, no system, no prefix)",
        fix_en: "Write each token as urn:oid:1.2.250.1.71.4.2.1|8<RPPS> (or |0<ADELI>), for example urn:oid:1.2.250.1.71.4.2.1|810101215225.",
    },
};

/// The value of a PS/CPTS token: a prefixed IDNPS (8 + RPPS or 0 + ADELI).
/// A wrong check digit is RO1-ID-003's, as in the body.
pub(crate) fn check_value(span: Span, name: &str, value: &str, out: &mut Vec<Finding>) {
    let rule = &RULE;
    let expected = (
        format!("valeur `{value}` : IDNPS préfixé attendu (8 + RPPS ou 0 + ADELI)"),
        format!("value `{value}`: a prefixed IDNPS (8 + RPPS or 0 + ADELI) expected"),
    );
    match Idnps::parse_form(value) {
        Err(e) => push(out, rule, span, name, with_cause(expected.0, expected.1, &e.message())),
        Ok(id @ (Idnps::Rpps(_) | Idnps::Adeli(_))) => {
            if let Err(e) = id.check_key()
                && e.is_check_digit()
            {
                push(out, &ro1_id_003::RULE, span, name, quoted(value, &e.message()));
            }
        }
        Ok(other) => {
            let kind = other.kind_name();
            push(
                out,
                rule,
                span,
                name,
                Message::new(
                    format!("{} ; forme interne {kind} trouvée", expected.0),
                    format!("{}; found the internal form {kind}", expected.1),
                ),
            );
        }
    }
}
