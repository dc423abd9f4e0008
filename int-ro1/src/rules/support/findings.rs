//! The findings that point at the exchange or into the captured request
//! rather than into the body (the body ones are `Finding::body`).

use std::borrow::Cow;

use fr_fhir_core::finding::{Finding, Message, RuleMeta, Severity, Target};
use fr_fhir_core::json::Span;

/// A finding on one part of the exchange (method, header, status, body,
/// timing), named by [`crate::exchange::parts`] or the request's part names.
pub(crate) fn exchange(
    rule: &'static RuleMeta,
    severity: Severity,
    part: &'static str,
    message: Message,
) -> Finding {
    Finding::exchange(rule, part, message).with_severity(severity)
}

/// A finding at `span` in the captured query, on parameter `param` (empty
/// for the path or the URL outside any parameter).
pub(crate) fn request(
    rule: &'static RuleMeta,
    severity: Severity,
    span: Span,
    param: &str,
    message: Message,
) -> Finding {
    Finding {
        rule,
        severity,
        target: Target::Request { span, param: Cow::Owned(param.to_owned()) },
        message,
        resolved: None,
        cause: None,
        source: None,
    }
}
