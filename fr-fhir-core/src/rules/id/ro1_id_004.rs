//! RO1-ID-004 `idnps-adeli-form`.
//!
//! An IDNPS of ADELI form is 0 followed by the 9-character ADELI number.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::Idnps;
use crate::json::Span;
use crate::rules::id::{Part, check_prefixed};
use crate::rules::{Emitter, Scope};

/// RO1-ID-004 `idnps-adeli-form`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-004",
    name: "idnps-adeli-form",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "FAQ prefix 0; annuaire — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Un IDNPS de forme ADELI vaut 0 suivi des 9 caractères du numéro ADELI.",
    summary_en: "An IDNPS of ADELI form is 0 followed by the 9-character ADELI number.",
    doc: RuleDoc {
        what_fr: "Vérifie que les valeurs IDNPS préfixées par 0 comptent 10 caractères (0 + 9).",
        why_fr: "Préfixe 0 de la FAQ et format de l'annuaire ; aucune clé de contrôle ADELI n'est documentée, d'où un simple contrôle de longueur en avertissement. Kit officiel ANS : non vérifié.",
        example_fr: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"0751234\"}",
        fix_fr: "Envoyez 0 suivi du numéro ADELI complet à 9 caractères.",
        what_en: "Checks that IDNPS values prefixed with 0 are 10 characters long (0 + 9).",
        why_en: "FAQ prefix 0 and directory format; no ADELI check digit is documented, hence a plain length check as a warning. Official ANS kit: not checked.",
        example_en: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"0751234\"}",
        fix_en: "Send 0 followed by the full 9-character ADELI number.",
    },
};

/// Checks the form of an IDNPS value `0` + ADELI.
pub(crate) fn check_idnps(v: &str, span: Span, em: &mut Emitter<'_>) {
    check_prefixed(em, &RULE, '0', Part::Form, (v, span), |v| Idnps::parse_form(v).map(drop));
}
