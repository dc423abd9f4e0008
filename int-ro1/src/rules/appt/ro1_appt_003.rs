//! RO1-APPT-003 `appointment-identifier-start-end`.
//!
//! Appointment.identifier is single with a system and a value, and start and end are present.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-APPT-003 `appointment-identifier-start-end`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-APPT-003",
    name: "appointment-identifier-start-end",
    severity: Severity::Error,
    scope: Scope::APPT,
    source: "FrAppointmentSAS — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrAppointmentSAS.html",
    summary_fr: "Appointment.identifier est unique avec un système et une valeur, et start et end sont présents.",
    summary_en: "Appointment.identifier is single with a system and a value, and start and end are present.",
    doc: RuleDoc {
        what_fr: "Vérifie que le rendez-vous a exactement un identifier avec system (OID ou URL de l'éditeur) et value (identifiant technique, un UUID par exemple), ainsi que start et end.",
        why_fr: "Profil FrAppointmentSAS (identifier 1..1, start et end 1..1) : l'identifiant sert aux mises à jour conditionnelles. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Appointment\",\"identifier\":[{\"value\":\"rdv-123\"}],\"start\":\"2024-06-12T08:00:00+02:00\"}",
        fix_fr: "Ajoutez le system de l'éditeur à l'identifiant et renseignez end.",
        what_en: "Checks that the appointment has exactly one identifier with system (vendor OID or URL) and value (technical id, for example a UUID), plus start and end.",
        why_en: "FrAppointmentSAS profile (identifier 1..1, start and end 1..1): the identifier drives conditional updates. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Appointment\",\"identifier\":[{\"value\":\"rdv-123\"}],\"start\":\"2024-06-12T08:00:00+02:00\"}",
        fix_en: "Add the vendor system to the identifier and fill in end.",
    },
};
