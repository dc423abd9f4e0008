//! `cargo run -p sas-codegen [-- --spec DIR --out DIR]`: writes the built-in
//! conformance tables and the model declarations of fr-fhir-core from the
//! official definitions.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut spec = None;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--spec" => spec = args.next().map(PathBuf::from),
            "--out" => out = args.next().map(PathBuf::from),
            "-h" | "--help" => {
                println!("usage: sas-codegen [--spec DIR] [--out DIR]");
                println!(
                    "  --spec  spec folder (default: $SAS_SPEC_DIR, else <workspace>/../shared/spec)"
                );
                println!(
                    "  --out   folder holding conformance/generated and model/generated (default: fr-fhir-core/src)"
                );
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("sas-codegen: unknown argument {other} (try --help)");
                return ExitCode::from(2);
            }
        }
    }
    let spec = spec.unwrap_or_else(sas_codegen::default_spec_dir);
    let out = out.unwrap_or_else(sas_codegen::default_out_dir);
    let files = match sas_codegen::generate(&spec) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("sas-codegen: {e}");
            return ExitCode::FAILURE;
        }
    };
    for f in &files {
        let path = out.join(&f.name);
        if let Some(dir) = path.parent()
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            eprintln!("sas-codegen: {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        if let Err(e) = std::fs::write(&path, &f.text) {
            eprintln!("sas-codegen: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {} ({} lines)", path.display(), f.text.lines().count());
    }
    ExitCode::SUCCESS
}
