//! The code generator of the built-in conformance tables of fr-fhir-core
//! (`fr-fhir-core/src/conformance/generated/`).
//!
//! Every table is built by fr-fhir-core's own run-time loader
//! (`conformance::load`), the code path of `--ig`: built-in tables and a
//! package loaded at run time cannot disagree. This crate only prints the
//! tables as Rust literals, deterministically (input files sorted, no
//! hash-map order, no time stamp).

mod emit;
mod sources;

use std::path::{Path, PathBuf};

pub use sources::Sources;

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// File name in the output folder (`mod.rs`).
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

/// `fr-fhir-core/src/conformance/generated` of this workspace.
pub fn default_out_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fr-fhir-core/src/conformance/generated"))
}

/// Loads the definitions under `spec` and renders every generated file.
pub fn generate(spec: &Path) -> Result<Vec<GeneratedFile>, String> {
    let sources = Sources::load(spec)?;
    Ok(emit::render(&sources))
}
