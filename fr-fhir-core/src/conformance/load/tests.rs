use std::path::PathBuf;

use super::*;
use crate::conformance::table::{
    ConstraintSeverity, DiscriminatorKind, FixedMode, Max, SlicingRules, Strength, StructureKind,
};

use crate::conformance::spec::spec_dir;

fn sd(elements: &str) -> String {
    format!(
        r#"{{"resourceType":"StructureDefinition","url":"http://x/S","version":"1.0","name":"S","type":"Slot",
        "kind":"resource","abstract":false,"derivation":"constraint","baseDefinition":"http://hl7.org/fhir/StructureDefinition/Slot",
        "snapshot":{{"element":[{elements}]}}}}"#
    )
}

#[test]
fn max_parsing() {
    let t = structure_from_json(&sd(r#"
        {"id":"Slot","path":"Slot","min":0,"max":"*"},
        {"id":"Slot.a","path":"Slot.a","min":1,"max":"1","base":{"path":"Slot.a","min":0,"max":"*"}},
        {"id":"Slot.b","path":"Slot.b","min":0,"max":"0","base":{"path":"Slot.b","min":0,"max":"1"}},
        {"id":"Slot.c","path":"Slot.c","min":0,"max":"3","base":{"path":"Slot.c","min":0,"max":"*"}}"#))
    .unwrap();
    let maxes: Vec<Max> = t.elements.iter().map(|e| e.max).collect();
    assert_eq!(maxes, [Max::Many, Max::One, Max::Zero, Max::N(3)]);
    let many: Vec<bool> = t.elements.iter().map(|e| e.base_many).collect();
    assert_eq!(many, [true, true, false, true]);
    assert_eq!(t.kind, StructureKind::Resource);
    assert!(t.is_profile && !t.is_abstract);
    assert_eq!(t.base, "http://hl7.org/fhir/StructureDefinition/Slot");
    let bad = structure_from_json(&sd(r#"{"id":"Slot","path":"Slot","max":"lots"}"#)).unwrap_err();
    assert!(bad.to_string().contains("lots"), "{bad}");
}

#[test]
fn fixed_and_pattern_json_is_compact_and_sorted() {
    let t = structure_from_json(&sd(r#"
        {"id":"Slot","path":"Slot"},
        {"id":"Slot.s","path":"Slot.s","fixedCode":"free"},
        {"id":"Slot.t","path":"Slot.t","patternCodeableConcept":{"text":"x", "coding":[ {"system":"http://s","code":"IDNPS"} ]}}"#))
    .unwrap();
    let f = t.elements[1].fixed.as_ref().unwrap();
    assert_eq!((f.mode, &*f.type_name, &*f.json), (FixedMode::Fixed, "Code", "\"free\""));
    let p = t.elements[2].fixed.as_ref().unwrap();
    assert_eq!(p.mode, FixedMode::Pattern);
    assert_eq!(p.type_name, "CodeableConcept");
    assert_eq!(p.json, r#"{"coding":[{"code":"IDNPS","system":"http://s"}],"text":"x"}"#);
}

#[test]
fn binding_version_is_stripped() {
    let t = structure_from_json(&sd(r#"
        {"id":"Slot","path":"Slot"},
        {"id":"Slot.status","path":"Slot.status","binding":{"strength":"required","valueSet":"http://hl7.org/fhir/ValueSet/slotstatus|4.0.1"}}"#))
    .unwrap();
    let b = t.elements[1].binding.as_ref().unwrap();
    assert_eq!(b.strength, Strength::Required);
    assert_eq!(b.value_set, "http://hl7.org/fhir/ValueSet/slotstatus");
}

#[test]
fn slicing_constraints_and_the_rest() {
    let t = structure_from_json(&sd(r##"
        {"id":"Slot","path":"Slot","constraint":[{"key":"dom-2","severity":"error","human":"h","expression":"e","source":"http://hl7.org/fhir/StructureDefinition/DomainResource"},{"key":"x-1","severity":"warning"}]},
        {"id":"Slot.identifier","path":"Slot.identifier","slicing":{"discriminator":[{"type":"value","path":"system"},{"type":"pattern","path":"type"}],"rules":"closed","ordered":true},"mustSupport":true},
        {"id":"Slot.identifier:idnps","path":"Slot.identifier","sliceName":"idnps","maxLength":12,"type":[{"code":"Reference","profile":["http://p"],"targetProfile":["http://a","http://b"]}]},
        {"id":"Bundle.entry.link","path":"Bundle.entry.link","contentReference":"#Bundle.link"}"##))
    .unwrap();
    let root = &t.elements[0];
    assert_eq!(root.constraints.len(), 2);
    assert_eq!(root.constraints[0].key, "dom-2");
    assert_eq!(
        root.constraints[0].source,
        "http://hl7.org/fhir/StructureDefinition/DomainResource"
    );
    assert_eq!(root.constraints[1].severity, ConstraintSeverity::Warning);
    assert_eq!(root.constraints[1].source, "");
    let s = t.elements[1].slicing.as_ref().unwrap();
    assert_eq!(s.rules, SlicingRules::Closed);
    assert!(s.ordered && t.elements[1].must_support);
    assert_eq!(s.discriminators[1].kind, DiscriminatorKind::Pattern);
    assert_eq!(s.discriminators[1].path, "type");
    let e = &t.elements[2];
    assert_eq!((&*e.slice_name, e.max_length), ("idnps", 12));
    assert_eq!(e.types[0].profiles.len(), 1);
    assert_eq!(e.types[0].target_profiles[1], "http://b");
    assert_eq!(t.elements[3].content_reference, "#Bundle.link");
}

#[test]
fn snapshot_is_required() {
    let err = structure_from_json(
        r#"{"resourceType":"StructureDefinition","url":"http://x","kind":"resource"}"#,
    )
    .unwrap_err();
    assert_eq!(err.reason, LoadErrorKind::NoSnapshot);
    let err = structure_from_json(r#"{"resourceType":"ValueSet"}"#).unwrap_err();
    assert!(err.to_string().contains("\"StructureDefinition\" expected"), "{err}");
    assert!(structure_from_json("{").is_err());
}

#[test]
fn every_r4_type_loads_from_the_bundle() {
    let Some(dir) = spec_dir() else { return };
    let text = std::fs::read_to_string(dir.join("r4-core/profiles-types.json")).unwrap();
    let all = structures_from_bundle(&text).unwrap();
    let period = all.iter().find(|s| s.type_name == "Period").unwrap();
    assert!(period.elements[0].constraints.iter().any(|c| c.key == "per-1"));
    assert!(all.iter().any(|s| s.kind == StructureKind::PrimitiveType && s.type_name == "string"));
    let slot = std::fs::read_to_string(dir.join("r4-core/StructureDefinition-Slot.json")).unwrap();
    let slot = structure_from_json(&slot).unwrap();
    assert!(!slot.is_profile);
    assert_eq!(slot.elements.iter().find(|e| e.path == "Slot.identifier").unwrap().max, Max::Many);
}

const CS: &str = r#"{"resourceType":"CodeSystem","url":"http://x/cs","content":"complete",
  "concept":[{"code":"a","display":"A","concept":[{"code":"a1","display":"A1"}]},{"code":"b","display":"B"}]}"#;

#[test]
fn value_set_whole_system_include_and_exclude() {
    let mut terms = Terminology::new();
    terms.add_json(CS).unwrap();
    let vs = value_set(
        r#"{"resourceType":"ValueSet","url":"http://x/vs","name":"V","compose":{"include":[{"system":"http://x/cs"}],
        "exclude":[{"system":"http://x/cs","concept":[{"code":"a1"}]}]}}"#,
        &terms,
    )
    .unwrap();
    let codes: Vec<(&str, &str)> = vs.codes.iter().map(|c| (&*c.code, &*c.display)).collect();
    assert_eq!(codes, [("a", "A"), ("b", "B")]);
    assert!(vs.complete);
    assert_eq!(vs.name, "V");
}

#[test]
fn value_set_explicit_concepts_imports_and_expansion() {
    let mut terms = Terminology::new();
    terms.add_json(CS).unwrap();
    terms
        .add_json(r#"{"resourceType":"ValueSet","url":"http://x/base","compose":{"include":[{"system":"http://x/cs","concept":[{"code":"b"}]}]}}"#)
        .unwrap();
    let vs = value_set(
        r#"{"resourceType":"ValueSet","url":"http://x/vs","compose":{"include":[{"system":"http://y","concept":[{"code":"z","display":"Z"}]},{"valueSet":["http://x/base|1.0"]}]}}"#,
        &terms,
    )
    .unwrap();
    let codes: Vec<(&str, &str, &str)> =
        vs.codes.iter().map(|c| (&*c.system, &*c.code, &*c.display)).collect();
    assert_eq!(codes, [("http://y", "z", "Z"), ("http://x/cs", "b", "B")]);
    assert!(vs.complete);
    let exp = value_set(
        r#"{"resourceType":"ValueSet","url":"http://x/e","expansion":{"contains":[{"system":"s","code":"1","contains":[{"system":"s","code":"2"}]}]}}"#,
        &terms,
    )
    .unwrap();
    assert_eq!(exp.codes.len(), 2);
    assert!(exp.complete);
}

#[test]
fn value_set_incomplete_on_filter_or_unknown_system() {
    let mut terms = Terminology::new();
    terms.add_json(CS).unwrap();
    let vs = value_set(
        r#"{"resourceType":"ValueSet","url":"http://x/vs","compose":{"include":[{"system":"http://x/cs","filter":[{"property":"concept","op":"is-a","value":"a"}]}]}}"#,
        &terms,
    )
    .unwrap();
    assert!(!vs.complete);
    let vs = value_set(r#"{"resourceType":"ValueSet","url":"http://x/vs","compose":{"include":[{"system":"http://unknown"}]}}"#, &terms)
        .unwrap();
    assert!(!vs.complete && vs.codes.is_empty());
    // A cycle of imports ends, incomplete.
    terms.add_json(r#"{"resourceType":"ValueSet","url":"http://x/c1","compose":{"include":[{"valueSet":["http://x/c2"]}]}}"#).unwrap();
    terms.add_json(r#"{"resourceType":"ValueSet","url":"http://x/c2","compose":{"include":[{"valueSet":["http://x/c1"]}]}}"#).unwrap();
    assert!(!terms.expand("http://x/c1").unwrap().complete);
}

#[test]
fn required_r4_value_sets_expand_completely() {
    let Some(dir) = spec_dir() else { return };
    let mut terms = Terminology::new();
    terms
        .add_json(&std::fs::read_to_string(dir.join("r4-core/valuesets-required.json")).unwrap())
        .unwrap();
    let slot = terms.expand("http://hl7.org/fhir/ValueSet/slotstatus").unwrap();
    assert!(slot.complete);
    assert!(slot.codes.iter().any(|c| c.code == "busy-tentative"));
    let types = terms.expand("http://hl7.org/fhir/ValueSet/all-types").unwrap();
    assert!(types.codes.iter().any(|c| c.code == "PractitionerRole"));
}

const SAS_PACKAGE: &str = "ig-sas-1.1.0/package";

#[test]
fn package_from_folder() {
    let Some(dir) = spec_dir() else { return };
    let p = Package::read(&dir.join(SAS_PACKAGE)).unwrap();
    assert_eq!((p.name.as_str(), p.version.as_str()), ("ans.fhir.fr.sas", "1.1.0"));
    assert!(
        p.structures
            .iter()
            .any(|s| s.url == "http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur")
    );
    // Examples are skipped: no Bundle, no Slot instance sneaks in as a definition.
    assert!(p.structures.iter().all(|s| !s.elements.is_empty()));
    assert_eq!(p.value_sets.len(), 7);
    assert!(p.value_sets.iter().all(|v| v.complete));
    // The parent folder holding `package/` works too.
    let parent = Package::read(&dir.join("ig-sas-1.1.0")).unwrap();
    assert_eq!(parent.structures.len(), p.structures.len());
}

/// A `.tgz` as published, entries under `package/`.
fn tgz(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    for (path, data) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        tar.append_data(&mut h, path, *data).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fr-fhir-load-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const MINI_SD: &str = r#"{"resourceType":"StructureDefinition","url":"http://x/S","name":"S","type":"Slot","kind":"resource","derivation":"constraint","snapshot":{"element":[{"id":"Slot","path":"Slot"}]}}"#;

#[test]
fn package_from_tgz_skips_examples_and_other_folders() {
    let bytes = tgz(&[
        ("package/package.json", br#"{"name":"x.y","version":"0.1.0"}"#),
        ("package/StructureDefinition-S.json", MINI_SD.as_bytes()),
        ("package/CodeSystem-c.json", CS.as_bytes()),
        (
            "package/ValueSet-v.json",
            br#"{"resourceType":"ValueSet","url":"http://x/vs","compose":{"include":[{"system":"http://x/cs"}]}}"#,
        ),
        ("package/example/Slot-1.json", b"not even json"),
        ("package/openapi/x.json", b"{"),
        ("package/other/readme.md", b"hi"),
        ("package/StructureDefinition-S.xml", b"<xml/>"),
    ]);
    let path = temp_file("ok.tgz", &bytes);
    let p = Package::read(&path).unwrap();
    assert_eq!(p.name, "x.y");
    assert_eq!(p.structures.len(), 1);
    assert_eq!(p.structures[0].url, "http://x/S");
    assert_eq!(p.value_sets[0].codes.len(), 3);
    assert!(p.value_sets[0].complete);
}

#[test]
fn broken_package_names_the_file() {
    let bytes = tgz(&[
        ("package/package.json", br#"{"name":"x.y"}"#),
        (
            "package/StructureDefinition-Bad.json",
            br#"{"resourceType":"StructureDefinition","url":"http://x/B","kind":"resource"}"#,
        ),
    ]);
    let path = temp_file("bad.tgz", &bytes);
    let err = Package::read(&path).unwrap_err();
    assert!(err.file.ends_with("bad.tgz!package/StructureDefinition-Bad.json"), "{}", err.file);
    assert_eq!(err.reason, LoadErrorKind::NoSnapshot);
    assert!(
        err.to_string()
            .contains("StructureDefinition-Bad.json: StructureDefinition without snapshot"),
        "{err}"
    );
    assert!(err.message_fr().contains("sans snapshot"), "{}", err.message_fr());

    let bytes = tgz(&[("package/package.json", b"{"), ("package/x.json", b"{}")]);
    let err = Package::read(&temp_file("json.tgz", &bytes)).unwrap_err();
    assert!(err.file.ends_with("package/package.json"), "{err}");
    assert!(matches!(err.reason, LoadErrorKind::Json(_)));

    let bytes = tgz(&[("other/package.json", b"{}")]);
    let err = Package::read(&temp_file("notpkg.tgz", &bytes)).unwrap_err();
    assert_eq!(err.reason, LoadErrorKind::NotAPackage);
}

#[test]
fn truncated_gzip_is_an_error_not_a_panic() {
    let bytes = tgz(&[
        ("package/package.json", br#"{"name":"x"}"#),
        ("package/StructureDefinition-S.json", MINI_SD.as_bytes()),
    ]);
    for cut in [0, 5, 20, bytes.len() / 2, bytes.len() - 4] {
        let path = temp_file(&format!("cut{cut}.tgz"), &bytes[..cut]);
        let err = Package::read(&path).unwrap_err();
        assert!(err.file.contains(&format!("cut{cut}.tgz")), "{err}");
    }
    let err = Package::read(&temp_file("garbage.tgz", b"definitely not gzip")).unwrap_err();
    assert!(matches!(err.reason, LoadErrorKind::Io(_) | LoadErrorKind::NotAPackage), "{err}");
}

#[test]
fn oversized_entry_is_refused() {
    // A header claiming more than the bound is refused before reading its data.
    let mut raw = Vec::new();
    let mut small = tar::Header::new_gnu();
    small.set_path("package/package.json").unwrap();
    small.set_size(2);
    small.set_cksum();
    raw.extend_from_slice(small.as_bytes());
    raw.extend_from_slice(b"{}");
    raw.resize(1024, 0);
    let mut big = tar::Header::new_gnu();
    big.set_path("package/StructureDefinition-Big.json").unwrap();
    big.set_size(MAX_ENTRY_BYTES + 1);
    big.set_cksum();
    raw.extend_from_slice(big.as_bytes());
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut enc, &raw).unwrap();
    let raw = enc.finish().unwrap();
    let err = Package::read(&temp_file("big.tgz", &raw)).unwrap_err();
    assert_eq!(err.reason, LoadErrorKind::TooLarge { limit: MAX_ENTRY_BYTES }, "{err}");
    assert!(err.file.ends_with("StructureDefinition-Big.json"), "{err}");
}

#[test]
fn builtin_equals_the_package_loaded_at_run_time() {
    let Some(dir) = spec_dir() else { return };
    let builtin = crate::conformance::Definitions::builtin();
    let mut loaded = crate::conformance::Definitions::new();
    let types = std::fs::read_to_string(dir.join("r4-core/profiles-types.json")).unwrap();
    for s in structures_from_bundle(&types).unwrap() {
        loaded.add_structure(s);
    }
    for entry in std::fs::read_dir(dir.join("r4-core")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.starts_with("StructureDefinition-") {
            loaded.add_structure(
                structure_from_json(&std::fs::read_to_string(&path).unwrap()).unwrap(),
            );
        }
    }
    loaded.load_package(&dir.join(SAS_PACKAGE)).unwrap();
    let pkg = Package::read(&dir.join(SAS_PACKAGE)).unwrap();
    assert!(!pkg.structures.is_empty());
    for s in &pkg.structures {
        let b = builtin.structure(&s.url).unwrap_or_else(|| panic!("{} not built in", s.url));
        assert_eq!(Some(b), loaded.structure(&s.url), "{}", s.url);
    }
    for v in &pkg.value_sets {
        assert_eq!(builtin.value_set(&v.url), loaded.value_set(&v.url), "{}", v.url);
    }
    for s in loaded.structures() {
        assert_eq!(builtin.structure(&s.url), Some(s), "{}", s.url);
    }
}

/// Load time of the SAS package; run with
/// `cargo test --release -p fr-fhir-core --lib sas_package_load_time -- --ignored --nocapture`.
#[test]
#[ignore = "timing, run in release by hand"]
fn sas_package_load_time() {
    let Some(dir) = spec_dir() else { return };
    let path = dir.join(SAS_PACKAGE);
    let mut best = std::time::Duration::MAX;
    for _ in 0..10 {
        let t = std::time::Instant::now();
        let defs = crate::conformance::Definitions::builtin_with_package(&path).unwrap();
        best = best.min(t.elapsed());
        assert!(!defs.structures().is_empty());
    }
    eprintln!("builtin_with_package(SAS 1.1.0 folder): best of 10 = {best:?}");
    assert!(best < std::time::Duration::from_millis(100), "{best:?}");
}

#[test]
fn a_bad_bundle_entry_is_named_with_the_file() {
    let bundle = format!(
        r#"{{"resourceType":"Bundle","entry":[{{"resource":{MINI_SD}}},{{"resource":{{"resourceType":"StructureDefinition","url":"http://x/T","kind":"resource"}}}}]}}"#
    );
    let err = structures_from_bundle(&bundle).unwrap_err().in_file("types.json");
    assert_eq!(err.file, "types.json entry[1] (http://x/T)");
    assert_eq!(err.reason, LoadErrorKind::NoSnapshot);
}

/// A base definition keeps only what its differential defines and what every
/// type inherits: the r4-core `Meta` of the distribution adds `Meta.deleted`.
#[test]
fn a_specialization_keeps_its_differential_and_inherited_elements() {
    let meta = |base: &str| {
        format!(
            r#"{{"resourceType":"StructureDefinition","url":"http://x/Meta","name":"Meta","type":"Meta",
            "kind":"complex-type","derivation":"specialization","baseDefinition":"{base}",
            "snapshot":{{"element":[{{"id":"Meta","path":"Meta"}},{{"id":"Meta.id","path":"Meta.id"}},
              {{"id":"Meta.extension","path":"Meta.extension"}},{{"id":"Meta.source","path":"Meta.source"}},
              {{"id":"Meta.deleted","path":"Meta.deleted"}}]}},
            "differential":{{"element":[{{"id":"Meta","path":"Meta"}},{{"id":"Meta.source","path":"Meta.source"}}]}}}}"#
        )
    };
    let ids = |t: &crate::conformance::table::StructureTable| -> Vec<String> {
        t.elements.iter().map(|e| e.id.to_string()).collect()
    };
    let t = structure_from_json(&meta("http://hl7.org/fhir/StructureDefinition/Element")).unwrap();
    assert_eq!(ids(&t), ["Meta", "Meta.id", "Meta.extension", "Meta.source"]);
    // A specialization of a concrete type (Age of Quantity) restates nothing: all kept.
    let t = structure_from_json(&meta("http://hl7.org/fhir/StructureDefinition/Quantity")).unwrap();
    assert_eq!(ids(&t).len(), 5);
}
