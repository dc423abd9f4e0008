//! RO1-ID-006 `finess-luhn`.
//!
//! The 9 FINESS digits pass the Luhn check.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::Idnst;
use crate::json::Span;
use crate::rules::id::{Part, check_prefixed};
use crate::rules::{Emitter, Scope};

/// RO1-ID-006 `finess-luhn`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-006",
    name: "finess-luhn",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "Luhn on real FINESS numbers; not required",
    summary_fr: "Les 9 chiffres du FINESS passent le contrôle de Luhn.",
    summary_en: "The 9 FINESS digits pass the Luhn check.",
    doc: RuleDoc {
        what_fr: "Applique l'algorithme de Luhn aux 9 chiffres du FINESS (sans le préfixe 1) et avertit si la clé est fausse.",
        why_fr: "Les vrais FINESS passent Luhn, mais rien ne l'exige dans l'IG ni dans le kit : avertissement. Kit officiel ANS : non vérifié.",
        example_fr: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"1810004421\"}",
        fix_fr: "Vérifiez le FINESS dans le fichier national (la clé de 1810004421 devrait être 4).",
        what_en: "Applies the Luhn algorithm to the 9 FINESS digits (without the 1 prefix) and warns when the check digit is wrong.",
        why_en: "Real FINESS numbers pass Luhn, but neither the IG nor the kit require it: warning. Official ANS kit: not checked.",
        example_en: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"1810004421\"}",
        fix_en: "Check the FINESS in the national register (the check digit of 1810004421 should be 4).",
    },
};

/// Checks the key of an IDNST value `1` + FINESS of the SAS form: a
/// warning, an error under `--strict`.
pub(crate) fn check_idnst(v: &str, span: Span, em: &mut Emitter<'_>) {
    check_prefixed(em, &RULE, '1', Part::Key, (v, span), |v| match Idnst::parse_form(v) {
        Ok(id) if id.check_sas_form().is_ok() => id.check_key(),
        _ => Ok(()),
    });
}
