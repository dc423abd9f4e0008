use std::path::PathBuf;

use super::*;
use crate::conformance::table::{
    ConstraintSeverity, DiscriminatorKind, FixedMode, Max, SlicingRules, Strength, StructureKind,
};

/// The shared spec folder, or None (with a note) when absent.
pub(crate) fn spec_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SAS_SPEC_DIR").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/spec"))
    });
    if dir.join("r4-core").is_dir() {
        Some(dir)
    } else {
        eprintln!("note: spec dir {} absent, test skipped", dir.display());
        None
    }
}

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
