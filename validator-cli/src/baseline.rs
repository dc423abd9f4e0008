//! `--write-baseline` / `--baseline`: the findings known at one point, so
//! that CI fails only on new ones. The file is JSON a person can read and
//! review in a pull request: one line of facts per finding, sorted.

use std::collections::HashMap;
use std::path::Path;

use fr_fhir_core::finding::{Message, Severity};
use serde::{Deserialize, Serialize};

use crate::model::InputReport;

/// Version of the file layout.
const VERSION: u32 = 1;

/// The baseline file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Layout version.
    version: u32,
    /// The findings, sorted.
    findings: Vec<Entry>,
}

/// One known finding. Only `fingerprint` is used to suppress: the other
/// fields say what it was, for the reader of the file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Entry {
    path: String,
    exchange: usize,
    rule: String,
    expression: String,
    fingerprint: String,
}

/// The fingerprints of a baseline with their number of occurrences: three
/// identical fingerprints suppress at most three findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    counts: HashMap<String, u32>,
}

impl Baseline {
    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Self, Message> {
        let shown = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Message::new(
                format!("{shown} : référence illisible ({e})"),
                format!("{shown}: cannot read the baseline ({e})"),
            )
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| {
            Message::new(
                format!("{shown} : ce n'est pas une référence de sas-validate ({e})"),
                format!("{shown}: not a sas-validate baseline ({e})"),
            )
        })?;
        if file.version != VERSION {
            return Err(Message::new(
                format!("{shown} : version de référence {} non prise en charge", file.version),
                format!("{shown}: unsupported baseline version {}", file.version),
            ));
        }
        let mut counts = HashMap::new();
        for e in file.findings {
            *counts.entry(e.fingerprint).or_insert(0) += 1;
        }
        Ok(Baseline { counts })
    }

    /// Number of fingerprints in the baseline.
    pub fn len(&self) -> usize {
        self.counts.values().map(|n| *n as usize).sum()
    }

    /// The baseline holds no fingerprint.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

/// What one input may still suppress. Fingerprints hold the input path, so
/// each input only uses its own: a budget per input needs no sharing
/// between worker threads.
#[derive(Debug)]
pub(crate) struct Budget<'a> {
    baseline: Option<&'a Baseline>,
    used: HashMap<String, u32>,
}

impl<'a> Budget<'a> {
    /// The budget of one input.
    pub fn new(baseline: Option<&'a Baseline>) -> Self {
        Budget { baseline, used: HashMap::new() }
    }

    /// True (and one occurrence used) when the baseline still holds `fp`.
    pub fn take(&mut self, fp: &str) -> bool {
        let Some(known) = self.baseline.and_then(|b| b.counts.get(fp)) else { return false };
        let used = self.used.entry(fp.to_string()).or_insert(0);
        if *used < *known {
            *used += 1;
            true
        } else {
            false
        }
    }
}

/// Collects the findings of a run for `--write-baseline`.
#[derive(Debug, Default)]
pub struct Writer {
    entries: Vec<Entry>,
}

impl Writer {
    /// Adds the findings of one input. Fatal findings (a broken body) are
    /// left out: a baseline must not make a broken exchange pass.
    pub fn add(&mut self, r: &InputReport) {
        for u in &r.units {
            for it in u.items.iter().filter(|it| it.severity != Severity::Fatal) {
                self.entries.push(Entry {
                    path: r.path.replace('\\', "/"),
                    exchange: u.subject.index,
                    rule: it.rule.id.to_string(),
                    expression: it.expression.clone(),
                    fingerprint: it.fingerprint.clone(),
                });
            }
        }
    }

    /// Number of findings collected.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// No finding collected.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The file text: sorted, so that the same findings give the same bytes.
    pub fn to_json(mut self) -> String {
        self.entries.sort();
        let file = File { version: VERSION, findings: self.entries };
        let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_suppresses_as_many_times_as_listed() {
        let mut b = Baseline::default();
        b.counts.insert("ab".into(), 2);
        let mut budget = Budget::new(Some(&b));
        assert!(budget.take("ab"));
        assert!(budget.take("ab"));
        assert!(!budget.take("ab"));
        assert!(!budget.take("cd"));
        assert!(!Budget::new(None).take("ab"));
    }

    #[test]
    fn written_files_read_back() {
        let w = Writer {
            entries: vec![
                Entry {
                    path: "b.json".into(),
                    exchange: 0,
                    rule: "R".into(),
                    expression: "x".into(),
                    fingerprint: "01".into(),
                },
                Entry {
                    path: "a.json".into(),
                    exchange: 0,
                    rule: "R".into(),
                    expression: "x".into(),
                    fingerprint: "01".into(),
                },
            ],
        };
        let text = w.to_json();
        assert!(text.find("a.json").unwrap() < text.find("b.json").unwrap());
        let path =
            std::env::temp_dir().join(format!("sas-validate-bl-{}.json", std::process::id()));
        std::fs::write(&path, &text).unwrap();
        let b = Baseline::read(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        assert_eq!(b.len(), 2);
    }
}
