//! RO1-ID-003 `rpps-luhn`.
//!
//! The 11 RPPS digits after the 8 prefix pass the Luhn check.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::Idnps;
use crate::json::Span;
use crate::rules::id::{Part, check_prefixed};
use crate::rules::{Emitter, Scope};

/// RO1-ID-003 `rpps-luhn`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-003",
    name: "rpps-luhn",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "Luhn on real RPPS numbers (see §3); not required by IG/kit; IG examples fail it",
    summary_fr: "Les 11 chiffres du RPPS qui suivent le préfixe 8 passent le contrôle de Luhn.",
    summary_en: "The 11 RPPS digits after the 8 prefix pass the Luhn check.",
    doc: RuleDoc {
        what_fr: "Applique l'algorithme de Luhn aux 11 chiffres du RPPS (sans le préfixe 8) et avertit si la clé est fausse.",
        why_fr: "Les vrais RPPS passent Luhn, mais ni l'IG ni le kit ne l'exigent et les exemples de l'IG échouent : avertissement, qu'un mode production peut rendre bloquant. Kit officiel ANS : non vérifié.",
        example_fr: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"810100050075\"}",
        fix_fr: "Vérifiez la saisie du RPPS dans votre annuaire (faute de frappe probable) ou utilisez un RPPS de test valide.",
        what_en: "Applies the Luhn algorithm to the 11 RPPS digits (without the 8 prefix) and warns when the check digit is wrong.",
        why_en: "Real RPPS numbers pass Luhn, but neither the IG nor the kit require it and the IG examples fail it: warning, which a production mode can make blocking. Official ANS kit: not checked.",
        example_en: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"810100050075\"}",
        fix_en: "Check how the RPPS was entered in your directory (probably a typo) or use a valid test RPPS.",
    },
};

/// Checks the key of a well-formed IDNPS value `8` + RPPS: a warning, an
/// error under `--strict`.
pub(crate) fn check_idnps(v: &str, span: Span, em: &mut Emitter<'_>) {
    check_prefixed(em, &RULE, '8', Part::Key, (v, span), |v| {
        Idnps::parse_form(v).map_or(Ok(()), |id| id.check_key())
    });
}
