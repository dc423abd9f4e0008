//! int-ro1: the SAS INT_RO1 slot-search exchange contract: the search
//! request, the request-dependent response rules, the HTTP response rules,
//! and captured exchanges (HAR files and plain body files).
pub mod capture;
pub mod exchange;
pub mod flow;
pub mod har;
pub mod request;
pub mod response;

/// The core crate, for the types this one returns: depending on `int-ro1`
/// alone is enough (`int_ro1::fr_fhir_core::model::Bundle`).
pub use fr_fhir_core;
/// The finding types of every report, at the root.
///
/// ```
/// use int_ro1::Severity;
/// use int_ro1::exchange::{ExchangeOptions, validate_body};
/// assert!(validate_body("", &ExchangeOptions::default()).has(Severity::Fatal));
/// ```
pub use fr_fhir_core::finding::{Counts, Finding, Lang, Message, Severity};

use fr_fhir_core::finding::RuleMeta;
use fr_fhir_core::rules::catalog as c;

/// The catalogue rules implemented by this crate (the request, the rules
/// that compare the response with the request, the response contract).
///
/// ```
/// assert!(int_ro1::RULES.iter().any(|r| r.id == "RO1-WIN-001"));
/// ```
pub const RULES: &[&RuleMeta] = &[
    &c::RO1_REQ_001,
    &c::RO1_REQ_002,
    &c::RO1_REQ_003,
    &c::RO1_REQ_004,
    &c::RO1_REQ_005,
    &c::RO1_REQ_006,
    &c::RO1_REQ_007,
    &c::RO1_REQ_008,
    &c::RO1_REQ_009,
    &c::RO1_REQ_010,
    &c::RO1_REQ_011,
    &c::RO1_REQ_012,
    &c::RO1_REQ_013,
    &c::RO1_REQ_014,
    &c::RO1_REQ_015,
    &c::RO1_HTTP_001,
    &c::RO1_HTTP_002,
    &c::RO1_HTTP_003,
    &c::RO1_HTTP_004,
    &c::RO1_HTTP_005,
    &c::RO1_BODY_001,
    &c::RO1_FLOW_001,
    &c::RO1_OO_001,
    &c::RO1_WIN_001,
    &c::RO1_WIN_002,
    &c::RO1_WIN_003,
    &c::RO1_PRACT_005,
    &c::RO1_REF_005,
    &c::RO1_SOS_005,
    &c::RO1_BUNDLE_005,
];
