#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use super::{Validator, Walk};
use crate::conformance::Definitions;
use crate::conformance::load::{Terminology, structure_from_json, structures_from_bundle};
use crate::engine::{Emitter, Options, Scope};
use crate::finding::{Severity, Target};
use crate::json::Span;

/// The shared spec folder, or None (with a note) when absent.
fn spec_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SAS_SPEC_DIR").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/spec"))
    });
    if dir.join("r4-core").is_dir() {
        Some(dir)
    } else {
        eprintln!("note: spec dir {} absent, walker test skipped", dir.display());
        None
    }
}

fn files(dir: &std::path::Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(prefix) && n.ends_with(".json")
        })
        .collect();
    v.sort();
    v
}

/// R4 core + the SAS IG + the terminology folder, loaded once.
fn validator() -> Option<&'static Validator> {
    static V: OnceLock<Option<Validator>> = OnceLock::new();
    V.get_or_init(|| {
        let dir = spec_dir()?;
        let read = |p: &std::path::Path| std::fs::read_to_string(p).unwrap();
        let mut defs = Definitions::new();
        for s in structures_from_bundle(&read(&dir.join("r4-core/profiles-types.json"))).unwrap() {
            defs.add_structure(s);
        }
        let ig = dir.join("ig-sas-1.1.0/package");
        for p in files(&dir.join("r4-core"), "StructureDefinition-").into_iter().chain(files(&ig, "StructureDefinition-")) {
            defs.add_structure(structure_from_json(&read(&p)).unwrap());
        }
        let mut terms = Terminology::new();
        terms.add_json(&read(&dir.join("r4-core/valuesets-required.json"))).unwrap();
        let mut vs_files = files(&ig, "ValueSet-");
        for p in files(&ig, "CodeSystem-").into_iter().chain(files(&dir.join("terminology"), "")) {
            terms.add_json(&read(&p)).unwrap();
        }
        for p in &vs_files {
            terms.add_json(&read(p)).unwrap();
        }
        vs_files.clear();
        for url in terms.value_set_urls() {
            if let Some(vs) = terms.expand(url) {
                defs.add_value_set(vs);
            }
        }
        Some(Validator::new(Arc::new(defs)))
    })
    .as_ref()
}

const SLOT: &str = "http://hl7.org/fhir/StructureDefinition/Slot";

/// Walks `src` against `url`: (rule id, severity, text of the span, child name).
fn walk_with(v: &Validator, url: &str, element: Option<&str>, src: &str) -> Vec<(String, Severity, String, String)> {
    let opts = Options::default();
    let mut em = Emitter::new(&opts);
    let w = Walk { structure: url, element, skip: &[], scope: Scope::ALL };
    v.check(src, Span::new(0, src.len() as u32), &w, &mut em);
    em.into_inner()
        .0
        .into_iter()
        .map(|e| {
            let f = e.finding;
            let (span, child) = match &f.target {
                Target::Body { span, child } => (*span, child.as_deref().unwrap_or("").to_string()),
                _ => (Span::default(), String::new()),
            };
            (f.rule.id.to_string(), f.severity, span.slice(src).unwrap_or("").to_string(), child)
        })
        .collect()
}

fn walk(url: &str, src: &str) -> Option<Vec<(String, Severity, String, String)>> {
    Some(walk_with(validator()?, url, None, src))
}

#[test]
fn smoke_slot() {
    let Some(f) = walk(SLOT, r#"{"resourceType":"Slot","status":"free","start":"2024-01-01T10:00:00+01:00"}"#) else { return };
    println!("{f:#?}");
}

/// The structure an example declares (`meta.profile`), else its base type.
fn profile_of(v: &Validator, src: &str) -> String {
    let j: serde_json::Value = serde_json::from_str(src).unwrap();
    j["meta"]["profile"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str())
        .find(|p| v.definitions().structure(p).is_some())
        .map(str::to_string)
        .unwrap_or_else(|| format!("http://hl7.org/fhir/StructureDefinition/{}", j["resourceType"].as_str().unwrap()))
}

#[test]
fn official_examples_give_no_error() {
    let Some(v) = validator() else { return };
    let dir = spec_dir().unwrap().join("ig-sas-1.1.0/package/example");
    let mut bad = Vec::new();
    for p in files(&dir, "") {
        let src = std::fs::read_to_string(&p).unwrap();
        let url = profile_of(v, &src);
        for f in walk_with(v, &url, None, &src) {
            if f.1 >= Severity::Warning {
                let mut t = f.2.clone();
                t.truncate(80);
                bad.push(format!("{} {} {:?} {} [{}]", p.file_name().unwrap().to_string_lossy(), f.0, f.1, t, f.3));
            }
        }
    }
    println!("{}", bad.join("\n"));
    assert!(bad.is_empty(), "{} findings", bad.len());
}
