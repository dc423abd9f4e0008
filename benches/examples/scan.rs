//! The "scan process" of issue 17's whole-process goal: reads a file and
//! scans it with `serde_json` into `IgnoredAny`, nothing else. `perf.sh`
//! times it next to `sas-validate --format json` on the same file.
//!
//! ```text
//! cargo run --release -p sas-fhir-benches --example scan -- target/bench-data/50mb.json
//! ```
// Not test code: a failed read should stop the measurement loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

fn main() {
    let path = std::env::args_os().nth(1).expect("usage: scan <file.json>");
    let bytes = std::fs::read(path).unwrap();
    // As `sas-validate` does: the text must be UTF-8 before it is read.
    let text = std::str::from_utf8(&bytes).unwrap();
    serde_json::from_str::<serde::de::IgnoredAny>(text).unwrap();
}
