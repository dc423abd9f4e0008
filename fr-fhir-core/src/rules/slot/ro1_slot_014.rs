//! RO1-SLOT-014 `slot-appointment-type-present`.
//!
//! Slot.appointmentType is present.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Slot;
use crate::rules::support::presence::missing;
use crate::rules::{Emitter, EntryCx, Scope};

/// RO1-SLOT-014 `slot-appointment-type-present`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-014",
    name: "slot-appointment-type-present",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "agg-psindiv #49; IG nomenclature 'Créneau avec ou sans RDV' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Slot.appointmentType est présent.",
    summary_en: "Slot.appointmentType is present.",
    doc: RuleDoc {
        what_fr: "Avertit quand un Slot n'a pas d'appointmentType.",
        why_fr: "La plateforme s'en sert pour afficher « avec ou sans rendez-vous » (exigence agg-psindiv #49, nomenclature « Créneau avec ou sans RDV ») ; le profil le laisse facultatif, d'où l'avertissement. Kit officiel ANS : vérifié en partie.",
        example_fr: "{\"resourceType\":\"Slot\",\"status\":\"free\",\"start\":\"…\",\"end\":\"…\",\"schedule\":{…}}",
        fix_fr: "Ajoutez \"appointmentType\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0276\",\"code\":\"ROUTINE\"}]}.",
        what_en: "Warns when a Slot has no appointmentType.",
        why_en: "The platform uses it to show booking vs walk-in (requirement agg-psindiv #49, nomenclature 'Créneau avec ou sans RDV'); the profile keeps it optional, hence the warning. Official ANS kit: partly checked.",
        example_en: "{\"resourceType\":\"Slot\",\"status\":\"free\",\"start\":\"…\",\"end\":\"…\",\"schedule\":{…}}",
        fix_en: "Add \"appointmentType\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0276\",\"code\":\"ROUTINE\"}]}.",
    },
};

/// Slot.appointmentType is present and coded.
pub(crate) fn check(s: &Slot<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    let (parent, child, fr, en) = match &s.appointment_type {
        None => (
            s.span,
            "appointmentType",
            "Slot.appointmentType est absent : attendu ROUTINE (avec RDV) ou WALKIN (sans RDV)",
            "Slot.appointmentType is missing: expected ROUTINE (booking) or WALKIN (walk-in)",
        ),
        Some(at) if at.coding.is_empty() => (
            at.span,
            "coding",
            "Slot.appointmentType sans coding : attendu v2-0276 ROUTINE ou WALKIN",
            "Slot.appointmentType without coding: expected v2-0276 ROUTINE or WALKIN",
        ),
        Some(_) => return,
    };
    missing(em, e.src, Scope::ALL, &RULE, None, parent, child, fr.into(), en.into());
}
