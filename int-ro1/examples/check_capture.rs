//! What a vendor's test does with a captured response: validate it as the
//! command line does (request-dependent rules included, the request taken
//! from `--request`-like options or the Bundle's self link; a body or a HAR
//! capture, told apart as the command line does) and fail on an error.
//! `fr_fhir_core::rules::validate` alone checks the body without the
//! request: use this entry point in CI.
//!
//! `cargo run -p int-ro1 --example check_capture -- examples/valid/ps-two-practitioners.json [REQUEST]`

use int_ro1::{ExchangeOptions, Severity, validate_file};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or("examples/valid/ps-two-practitioners.json".into());
    let opts = ExchangeOptions { request: args.next(), ..Default::default() };
    let reports = validate_file(&path, &opts)?;
    for f in reports.iter().flat_map(|r| &r.findings) {
        // `{f}` is the one-line form (English), `{f:#}` the French one.
        println!("{path}:{f}");
    }
    let errors: u64 = reports.iter().map(|r| r.counts().at_least(Severity::Error)).sum();
    if errors > 0 {
        return Err(format!("{path}: {errors} error(s)").into());
    }
    Ok(())
}
