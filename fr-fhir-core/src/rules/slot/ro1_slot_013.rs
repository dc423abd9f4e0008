//! RO1-SLOT-013 `slot-appointment-type-routine-walkin`.
//!
//! appointmentType.coding, when present, is ROUTINE or WALKIN from v2-0276.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

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
        example_fr: r#"{"appointmentType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0276","code":"EMERGENCY"}]}}"#,
        fix_fr: "Utilisez ROUTINE pour un créneau sur rendez-vous et WALKIN pour une consultation sans rendez-vous.",
        what_en: "Checks that every Slot.appointmentType coding has the system http://terminology.hl7.org/CodeSystem/v2-0276 and the code ROUTINE (booking) or WALKIN (walk-in).",
        why_en: "Required binding sas-valueset-appointmentreason for CPTS and SOS, preferred in FrSlotAgregateur, but the platform understands only these two codes and the kit fails the others (requirement agg-psindiv #49): error for every use case. Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"appointmentType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0276","code":"EMERGENCY"}]}}"#,
        fix_en: "Use ROUTINE for a bookable slot and WALKIN for a walk-in consultation.",
    },
};
