//! Findings: the data every output format of sas-validate is rendered from.
//!
//! A [`Finding`] is plain serializable data: a rule (stable ID, kebab name,
//! source), a severity, where it points ([`Target`]) and a message in French
//! and English. The FHIRPath expression, line and column are *resolved* in one
//! batch after validation ([`crate::json::resolve`]) so that the hot path only
//! records byte spans.

use serde::Serialize;
use std::borrow::Cow;

use crate::engine::scope::Scope;
use crate::json::span::Span;

/// How bad a finding is, ordered from the least to the most severe.
///
/// ```
/// use fr_fhir_core::finding::Severity;
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!("error".parse::<Severity>(), Ok(Severity::Error));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Not a defect: context for the reader (e.g. the request was taken from the self link).
    Information,
    /// SHOULD-level, kit-only or disputed requirement.
    Warning,
    /// A non-conformity: profile constraint, SHALL requirement, or data SAS cannot process.
    Error,
    /// The input could not be used at all (not JSON, not a Bundle...).
    Fatal,
}

impl Severity {
    /// The FHIR `IssueSeverity` code (also used in JSON output).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
            Severity::Fatal => "fatal",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "information" | "info" => Ok(Severity::Information),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            "fatal" => Ok(Severity::Fatal),
            other => Err(format!(
                "unknown severity `{other}` (expected fatal, error, warning or information)"
            )),
        }
    }
}

/// Findings counted per severity.
///
/// ```
/// use fr_fhir_core::finding::{Counts, Severity};
/// let mut c = Counts::default();
/// c.add(Severity::Error);
/// c.add(Severity::Warning);
/// assert_eq!(c.at_least(Severity::Error), 1);
/// assert_eq!(c.total(), 2);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Counts {
    /// Fatal findings.
    pub fatal: u64,
    /// Errors.
    pub error: u64,
    /// Warnings.
    pub warning: u64,
    /// Information.
    pub information: u64,
}

impl Counts {
    /// Counts one finding.
    pub fn add(&mut self, s: Severity) {
        *self.get_mut(s) += 1;
    }

    /// The count of one severity.
    pub fn get(&self, s: Severity) -> u64 {
        match s {
            Severity::Fatal => self.fatal,
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Information => self.information,
        }
    }

    fn get_mut(&mut self, s: Severity) -> &mut u64 {
        match s {
            Severity::Fatal => &mut self.fatal,
            Severity::Error => &mut self.error,
            Severity::Warning => &mut self.warning,
            Severity::Information => &mut self.information,
        }
    }

    /// Adds other counts.
    pub fn merge(&mut self, o: &Counts) {
        self.fatal += o.fatal;
        self.error += o.error;
        self.warning += o.warning;
        self.information += o.information;
    }

    /// Number of findings at or above `s`.
    pub fn at_least(&self, s: Severity) -> u64 {
        [Severity::Fatal, Severity::Error, Severity::Warning, Severity::Information]
            .into_iter()
            .filter(|&k| k >= s)
            .map(|k| self.get(k))
            .sum()
    }

    /// Number of findings of every severity.
    pub fn total(&self) -> u64 {
        self.at_least(Severity::Information)
    }

    /// These counts plus one per finding of `findings` (a report's counts:
    /// what it did not store, plus what it holds).
    pub fn with<'f>(mut self, findings: impl IntoIterator<Item = &'f Finding>) -> Counts {
        for f in findings {
            self.add(f.severity);
        }
        self
    }
}

/// A message in both languages of the users.
///
/// ```
/// use fr_fhir_core::finding::{Lang, Message};
/// let m = Message::new("`status` vaut `busy`, attendu `free`", "`status` is `busy`, expected `free`");
/// assert!(m.get(Lang::Fr).starts_with("`status` vaut"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Message {
    /// French text.
    pub fr: String,
    /// English text.
    pub en: String,
}

impl Message {
    /// Builds a bilingual message.
    ///
    /// ```
    /// let m = fr_fhir_core::finding::Message::new("manquant", "missing");
    /// assert_eq!(m.get(fr_fhir_core::finding::Lang::En), "missing");
    /// ```
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Message { fr: fr.into(), en: en.into() }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// Output language.
///
/// ```
/// use fr_fhir_core::finding::Lang;
/// assert_eq!(Lang::default(), Lang::Fr);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Français (the default: the users are French).
    #[default]
    Fr,
    /// English.
    En,
}

/// What a finding points at.
///
/// ```
/// use fr_fhir_core::engine::Options;
/// use fr_fhir_core::finding::Target;
/// let report = fr_fhir_core::rules::validate(r#"{"resourceType":"Bundle","type":"searchset"}"#, &Options::default())?;
/// assert!(report.findings.iter().any(|f| matches!(f.target, Target::Body { .. })));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An element of the JSON body. `span` is the element itself, or its
    /// parent object when `child` names a missing element.
    Body {
        /// Byte span in the body.
        span: Span,
        /// Name of a missing child element (`end` in `Slot.end`), if any.
        child: Option<Cow<'static, str>>,
    },
    /// A part of the request query string (`span` is relative to the query).
    Request {
        /// Byte span inside the request target (path + query) as captured.
        span: Span,
        /// Parameter name as an expression (`start`, `status`...).
        param: Cow<'static, str>,
    },
    /// The exchange as a whole: status line, headers, timings.
    Exchange {
        /// What part: `status`, `header:Content-Type`, `time`...
        part: Cow<'static, str>,
    },
}

/// Static description of a rule, as listed by `sas-validate rules`.
///
/// ```
/// use fr_fhir_core::finding::Severity;
/// let rule = fr_fhir_core::rules::catalog::by_id("RO1-SLOT-004").unwrap();
/// assert_eq!((rule.name, rule.severity), ("slot-instant-sas-format", Severity::Error));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct RuleMeta {
    /// Stable ID from the rule catalogue (SPEC §7), e.g. `RO1-SLOT-004`.
    pub id: &'static str,
    /// Readable kebab-case name, e.g. `slot-instant-sas-format`.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Use cases the rule applies to (written `PS,CPTS`, `ALL`...): a
    /// finding of the rule never holds outside them.
    pub scope: Scope,
    /// Where the constraint comes from (IG element, requirement `agg-psindiv #N`).
    pub source: &'static str,
    /// One-line summary in French.
    pub summary_fr: &'static str,
    /// One-line summary in English.
    pub summary_en: &'static str,
    /// The user documentation shown by `sas-validate explain`.
    #[serde(skip)]
    #[cfg_attr(feature = "schemars", schemars(skip))]
    pub doc: RuleDoc,
}

/// The user documentation of a rule, in fixed sections (the layout of
/// `ruff rule`): what the rule checks, why (its source, and the reading of
/// SPEC §8 it follows when sources disagree, `AMB-nn`), a short failing
/// input, and how to fix it, each in French and in English.
///
/// ```
/// use fr_fhir_core::rules::catalog::by_id;
/// let d = &by_id("RO1-SLOT-005").unwrap().doc;
/// assert!(d.example_en.contains("\"start\""));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleDoc {
    /// What the rule checks, in French.
    pub what_fr: &'static str,
    /// Why: the source of the constraint and the reading adopted, in French.
    pub why_fr: &'static str,
    /// A short failing input (JSON excerpt, request URL or HTTP line), notes in French.
    pub example_fr: &'static str,
    /// How to fix it, in French.
    pub fix_fr: &'static str,
    /// What the rule checks, in English.
    pub what_en: &'static str,
    /// Why: the source of the constraint and the reading adopted, in English.
    pub why_en: &'static str,
    /// A short failing input (JSON excerpt, request URL or HTTP line), notes in English.
    pub example_en: &'static str,
    /// How to fix it, in English.
    pub fix_en: &'static str,
}

impl RuleDoc {
    /// The four sections in `lang`, each with its heading, in display order.
    ///
    /// ```
    /// use fr_fhir_core::finding::Lang;
    /// let d = &fr_fhir_core::rules::catalog::by_id("slot-status-free").unwrap().doc;
    /// let sections = d.sections(Lang::Fr);
    /// assert_eq!(sections[0].0, "Ce que vérifie la règle");
    /// assert_eq!(sections[3].1, d.fix_fr);
    /// ```
    pub fn sections(&self, lang: Lang) -> [(&'static str, &'static str); 4] {
        match lang {
            Lang::Fr => [
                ("Ce que vérifie la règle", self.what_fr),
                ("Pourquoi", self.why_fr),
                ("Exemple en défaut", self.example_fr),
                ("Correction", self.fix_fr),
            ],
            Lang::En => [
                ("What it checks", self.what_en),
                ("Why", self.why_en),
                ("Failing example", self.example_en),
                ("How to fix", self.fix_en),
            ],
        }
    }
}

/// One defect (or remark) found in an input.
///
/// ```
/// use fr_fhir_core::engine::Options;
/// use fr_fhir_core::finding::Severity;
/// let src = r#"{"resourceType":"Bundle","type":"collection"}"#;
/// let report = fr_fhir_core::rules::validate(src, &Options::default())?;
/// let f = report.findings.iter().find(|f| f.severity >= Severity::Error).unwrap();
/// println!("{f}"); // `line:col: severity RULE-ID name: message [FHIRPath]`
/// assert!(f.resolved.is_some());
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule that produced it.
    pub rule: &'static RuleMeta,
    /// Severity, possibly different from the rule's default (strict mode, AMB readings).
    pub severity: Severity,
    /// Where it points.
    pub target: Target,
    /// What is wrong, naming the actual and the expected value.
    pub message: Message,
    /// Filled by resolution: FHIRPath with indices, line and column (1-based).
    pub resolved: Option<Resolved>,
    /// The defect this finding is a consequence of, when it is a knock-on
    /// (SPEC §10 "Repetition and causes"): the slots of a schedule whose
    /// practitioner was not requested all name that practitioner. Boxed: most
    /// findings have none and `Finding` is moved around a lot.
    pub cause: Option<Box<Cause>>,
    /// Where this finding's constraint comes from when it is more precise than
    /// the rule's `source` (the profile URL and element id of a structural
    /// finding: `http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur#Slot.status`).
    pub source: Option<Cow<'static, str>>,
}

/// The one-line form of the command line: `line:column: severity RULE-ID
/// name: message [expression]`, in English; the alternate form (`{:#}`) is
/// in French.
///
/// ```
/// use fr_fhir_core::rules::{Options, validate};
/// let src = r#"{"resourceType":"Bundle","type":"collection","total":0}"#;
/// let report = validate(src, &Options::default()).unwrap();
/// let f = report.findings.iter().find(|f| f.rule.id == "RO1-BUNDLE-001").unwrap();
/// assert_eq!(
///     format!("{f}"),
///     "1:33: error RO1-BUNDLE-001 bundle-type-searchset: Bundle.type is `collection`: `searchset` expected [Bundle.type]"
/// );
/// assert!(format!("{f:#}").contains("erreur RO1-BUNDLE-001"));
/// ```
impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (lang, severity) = if f.alternate() {
            let sev = match self.severity {
                Severity::Fatal => "fatal",
                Severity::Error => "erreur",
                Severity::Warning => "avertissement",
                Severity::Information => "information",
            };
            (Lang::Fr, sev)
        } else {
            (Lang::En, self.severity.as_str())
        };
        if let Some(r) = self.resolved.as_ref().filter(|r| r.line > 0) {
            write!(f, "{}:{}: ", r.line, r.column)?;
        }
        write!(f, "{severity} {} {}: {}", self.rule.id, self.rule.name, self.message.get(lang))?;
        match self.resolved.as_ref().filter(|r| !r.expression.is_empty()) {
            Some(r) => write!(f, " [{}]", r.expression),
            None => Ok(()),
        }
    }
}

/// A finding as data: rule ID and name, severity, location (expression,
/// line, column when resolved), message in both languages, source, cause.
/// The internal byte spans are left out.
///
/// ```
/// use fr_fhir_core::rules::{Options, validate};
/// let src = r#"{"resourceType":"Bundle","type":"collection","total":0}"#;
/// let report = validate(src, &Options::default()).unwrap();
/// let json = serde_json::to_value(&report.findings[0]).unwrap();
/// assert!(json["rule"].as_str().unwrap().starts_with("RO1-"));
/// assert!(json["message"]["fr"].is_string() && json["line"].is_number());
/// ```
impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let r = self.resolved.as_ref();
        let mut st = s.serialize_struct("Finding", 9)?;
        st.serialize_field("rule", self.rule.id)?;
        st.serialize_field("name", self.rule.name)?;
        st.serialize_field("severity", &self.severity)?;
        let expression = r.map(|r| r.expression.as_str()).filter(|e| !e.is_empty());
        st.serialize_field("expression", &expression)?;
        st.serialize_field("line", &r.map(|r| r.line).filter(|&l| l > 0))?;
        st.serialize_field("column", &r.map(|r| r.column).filter(|&c| c > 0))?;
        st.serialize_field("message", &self.message)?;
        st.serialize_field("source", self.source())?;
        st.serialize_field("cause", &self.cause)?;
        st.end()
    }
}

/// What a knock-on finding is a consequence of.
///
/// Every finding caused by the same defect carries the same `message`, so that
/// renderers can group them under it.
///
/// ```
/// use fr_fhir_core::finding::{Cause, Message};
/// let c = Cause::new(Message::new("praticien absent", "practitioner missing"))
///     .at("Bundle.entry[3].resource");
/// assert_eq!(c.expression.as_deref(), Some("Bundle.entry[3].resource"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Cause {
    /// The cause in both languages, naming the resource and the defect.
    pub message: Message,
    /// Where the cause is, when it is one element of the same body
    /// (FHIRPath with indices, as in [`Resolved::expression`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
}

impl Cause {
    /// A cause without a location.
    pub fn new(message: Message) -> Self {
        Cause { message, expression: None }
    }

    /// The same cause located at `expression` (a FHIRPath of the body).
    pub fn at(mut self, expression: impl Into<String>) -> Self {
        self.expression = Some(expression.into());
        self
    }
}

/// The rendered location of a finding.
///
/// ```
/// use fr_fhir_core::engine::Options;
/// let src = "{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\"\n}";
/// let report = fr_fhir_core::rules::validate(src, &Options::default())?;
/// let at = report.findings.iter().filter_map(|f| f.resolved.as_ref()).find(|r| r.expression == "Bundle.type").unwrap();
/// assert_eq!((at.line, at.column), (3, 11));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Resolved {
    /// FHIRPath with indices, e.g. `Bundle.entry[3].resource.end`.
    pub expression: String,
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column (in characters) in the file.
    pub column: u32,
    /// Byte offset in the file of that line and column, when known (renderers
    /// cut their source snippets there without re-reading the file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

impl Finding {
    /// A finding on an element of the body, with the rule's default severity.
    pub fn body(rule: &'static RuleMeta, span: Span, message: Message) -> Self {
        Finding {
            rule,
            severity: rule.severity,
            target: Target::Body { span, child: None },
            message,
            resolved: None,
            cause: None,
            source: None,
        }
    }

    /// A finding on one part of an exchange (`request.method`,
    /// `response.status`, a header...), with the rule's default severity.
    pub fn exchange(rule: &'static RuleMeta, part: &'static str, message: Message) -> Self {
        Finding {
            rule,
            severity: rule.severity,
            target: Target::Exchange { part: Cow::Borrowed(part) },
            message,
            resolved: None,
            cause: None,
            source: None,
        }
    }

    /// A finding on a missing `child` of the object at `parent`.
    pub fn missing(
        rule: &'static RuleMeta,
        parent: Span,
        child: impl Into<Cow<'static, str>>,
        message: Message,
    ) -> Self {
        Finding {
            rule,
            severity: rule.severity,
            target: Target::Body { span: parent, child: Some(child.into()) },
            message,
            resolved: None,
            cause: None,
            source: None,
        }
    }

    /// Where the constraint comes from: the finding's own source, else its rule's.
    pub fn source(&self) -> &str {
        self.source.as_deref().unwrap_or(self.rule.source)
    }

    /// Same finding, with the precise source of its constraint.
    pub fn with_source(mut self, source: impl Into<Cow<'static, str>>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Same finding with another severity.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Same finding, marked as a consequence of `cause`.
    pub fn caused_by(mut self, cause: Cause) -> Self {
        self.cause = Some(Box::new(cause));
        self
    }
}
