//! The one place that calls the validation libraries: everything else in the
//! CLI works on [`Unit`], one validated exchange.

use fr_fhir_core::finding::{Finding, Message, Severity, Target};
use fr_fhir_core::rules::{Options, UseCase};
use int_ro1::exchange::{ExchangeOptions, ExchangeReport};

/// One validated exchange, whichever library produced it.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Position in the file (0 for a body file).
    pub index: usize,
    /// HTTP method, when known.
    pub method: Option<String>,
    /// Request URL, when known.
    pub url: Option<String>,
    /// HTTP status, when known.
    pub status: Option<u16>,
    /// `resourceType` of the body.
    pub resource_type: String,
    /// The use case retained.
    pub use_case: UseCase,
    /// Where the use case came from.
    pub use_case_source: &'static str,
    /// Bundle entries read.
    pub entries: u32,
    /// Findings, resolved, in document order.
    pub findings: Vec<Finding>,
    /// Findings dropped beyond the cap.
    pub dropped: u64,
}

/// An input the libraries could not use at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    /// What went wrong.
    pub message: Message,
    /// Byte offset in the file, when known.
    pub offset: Option<usize>,
    /// 1-based line and column in the file, when known.
    pub position: Option<(u32, u32)>,
    /// FHIR IssueType code.
    pub code: &'static str,
}

/// What to validate against.
#[derive(Debug, Clone, Default)]
pub struct EngineOptions {
    /// Rule options.
    pub rules: Options,
    /// `--request`.
    pub request: Option<String>,
}

/// Validates a response body (the whole file); a body that is not JSON at
/// all makes the input unusable.
pub fn body(src: &str, opts: &EngineOptions) -> Result<Unit, Unusable> {
    let r = int_ro1::exchange::validate_body(src, &exchange_options(opts));
    if let Some(m) = r.unusable_message() {
        let fatal = r.findings.iter().find(|f| f.severity == Severity::Fatal);
        let offset = fatal.and_then(|f| match f.target {
            Target::Body { span, .. } => Some(span.start as usize),
            _ => None,
        });
        let position = fatal.and_then(|f| f.resolved.as_ref()).map(|p| (p.line, p.column));
        return Err(Unusable { message: m.clone(), offset, position, code: "structure" });
    }
    let mut u = unit(r);
    if u.url.is_none() {
        u.url.clone_from(&opts.request);
    }
    Ok(u)
}

/// Validates every exchange of a HAR capture in file order. Broken entries
/// and unusable bodies are fatal findings of their exchange; only a file
/// that is not a HAR capture at all makes the input unusable.
pub fn har(src: &str, opts: &EngineOptions, f: &mut dyn FnMut(Unit)) -> Result<usize, Unusable> {
    int_ro1::har::validate_har(src, &exchange_options(opts), |r| f(unit(r))).map_err(|e| Unusable {
        position: Some(e.line_column(src)),
        offset: Some(e.offset),
        message: e.message,
        code: "structure",
    })
}

/// Hands the decoded response bodies of a HAR capture to `f` (for --redact).
pub fn har_bodies(src: &str, f: &mut dyn FnMut(&str)) {
    let _ = int_ro1::har::for_each_exchange(src, |_, ex| {
        if let Ok(ex) = ex {
            f(&ex.body);
        }
    });
}

fn exchange_options(opts: &EngineOptions) -> ExchangeOptions {
    ExchangeOptions { rules: opts.rules.clone(), request: opts.request.clone() }
}

fn unit(r: ExchangeReport) -> Unit {
    Unit {
        index: r.index,
        method: r.method,
        url: r.url,
        status: r.status,
        resource_type: r.resource_type,
        use_case: r.use_case,
        use_case_source: r.use_case_source,
        entries: r.entries,
        findings: r.findings,
        dropped: r.dropped,
    }
}
