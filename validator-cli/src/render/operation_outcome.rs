//! `--format operation-outcome`: a FHIR R4 OperationOutcome per input (a
//! `collection` Bundle of them when there are several), so that FHIR tooling
//! can read the findings.
//!
//! The reports are kept until `finish` (one input is one OperationOutcome,
//! several are a Bundle: the shape is known at the end) and serialized from
//! borrowed views, built issue by issue while writing: no copy of the
//! messages, which keeps the cost per finding within the budget.

use std::fmt;
use std::io::{self, Write};

use fr_fhir_core::finding::{Message, RuleMeta, Severity};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use super::{Ctx, Renderer, location};
use crate::model::{InputReport, Item, Summary};

/// Code system of the rule codes in `issue.details.coding`: one stable URI
/// (kept from the first release, documented in JSON-OUTPUT.md), so that a
/// FHIR tool can match rules across runs and versions.
pub const RULE_SYSTEM: &str = "urn:sas-fhir:sas-validate:rule";

/// One issue, borrowing from the report.
#[derive(Serialize)]
struct Issue<'a> {
    severity: &'static str,
    code: &'static str,
    details: Details<'a>,
    diagnostics: Diagnostics<'a>,
    #[serde(skip_serializing_if = "Locations::is_empty")]
    location: Locations<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expression: Option<[&'a str; 1]>,
}

#[derive(Serialize)]
struct Details<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    coding: Option<[Coding; 1]>,
    text: &'a str,
}

#[derive(Serialize)]
struct Coding {
    system: &'static str,
    code: &'static str,
    display: &'static str,
}

/// `issue.diagnostics`, written straight from its parts.
enum Diagnostics<'a> {
    /// `RULE name — path:line:col #exchange`, then ` — source` when the
    /// finding has its own (`profile URL#element id`).
    Finding { item: &'a Item, path: &'a str, exchange: usize },
    /// `path:line:col` of an input (line 0: the path alone).
    At(&'a str, u32, u32),
}

impl fmt::Display for Diagnostics<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Diagnostics::Finding { item, path, exchange } => {
                write!(
                    f,
                    "{} {} \u{2014} {} #{exchange}",
                    item.rule.id,
                    item.rule.name,
                    location(path, item.line, item.column)
                )?;
                match &item.source {
                    Some(source) => write!(f, " \u{2014} {source}"),
                    None => Ok(()),
                }
            }
            Diagnostics::At(path, l, c) => f.write_str(&location(path, *l, *c)),
        }
    }
}

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `issue.location`: a HAR or request location (FHIR reserves `expression`
/// for FHIRPath), then the `Line[n] Col[m]` position of the HL7 validator.
struct Locations<'a> {
    path: Option<&'a str>,
    line: u32,
    column: u32,
}

impl Locations<'_> {
    fn is_empty(&self) -> bool {
        self.path.is_none() && self.line == 0
    }
}

/// `Line[n] Col[m]`.
struct LineCol(u32, u32);

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Line[{}] Col[{}]", self.0, self.1)
    }
}

impl Serialize for LineCol {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Locations<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        if let Some(p) = self.path {
            seq.serialize_element(p)?;
        }
        if self.line > 0 {
            seq.serialize_element(&LineCol(self.line, self.column))?;
        }
        seq.end()
    }
}

/// The IssueType of a finding: what kind of defect its rule detects.
fn issue_type(it: &Item) -> &'static str {
    // SPEC §10: a body that is not usable FHIR JSON is a structure defect.
    if it.severity == Severity::Fatal {
        return "structure";
    }
    if it.severity == Severity::Information {
        return "informational";
    }
    if it.missing {
        return "required";
    }
    by_rule(it.rule, &it.expression)
}

fn by_rule(rule: &RuleMeta, expression: &str) -> &'static str {
    let family = rule.id.trim_start_matches("RO1-").split('-').next().unwrap_or_default();
    match (family, rule.id) {
        (_, "RO1-FHIR-001" | "RO1-FHIR-002" | "RO1-JSON-001") => "structure",
        (_, "RO1-FHIR-004") => "required",
        (_, "RO1-FHIR-005") => "code-invalid",
        (_, "RO1-FHIR-006") => "invariant",
        ("REQ", _) => "invalid",
        ("HTTP", _) if expression.contains("time") => "timeout",
        ("HTTP", _) => "processing",
        ("FHIR" | "ID", _) => "value",
        _ => "business-rule",
    }
}

fn issue<'a>(path: &'a str, exchange: usize, it: &'a Item, ctx: &Ctx) -> Issue<'a> {
    let fhirpath = it.fhirpath && !it.expression.is_empty();
    Issue {
        severity: it.severity.as_str(),
        code: issue_type(it),
        details: Details {
            coding: Some([Coding { system: RULE_SYSTEM, code: it.rule.id, display: it.rule.name }]),
            text: it.message.get(ctx.lang),
        },
        diagnostics: Diagnostics::Finding { item: it, path, exchange },
        location: Locations {
            path: (!it.fhirpath && !it.expression.is_empty()).then_some(it.expression.as_str()),
            line: it.line,
            column: it.column,
        },
        expression: fhirpath.then_some([it.expression.as_str()]),
    }
}

fn plain<'a>(
    severity: &'static str,
    code: &'static str,
    path: &'a str,
    m: &'a Message,
    ctx: &Ctx,
) -> Issue<'a> {
    Issue {
        severity,
        code,
        details: Details { coding: None, text: m.get(ctx.lang) },
        diagnostics: Diagnostics::At(path, 0, 0),
        location: Locations { path: None, line: 0, column: 0 },
        expression: None,
    }
}

/// OperationOutcome.issue is 1..*: an input without issue says that all is well.
static NO_FINDING: std::sync::LazyLock<Message> =
    std::sync::LazyLock::new(|| Message::new("Aucun constat.", "No finding."));

/// The OperationOutcome of one input, serialized from the report.
struct OutcomeView<'a> {
    r: &'a InputReport,
    ctx: &'a Ctx,
}

/// The issues of one input, built one by one while serializing.
struct IssuesView<'a> {
    r: &'a InputReport,
    ctx: &'a Ctx,
}

impl Serialize for OutcomeView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("resourceType", "OperationOutcome")?;
        m.serialize_entry("issue", &IssuesView { r: self.r, ctx: self.ctx })?;
        m.end()
    }
}

impl Serialize for IssuesView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (r, ctx) = (self.r, self.ctx);
        let mut seq = s.serialize_seq(None)?;
        let mut any = false;
        if let Some(e) = &r.error {
            let mut i = plain("fatal", e.code, &r.path, &e.message, ctx);
            if let Some((l, c)) = e.position {
                i.location = Locations { path: None, line: l, column: c };
                i.diagnostics = Diagnostics::At(&r.path, l, c);
            }
            seq.serialize_element(&i)?;
            any = true;
        }
        for n in &r.notes {
            seq.serialize_element(&plain("information", "informational", &r.path, n, ctx))?;
            any = true;
        }
        for u in &r.units {
            for it in &u.items {
                seq.serialize_element(&issue(&r.path, u.subject.index, it, ctx))?;
                any = true;
            }
        }
        if !any {
            let ok = plain("information", "informational", &r.path, &NO_FINDING, ctx);
            seq.serialize_element(&ok)?;
        }
        seq.end()
    }
}

/// A `collection` Bundle of the outcomes of several inputs.
struct BundleView<'a> {
    reports: &'a [InputReport],
    ctx: &'a Ctx,
}

impl Serialize for BundleView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Entries<'a>(&'a BundleView<'a>);
        struct Entry<'a>(OutcomeView<'a>);
        impl Serialize for Entry<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("resource", &self.0)?;
                m.end()
            }
        }
        impl Serialize for Entries<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(
                    self.0.reports.iter().map(|r| Entry(OutcomeView { r, ctx: self.0.ctx })),
                )
            }
        }
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("resourceType", "Bundle")?;
        m.serialize_entry("type", "collection")?;
        m.serialize_entry("entry", &Entries(self))?;
        m.end()
    }
}

/// The OperationOutcome renderer.
pub(crate) struct OperationOutcome {
    ctx: Ctx,
    reports: Vec<InputReport>,
}

impl OperationOutcome {
    /// An OperationOutcome renderer.
    pub fn new(ctx: Ctx) -> Self {
        OperationOutcome { ctx, reports: Vec::new() }
    }
}

impl Renderer for OperationOutcome {
    fn input(&mut self, _out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        self.reports.push(r);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _s: &Summary) -> io::Result<()> {
        // serde_json writes token by token: buffer them before the `dyn Write`.
        let mut w = io::BufWriter::with_capacity(1 << 16, &mut *out);
        match self.reports.as_slice() {
            [r] => serde_json::to_writer_pretty(&mut w, &OutcomeView { r, ctx: &self.ctx })?,
            reports => {
                serde_json::to_writer_pretty(&mut w, &BundleView { reports, ctx: &self.ctx })?
            }
        }
        writeln!(w)?;
        w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use int_ro1::by_id;

    #[test]
    fn issue_types_follow_the_rule_family() {
        let t = |id: &str| by_id(id).map(|r| by_rule(r, ""));
        assert_eq!(t("RO1-FHIR-004"), Some("required"));
        assert_eq!(t("RO1-REQ-003"), Some("invalid"));
        assert_eq!(t("RO1-SLOT-005"), Some("business-rule"));
        assert_eq!(t("RO1-FHIR-003"), Some("value"));
    }

    fn item(expression: &str, fhirpath: bool, severity: Severity) -> Item {
        Item {
            rule: by_id("RO1-SLOT-005").unwrap_or_else(|| unreachable!()),
            severity,
            expression: expression.to_string(),
            fhirpath,
            line: 4,
            column: 9,
            message: Message::new("m", "m"),
            snippet: None,
            missing: false,
            source: None,
            cause: None,
            fingerprint: String::new(),
        }
    }

    #[test]
    fn fhirpath_goes_to_expression_other_locations_to_location() {
        let ctx = Ctx {
            lang: fr_fhir_core::finding::Lang::En,
            color: false,
            quiet: false,
            fail_on: Severity::Error,
        };
        let json = |it: &Item| {
            serde_json::to_value(issue("a.har", 1, it, &ctx)).unwrap_or_else(|_| unreachable!())
        };
        let body = json(&item("Bundle.entry[2].resource.end", true, Severity::Error));
        assert_eq!(body["expression"], serde_json::json!(["Bundle.entry[2].resource.end"]));
        assert_eq!(body["location"], serde_json::json!(["Line[4] Col[9]"]));
        assert_eq!(body["diagnostics"], "RO1-SLOT-005 slot-start-before-end \u{2014} a.har:4:9 #1");
        let har = json(&item("log.entries[1].time", false, Severity::Warning));
        assert!(har.get("expression").is_none());
        assert_eq!(har["location"], serde_json::json!(["log.entries[1].time", "Line[4] Col[9]"]));
        let fatal = json(&item("", false, Severity::Fatal));
        assert_eq!(fatal["severity"], "fatal");
        assert_eq!(fatal["code"], "structure");
        assert_eq!(fatal["details"]["coding"][0]["system"], RULE_SYSTEM);
    }
}
