//! RO1-HTTP-*: the HTTP exchange.

use std::borrow::Cow;

use fr_fhir_core::finding::{Finding, Message, RuleMeta, Severity, Target};

pub mod ro1_http_001;
pub mod ro1_http_002;
pub mod ro1_http_003;
pub mod ro1_http_004;
pub mod ro1_http_005;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_http_001::RULE,
    &ro1_http_002::RULE,
    &ro1_http_003::RULE,
    &ro1_http_004::RULE,
    &ro1_http_005::RULE,
];

/// A finding on one part of the exchange (status, header, body, timing),
/// named by [`crate::exchange::parts`].
pub(crate) fn exchange_finding(
    rule: &'static RuleMeta,
    severity: Severity,
    part: &'static str,
    message: Message,
) -> Finding {
    Finding {
        rule,
        severity,
        target: Target::Exchange { part: Cow::Borrowed(part) },
        message,
        resolved: None,
        cause: None,
    }
}
