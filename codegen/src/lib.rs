//! The code generator of fr-fhir-core's checked-in Rust: the built-in
//! conformance tables (`fr-fhir-core/src/conformance/generated/`) and the
//! model declarations (`fr-fhir-core/src/model/generated/`).
//!
//! Every table is built by fr-fhir-core's own run-time loader
//! (`conformance::load`), the code path of `--ig`: built-in tables and a
//! package loaded at run time cannot disagree. The models are derived from
//! the same loaded R4 definitions and a small hand-kept manifest
//! ([`models`]). This crate only prints Rust, deterministically (input files
//! sorted, no hash-map order, no time stamp).

mod emit;
mod emit_models;
pub mod models;
mod sources;

use std::path::{Path, PathBuf};

pub use sources::Sources;

/// The folders the generator writes, relative to `fr-fhir-core/src`.
pub const GENERATED_DIRS: &[&str] = &[CONFORMANCE_DIR, emit_models::MODEL_DIR];

const CONFORMANCE_DIR: &str = "conformance/generated";

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the output folder (`conformance/generated/mod.rs`).
    pub name: String,
    /// Its content.
    pub text: String,
}

/// `$SAS_SPEC_DIR`, else `<workspace>/../shared/spec`.
pub fn default_spec_dir() -> PathBuf {
    std::env::var_os("SAS_SPEC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/spec")))
}

/// `fr-fhir-core/src` of this workspace (the files go to [`GENERATED_DIRS`] under it).
pub fn default_out_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fr-fhir-core/src"))
}

/// Loads the definitions under `spec` and renders every generated file.
pub fn generate(spec: &Path) -> Result<Vec<GeneratedFile>, String> {
    let sources = Sources::load(spec)?;
    let mut files: Vec<GeneratedFile> = emit::render(&sources)
        .into_iter()
        .map(|f| GeneratedFile { name: format!("{CONFORMANCE_DIR}/{}", f.name), text: f.text })
        .collect();
    files.extend(emit_models::render(&sources)?);
    Ok(files)
}
