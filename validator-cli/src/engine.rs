//! The one place that calls the validation libraries: everything else in the
//! CLI works on [`Unit`], one validated exchange.

use fr_fhir_core::finding::{Message, Severity, Target};
use fr_fhir_core::rules::Options;
use int_ro1::exchange::{ExchangeOptions, ExchangeReport};

/// One validated exchange: int-ro1's report, used as is by every renderer.
pub type Unit = ExchangeReport;

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
    let mut u = r;
    if u.url.is_none() {
        u.url.clone_from(&opts.request);
    }
    Ok(u)
}

/// Validates every exchange of a HAR capture in file order. Broken entries
/// and unusable bodies are fatal findings of their exchange; only a file
/// that is not a HAR capture at all makes the input unusable.
pub fn har(src: &str, opts: &EngineOptions, f: &mut dyn FnMut(Unit)) -> Result<usize, Unusable> {
    int_ro1::har::validate_har(src, &exchange_options(opts), f).map_err(|e| Unusable {
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
