//! RO1-ID-005 `idnst-finess-form`.
//!
//! An IDNST of FINESS form is 1 followed by 9 digits (^1\[0-9\]{9}$).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::Idnst;
use crate::json::Span;
use crate::rules::id::{Part, check_prefixed};
use crate::rules::{Emitter, Scope};

/// RO1-ID-005 `idnst-finess-form`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-005",
    name: "idnst-finess-form",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FINESS-invariant; kit",
    summary_fr: "Un IDNST de forme FINESS vaut 1 suivi de 9 chiffres (^1[0-9]{9}$).",
    summary_en: "An IDNST of FINESS form is 1 followed by 9 digits (^1[0-9]{9}$).",
    doc: RuleDoc {
        what_fr: "Vérifie que les valeurs IDNST préfixées par 1 sont 1 suivi de 9 chiffres exactement.",
        why_fr: "Invariant FINESS-invariant des profils et contrôle du kit ; lecture AMB-20 : les FINESS de Corse (2A, 2B) échouent à cette expression de l'IG, exception documentée. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"19500472\"}",
        fix_fr: "Vérifiez le FINESS : 9 chiffres, précédés du préfixe 1.",
        what_en: "Checks that IDNST values prefixed with 1 are 1 followed by exactly 9 digits.",
        why_en: "FINESS-invariant of the profiles and kit check; reading AMB-20: Corsican FINESS numbers (2A, 2B) fail this IG expression, a documented exception. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"19500472\"}",
        fix_en: "Check the FINESS: 9 digits, preceded by the prefix 1.",
    },
};

/// Checks the form of an IDNST value `1` + FINESS, the SAS pattern included.
pub(crate) fn check_idnst(v: &str, span: Span, em: &mut Emitter<'_>) {
    check_prefixed(em, &RULE, '1', Part::Form, (v, span), |v| {
        Idnst::parse_form(v).and_then(|id| id.check_sas_form())
    });
}
