//! Captured exchanges: HAR 1.2 files as browser devtools, mitmproxy,
//! Charles or Postman write them.
//!
//! The file is read with the project's borrowing JSON reader, one entry at
//! a time: an entry becomes an [`Exchange`] whose strings borrow from the
//! file (only strings with escapes, typically the body, are decoded into
//! their own buffer), is handed to the caller, and is dropped before the
//! next one is read. Memory beyond the file is that of one exchange.
//!
//! ```
//! use int_ro1::har::for_each_exchange;
//! let har = r#"{"log":{"version":"1.2","entries":[
//!   {"startedDateTime":"2026-11-26T09:12:47.318+01:00","time":412.7,
//!    "request":{"method":"GET","url":"https://h/fhir/Slot?status=free","headers":[]},
//!    "response":{"status":200,"headers":[],
//!      "content":{"mimeType":"application/fhir+json","text":"{\"resourceType\":\"Bundle\"}"}}}]}}"#;
//! let mut seen = Vec::new();
//! let n = for_each_exchange(har, |i, ex| {
//!     let ex = ex.unwrap();
//!     seen.push((i, ex.status, ex.body.to_string()));
//! }).unwrap();
//! assert_eq!(n, 1);
//! assert_eq!(seen, [(0, Some(200), r#"{"resourceType":"Bundle"}"#.to_string())]);
//! ```

pub mod base64;
mod reader;
pub mod text;

use fr_fhir_core::finding::Message;
use fr_fhir_core::json::{JsonError, LineIndex};

use crate::exchange::{Exchange, ExchangeOptions, ExchangeReport, Session, run};

use crate::rules::har::ro1_har_001;
pub use text::EscapeMap;

/// A HAR file (or one of its entries) that cannot be read.
///
/// ```
/// use int_ro1::har::for_each_exchange;
/// let err = for_each_exchange(r#"{"log":3}"#, |_, _| {}).unwrap_err();
/// assert!(err.message.en.contains("log"), "{}", err.message.en);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HarError {
    /// Byte offset in the HAR file.
    pub offset: usize,
    /// What is wrong.
    pub message: Message,
}

impl HarError {
    pub(crate) fn new(offset: usize, fr: impl Into<String>, en: impl Into<String>) -> Self {
        HarError { offset, message: Message::new(fr, en) }
    }

    /// 1-based line and column of the error in `src`.
    ///
    /// ```
    /// use int_ro1::har::for_each_exchange;
    /// let err = for_each_exchange("{\n  \"log\": 3}", |_, _| {}).unwrap_err();
    /// assert_eq!(err.line_column("{\n  \"log\": 3}"), (2, 10));
    /// ```
    pub fn line_column(&self, src: &str) -> (u32, u32) {
        LineIndex::default().locate(src, self.offset)
    }
}

impl std::fmt::Display for HarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (byte offset {})", self.message.en, self.offset)
    }
}

impl std::error::Error for HarError {}

impl From<JsonError> for HarError {
    fn from(e: JsonError) -> Self {
        let m = e.message();
        HarError::new(
            e.offset,
            format!("fichier HAR illisible : {}", m.fr),
            format!("unreadable HAR file: {}", m.en),
        )
    }
}

/// Streams the entries of a HAR file one at a time, calling `f` with the
/// entry's position and the exchange, or the reason that entry cannot be
/// used (the next entries are still read). Returns the number of entries,
/// or the error that stopped the reading (broken JSON, no `log.entries`);
/// the entries before it have been handed to `f`.
///
/// ```
/// use int_ro1::har::for_each_exchange;
/// let har = r#"{"log":{"entries":[{"request":{"url":3}}, {"request":{"method":"GET","url":"/Slot"},
///   "response":{"status":204,"content":{}}}]}}"#;
/// let mut results = Vec::new();
/// assert_eq!(for_each_exchange(har, |i, ex| results.push((i, ex.is_ok()))).unwrap(), 2);
/// assert_eq!(results, [(0, false), (1, true)]);
/// assert!(for_each_exchange(r#"{"log":{"entries":[{"#, |_, _| {}).is_err());
/// ```
pub fn for_each_exchange(
    src: &str,
    f: impl FnMut(usize, Result<Exchange<'_>, HarError>),
) -> Result<usize, HarError> {
    reader::read(src, f)
}

/// Validates every exchange of a HAR file, handing each report to `f` as
/// soon as it is ready (one exchange in memory at a time). An entry that
/// cannot be used gives a report with one fatal finding. Returns the number
/// of entries, or the error that stopped the reading.
///
/// ```
/// use int_ro1::exchange::ExchangeOptions;
/// use int_ro1::har::validate_har;
/// let har = r#"{"log":{"entries":[{"time":8000,"request":{"method":"GET","url":"/fhir/Slot"},
///   "response":{"status":200,"headers":[{"name":"Content-Type","value":"application/fhir+json;charset=utf-8"}],
///   "content":{"text":"{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}"}}}]}}"#;
/// let mut reports = Vec::new();
/// validate_har(har, &ExchangeOptions::default(), |r| reports.push(r)).unwrap();
/// let slow = reports[0].findings.iter().find(|f| f.rule.id == "RO1-HTTP-005").unwrap();
/// assert_eq!(slow.resolved.as_ref().unwrap().expression, "log.entries[0].time");
/// ```
pub fn validate_har(
    src: &str,
    opts: &ExchangeOptions,
    mut f: impl FnMut(ExchangeReport),
) -> Result<usize, HarError> {
    // One index for the whole file: exchanges come in file order and the
    // findings of each are sorted, so a HAR of a thousand exchanges is
    // located in one forward pass over its text.
    let mut lines = LineIndex::default();
    // Identifiers created by earlier exchanges (the write flows' sequences).
    let mut session = Session::default();
    reader::read(src, |i, ex| {
        let report = match ex {
            Ok(ex) => run(&ex, src, opts, i, &mut lines, &mut session),
            Err(e) => broken_entry(i, &e, src, &mut lines),
        };
        f(report);
    })
}

/// The report of an entry that could not be turned into an exchange.
fn broken_entry(index: usize, e: &HarError, src: &str, lines: &mut LineIndex) -> ExchangeReport {
    let at = lines.locate(src, e.offset);
    ExchangeReport::of_findings(index, vec![ro1_har_001::finding(index, &e.message, at, e.offset)])
}
