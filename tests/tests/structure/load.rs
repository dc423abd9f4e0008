//! Definitions read at run time through `conformance::load`, as `--ig` does:
//! base R4 from the spec folder's files, then IG packages on top.

use std::path::Path;

use fr_fhir_core::conformance::Definitions;
use fr_fhir_core::conformance::load::{Terminology, structure_from_json, structures_from_bundle};

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Base R4 (`spec/r4-core`: every datatype, the resource types, the required
/// value sets) read from its files, then each IG package (folder or `.tgz`)
/// through [`Definitions::load_package`]. No built-in table is used.
pub fn definitions(spec: &Path, igs: &[&Path]) -> Definitions {
    let mut defs = Definitions::new();
    let r4 = spec.join("r4-core");
    for s in structures_from_bundle(&read(&r4.join("profiles-types.json"))).unwrap() {
        defs.add_structure(s);
    }
    let mut files: Vec<_> = std::fs::read_dir(&r4)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("StructureDefinition-"))
        })
        .collect();
    files.sort();
    for p in files {
        defs.add_structure(structure_from_json(&read(&p)).unwrap());
    }
    let mut terms = Terminology::new();
    terms.add_json(&read(&r4.join("valuesets-required.json"))).unwrap();
    for url in terms.value_set_urls() {
        if let Some(vs) = terms.expand(url) {
            defs.add_value_set(vs);
        }
    }
    for ig in igs {
        defs.load_package(ig).unwrap_or_else(|e| panic!("--ig {}: {e}", ig.display()));
    }
    defs
}
