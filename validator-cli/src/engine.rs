//! The one place that calls the validation libraries: everything else in the
//! CLI works on `Unit` (`int_ro1::exchange::ExchangeReport`), one validated exchange.

use fr_fhir_core::finding::Message;
use fr_fhir_core::rules::Options;
use int_ro1::exchange::{ExchangeOptions, ExchangeReport};

/// One validated exchange: int-ro1's report, used as is by every renderer.
pub(crate) type Unit = ExchangeReport;

/// An input the libraries could not use at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unusable {
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
///
/// ```
/// use fr_fhir_core::rules::{Options, UseCase};
/// use validator_cli::check::{Settings, check};
/// use validator_cli::engine::EngineOptions;
/// use validator_cli::input::discover;
/// # let dir = std::env::temp_dir().join(format!("sas-validate-doc-engine-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let body = dir.join("body.json");
/// # std::fs::write(&body, "{\"resourceType\":\"Slot\",\n \"status\":\"open\"}").unwrap();
/// // As `--use-case sos --strict --request '/Slot?status=free'`.
/// let engine = EngineOptions {
///     rules: Options { use_case: Some(UseCase::SOS), strict: true, ..Options::default() },
///     request: Some("/Slot?status=free".into()),
///     ..Default::default()
/// };
/// let report = check(&discover(&[body])[0], &Settings { engine, ..Default::default() });
/// assert_eq!(report.units[0].subject.use_case, UseCase::SOS);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, Default)]
pub struct EngineOptions {
    /// Rule options.
    pub rules: Options,
    /// `--request`.
    pub request: Option<String>,
    /// `--flow`: the flow of plain body files.
    pub flow: Option<int_ro1::flow::Flow>,
    /// `--ig-version`.
    pub ig_version: int_ro1::exchange::IgVersion,
}

/// Validates a response body (the whole file). A body that is not usable
/// FHIR JSON is the vendor's defect: a fatal RO1-BODY-001 finding of the
/// exchange (SPEC §10), not an unusable input.
pub(crate) fn body(src: &str, opts: &EngineOptions) -> Unit {
    int_ro1::exchange::validate_body(src, &exchange_options(opts))
}

/// The report of a body file that is not UTF-8 text: one fatal RO1-BODY-001
/// finding at the first invalid byte.
pub(crate) fn broken_body(raw: &[u8], offset: usize) -> Unit {
    int_ro1::capture::body_not_utf8(raw, offset)
}

/// Validates every exchange of a HAR capture in file order. Broken entries
/// and unusable bodies are fatal findings of their exchange; only a file
/// that is not a HAR capture at all makes the input unusable.
pub(crate) fn har(
    src: &str,
    opts: &EngineOptions,
    f: &mut dyn FnMut(Unit),
) -> Result<usize, Unusable> {
    int_ro1::har::validate_har(src, &exchange_options(opts), f).map_err(|e| Unusable {
        position: Some(e.line_column(src)),
        offset: Some(e.offset),
        message: e.message,
        code: "structure",
    })
}

/// Hands the decoded bodies of a HAR capture to `f` (for --redact): the
/// responses, and the requests (a regulator account, an appointment).
pub fn har_bodies(src: &str, f: &mut dyn FnMut(&str)) {
    let _ = int_ro1::har::for_each_exchange(src, |_, ex| {
        if let Ok(ex) = ex {
            f(&ex.body);
            if let Some(b) = &ex.request_body {
                f(b);
            }
        }
    });
}

fn exchange_options(opts: &EngineOptions) -> ExchangeOptions {
    ExchangeOptions {
        rules: opts.rules.clone(),
        request: opts.request.clone(),
        flow: opts.flow,
        ig_version: opts.ig_version,
    }
}
