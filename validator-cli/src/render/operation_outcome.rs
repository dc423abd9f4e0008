//! `--format operation-outcome`: a FHIR R4 OperationOutcome per input (a
//! `collection` Bundle of them when there are several), so that FHIR tooling
//! can read the findings.

use std::io::{self, Write};

use fr_fhir_core::finding::{Message, RuleMeta, Severity};
use serde::Serialize;

use super::{Ctx, Renderer, location};
use crate::model::{InputReport, Item, Summary};

/// Code system of the rule codes in `issue.details.coding`: one stable URI
/// (kept from the first release, documented in JSON-OUTPUT.md), so that a
/// FHIR tool can match rules across runs and versions.
pub const RULE_SYSTEM: &str = "urn:sas-fhir:sas-validate:rule";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Outcome {
    resource_type: &'static str,
    issue: Vec<Issue>,
}

#[derive(Serialize)]
struct Issue {
    severity: &'static str,
    code: &'static str,
    details: Details,
    diagnostics: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    location: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    expression: Vec<String>,
}

#[derive(Serialize)]
struct Details {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    coding: Vec<Coding>,
    text: String,
}

#[derive(Serialize)]
struct Coding {
    system: &'static str,
    code: &'static str,
    display: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Bundle {
    resource_type: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    entry: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    resource: Outcome,
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

fn issue(path: &str, exchange: usize, it: &Item, ctx: &Ctx) -> Issue {
    Issue {
        severity: it.severity.as_str(),
        code: issue_type(it),
        details: Details {
            coding: vec![Coding { system: RULE_SYSTEM, code: it.rule.id, display: it.rule.name }],
            text: it.message.get(ctx.lang).to_string(),
        },
        diagnostics: format!(
            "{} {} \u{2014} {} #{exchange}",
            it.rule.id,
            it.rule.name,
            location(path, it.line, it.column)
        ),
        location: locations(it),
        expression: if it.fhirpath && !it.expression.is_empty() {
            vec![it.expression.clone()]
        } else {
            Vec::new()
        },
    }
}

/// `issue.location`: a HAR or request location (FHIR reserves `expression`
/// for FHIRPath), then the `Line[n] Col[m]` position of the HL7 validator.
fn locations(it: &Item) -> Vec<String> {
    let mut l = Vec::new();
    if !it.fhirpath && !it.expression.is_empty() {
        l.push(it.expression.clone());
    }
    if it.line > 0 {
        l.push(format!("Line[{}] Col[{}]", it.line, it.column));
    }
    l
}

fn plain(severity: &'static str, code: &'static str, path: &str, m: &Message, ctx: &Ctx) -> Issue {
    Issue {
        severity,
        code,
        details: Details { coding: Vec::new(), text: m.get(ctx.lang).to_string() },
        diagnostics: path.to_string(),
        location: Vec::new(),
        expression: Vec::new(),
    }
}

fn outcome(r: &InputReport, ctx: &Ctx) -> Outcome {
    let mut issues = Vec::new();
    if let Some(e) = &r.error {
        let mut i = plain("fatal", e.code, &r.path, &e.message, ctx);
        if let Some((l, c)) = e.position {
            i.location = vec![format!("Line[{l}] Col[{c}]")];
            i.diagnostics = location(&r.path, l, c);
        }
        issues.push(i);
    }
    for n in &r.notes {
        issues.push(plain("information", "informational", &r.path, n, ctx));
    }
    for u in &r.units {
        issues.extend(u.items.iter().map(|it| issue(&r.path, u.index, it, ctx)));
    }
    if issues.is_empty() {
        // OperationOutcome.issue is 1..*: say explicitly that all is well.
        let ok = Message::new("Aucun constat.", "No finding.");
        issues.push(plain("information", "informational", &r.path, &ok, ctx));
    }
    Outcome { resource_type: "OperationOutcome", issue: issues }
}

/// The OperationOutcome renderer.
pub struct OperationOutcome {
    ctx: Ctx,
    outcomes: Vec<Outcome>,
}

impl OperationOutcome {
    /// An OperationOutcome renderer.
    pub fn new(ctx: Ctx) -> Self {
        OperationOutcome { ctx, outcomes: Vec::new() }
    }
}

impl Renderer for OperationOutcome {
    fn input(&mut self, _out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        self.outcomes.push(outcome(&r, &self.ctx));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _s: &Summary) -> io::Result<()> {
        let mut outcomes = std::mem::take(&mut self.outcomes);
        if outcomes.len() == 1
            && let Some(o) = outcomes.pop()
        {
            serde_json::to_writer_pretty(&mut *out, &o)?;
        } else {
            let entry = outcomes.into_iter().map(|resource| Entry { resource }).collect();
            let b = Bundle { resource_type: "Bundle", kind: "collection", entry };
            serde_json::to_writer_pretty(&mut *out, &b)?;
        }
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fr_fhir_core::rules::catalog::by_id;

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
            cause: None,
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
        let body =
            issue("a.har", 0, &item("Bundle.entry[2].resource.end", true, Severity::Error), &ctx);
        assert_eq!(body.expression, vec!["Bundle.entry[2].resource.end"]);
        assert_eq!(body.location, vec!["Line[4] Col[9]"]);
        let har = issue("a.har", 1, &item("log.entries[1].time", false, Severity::Warning), &ctx);
        assert!(har.expression.is_empty());
        assert_eq!(har.location, vec!["log.entries[1].time", "Line[4] Col[9]"]);
        let fatal = issue("a.json", 0, &item("", false, Severity::Fatal), &ctx);
        assert_eq!((fatal.severity, fatal.code), ("fatal", "structure"));
        assert_eq!(fatal.details.coding.first().map(|c| c.system), Some(RULE_SYSTEM));
    }
}
