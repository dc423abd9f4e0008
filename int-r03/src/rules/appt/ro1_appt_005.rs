//! RO1-APPT-005 `appointment-participant-accepted`.
//!
//! participant.status is accepted (1.1.0 pattern); the main version also allows needs-action.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-APPT-005 `appointment-participant-accepted`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-APPT-005",
    name: "appointment-participant-accepted",
    severity: Severity::Error,
    scope: Scope::APPT,
    source: "FrAppointmentSAS 1.1.0 vs main — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrAppointmentSAS.html",
    summary_fr: "participant.status vaut accepted (motif 1.1.0) ; la version main admet aussi needs-action.",
    summary_en: "participant.status is accepted (1.1.0 pattern); the main version also allows needs-action.",
    doc: RuleDoc {
        what_fr: "Vérifie que participant.status vaut accepted ; needs-action est admis quand la version ciblée est celle de main (1.2.0).",
        why_fr: "FrAppointmentSAS 1.1.0 fixe accepted ; sur main, le ValueSet sas-valueset-participant-status admet accepted et needs-action. Kit officiel ANS : non vérifié.",
        example_fr: "{\"participant\":[{\"actor\":{…},\"status\":\"tentative\"}]}",
        fix_fr: "Envoyez \"status\":\"accepted\".",
        what_en: "Checks that participant.status is accepted; needs-action is allowed when the targeted version is main (1.2.0).",
        why_en: "FrAppointmentSAS 1.1.0 fixes accepted; on main, the sas-valueset-participant-status ValueSet allows accepted and needs-action. Official ANS kit: not checked.",
        example_en: "{\"participant\":[{\"actor\":{…},\"status\":\"tentative\"}]}",
        fix_en: "Send \"status\":\"accepted\".",
    },
};

use fr_fhir_core::rules::Emitter;

use super::Ctx;
use crate::IgVersion;
use crate::model::Appointment;

const S: Scope = Scope::APPT;

/// The participant statuses allowed: `accepted` (FrAppointmentSAS 1.1.0
/// pattern), `accepted | needs-action` (1.2.0, and the SOS profile's value
/// set in both versions).
pub(crate) fn allowed(cx: &Ctx) -> &'static [&'static str] {
    if cx.sos || cx.version == IgVersion::V1_2_0 {
        &["accepted", "needs-action"]
    } else {
        &["accepted"]
    }
}

/// participant.status is one of [`allowed`].
pub(crate) fn check(appt: &Appointment<'_>, cx: &Ctx, em: &mut Emitter<'_>) {
    let allowed = allowed(cx);
    let expected = allowed.join(" | ");
    let reading = if cx.sos {
        "sas-sos-appointment".to_owned()
    } else {
        format!("FrAppointmentSAS {}", cx.version)
    };
    for p in &appt.participant {
        match &p.status {
            None => em.missing(
                S,
                &RULE,
                p.span,
                "status",
                format!("participant sans status, attendu {expected} ({reading})"),
                format!("participant without status, expected {expected} ({reading})"),
            ),
            Some(s) if !allowed.contains(&s.as_str()) => em.at(
                S,
                &RULE,
                s.span,
                format!("participant.status {}, attendu {expected} ({reading})", s.as_str()),
                format!("participant.status {}, expected {expected} ({reading})", s.as_str()),
            ),
            Some(_) => {}
        }
    }
}
