//! The SAS vocabulary for the side that builds responses: profile
//! canonicals, code systems, and the codes of the slot search as enums, so
//! that a vendor's connector writes `SlotType::Public.coding()` instead of
//! raw strings. The same constants the rules check against (one source).
//!
//! ```
//! use fr_fhir_core::vocab::{ConsultationType, SearchMode, SlotType, profiles};
//! assert_eq!(SlotType::Public.code(), "PUBLIC");
//! assert_eq!(ConsultationType::Teleconsultation.code(), "VR");
//! assert_eq!(SearchMode::Include.as_str(), "include");
//! assert!(profiles::SLOT_PS.ends_with("FrSlotAgregateur"));
//! ```

use chrono::{DateTime, FixedOffset, Offset};

use crate::model::Coding;

/// Canonical URLs of the SAS profiles (SPEC §2.0), by resource and use case.
pub mod profiles {
    pub use crate::rules::profiles::{
        BUNDLE_CPTS, BUNDLE_PS, BUNDLE_SOS, HEALTHCARE_SERVICE_CPTS, LOCATION_PS, LOCATION_SOS,
        ORGANIZATION_CPTS, ORGANIZATION_SOS, PRACTITIONER_PS, ROLE_PS, SCHEDULE_PS, SCHEDULE_SOS,
        SLOT_CPTS, SLOT_PS, SLOT_SOS,
    };
}

/// Code systems of the SAS profiles and of the national identifiers.
pub mod systems {
    pub use crate::ids::{
        OID_IDNPS, OID_IDNST, OID_SAS_INTRN, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_LOCATION_ID_TYPE,
        SYSTEM_FR_V2_0203,
    };
    pub use crate::rules::support::terminology::{
        EXT_SLOT_SERVICE_TYPE_R5, TRE_R38, TRE_R66, TRE_R314, V2_0276, V3_ACT_CODE,
    };
}

/// The TRE_R66 establishment category of a CPTS (`HealthcareService.category`).
pub use crate::rules::support::terminology::TRE_R66_CPTS;

/// A slot type of `Slot.meta.security` (TRE_R314): who may book the slot.
///
/// ```
/// use fr_fhir_core::vocab::SlotType;
/// assert_eq!(SlotType::Snp.code(), "SNP");
/// let security = SlotType::Public.coding(); // for `Slot.meta.security`
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlotType {
    /// Open to the public through the SAS.
    Public,
    /// Reserved to health professionals.
    Pro,
    /// Reserved to the SAS regulation (`SNP`, soins non programmés).
    Snp,
    /// Offered to the CPTS (2024 release of TRE_R314).
    Cpts,
}

impl SlotType {
    /// The TRE_R314 code.
    pub fn code(self) -> &'static str {
        match self {
            SlotType::Public => "PUBLIC",
            SlotType::Pro => "PRO",
            SlotType::Snp => "SNP",
            SlotType::Cpts => "CPTS",
        }
    }

    /// The coding to put in `Slot.meta.security`.
    ///
    /// ```
    /// use fr_fhir_core::vocab::{SlotType, systems};
    /// let c = SlotType::Snp.coding();
    /// assert_eq!(c.system.unwrap().as_str(), systems::TRE_R314);
    /// ```
    pub fn coding(self) -> Coding<'static> {
        Coding::of(systems::TRE_R314, self.code())
    }
}

/// A consultation type of `Slot.serviceType` (v3-ActCode), the three the
/// SAS uses.
///
/// ```
/// use fr_fhir_core::vocab::ConsultationType;
/// assert_eq!(ConsultationType::Home.code(), "HH");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsultationType {
    /// At the practice (`AMB`).
    Ambulatory,
    /// At the patient's home (`HH`).
    Home,
    /// Teleconsultation (`VR`).
    Teleconsultation,
}

impl ConsultationType {
    /// The v3-ActCode code.
    pub fn code(self) -> &'static str {
        match self {
            ConsultationType::Ambulatory => "AMB",
            ConsultationType::Home => "HH",
            ConsultationType::Teleconsultation => "VR",
        }
    }

    /// The coding to put in `Slot.serviceType.coding`.
    pub fn coding(self) -> Coding<'static> {
        Coding::of(systems::V3_ACT_CODE, self.code())
    }
}

/// An appointment reason of `Slot.appointmentType` (v2-0276).
///
/// ```
/// use fr_fhir_core::vocab::AppointmentReason;
/// assert_eq!(AppointmentReason::WalkIn.code(), "WALKIN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppointmentReason {
    /// A slot booked through the agenda (`ROUTINE`).
    Routine,
    /// A walk-in slot (`WALKIN`).
    WalkIn,
}

impl AppointmentReason {
    /// The v2-0276 code.
    pub fn code(self) -> &'static str {
        match self {
            AppointmentReason::Routine => "ROUTINE",
            AppointmentReason::WalkIn => "WALKIN",
        }
    }

    /// The coding to put in `Slot.appointmentType.coding`.
    pub fn coding(self) -> Coding<'static> {
        Coding::of(systems::V2_0276, self.code())
    }
}

/// `Bundle.entry.search.mode` (FHIR search-entry-mode).
///
/// ```
/// use fr_fhir_core::vocab::SearchMode;
/// assert_eq!(SearchMode::Match.as_str(), "match");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SearchMode {
    /// The searched resource (Slot for PS and CPTS, Schedule for SOS).
    Match,
    /// A resource included with it.
    Include,
    /// An OperationOutcome about the search.
    Outcome,
}

impl SearchMode {
    /// The code.
    pub fn as_str(self) -> &'static str {
        match self {
            SearchMode::Match => "match",
            SearchMode::Include => "include",
            SearchMode::Outcome => "outcome",
        }
    }
}

/// `Slot.status` (FHIR slotstatus). The SAS only answers free slots.
///
/// ```
/// use fr_fhir_core::vocab::SlotStatus;
/// assert_eq!(SlotStatus::Free.as_str(), "free");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlotStatus {
    /// Open for booking: the only status a SAS response carries (RO1-SLOT-001).
    Free,
    /// Booked.
    Busy,
    /// Not available.
    BusyUnavailable,
    /// Tentatively booked.
    BusyTentative,
    /// Entered in error.
    EnteredInError,
}

impl SlotStatus {
    /// The code.
    pub fn as_str(self) -> &'static str {
        match self {
            SlotStatus::Free => "free",
            SlotStatus::Busy => "busy",
            SlotStatus::BusyUnavailable => "busy-unavailable",
            SlotStatus::BusyTentative => "busy-tentative",
            SlotStatus::EnteredInError => "entered-in-error",
        }
    }
}

/// An instant in the form the SAS requires for `Slot.start` / `Slot.end`
/// (RO1-SLOT-004): milliseconds and a numeric offset, never `Z`
/// (`2026-11-26T09:00:00.000+01:00`; UTC is written `+00:00`).
///
/// ```
/// use chrono::DateTime;
/// use fr_fhir_core::primitives::check_sas_instant;
/// use fr_fhir_core::vocab::sas_instant;
/// let t = DateTime::parse_from_rfc3339("2026-11-26T09:00:00Z").unwrap();
/// assert_eq!(sas_instant(&t), "2026-11-26T09:00:00.000+00:00");
/// let t = DateTime::parse_from_rfc3339("2026-11-26T09:30:12.5+01:00").unwrap();
/// assert_eq!(sas_instant(&t), "2026-11-26T09:30:12.500+01:00");
/// assert!(check_sas_instant(&sas_instant(&t)).is_ok());
/// ```
pub fn sas_instant(t: &DateTime<FixedOffset>) -> String {
    let offset = t.offset().fix().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs() / 60;
    format!("{}{sign}{:02}:{:02}", t.format("%Y-%m-%dT%H:%M:%S%.3f"), minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::check_sas_instant;
    use crate::rules::support::terminology::{SAS_CONSULTATION_CODES, TRE_R314_CODES};

    #[test]
    fn enums_cover_the_code_lists_the_rules_check() {
        let slot: Vec<&str> = [SlotType::Public, SlotType::Pro, SlotType::Snp, SlotType::Cpts]
            .map(SlotType::code)
            .to_vec();
        assert_eq!(slot, TRE_R314_CODES);
        let consultation = [
            ConsultationType::Ambulatory,
            ConsultationType::Home,
            ConsultationType::Teleconsultation,
        ]
        .map(ConsultationType::code);
        assert_eq!(consultation.to_vec(), SAS_CONSULTATION_CODES);
    }

    #[test]
    fn sas_instants_pass_the_sas_rule_for_every_offset() {
        for text in [
            "2026-03-29T01:59:59.999+01:00",
            "2026-10-25T02:30:00-00:30",
            "2026-11-26T23:59:59.1-12:00",
            "2026-11-26T00:00:00+14:00",
        ] {
            let t = DateTime::parse_from_rfc3339(text).unwrap();
            let s = sas_instant(&t);
            assert!(check_sas_instant(&s).is_ok(), "{s}");
            assert_eq!(DateTime::parse_from_rfc3339(&s).unwrap(), t);
        }
    }
}
