//! RO1-APPT-006 `appointment-status-created`.
//!
//! Appointment.status is booked, fulfilled, noshow or cancelled (pending for SOS on main), and created is sent.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-APPT-006 `appointment-status-created`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-APPT-006",
    name: "appointment-status-created",
    severity: Severity::Warning,
    scope: Scope::APPT,
    source: "IG gestion_rdv nomenclature; main FSH — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-gestion_rdv.html",
    summary_fr: "Appointment.status vaut booked, fulfilled, noshow ou cancelled (pending en SOS sur main), et created est transmis.",
    summary_en: "Appointment.status is booked, fulfilled, noshow or cancelled (pending for SOS on main), and created is sent.",
    doc: RuleDoc {
        what_fr: "Avertit quand Appointment.status n'est pas l'un des statuts utilisés par le SAS (booked, fulfilled, noshow, cancelled ; pending en SOS sur main) ou quand created est absent.",
        why_fr: "Nomenclature de la page gestion de rendez-vous et FSH main (created must-support) ; les autres statuts R4 restent valides, d'où l'avertissement. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Appointment\",\"status\":\"proposed\",…}",
        fix_fr: "Utilisez booked à la prise de rendez-vous puis fulfilled, noshow ou cancelled, et renseignez created.",
        what_en: "Warns when Appointment.status is not one of the statuses the SAS uses (booked, fulfilled, noshow, cancelled; pending for SOS on main) or when created is missing.",
        why_en: "Appointment page nomenclature and main FSH (created must-support); the other R4 statuses stay valid, hence the warning. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Appointment\",\"status\":\"proposed\",…}",
        fix_en: "Use booked when booking, then fulfilled, noshow or cancelled, and fill in created.",
    },
};
