//! Building what the vendor sends: a FrAppointmentSAS body (the request
//! line is [`crate::request::AppointmentRequest`]).
//!
//! ```
//! use int_r03::build::{AppointmentBody, Operator};
//! let body = AppointmentBody {
//!     system: "urn:oid:1.2.250.1.999.42.1".into(),
//!     value: "7d2c5f0e-3b1a-4c8e-9f6d-2a4b8c1e5d90".into(),
//!     operator: Operator::National("3456780581/11242343".into()),
//!     practitioner: "810002909371".into(),
//!     status: "booked".into(),
//!     start: "2026-11-27T14:00:00+01:00".into(),
//!     end: "2026-11-27T14:15:00+01:00".into(),
//!     created: Some("2026-11-26T10:02:11+01:00".into()),
//! }
//! .to_json();
//! let report = int_r03::validate_body(&body, &Default::default(), int_r03::IgVersion::V1_2_0).unwrap();
//! assert!(report.findings.is_empty(), "{:?}", report.findings);
//! ```

use fr_fhir_core::vocab::systems::{OID_IDNPS, OID_SAS_INTRN, SYSTEM_FR_V2_0203};
use serde_json::{Value, json};

use crate::model::OPERATOR_URL;
use crate::rules::visit::PROFILE_PS;

/// The regulator who booked.
///
/// ```
/// use int_r03::build::Operator;
/// let by_uuid = Operator::Technical("5f1c2a9e-8d4b-4e1a-9c3f-7b2d6e0a1f43".into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operator {
    /// Its national identifier (IDNPS, prefixed).
    National(String),
    /// Its SAS technical identifier (INTRN, UUID).
    Technical(String),
}

/// The data of one FrAppointmentSAS (PS/CPTS).
///
/// ```
/// use int_r03::build::{AppointmentBody, Operator};
/// let body = AppointmentBody {
///     system: "urn:oid:1.2.250.1.999.42.1".into(),
///     value: "rdv-1".into(),
///     operator: Operator::Technical("5f1c2a9e-8d4b-4e1a-9c3f-7b2d6e0a1f43".into()),
///     practitioner: "810002909371".into(),
///     status: "cancelled".into(),
///     start: "2026-11-27T14:00:00+01:00".into(),
///     end: "2026-11-27T14:15:00+01:00".into(),
///     created: None,
/// };
/// assert!(body.to_json().contains(r#""status":"cancelled""#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentBody {
    /// `identifier.system`: the vendor's OID or URL.
    pub system: String,
    /// `identifier.value`: the vendor's technical id.
    pub value: String,
    /// The regulator who booked.
    pub operator: Operator,
    /// The practitioner's IDNPS (8 + RPPS or 0 + ADELI).
    pub practitioner: String,
    /// `status` (booked, fulfilled, noshow, cancelled).
    pub status: String,
    /// `start` (instant).
    pub start: String,
    /// `end` (instant).
    pub end: String,
    /// `created` (dateTime; must-support in 1.2.0).
    pub created: Option<String>,
}

fn identifier(code: &str, system: &str, value: &str) -> Value {
    json!({"type": {"coding": [{"system": SYSTEM_FR_V2_0203, "code": code}]}, "system": system, "value": value})
}

impl AppointmentBody {
    /// The body as FHIR JSON.
    pub fn to_json(&self) -> String {
        let operator = match &self.operator {
            Operator::National(v) => identifier("IDNPS", OID_IDNPS, v),
            Operator::Technical(v) => identifier("INTRN", OID_SAS_INTRN, v),
        };
        let mut body = json!({
            "resourceType": "Appointment",
            "meta": {"profile": [PROFILE_PS]},
            "extension": [{"url": OPERATOR_URL, "valueReference": {"identifier": operator}}],
            "identifier": [{"system": self.system, "value": self.value}],
            "status": self.status,
            "start": self.start,
            "end": self.end,
            "participant": [{"actor": {"identifier": identifier("IDNPS", OID_IDNPS, &self.practitioner)}, "status": "accepted"}],
        });
        if let (Some(c), Some(o)) = (&self.created, body.as_object_mut()) {
            o.insert("created".into(), json!(c));
        }
        body.to_string()
    }
}
