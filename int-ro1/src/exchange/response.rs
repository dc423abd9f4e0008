//! The response contract (SPEC §1.1, §5, §6): status line against body,
//! Content-Type, response time. Visits the status, the media type and the
//! timing of the captured response and calls the checks of RO1-HTTP-001…005
//! and RO1-OO-001 in their rule files.
//!
//! One defect, one rule: RO1-HTTP-004 says the body cannot be used as a
//! FHIR resource at all; RO1-HTTP-001 that a success did not bring a
//! Bundle; RO1-OO-001 that a failure did not bring an OperationOutcome;
//! RO1-HTTP-002 that the status code itself is not one of the contract.
//!
//! The one check with its text here is RO1-SLOT-017's on the exchange (an
//! unreadable `startedDateTime`): its rule file is in fr-fhir-core, which
//! cannot name the exchange parts, and no other int-ro1 rule shares it, so it
//! has no rule file or support file of this crate to go to.

use super::parts;

use crate::rules::http::ro1_http_001;
use crate::rules::http::ro1_http_002;
use crate::rules::http::ro1_http_003;
use crate::rules::http::ro1_http_004;
use crate::rules::http::ro1_http_005;
use crate::rules::oo::ro1_oo_001;
use crate::rules::support::findings;
use fr_fhir_core::finding::{Finding, Message, Severity};
use fr_fhir_core::rules::slot::ro1_slot_017;

pub use crate::rules::http::ro1_http_005::{KIT_TIME_MS, MAX_TIME_MS};

/// What the body turned out to be, for the status rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyKind<'b> {
    /// Not usable as JSON (already reported by RO1-HTTP-004).
    Unusable,
    /// JSON with this `resourceType` (empty when it has none).
    Resource(&'b str),
}

/// RO1-HTTP-001, -002, -004 (JSON without `resourceType`) and RO1-OO-001.
pub(crate) fn check_status(status: u16, body: BodyKind<'_>, out: &mut Vec<Finding>) {
    let rt = match body {
        BodyKind::Resource(rt) => Some(rt),
        BodyKind::Unusable => None,
    };
    // Each status class concerns at most two of them, in this order: the code
    // (HTTP-002) before the body (HTTP-001/004), the 404 hint (HTTP-001)
    // before the body (OO-001).
    ro1_http_002::check(status, out);
    ro1_http_001::check(status, rt, out);
    ro1_http_004::check(status, rt, out);
    ro1_oo_001::check(status, rt, out);
}

/// RO1-HTTP-003 on the response media type. `content_type` is `None` when
/// the response has no such header.
pub(crate) fn check_content_type(content_type: Option<&str>, out: &mut Vec<Finding>) {
    ro1_http_003::check(content_type, out);
}

/// The HAR `startedDateTime` (`raw`, as written in the file, quotes
/// included) does not parse: without the capture moment RO1-SLOT-017 (slots
/// already started) cannot be checked. Said once, as information, instead of
/// skipping the rule without a word.
pub(crate) fn unreadable_capture_time(raw: &str, out: &mut Vec<Finding>) {
    const MAX: usize = 60;
    let shown: String = raw.chars().take(MAX).collect();
    let cut = if raw.chars().count() > MAX { "…" } else { "" };
    out.push(findings::exchange(
        &ro1_slot_017::RULE,
        Severity::Information,
        parts::STARTED,
        Message::new(
            format!(
                "startedDateTime {shown}{cut} n'est pas une date RFC 3339 : moment de la capture inconnu, les créneaux déjà commencés ne sont pas vérifiés (le donner avec --now)"
            ),
            format!(
                "startedDateTime {shown}{cut} is not an RFC 3339 date: the capture moment is unknown, slots already started are not checked (give it with --now)"
            ),
        ),
    ));
}

/// RO1-HTTP-005 on the response time.
pub(crate) fn check_time(time_ms: f64, out: &mut Vec<Finding>) {
    ro1_http_005::check(time_ms, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(code: u16, body: BodyKind<'_>) -> Vec<(&'static str, Severity)> {
        let mut out = Vec::new();
        check_status(code, body, &mut out);
        out.iter().map(|f| (f.rule.id, f.severity)).collect()
    }

    #[test]
    fn http_001_success_needs_a_bundle() {
        assert_eq!(status(200, BodyKind::Resource("Bundle")), []);
        assert_eq!(
            status(200, BodyKind::Resource("OperationOutcome")),
            [("RO1-HTTP-001", Severity::Error)]
        );
        assert_eq!(status(200, BodyKind::Resource("Slot")), [("RO1-HTTP-001", Severity::Error)]);
        assert_eq!(
            status(404, BodyKind::Resource("OperationOutcome")),
            [("RO1-HTTP-001", Severity::Information)]
        );
    }

    #[test]
    fn http_002_status_codes() {
        assert_eq!(status(400, BodyKind::Resource("OperationOutcome")), []);
        assert_eq!(status(503, BodyKind::Unusable), []);
        for code in [0, 101, 201, 204, 302, 304, 600] {
            assert!(
                status(code, BodyKind::Resource("Bundle"))
                    .contains(&("RO1-HTTP-002", Severity::Error)),
                "{code}"
            );
        }
    }

    #[test]
    fn http_004_and_oo_001_resource_type_against_status() {
        assert_eq!(status(200, BodyKind::Resource("")), [("RO1-HTTP-004", Severity::Error)]);
        assert_eq!(status(500, BodyKind::Resource("Bundle")), [("RO1-OO-001", Severity::Error)]);
        assert_eq!(status(422, BodyKind::Resource("")), [("RO1-OO-001", Severity::Error)]);
    }
}
