//! The exchanges of the other SAS flows, handed to their packs: INT_R03
//! (appointments, `int-r03`) and INT_R02 (regulator accounts, `int-r02`).
//! The packs read bodies and judge the exchange; this module gives them
//! what the capture holds and places their findings in the file: FHIRPath
//! inside the body (request or response) with its line:column in the HAR,
//! or the JSON path of the exchange part (`log.entries[4].response.status`).
//!
//! Direction (SPEC §2.9, §2.10): in INT_R03 the vendor sends (its request
//! body is judged, the SAS's answer is context); in INT_R02 the SAS sends
//! (its account says what the vendor must answer: findings on it are
//! information in a capture) and the vendor's answers are judged.

use std::borrow::Cow;

use fr_fhir_core::finding::{Counts, Finding, Message, Resolved, Severity, Target};
use fr_fhir_core::json::{LineIndex, Span};
use fr_fhir_core::rules::{Report, UseCaseSource};

use super::{
    Exchange, ExchangeOptions, ExchangeReport, Locator, RequestFrom, locate_pending, push_located,
};
use crate::flow::Flow;
use crate::rules::body::ro1_body_001;

/// What a capture has seen of the write flows, for the rules over several
/// exchanges (identifiers created, in file order).
///
/// ```
/// use int_ro1::exchange::Session;
/// // One per capture: `int_ro1::har::validate_har` keeps it across exchanges.
/// let session = Session::default();
/// ```
#[derive(Debug, Default)]
pub struct Session {
    appointments: int_r03::exchange::Ledger,
    accounts: int_r02::exchange::Accounts,
}

/// Which body a pack report is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    Response,
}

/// A body read by a pack: its report, or the fatal finding of a body that
/// is not a resource (as an exchange-part finding).
enum Read {
    Report(Report),
    Unusable(Finding),
    Absent,
}

fn unusable_on(part: &'static str, mut f: Finding) -> Finding {
    f.target = Target::Exchange { part: Cow::Borrowed(part) };
    f.resolved = None;
    f
}

fn read_body(
    text: Option<&str>,
    part: &'static str,
    run: impl FnOnce(&str) -> Result<Report, fr_fhir_core::json::JsonError>,
) -> Read {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else { return Read::Absent };
    if let Some(f) = ro1_body_001::not_a_resource(text) {
        return Read::Unusable(unusable_on(part, f));
    }
    match run(text) {
        Ok(r) => Read::Report(r),
        Err(e) => Read::Unusable(unusable_on(part, ro1_body_001::not_json(text, &e))),
    }
}

/// The report of one exchange of `flow` (appointments or regulator accounts).
pub(super) fn run(
    ex: &Exchange<'_>,
    file_src: &str,
    opts: &ExchangeOptions,
    index: usize,
    lines: &mut LineIndex,
    session: &mut Session,
    flow: Flow,
) -> ExchangeReport {
    let mut rules = opts.rules.clone();
    if rules.now.is_none() {
        rules.now = ex.started.map(|t| t.to_utc());
    }
    let method = ex.method.as_deref().unwrap_or("");
    let url = ex.url.as_deref().unwrap_or("");
    // A plain body file of these flows is the body that is sent.
    let plain = ex.url.is_none();
    let req_text = if plain { Some(ex.body.as_ref()) } else { ex.request_body.as_deref() };
    let mut exchange_findings = Vec::new();
    let (request, response) = match flow {
        Flow::Appointments => {
            let request = read_body(req_text, sas_exchange::parts::REQUEST_BODY, |t| {
                if rules.base_only {
                    return base_only(t, &rules);
                }
                int_r03::validate_body(t, &rules, opts.ig_version)
            });
            if matches!(request, Read::Absent) {
                exchange_findings.push(missing_request_body(&ro1_body_001::RULE));
            }
            let usable = matches!(request, Read::Report(_)).then_some(req_text).flatten();
            if !plain && !rules.base_only {
                let call = int_r03::exchange::Call { method, url, status: ex.status, body: usable };
                int_r03::exchange::check(&call, &mut session.appointments, &mut exchange_findings);
            }
            (request, Read::Absent)
        }
        _ => {
            let request = read_body(req_text, sas_exchange::parts::REQUEST_BODY, |t| {
                if rules.base_only {
                    return base_only(t, &rules);
                }
                int_r02::validate_body(t, &rules)
            });
            let problem = ex.har.as_ref().and_then(|h| h.body_problem.clone()).filter(|_| {
                // A capture without the body of a success (201 with no content) is normal.
                ex.status.is_some_and(|s| s >= 400)
            });
            let response = match problem {
                _ if plain => Read::Absent,
                Some(m) => Read::Unusable(unusable_on(
                    sas_exchange::parts::RESPONSE_BODY,
                    ro1_body_001::unusable(Span::default(), m),
                )),
                None => read_body(Some(&ex.body), sas_exchange::parts::RESPONSE_BODY, |t| {
                    if rules.base_only {
                        return base_only(t, &rules);
                    }
                    int_r02::validate_body(t, &rules)
                }),
            };
            let request_invalid = match &request {
                Read::Report(r) => r.has(Severity::Error),
                Read::Unusable(_) => true,
                Read::Absent => false,
            };
            let response_type = match &response {
                Read::Report(r) => Some(r.subject.resource_type.as_str()),
                _ => None,
            };
            let answer = int_r02::exchange::Answer {
                method,
                url,
                status: ex.status,
                location: ex.response_header("Location"),
                request_body: matches!(request, Read::Report(_)).then_some(req_text).flatten(),
                request_invalid,
                response_type,
                response_unusable: matches!(response, Read::Unusable(_)),
            };
            if !plain && !rules.base_only {
                int_r02::exchange::check(&answer, &mut session.accounts, &mut exchange_findings);
            }
            (request, response)
        }
    };

    // In a capture, the account is the SAS's: its defects say why the vendor
    // must refuse it, they are not the vendor's.
    let sas_sends = flow == Flow::RegulatorAccounts && ex.url.is_some();
    let loc = Locator { ex, file_src, from: RequestFrom::Exchange, index, query: None };
    let (mut all, mut pending) = (Vec::new(), Vec::new());
    let mut subject_type = String::new();
    // What the engine did not store (beyond its cap) or was told to ignore.
    let (mut dropped, mut ignored) = (Counts::default(), 0u64);
    for (side, read) in [(Side::Request, request), (Side::Response, response)] {
        match read {
            Read::Absent => {}
            Read::Unusable(f) => {
                // The SAS's unreadable account is the SAS's defect: information.
                let f = if side == Side::Request && sas_sends { soften(f) } else { f };
                let off = loc.exchange_offset(&f);
                push_located(&mut all, &mut pending, f, |f| loc.expression(f), off);
            }
            Read::Report(r) => {
                dropped.merge(&r.dropped);
                ignored += r.ignored;
                let keep_type = (side == Side::Request) == (flow == Flow::Appointments);
                if keep_type || subject_type.is_empty() {
                    subject_type = r.subject.resource_type.clone();
                }
                // An account the vendor echoes back is not specified by the
                // IG: what it lacks is said as a warning, not an error.
                let echoed = side == Side::Response && r.subject.resource_type == "Practitioner";
                for f in r.findings {
                    let f = if side == Side::Request && sas_sends { soften(f) } else { f };
                    let f = if echoed { echo(f) } else { f };
                    place_body_finding(&loc, side, f, &mut all, &mut pending);
                }
            }
        }
    }
    for f in exchange_findings {
        let off = loc.exchange_offset(&f);
        push_located(&mut all, &mut pending, f, |f| loc.expression(f), off);
    }
    locate_pending(&mut all, pending, lines, file_src);

    let mut report = ExchangeReport::of_findings(index, Vec::new());
    report.dropped = dropped;
    report.ignored = ignored;
    super::cap(&mut all, opts, &mut report);
    report.findings = all;
    report.subject.method = ex.method.as_ref().map(|m| m.to_string());
    report.subject.url = ex.url.as_ref().map(|u| u.to_string());
    report.subject.status = ex.status;
    report.subject.resource_type = subject_type;
    if let Some(uc) = flow.use_case() {
        report.subject.use_case = uc;
        // The request line, else `--flow`, else the body's type and profile.
        report.subject.use_case_source = match (ex.url.is_some(), opts.flow.is_some()) {
            (true, _) => UseCaseSource::Request,
            (false, true) => UseCaseSource::Option,
            (false, false) => UseCaseSource::Profile,
        };
    }
    report
}

/// `--base`: base FHIR R4 only, no SAS rule (nor the exchange's).
fn base_only(
    text: &str,
    rules: &fr_fhir_core::rules::Options,
) -> Result<Report, fr_fhir_core::json::JsonError> {
    fr_fhir_core::engine::run(text, rules, &fr_fhir_core::rules::STANDALONE, &mut [])
}

/// A request without a body where the flow sends one.
fn missing_request_body(rule: &'static fr_fhir_core::finding::RuleMeta) -> Finding {
    sas_exchange::exchange_finding(
        rule,
        Severity::Fatal,
        sas_exchange::parts::REQUEST_BODY,
        Message::new(
            "requête sans corps : la capture ne contient pas le rendez-vous envoyé (`request.postData.text` absent ou vide)",
            "request without body: the capture does not hold the appointment sent (`request.postData.text` absent or empty)",
        ),
    )
}

/// A finding on the account the SAS sent, said as information.
fn soften(mut f: Finding) -> Finding {
    if f.severity > Severity::Information {
        f.severity = Severity::Information;
        f.message = Message::new(
            format!("compte envoyé par le SAS : {}", f.message.fr),
            format!("account sent by the SAS: {}", f.message.en),
        );
    }
    f
}

/// A finding on the account a vendor's answer carries, said as a warning.
fn echo(mut f: Finding) -> Finding {
    if f.severity == Severity::Error {
        f.severity = Severity::Warning;
        f.message = Message::new(
            format!("compte renvoyé par l'éditeur : {}", f.message.fr),
            format!("account returned by the vendor: {}", f.message.en),
        );
    }
    f
}

/// A body finding: its FHIRPath is kept; in a HAR file, its line:column is
/// found through the escape map of the body's JSON string.
fn place_body_finding(
    loc: &Locator<'_, '_>,
    side: Side,
    f: Finding,
    all: &mut Vec<Finding>,
    pending: &mut Vec<(usize, usize)>,
) {
    let Some(h) = loc.ex.har.as_ref() else {
        // A plain exchange: the engine's locations are in the body itself.
        all.push(f);
        return;
    };
    let at = match &f.target {
        Target::Body { span, .. } => span.start as usize,
        _ => 0,
    };
    let off = match side {
        Side::Response => loc.body_to_file(at),
        Side::Request => h.request_text.as_ref().map(|(span, escapes)| {
            let start = span.start.saturating_add(1);
            let inner = Span::new(start, span.end.saturating_sub(1).max(start));
            let raw = inner.slice(loc.file_src).unwrap_or("");
            let at32 = u32::try_from(at).unwrap_or(u32::MAX);
            start.saturating_add(escapes.raw_offset(raw, at32)) as usize
        }),
    };
    let expression = f.resolved.as_ref().map(|r| r.expression.clone()).unwrap_or_default();
    let mut f = f;
    f.resolved =
        Some(Resolved { expression: expression.clone(), line: 0, column: 0, offset: None });
    push_located(all, pending, f, |_| expression.clone(), off);
}

/// The flow of a plain body file: `--flow`, else its `resourceType` and
/// `meta.profile`.
pub(super) fn plain_flow(body: &str, opts: &ExchangeOptions) -> Flow {
    if let Some(f) = opts.flow {
        return f;
    }
    let mut r = fr_fhir_core::json::Reader::new(body);
    if r.peek().ok() != Some(fr_fhir_core::json::Kind::Object) {
        return Flow::SlotSearch;
    }
    let mut regul = false;
    let rtype = fr_fhir_core::model::sniff_type_and_profiles(body, 0, |p| {
        regul |= p.as_str() == int_r02::rules::visit::PROFILE;
    });
    match rtype.as_deref() {
        Some("Appointment") => Flow::Appointments,
        Some("Practitioner") if regul => Flow::RegulatorAccounts,
        _ => Flow::SlotSearch,
    }
}
