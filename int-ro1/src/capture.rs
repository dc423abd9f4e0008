//! A captured exchange as a file gives it: a response body or a HAR capture,
//! told apart by content, validated the way `sas-validate` does (every
//! exchange of a HAR, request-dependent rules included). The one call a
//! vendor's test or another SAS service needs.
//!
//! ```
//! use int_ro1::Severity;
//! use int_ro1::capture::validate_text;
//! use int_ro1::exchange::ExchangeOptions;
//! let har = r#"{"log":{"entries":[{"request":{"method":"GET","url":"https://h/fhir/Slot?status=free"},
//!   "response":{"status":502,"content":{"text":"<html>Bad gateway</html>"}}}]}}"#;
//! let reports = validate_text(har, &ExchangeOptions::default()).unwrap();
//! assert!(reports[0].has(Severity::Fatal));
//! ```

use std::path::Path;

use fr_fhir_core::finding::{Finding, Message, Resolved};
use fr_fhir_core::json::{LineIndex, Reader, Span};

use crate::exchange::{ExchangeOptions, ExchangeReport, parts, validate_body};
use crate::har::{HarError, validate_har};
use crate::rules::body::ro1_body_001;

/// What a capture holds.
///
/// ```
/// use int_ro1::capture::{CaptureKind, sniff};
/// assert_eq!(sniff(r#"{"log":{"entries":[]}}"#), CaptureKind::Har);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureKind {
    /// A response body (FHIR JSON, or whatever the server sent).
    Body,
    /// A HAR capture (a top-level object with `log`).
    Har,
}

/// Tells a HAR capture from a body: a top-level object whose keys reach
/// `log` before `resourceType`. Anything else (not JSON, HTML...) is a body,
/// so that a broken body is reported as the vendor's defect.
///
/// ```
/// use int_ro1::capture::{CaptureKind, sniff};
/// assert_eq!(sniff(r#"{"log":{"entries":[]}}"#), CaptureKind::Har);
/// assert_eq!(sniff(r#"{"resourceType":"Bundle"}"#), CaptureKind::Body);
/// assert_eq!(sniff("<html>"), CaptureKind::Body);
/// ```
pub fn sniff(src: &str) -> CaptureKind {
    let mut r = Reader::new(src);
    let Ok(mut obj) = r.object() else { return CaptureKind::Body };
    while let Ok(Some((key, _))) = r.next_key(&mut obj) {
        match &*key {
            "log" => return CaptureKind::Har,
            "resourceType" => return CaptureKind::Body,
            _ => {
                if r.skip_value().is_err() {
                    break;
                }
            }
        }
    }
    CaptureKind::Body
}

/// The text of a capture file: UTF-8 checked, a leading byte order mark
/// removed (JSON forbids emitting one, readers may ignore it: RFC 8259 §8.1;
/// `sas-validate` notes it).
///
/// ```
/// use int_ro1::capture::decode;
/// let text = decode(b"{\"resourceType\":\"Bundle\"}").unwrap();
/// assert!(!text.bom && text.src.starts_with('{'));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text<'a> {
    /// The text, without the byte order mark.
    pub src: &'a str,
    /// The input started with a UTF-8 byte order mark (removed from `src`).
    pub bom: bool,
}

/// Checks that `bytes` are UTF-8 and removes a leading byte order mark; the
/// error is the byte offset of the first invalid sequence (counted from the
/// start of `bytes`, the mark included).
///
/// ```
/// use int_ro1::capture::{Text, decode};
/// assert_eq!(decode(b"\xEF\xBB\xBF{}"), Ok(Text { src: "{}", bom: true }));
/// assert_eq!(decode(b"{\"a\":\"\xFF\"}"), Err(6));
/// ```
pub fn decode(bytes: &[u8]) -> Result<Text<'_>, usize> {
    let (bom, rest) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let offset = if bom { 3 } else { 0 };
    std::str::from_utf8(rest).map(|src| Text { src, bom }).map_err(|e| e.valid_up_to() + offset)
}

/// Validates a capture held in memory: a body gives one report, a HAR one
/// per exchange in file order. Only a HAR file that cannot be read as HAR is
/// an error (a broken body is a fatal finding of its report). A leading byte
/// order mark is ignored, as `sas-validate` does.
pub fn validate_text(src: &str, opts: &ExchangeOptions) -> Result<Vec<ExchangeReport>, HarError> {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    match sniff(src) {
        CaptureKind::Body => Ok(vec![validate_body(src, opts)]),
        CaptureKind::Har => {
            let mut out = Vec::new();
            validate_har(src, opts, |r| out.push(r))?;
            Ok(out)
        }
    }
}

/// Why a capture file could not be validated at all.
///
/// ```
/// use int_ro1::{CaptureError, ExchangeOptions, validate_file};
/// let err = validate_file("/no/such/capture.json", &ExchangeOptions::default()).unwrap_err();
/// assert!(matches!(err, CaptureError::Io(_)));
/// ```
#[derive(Debug)]
pub enum CaptureError {
    /// The file could not be read.
    Io(std::io::Error),
    /// A HAR capture (or a `.har` file) that is not readable as HAR.
    Har(HarError),
}

impl std::fmt::Display for CaptureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaptureError::Io(e) => write!(f, "{e}"),
            CaptureError::Har(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CaptureError {}

/// Validates a capture file (`.har` files are HAR captures, other files are
/// sniffed). A body that is not UTF-8 is the vendor's defect: one fatal
/// RO1-BODY-001 finding at the first invalid byte. A leading byte order
/// mark is ignored. The reports are those `sas-validate FILE` renders, with
/// one difference: the command line reads a named file that does not end in
/// `.har` as a body whatever it holds (it sniffs standard input only), where
/// this function recognises a HAR capture saved as `.json`.
///
/// ```no_run
/// use int_ro1::Severity;
/// use int_ro1::capture::validate_file;
/// use int_ro1::exchange::ExchangeOptions;
/// let reports = validate_file("captures/recette.har", &ExchangeOptions::default())?;
/// assert!(reports.iter().all(|r| !r.has(Severity::Error)));
/// # Ok::<(), int_ro1::capture::CaptureError>(())
/// ```
pub fn validate_file(
    path: impl AsRef<Path>,
    opts: &ExchangeOptions,
) -> Result<Vec<ExchangeReport>, CaptureError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(CaptureError::Io)?;
    let har = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("har"));
    match (decode(&bytes), har) {
        (Ok(text), true) => {
            let mut out = Vec::new();
            validate_har(text.src, opts, |r| out.push(r)).map_err(CaptureError::Har)?;
            Ok(out)
        }
        (Ok(text), false) => validate_text(text.src, opts).map_err(CaptureError::Har),
        (Err(offset), true) => Err(CaptureError::Har(not_utf8(&bytes, offset).1)),
        (Err(offset), false) => Ok(vec![body_not_utf8(&bytes, offset)]),
    }
}

/// The report of a body file that is not UTF-8 text (the vendor's defect,
/// SPEC §10): one fatal RO1-BODY-001 finding at the first invalid byte
/// `offset` (see [`decode`]), with its line and column.
///
/// ```
/// use int_ro1::capture::body_not_utf8;
/// let r = body_not_utf8(b"{\n\"a\": \"\xC3\x28\"}", 8);
/// assert_eq!(r.findings[0].to_string(),
///     "2:7: fatal RO1-BODY-001 body-not-fhir-json: not UTF-8 text: invalid byte 0xC3 at byte offset 8 [response.body]");
/// ```
pub fn body_not_utf8(bytes: &[u8], offset: usize) -> ExchangeReport {
    ExchangeReport::of_findings(0, vec![not_utf8(bytes, offset).0])
}

/// The fatal finding (for a body) and the error (for a HAR) of bytes that
/// are not UTF-8 from `offset` on.
fn not_utf8(bytes: &[u8], offset: usize) -> (Finding, HarError) {
    let byte = bytes.get(offset).copied().unwrap_or_default();
    let message = Message::new(
        format!("texte non UTF-8 : octet 0x{byte:02X} invalide à l'offset {offset}"),
        format!("not UTF-8 text: invalid byte 0x{byte:02X} at byte offset {offset}"),
    );
    let valid = bytes.get(..offset).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
    let (line, column) = LineIndex::default().locate(valid, valid.len());
    let at = u32::try_from(offset).unwrap_or(u32::MAX);
    let mut f = Finding::body(&ro1_body_001::RULE, Span::new(at, at), message.clone());
    f.resolved = Some(Resolved {
        expression: parts::BODY.to_owned(),
        line,
        column,
        offset: Some(offset as u64),
    });
    (f, HarError { offset, message })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fr_fhir_core::finding::Severity;

    fn scratch(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let p = std::env::temp_dir().join(format!("int-ro1-capture-{}-{name}", std::process::id()));
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn files_are_read_sniffed_and_validated() {
        let opts = ExchangeOptions::default();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("examples");
        let body = validate_file(root.join("valid/ps-two-practitioners.json"), &opts).unwrap();
        assert_eq!(body.len(), 1);
        assert!(!body[0].has(Severity::Warning), "{:?}", body[0].findings);
        let har = validate_file(root.join("captures/ps-ok.har"), &opts).unwrap();
        assert!(har.len() > 1);
        assert!(matches!(validate_file(root.join("nope.json"), &opts), Err(CaptureError::Io(_))));
    }

    #[test]
    fn a_byte_order_mark_is_ignored_as_the_command_line_does() {
        let opts = ExchangeOptions::default();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("examples");
        let body = std::fs::read(root.join("invalid/ps-slot-dates.json")).unwrap();
        let plain = validate_file(scratch("plain.json", &body), &opts).unwrap();
        let marked =
            validate_file(scratch("bom.json", &[b"\xEF\xBB\xBF", &body[..]].concat()), &opts)
                .unwrap();
        let lines = |r: &[ExchangeReport]| -> Vec<String> {
            r.iter().flat_map(|r| r.findings.iter().map(|f| format!("{f}"))).collect()
        };
        assert!(!lines(&plain).is_empty());
        assert_eq!(lines(&plain), lines(&marked));
        let text = std::str::from_utf8(&body).unwrap();
        let in_memory = validate_text(&format!("\u{FEFF}{text}"), &opts).unwrap();
        assert_eq!(lines(&plain), lines(&in_memory));
    }

    #[test]
    fn a_body_that_is_not_utf8_is_a_fatal_finding_a_har_an_error() {
        let opts = ExchangeOptions::default();
        let bytes = b"{\n\"a\": \"\xC3\x28\"}";
        let body = validate_file(scratch("latin.json", bytes), &opts).unwrap();
        let f = &body[0].findings[0];
        assert_eq!((f.rule.id, f.severity), ("RO1-BODY-001", Severity::Fatal));
        let at = f.resolved.as_ref().unwrap();
        assert_eq!((at.line, at.column, at.offset), (2, 7, Some(8)));
        match validate_file(scratch("latin.har", bytes), &opts) {
            Err(CaptureError::Har(e)) => assert_eq!(e.offset, 8),
            other => panic!("{other:?}"),
        }
    }
}
