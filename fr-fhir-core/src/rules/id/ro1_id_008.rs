//! RO1-ID-008 `siret-luhn`.
//!
//! The 14 SIRET digits pass the Luhn check (except La Poste, SIREN 356000000, whose digit sum is a multiple of 5).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::Idnst;
use crate::json::Span;
use crate::rules::id::{Part, check_prefixed};
use crate::rules::{Emitter, Scope};

/// RO1-ID-008 `siret-luhn`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-008",
    name: "siret-luhn",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "INSEE SIRET rule; verified on the SOS example SIRETs",
    summary_fr: "Les 14 chiffres du SIRET passent le contrôle de Luhn (sauf La Poste, SIREN 356000000, dont la somme est multiple de 5).",
    summary_en: "The 14 SIRET digits pass the Luhn check (except La Poste, SIREN 356000000, whose digit sum is a multiple of 5).",
    doc: RuleDoc {
        what_fr: "Applique l'algorithme de Luhn aux 14 chiffres du SIRET (sans le préfixe 3) et avertit si la clé est fausse ; pour La Poste (SIREN 356000000) la règle est une somme des chiffres multiple de 5.",
        why_fr: "Règle INSEE du SIRET, vérifiée sur les SIRET des exemples SOS ; non exigée par l'IG : avertissement. Kit officiel ANS : non vérifié.",
        example_fr: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"334173748400021\"}",
        fix_fr: "Vérifiez le SIRET dans la base SIRENE.",
        what_en: "Applies the Luhn algorithm to the 14 SIRET digits (without the 3 prefix) and warns when the check digit is wrong; for La Poste (SIREN 356000000) the rule is a digit sum that is a multiple of 5.",
        why_en: "INSEE SIRET rule, verified on the SOS example SIRETs; not required by the IG: warning. Official ANS kit: not checked.",
        example_en: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"334173748400021\"}",
        fix_en: "Check the SIRET in the SIRENE register.",
    },
};

/// Checks the key of a well-formed IDNST value `3` + SIRET: a warning, an
/// error under `--strict`.
pub(crate) fn check_idnst(v: &str, span: Span, em: &mut Emitter<'_>) {
    check_prefixed(em, &RULE, '3', Part::Key, (v, span), |v| {
        Idnst::parse_form(v).map_or(Ok(()), |id| id.check_key())
    });
}
