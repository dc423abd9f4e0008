//! Definitions read at run time from the spec folder, through
//! `conformance::load` (what `--ig` does): base R4 files, then IG package
//! folders on top.

use std::path::Path;

use fr_fhir_core::conformance::Definitions;
use fr_fhir_core::conformance::load::{Terminology, structure_from_json, structures_from_bundle};

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn sorted_json(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

/// Base R4 (`spec/r4-core`) and the IG packages (unpacked folders), in order.
pub fn definitions(spec: &Path, igs: &[&Path]) -> Definitions {
    let mut defs = Definitions::new();
    let mut terms = Terminology::new();
    let r4 = spec.join("r4-core");
    for s in structures_from_bundle(&read(&r4.join("profiles-types.json"))).unwrap() {
        defs.add_structure(s);
    }
    terms.add_json(&read(&r4.join("valuesets-required.json"))).unwrap();
    for p in sorted_json(&r4) {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("StructureDefinition-") {
            defs.add_structure(structure_from_json(&read(&p)).unwrap());
        }
    }
    for ig in igs {
        for p in sorted_json(ig) {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if name.starts_with("StructureDefinition-") {
                defs.add_structure(structure_from_json(&read(&p)).unwrap());
            } else if name.starts_with("ValueSet-") || name.starts_with("CodeSystem-") {
                terms.add_json(&read(&p)).unwrap();
            }
        }
    }
    for url in terms.value_set_urls() {
        if let Some(vs) = terms.expand(url) {
            defs.add_value_set(vs);
        }
    }
    defs
}
