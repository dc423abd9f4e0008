//! RO1-REQ-013 `request-sos-siret-tokens`.
//!
//! For SOS, actor:Location.organization.identifier lists 1 to 25 urn:oid:1.2.250.1.71.4.2.2|3\<SIRET\> tokens (warning above 10).

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use super::TokenForm;
use fr_fhir_core::finding::Finding;
use fr_fhir_core::ids::Idnst;
use fr_fhir_core::json::Span;
use fr_fhir_core::rules::id::ro1_id_008;

/// RO1-REQ-013 `request-sos-siret-tokens`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-013",
    name: "request-sos-siret-tokens",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "IG SOS page (table id 3) vs specifications_fonctionnelles.md — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_fonctionnelles.html",
    summary_fr: "En SOS, actor:Location.organization.identifier liste 1 à 25 jetons urn:oid:1.2.250.1.71.4.2.2|3<SIRET> (avertissement au-delà de 10).",
    summary_en: "For SOS, actor:Location.organization.identifier lists 1 to 25 urn:oid:1.2.250.1.71.4.2.2|3<SIRET> tokens (warning above 10).",
    doc: RuleDoc {
        what_fr: "Vérifie que actor:Location.organization.identifier est une liste séparée par des virgules de jetons urn:oid:1.2.250.1.71.4.2.2|3 suivi des 14 chiffres du SIRET ; plus de 25 jetons est une erreur, de 11 à 25 un avertissement.",
        why_fr: "Le tableau technique SOS (ligne 3) autorise 1..25 identifiants mais la page fonctionnelle parle de 1 à 10 : lecture AMB-02, on accepte 25 et on avertit au-delà de 10. Kit officiel ANS : non vérifié.",
        example_fr: "GET /fhir/Schedule?actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2|34173748400020&…   (SIRET sans préfixe 3)",
        fix_fr: "Préfixez chaque SIRET par 3 et le système urn:oid:1.2.250.1.71.4.2.2|, et limitez la liste à 10 associations si possible.",
        what_en: "Checks that actor:Location.organization.identifier is a comma-separated list of urn:oid:1.2.250.1.71.4.2.2|3 followed by the 14 SIRET digits; more than 25 tokens is an error, 11 to 25 a warning.",
        why_en: "The SOS technical table (row 3) allows 1..25 identifiers but the functional page says 1 to 10: reading AMB-02 accepts 25 and warns above 10. Official ANS kit: not checked.",
        example_en: "GET /fhir/Schedule?actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2|34173748400020&…   (SIRET without the 3 prefix)",
        fix_en: "Prefix each SIRET with 3 and the system urn:oid:1.2.250.1.71.4.2.2|, and keep the list to 10 associations when possible.",
    },
};

/// The value of a SOS token: a prefixed SIRET (3 + 14 digits). A wrong
/// check digit is RO1-ID-008's, as in the body.
pub(crate) fn check_value(span: Span, name: &str, value: &str, out: &mut Vec<Finding>) {
    let parsed = Idnst::parse_form(value)
        .map(|id| if let Idnst::Siret(_) = id { Ok(id.check_key()) } else { Err(id.kind_name()) });
    TokenForm {
        rule: &RULE,
        key_rule: &ro1_id_008::RULE,
        expected_fr: "SIRET préfixé attendu (3 + 14 chiffres)",
        expected_en: "a prefixed SIRET (3 + 14 digits) expected",
        other: |kind| (format!(" ; IDNST {kind} trouvé"), format!("; found an IDNST {kind}")),
    }
    .report(span, name, value, parsed, out);
}
