//! The response contract (SPEC §1.1, §5, §6): status line against body,
//! Content-Type, response time. RO1-HTTP-001…005 and RO1-OO-001.
//!
//! One defect, one rule: RO1-HTTP-004 says the body cannot be used as a
//! FHIR resource at all; RO1-HTTP-001 that a success did not bring a
//! Bundle; RO1-OO-001 that a failure did not bring an OperationOutcome;
//! RO1-HTTP-002 that the status code itself is not one of the contract.

use std::borrow::Cow;

use crate::rules::http::ro1_http_001;
use crate::rules::http::ro1_http_002;
use crate::rules::http::ro1_http_003;
use crate::rules::http::ro1_http_004;
use crate::rules::http::ro1_http_005;
use crate::rules::oo::ro1_oo_001;
use fr_fhir_core::finding::{Finding, Message, RuleMeta, Severity, Target};
use fr_fhir_core::rules::slot::ro1_slot_017;

/// Part names of exchange-level findings; they double as the expression
/// shown to users.
pub mod parts {
    /// The request URL.
    pub const URL: &str = "request.url";
    /// The response status code.
    pub const STATUS: &str = "response.status";
    /// The response `Content-Type` header.
    pub const CONTENT_TYPE: &str = "response.headers.Content-Type";
    /// The response body as a whole.
    pub const BODY: &str = "response.body";
    /// The capture timing.
    pub const TIME: &str = "time";
    /// The capture moment.
    pub const STARTED: &str = "startedDateTime";
}

/// IG threshold (annexes, "Performance attendue"), in milliseconds.
pub const MAX_TIME_MS: f64 = 7000.0;
/// The official kit's threshold for one practitioner (AMB-16), in milliseconds.
pub const KIT_TIME_MS: f64 = 1000.0;

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
    let push = |out: &mut Vec<Finding>, rule, sev, part, fr: String, en: String| {
        out.push(exchange_finding(rule, sev, part, Message::new(fr, en)));
    };
    let error = Severity::Error;
    match status {
        200..=299 => {
            if status != 200 {
                push(
                    out,
                    &ro1_http_002::RULE,
                    error,
                    parts::STATUS,
                    format!(
                        "statut HTTP {status} : une recherche aboutie répond 200 avec un Bundle searchset"
                    ),
                    format!(
                        "HTTP status {status}: a successful search answers 200 with a searchset Bundle"
                    ),
                );
            }
            match rt {
                Some("Bundle") | None => {}
                Some("") => push(
                    out,
                    &ro1_http_004::RULE,
                    error,
                    parts::BODY,
                    format!(
                        "réponse {status} : le corps JSON n'a pas de `resourceType`, attendu `Bundle`"
                    ),
                    format!(
                        "{status} response: the JSON body has no `resourceType`, expected `Bundle`"
                    ),
                ),
                Some("OperationOutcome") => push(
                    out,
                    &ro1_http_001::RULE,
                    error,
                    parts::BODY,
                    format!(
                        "réponse {status} avec un OperationOutcome : un échec se signale par un statut 4xx/5xx, un résultat vide par 200 et un Bundle de total 0"
                    ),
                    format!(
                        "{status} response carrying an OperationOutcome: a failure takes a 4xx/5xx status, an empty result is 200 with a Bundle of total 0"
                    ),
                ),
                Some(other) => push(
                    out,
                    &ro1_http_001::RULE,
                    error,
                    parts::BODY,
                    format!(
                        "réponse {status} avec une ressource `{other}`, attendu un Bundle searchset"
                    ),
                    format!(
                        "{status} response carrying a `{other}` resource, expected a searchset Bundle"
                    ),
                ),
            }
        }
        400..=599 => {
            if status == 404 {
                push(
                    out,
                    &ro1_http_001::RULE,
                    Severity::Information,
                    parts::STATUS,
                    "statut 404 : si la recherche n'a rien trouvé (praticien inconnu, aucun créneau), la réponse attendue est 200 avec un Bundle de total 0".into(),
                    "status 404: when the search found nothing (unknown practitioner, no slot) the expected answer is 200 with a Bundle of total 0".into(),
                );
            }
            match rt {
                Some("OperationOutcome") | None => {}
                Some("") => push(
                    out,
                    &ro1_oo_001::RULE,
                    error,
                    parts::BODY,
                    format!(
                        "réponse {status} : le corps JSON n'a pas de `resourceType`, attendu `OperationOutcome`"
                    ),
                    format!(
                        "{status} response: the JSON body has no `resourceType`, expected `OperationOutcome`"
                    ),
                ),
                Some(other) => push(
                    out,
                    &ro1_oo_001::RULE,
                    error,
                    parts::BODY,
                    format!(
                        "réponse {status} avec une ressource `{other}`, attendu un OperationOutcome"
                    ),
                    format!(
                        "{status} response carrying a `{other}` resource, expected an OperationOutcome"
                    ),
                ),
            }
        }
        0 => push(
            out,
            &ro1_http_002::RULE,
            error,
            parts::STATUS,
            "statut 0 : aucune réponse n'a été reçue (requête interrompue, erreur réseau ou TLS)"
                .into(),
            "status 0: no response was received (aborted request, network or TLS error)".into(),
        ),
        _ => push(
            out,
            &ro1_http_002::RULE,
            error,
            parts::STATUS,
            format!(
                "statut HTTP {status} : attendu 200 (succès) ou 4xx/5xx avec un OperationOutcome (échec)"
            ),
            format!(
                "HTTP status {status}: expected 200 (success) or 4xx/5xx with an OperationOutcome (failure)"
            ),
        ),
    }
}

/// RO1-HTTP-003 on the response media type: `application/fhir+json` with
/// `charset=utf-8`; other JSON types and a missing charset are warnings.
///
/// `content_type` is `None` when the response has no such header.
pub(crate) fn check_content_type(content_type: Option<&str>, out: &mut Vec<Finding>) {
    let rule = &ro1_http_003::RULE;
    let Some(ct) = content_type else {
        out.push(exchange_finding(
            rule,
            Severity::Error,
            parts::CONTENT_TYPE,
            Message::new(
                "en-tête Content-Type absent, attendu `application/fhir+json; charset=utf-8`",
                "no Content-Type header, expected `application/fhir+json; charset=utf-8`",
            ),
        ));
        return;
    };
    let mut items = ct.split(';');
    let media = items.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = items.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches('"').to_owned())
    });
    // `application/json+fhir` is the legacy FHIR type the IG itself shows (AMB-27).
    let json_like =
        media == "application/json" || media == "application/json+fhir" || media.ends_with("+json");
    if media != "application/fhir+json" {
        let (severity, fr, en) = if json_like {
            (
                Severity::Warning,
                format!(
                    "Content-Type `{ct}` : type JSON accepté, mais `application/fhir+json` est attendu"
                ),
                format!(
                    "Content-Type `{ct}`: a JSON type, but `application/fhir+json` is expected"
                ),
            )
        } else {
            (
                Severity::Error,
                format!(
                    "Content-Type `{ct}` : ce n'est pas du JSON, attendu `application/fhir+json`"
                ),
                format!("Content-Type `{ct}` is not JSON, expected `application/fhir+json`"),
            )
        };
        out.push(exchange_finding(rule, severity, parts::CONTENT_TYPE, Message::new(fr, en)));
        if !json_like {
            return;
        }
    }
    match charset {
        None => out.push(exchange_finding(
            rule,
            Severity::Warning,
            parts::CONTENT_TYPE,
            Message::new(
                format!("Content-Type `{ct}` sans `charset` : attendu `charset=utf-8`"),
                format!("Content-Type `{ct}` has no `charset`: expected `charset=utf-8`"),
            ),
        )),
        Some(cs) if !cs.eq_ignore_ascii_case("utf-8") && !cs.eq_ignore_ascii_case("utf8") => {
            out.push(exchange_finding(
                rule,
                Severity::Error,
                parts::CONTENT_TYPE,
                Message::new(
                    format!("jeu de caractères `{cs}`, attendu `utf-8`"),
                    format!("character set `{cs}`, expected `utf-8`"),
                ),
            ));
        }
        Some(_) => {}
    }
}

/// The HAR `startedDateTime` (`raw`, as written in the file, quotes
/// included) does not parse: without the capture moment RO1-SLOT-017 (slots
/// already started) cannot be checked. Said once, as information, instead of
/// skipping the rule without a word.
pub(crate) fn unreadable_capture_time(raw: &str, out: &mut Vec<Finding>) {
    const MAX: usize = 60;
    let shown: String = raw.chars().take(MAX).collect();
    let cut = if raw.chars().count() > MAX { "…" } else { "" };
    out.push(exchange_finding(
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

/// RO1-HTTP-005: above 7 s an error, above the kit's 1 s an information.
pub(crate) fn check_time(time_ms: f64, out: &mut Vec<Finding>) {
    // HAR writes -1 for an unknown time.
    if !time_ms.is_finite() || time_ms < 0.0 {
        return;
    }
    let secs = time_ms / 1000.0;
    let rule = &ro1_http_005::RULE;
    if time_ms > MAX_TIME_MS {
        out.push(exchange_finding(
            rule,
            Severity::Error,
            parts::TIME,
            Message::new(
                format!("réponse en {secs:.2} s, au-delà des 7 s après lesquelles SAS l'abandonne"),
                format!("answer in {secs:.2} s, beyond the 7 s after which SAS drops it"),
            ),
        ));
    } else if time_ms > KIT_TIME_MS {
        out.push(exchange_finding(
            rule,
            Severity::Information,
            parts::TIME,
            Message::new(
                format!(
                    "réponse en {secs:.2} s : dans les 7 s du guide, mais le test de performance du kit officiel exige moins de 1 s pour un praticien"
                ),
                format!(
                    "answer in {secs:.2} s: within the IG's 7 s, but the official kit's performance test demands under 1 s for one practitioner"
                ),
            ),
        ));
    }
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

    fn content_type(ct: Option<&str>) -> Vec<Severity> {
        let mut out = Vec::new();
        check_content_type(ct, &mut out);
        assert!(out.iter().all(|f| f.rule.id == "RO1-HTTP-003"));
        out.iter().map(|f| f.severity).collect()
    }

    #[test]
    fn http_003_media_type_and_charset() {
        assert_eq!(content_type(Some("application/fhir+json;charset=utf-8")), []);
        assert_eq!(content_type(Some("Application/FHIR+JSON; charset=\"UTF-8\"")), []);
        assert_eq!(content_type(Some("application/fhir+json")), [Severity::Warning]);
        assert_eq!(content_type(Some("application/json")), [Severity::Warning, Severity::Warning]);
        assert_eq!(content_type(Some("application/json+fhir; charset=utf-8")), [Severity::Warning]);
        assert_eq!(content_type(Some("text/html; charset=utf-8")), [Severity::Error]);
        assert_eq!(content_type(Some("application/fhir+xml")), [Severity::Error]);
        assert_eq!(
            content_type(Some("application/fhir+json; charset=iso-8859-1")),
            [Severity::Error]
        );
        assert_eq!(content_type(None), [Severity::Error]);
    }

    #[test]
    fn http_005_thresholds() {
        let run = |ms: f64| {
            let mut out = Vec::new();
            check_time(ms, &mut out);
            out.iter().map(|f| f.severity).collect::<Vec<_>>()
        };
        assert_eq!(run(412.7), []);
        assert_eq!(run(1000.0), []);
        assert_eq!(run(1000.5), [Severity::Information]);
        assert_eq!(run(7000.0), [Severity::Information]);
        assert_eq!(run(7001.0), [Severity::Error]);
        assert_eq!(run(-1.0), []);
        assert_eq!(run(f64::NAN), []);
    }
}
