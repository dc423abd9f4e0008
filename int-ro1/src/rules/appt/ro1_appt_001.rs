//! RO1-APPT-001 `appointment-operator-extension`.
//!
//! The appointment carries exactly one FrAppointmentOperator extension whose valueReference.identifier is complete.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-APPT-001 `appointment-operator-extension`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-APPT-001",
    name: "appointment-operator-extension",
    severity: Severity::Error,
    scope: Scope::APPT,
    source: "FrAppointmentSAS; sas-sos-appointment — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrAppointmentSAS.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-appointment.html",
    summary_fr: "Le rendez-vous porte exactement une extension FrAppointmentOperator dont valueReference.identifier est complet.",
    summary_en: "The appointment carries exactly one FrAppointmentOperator extension whose valueReference.identifier is complete.",
    doc: RuleDoc {
        what_fr: "Vérifie qu'Appointment a une seule extension http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator, avec valueReference.identifier portant un type à un codage (système fr-v2-0203 et code), un system et une value.",
        why_fr: "Profils FrAppointmentSAS et sas-sos-appointment : l'extension désigne le régulateur qui a pris le rendez-vous. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Appointment\",\"extension\":[{\"url\":\"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator\",\"valueReference\":{\"display\":\"Régulateur\"}}]}",
        fix_fr: "Identifiez le régulateur par valueReference.identifier (type, system, value), sans display seul.",
        what_en: "Checks that the Appointment has a single http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator extension, with valueReference.identifier carrying a type with one coding (fr-v2-0203 system and a code), a system and a value.",
        why_en: "FrAppointmentSAS and sas-sos-appointment profiles: the extension names the regulator who booked. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Appointment\",\"extension\":[{\"url\":\"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator\",\"valueReference\":{\"display\":\"Régulateur\"}}]}",
        fix_en: "Identify the regulator through valueReference.identifier (type, system, value), not a display alone.",
    },
};
