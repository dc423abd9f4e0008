//! One request/response pair as a validation unit: the response body run
//! through the SAS profile rules together with the rules that need the
//! request (RO1-WIN, PRACT-005, REF-005, SOS-005, BUNDLE-005; RO1-SLOT-017
//! through the capture time given to the body rules),
//! then the request rules (RO1-REQ) and the response contract (RO1-HTTP,
//! RO1-OO-001).
//!
//! Every finding comes back resolved: a FHIRPath into the body, or an
//! expression naming the part of the exchange (`request.query.start`,
//! `response.status`, `time`...), and the line and column in the file the
//! exchange was read from (for a HAR file, in the HAR file itself).
//!
//! ```
//! use int_ro1::exchange::{ExchangeOptions, validate_body};
//! let body = r#"{"resourceType":"Bundle","type":"searchset","total":0,
//!   "link":[{"relation":"self","url":"https://h/fhir/Slot?status=free"}]}"#;
//! let report = validate_body(body, &ExchangeOptions::default());
//! assert_eq!(report.subject.resource_type, "Bundle");
//! assert!(report.unusable().is_none());
//! // The request was taken from the self link, and that is said.
//! assert!(report.findings.iter().any(|f| f.rule.id == "RO1-BUNDLE-005"));
//! ```

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset};
use fr_fhir_core::finding::{Counts, Finding, Message, Resolved, Severity, Target};
use fr_fhir_core::json::{LineIndex, Span};
use fr_fhir_core::rules::{Options, Subject, UseCase, UseCaseSource, validate_with};

use crate::flow::Flow;
use crate::har::text::EscapeMap;
use crate::request::SearchRequest;
use crate::request::query::ParsedQuery;
use crate::rules::visit::request::{check_accept, check_method};
pub use int_r03::IgVersion;

mod hook;
mod packs;
pub mod parts;
mod response;

pub use packs::Session;

pub use response::{KIT_TIME_MS, MAX_TIME_MS};

use crate::rules::body::ro1_body_001;
use crate::rules::flow::ro1_flow_002;
use hook::RequestHook;
use response::BodyKind;

/// One request/response pair to validate.
///
/// ```
/// use int_ro1::exchange::{BodyOrigin, Exchange};
/// let mut ex = Exchange::body_only(r#"{"resourceType":"Bundle"}"#, BodyOrigin::File);
/// ex.method = Some("GET".into());
/// ex.url = Some("https://h/fhir/Slot?status=free".into());
/// ex.status = Some(200);
/// ```
#[derive(Debug, Clone)]
pub struct Exchange<'a> {
    /// HTTP method (`GET`).
    pub method: Option<Cow<'a, str>>,
    /// Full request URL (`None` for a bare body file).
    pub url: Option<Cow<'a, str>>,
    /// HTTP status (`None` for a bare body file).
    pub status: Option<u16>,
    /// Request headers, in order.
    pub request_headers: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Response headers, in order.
    pub response_headers: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// The decoded response body (HAR: unescaped or base64-decoded).
    pub body: Cow<'a, str>,
    /// The decoded request body (HAR `request.postData.text`), when captured:
    /// the appointment of INT_R03, the account of INT_R02.
    pub request_body: Option<Cow<'a, str>>,
    /// How body offsets map to the file.
    pub body_origin: BodyOrigin,
    /// HAR `startedDateTime`: the capture time.
    pub started: Option<DateTime<FixedOffset>>,
    /// HAR entry `time`, in milliseconds.
    pub time_ms: Option<f64>,
    /// Where the parts of a HAR entry are in the HAR file, and what the
    /// reader could not decode (`None` when not read from a HAR file).
    pub har: Option<HarInfo<'a>>,
}

impl<'a> Exchange<'a> {
    /// A bare response body, without request or status.
    ///
    /// ```
    /// use int_ro1::exchange::{BodyOrigin, Exchange};
    /// let ex = Exchange::body_only("{}", BodyOrigin::File);
    /// assert!(ex.url.is_none() && ex.status.is_none());
    /// ```
    pub fn body_only(body: impl Into<Cow<'a, str>>, origin: BodyOrigin) -> Self {
        Exchange {
            method: None,
            url: None,
            status: None,
            request_headers: Vec::new(),
            response_headers: Vec::new(),
            body: body.into(),
            request_body: None,
            body_origin: origin,
            started: None,
            time_ms: None,
            har: None,
        }
    }

    /// The first response header called `name` (case-insensitive).
    ///
    /// ```
    /// use int_ro1::exchange::{BodyOrigin, Exchange};
    /// let mut ex = Exchange::body_only("{}", BodyOrigin::File);
    /// ex.response_headers.push(("content-type".into(), "application/fhir+json".into()));
    /// assert_eq!(ex.response_header("Content-Type"), Some("application/fhir+json"));
    /// ```
    pub fn response_header(&self, name: &str) -> Option<&str> {
        header(&self.response_headers, name)
    }

    /// The first request header called `name` (case-insensitive).
    pub fn request_header(&self, name: &str) -> Option<&str> {
        header(&self.request_headers, name)
    }
}

fn header<'h>(headers: &'h [(Cow<'_, str>, Cow<'_, str>)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(n, _)| n.trim().eq_ignore_ascii_case(name)).map(|(_, v)| v.as_ref())
}

/// How offsets in [`Exchange::body`] map to the file it was read from.
///
/// ```
/// use int_ro1::exchange::{BodyOrigin, Exchange};
/// let ex = Exchange::body_only("{}", BodyOrigin::Stdin);
/// assert_eq!(ex.body_origin, BodyOrigin::Stdin);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyOrigin {
    /// The body is the whole file.
    File,
    /// The body is the JSON string at `value_span` (quotes included) of a
    /// HAR file, unescaped; `escapes` maps decoded offsets back.
    HarText {
        /// The `content.text` value in the HAR file.
        value_span: Span,
        /// Decoded → raw offsets inside the string.
        escapes: EscapeMap,
    },
    /// The body was base64 in the HAR file: every finding points at the
    /// start of `content.text`.
    HarBase64 {
        /// The `content.text` value in the HAR file.
        value_span: Span,
    },
    /// The body came from standard input (treated like [`BodyOrigin::File`]).
    Stdin,
}

/// Where the parts of one HAR entry are in the HAR file.
///
/// ```
/// use int_ro1::har::for_each_exchange;
/// let har = r#"{"log":{"entries":[{"request":{"method":"GET","url":"/fhir/Slot"},
///   "response":{"status":200,"content":{"mimeType":"application/fhir+json","text":"{}"}}}]}}"#;
/// for_each_exchange(har, |_, ex| {
///     let info = ex.unwrap().har.unwrap();
///     assert_eq!(info.mime_type.as_deref(), Some("application/fhir+json"));
/// }).unwrap();
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HarInfo<'a> {
    /// The entry object.
    pub entry_span: Span,
    /// `request.method` value.
    pub method_span: Option<Span>,
    /// `request.url` value (quotes included).
    pub url_span: Option<Span>,
    /// Decoded → raw offsets inside the URL string.
    pub url_escapes: EscapeMap,
    /// `request.headers` array.
    pub request_headers_span: Option<Span>,
    /// Length of the request body (`postData.text`, or `bodySize` when positive).
    pub request_body_len: usize,
    /// `response.status` value.
    pub status_span: Option<Span>,
    /// `response.headers` array.
    pub response_headers_span: Option<Span>,
    /// `response.content` object.
    pub content_span: Option<Span>,
    /// `response.content.mimeType`.
    pub mime_type: Option<Cow<'a, str>>,
    /// Entry `time` value.
    pub time_span: Option<Span>,
    /// Entry `startedDateTime` value (quotes included).
    pub started_span: Option<Span>,
    /// Why the body could not be decoded (compressed, not UTF-8, absent...).
    pub body_problem: Option<Message>,
    /// `response.content.mimeType` value.
    pub mime_span: Option<Span>,
    /// Start of the `request.postData` object.
    pub post_data_span: Option<Span>,
    /// `request.postData.text` value (quotes included) and its decoded →
    /// raw offsets map.
    pub request_text: Option<(Span, EscapeMap)>,
    /// Where each of [`Exchange::request_headers`] is in `request.headers`.
    pub request_header_items: Vec<HarItem>,
    /// Where each of [`Exchange::response_headers`] is in `response.headers`.
    pub response_header_items: Vec<HarItem>,
    /// Names of the `request.queryString` pairs, in order.
    pub query_names: Vec<Cow<'a, str>>,
    /// Where each of `query_names` is in `request.queryString`.
    pub query_items: Vec<HarItem>,
    /// The URL had no query: it was rebuilt from `request.queryString`.
    pub url_rebuilt: bool,
}

/// One item of a HAR `[{name, value}]` array (headers, queryString).
///
/// ```
/// use int_ro1::har::for_each_exchange;
/// let har = r#"{"log":{"entries":[{"request":{"method":"GET","url":"/fhir/Slot",
///   "headers":[{"name":"Accept","value":"application/fhir+json"}]},"response":{"status":200}}]}}"#;
/// for_each_exchange(har, |_, ex| {
///     let info = ex.unwrap().har.unwrap();
///     assert_eq!(info.request_header_items[0].index, 0);
/// }).unwrap();
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HarItem {
    /// Position in the array (the `k` of `headers[k]`).
    pub index: u32,
    /// The `{name, value}` object in the HAR file.
    pub span: Span,
}

/// What to validate against.
///
/// ```
/// use int_ro1::ExchangeOptions;
/// // A body file answered to a known search (`sas-validate --request URL body.json`).
/// let opts = ExchangeOptions { request: Some("/fhir/Slot?status=free".into()), ..Default::default() };
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExchangeOptions {
    /// Options of the body rules. `now` defaults to the HAR `startedDateTime`.
    pub rules: Options,
    /// The request URL or query (`--request`), when the exchange has none.
    pub request: Option<String>,
    /// The flow of a plain body file (`--flow`); `None`: told by its
    /// `resourceType` and `meta.profile` (an Appointment is INT_R03, a
    /// FrPractitionerRegul INT_R02, anything else the slot search). The
    /// exchanges of a capture are routed by their request line.
    pub flow: Option<Flow>,
    /// The IG reading of the appointment rules (`--ig-version`, SPEC §2.12).
    pub ig_version: IgVersion,
}

/// Findings of one exchange, every one resolved.
///
/// ```
/// use int_ro1::{ExchangeOptions, Severity, validate_body};
/// let report = validate_body("{", &ExchangeOptions::default());
/// assert!(report.has(Severity::Fatal));
/// assert_eq!(report.findings[0].rule.id, "RO1-BODY-001");
/// ```
#[derive(Debug, Clone)]
pub struct ExchangeReport {
    /// What was validated: position in the file (0 for a body file),
    /// method, URL and status when known, body `resourceType` (`""` if
    /// none), use case retained and why, Bundle entries read.
    pub subject: Subject,
    /// Request findings, then response findings, then body findings.
    pub findings: Vec<Finding>,
    /// Findings not kept beyond `Options::max_findings` (information and
    /// warnings only, but for the memory guards), per severity: with the
    /// counts of `findings` they give the exact counts.
    pub dropped: Counts,
    /// Findings of rules in `Options::ignore`: not stored, not counted.
    pub ignored: u64,
}

impl ExchangeReport {
    /// Counts of every finding per severity, stored or not (beyond the cap).
    pub fn counts(&self) -> Counts {
        self.dropped.with(&self.findings)
    }

    /// True when a finding reaches `severity`: what a vendor's CI test
    /// asserts on a captured response (request-dependent rules included).
    ///
    /// ```
    /// use fr_fhir_core::finding::Severity;
    /// use int_ro1::exchange::{ExchangeOptions, validate_body};
    /// let r = validate_body("<html>502</html>", &ExchangeOptions::default());
    /// assert!(r.has(Severity::Error));
    /// ```
    pub fn has(&self, severity: Severity) -> bool {
        self.counts().at_least(severity) > 0
    }

    /// The report of exchange `index` made of `findings` alone, with nothing
    /// read from a body (a broken capture entry, another flow, a body file
    /// that is not text).
    ///
    /// ```
    /// use int_ro1::exchange::ExchangeReport;
    /// let r = ExchangeReport::of_findings(3, Vec::new());
    /// assert_eq!((r.subject.index, r.subject.entries, r.subject.resource_type.as_str()), (3, 0, ""));
    /// ```
    pub fn of_findings(index: usize, findings: Vec<Finding>) -> Self {
        ExchangeReport {
            subject: Subject {
                index,
                ..Subject::document("", UseCase::PS, UseCaseSource::Default)
            },
            findings,
            dropped: Counts::default(),
            ignored: 0,
        }
    }

    /// Why the body (or the HAR entry) could not be read at all (not JSON,
    /// empty, compressed, a broken entry), in English; `None` when it could.
    ///
    /// ```
    /// use int_ro1::exchange::{ExchangeOptions, validate_body};
    /// let r = validate_body("<html>500</html>", &ExchangeOptions::default());
    /// assert!(r.unusable().unwrap().contains("HTML"));
    /// ```
    pub fn unusable(&self) -> Option<String> {
        self.unusable_message().map(|m| m.en.clone())
    }

    /// Same as [`ExchangeReport::unusable`], in both languages.
    pub fn unusable_message(&self) -> Option<&Message> {
        self.findings.iter().find(|f| f.severity == Severity::Fatal).map(|f| &f.message)
    }
}

/// Validates one exchange read from `file_src` (the HAR file, or the body
/// file itself).
///
/// ```
/// use int_ro1::exchange::{BodyOrigin, Exchange, ExchangeOptions, validate_exchange};
/// let body = r#"{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"required"}]}"#;
/// let mut ex = Exchange::body_only(body, BodyOrigin::File);
/// ex.status = Some(200);
/// let r = validate_exchange(&ex, body, &ExchangeOptions::default());
/// let f = r.findings.iter().find(|f| f.rule.id == "RO1-HTTP-001").unwrap();
/// assert_eq!(f.resolved.as_ref().unwrap().expression, "response.body");
/// ```
pub fn validate_exchange(
    ex: &Exchange<'_>,
    file_src: &str,
    opts: &ExchangeOptions,
) -> ExchangeReport {
    run(ex, file_src, opts, 0, &mut LineIndex::default(), &mut Session::default())
}

/// Validates a body file (JSON), the request given by `opts.request` or
/// else taken from `Bundle.link[self]`. A body that is not usable FHIR JSON gives a
/// fatal RO1-BODY-001 finding (see [`ExchangeReport::unusable`]).
///
/// ```
/// use int_ro1::exchange::{ExchangeOptions, validate_body};
/// let r = validate_body("", &ExchangeOptions::default());
/// assert_eq!(r.findings[0].rule.id, "RO1-BODY-001");
/// assert!(r.unusable().is_some());
/// // The report names the request it was judged against, as the command line does.
/// let opts = ExchangeOptions { request: Some("/Slot?status=free".into()), ..Default::default() };
/// assert_eq!(validate_body("", &opts).subject.url.as_deref(), Some("/Slot?status=free"));
/// ```
pub fn validate_body(src: &str, opts: &ExchangeOptions) -> ExchangeReport {
    let mut report = validate_exchange(&Exchange::body_only(src, BodyOrigin::File), src, opts);
    // The report names the request it was judged against, as the command
    // line prints it, also when the body could not be read.
    if report.subject.url.is_none() {
        report.subject.url.clone_from(&opts.request);
    }
    report
}

/// Runs the body rules: the slot-search rules with the request hook, or, for
/// a resource kept on its own (a fixture file that is neither a Bundle nor an
/// OperationOutcome, no request given) and under `--base`, the structural
/// rules only (issue 14: "a standalone resource validates against its profile").
fn validate_body_rules<'a>(
    ex: &'a Exchange<'_>,
    opts: &ExchangeOptions,
    rules: &fr_fhir_core::rules::Options,
    hook: &mut RequestHook<'a>,
) -> Result<fr_fhir_core::rules::Report, fr_fhir_core::json::JsonError> {
    let plain_file = ex.url.is_none() && ex.status.is_none() && opts.request.is_none();
    let standalone = rules.base_only
        || (plain_file
            && !matches!(
                root_type(&ex.body).as_deref(),
                None | Some("Bundle" | "OperationOutcome")
            ));
    if standalone {
        fr_fhir_core::engine::run(&ex.body, rules, &fr_fhir_core::rules::STANDALONE, &mut [])
    } else {
        validate_with(&ex.body, rules, &mut [hook])
    }
}

/// The `resourceType` of a JSON object document, when it has one.
fn root_type(src: &str) -> Option<fr_fhir_core::json::Str<'_>> {
    let mut r = fr_fhir_core::json::Reader::new(src);
    if r.peek().ok()? != fr_fhir_core::json::Kind::Object {
        return None;
    }
    fr_fhir_core::model::sniff_resource_type(&r).ok().flatten()
}

/// Where the request text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RequestFrom {
    Exchange,
    Option,
}

/// What reading the body gave.
enum BodyOutcome {
    Report(fr_fhir_core::rules::Report),
    Unusable(Finding),
}

/// [`validate_exchange`] with a line index shared by the exchanges of one file.
pub(crate) fn run(
    ex: &Exchange<'_>,
    file_src: &str,
    opts: &ExchangeOptions,
    index: usize,
    lines: &mut LineIndex,
    session: &mut Session,
) -> ExchangeReport {
    if let Some(report) = other_flow(ex, file_src, opts, index, lines, session) {
        return report;
    }
    let mut rules = opts.rules.clone();
    if rules.now.is_none() {
        rules.now = ex.started.map(|t| t.to_utc());
    }
    let (req_text, from) = match (&ex.url, &opts.request) {
        (Some(u), _) => (Some(u.as_ref()), RequestFrom::Exchange),
        (None, Some(r)) => (Some(r.as_str()), RequestFrom::Option),
        (None, None) => (None, RequestFrom::Option),
    };
    let raw = req_text.map(ParsedQuery::parse);
    let req = raw.as_ref().map(SearchRequest::from_query);

    // Findings on the request line and headers, on the query, on the response.
    let mut request_exchange = Vec::new();
    let mut request_query = Vec::new();
    if let (Some(raw), Some(req)) = (&raw, &req) {
        request_query = req.check(raw);
        if let Some(method) = &ex.method {
            let body_len = ex.har.as_ref().map_or(0, |h| h.request_body_len);
            request_exchange.extend(check_method(req.use_case, method, body_len));
        }
        if !ex.request_headers.is_empty() {
            request_exchange.extend(check_accept(ex.request_header("Accept")));
        }
    }

    let mut hook = RequestHook::new(req.as_ref().zip(raw.as_ref()));
    let outcome = match ex.har.as_ref().and_then(|h| h.body_problem.clone()) {
        Some(problem) => BodyOutcome::Unusable(ro1_body_001::unusable(Span::default(), problem)),
        None => match ro1_body_001::not_a_resource(&ex.body) {
            Some(f) => BodyOutcome::Unusable(f),
            None => match validate_body_rules(ex, opts, &rules, &mut hook) {
                Ok(report) => BodyOutcome::Report(report),
                Err(e) => BodyOutcome::Unusable(ro1_body_001::not_json(&ex.body, &e)),
            },
        },
    };
    let derived = hook.derived.take();

    let mut response = Vec::new();
    if let Some(status) = ex.status {
        let kind = match &outcome {
            BodyOutcome::Report(r) => BodyKind::Resource(&r.subject.resource_type),
            BodyOutcome::Unusable(_) => BodyKind::Unusable,
        };
        response::check_status(status, kind, &mut response);
    }
    if ex.har.is_some() || !ex.response_headers.is_empty() {
        let mime = ex.har.as_ref().and_then(|h| h.mime_type.as_deref());
        response::check_content_type(ex.response_header("Content-Type").or(mime), &mut response);
    }
    if let Some(ms) = ex.time_ms {
        response::check_time(ms, &mut response);
    }
    let bundle = matches!(&outcome, BodyOutcome::Report(r) if r.subject.resource_type == "Bundle");
    if bundle
        && opts.rules.now.is_none()
        && ex.started.is_none()
        && let Some(text) =
            ex.har.as_ref().and_then(|h| h.started_span).and_then(|s| s.slice(file_src))
    {
        response::unreadable_capture_time(text, &mut response);
    }

    // No body read: the use case is the request's, or the option's.
    let (use_case, use_case_source) = match (opts.rules.use_case, &req) {
        (Some(uc), _) => (uc, UseCaseSource::Option),
        (None, Some(r)) => (r.use_case, UseCaseSource::Request),
        (None, None) => (UseCase::PS, UseCaseSource::Default),
    };
    let mut report = ExchangeReport {
        subject: Subject::document("", use_case, use_case_source),
        findings: Vec::new(),
        dropped: Counts::default(),
        ignored: 0,
    };
    let mut body_findings = Vec::new();
    let mut body_unusable = None;
    match outcome {
        BodyOutcome::Report(r) => {
            // The body's header: what was read, the use case retained.
            report.subject = r.subject;
            report.dropped = r.dropped;
            report.ignored = r.ignored;
            body_findings = r.findings;
        }
        BodyOutcome::Unusable(f) => body_unusable = Some(f),
    }

    // Locate everything in the file, in increasing offsets (one pass).
    let loc = Locator { ex, file_src, from, index, query: raw.as_ref() };
    let mut pending: Vec<(usize, usize)> = Vec::new(); // (finding position, file offset)
    let mut all: Vec<Finding> = Vec::new();
    for f in request_exchange {
        let off = loc.exchange_offset(&f);
        push_located(&mut all, &mut pending, f, |f| loc.expression(f), off);
    }
    // A request the vendor refused with 4xx: refusing it was the right answer
    // (RO1-HTTP-001: a deserved 4xx cannot be judged otherwise), so the request's
    // defects explain the refusal instead of failing the vendor's capture.
    let refused = ex.status.is_some_and(|s| (400..500).contains(&s));
    for mut f in request_query {
        if refused && f.severity >= Severity::Warning {
            f.severity = Severity::Information;
            f.message = Message::new(
                format!("requête refusée en 4xx, à juste titre : {}", f.message.fr),
                format!("request rightly refused with 4xx: {}", f.message.en),
            );
        }
        let off = loc.request_offset(&f);
        push_located(&mut all, &mut pending, f, |f| loc.expression(f), off);
    }
    if let Some(d) = &derived {
        let start = d.value_span.start.saturating_add(1);
        let plain = d.value_span.slice(&ex.body).is_some_and(|s| !s.contains('\\'));
        for mut f in d.findings.clone() {
            let at = match &f.target {
                Target::Request { span, .. } if plain => start.saturating_add(span.start),
                _ => start,
            };
            // The self link stands in for the request: its defects are the
            // self link's, said as information (RO1-BUNDLE-005 compares them).
            f.severity = Severity::Information;
            f.message = Message::new(
                format!("lien self : {}", f.message.fr),
                format!("self link: {}", f.message.en),
            );
            let off = loc.body_to_file(at as usize);
            push_located(&mut all, &mut pending, f, request_expression, off);
        }
    }
    for f in response {
        let off = loc.exchange_offset(&f);
        push_located(&mut all, &mut pending, f, |f| loc.expression(f), off);
    }
    if let Some(f) = body_unusable {
        let off = match (&f.target, ex.har.as_ref().and_then(|h| h.body_problem.as_ref())) {
            (_, Some(_)) => loc.har(|h| h.content_span),
            (Target::Body { span, .. }, None) => loc.body_to_file(span.start as usize),
            _ => None,
        };
        push_located(&mut all, &mut pending, f, |f| loc.expression(f), off);
    }
    let relocate = !matches!(ex.body_origin, BodyOrigin::File | BodyOrigin::Stdin);
    for f in body_findings {
        if relocate {
            let off = match &f.target {
                Target::Body { span, .. } => loc.body_to_file(span.start as usize),
                _ => None,
            };
            let expression = f.resolved.as_ref().map(|r| r.expression.clone()).unwrap_or_default();
            push_located(&mut all, &mut pending, f, |_| expression.clone(), off);
        } else if f.resolved.is_none() {
            // Findings the engine resolves not (exchange parts): by hand.
            push_located(&mut all, &mut pending, f, |f| loc.expression(f), None);
        } else {
            all.push(f);
        }
    }
    locate_pending(&mut all, pending, lines, file_src);

    cap(&mut all, opts, &mut report);
    // Where the exchange was, what was asked: the body knows none of it.
    report.subject = Subject {
        index,
        method: ex.method.as_ref().map(|m| m.to_string()),
        url: ex.url.as_ref().map(|u| u.to_string()),
        status: ex.status,
        ..report.subject
    };
    report.findings = all;
    report
}

/// Drops the findings of ignored rules and the information and warnings
/// beyond the cap (errors are always kept), counting them in `report`.
fn cap(all: &mut Vec<Finding>, opts: &ExchangeOptions, report: &mut ExchangeReport) {
    let cap = opts.rules.max_findings;
    let mut mild = 0usize;
    let (dropped, ignored) = (&mut report.dropped, &mut report.ignored);
    all.retain(|f| {
        if f.severity != Severity::Fatal && opts.rules.ignores(f.rule.id) {
            *ignored += 1;
            return false;
        }
        if f.severity >= Severity::Error {
            return true;
        }
        mild += 1;
        if mild <= cap {
            true
        } else {
            dropped.add(f.severity);
            false
        }
    });
}

/// The report of an exchange the slot search does not claim: one
/// information finding on its request line, no slot-search rule (a
/// `POST /Practitioner` is not a search sent with the wrong method, a
/// `GET /metadata` not a search on the wrong path).
fn other_flow(
    ex: &Exchange<'_>,
    file_src: &str,
    opts: &ExchangeOptions,
    index: usize,
    lines: &mut LineIndex,
    session: &mut Session,
) -> Option<ExchangeReport> {
    let Some(url) = ex.url.as_deref() else {
        // A plain body file: `--flow`, or its resource type and profile
        // (`--base`: no SAS rule, the standalone reading).
        if (opts.request.is_some() && opts.flow.is_none()) || opts.rules.base_only {
            return None;
        }
        return match packs::plain_flow(&ex.body, opts) {
            flow @ (Flow::Appointments | Flow::RegulatorAccounts) => {
                Some(packs::run(ex, file_src, opts, index, lines, session, flow))
            }
            _ => None,
        };
    };
    let flow = Flow::of(ex.method.as_deref(), url);
    let rule = match flow {
        Flow::SlotSearch => return None,
        Flow::Appointments | Flow::RegulatorAccounts => {
            return Some(packs::run(ex, file_src, opts, index, lines, session, flow));
        }
        Flow::Unclaimed => &ro1_flow_002::RULE,
    };
    if opts.rules.ignores(rule.id) {
        let mut report = ExchangeReport::of_findings(index, Vec::new());
        report.ignored = 1;
        return Some(report);
    }
    let method = ex.method.as_deref().unwrap_or("");
    let message = ro1_flow_002::message(method, url);
    let f = Finding::exchange(rule, parts::URL, message);
    let loc = Locator { ex, file_src, from: RequestFrom::Exchange, index, query: None };
    let (mut all, mut pending) = (Vec::new(), Vec::new());
    let off = loc.exchange_offset(&f);
    push_located(&mut all, &mut pending, f, |f| loc.expression(f), off);
    locate_pending(&mut all, pending, lines, file_src);
    let mut report = ExchangeReport::of_findings(index, all);
    report.subject.method = ex.method.as_ref().map(|m| m.to_string());
    report.subject.url = Some(url.to_owned());
    report.subject.status = ex.status;
    // The request says which flow it is: its use case, not the PS default.
    if let Some(uc) = flow.use_case() {
        report.subject.use_case = uc;
        report.subject.use_case_source = UseCaseSource::Request;
    }
    Some(report)
}

/// Fills line and column of the findings queued by [`push_located`], in
/// increasing offsets (the line index walks the file forward once).
fn locate_pending(
    all: &mut [Finding],
    mut pending: Vec<(usize, usize)>,
    lines: &mut LineIndex,
    file_src: &str,
) {
    pending.sort_unstable_by_key(|&(_, off)| off);
    for (i, off) in pending {
        let (line, column) = lines.locate(file_src, off);
        if let Some(r) = all.get_mut(i).and_then(|f| f.resolved.as_mut()) {
            (r.line, r.column, r.offset) = (line, column, Some(off as u64));
        }
    }
}

/// Resolves `f` with `expression` (computed from it), line/column 0 for
/// now, and queues its file offset for the line pass.
fn push_located(
    all: &mut Vec<Finding>,
    pending: &mut Vec<(usize, usize)>,
    mut f: Finding,
    expression: impl Fn(&Finding) -> String,
    offset: Option<usize>,
) {
    let keep = f.resolved.as_ref().map(|r| r.expression.clone()).filter(|e| !e.is_empty());
    let expression = keep.unwrap_or_else(|| expression(&f));
    f.resolved = Some(Resolved { expression, line: 0, column: 0, offset: None });
    if let Some(off) = offset {
        pending.push((all.len(), off));
    }
    all.push(f);
}

/// Where an exchange-level finding points, for an exchange without a HAR
/// file (a body file with `--request`): `request.method`,
/// `response.status`, `request.query.start`...
fn exchange_expression(f: &Finding) -> String {
    match &f.target {
        Target::Exchange { part } => match part.as_ref() {
            "method" => "request.method".into(),
            "body" => "request.body".into(),
            other => match other.strip_prefix("header:") {
                Some(h) => format!("request.headers.{h}"),
                None => other.to_owned(),
            },
        },
        Target::Request { .. } => request_expression(f),
        Target::Body { .. } => parts::BODY.to_owned(),
    }
}

fn request_expression(f: &Finding) -> String {
    match &f.target {
        Target::Request { param, .. } if param.is_empty() => "request.url".into(),
        Target::Request { param, .. } => format!("request.query.{param}"),
        _ => exchange_expression(f),
    }
}

/// Maps positions of the exchange's parts to offsets in the file, and the
/// parts to the expressions that name them: JSON paths from the HAR root
/// (SPEC §10) for an exchange read from a HAR file.
struct Locator<'e, 'a> {
    ex: &'e Exchange<'a>,
    file_src: &'e str,
    from: RequestFrom,
    /// Position of the exchange in `log.entries`.
    index: usize,
    /// The request as parsed, to tell which parameter a finding is on.
    query: Option<&'e ParsedQuery<'e>>,
}

impl Locator<'_, '_> {
    /// The expression of a finding outside the body: a path from the HAR
    /// root (`log.entries[1].response.status`) when the exchange comes from
    /// a HAR file, else a name of the part (`response.status`).
    fn expression(&self, f: &Finding) -> String {
        let Some(h) = self.ex.har.as_ref() else { return exchange_expression(f) };
        let entry = format!("log.entries[{}]", self.index);
        let item = |items: &[HarItem],
                    list: &str,
                    name: &str,
                    headers: &[(Cow<'_, str>, Cow<'_, str>)]| {
            let k = headers.iter().position(|(n, _)| n.trim().eq_ignore_ascii_case(name));
            match k.and_then(|k| items.get(k)) {
                Some(it) => format!("{entry}.{list}[{}]", it.index),
                None => format!("{entry}.{list}"),
            }
        };
        match &f.target {
            Target::Exchange { part } => match part.as_ref() {
                "method" => format!("{entry}.request.method"),
                parts::URL => format!("{entry}.request.url"),
                "body" => format!("{entry}.request.postData"),
                parts::STATUS => format!("{entry}.response.status"),
                parts::CONTENT_TYPE => {
                    let headers = &self.ex.response_headers;
                    if self.ex.response_header("Content-Type").is_some() {
                        item(&h.response_header_items, "response.headers", "Content-Type", headers)
                    } else {
                        format!("{entry}.response.content.mimeType")
                    }
                }
                parts::BODY => format!("{entry}.response.content.text"),
                sas_exchange::parts::REQUEST_BODY => format!("{entry}.request.postData.text"),
                sas_exchange::parts::LOCATION => item(
                    &h.response_header_items,
                    "response.headers",
                    "Location",
                    &self.ex.response_headers,
                ),
                parts::TIME => format!("{entry}.time"),
                parts::STARTED => format!("{entry}.startedDateTime"),
                other => match other.strip_prefix("header:") {
                    Some(name) => item(
                        &h.request_header_items,
                        "request.headers",
                        name,
                        &self.ex.request_headers,
                    ),
                    None => entry,
                },
            },
            Target::Request { .. } => match self.query_item(f) {
                Some(it) => format!("{entry}.request.queryString[{}]", it.index),
                None => format!("{entry}.request.url"),
            },
            // A body that cannot be used as a whole.
            Target::Body { .. } => format!("{entry}.response.content.text"),
        }
    }

    /// The `request.queryString` item a request finding is about: the n-th
    /// parameter of that name in the URL is the n-th of that name there.
    fn query_item(&self, f: &Finding) -> Option<HarItem> {
        let Target::Request { span, .. } = &f.target else { return None };
        let h = self.ex.har.as_ref()?;
        let params = &self.query?.params;
        let p =
            params.iter().position(|p| p.span.start <= span.start && span.start <= p.span.end)?;
        let name = params.get(p)?.name.as_ref();
        let nth = params.iter().take(p).filter(|q| q.name == name).count();
        let k = h.query_names.iter().enumerate().filter(|(_, n)| n.as_ref() == name).nth(nth)?.0;
        h.query_items.get(k).copied()
    }

    fn har(&self, part: impl Fn(&HarInfo<'_>) -> Option<Span>) -> Option<usize> {
        let h = self.ex.har.as_ref()?;
        Some(part(h).unwrap_or(h.entry_span).start as usize)
    }

    /// Offset in the file of offset `at` of the body.
    fn body_to_file(&self, at: usize) -> Option<usize> {
        let at32 = u32::try_from(at).unwrap_or(u32::MAX);
        match &self.ex.body_origin {
            BodyOrigin::File | BodyOrigin::Stdin => Some(at),
            BodyOrigin::HarBase64 { value_span } => Some(value_span.start as usize),
            BodyOrigin::HarText { value_span, escapes } => {
                let start = value_span.start.saturating_add(1);
                let inner = Span::new(start, value_span.end.saturating_sub(1).max(start));
                let raw = inner.slice(self.file_src).unwrap_or("");
                Some(start.saturating_add(escapes.raw_offset(raw, at32)) as usize)
            }
        }
    }

    /// Offset of a request finding: inside the HAR `request.url` string.
    fn request_offset(&self, f: &Finding) -> Option<usize> {
        if self.from != RequestFrom::Exchange {
            return None;
        }
        let h = self.ex.har.as_ref()?;
        if h.url_rebuilt {
            // The query is not in the file's URL: point at its queryString item.
            return Some(self.query_item(f).map_or(h.entry_span, |it| it.span).start as usize);
        }
        let url = h.url_span?;
        let start = url.start.saturating_add(1);
        let at = match &f.target {
            Target::Request { span, .. } => span.start,
            _ => 0,
        };
        let inner = Span::new(start, url.end.saturating_sub(1).max(start));
        let raw = inner.slice(self.file_src).unwrap_or("");
        Some(start.saturating_add(h.url_escapes.raw_offset(raw, at)) as usize)
    }

    /// Offset of an exchange-level finding in the HAR entry.
    fn exchange_offset(&self, f: &Finding) -> Option<usize> {
        let Target::Exchange { part } = &f.target else { return self.request_offset(f) };
        match part.as_ref() {
            "method" => self.har(|h| h.method_span),
            parts::URL => self.har(|h| h.url_span),
            "body" => self.har(|h| h.post_data_span),
            "header:Accept" => self.har(|h| {
                let k = self
                    .ex
                    .request_headers
                    .iter()
                    .position(|(n, _)| n.trim().eq_ignore_ascii_case("Accept"));
                k.and_then(|k| h.request_header_items.get(k))
                    .map(|it| it.span)
                    .or(h.request_headers_span)
            }),
            parts::STATUS => self.har(|h| h.status_span),
            parts::CONTENT_TYPE => self.har(|h| {
                let k = self
                    .ex
                    .response_headers
                    .iter()
                    .position(|(n, _)| n.trim().eq_ignore_ascii_case("Content-Type"));
                match k.and_then(|k| h.response_header_items.get(k)) {
                    Some(it) => Some(it.span),
                    None => h.mime_span.or(h.response_headers_span),
                }
            }),
            parts::BODY => self.har(|h| h.content_span),
            sas_exchange::parts::REQUEST_BODY => {
                self.har(|h| h.request_text.as_ref().map(|(s, _)| *s).or(h.post_data_span))
            }
            sas_exchange::parts::LOCATION => self.har(|h| {
                let k = self
                    .ex
                    .response_headers
                    .iter()
                    .position(|(n, _)| n.trim().eq_ignore_ascii_case("Location"));
                k.and_then(|k| h.response_header_items.get(k))
                    .map(|it| it.span)
                    .or(h.response_headers_span)
            }),
            parts::TIME => self.har(|h| h.time_span),
            parts::STARTED => self.har(|h| h.started_span),
            _ => self.har(|_| None),
        }
    }
}

#[cfg(test)]
mod tests;
