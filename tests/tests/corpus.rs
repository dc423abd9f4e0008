//! The data-driven rule corpus: every `examples/invalid/<name>.json` is
//! validated and must give exactly the findings listed in
//! `<name>.expected` (JSON: rule + FHIRPath; errors and warnings located in
//! the body), and every `examples/valid/*.json` must give no error.
//! Each case is its own named test; a summary snapshot is written to
//! `tests/snapshots/corpus-summary.txt` so regressions show as a diff.
// clippy.toml lets #[test] fns unwrap, panic and index; the helpers outside them need this.
#![allow(clippy::unwrap_used)]

use fr_fhir_core::finding::RuleMeta;
use std::collections::BTreeSet;
use std::path::Path;

use fr_fhir_core::finding::{Severity, Target};
use fr_fhir_core::rules::{Options, validate};
use int_ro1::exchange::{ExchangeOptions, validate_body};
use sas_fhir_tests::{json_files, workspace_root};

/// Findings of a body file validated as an exchange: the request is taken
/// from `Bundle.link[self]`, so request-dependent rules (RO1-PRACT-005...) run.
fn got(path: &Path) -> BTreeSet<(String, String)> {
    let src = std::fs::read_to_string(path).unwrap();
    let report = validate_body(&src, &ExchangeOptions::default());
    report
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .filter(|f| matches!(f.target, Target::Body { .. }))
        .filter_map(|f| f.resolved.as_ref().map(|r| (f.rule.id.to_string(), r.expression.clone())))
        .collect()
}

fn expected(path: &Path) -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (e["rule"].as_str().unwrap().to_string(), e["expression"].as_str().unwrap().to_string())
        })
        .collect()
}

/// Runs one invalid case; returns a description of the differences.
fn run_invalid(name: &str) -> Result<(), String> {
    let dir = workspace_root().join("examples").join("invalid");
    let g = got(&dir.join(format!("{name}.json")));
    let e = expected(&dir.join(format!("{name}.expected")));
    let missing: Vec<_> = e.difference(&g).collect();
    let extra: Vec<_> = g.difference(&e).collect();
    if missing.is_empty() && extra.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: missing {missing:?}; unexpected {extra:?}"))
    }
}

macro_rules! invalid_cases {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                if let Err(e) = run_invalid($name) {
                    panic!("{e}");
                }
            }
        )*
        const CASES: &[&str] = &[$($name),*];
    };
}

invalid_cases! {
    invalid_cpts_defects => "cpts-defects",
    invalid_ps_broken_references => "ps-broken-references",
    invalid_ps_bundle_empty_entry_array => "ps-bundle-empty-entry-array",
    invalid_ps_bundle_entries => "ps-bundle-entries",
    invalid_ps_bundle_no_total => "ps-bundle-no-total",
    invalid_ps_bundle_not_searchset => "ps-bundle-not-searchset",
    invalid_ps_identifiers => "ps-identifiers",
    invalid_ps_json_level => "ps-json-level",
    invalid_ps_location => "ps-location",
    invalid_ps_slot_coding => "ps-slot-coding",
    invalid_ps_slot_dates => "ps-slot-dates",
    invalid_sos_defects => "sos-defects",
}

#[test]
fn every_invalid_example_has_a_case() {
    let dir = workspace_root().join("examples").join("invalid");
    for f in json_files(&dir) {
        let name = f.file_name().unwrap().to_str().unwrap();
        if let Some(stem) = name.strip_suffix(".json") {
            assert!(CASES.contains(&stem), "no test case for examples/invalid/{name}");
            assert!(dir.join(format!("{stem}.expected")).exists(), "no {stem}.expected");
        }
    }
}

#[test]
fn valid_examples_have_no_error() {
    let dir = workspace_root().join("examples").join("valid");
    for f in json_files(&dir) {
        let src = std::fs::read_to_string(&f).unwrap();
        let report = validate(&src, &Options::default()).unwrap();
        let errors: Vec<_> = report
            .findings
            .iter()
            .filter(|x| x.severity >= Severity::Warning)
            .map(|x| (x.rule.id, x.resolved.clone(), x.message.en.clone()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", f.display());
    }
}

/// Writes `tests/snapshots/corpus-summary.txt`: rules implemented and cases passed.
#[test]
fn corpus_summary_snapshot() {
    let catalog = int_ro1::catalog();
    // The catalogue rows (SPEC §7); the report contract's own rules (a body
    // that cannot be read, an exchange of another flow) apart.
    let report_rule =
        |id: &str| ["RO1-BODY-", "RO1-FLOW-", "RO1-HAR-"].iter().any(|p| id.starts_with(p));
    let (report, rows): (Vec<&RuleMeta>, Vec<&RuleMeta>) =
        catalog.rules().iter().copied().partition(|r| report_rule(r.id));
    let implemented = rows.iter().filter(|r| catalog.is_checked(r.id)).count();
    let mut lines = vec![format!(
        "rules implemented: {implemented}/{} (catalogue rows with code in this workspace), plus {} rules of the report contract",
        rows.len(),
        report.len()
    )];
    let mut passed = 0;
    for name in CASES {
        match run_invalid(name) {
            Ok(()) => {
                passed += 1;
                lines.push(format!("PASS {name}"));
            }
            Err(e) => lines.push(format!("FAIL {e}")),
        }
    }
    lines.insert(1, format!("cases passed: {passed}/{}", CASES.len()));
    let text = lines.join("\n") + "\n";
    let path = workspace_root().join("tests").join("snapshots").join("corpus-summary.txt");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old != text {
        std::fs::write(&path, &text).unwrap();
    }
}
