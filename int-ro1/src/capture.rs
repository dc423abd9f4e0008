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

/// Validates a capture held in memory: a body gives one report, a HAR one
/// per exchange in file order. Only a HAR file that cannot be read as HAR is
/// an error (a broken body is a fatal finding of its report).
pub fn validate_text(src: &str, opts: &ExchangeOptions) -> Result<Vec<ExchangeReport>, HarError> {
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
/// RO1-BODY-001 finding at the first invalid byte.
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
    let text = std::str::from_utf8(&bytes);
    match (text, har) {
        (Ok(src), true) => {
            let mut out = Vec::new();
            validate_har(src, opts, |r| out.push(r)).map_err(CaptureError::Har)?;
            Ok(out)
        }
        (Ok(src), false) => validate_text(src, opts).map_err(CaptureError::Har),
        (Err(e), true) => Err(CaptureError::Har(not_utf8(&bytes, e.valid_up_to()).1)),
        (Err(e), false) => {
            let (finding, _) = not_utf8(&bytes, e.valid_up_to());
            Ok(vec![ExchangeReport::of_findings(0, vec![finding])])
        }
    }
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
