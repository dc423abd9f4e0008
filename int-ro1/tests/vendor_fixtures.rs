//! What a vendor's CI test looks like: its fixtures (a response body, a HAR
//! capture of a certification session) validated as `sas-validate` does,
//! the test failing with the command line's lines. Copy it into your crate
//! and point it at your own files.
#![allow(clippy::unwrap_used)]

use int_ro1::{ExchangeOptions, Severity, validate_file};

fn assert_clean(path: &str, opts: &ExchangeOptions) {
    let reports = validate_file(path, opts).unwrap();
    let errors: Vec<String> = reports
        .iter()
        .flat_map(|r| &r.findings)
        .filter(|f| f.severity >= Severity::Error)
        .map(|f| format!("{path}:{f}"))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_response_fixture_is_clean() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/valid/ps-two-practitioners.json");
    assert_clean(path, &ExchangeOptions::default());
}

#[test]
fn the_captured_session_is_clean() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/captures/ps-ok.har");
    assert_clean(path, &ExchangeOptions::default());
}

#[test]
fn a_defect_fails_the_test_with_the_command_line_line() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/invalid/ps-slot-dates.json");
    let failed = std::panic::catch_unwind(|| assert_clean(path, &ExchangeOptions::default()));
    let message = failed.unwrap_err().downcast::<String>().unwrap();
    assert!(message.contains("error RO1-SLOT-005"), "{message}");
}
