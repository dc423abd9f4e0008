//! Cross-crate conformance suite of sas-fhir (see `tests/tests/`), and the
//! helpers the suites share.
//!
//! Tests that read the official SAS material look for it in
//! `$SAS_SPEC_DIR` (default: `../shared/spec` next to the workspace). When it
//! is absent they print what they skipped and pass, so the suite still runs
//! on a machine without the spec folder.

use std::path::{Path, PathBuf};

/// The spec folder (`SAS_SPEC_DIR`, default `<workspace>/../shared/spec`), if it exists.
pub fn spec_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SAS_SPEC_DIR").map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..").join("shared").join("spec")
    });
    dir.is_dir().then_some(dir)
}

/// The official IG example folder, or `None` with a note on stderr.
pub fn official_examples(test: &str) -> Option<PathBuf> {
    let dir = spec_dir()?.join("ig-sas-1.1.0").join("package").join("example");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "{test}: SKIPPED, no official examples (set SAS_SPEC_DIR to the shared/spec folder)"
        );
        None
    }
}

/// Every `*.json` file of a folder, sorted.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}
