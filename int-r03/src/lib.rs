//! int-r03: the SAS INT_R03 appointment exchange. The vendor's software
//! sends the appointments booked through the SAS (`POST [base]/Appointment`,
//! then `PUT [base]/Appointment?identifier=system|value` to update or
//! cancel); the SAS answers. This pack judges the vendor's side: the
//! request line ([`request`]) and the FrAppointmentSAS / sas-sos-appointment
//! body ([`rules`], run by the core engine with the structural validator),
//! and, over a capture, the sequence of requests ([`exchange`]).
//!
//! ```
//! use int_r03::{IgVersion, validate_body};
//! use fr_fhir_core::finding::Severity;
//! let body = r#"{"resourceType":"Appointment","status":"booked","participant":[{"status":"accepted"}]}"#;
//! let report = validate_body(body, &Default::default(), IgVersion::V1_1_0).unwrap();
//! assert!(report.findings.iter().any(|f| f.rule.id == "RO1-APPT-001" && f.severity == Severity::Error));
//! ```

pub mod build;
pub mod exchange;
pub mod model;
pub mod request;
pub mod rules;

use fr_fhir_core::engine::{Options, Report};
use fr_fhir_core::finding::RuleMeta;
use fr_fhir_core::json::JsonError;

/// Which reading of the SAS IG the appointment rules follow (SPEC §2.12):
/// the certified 1.1.0 package, or main (1.2.0 ci-build), where
/// participant.status may also be `needs-action`, `created` is
/// must-support and an SOS appointment may be `pending`.
///
/// ```
/// use int_r03::IgVersion;
/// assert_eq!(IgVersion::default(), IgVersion::V1_1_0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum IgVersion {
    /// IG 1.1.0, the published and certified package (default).
    #[default]
    V1_1_0,
    /// IG main, 1.2.0 ci-build.
    V1_2_0,
}

impl IgVersion {
    /// `1.1.0` or `1.2.0`.
    ///
    /// ```
    /// use int_r03::IgVersion;
    /// assert_eq!("1.2.0".parse::<IgVersion>().map(IgVersion::as_str), Ok("1.2.0"));
    /// assert!("2.0".parse::<IgVersion>().is_err());
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            IgVersion::V1_1_0 => "1.1.0",
            IgVersion::V1_2_0 => "1.2.0",
        }
    }
}

impl std::str::FromStr for IgVersion {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "1.1.0" | "1.1" => Ok(IgVersion::V1_1_0),
            "1.2.0" | "1.2" | "main" => Ok(IgVersion::V1_2_0),
            other => Err(format!("IG version `{other}`: expected 1.1.0 or 1.2.0")),
        }
    }
}

impl std::fmt::Display for IgVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The folders of the rules this pack checks (for the catalogue).
pub static CHECKED: &[&[&RuleMeta]] = &[rules::appt::RULES];

/// Validates an appointment body (the vendor's request) with the APPT rules
/// and the structural validator (FrAppointmentSAS, or the profile the body
/// declares). Locations are resolved inside the body.
pub fn validate_body(src: &str, opts: &Options, version: IgVersion) -> Result<Report, JsonError> {
    let mut opts = opts.clone();
    opts.use_case = Some(fr_fhir_core::engine::UseCase::APPT);
    fr_fhir_core::engine::run(src, &opts, rules::rule_set(version), &mut [])
}
