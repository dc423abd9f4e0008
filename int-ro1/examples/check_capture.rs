//! What a vendor's test does with a captured response: validate it as the
//! command line does (request-dependent rules included, the request taken
//! from `--request`-like options or the Bundle's self link) and fail on an
//! error. `fr_fhir_core::rules::validate` alone checks the body without the
//! request: use this entry point in CI.
//!
//! `cargo run -p int-ro1 --example check_capture -- examples/valid/ps-two-practitioners.json`

use fr_fhir_core::finding::Severity;
use int_ro1::exchange::{ExchangeOptions, validate_body};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or("examples/valid/ps-two-practitioners.json".into());
    let body = std::fs::read_to_string(&path)?;
    let report = validate_body(&body, &ExchangeOptions::default());
    for f in &report.findings {
        // `{f}` is the one-line form (English), `{f:#}` the French one.
        println!("{path}:{f}");
    }
    if report.has(Severity::Error) {
        return Err(
            format!("{path}: {} error(s)", report.counts().at_least(Severity::Error)).into()
        );
    }
    Ok(())
}
