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
        what_fr: "Avertit quand Appointment.status n'est pas l'un des statuts utilisés par le SAS (booked, fulfilled, noshow, cancelled ; pending en SOS sur main) ou quand created est absent (lecture IG 1.2.0 seulement, où il est must-support).",
        why_fr: "Nomenclature de la page gestion de rendez-vous et FSH main (created must-support) ; les autres statuts R4 restent valides, d'où l'avertissement. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Appointment\",\"status\":\"proposed\",…}",
        fix_fr: "Utilisez booked à la prise de rendez-vous puis fulfilled, noshow ou cancelled, et renseignez created.",
        what_en: "Warns when Appointment.status is not one of the statuses the SAS uses (booked, fulfilled, noshow, cancelled; pending for SOS on main) or when created is missing (IG 1.2.0 reading only, where it is must-support).",
        why_en: "Appointment page nomenclature and main FSH (created must-support); the other R4 statuses stay valid, hence the warning. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Appointment\",\"status\":\"proposed\",…}",
        fix_en: "Use booked when booking, then fulfilled, noshow or cancelled, and fill in created.",
    },
};

use fr_fhir_core::rules::Emitter;

use super::Ctx;
use crate::IgVersion;
use crate::model::Appointment;

const S: Scope = Scope::APPT;

/// The codes of R4's AppointmentStatus (required binding of Appointment.status).
const R4_STATUSES: [&str; 10] = [
    "proposed",
    "pending",
    "booked",
    "arrived",
    "fulfilled",
    "cancelled",
    "noshow",
    "entered-in-error",
    "checked-in",
    "waitlist",
];

/// The appointment statuses the SAS uses.
pub(crate) fn statuses(cx: &Ctx) -> &'static [&'static str] {
    if cx.sos && cx.version == IgVersion::V1_2_0 {
        &["booked", "fulfilled", "noshow", "cancelled", "pending"]
    } else {
        &["booked", "fulfilled", "noshow", "cancelled"]
    }
}

/// Appointment.status among [`statuses`]; `created` sent under 1.2.0 (must-support there).
pub(crate) fn check(appt: &Appointment<'_>, cx: &Ctx, em: &mut Emitter<'_>) {
    let known = statuses(cx);
    // A code outside R4's AppointmentStatus is the required binding's error
    // (RO1-FHIR-005): this warning is about R4 codes the SAS does not use.
    if let Some(s) = &appt.status
        && R4_STATUSES.contains(&s.as_str())
        && !known.contains(&s.as_str())
    {
        em.at(
            S,
            &RULE,
            s.span,
            format!("status {} : le SAS n'utilise que {}", s.as_str(), known.join(", ")),
            format!("status {}: the SAS only uses {}", s.as_str(), known.join(", ")),
        );
    }
    if cx.version == IgVersion::V1_2_0 && appt.created.is_none() {
        em.missing(
            S,
            &RULE,
            appt.span,
            "created",
            "created absent : date de prise du rendez-vous, must-support en 1.2.0".into(),
            "created is missing: the booking date, must-support in 1.2.0".into(),
        );
    }
}
