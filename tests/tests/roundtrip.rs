//! Parse → serialize gives back the same JSON (key order aside), for every
//! official example of the SAS IG and for our own examples; key order never
//! changes the model.
// clippy.toml lets #[test] fns unwrap, panic and index; the helpers outside them need this.
#![allow(clippy::unwrap_used, clippy::panic)]

use fr_fhir_core::model::parse_resource;
use sas_fhir_tests::{json_files, official_examples, workspace_root};
use serde_json::Value;

fn roundtrip(path: &std::path::Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let (res, cx) = parse_resource(text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let out = serde_json::to_string(&res).unwrap();
    let a: Value = serde_json::from_str(text).unwrap();
    let b: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a, b, "{}: round trip differs", path.display());
    let unknown: Vec<_> = cx
        .notes
        .iter()
        .filter(|n| matches!(n.kind, fr_fhir_core::model::NoteKind::UnknownElement { .. }))
        .collect();
    assert!(unknown.is_empty(), "{}: {unknown:?}", path.display());
}

#[test]
fn official_examples_round_trip() {
    let Some(dir) = official_examples("official_examples_round_trip") else { return };
    let files = json_files(&dir);
    assert!(files.len() >= 41, "expected the 41 official examples, found {}", files.len());
    for f in files {
        roundtrip(&f);
    }
}

#[test]
fn own_examples_round_trip() {
    let root = workspace_root().join("examples").join("valid");
    for f in json_files(&root) {
        roundtrip(&f);
    }
}

/// Rewrites every object with its keys in reverse order and `resourceType` last.
fn reverse_keys(v: &Value) -> String {
    match v {
        Value::Object(m) => {
            // Reverse order, with `resourceType` forced to the very end.
            let mut parts: Vec<String> = m
                .iter()
                .rev()
                .filter(|(k, _)| *k != "resourceType")
                .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), reverse_keys(v)))
                .collect();
            if let Some(rt) = m.get("resourceType") {
                parts.push(format!("\"resourceType\":{rt}"));
            }
            format!("{{{}}}", parts.join(","))
        }
        Value::Array(a) => {
            format!("[{}]", a.iter().map(reverse_keys).collect::<Vec<_>>().join(","))
        }
        other => other.to_string(),
    }
}

#[test]
fn key_order_does_not_change_the_model() {
    let Some(dir) = official_examples("key_order_does_not_change_the_model") else { return };
    for f in json_files(&dir) {
        let text = std::fs::read_to_string(&f).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        let shuffled = reverse_keys(&v);
        assert!(shuffled.ends_with(&format!(
            "\"resourceType\":{}}}",
            serde_json::to_string(&v["resourceType"]).unwrap()
        )));
        let (a, _) = parse_resource(&text).unwrap();
        let (b, _) = parse_resource(&shuffled).unwrap();
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&b).unwrap(),
            "{}",
            f.display()
        );
        assert_eq!(a.resource_type(), b.resource_type());
    }
}
