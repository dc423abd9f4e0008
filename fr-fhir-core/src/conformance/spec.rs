//! Where tests find the shared spec folder (`SAS_SPEC_DIR`, default
//! `<workspace>/../shared/spec`). Tests that read it skip, with a note, when
//! it is absent; the built-in tables need nothing.

use std::path::PathBuf;

/// The spec folder, or `None` with a note naming what is skipped.
pub(crate) fn spec_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SAS_SPEC_DIR").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/spec"))
    });
    if dir.join("r4-core").is_dir() {
        Some(dir)
    } else {
        eprintln!("note: spec folder {} absent (set SAS_SPEC_DIR): test skipped", dir.display());
        None
    }
}

/// The official example Bundles of the three use cases (PS, CPTS, SOS), by
/// name, or `None` with a note when the spec folder is absent.
pub(crate) fn official_bundles() -> Option<Vec<(&'static str, String)>> {
    let dir = spec_dir()?.join("ig-sas-1.1.0/package/example");
    let read = |name: &'static str| {
        let path = dir.join(format!("{name}.json"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        (name, text)
    };
    Some(
        [
            "Bundle-ExampleBundlePSIndiv",
            "Bundle-ExampleBundleCPTS",
            "Bundle-ExampleBundleAgregateurSOS",
        ]
        .map(read)
        .into(),
    )
}
