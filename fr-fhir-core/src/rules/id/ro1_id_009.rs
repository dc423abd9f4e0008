//! RO1-ID-009 `idnst-rang-form`.
//!
//! An RPPS-rang IDNST is 4 followed by 14 digits; an ADELI-rang is 0 followed by the ADELI practice id.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::Idnst;
use crate::json::Span;
use crate::rules::id::form_error;
use crate::rules::{Emitter, Scope};

/// RO1-ID-009 `idnst-rang-form`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-009",
    name: "idnst-rang-form",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "Kit ps_validate_idnst; FAQ — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Un IDNST RPPS-rang vaut 4 suivi de 14 chiffres ; un ADELI-rang vaut 0 suivi de l'identifiant du cabinet ADELI.",
    summary_en: "An RPPS-rang IDNST is 4 followed by 14 digits; an ADELI-rang is 0 followed by the ADELI practice id.",
    doc: RuleDoc {
        what_fr: "Vérifie que les valeurs IDNST préfixées par 4 sont 4 suivi de 14 chiffres et que celles préfixées par 0 ont un identifiant de cabinet ADELI non vide après le préfixe.",
        why_fr: "Motif du kit (ps_validate_idnst) et FAQ ; l'annuaire publie des RPPS-rang alphanumériques (lecture AMB-21) : avertissement. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"4F58000880311022013\"}",
        fix_fr: "Préférez le FINESS ou le SIRET du lieu ; à défaut, envoyez le RPPS-rang sous la forme 4 + 14 chiffres.",
        what_en: "Checks that IDNST values prefixed with 4 are 4 followed by 14 digits and that those prefixed with 0 have a non-empty ADELI practice id after the prefix.",
        why_en: "Kit pattern (ps_validate_idnst) and FAQ; the directory publishes alphanumeric RPPS-rang ids (reading AMB-21): warning. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"4F58000880311022013\"}",
        fix_en: "Prefer the place's FINESS or SIRET; otherwise send the RPPS-rang as 4 + 14 digits.",
    },
};

/// Checks the form of an IDNST value `4` + RPPS-rang (the SAS form
/// included) or `0` + ADELI-rang.
pub(crate) fn check_idnst(v: &str, span: Span, em: &mut Emitter<'_>) {
    match v.as_bytes().first() {
        Some(b'4') => match Idnst::parse_form(v) {
            Err(e) => form_error(em, &RULE, None, span, v, e),
            Ok(id) => {
                if let Err(e) = id.check_sas_form() {
                    form_error(em, &RULE, None, span, v, e);
                }
            }
        },
        Some(b'0') => {
            if let Err(e) = Idnst::parse_form(v) {
                form_error(em, &RULE, None, span, v, e);
            }
        }
        _ => {}
    }
}
