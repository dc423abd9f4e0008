//! RO1-ROLE-006 `role-organization-id-form`.
//!
//! organization.identifier.value is 1 + FINESS, 3 + SIRET, 4 + RPPS-rang or 0 + ADELI-rang (preference FINESS, then SIRET, then rang).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::Idnst;
use crate::model::Identifier;
use crate::rules::{Emitter, Scope, quote};

/// RO1-ROLE-006 `role-organization-id-form`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ROLE-006",
    name: "role-organization-id-form",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FAQ 'ID nationaux de structure'; kit ps_validate_idnst patterns — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "organization.identifier.value est 1 + FINESS, 3 + SIRET, 4 + RPPS-rang ou 0 + ADELI-rang (préférence FINESS, puis SIRET, puis rang).",
    summary_en: "organization.identifier.value is 1 + FINESS, 3 + SIRET, 4 + RPPS-rang or 0 + ADELI-rang (preference FINESS, then SIRET, then rang).",
    doc: RuleDoc {
        what_fr: "Vérifie que la valeur est un IDNST préfixé : 1 suivi des 9 caractères du FINESS, 3 suivi des 14 chiffres du SIRET, 4 suivi de 14 chiffres (RPPS-rang, forme du kit) ou 0 suivi de l'ADELI-rang.",
        why_fr: "FAQ « ID nationaux de structure » et motifs du kit (ps_validate_idnst : ^1[0-9]{9}$, ^3[0-9]{14}$, ^4[0-9]{14}$) ; lectures AMB-20 (FINESS de Corse) et AMB-21 (RPPS-rang alphanumériques). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"organization\":{\"identifier\":{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"950047225\"}}}",
        fix_fr: "Préfixez l'identifiant de structure : 1950047225 pour le FINESS 950047225.",
        what_en: "Checks that the value is a prefixed IDNST: 1 followed by the 9 FINESS characters, 3 followed by the 14 SIRET digits, 4 followed by 14 digits (RPPS-rang, kit form) or 0 followed by the ADELI-rang.",
        why_en: "FAQ 'ID nationaux de structure' and kit patterns (ps_validate_idnst: ^1[0-9]{9}$, ^3[0-9]{14}$, ^4[0-9]{14}$); readings AMB-20 (Corsican FINESS) and AMB-21 (alphanumeric RPPS-rang). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"organization\":{\"identifier\":{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"950047225\"}}}",
        fix_en: "Prefix the structure id: 1950047225 for FINESS 950047225.",
    },
};

/// Checks that the structure identifier value is one of the forms the kit
/// accepts. A RPPS-rang outside the kit form is only warned about by
/// RO1-ID-009 (AMB-21).
pub(crate) fn check_value(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    let Some(value) = &id.value else { return };
    let (v, span) = (value.as_str(), value.span);
    let problem = match Idnst::parse_form(v) {
        Err(e) => Some(e.message()),
        Ok(form @ (Idnst::Siren(_) | Idnst::Finess(_))) => {
            form.check_sas_form().err().map(|e| e.message())
        }
        Ok(_) => None,
    };
    if let Some(m) = problem {
        em.at(
            Scope::PS_CPTS,
            &RULE,
            span,
            format!("{} n'est pas un IDNST admis (1 + FINESS, 3 + SIRET, 4 + RPPS-rang, 0 + ADELI-rang) : {}", quote(v), m.fr),
            format!("{} is not an accepted IDNST (1 + FINESS, 3 + SIRET, 4 + RPPS-rang, 0 + ADELI-rang): {}", quote(v), m.en),
        );
    }
}
