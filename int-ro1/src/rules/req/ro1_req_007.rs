//! RO1-REQ-007 `request-practitioner-token-idnps`.
//!
//! Each practitioner token is urn:oid:1.2.250.1.71.4.2.1|\<IDNPS\>, the IDNPS being prefixed (8 + RPPS or 0 + ADELI).

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use super::TokenForm;
use fr_fhir_core::finding::Finding;
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
    let parsed = Idnps::parse_form(value).map(|id| match id {
        Idnps::Rpps(_) | Idnps::Adeli(_) => Ok(id.check_key()),
        other => Err(other.kind_name()),
    });
    TokenForm {
        rule: &RULE,
        key_rule: &ro1_id_003::RULE,
        expected_fr: "IDNPS préfixé attendu (8 + RPPS ou 0 + ADELI)",
        expected_en: "a prefixed IDNPS (8 + RPPS or 0 + ADELI) expected",
        other: |kind| {
            (
                format!(" ; forme interne {kind} trouvée"),
                format!("; found the internal form {kind}"),
            )
        },
    }
    .report(span, name, value, parsed, out);
}
