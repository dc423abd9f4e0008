//! RO1-ID-007 `idnst-siret-form`.
//!
//! An IDNST of SIRET form is 3 followed by 14 digits (^3\[0-9\]{14}$).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::Idnst;
use crate::json::Span;
use crate::rules::id::{Part, check_prefixed};
use crate::rules::{Emitter, Scope};

/// RO1-ID-007 `idnst-siret-form`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-007",
    name: "idnst-siret-form",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SIRET-invariant; kit",
    summary_fr: "Un IDNST de forme SIRET vaut 3 suivi de 14 chiffres (^3[0-9]{14}$).",
    summary_en: "An IDNST of SIRET form is 3 followed by 14 digits (^3[0-9]{14}$).",
    doc: RuleDoc {
        what_fr: "Vérifie que les valeurs IDNST préfixées par 3 sont 3 suivi de 14 chiffres exactement.",
        why_fr: "Invariant SIRET-invariant et contrôle du kit sur les identifiants de structure des PractitionerRole. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"3341737484\"}",
        fix_fr: "Envoyez le SIRET complet (SIREN + NIC, 14 chiffres) précédé de 3.",
        what_en: "Checks that IDNST values prefixed with 3 are 3 followed by exactly 14 digits.",
        why_en: "SIRET-invariant and the kit's check on PractitionerRole structure ids. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"3341737484\"}",
        fix_en: "Send the full SIRET (SIREN + NIC, 14 digits) preceded by 3.",
    },
};

/// Checks the form of an IDNST value `3` + SIRET.
pub(crate) fn check_idnst(v: &str, span: Span, em: &mut Emitter<'_>) {
    check_prefixed(em, &RULE, '3', Part::Form, (v, span), |v| Idnst::parse_form(v).map(drop));
}
