//! RO1-SLOT-013 `slot-appointment-type-routine-walkin`.
//!
//! appointmentType.coding, when present, is ROUTINE or WALKIN from v2-0276.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Slot;
use crate::rules::support::terminology as term;
use crate::rules::{Emitter, Scope};

use crate::rules::support::coding::{CodingDefect, check_coding};

/// RO1-SLOT-013 `slot-appointment-type-routine-walkin`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-013",
    name: "slot-appointment-type-routine-walkin",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "sas-valueset-appointmentreason; FrSlotAgregateur preferred v2-0276; agg-psindiv #49 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "appointmentType.coding, s'il est présent, est ROUTINE ou WALKIN de v2-0276.",
    summary_en: "appointmentType.coding, when present, is ROUTINE or WALKIN from v2-0276.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque codage de Slot.appointmentType a le système http://terminology.hl7.org/CodeSystem/v2-0276 et le code ROUTINE (avec rendez-vous) ou WALKIN (sans rendez-vous).",
        why_fr: "Liaison obligatoire sas-valueset-appointmentreason en CPTS et SOS, préférée dans FrSlotAgregateur, mais la plateforme ne comprend que ces deux codes et le kit échoue sur les autres (exigence agg-psindiv #49) : erreur pour tous les cas d'usage. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"appointmentType\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0276\",\"code\":\"EMERGENCY\"}]}}",
        fix_fr: "Utilisez ROUTINE pour un créneau sur rendez-vous et WALKIN pour une consultation sans rendez-vous.",
        what_en: "Checks that every Slot.appointmentType coding has the system http://terminology.hl7.org/CodeSystem/v2-0276 and the code ROUTINE (booking) or WALKIN (walk-in).",
        why_en: "Required binding sas-valueset-appointmentreason for CPTS and SOS, preferred in FrSlotAgregateur, but the platform understands only these two codes and the kit fails the others (requirement agg-psindiv #49): error for every use case. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"appointmentType\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0276\",\"code\":\"EMERGENCY\"}]}}",
        fix_en: "Use ROUTINE for a bookable slot and WALKIN for a walk-in consultation.",
    },
};

/// Each appointmentType coding is v2-0276 ROUTINE or WALKIN.
pub(crate) fn check(s: &Slot<'_>, em: &mut Emitter<'_>) {
    for c in s.appointment_type.iter().flat_map(|at| &at.coding) {
        let routine_or_walkin = |k: &str| k == term::ROUTINE || k == term::WALKIN;
        check_coding(c, (Scope::ALL, &RULE), term::V2_0276, routine_or_walkin, words, em);
    }
}

/// The wording of RO1-SLOT-013 for each defect of an appointmentType coding.
fn words(defect: CodingDefect) -> (String, String) {
    match defect {
        CodingDefect::NoSystem => (
            format!("appointmentType sans système : attendu {}", term::V2_0276),
            format!("appointmentType without a system: expected {}", term::V2_0276),
        ),
        CodingDefect::System(q) => (
            format!("système d'appointmentType {q} : attendu {}", term::V2_0276),
            format!("appointmentType system {q}: expected {}", term::V2_0276),
        ),
        CodingDefect::NoCode => (
            "appointmentType sans code : attendu ROUTINE ou WALKIN".into(),
            "appointmentType without a code: expected ROUTINE or WALKIN".into(),
        ),
        CodingDefect::Code(q) => (
            format!(
                "appointmentType {q} : le SAS ne comprend que ROUTINE (avec RDV) et WALKIN (sans RDV)"
            ),
            format!(
                "appointmentType {q}: the SAS only understands ROUTINE (booking) and WALKIN (walk-in)"
            ),
        ),
    }
}
