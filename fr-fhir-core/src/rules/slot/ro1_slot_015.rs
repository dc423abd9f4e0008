//! RO1-SLOT-015 `slot-comment-booking-url`.
//!
//! Slot.comment is present, not blank and an absolute http(s) URL when appointmentType is ROUTINE (warning when WALKIN or absent).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-SLOT-015 `slot-comment-booking-url`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-015",
    name: "slot-comment-booking-url",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "agg-psindiv #25; FAQ 'URL dans comment'; SOS FSH note; PS example slot 2 (WALKIN) has no comment — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-slot-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Slot.comment est présent, non blanc et une URL http(s) absolue quand appointmentType vaut ROUTINE (avertissement si WALKIN ou absent).",
    summary_en: "Slot.comment is present, not blank and an absolute http(s) URL when appointmentType is ROUTINE (warning when WALKIN or absent).",
    doc: RuleDoc {
        what_fr: "Vérifie que Slot.comment existe, n'est pas blanc et se lit comme une URL http ou https absolue ; c'est une erreur pour un créneau ROUTINE, un avertissement pour un créneau WALKIN ou sans appointmentType.",
        why_fr: "Exigence agg-psindiv #25 et FAQ « URL dans comment » : l'URL de prise de rendez-vous ; le kit l'exige sur tout Slot, mais les profils laissent comment 0..1 et l'exemple PS WALKIN n'en a pas (lecture AMB-06). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r#"{"appointmentType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0276","code":"ROUTINE"}]},"comment":"Prendre RDV sur notre site"}"#,
        fix_fr: "Mettez dans comment l'URL de l'agenda du praticien, par exemple https://rdv.editeur.example/agenda/810101215225.",
        what_en: "Checks that Slot.comment exists, is not blank and parses as an absolute http or https URL; it is an error for a ROUTINE slot, a warning for a WALKIN slot or one without appointmentType.",
        why_en: "Requirement agg-psindiv #25 and FAQ 'URL dans comment': the booking URL; the kit requires it on every Slot, but the profiles keep comment 0..1 and the PS WALKIN example has none (reading AMB-06). Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"appointmentType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0276","code":"ROUTINE"}]},"comment":"Prendre RDV sur notre site"}"#,
        fix_en: "Put the practitioner's agenda URL in comment, for example https://rdv.editeur.example/agenda/810101215225.",
    },
};
