//! `--format json`: one document for the whole run. The layout is the
//! contract documented in JSON-OUTPUT.md; its JSON Schema (`sas-validate
//! schema`) is derived from these types.

use std::io::{self, Write};

use fr_fhir_core::rules::{Subject, UseCaseSource};
use schemars::JsonSchema;
use serde::Serialize;

use super::{Ctx, Renderer, TOOL, VERSION};
use crate::model::{self, InputReport, Item, Summary, UnitReport};

/// Version of the document layout (bumped on incompatible changes).
pub const FORMAT_VERSION: u32 = 1;

/// The whole report.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Report {
    /// Version of this layout: 1.
    pub version: u32,
    /// The tool that wrote the report.
    pub tool: Tool,
    /// Language of the `message` fields: `fr` or `en`.
    pub lang: &'static str,
    /// Totals of the run.
    pub summary: JsonSummary,
    /// One element per input, in command-line order (directories in name order).
    pub inputs: Vec<Input>,
}

/// Name and version of the tool.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Tool {
    /// `sas-validate`.
    pub name: &'static str,
    /// Its version.
    pub version: &'static str,
}

/// Totals of the run.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct JsonSummary {
    /// Inputs seen (files, `-`).
    pub inputs: u64,
    /// Inputs that could not be used at all (missing, unreadable, not JSON...).
    pub unusable: u64,
    /// Inputs with at least one finding at or above `fail_on`.
    pub failed: u64,
    /// Exchanges validated (a body file is one exchange).
    pub exchanges: u64,
    /// Findings per severity, hidden ones included.
    pub findings: Counts,
    /// Findings not listed because of `--min-severity`.
    pub hidden: u64,
    /// Findings dropped beyond the per-input cap (10,000).
    pub dropped: u64,
    /// Findings of rules left out by `--select` / `--ignore` (not counted).
    pub ignored: u64,
    /// Findings suppressed by `--baseline` (not counted).
    pub baselined: u64,
    /// The `--fail-on` threshold.
    pub fail_on: &'static str,
    /// Exit status of the run: 0, 1 or 2.
    pub exit_code: u8,
}

/// Findings per severity.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
pub(crate) struct Counts {
    /// Fatal findings.
    pub fatal: u64,
    /// Errors.
    pub error: u64,
    /// Warnings.
    pub warning: u64,
    /// Information.
    pub information: u64,
}

impl From<&model::Counts> for Counts {
    fn from(c: &model::Counts) -> Self {
        Counts { fatal: c.fatal, error: c.error, warning: c.warning, information: c.information }
    }
}

/// One input.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Input {
    /// The path as given on the command line (directory walk: joined), `-` for stdin.
    pub path: String,
    /// `body` (a response body) or `har` (a capture); null when it could not be read.
    pub kind: Option<&'static str>,
    /// Size in bytes.
    pub size: u64,
    /// Remarks on the input itself (e.g. a byte order mark).
    pub notes: Vec<Text>,
    /// Why the input could not be used (exit status 2); null otherwise.
    pub error: Option<InputError>,
    /// The exchanges, in file order.
    pub exchanges: Vec<Exchange>,
}

/// A bilingual text.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Text {
    /// In the language of the run.
    pub message: String,
    /// In French.
    pub message_fr: String,
    /// In English.
    pub message_en: String,
}

impl Text {
    /// From a message.
    pub fn new(m: &fr_fhir_core::finding::Message, ctx: &Ctx) -> Self {
        Text { message: m.get(ctx.lang).into(), message_fr: m.fr.clone(), message_en: m.en.clone() }
    }
}

/// Why an input could not be used.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct InputError {
    /// In the language of the run.
    pub message: String,
    /// In French.
    pub message_fr: String,
    /// In English.
    pub message_en: String,
    /// FHIR IssueType code: `not-found`, `security`, `structure`, `too-costly`, `processing`, `exception`...
    pub code: &'static str,
    /// 1-based line of the problem, when it has one.
    pub line: Option<u32>,
    /// 1-based column (Unicode characters), when it has one.
    pub column: Option<u32>,
    /// Byte offset in the file, when it has one.
    pub offset: Option<u64>,
}

/// One request/response exchange.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Exchange {
    /// What the exchange is.
    #[serde(flatten)]
    pub head: ExchangeHead,
    /// Findings at or above `--min-severity`, in document order.
    pub findings: Vec<Finding>,
}

/// One request/response exchange, without its findings.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct ExchangeHead {
    /// Position in the file (HAR entry index; 0 for a body file).
    pub index: usize,
    /// HTTP method, when known.
    pub method: Option<String>,
    /// Request URL, when known (`--request`, HAR).
    pub url: Option<String>,
    /// HTTP status, when known.
    pub status: Option<u16>,
    /// `resourceType` of the body (empty when none).
    pub resource_type: String,
    /// Use case retained: `PS`, `CPTS` or `SOS`.
    // `UseCase` serialises in lower case (`ps`); this report has always
    // written the catalogue's upper-case name, hence its `as_str`.
    pub use_case: &'static str,
    /// Why: `option`, `request`, `profile`, `content` or `default`.
    // Described as a plain string, as before the enum: the published schema
    // of the report does not change.
    #[schemars(with = "String")]
    pub use_case_source: UseCaseSource,
    /// Bundle entries read.
    pub entries: u32,
    /// Findings per severity, hidden ones included.
    pub counts: Counts,
    /// Findings not listed because of `--min-severity`.
    pub hidden: u64,
    /// Findings dropped beyond the cap.
    pub dropped: u64,
}

/// One finding.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Finding {
    /// Stable rule ID, e.g. `RO1-SLOT-005`.
    pub rule: &'static str,
    /// Rule name, e.g. `slot-start-before-end`.
    pub name: &'static str,
    /// `fatal`, `error`, `warning` or `information`.
    pub severity: &'static str,
    /// FHIRPath with indices into the body (`Bundle.entry[3].resource.end`), or
    /// `request.query.<param>` / `exchange.<part>`; empty when unknown.
    pub expression: String,
    /// 1-based line in the file; null when the finding has no position.
    pub line: Option<u32>,
    /// 1-based column in Unicode characters; null when unknown.
    pub column: Option<u32>,
    /// The message in the language of the run.
    pub message: String,
    /// The message in French.
    pub message_fr: String,
    /// The message in English.
    pub message_en: String,
    /// Where the constraint comes from: the finding's own source when it has
    /// one (a structural finding names `profile URL#element id`), else its
    /// rule's (IG page, requirement number).
    pub source: std::borrow::Cow<'static, str>,
    /// The source line around the position; null when there is none.
    pub snippet: Option<Snippet>,
    /// For a knock-on finding, the defect it is a consequence of (the
    /// schedule's practitioner that was not requested...); absent otherwise.
    /// Findings with the same cause share the same text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<CauseText>,
    /// Stable identity for `--baseline` (16 hex digits, FNV-1a 64 of rule,
    /// input path, exchange, expression and the value there).
    pub fingerprint: String,
}

/// The cause of a knock-on finding, in both languages.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct CauseText {
    /// The cause in French.
    pub fr: String,
    /// The cause in English.
    pub en: String,
}

/// A window on the source line of a finding.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Snippet {
    /// The text (tabs as spaces); at most 100 characters.
    pub text: String,
    /// Number of characters of `text` before the position.
    pub caret: usize,
    /// The line goes on before `text`.
    pub cut_left: bool,
    /// The line goes on after `text`.
    pub cut_right: bool,
}

/// Builds the input element.
pub fn input(r: InputReport, ctx: &Ctx) -> Input {
    Input {
        path: r.path,
        kind: r.kind.map(|k| k.as_str()),
        size: r.size,
        notes: r.notes.iter().map(|n| Text::new(n, ctx)).collect(),
        error: r.error.map(|e| InputError {
            message: e.message.get(ctx.lang).into(),
            message_fr: e.message.fr,
            message_en: e.message.en,
            code: e.code,
            line: e.position.map(|p| p.0),
            column: e.position.map(|p| p.1),
            offset: e.offset,
        }),
        exchanges: r.units.into_iter().map(|u| exchange(u, ctx)).collect(),
    }
}

/// Builds an exchange element (the report is the renderer's: its strings
/// move into the element).
pub fn exchange(u: UnitReport, ctx: &Ctx) -> Exchange {
    let head = exchange_head(&u);
    Exchange { head, findings: u.items.into_iter().map(|i| finding(i, ctx)).collect() }
}

/// Builds an exchange element without its findings.
pub fn exchange_head(u: &UnitReport) -> ExchangeHead {
    // Every field of the header, by name: a field added to `Subject` is a
    // decision for the published schema, not a silent omission.
    let Subject { index, method, url, status, resource_type, use_case, use_case_source, entries } =
        &u.subject;
    ExchangeHead {
        index: *index,
        method: method.clone(),
        url: url.clone(),
        status: *status,
        resource_type: resource_type.clone(),
        use_case: use_case.as_str(),
        use_case_source: *use_case_source,
        entries: *entries,
        counts: (&u.counts).into(),
        hidden: u.hidden,
        dropped: u.dropped,
    }
}

/// Builds a finding element.
pub fn finding(i: Item, ctx: &Ctx) -> Finding {
    Finding {
        rule: i.rule.id,
        name: i.rule.name,
        severity: i.severity.as_str(),
        expression: i.expression,
        line: (i.line > 0).then_some(i.line),
        column: (i.column > 0).then_some(i.column),
        message: i.message.get(ctx.lang).into(),
        message_fr: i.message.fr,
        message_en: i.message.en,
        source: i.source.unwrap_or(std::borrow::Cow::Borrowed(i.rule.source)),
        snippet: i.snippet.map(|s| Snippet {
            text: s.text,
            caret: s.caret,
            cut_left: s.cut_left,
            cut_right: s.cut_right,
        }),
        cause: i.cause.map(|c| CauseText { fr: c.fr, en: c.en }),
        fingerprint: i.fingerprint,
    }
}

/// Builds the summary element.
pub fn summary(s: &Summary, ctx: &Ctx) -> JsonSummary {
    JsonSummary {
        inputs: s.inputs,
        unusable: s.unusable,
        failed: s.failed,
        exchanges: s.exchanges,
        findings: (&s.counts).into(),
        hidden: s.hidden,
        dropped: s.dropped,
        ignored: s.ignored,
        baselined: s.baselined,
        fail_on: ctx.fail_on.as_str(),
        exit_code: s.exit_code,
    }
}

/// Language code.
pub fn lang_code(ctx: &Ctx) -> &'static str {
    match ctx.lang {
        fr_fhir_core::finding::Lang::Fr => "fr",
        fr_fhir_core::finding::Lang::En => "en",
    }
}

/// The JSON renderer.
pub(crate) struct Json {
    ctx: Ctx,
    inputs: Vec<Input>,
}

impl Json {
    /// A JSON renderer.
    pub fn new(ctx: Ctx) -> Self {
        Json { ctx, inputs: Vec::new() }
    }
}

impl Renderer for Json {
    fn input(&mut self, _out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        self.inputs.push(input(r, &self.ctx));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let report = Report {
            version: FORMAT_VERSION,
            tool: Tool { name: TOOL, version: VERSION },
            lang: lang_code(&self.ctx),
            summary: summary(s, &self.ctx),
            inputs: std::mem::take(&mut self.inputs),
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)
    }
}
