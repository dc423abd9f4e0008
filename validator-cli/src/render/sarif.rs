//! `--format sarif`: SARIF 2.1.0, the rule catalogue as `rules[]` (with the
//! documentation of `explain` as help), one result per finding with its
//! physical location, unusable inputs as tool execution notifications.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use fr_fhir_core::finding::{Lang, Severity};
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
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<BaseIds>,
    invocations: Vec<Invocation>,
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

/// `%SRCROOT%`: the working directory, that relative URIs start from.
#[derive(Serialize)]
struct BaseIds {
    #[serde(rename = "%SRCROOT%")]
    src_root: BaseUri,
}

#[derive(Serialize)]
struct BaseUri {
    uri: String,
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
    help_uri: String,
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
    uri: SharedStr,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
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
    /// One location: an array of one, without an allocation per result.
    locations: [Location; 1],
    partial_fingerprints: Fingerprints,
    properties: ResultProperties,
}

/// Lets code-scanning services follow a finding across runs (the same
/// fingerprint as `--baseline`).
#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "sasValidate/v1")]
    v1: String,
}

#[derive(Serialize)]
struct ResultProperties {
    severity: &'static str,
    exchange: usize,
    /// The finding's own source (`profile URL#element id` of a structural
    /// finding); absent when it is its rule's (`rules[].properties.source`).
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<std::borrow::Cow<'static, str>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_locations: Option<[LogicalLocation; 1]>,
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

/// A string shared by every result of one input (its URI): cloned by a
/// reference count, written as a plain JSON string.
#[derive(Clone)]
struct SharedStr(std::rc::Rc<str>);

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl SharedStr {
    #[cfg(test)]
    fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        SharedStr(s.into())
    }
}

/// SARIF result level of a severity.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Fatal | Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information => "note",
    }
}

/// Id of the base URI of relative artifact locations.
const SRCROOT: &str = "%SRCROOT%";

/// Where an input is, for SARIF: relative to `%SRCROOT%` (the working
/// directory, `cwd`) when it is under it, so that code-scanning services
/// map it onto the repository; an absolute `file://` URI otherwise.
fn artifact(path: &str, cwd: Option<&Path>) -> ArtifactLocation {
    let under = cwd.and_then(|cwd| {
        if path == "-" {
            return None;
        }
        let p = Path::new(path);
        let abs = std::fs::canonicalize(cwd.join(p)).unwrap_or_else(|_| cwd.join(p));
        abs.strip_prefix(cwd)
            .ok()
            .filter(|rel| !rel.components().any(|c| c == std::path::Component::ParentDir))
            .map(|rel| rel.to_string_lossy().into_owned())
    });
    match under {
        Some(rel) => {
            ArtifactLocation { uri: uri(&rel).into(), uri_base_id: Some(SRCROOT), index: None }
        }
        None => {
            let abs = match cwd {
                Some(cwd) if path != "-" && Path::new(path).is_relative() => {
                    cwd.join(path).to_string_lossy().into_owned()
                }
                _ => path.to_string(),
            };
            ArtifactLocation { uri: uri(&abs).into(), uri_base_id: None, index: None }
        }
    }
}

/// A path as a SARIF URI reference: relative paths stay relative, absolute
/// ones become `file://` URIs; bytes outside the unreserved set are
/// percent-encoded.
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
    let sections = r.doc.sections(lang);
    let what = sections.first().map_or(summary, |s| s.1);
    let text = sections.iter().map(|(h, b)| format!("{h}\n{b}")).collect::<Vec<_>>().join("\n\n");
    let markdown =
        sections.iter().map(|(h, b)| format!("## {h}\n\n{b}")).collect::<Vec<_>>().join("\n\n");
    Rule {
        id: r.id,
        name: r.name,
        short_description: Text { text: summary.to_string() },
        full_description: Text { text: what.to_string() },
        help: Help { text, markdown },
        help_uri: crate::rules_doc::help_uri(r.id),
        default_configuration: Configuration { level: level(r.severity) },
        properties: RuleProperties {
            tags: r.scope.to_string().split(',').map(str::to_string).collect(),
            source: r.source,
            severity: r.severity.as_str(),
        },
    }
}

/// The SARIF renderer.
pub(crate) struct Sarif {
    ctx: Ctx,
    /// The working directory (canonical), base of relative URIs.
    cwd: Option<PathBuf>,
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult>,
    notifications: Vec<Notification>,
    /// Position of each rule in `rules[]`, by ID (looked up once per result).
    rule_index: std::collections::HashMap<&'static str, usize>,
}

impl Sarif {
    /// A SARIF renderer.
    pub fn new(ctx: Ctx) -> Self {
        let cwd = std::env::current_dir().and_then(std::fs::canonicalize).ok();
        let rule_index =
            int_ro1::catalog().rules().iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        Sarif {
            ctx,
            cwd,
            artifacts: Vec::new(),
            results: Vec::new(),
            notifications: Vec::new(),
            rule_index,
        }
    }
}

fn file_location(a: &ArtifactLocation, index: usize, region: Option<Region>) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: a.uri.clone(),
            uri_base_id: a.uri_base_id,
            index: Some(index),
        },
        region,
    }
}

impl Renderer for Sarif {
    fn input(&mut self, _out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        let lang = self.ctx.lang;
        let index = self.artifacts.len();
        let u = artifact(&r.path, self.cwd.as_deref());
        self.artifacts.push(Artifact {
            location: ArtifactLocation {
                uri: u.uri.clone(),
                uri_base_id: u.uri_base_id,
                index: None,
            },
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
        let dropped: u64 = r.units.iter().map(|u| u.dropped).sum();
        if dropped > 0 {
            // The totals count them; the results cannot list them.
            let (fr, en) = (
                format!(
                    "{dropped} constats (informations et avertissements) non conservés au-delà de la limite de 10 000 : comptés dans les totaux, pas listés (--statistics ou --baseline les conservent tous)"
                ),
                format!(
                    "{dropped} findings (information and warnings) not stored beyond the cap of 10,000: counted in the totals, not listed (--statistics or --baseline keep them all)"
                ),
            );
            notes.push(("note", if lang == Lang::Fr { fr } else { en }, None));
        }
        for (level, text, region) in notes {
            self.notifications.push(Notification {
                level,
                message: Text { text: format!("{}: {text}", r.path) },
                locations: vec![Location {
                    physical_location: file_location(&u, index, region),
                    logical_locations: None,
                }],
            });
        }
        // The report is ours: its strings move into the results.
        for unit in r.units {
            for it in unit.items {
                let region = (it.line > 0).then(|| Region {
                    start_line: it.line,
                    start_column: (it.column > 0).then_some(it.column),
                    snippet: it.snippet.map(|s| Text { text: s.text }),
                });
                let logical = (!it.expression.is_empty()).then_some([LogicalLocation {
                    fully_qualified_name: it.expression,
                    kind: "element",
                }]);
                let message = match lang {
                    Lang::Fr => it.message.fr,
                    Lang::En => it.message.en,
                };
                self.results.push(SarifResult {
                    rule_id: it.rule.id,
                    rule_index: self.rule_index.get(it.rule.id).copied().unwrap_or(0),
                    level: level(it.severity),
                    message: Text { text: message },
                    locations: [Location {
                        physical_location: file_location(&u, index, region),
                        logical_locations: logical,
                    }],
                    partial_fingerprints: Fingerprints { v1: it.fingerprint },
                    properties: ResultProperties {
                        severity: it.severity.as_str(),
                        exchange: unit.subject.index,
                        source: it.source,
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
                original_uri_base_ids: self.cwd.as_ref().map(|cwd| BaseIds {
                    src_root: BaseUri {
                        uri: format!("{}/", uri(&cwd.to_string_lossy()).trim_end_matches('/')),
                    },
                }),
                tool: Tool {
                    driver: Driver {
                        name: TOOL,
                        version: VERSION,
                        semantic_version: VERSION,
                        language: super::json::lang_code(&self.ctx),
                        rules: int_ro1::catalog().rules().iter().map(|r| rule(r, lang)).collect(),
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
    fn inputs_under_the_working_directory_are_relative_to_srcroot() {
        let cwd = Path::new("/nonexistent/work");
        let a = artifact("examples/a.json", Some(cwd));
        assert_eq!((a.uri.as_str(), a.uri_base_id), ("examples/a.json", Some(SRCROOT)));
        let a = artifact("/nonexistent/work/b.json", Some(cwd));
        assert_eq!((a.uri.as_str(), a.uri_base_id), ("b.json", Some(SRCROOT)));
        let a = artifact("/elsewhere/c.json", Some(cwd));
        assert_eq!((a.uri.as_str(), a.uri_base_id), ("file:///elsewhere/c.json", None));
        assert_eq!(artifact("-", Some(cwd)).uri_base_id, None);
        assert_eq!(artifact("../d.json", Some(cwd)).uri_base_id, None);
    }

    #[test]
    fn every_rule_has_help() {
        for r in int_ro1::catalog().rules() {
            let s = rule(r, Lang::En);
            assert!(!s.help.text.is_empty() && !s.short_description.text.is_empty(), "{}", r.id);
        }
    }
}
