//! Rows of the APPT rules: a valid appointment patched at a JSON pointer,
//! the findings (rule, FHIRPath, severity) expected of that rule.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use fr_fhir_core::finding::Severity::{self, Error as E, Warning as W};
use serde_json::{Value, json};

use crate::{IgVersion, validate_body};

/// A complete FrAppointmentSAS (the official example with a valid RPPS and `created`).
pub(crate) const VALID: &str = r#"{"resourceType":"Appointment","id":"1",
 "meta":{"profile":["http://sas.fr/fhir/StructureDefinition/FrAppointmentSAS"]},
 "extension":[{"url":"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator",
   "valueReference":{"identifier":{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]},
   "system":"urn:oid:1.2.250.1.71.4.2.1","value":"3456780581/11242343"}}}],
 "identifier":[{"system":"urn:oid:1.1.111.1.11.1.1.1","value":"b6e39355-8a61-4556-b340-36f7b95fec6a"}],
 "status":"booked","start":"2022-09-04T14:00:00+01:00","end":"2022-09-04T14:15:00+01:00","created":"2022-09-04T10:00:00+01:00",
 "participant":[{"actor":{"identifier":{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]},
   "system":"urn:oid:1.2.250.1.71.4.2.1","value":"810002909371"}},"status":"accepted"}]}"#;

fn patch(pointer: &str, value: Option<Value>) -> String {
    let mut v: Value = serde_json::from_str(VALID).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = v.pointer_mut(parent).unwrap();
    match (target, value) {
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

fn of(src: &str, version: IgVersion, rule: &str) -> Vec<(String, Severity)> {
    let r = validate_body(src, &Default::default(), version).unwrap();
    r.findings
        .iter()
        .filter(|f| f.rule.id == rule)
        .map(|f| (f.resolved.as_ref().unwrap().expression.clone(), f.severity))
        .collect()
}

fn at(path: &str, s: Severity) -> Vec<(String, Severity)> {
    vec![(path.to_owned(), s)]
}

const V11: IgVersion = IgVersion::V1_1_0;
const V12: IgVersion = IgVersion::V1_2_0;
const OP_ID: &str = "/extension/0/valueReference/identifier";

#[test]
fn the_valid_appointment_has_no_finding_in_either_version() {
    for v in [V11, V12] {
        let r = validate_body(VALID, &Default::default(), v).unwrap();
        let shown: Vec<_> = r.findings.iter().map(|f| format!("{f}")).collect();
        assert!(shown.is_empty(), "{v}: {shown:#?}");
    }
}

#[test]
fn appt_001_operator_extension() {
    assert_eq!(of(&patch("/extension", None), V11, "RO1-APPT-001"), at("Appointment.extension", E));
    let two = json!([
        serde_json::from_str::<Value>(VALID).unwrap()["extension"][0].clone(),
        serde_json::from_str::<Value>(VALID).unwrap()["extension"][0].clone()
    ]);
    assert_eq!(
        of(&patch("/extension", Some(two)), V11, "RO1-APPT-001"),
        at("Appointment.extension[1]", E)
    );
    assert_eq!(
        of(&patch(&format!("{OP_ID}/type"), None), V11, "RO1-APPT-001"),
        at("Appointment.extension[0].valueReference.identifier.type", E)
    );
    assert_eq!(
        of(&patch(&format!("{OP_ID}/value"), None), V11, "RO1-APPT-001"),
        at("Appointment.extension[0].valueReference.identifier.value", E)
    );
    assert_eq!(
        of(&patch("/extension/0/valueReference/identifier", None), V11, "RO1-APPT-001"),
        at("Appointment.extension[0].valueReference.identifier", E)
    );
}

#[test]
fn appt_002_operator_identifier_forms() {
    let sys = patch(&format!("{OP_ID}/system"), Some(json!("urn:oid:1.2.250.1.71.4.2.2")));
    assert_eq!(
        of(&sys, V11, "RO1-APPT-002"),
        at("Appointment.extension[0].valueReference.identifier.system", E)
    );
    let value = patch(&format!("{OP_ID}/value"), Some(json!("9abc")));
    assert_eq!(
        of(&value, V11, "RO1-APPT-002"),
        at("Appointment.extension[0].valueReference.identifier.value", E)
    );
    let intrn = patch(&format!("{OP_ID}/type/coding/0/code"), Some(json!("INTRN")));
    let r = of(&intrn, V11, "RO1-APPT-002");
    assert_eq!(r.len(), 2, "{r:?}"); // system and value are an IDNPS's
    let uuid = patch(
        OP_ID,
        Some(
            json!({"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"INTRN"}]},
        "system":"urn:oid:1.2.250.1.213.3.6","value":"1ef1c748-01a3-6180-b098-73283ce4e5b1"}),
        ),
    );
    assert_eq!(of(&uuid, V11, "RO1-APPT-002"), []);
}

#[test]
fn appt_003_identifier_start_end() {
    assert_eq!(
        of(&patch("/identifier", None), V11, "RO1-APPT-003"),
        at("Appointment.identifier", E)
    );
    assert_eq!(
        of(&patch("/identifier/0/system", Some(json!("editeur"))), V11, "RO1-APPT-003"),
        at("Appointment.identifier[0].system", E)
    );
    assert_eq!(of(&patch("/end", None), V11, "RO1-APPT-003"), at("Appointment.end", E));
}

#[test]
fn appt_004_practitioner_identifier() {
    let p = "/participant/0/actor/identifier";
    assert_eq!(
        of(
            &patch(&format!("{p}/system"), Some(json!("urn:oid:1.2.250.1.71.4.2.2"))),
            V11,
            "RO1-APPT-004"
        ),
        at("Appointment.participant[0].actor.identifier.system", E)
    );
    assert_eq!(
        of(&patch(&format!("{p}/value"), Some(json!("3456780581/11242343"))), V11, "RO1-APPT-004"),
        at("Appointment.participant[0].actor.identifier.value", E)
    );
    assert_eq!(
        of(&patch("/participant/0/actor", None), V11, "RO1-APPT-004"),
        at("Appointment.participant[0].actor", E)
    );
    // ADELI is accepted.
    assert_eq!(
        of(&patch(&format!("{p}/value"), Some(json!("0123456789"))), V11, "RO1-APPT-004"),
        []
    );
}

#[test]
fn appt_005_participant_status_per_version() {
    let needs = patch("/participant/0/status", Some(json!("needs-action")));
    assert_eq!(of(&needs, V11, "RO1-APPT-005"), at("Appointment.participant[0].status", E));
    assert_eq!(of(&needs, V12, "RO1-APPT-005"), []);
    // Under 1.2.0 the 1.1.0 pattern of the built-in profile yields to the rule.
    let r = validate_body(&needs, &Default::default(), V12).unwrap();
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let declined = patch("/participant/0/status", Some(json!("declined")));
    assert_eq!(of(&declined, V12, "RO1-APPT-005"), at("Appointment.participant[0].status", E));
}

#[test]
fn appt_006_status_and_created() {
    let proposed = patch("/status", Some(json!("proposed")));
    assert_eq!(of(&proposed, V11, "RO1-APPT-006"), at("Appointment.status", W));
    let no_created = patch("/created", None);
    assert_eq!(of(&no_created, V11, "RO1-APPT-006"), []);
    assert_eq!(of(&no_created, V12, "RO1-APPT-006"), at("Appointment.created", W));
}
