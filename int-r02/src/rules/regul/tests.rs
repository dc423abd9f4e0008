//! Rows of the REGUL body rules: a valid account patched at a JSON pointer,
//! the findings (FHIRPath, severity) expected of that rule.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use fr_fhir_core::finding::Severity::{self, Error as E};
use serde_json::{Value, json};

use crate::validate_body;

/// The 1.2.0 regulator example 2 as SUSHI writes it.
pub(crate) const VALID: &str = r#"{"resourceType":"Practitioner","id":"ExamplePractitionerRegul2",
 "meta":{"source":"urn:oid:1.2.250.1.213.3.6","profile":["https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/FrPractitionerRegul"]},
 "identifier":[{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]},
   "system":"urn:oid:1.2.250.1.71.4.2.1","value":"810002673899"}],
 "active":true,"name":[{"family":"MARIUS","given":["Jules"]}],
 "telecom":[{"system":"email","value":"jules.marius@test.com"}]}"#;

fn patch(pointer: &str, value: Option<Value>) -> String {
    let mut v: Value = serde_json::from_str(VALID).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match (v.pointer_mut(parent).unwrap(), value) {
        (Value::Object(o), Some(x)) => {
            o.insert(key.to_owned(), x);
        }
        (Value::Object(o), None) => {
            o.remove(key);
        }
        (Value::Array(a), Some(x)) => a[key.parse::<usize>().unwrap()] = x,
        (Value::Array(a), None) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{pointer}"),
    }
    serde_json::to_string(&v).unwrap()
}

fn of(src: &str, rule: &str) -> Vec<(String, Severity)> {
    let r = validate_body(src, &Default::default()).unwrap();
    r.findings
        .iter()
        .filter(|f| f.rule.id == rule)
        .map(|f| (f.resolved.as_ref().unwrap().expression.clone(), f.severity))
        .collect()
}

fn at(path: &str, s: Severity) -> Vec<(String, Severity)> {
    vec![(path.to_owned(), s)]
}

#[test]
fn the_valid_account_has_no_finding() {
    let r = validate_body(VALID, &Default::default()).unwrap();
    assert!(
        r.findings.is_empty(),
        "{:#?}",
        r.findings.iter().map(|f| f.to_string()).collect::<Vec<_>>()
    );
}

#[test]
fn regul_001_meta_source() {
    assert_eq!(
        of(&patch("/meta/source", None), "RO1-REGUL-001"),
        at("Practitioner.meta.source", E)
    );
    assert_eq!(
        of(&patch("/meta/source", Some(json!("urn:oid:1.2.3"))), "RO1-REGUL-001"),
        at("Practitioner.meta.source", E)
    );
}

#[test]
fn regul_002_identifiers() {
    // AMB-26: the 1.1.0 example 1's IDNPS under the structure OID.
    let amb26 = patch("/identifier/0/system", Some(json!("urn:oid:1.2.250.1.71.4.2.2")));
    assert_eq!(of(&amb26, "RO1-REGUL-002"), at("Practitioner.identifier[0].system", E));
    let two = json!([{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810002673899"},
                     {"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810002909371"}]);
    let r = of(&patch("/identifier", Some(two)), "RO1-REGUL-002");
    assert!(r.contains(&("Practitioner.identifier[1]".to_owned(), E)), "{r:?}");
    let uuid = json!([{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"INTRN"}]},
        "system":"urn:oid:1.2.250.1.213.3.6","value":"not-a-uuid"}]);
    assert_eq!(
        of(&patch("/identifier", Some(uuid)), "RO1-REGUL-002"),
        at("Practitioner.identifier[0].value", E)
    );
    assert_eq!(of(&patch("/identifier", None), "RO1-REGUL-002"), at("Practitioner.identifier", E));
}

#[test]
fn regul_003_active_name_telecom() {
    assert_eq!(of(&patch("/active", None), "RO1-REGUL-003"), at("Practitioner.active", E));
    assert_eq!(
        of(&patch("/name/0/family", None), "RO1-REGUL-003"),
        at("Practitioner.name[0].family", E)
    );
    assert_eq!(
        of(&patch("/name/0/given", Some(json!(["Jules", "Marcel"]))), "RO1-REGUL-003"),
        at("Practitioner.name[0].given[1]", E)
    );
    assert_eq!(
        of(&patch("/telecom/0/system", Some(json!("phone"))), "RO1-REGUL-003"),
        at("Practitioner.telecom[0].system", E)
    );
    assert_eq!(of(&patch("/telecom", None), "RO1-REGUL-003"), at("Practitioner.telecom", E));
}
