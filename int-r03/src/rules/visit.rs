//! The rule set of an appointment body: which APPT rule runs on what, the
//! profile of an Appointment without `meta.profile`, and the profile
//! constraints the hand rules read differently (the 1.1.0 pattern
//! `accepted` of participant.status under the 1.2.0 reading).

use fr_fhir_core::engine::{Emitter, EntryCx, Finish, RuleSet, Scope, UseCase};
use fr_fhir_core::finding::RuleMeta;
use fr_fhir_core::model::{Cx, Resource};
use fr_fhir_core::rules::SLOT_SEARCH_BODY;
use fr_fhir_core::rules::prof::ro1_prof_002;

use super::appt::{
    Ctx, ro1_appt_001, ro1_appt_002, ro1_appt_003, ro1_appt_004, ro1_appt_005, ro1_appt_006,
};
use crate::IgVersion;
use crate::model::Appointment;

/// Canonical of FrAppointmentSAS (PS, CPTS).
pub const PROFILE_PS: &str = "http://sas.fr/fhir/StructureDefinition/FrAppointmentSAS";
/// Canonical of FrAppointmentSASSOS.
pub const PROFILE_SOS: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-sos-appointment";

/// The APPT rules for one reading of the IG.
///
/// ```
/// use int_r03::IgVersion;
/// use int_r03::rules::rule_set;
/// assert_eq!(rule_set(IgVersion::V1_2_0).version, IgVersion::V1_2_0);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AppointmentRules {
    /// The reading (SPEC §2.12).
    pub version: IgVersion,
}

static V1_1_0: AppointmentRules = AppointmentRules { version: IgVersion::V1_1_0 };
static V1_2_0: AppointmentRules = AppointmentRules { version: IgVersion::V1_2_0 };

/// The rule set of an appointment body under `version`.
pub fn rule_set(version: IgVersion) -> &'static AppointmentRules {
    match version {
        IgVersion::V1_1_0 => &V1_1_0,
        IgVersion::V1_2_0 => &V1_2_0,
    }
}

impl RuleSet for AppointmentRules {
    fn check_entry(&self, _e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}

    fn check_bundle(&self, _f: &Finish<'_, '_>, _em: &mut Emitter<'_>) {}

    fn check_root(&self, res: Option<&Resource<'_>>, src: &str, em: &mut Emitter<'_>) {
        let Some(res) = res else { return };
        if res.resource_type() != "Appointment" {
            ro1_appt_003::not_an_appointment(res, em);
            return;
        }
        let Ok(appt) = Appointment::read(src, res.span().start as usize) else { return };
        let cx = Ctx { version: self.version, sos: appt.profiles().any(|p| p == PROFILE_SOS) };
        ro1_appt_001::check(&appt, em);
        ro1_appt_002::check(&appt, em);
        ro1_appt_003::check(&appt, em);
        if !cx.sos {
            ro1_appt_004::check(&appt, em);
        }
        ro1_appt_005::check(&appt, &cx, em);
        ro1_appt_006::check(&appt, &cx, em);
    }

    // Read like any body: the JSON-level rules are the core's.
    fn check_notes(&self, cx: &Cx, em: &mut Emitter<'_>) {
        SLOT_SEARCH_BODY.check_notes(cx, em);
    }

    fn is_generic(&self, rule: &RuleMeta) -> bool {
        SLOT_SEARCH_BODY.is_generic(rule)
    }

    fn wrong_type_rule(&self) -> Option<&'static RuleMeta> {
        SLOT_SEARCH_BODY.wrong_type_rule()
    }

    fn use_case_of_profile(&self, url: &str) -> Option<UseCase> {
        matches!(url, PROFILE_PS | PROFILE_SOS).then_some(UseCase::APPT)
    }

    fn profile_for(&self, rtype: &str, _uc: UseCase) -> Option<&'static str> {
        (rtype == "Appointment").then_some(PROFILE_PS)
    }

    /// Under 1.2.0, participant.status is bound to a value set (accepted,
    /// needs-action) instead of the 1.1.0 pattern `accepted` the built-in
    /// definitions hold: RO1-APPT-005 says which reading applies.
    fn hand_owned(&self, rule: &RuleMeta, source: &str) -> bool {
        self.version == IgVersion::V1_2_0
            && rule.id == ro1_prof_002::RULE.id
            && source.ends_with("#Appointment.participant.status")
    }

    fn use_cases(&self) -> Scope {
        Scope::APPT
    }

    fn default_use_case(&self) -> UseCase {
        UseCase::APPT
    }
}
