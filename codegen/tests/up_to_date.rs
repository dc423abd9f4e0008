//! The checked-in generated files (conformance tables and model
//! declarations) equal a fresh generation, byte for byte (as
//! `cargo run -p sas-codegen && git diff --exit-code` would say).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::Path;

/// Sorted `.rs` file names of `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".rs"))
        .collect();
    v.sort();
    v
}

#[test]
fn checked_in_files_equal_a_fresh_generation() {
    let spec = sas_codegen::default_spec_dir();
    if !spec.join("r4-core").is_dir() {
        eprintln!(
            "note: spec dir {} absent (set SAS_SPEC_DIR), generator check skipped",
            spec.display()
        );
        return;
    }
    let out = std::env::temp_dir().join(format!("sas-codegen-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_sas-codegen"))
        .arg("--spec")
        .arg(&spec)
        .arg("--out")
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let checked_in = sas_codegen::default_out_dir();
    for dir in sas_codegen::GENERATED_DIRS {
        let (fresh_dir, old_dir) = (out.join(dir), checked_in.join(dir));
        assert_eq!(names(&fresh_dir), names(&old_dir), "{dir}: generated file list differs");
        for name in names(&fresh_dir) {
            let fresh = std::fs::read(fresh_dir.join(&name)).unwrap();
            let old = std::fs::read(old_dir.join(&name)).unwrap();
            assert!(
                fresh == old,
                "{dir}/{name} is stale: run `cargo run -p sas-codegen` and commit"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn generation_is_deterministic() {
    let spec = sas_codegen::default_spec_dir();
    if !spec.join("r4-core").is_dir() {
        eprintln!(
            "note: spec dir {} absent (set SAS_SPEC_DIR), determinism check skipped",
            spec.display()
        );
        return;
    }
    let (a, b) = (sas_codegen::generate(&spec).unwrap(), sas_codegen::generate(&spec).unwrap());
    assert_eq!(a, b);
    for dir in sas_codegen::GENERATED_DIRS {
        assert!(a.iter().any(|f| f.name.starts_with(dir)), "nothing generated under {dir}");
    }
}
