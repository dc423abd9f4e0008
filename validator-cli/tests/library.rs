//! The library entry point (`int_ro1::validate_file`) gives the reports the
//! command line renders: same subjects, findings, locations and counts for
//! every example (bodies and HAR captures), a body with a byte order mark,
//! one that is not UTF-8, and a body judged against a given request. A CI
//! test written against the library cannot let through what the command
//! line would fail.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::path::{Path, PathBuf};

use int_ro1::{ExchangeOptions, ExchangeReport, Severity};
use validator_cli::check::{Settings, check};
use validator_cli::engine::EngineOptions;
use validator_cli::input::discover;
use validator_cli::model::InputReport;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// What both give per exchange: subject, counts and one line per finding.
fn from_library(reports: &[ExchangeReport]) -> Vec<(String, Vec<String>)> {
    reports
        .iter()
        .map(|r| {
            let head = format!("{:?} {:?}", r.subject, r.counts());
            let lines = r
                .findings
                .iter()
                .map(|f| {
                    let at = f.resolved.as_ref().map(|r| (r.expression.as_str(), r.line, r.column));
                    format!("{} {:?} {at:?} {}", f.rule.id, f.severity, f.message.en)
                })
                .collect();
            (head, lines)
        })
        .collect()
}

fn from_cli(rep: &InputReport) -> Vec<(String, Vec<String>)> {
    assert!(rep.error.is_none(), "{}: {:?}", rep.path, rep.error);
    rep.units
        .iter()
        .map(|u| {
            let head = format!("{:?} {:?}", u.subject, u.counts);
            let lines = u
                .items
                .iter()
                .map(|i| {
                    let at = Some((i.expression.as_str(), i.line, i.column));
                    format!("{} {:?} {at:?} {}", i.rule.id, i.severity, i.message.en)
                })
                .collect();
            (head, lines)
        })
        .collect()
}

fn same(path: &Path, request: Option<&str>) -> Vec<ExchangeReport> {
    let engine = EngineOptions { request: request.map(str::to_owned), ..Default::default() };
    let settings = Settings { engine, ..Default::default() };
    let planned = discover(&[path.to_path_buf()]);
    assert_eq!(planned.len(), 1);
    let cli = check(&planned[0], &settings);
    let opts = ExchangeOptions { request: request.map(str::to_owned), ..Default::default() };
    let lib = int_ro1::validate_file(path, &opts).unwrap();
    assert_eq!(from_library(&lib), from_cli(&cli), "{}", path.display());
    lib
}

#[test]
fn every_example_gives_the_command_line_report() {
    let mut n = 0;
    for dir in ["examples/valid", "examples/invalid", "examples/captures"] {
        let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json" || e == "har"))
            .collect();
        files.sort();
        for f in files {
            let _ = same(&f, None);
            n += 1;
        }
    }
    assert!(n >= 19, "{n} examples");
}

#[test]
fn a_request_a_byte_order_mark_and_bytes_that_are_not_text_read_alike() {
    let dir = std::env::temp_dir().join(format!("sas-validate-library-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body = std::fs::read(root().join("examples/valid/ps-two-practitioners.json")).unwrap();
    let bom = dir.join("bom.json");
    std::fs::write(&bom, [b"\xEF\xBB\xBF", &body[..]].concat()).unwrap();
    let marked = same(&bom, None);
    assert!(!marked[0].has(Severity::Warning), "{:?}", marked[0].findings);
    // A request that names another practitioner: request-dependent errors.
    let request = "/Slot?status=free&schedule.actor:Practitioner.identifier=\
                   urn:oid:1.2.250.1.71.4.2.1%7C810000000000&start=ge2026-01-01T00:00:00.000%2B01:00";
    let judged = same(&root().join("examples/valid/ps-two-practitioners.json"), Some(request));
    assert!(judged[0].has(Severity::Error));
    assert_eq!(judged[0].subject.url.as_deref(), Some(request));
    let latin = dir.join("latin.json");
    std::fs::write(&latin, b"{\n\"a\": \"\xC3\x28\"}").unwrap();
    let broken = same(&latin, None);
    assert!(broken[0].has(Severity::Fatal));
    let _ = std::fs::remove_dir_all(&dir);
}
