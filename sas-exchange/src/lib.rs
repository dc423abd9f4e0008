//! What the SAS flow packs share, and nothing of any one flow: the FHIR
//! write requests of INT_R02 and INT_R03 (`POST [base]/Type`,
//! `PUT [base]/Type?identifier=system|value`), the names of the exchange
//! parts their findings point at, and the reading of a `Location` header.
//!
//! A leaf: the packs (`int-r02`, `int-r03`) depend on it and on
//! fr-fhir-core only; the capture layer (`int-ro1`: HAR reader, router,
//! locator) maps the part names to places in a HAR file.

pub mod location;
pub mod parts;
pub mod write;

use fr_fhir_core::finding::{Finding, Message, RuleMeta, Severity};

/// A finding on one part of the exchange (`parts::STATUS`, ...).
///
/// ```
/// use fr_fhir_core::finding::{Message, Severity, Target};
/// # use fr_fhir_core::rules::oo::ro1_oo_004::RULE;
/// let f = sas_exchange::exchange_finding(&RULE, Severity::Warning, sas_exchange::parts::STATUS, Message::new("fr", "en"));
/// assert!(matches!(f.target, Target::Exchange { ref part } if part == "response.status"));
/// ```
pub fn exchange_finding(
    rule: &'static RuleMeta,
    severity: Severity,
    part: &'static str,
    message: Message,
) -> Finding {
    Finding::exchange(rule, part, message).with_severity(severity)
}

/// True for the canonical UUID text form `8-4-4-4-12` hexadecimal digits
/// (the SAS technical identifiers, `urn:oid:1.2.250.1.213.3.6`).
///
/// ```
/// assert!(sas_exchange::is_uuid("1ef1c748-01a3-6180-b098-73283ce4e5b1"));
/// assert!(!sas_exchange::is_uuid("1ef1c748-01a3-6180-b098-73283ce4e5b"));
/// assert!(!sas_exchange::is_uuid("1ef1c748x01a3-6180-b098-73283ce4e5b1"));
/// ```
pub fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}
