//! `--format sarif`: SARIF 2.1.0, the rule catalogue as `rules[]` (with the
//! documentation of `explain` as help), one result per finding with its
//! physical location, unusable inputs as tool execution notifications.

use std::io::{self, Write};

use fr_fhir_core::finding::{Lang, Severity};
use fr_fhir_core::rules::catalog::RULES;
use fr_fhir_core::rules::docs::doc;
use serde::Serialize;

use super::{Ctx, Renderer, TOOL, VERSION};
use crate::model::{InputReport, Summary};

/// The schema the output follows.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    language: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<String>,
    source: &'static str,
    severity: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    exit_code: u8,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
struct Artifact {
    location: ArtifactLocation,
    length: u64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    properties: ResultProperties,
}

#[derive(Serialize)]
struct ResultProperties {
    severity: &'static str,
    exchange: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    fully_qualified_name: String,
    kind: &'static str,
}

/// SARIF result level of a severity.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Fatal | Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information => "note",
    }
}

/// A path as a SARIF URI reference: relative paths stay relative (to the
/// directory the tool ran in), absolute ones become `file://` URIs; bytes
/// outside the unreserved set are percent-encoded.
pub fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut out = String::new();
    if p.starts_with('/') {
        out.push_str("file://");
    }
    for b in p.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn rule(r: &fr_fhir_core::finding::RuleMeta, lang: Lang) -> Rule {
    let summary = match lang {
        Lang::Fr => r.summary_fr,
        Lang::En => r.summary_en,
    };
    let sections = doc(r.id).map(|d| d.sections(lang));
    let what = sections.as_ref().and_then(|s| s.first()).map_or(summary, |s| s.1);
    let (text, markdown) = match &sections {
        Some(s) => (
            s.iter().map(|(h, b)| format!("{h}\n{b}")).collect::<Vec<_>>().join("\n\n"),
            s.iter().map(|(h, b)| format!("## {h}\n\n{b}")).collect::<Vec<_>>().join("\n\n"),
        ),
        None => (summary.to_string(), summary.to_string()),
    };
    Rule {
        id: r.id,
        name: r.name,
        short_description: Text { text: summary.to_string() },
        full_description: Text { text: what.to_string() },
        help: Help { text, markdown },
        default_configuration: Configuration { level: level(r.severity) },
        properties: RuleProperties {
            tags: r.scope.split(',').map(|s| s.trim().to_string()).collect(),
            source: r.source,
            severity: r.severity.as_str(),
        },
    }
}

/// The SARIF renderer.
pub struct Sarif {
    ctx: Ctx,
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult>,
    notifications: Vec<Notification>,
}

impl Sarif {
    /// A SARIF renderer.
    pub fn new(ctx: Ctx) -> Self {
        Sarif { ctx, artifacts: Vec::new(), results: Vec::new(), notifications: Vec::new() }
    }
}

fn file_location(uri: String, index: usize, region: Option<Region>) -> PhysicalLocation {
    PhysicalLocation { artifact_location: ArtifactLocation { uri, index: Some(index) }, region }
}

impl Renderer for Sarif {
    fn input(&mut self, _out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        let lang = self.ctx.lang;
        let index = self.artifacts.len();
        let u = uri(&r.path);
        self.artifacts.push(Artifact {
            location: ArtifactLocation { uri: u.clone(), index: None },
            length: r.size,
        });
        let mut notes: Vec<(&'static str, String, Option<Region>)> =
            r.notes.iter().map(|n| ("warning", n.get(lang).to_string(), None)).collect();
        if let Some(e) = &r.error {
            let region = e.position.map(|(l, c)| Region {
                start_line: l.max(1),
                start_column: Some(c.max(1)),
                snippet: None,
            });
            notes.push(("error", e.message.get(lang).to_string(), region));
        }
        for (level, text, region) in notes {
            self.notifications.push(Notification {
                level,
                message: Text { text: format!("{}: {text}", r.path) },
                locations: vec![Location {
                    physical_location: file_location(u.clone(), index, region),
                    logical_locations: Vec::new(),
                }],
            });
        }
        for unit in &r.units {
            for it in &unit.items {
                let region = (it.line > 0).then(|| Region {
                    start_line: it.line,
                    start_column: (it.column > 0).then_some(it.column),
                    snippet: it.snippet.as_ref().map(|s| Text { text: s.text.clone() }),
                });
                let logical = if it.expression.is_empty() {
                    Vec::new()
                } else {
                    vec![LogicalLocation {
                        fully_qualified_name: it.expression.clone(),
                        kind: "element",
                    }]
                };
                self.results.push(SarifResult {
                    rule_id: it.rule.id,
                    rule_index: RULES.iter().position(|x| x.id == it.rule.id).unwrap_or(0),
                    level: level(it.severity),
                    message: Text { text: it.message.get(lang).to_string() },
                    locations: vec![Location {
                        physical_location: file_location(u.clone(), index, region),
                        logical_locations: logical,
                    }],
                    properties: ResultProperties {
                        severity: it.severity.as_str(),
                        exchange: unit.index,
                    },
                });
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let lang = self.ctx.lang;
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: vec![Run {
                tool: Tool {
                    driver: Driver {
                        name: TOOL,
                        version: VERSION,
                        semantic_version: VERSION,
                        language: super::json::lang_code(&self.ctx),
                        rules: RULES.iter().map(|r| rule(r, lang)).collect(),
                    },
                },
                invocations: vec![Invocation {
                    execution_successful: s.exit_code != 2,
                    exit_code: s.exit_code,
                    tool_execution_notifications: std::mem::take(&mut self.notifications),
                }],
                artifacts: std::mem::take(&mut self.artifacts),
                results: std::mem::take(&mut self.results),
                column_kind: "unicodeCodePoints",
            }],
        };
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("examples/a b.json"), "examples/a%20b.json");
        assert_eq!(uri("/tmp/é.har"), "file:///tmp/%C3%A9.har");
        assert_eq!(uri("-"), "-");
    }

    #[test]
    fn every_rule_has_help() {
        for r in RULES {
            let s = rule(r, Lang::En);
            assert!(!s.help.text.is_empty() && !s.short_description.text.is_empty(), "{}", r.id);
        }
    }
}
