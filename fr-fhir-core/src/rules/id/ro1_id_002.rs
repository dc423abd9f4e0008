//! RO1-ID-002 `idnps-rpps-form`.
//!
//! An IDNPS of RPPS form is 8 followed by 11 digits (^8\[0-9\]{11}$).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::Idnps;
use crate::json::Span;
use crate::rules::id::{Part, check_prefixed};
use crate::rules::{Emitter, Scope};

/// RO1-ID-002 `idnps-rpps-form`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-002",
    name: "idnps-rpps-form",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "agg-psindiv #17; FAQ prefix 8 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Un IDNPS de forme RPPS vaut 8 suivi de 11 chiffres (^8[0-9]{11}$).",
    summary_en: "An IDNPS of RPPS form is 8 followed by 11 digits (^8[0-9]{11}$).",
    doc: RuleDoc {
        what_fr: "Vérifie que les valeurs IDNPS préfixées par 8 comptent 12 chiffres exactement.",
        why_fr: "Exigence agg-psindiv #17 et préfixe 8 de la FAQ ; vérifié par le kit. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"81010121522\"}",
        fix_fr: "Vérifiez le RPPS : 11 chiffres, précédés du préfixe 8.",
        what_en: "Checks that IDNPS values prefixed with 8 are exactly 12 digits.",
        why_en: "Requirement agg-psindiv #17 and the FAQ prefix 8; checked by the kit. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"81010121522\"}",
        fix_en: "Check the RPPS: 11 digits, preceded by the prefix 8.",
    },
};

/// Checks the form of an IDNPS value `8` + RPPS.
pub(crate) fn check_idnps(v: &str, span: Span, em: &mut Emitter<'_>) {
    check_prefixed(em, &RULE, '8', Part::Form, (v, span), |v| Idnps::parse_form(v).map(drop));
}
