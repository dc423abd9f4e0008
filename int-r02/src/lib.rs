//! int-r02: the SAS INT_R02 regulator-account exchange. The SAS sends the
//! accounts of its regulators to the vendor's software (`POST
//! [base]/Practitioner`, `PUT [base]/Practitioner?identifier=system|value`,
//! deactivation = PUT with `active=false`); the vendor answers. This pack
//! reads the account (FrPractitionerRegul, [`rules`]) and judges the
//! vendor's answers ([`exchange`]): status, `Location`, refusals, and the
//! sequence over a capture.
//!
//! ```
//! use int_r02::validate_body;
//! let body = r#"{"resourceType":"Practitioner","active":true}"#;
//! let report = validate_body(body, &Default::default()).unwrap();
//! assert!(report.findings.iter().any(|f| f.rule.id == "RO1-REGUL-001"));
//! ```

pub mod build;
pub mod exchange;
pub mod request;
pub mod rules;

use fr_fhir_core::engine::{Options, Report, UseCase};
use fr_fhir_core::finding::RuleMeta;
use fr_fhir_core::json::JsonError;

/// The folders of the rules this pack checks (for the catalogue).
pub static CHECKED: &[&[&RuleMeta]] = &[rules::regul::RULES];

/// Validates a regulator account (a Practitioner body) with the REGUL rules
/// and the structural validator (FrPractitionerRegul, or the profile the
/// body declares). Locations are resolved inside the body.
pub fn validate_body(src: &str, opts: &Options) -> Result<Report, JsonError> {
    let mut opts = opts.clone();
    opts.use_case = Some(UseCase::REGUL);
    fr_fhir_core::engine::run(src, &opts, &rules::REGUL_BODY, &mut [])
}
