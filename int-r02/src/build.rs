//! Building what the SAS sends: a FrPractitionerRegul account (the request
//! line is [`crate::request::PractitionerRequest`]).
//!
//! ```
//! use int_r02::build::Account;
//! let account = Account {
//!     national: Some("810101215225".into()),
//!     technical: None,
//!     active: true,
//!     family: "MARTIN".into(),
//!     given: "Claire".into(),
//!     email: "claire.martin@exemple-sas.fr".into(),
//! };
//! let report = int_r02::validate_body(&account.to_json(), &Default::default()).unwrap();
//! assert!(report.findings.is_empty(), "{:?}", report.findings);
//! ```

use fr_fhir_core::vocab::systems::{OID_IDNPS, OID_SAS_INTRN, SYSTEM_FR_V2_0203};
use serde_json::json;

use crate::rules::visit::PROFILE;

/// The data of one regulator account.
///
/// ```
/// use int_r02::build::Account;
/// let withdrawn = Account {
///     national: None,
///     technical: Some("5f1c2a9e-8d4b-4e1a-9c3f-7b2d6e0a1f43".into()),
///     active: false,
///     family: "MARTIN".into(),
///     given: "Claire".into(),
///     email: "claire.martin@exemple-sas.fr".into(),
/// };
/// assert!(withdrawn.to_json().contains(r#""active":false"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// National identifier (IDNPS, prefixed), if any.
    pub national: Option<String>,
    /// SAS technical identifier (UUID), if any.
    pub technical: Option<String>,
    /// Enabled (false: the account is withdrawn).
    pub active: bool,
    /// `name.family`.
    pub family: String,
    /// `name.given` (exactly one).
    pub given: String,
    /// The e-mail address.
    pub email: String,
}

impl Account {
    /// The account as FHIR JSON.
    pub fn to_json(&self) -> String {
        let id = |code: &str, system: &str, value: &str| json!({"type": {"coding": [{"system": SYSTEM_FR_V2_0203, "code": code}]}, "system": system, "value": value});
        let mut identifiers = Vec::new();
        if let Some(v) = &self.national {
            identifiers.push(id("IDNPS", OID_IDNPS, v));
        }
        if let Some(v) = &self.technical {
            identifiers.push(id("INTRN", OID_SAS_INTRN, v));
        }
        json!({
            "resourceType": "Practitioner",
            "meta": {"source": OID_SAS_INTRN, "profile": [PROFILE]},
            "identifier": identifiers,
            "active": self.active,
            "name": [{"family": self.family, "given": [self.given]}],
            "telecom": [{"system": "email", "value": self.email}],
        })
        .to_string()
    }
}
