//! What the renderers receive: every input's exchanges and findings, ready to
//! print (locations resolved, snippets cut, personal data masked). The source
//! text is dropped before a report leaves its worker thread.

use std::borrow::Cow;
use std::time::Duration;

use fr_fhir_core::finding::{Lang, Message, RuleMeta, Severity};
use fr_fhir_core::rules::Subject;

/// The kind of an input.
///
/// ```
/// use validator_cli::check::{Settings, check};
/// use validator_cli::input::discover;
/// use validator_cli::model::InputKind;
/// # let dir = std::env::temp_dir().join(format!("sas-validate-doc-kind-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let body = dir.join("body.json");
/// # std::fs::write(&body, "{\"resourceType\":\"Slot\",\n \"status\":\"open\"}").unwrap();
/// let report = check(&discover(&[body])[0], &Settings::default());
/// assert_eq!(report.kind, Some(InputKind::Body));
/// assert_eq!(InputKind::Har.as_str(), "har"); // as machine-readable outputs write it
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// A response body (JSON).
    Body,
    /// A HAR capture.
    Har,
}

impl InputKind {
    /// Name used in machine-readable outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Body => "body",
            InputKind::Har => "har",
        }
    }
}

/// One input as given (file, file found in a directory, stdin).
///
/// ```
/// use fr_fhir_core::finding::Severity;
/// use validator_cli::check::{Settings, check};
/// use validator_cli::input::discover;
/// use validator_cli::model::InputReport;
/// # let dir = std::env::temp_dir().join(format!("sas-validate-doc-report-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let body = dir.join("body.json");
/// # std::fs::write(&body, "{\"resourceType\":\"Slot\",\n \"status\":\"open\"}").unwrap();
/// let report: InputReport = check(&discover(&[body])[0], &Settings::default());
/// assert!(report.path.ends_with("body.json"));
/// assert_eq!(report.units.len(), 1); // a body file is one exchange
/// assert!(report.counts().at_least(Severity::Error) > 0);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone)]
pub struct InputReport {
    /// Path as the user wrote it (directory walk: joined), `-` for stdin.
    pub path: String,
    /// Body or HAR (None when the input could not be read at all).
    pub kind: Option<InputKind>,
    /// Size in bytes (0 when unreadable).
    pub size: u64,
    /// Remarks on the input itself (a byte order mark...).
    pub notes: Vec<Message>,
    /// The exchanges validated, in file order.
    pub units: Vec<UnitReport>,
    /// Why the input could not be used at all (exit status 2).
    pub error: Option<InputError>,
    /// Time spent reading and validating the input (JUnit `time`).
    pub elapsed: Duration,
}

/// Why an input could not be used.
///
/// ```
/// use validator_cli::check::{Settings, check};
/// use validator_cli::input::discover;
/// let planned = discover(&["no/such/file.json".into()]);
/// let report = check(&planned[0], &Settings::default());
/// let err = report.error.as_ref().unwrap();
/// assert_eq!(err.code, "not-found");
/// assert!(report.units.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// What went wrong.
    pub message: Message,
    /// 1-based line and column of the problem in the file, when it has one.
    pub position: Option<(u32, u32)>,
    /// Byte offset of the problem in the file, when it has one.
    pub offset: Option<u64>,
    /// FHIR IssueType code (`not-found`, `structure`, `security`...).
    pub code: &'static str,
}

impl InputError {
    /// An error without a position.
    pub fn plain(code: &'static str, message: Message) -> Self {
        InputError { message, position: None, offset: None, code }
    }
}

/// One request/response exchange (a body file is one exchange).
///
/// ```
/// use validator_cli::check::{Settings, check};
/// use validator_cli::input::discover;
/// use validator_cli::model::UnitReport;
/// # let dir = std::env::temp_dir().join(format!("sas-validate-doc-unit-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let body = dir.join("body.json");
/// # std::fs::write(&body, "{\"resourceType\":\"Slot\",\n \"status\":\"open\"}").unwrap();
/// let report = check(&discover(&[body])[0], &Settings::default());
/// let unit: &UnitReport = &report.units[0];
/// assert_eq!(unit.subject.resource_type, "Slot");
/// assert_eq!(unit.items.len() as u64 + unit.hidden, unit.counts.total());
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone)]
pub struct UnitReport {
    /// What was validated: position in the file (0 for a body file),
    /// method, URL (masked under --redact) and status when known,
    /// `resourceType` of the body ("" when none), use case retained and
    /// why, Bundle entries read.
    pub subject: Subject,
    /// Findings at or above --min-severity, in document order.
    pub items: Vec<Item>,
    /// Counts of every finding (hidden ones included).
    pub counts: Counts,
    /// Findings below --min-severity.
    pub hidden: u64,
    /// Findings of rules left out by --select / --ignore (not counted).
    pub ignored: u64,
    /// Findings listed in the --baseline (not counted).
    pub baselined: u64,
    /// Findings the library did not keep beyond its cap (information and
    /// warnings only); they are included in `counts`.
    pub dropped: u64,
}

/// A finding ready to print.
///
/// ```
/// use validator_cli::check::{Settings, check};
/// use validator_cli::input::discover;
/// use validator_cli::model::Item;
/// # let dir = std::env::temp_dir().join(format!("sas-validate-doc-item-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let body = dir.join("body.json");
/// # std::fs::write(&body, "{\"resourceType\":\"Slot\",\n \"status\":\"open\"}").unwrap();
/// let report = check(&discover(&[body])[0], &Settings::default());
/// let status: &Item = report.units[0].items.iter().find(|i| i.rule.id == "RO1-FHIR-005").unwrap();
/// assert_eq!((status.expression.as_str(), status.line, status.column), ("Slot.status", 2, 11));
/// assert_eq!(status.fingerprint.len(), 16);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone)]
pub struct Item {
    /// The rule.
    pub rule: &'static RuleMeta,
    /// Severity retained.
    pub severity: Severity,
    /// FHIRPath into the response body, or a JSON path from the HAR root
    /// (`log.entries[1].time`), or a request part (`request.query.start`).
    pub expression: String,
    /// `expression` is a FHIRPath into the body (the others are HAR or
    /// request locations: OperationOutcome puts them in `location`).
    pub fhirpath: bool,
    /// 1-based line in the file, 0 when unknown.
    pub line: u32,
    /// 1-based column (characters) in the file, 0 when unknown.
    pub column: u32,
    /// The message (masked under --redact).
    pub message: Message,
    /// The source line around the location.
    pub snippet: Option<Snippet>,
    /// The finding is about a missing element.
    pub missing: bool,
    /// The finding's own source (a structural finding names the profile URL
    /// and element id of its constraint); `None`: its rule's. Read it with
    /// [`Item::source`].
    pub source: Option<Cow<'static, str>>,
    /// The defect this finding is a consequence of (a knock-on finding names
    /// its cause: the schedule's practitioner that is missing or not
    /// requested). Findings of one rule with the same cause form one group.
    pub cause: Option<Message>,
    /// Stable identity of the finding for `--baseline` (16 hex digits):
    /// rule, input path, exchange, expression and the value found there,
    /// not the line or column (see `fingerprint.rs`).
    pub fingerprint: String,
}

impl Item {
    /// Where the constraint comes from: the finding's own source, else its
    /// rule's (as `fr_fhir_core::finding::Finding::source`).
    pub fn source(&self) -> &str {
        self.source.as_deref().unwrap_or(self.rule.source)
    }

    /// The Bundle entry the finding is in: `N` of a `Bundle.entry[N]`
    /// expression (the text renderer says which entries a group covers).
    pub fn entry(&self) -> Option<u64> {
        let rest = self.expression.strip_prefix("Bundle.entry[")?;
        let end = rest.find(']')?;
        rest.get(..end)?.parse().ok()
    }
}

/// A window on a source line.
///
/// ```
/// use validator_cli::check::{Settings, check};
/// use validator_cli::input::discover;
/// # let dir = std::env::temp_dir().join(format!("sas-validate-doc-snippet-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let body = dir.join("body.json");
/// # std::fs::write(&body, "{\"resourceType\":\"Slot\",\n \"status\":\"open\"}").unwrap();
/// let report = check(&discover(&[body])[0], &Settings::default());
/// let item = report.units[0].items.iter().find(|i| i.rule.id == "RO1-FHIR-005").unwrap();
/// let s = item.snippet.as_ref().unwrap();
/// assert_eq!(s.text, r#" "status":"open"}"#);
/// assert!(s.text[s.caret..].starts_with(r#""open""#));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text shown (tabs replaced by spaces).
    pub text: String,
    /// Characters before the caret inside `text`.
    pub caret: usize,
    /// The line goes on to the left of `text`.
    pub cut_left: bool,
    /// The line goes on to the right of `text`.
    pub cut_right: bool,
}

/// Findings per severity (the library's type).
pub use fr_fhir_core::finding::Counts;

impl InputReport {
    /// Counts over the exchanges of this input.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for u in &self.units {
            c.merge(&u.counts);
        }
        c
    }

    /// Findings shown for this input.
    pub fn shown(&self) -> usize {
        self.units.iter().map(|u| u.items.len()).sum()
    }
}

/// Totals of a run.
///
/// ```
/// use validator_cli::check::{Settings, check};
/// use validator_cli::input::discover;
/// use fr_fhir_core::finding::Severity;
/// use validator_cli::model::Summary;
/// let planned = discover(&["no/such/file.json".into()]);
/// let report = check(&planned[0], &Settings::default());
/// let mut summary = Summary::default();
/// summary.add(&report, Severity::Error);
/// assert_eq!((summary.inputs, summary.unusable), (1, 1));
/// assert_eq!(summary.exit_code, 2); // an input could not be used
/// ```
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Inputs seen.
    pub inputs: u64,
    /// Inputs that could not be used.
    pub unusable: u64,
    /// Inputs with at least one finding at or above --fail-on.
    pub failed: u64,
    /// Exchanges validated.
    pub exchanges: u64,
    /// Findings per severity (hidden ones included).
    pub counts: Counts,
    /// Findings hidden by --min-severity.
    pub hidden: u64,
    /// Findings of rules left out by --select / --ignore (not counted).
    pub ignored: u64,
    /// Findings suppressed by the --baseline (not counted).
    pub baselined: u64,
    /// Findings dropped beyond the library's cap.
    pub dropped: u64,
    /// The --fail-on threshold.
    pub fail_on: Option<Severity>,
    /// The exit status of the run.
    pub exit_code: u8,
}

impl Summary {
    /// Adds one input.
    pub fn add(&mut self, r: &InputReport, fail_on: Severity) {
        self.inputs += 1;
        self.fail_on = Some(fail_on);
        if r.error.is_some() {
            self.unusable += 1;
        }
        let c = r.counts();
        if c.at_least(fail_on) > 0 {
            self.failed += 1;
        }
        self.counts.merge(&c);
        for u in &r.units {
            self.exchanges += 1;
            self.hidden += u.hidden;
            self.ignored += u.ignored;
            self.baselined += u.baselined;
            self.dropped += u.dropped;
        }
        self.exit_code = if self.unusable > 0 {
            2
        } else if self.counts.at_least(fail_on) > 0 {
            1
        } else {
            0
        };
    }
}

/// Severity name in a language, as shown to people.
pub fn severity_label(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Fatal, Lang::Fr) => "fatal",
        (Severity::Fatal, Lang::En) => "fatal",
        (Severity::Error, Lang::Fr) => "erreur",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::Fr) => "avertissement",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Information, Lang::Fr) => "information",
        (Severity::Information, Lang::En) => "information",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fr_fhir_core::rules::{UseCase, UseCaseSource};

    #[test]
    fn counts_at_least_includes_more_severe() {
        let mut c = Counts::default();
        c.add(Severity::Fatal);
        c.add(Severity::Warning);
        c.add(Severity::Information);
        assert_eq!(c.at_least(Severity::Error), 1);
        assert_eq!(c.at_least(Severity::Warning), 2);
        assert_eq!(c.at_least(Severity::Information), 3);
    }

    #[test]
    fn exit_code_two_wins_over_one() {
        let mut s = Summary::default();
        let unit = UnitReport {
            subject: Subject::document("", UseCase::PS, UseCaseSource::Default),
            items: Vec::new(),
            counts: Counts { error: 1, ..Counts::default() },
            hidden: 0,
            ignored: 0,
            baselined: 0,
            dropped: 0,
        };
        let ok = InputReport {
            path: "a".into(),
            kind: Some(InputKind::Body),
            size: 1,
            notes: Vec::new(),
            units: vec![unit],
            error: None,
            elapsed: Duration::ZERO,
        };
        s.add(&ok, Severity::Error);
        assert_eq!(s.exit_code, 1);
        assert_eq!(s.failed, 1);
        let bad = InputReport {
            units: Vec::new(),
            error: Some(InputError::plain("exception", Message::new("x", "x"))),
            ..ok
        };
        s.add(&bad, Severity::Error);
        assert_eq!(s.exit_code, 2);
        let mut w = Summary::default();
        let warn_only = InputReport { error: None, ..bad };
        w.add(&warn_only, Severity::Warning);
        assert_eq!(w.exit_code, 0);
    }
}
