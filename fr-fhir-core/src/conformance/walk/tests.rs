#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::PathBuf;
use std::sync::Arc;

use super::{Buffers, Validator, Walk};
use crate::conformance::load::structure_from_json;
use crate::engine::{Emitter, Options, Scope};
use crate::finding::{Severity, Target};
use crate::json::Span;

/// The built-in tables: R4 core + the SAS IG + the terminology folder, as
/// `sas-codegen` loads them (with the loader `--ig` uses).
fn validator() -> &'static Validator {
    Validator::builtin()
}

const SLOT: &str = "http://hl7.org/fhir/StructureDefinition/Slot";

/// Walks `src` against `url`: (rule id, severity, text of the span, child name).
fn walk_with(
    v: &Validator,
    url: &str,
    element: Option<&str>,
    src: &str,
) -> Vec<(String, Severity, String, String)> {
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
    Some(walk_with(validator(), url, None, src))
}

#[test]
fn missing_required_elements_are_named() {
    let Some(f) = walk(
        SLOT,
        r#"{"resourceType":"Slot","status":"free","start":"2024-01-01T10:00:00+01:00"}"#,
    ) else {
        return;
    };
    let missing: Vec<&str> =
        f.iter().filter(|x| x.0 == "RO1-FHIR-004").map(|x| x.3.as_str()).collect();
    assert_eq!(missing, ["schedule", "end"]);
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
        .unwrap_or_else(|| {
            format!(
                "http://hl7.org/fhir/StructureDefinition/{}",
                j["resourceType"].as_str().unwrap()
            )
        })
}

#[test]
fn official_examples_give_no_error() {
    let v = validator();
    let Some(spec) = crate::conformance::spec::spec_dir() else { return };
    let dir = spec.join("ig-sas-1.1.0/package/example");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut bad = Vec::new();
    for p in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let src = std::fs::read_to_string(&p).unwrap();
        let url = profile_of(v, &src);
        for f in walk_with(v, &url, None, &src) {
            if f.1 >= Severity::Error {
                let mut t = f.2.clone();
                t.truncate(80);
                bad.push(format!(
                    "{} {} {:?} {} [{}]",
                    p.file_name().unwrap().to_string_lossy(),
                    f.0,
                    f.1,
                    t,
                    f.3
                ));
            }
        }
    }
    println!("{}", bad.join("\n"));
    assert!(bad.is_empty(), "{} findings", bad.len());
}

const SLOT_OK: &str = r#""resourceType":"Slot","schedule":{"reference":"Schedule/s"},"status":"free","start":"2024-01-01T10:00:00+01:00","end":"2024-01-01T10:30:00+01:00""#;
const FR_SLOT: &str = "http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur";
const FR_PRACT: &str = "http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur";
const CPTS_ORG: &str = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-organization-aggregator";
const BUNDLE: &str = "http://hl7.org/fhir/StructureDefinition/Bundle";
const LOCATION: &str = "http://hl7.org/fhir/StructureDefinition/Location";
const SCHEDULE: &str = "http://hl7.org/fhir/StructureDefinition/Schedule";
const REGUL: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/FrPractitionerRegul";
const CPTS_SLOT: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator";
const APPT: &str = "http://sas.fr/fhir/StructureDefinition/FrAppointmentSAS";
const IDNPS: &str = r#"{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]},"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810001234567"}"#;

/// (name, structure, JSON, expected findings as (rule, text of the span or missing child)).
/// One case: name, structure, JSON, expected (rule, span text or missing child).
type Case = (&'static str, &'static str, String, Vec<(&'static str, &'static str)>);

fn cases() -> Vec<Case> {
    vec![
        ("valid base slot", SLOT, format!("{{{SLOT_OK}}}"), vec![]),
        ("unknown element", SLOT, format!(r#"{{{SLOT_OK},"foo":1}}"#), vec![("RO1-FHIR-002", "1")]),
        ("fhir_comments is unknown", SLOT, format!(r#"{{{SLOT_OK},"fhir_comments":["x"]}}"#), vec![("RO1-FHIR-002", r#"["x"]"#)]),
        ("repeating element as object", SLOT, format!(r#"{{{SLOT_OK},"serviceType":{{"text":"x"}}}}"#), vec![("RO1-FHIR-001", r#"{"text":"x"}"#)]),
        ("single element as array", SCHEDULE, r#"{"resourceType":"Schedule","actor":[{"reference":"Practitioner/p"}],"comment":["x"]}"#.into(), vec![("RO1-FHIR-001", r#"["x"]"#)]),
        ("wrong primitive JSON type", SLOT, format!(r#"{{{SLOT_OK},"overbooked":"true"}}"#), vec![("RO1-FHIR-001", r#""true""#)]),
        ("instant without zone", SLOT, r#"{"resourceType":"Slot","schedule":{"reference":"Schedule/s"},"status":"free","start":"2024-01-01T10:00:00","end":"2024-01-01T10:30:00+01:00"}"#.into(), vec![("RO1-FHIR-003", r#""2024-01-01T10:00:00""#)]),
        ("code with trailing space", SLOT, format!(r#"{{{SLOT_OK},"serviceType":[{{"coding":[{{"system":"http://s","code":"AMB "}}]}}]}}"#), vec![("RO1-FHIR-003", r#""AMB ""#)]),
        ("decimal as a string", LOCATION, r#"{"resourceType":"Location","position":{"longitude":"2.35","latitude":48.85}}"#.into(), vec![("RO1-FHIR-001", r#""2.35""#)]),
        ("base cardinality", SLOT, r#"{"resourceType":"Slot","status":"free","start":"2024-01-01T10:00:00+01:00"}"#.into(), vec![("RO1-FHIR-004", "schedule"), ("RO1-FHIR-004", "end")]),
        ("required child of an optional backbone", SCHEDULE, r#"{"resourceType":"Schedule","actor":[{"reference":"Practitioner/p"}],"planningHorizon":{"start":"2024-13-01"}}"#.into(), vec![("RO1-FHIR-003", r#""2024-13-01""#)]),
        ("base required binding", SLOT, r#"{"resourceType":"Slot","schedule":{"reference":"Schedule/s"},"status":"libre","start":"2024-01-01T10:00:00+01:00","end":"2024-01-01T10:30:00+01:00"}"#.into(), vec![("RO1-FHIR-005", r#""libre""#)]),
        ("identifier use binding (datatype)", SLOT, format!(r#"{{{SLOT_OK},"identifier":[{{"use":"main","value":"x"}}]}}"#), vec![("RO1-FHIR-005", r#""main""#)]),
        ("primitive extension sibling", SLOT, format!(r#"{{{SLOT_OK},"_status":{{"extension":[{{"url":"http://x","valueCode":"a"}}]}}}}"#), vec![]),
        ("primitive sibling not an object", SLOT, format!(r#"{{{SLOT_OK},"_status":"x"}}"#), vec![("RO1-FHIR-001", r#""x""#)]),
        ("extension value type unknown", SLOT, format!(r#"{{{SLOT_OK},"extension":[{{"url":"http://x","valueFoo":1}}]}}"#), vec![("RO1-FHIR-002", "1")]),
        ("extension value wrong JSON type", SLOT, format!(r#"{{{SLOT_OK},"extension":[{{"url":"http://x","valueBoolean":"yes"}}]}}"#), vec![("RO1-FHIR-001", r#""yes""#)]),
        ("extension without url", SLOT, format!(r#"{{{SLOT_OK},"extension":[{{"valueString":"a"}}]}}"#), vec![("RO1-FHIR-004", "url")]),
        ("bundle entry resource switch", BUNDLE, r#"{"resourceType":"Bundle","type":"searchset","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Slot","status":"free","foo":true}}]}"#.into(),
            vec![("RO1-FHIR-002", "true"), ("RO1-FHIR-004", "schedule"), ("RO1-FHIR-004", "start"), ("RO1-FHIR-004", "end")]),
        ("bundle link relation required", BUNDLE, r#"{"resourceType":"Bundle","type":"searchset","link":[{"url":"http://x"}]}"#.into(), vec![("RO1-FHIR-004", "relation")]),
        ("entry link (content reference); bdl-5", BUNDLE, r#"{"resourceType":"Bundle","type":"searchset","entry":[{"link":[{"url":"http://x"}]}]}"#.into(),
            vec![("RO1-FHIR-004", "relation"), ("RO1-FHIR-006", r#"{"link":[{"url":"http://x"}]}"#)]),
        ("per-1 on a datatype", SCHEDULE, r#"{"resourceType":"Schedule","actor":[{"reference":"Practitioner/p"}],"planningHorizon":{"start":"2024-01-02","end":"2024-01-01"}}"#.into(), vec![("RO1-FHIR-009", r#""2024-01-01""#)]),
        ("ext-1 on an extension", SLOT, format!(r#"{{{SLOT_OK},"extension":[{{"url":"http://x","valueCode":"a","extension":[{{"url":"y","valueCode":"b"}}]}}]}}"#), vec![("RO1-FHIR-008", r#""a""#)]),
        ("dom-3 contained not referenced", SLOT, format!(r#"{{{SLOT_OK},"contained":[{{"resourceType":"Slot","id":"c1","schedule":{{"reference":"Schedule/s"}},"status":"free","start":"2024-01-01T10:00:00+01:00","end":"2024-01-01T10:30:00+01:00"}}]}}"#),
            vec![("RO1-FHIR-007", r#"{"resourceType":"Slot","id":"c1","schedule":{"reference":"Schedule/s"},"status":"free","start":"2024-01-01T10:00:00+01:00","end":"2024-01-01T10:30:00+01:00"}"#)]),
        ("dom-6 (a best practice) is not reported", SLOT, format!("{{{SLOT_OK}}}"), vec![]),
        ("FINESS invariant", CPTS_ORG, r#"{"resourceType":"Organization","name":"x","identifier":[{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type","code":"IDNST"}]},"system":"urn:oid:1.2.250.1.71.4.2.2","value":"2234567890"}]}"#.into(), vec![("RO1-PROF-008", r#""2234567890""#)]),
        ("bundle type binding", BUNDLE, r#"{"resourceType":"Bundle","type":"search"}"#.into(), vec![("RO1-FHIR-005", r#""search""#)]),
        ("null and empty values left to JSON-001", SLOT, format!(r#"{{{SLOT_OK},"comment":null,"serviceType":[],"identifier":[null]}}"#), vec![]),
        ("profile fixed code", FR_SLOT, r#"{"resourceType":"Slot","schedule":{"reference":"Schedule/s"},"status":"busy","start":"2024-01-01T10:00:00+01:00","end":"2024-01-01T10:30:00+01:00"}"#.into(), vec![("RO1-PROF-002", r#""busy""#)]),
        ("profile reference target", FR_SLOT, r#"{"resourceType":"Slot","schedule":{"reference":"Practitioner/s"},"status":"free","start":"2024-01-01T10:00:00+01:00","end":"2024-01-01T10:30:00+01:00"}"#.into(), vec![("RO1-PROF-006", r#""Practitioner/s""#)]),
        ("profile min", FR_PRACT, r#"{"resourceType":"Practitioner"}"#.into(), vec![("RO1-PROF-001", "identifier")]),
        ("IDNPS pattern holds", FR_PRACT, format!(r#"{{"resourceType":"Practitioner","identifier":[{IDNPS}]}}"#), vec![]),
        ("IDNPS pattern system", FR_PRACT, r#"{"resourceType":"Practitioner","identifier":[{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]},"system":"urn:oid:1.2.250.1.71.4.2.2","value":"8"}]}"#.into(), vec![("RO1-PROF-002", r#""urn:oid:1.2.250.1.71.4.2.2""#)]),
        ("IDNPS pattern type", FR_PRACT, r#"{"resourceType":"Practitioner","identifier":[{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"RPPS"}]},"system":"urn:oid:1.2.250.1.71.4.2.1","value":"8"}]}"#.into(), vec![("RO1-PROF-002", r#"{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"RPPS"}]}"#)]),
        ("profile max", CPTS_ORG, r#"{"resourceType":"Organization","name":"x","identifier":[{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type","code":"IDNST"}]},"system":"urn:oid:1.2.250.1.71.4.2.2","value":"1234567890"},{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type","code":"IDNST"}]},"system":"urn:oid:1.2.250.1.71.4.2.2","value":"1234567891"}]}"#.into(),
            vec![("RO1-PROF-001", r#"[{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type","code":"IDNST"}]},"system":"urn:oid:1.2.250.1.71.4.2.2","value":"1234567890"},{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type","code":"IDNST"}]},"system":"urn:oid:1.2.250.1.71.4.2.2","value":"1234567891"}]"#)]),
        ("slice cardinality", REGUL, format!(r#"{{"resourceType":"Practitioner","active":true,"name":[{{"family":"A","given":["B"]}}],"identifier":[{IDNPS},{IDNPS}]}}"#),
            vec![("RO1-PROF-001", Box::leak(format!("[{IDNPS},{IDNPS}]").into_boxed_str()))]),
        ("required binding of a profile", CPTS_SLOT, r#"{"resourceType":"Slot","meta":{"security":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau","code":"ZZZ"}]},"schedule":{"reference":"Schedule/s"},"status":"free","start":"2024-01-01T10:00:00+01:00","end":"2024-01-01T10:30:00+01:00"}"#.into(),
            vec![("RO1-PROF-003", r#"{"system":"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau","code":"ZZZ"}"#)]),
        ("choice type restricted by the profile", APPT, r#"{"resourceType":"Appointment","status":"booked","identifier":[{"system":"urn:oid:1.1","value":"1"}],"start":"2022-09-04T14:00:00+01:00","end":"2022-09-04T14:15:00+01:00","participant":[{"actor":{"reference":"Patient/p"},"status":"accepted"}],"extension":[{"url":"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator","valueString":"x"}]}"#.into(),
            vec![("RO1-PROF-006", r#""x""#)]),
        // per-1 is the Period type's own constraint: reached through every route.
        ("per-1 in a profile's slice", FR_PRACT, format!(r#"{{"resourceType":"Practitioner","identifier":[{}]}}"#, IDNPS.replace(r#""value""#, r#""period":{"start":"2024-01-02","end":"2024-01-01"},"value""#)),
            vec![("RO1-FHIR-009", r#""2024-01-01""#)]),
        ("per-1 in a contained resource", SCHEDULE, format!(r##"{{"resourceType":"Schedule","actor":[{{"reference":"#l"}}],"contained":[{{"resourceType":"Location","id":"l","address":{{{PERIOD_BAD}}}}}]}}"##),
            vec![("RO1-FHIR-009", r#""2024-01-01""#)]),
        ("per-1 in a bundle entry's resource", BUNDLE, r#"{"resourceType":"Bundle","type":"searchset","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Schedule","actor":[{"reference":"Location/l"}],"planningHorizon":{"start":"2024-01-02","end":"2024-01-01"}}}]}"#.into(),
            vec![("RO1-FHIR-009", r#""2024-01-01""#)]),
        ("per-1 under a choice type slice", APPT, appt(&operator(&IDNPS.replace(r#""value""#, r#""period":{"start":"2024-01-02","end":"2024-01-01"},"value""#)), ""),
            vec![("RO1-FHIR-009", r#""2024-01-01""#)]),
        // The children of `value[x]:valueReference` of the extension slice apply.
        ("choice type slice holds", APPT, appt(&operator(IDNPS), ""), vec![]),
        ("choice type slice: required child", APPT, appt(&operator(r#"{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]},"value":"8"}"#), ""),
            vec![("RO1-PROF-001", "system")]),
        ("choice type slice: required identifier", APPT, appt(r#"{"display":"x"}"#, ""), vec![("RO1-PROF-001", "identifier")]),
        ("choice type slice: pattern", APPT, appt(&operator(&IDNPS.replace("fr-v2-0203", "v2-0203")), ""),
            vec![("RO1-PROF-002", r#""http://interopsante.org/fhir/CodeSystem/v2-0203""#)]),
        ("choice type slice: max", APPT, appt(&operator(&IDNPS.replace(r#""code":"IDNPS"}"#, r#""code":"IDNPS"},{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"RPPS"}"#)), ""),
            vec![("RO1-PROF-001", r#"[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"},{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"RPPS"}]"#)]),
        ("extension slice max", APPT, appt(&operator(IDNPS), &format!(r#",{{"url":"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator","valueReference":{}}}"#, operator(IDNPS))),
            vec![("RO1-PROF-001", Box::leak(format!(r#"[{{"url":"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator","valueReference":{0}}},{{"url":"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator","valueReference":{0}}}]"#, operator(IDNPS)).into_boxed_str()))]),
        // FHIRPath System types: `X.id` of a resource is an `id`, `url` of an extension a `uri`.
        ("resource id typed System.String", APPT, appt(&operator(IDNPS), "").replacen('{', &format!(r#"{{"id":"{}","#, "a".repeat(65)), 1),
            vec![("RO1-FHIR-003", Box::leak(format!(r#""{}""#, "a".repeat(65)).into_boxed_str()))]),
        ("extension url typed System.String", SLOT, format!(r#"{{{SLOT_OK},"extension":[{{"url":"http://x y","valueCode":"a"}}]}}"#), vec![("RO1-FHIR-003", r#""http://x y""#)]),
        ("element id typed System.String", SLOT, format!(r#"{{{SLOT_OK},"serviceType":[{{"id":1,"text":"a"}}]}}"#), vec![("RO1-FHIR-001", "1")]),
        ("_id stays unknown", SLOT, format!(r#"{{{SLOT_OK},"_id":{{}}}}"#), vec![("RO1-FHIR-002", "{}")]),
        // A single value where an array is expected is still read (its local reference counts: no dom-3).
        ("single value for an array is read", SCHEDULE, r##"{"resourceType":"Schedule","actor":{"reference":"#l"},"contained":[{"resourceType":"Location","id":"l","status":"x"}]}"##.into(),
            vec![("RO1-FHIR-001", r##"{"reference":"#l"}"##), ("RO1-FHIR-005", r#""x""#)]),
    ]
}

const PERIOD_BAD: &str = r#""period":{"start":"2024-01-02","end":"2024-01-01"}"#;

/// The `valueReference` of the FrAppointmentOperator extension, its identifier `identifier`.
fn operator(identifier: &str) -> String {
    format!(r#"{{"identifier":{identifier}}}"#)
}

/// A valid FrAppointmentSAS with the operator extension (`value_reference`)
/// and `more` extensions after it (each starting with a comma).
fn appt(value_reference: &str, more: &str) -> String {
    format!(
        r#"{{"resourceType":"Appointment","status":"booked","identifier":[{{"system":"urn:oid:1.1","value":"1"}}],"start":"2022-09-04T14:00:00+01:00","end":"2022-09-04T14:15:00+01:00","participant":[{{"actor":{{"reference":"Patient/p"}},"status":"accepted"}}],"extension":[{{"url":"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator","valueReference":{value_reference}}}{more}]}}"#
    )
}

#[test]
fn each_check_kind() {
    let v = validator();
    let mut failures = Vec::new();
    for (name, url, src, expected) in cases() {
        let got: Vec<(String, String)> = walk_with(v, url, None, &src)
            .into_iter()
            .filter(|f| f.1 >= Severity::Error || name.starts_with("warning"))
            .map(|(rule, _, text, child)| (rule, if child.is_empty() { text } else { child }))
            .collect();
        let mut got_s: Vec<(&str, &str)> =
            got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let mut exp = expected.clone();
        got_s.sort();
        exp.sort();
        if got_s != exp {
            failures.push(format!("{name}: expected {exp:?}\n   got {got_s:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// RO1-PROF-003: the required binding of a slice (`Slot.serviceType:TypeConsultation`,
/// v3-ActEncounterCode) applies to the items classified into it (built-in
/// tables: their value set is enumerated).
#[test]
fn required_binding_of_a_slice() {
    let src = format!(
        r#"{{{SLOT_OK},"serviceType":[{{"coding":[{{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"ZZZ"}}]}}]}}"#
    );
    let got: Vec<(String, String)> = walk_with(Validator::builtin(), FR_SLOT, None, &src)
        .into_iter()
        .filter(|f| f.1 >= Severity::Error)
        .map(|f| (f.0, f.2))
        .collect();
    assert_eq!(
        got,
        [(
            "RO1-PROF-003".to_string(),
            r#"{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"ZZZ"}]}"#
                .to_string()
        )]
    );
}

/// Findings with their messages (for message tests).
fn messages(v: &Validator, url: &str, src: &str) -> Vec<(String, String, String)> {
    let opts = Options::default();
    let mut em = Emitter::new(&opts);
    let w = Walk { structure: url, element: None, skip: &[], scope: Scope::ALL };
    v.check(src, Span::new(0, src.len() as u32), &w, &mut em);
    em.into_inner()
        .0
        .into_iter()
        .map(|e| (e.finding.rule.id.to_string(), e.finding.message.fr, e.finding.message.en))
        .collect()
}

#[test]
fn messages_name_actual_and_expected_in_both_languages() {
    let v = validator();
    let src = r#"{"resourceType":"Slot","schedule":{"reference":"Schedule/s"},"status":"libre","start":"2024-01-01T10:00:00","end":"2024-01-01T10:30:00+01:00","foo":1}"#;
    let m = messages(v, SLOT, src);
    let get = |id: &str| m.iter().find(|x| x.0 == id).unwrap_or_else(|| panic!("{id} in {m:?}"));
    let (_, fr, en) = get("RO1-FHIR-005");
    assert!(fr.contains("libre") && fr.contains("slotstatus") && fr.contains("free"), "{fr}");
    assert!(en.contains("libre") && en.contains("slotstatus"), "{en}");
    let (_, fr, en) = get("RO1-FHIR-003");
    assert!(fr.contains("2024-01-01T10:00:00") && fr.contains("attendu"), "{fr}");
    assert!(en.contains("expected"), "{en}");
    let (_, fr, en) = get("RO1-FHIR-002");
    assert!(fr.contains("« foo »") && en.contains("`foo`"), "{fr} / {en}");
    let m = messages(v, FR_PRACT, r#"{"resourceType":"Practitioner"}"#);
    let (_, fr, en) = &m[0];
    assert!(
        fr.contains("Practitioner.identifier")
            && fr.contains("FrPractitionerAgregateur")
            && fr.contains("1.."),
        "{fr}"
    );
    assert!(en.contains("found 0"), "{en}");
}

#[test]
fn element_and_skip_spans() {
    let v = validator();
    let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Slot"}}],"foo":1}"#;
    let entry_start = src.find("[{").unwrap() as u32;
    let entry_end = src.find(",\"foo\"").unwrap() as u32;
    let skip = [Span::new(entry_start, entry_end)];
    let opts = Options::default();
    let mut em = Emitter::new(&opts);
    let w = Walk { structure: BUNDLE, element: None, skip: &skip, scope: Scope::ALL };
    v.check(src, Span::new(0, src.len() as u32), &w, &mut em);
    let ids: Vec<&str> = em
        .into_inner()
        .0
        .iter()
        .filter(|e| e.finding.severity >= Severity::Error)
        .map(|e| e.finding.rule.id)
        .collect();
    assert_eq!(ids, ["RO1-FHIR-002"]);
    // The entry on its own, as an instance of `Bundle.entry`.
    let e_start = entry_start + 1;
    let e_end = entry_end - 1;
    let mut em = Emitter::new(&opts);
    let w = Walk { structure: BUNDLE, element: Some("Bundle.entry"), skip: &[], scope: Scope::ALL };
    v.check(src, Span::new(e_start, e_end), &w, &mut em);
    let got: Vec<(&str, String)> = em
        .into_inner()
        .0
        .iter()
        .filter(|e| e.finding.severity >= Severity::Error)
        .map(|e| match &e.finding.target {
            Target::Body { child, .. } => {
                (e.finding.rule.id, child.as_deref().unwrap_or("").to_string())
            }
            _ => (e.finding.rule.id, String::new()),
        })
        .collect();
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got.iter().all(|g| g.0 == "RO1-FHIR-004"), "{got:?}");
}

#[test]
fn hostile_input_never_panics() {
    let v = validator();
    let deep = format!(
        "{{\"resourceType\":\"Slot\",\"extension\":{}{}}}",
        "[{\"extension\":".repeat(300),
        "]}".repeat(300)
    );
    for src in [
        "",
        "{",
        "[]",
        "null",
        r#"{"resourceType":1}"#,
        r#"{"resourceType":"Slot","status":"free""#,
        r#"{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Nope"}},{"resource":[]},{"resource":{"contained":[{"resourceType":"Slot","contained":[1]}]}}]}"#,
        &deep,
    ] {
        let _ = walk_with(v, SLOT, None, src);
        let _ = walk_with(v, BUNDLE, None, src);
        let _ = walk_with(v, FR_PRACT, None, src);
    }
}

/// Not a timed test: `WALK_BENCH=file.json cargo test --release -p fr-fhir-core --lib
/// walk::tests::throughput -- --ignored --nocapture` prints ns per KB of the walk,
/// of a bare skip of the same text, and of the full validation.
#[test]
#[ignore]
fn throughput() {
    let v = validator();
    let Some(path) = std::env::var_os("WALK_BENCH") else {
        eprintln!("note: WALK_BENCH unset, throughput skipped");
        return;
    };
    let src = std::fs::read_to_string(path).unwrap();
    let kb = src.len() as f64 / 1024.0;
    let url = profile_of(v, &src);
    let opts = Options::default();
    let time = |f: &mut dyn FnMut()| {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = std::time::Instant::now();
            f();
            best = best.min(t.elapsed().as_nanos() as f64);
        }
        best / kb
    };
    let mut n = 0;
    let walk_ns = time(&mut || {
        let mut em = Emitter::new(&opts);
        let w = Walk { structure: &url, element: None, skip: &[], scope: Scope::ALL };
        v.check(&src, Span::new(0, src.len() as u32), &w, &mut em);
        n = em.len();
    });
    if std::env::var_os("WALK_ONLY").is_some() {
        println!("{url}: {n} findings; walk {walk_ns:.0} ns/KB");
        return;
    }
    let skip_ns = time(&mut || {
        crate::json::Reader::new(&src).skip_value().unwrap();
    });
    let full_ns = time(&mut || {
        let _ = crate::rules::validate(&src, &opts);
    });
    let mut hist: std::collections::BTreeMap<(String, Severity), (usize, String)> =
        Default::default();
    for f in walk_with(v, &url, None, &src) {
        let e = hist
            .entry((f.0, f.1))
            .or_insert((0, format!("{} [{}]", f.2.chars().take(100).collect::<String>(), f.3)));
        e.0 += 1;
    }
    println!("{hist:#?}");
    println!(
        "{url}: {n} findings; walk {walk_ns:.0} ns/KB, bare skip {skip_ns:.0} ns/KB, full validation {full_ns:.0} ns/KB"
    );
}

#[test]
fn closed_slicing_names_the_discriminator() {
    let v = validator();
    let sd = r#"{"resourceType":"StructureDefinition","url":"http://x/ClosedSlot","name":"ClosedSlot","type":"Slot",
      "kind":"resource","abstract":false,"derivation":"constraint","baseDefinition":"http://hl7.org/fhir/StructureDefinition/Slot",
      "snapshot":{"element":[
        {"id":"Slot","path":"Slot","min":0,"max":"*","base":{"path":"Slot","min":0,"max":"*"}},
        {"id":"Slot.identifier","path":"Slot.identifier","min":0,"max":"*","base":{"path":"Slot.identifier","min":0,"max":"*"},
         "type":[{"code":"Identifier"}],"slicing":{"discriminator":[{"type":"value","path":"system"}],"rules":"closed"}},
        {"id":"Slot.identifier:a","path":"Slot.identifier","sliceName":"a","min":0,"max":"1","base":{"path":"Slot.identifier","min":0,"max":"*"},"type":[{"code":"Identifier"}]},
        {"id":"Slot.identifier:a.system","path":"Slot.identifier.system","min":1,"max":"1","base":{"path":"Identifier.system","min":0,"max":"1"},"type":[{"code":"uri"}],"fixedUri":"http://a"}
      ]}}"#;
    let mut defs = v.definitions().clone();
    defs.add_structure(structure_from_json(sd).unwrap());
    let v = Validator::new(Arc::new(defs));
    let src = r#"{"resourceType":"Slot","identifier":[{"system":"http://a","value":"1"},{"system":"http://b","value":"2"}]}"#;
    let got: Vec<(String, String)> =
        walk_with(&v, "http://x/ClosedSlot", None, src).into_iter().map(|f| (f.0, f.2)).collect();
    assert_eq!(
        got,
        [("RO1-PROF-005".to_string(), r#"{"system":"http://b","value":"2"}"#.to_string())]
    );
    let m = messages(&v, "http://x/ClosedSlot", src);
    assert!(m[0].1.contains("http://b") && m[0].2.contains("http://b"), "{m:?}");
}

#[test]
fn unevaluated_keys_of_a_structure() {
    let v = validator();
    let keys = v.unevaluated(FR_SLOT);
    assert!(
        !keys.contains(&"ele-1") && !keys.contains(&"dom-6") && !keys.contains(&"per-1"),
        "{keys:?}"
    );
    for k in &keys {
        assert!(!crate::conformance::invariants::is_evaluated(k), "{k}");
    }
    assert!(v.unevaluated("http://nowhere").is_empty());
    // Every key a structure names is evaluated, documented as left out, or listed.
    let st = v.definitions().structure(FR_SLOT).unwrap();
    for c in st.elements.iter().flat_map(|e| e.constraints.iter()) {
        assert!(
            c.key == "ele-1"
                || crate::conformance::invariants::is_evaluated(&c.key)
                || crate::conformance::invariants::not_evaluated(&c.key).is_some()
                || keys.contains(&c.key.as_ref()),
            "{}",
            c.key
        );
    }
    // A key an IG invents and nobody evaluates is listed, once.
    let mut defs = v.definitions().clone();
    let mut s = st.clone();
    let mut els = s.elements.to_vec();
    let extra = crate::conformance::table::Constraint {
        key: "sas-slot-1".into(),
        severity: crate::conformance::table::ConstraintSeverity::Error,
        human: "".into(),
        expression: "start < end".into(),
        source: "http://x/P".into(),
    };
    for e in els.iter_mut().take(2) {
        let mut cs = e.constraints.to_vec();
        cs.push(extra.clone());
        e.constraints = cs.into();
    }
    s.elements = els.into();
    s.url = "http://x/P".into();
    s.name = "P".into();
    defs.add_structure(s);
    let v2 = Validator::new(std::sync::Arc::new(defs));
    assert_eq!(v2.unevaluated("http://x/P"), ["sas-slot-1"]);
}

#[test]
fn validator_is_shared_across_threads() {
    fn sync<T: Sync + Send>() {}
    sync::<Validator>();
    let v = validator();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| walk_with(v, FR_PRACT, None, r#"{"resourceType":"Practitioner"}"#));
        }
    });
}

/// bdl-3: a transaction Bundle's entries need `request`; walked whole, each
/// entry is judged (the Bundle's `type` is read before them); with the
/// entries skipped (walked on their own by the engine), nothing is judged
/// from what was not read.
#[test]
fn bundle_entry_invariants_per_entry() {
    let v = validator();
    let ok = r#"{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Basic"},"request":{"method":"POST","url":"Basic"}}"#;
    let bad = r#"{"fullUrl":"urn:uuid:2","resource":{"resourceType":"Basic"}}"#;
    let src = format!(r#"{{"resourceType":"Bundle","type":"transaction","entry":[{ok},{bad}]}}"#);
    let got: Vec<(String, String, String)> = walk_with(v, BUNDLE, None, &src)
        .into_iter()
        .filter(|f| f.0 == "RO1-FHIR-006")
        .map(|f| (f.0, f.2, f.3))
        .collect();
    assert_eq!(got, [("RO1-FHIR-006".to_string(), bad.to_string(), String::new())]);
    // Entries skipped: the first one read for the Bundle-level keys holds.
    let at = src.find("[{").unwrap() as u32;
    let skip = [Span::new(at, src.rfind(']').unwrap() as u32 + 1)];
    let opts = Options::default();
    let mut em = Emitter::new(&opts);
    let w = Walk { structure: BUNDLE, element: None, skip: &skip, scope: Scope::ALL };
    v.check(&src, Span::new(0, src.len() as u32), &w, &mut em);
    let ids: Vec<&str> = em.into_inner().0.iter().map(|e| e.finding.rule.id).collect();
    assert!(!ids.contains(&"RO1-FHIR-006"), "{ids:?}");
}

/// The walk settles a coded binding from the Codings it gathered while
/// reading the value, and re-reads the value only when they do not: both
/// must say what re-reading alone says, whatever the shape (several
/// codings, one valid; no code; a coding outside an array; a bound Coding
/// inside a bound CodeableConcept; escapes).
#[test]
fn gathered_codings_judge_a_binding_as_reading_it_again_does() {
    let v = validator();
    let act = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    let values = [
        format!(r#"{{"coding":[{{"system":"{act}","code":"AMB"}}]}}"#),
        format!(r#"{{"coding":[{{"system":"{act}","code":"ZZZ"}}]}}"#),
        format!(r#"{{"coding":[{{"system":"{act}","code":"ZZZ"}},{{"system":"{act}","code":"AMB"}}]}}"#),
        format!(r#"{{"coding":[{{"system":"{act}","code":"AMB"}},{{"system":"urn:x","code":"ZZZ"}}]}}"#),
        r#"{"coding":[{"system":"urn:x","code":"AMB"}]}"#.to_string(),
        r#"{"coding":[{"code":"AMB"}]}"#.to_string(),
        r#"{"coding":[{"system":"http:\/\/terminology.hl7.org\/CodeSystem\/v3-ActCode","code":"A\u004dB"}]}"#.to_string(),
        r#"{"text":"Soins non programmés"}"#.to_string(),
        format!(r#"{{"coding":{{"system":"{act}","code":"ZZZ"}}}}"#),
        format!(r#"{{"coding":[{{"system":"{act}"}}]}}"#),
        format!(r#"{{"coding":[{{"system":"{act}","code":"ZZZ","extension":[{{"url":"urn:e","valueCoding":{{"system":"{act}","code":"AMB"}}}}]}}]}}"#),
    ];
    let binding_rules = ["RO1-FHIR-005", "RO1-PROF-003", "RO1-PROF-004"];
    let mut reported = 0;
    for value in &values {
        let src = format!(r#"{{{SLOT_OK},"serviceType":[{value}]}}"#);
        let walked: Vec<_> = walk_with(v, FR_SLOT, None, &src)
            .into_iter()
            .filter(|f| binding_rules.contains(&f.0.as_str()))
            .collect();
        // What reading the value again says, through the same tables.
        let c = v.compiled(v.by_url[FR_SLOT]).unwrap();
        let slice = c.by_id["Slot.serviceType:TypeConsultation"];
        let rule = c.elems[slice as usize].binding.unwrap();
        let slicer = c.elems[c.by_id["Slot.serviceType"] as usize].slicer.as_deref().unwrap();
        let in_slice = slicer.slice_of(value).is_some();
        let reread = v.terminology().check_at(rule.value_set, "CodeableConcept", value);
        let want =
            in_slice && matches!(reread, super::binding::BindingOutcome::NotInValueSet { .. });
        assert_eq!(!walked.is_empty(), want, "{value}: {walked:?} / {reread:?}");
        reported += usize::from(want);
    }
    // Both verdicts are exercised.
    assert!((1..values.len()).contains(&reported), "{reported}");
}

/// Items of the same bytes get the slice found for the first (the walk
/// remembers it); items differing by one byte are classified anew. Each
/// repeated invalid item is still reported, at its own place.
#[test]
fn repeated_slice_items_are_classified_once_and_checked_each_time() {
    let act = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    let ok = format!(r#"{{"coding":[{{"system":"{act}","code":"AMB"}}]}}"#);
    let bad = format!(r#"{{"coding":[{{"system":"{act}","code":"ZZZ"}}]}}"#);
    let other = r#"{"coding":[{"system":"urn:x","code":"ZZZ"}]}"#;
    let items = [&ok, &bad, &ok, &bad, &other.to_string(), &bad];
    let list: Vec<&str> = items.iter().map(|s| s.as_str()).collect();
    let src = format!(r#"{{{SLOT_OK},"serviceType":[{}]}}"#, list.join(","));
    let rules: Vec<String> = walk_with(validator(), FR_SLOT, None, &src)
        .into_iter()
        .filter(|f| f.1 >= Severity::Error)
        .map(|f| f.0)
        .collect();
    assert_eq!(rules, ["RO1-PROF-003"; 3]);
    // At the three places of the invalid item in the slice.
    let opts = Options::default();
    let mut em = Emitter::new(&opts);
    let w = Walk { structure: FR_SLOT, element: None, skip: &[], scope: Scope::ALL };
    validator().check(&src, Span::new(0, src.len() as u32), &w, &mut em);
    let starts: Vec<u32> = em
        .into_inner()
        .0
        .iter()
        .filter(|e| e.finding.severity >= Severity::Error)
        .filter_map(|e| match &e.finding.target {
            Target::Body { span, .. } => Some(span.start),
            _ => None,
        })
        .collect();
    let want: Vec<u32> = src.match_indices(bad.as_str()).map(|(i, _)| i as u32).collect();
    assert_eq!(starts, want);
}

/// A Bundle of three PractitionerRoles, each with a contained Location; the
/// first two refer to it with the same bytes, the third does not.
fn roles_sharing_a_local_reference() -> String {
    let role = |id: &str, refs: &str| {
        format!(
            r#"{{"resource":{{"resourceType":"PractitionerRole","contained":[{{"resourceType":"Location","id":"{id}"}}]{refs}}}}}"#
        )
    };
    let with_ref = role("loc-1", r##","location":[{"reference":"#loc-1"}]"##);
    format!(
        r#"{{"resourceType":"Bundle","type":"collection","entry":[{with_ref},{with_ref},{}]}}"#,
        role("loc-3", "")
    )
}

#[test]
fn an_object_that_gathers_a_fact_is_read_again_each_time() {
    // `{"reference":"#loc-1"}` is clean, but reading it records that the
    // resource refers to its contained Location (dom-3): stepping over the
    // second one would leave the second Location unreferenced.
    let src = roles_sharing_a_local_reference();
    let dom3: Vec<String> = walk_with(validator(), BUNDLE, None, &src)
        .into_iter()
        .filter(|f| f.0 == "RO1-FHIR-007")
        .map(|f| f.2)
        .collect();
    assert_eq!(dom3, [r#"{"resourceType":"Location","id":"loc-3"}"#], "the third role's only");
}

#[test]
fn an_object_skipped_for_depth_is_not_remembered_as_clean() {
    // An identifier holding a bad one 30 objects down (assigner, identifier,
    // assigner...), first under 70 nested extensions, so deep that the bad
    // one is beyond the walk's depth (skipped: no finding there), then
    // under one extension, where the bad one is reached and reported.
    let bad = r#"{"system":1}"#;
    let shallow = (0..15).fold(bad.to_string(), |acc, _| {
        format!(r#"{{"value":"v","assigner":{{"identifier":{acc}}}}}"#)
    });
    let holder = format!(r#"{{"url":"http://example.org/x","valueIdentifier":{shallow}}}"#);
    let deep = (0..70).fold(holder.clone(), |acc, _| {
        format!(r#"{{"url":"http://example.org/x","extension":[{acc}]}}"#)
    });
    let src = format!(r#"{{{SLOT_OK},"extension":[{deep},{holder}]}}"#);
    let kinds: Vec<String> = walk_with(validator(), SLOT, None, &src)
        .into_iter()
        .filter(|f| f.0 == "RO1-FHIR-001")
        .map(|f| f.2)
        .collect();
    assert_eq!(kinds, ["1"], "the system of the identifier under one extension");
}

#[test]
fn repeated_clean_objects_report_as_reading_each_does() {
    // Byte-identical objects (stepped over after the first) around ones
    // that differ by one byte (read): the findings are those of the
    // different ones, at their places.
    let act = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    let ok = format!(r#"{{"coding":[{{"system":"{act}","code":"AMB"}}]}}"#);
    let bad = format!(r#"{{"coding":[{{"system":"{act}","code":"AMb"}}]}}"#);
    let meta = r#""meta":{"profile":["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"]}"#;
    let slot = |st: &str| format!(r#"{{{SLOT_OK},{meta},"serviceType":[{st}]}}"#);
    let slots = [slot(&ok), slot(&ok), slot(&bad), slot(&ok), slot(&bad)];
    let src = format!(
        r#"{{"resourceType":"Bundle","type":"collection","entry":[{}]}}"#,
        slots.iter().map(|s| format!(r#"{{"resource":{s}}}"#)).collect::<Vec<_>>().join(",")
    );
    let opts = Options::default();
    let mut em = Emitter::new(&opts);
    let w = Walk { structure: BUNDLE, element: None, skip: &[], scope: Scope::ALL };
    validator().check(&src, Span::new(0, src.len() as u32), &w, &mut em);
    let found: Vec<(String, u32)> = em
        .into_inner()
        .0
        .iter()
        .filter(|e| e.finding.severity >= Severity::Error)
        .filter_map(|e| match &e.finding.target {
            Target::Body { span, .. } => Some((e.finding.rule.id.to_string(), span.start)),
            _ => None,
        })
        .collect();
    let want: Vec<(String, u32)> = src
        .match_indices(bad.as_str())
        .map(|(i, _)| ("RO1-PROF-003".to_string(), i as u32))
        .collect();
    assert_eq!(want.len(), 2);
    assert_eq!(found, want);
}

/// Leaves of `v` (string values) and objects, in document order, as JSON
/// pointers.
fn pointers(
    v: &serde_json::Value,
    at: String,
    strings: &mut Vec<String>,
    objects: &mut Vec<String>,
) {
    match v {
        serde_json::Value::String(_) => strings.push(at),
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), strings, objects);
            }
        }
        serde_json::Value::Object(map) => {
            objects.push(at.clone());
            for (k, x) in map {
                pointers(x, format!("{at}/{k}"), strings, objects);
            }
        }
        _ => {}
    }
}

/// `entry` with one defect chosen by `seed`: a string value changed by one
/// character, or a key renamed.
fn mutated(entry: &serde_json::Value, seed: u64) -> serde_json::Value {
    let mut e = entry.clone();
    let (mut strings, mut objects) = (Vec::new(), Vec::new());
    pointers(&e, String::new(), &mut strings, &mut objects);
    let pick = |n: usize| (seed.wrapping_mul(6_364_136_223_846_793_005) >> 33) as usize % n.max(1);
    if seed.is_multiple_of(3) && !objects.is_empty() {
        let obj = e.pointer_mut(&objects[pick(objects.len())]).unwrap().as_object_mut().unwrap();
        if let Some(k) = obj.keys().next().cloned() {
            let v = obj.remove(&k).unwrap();
            obj.insert(format!("{k}x"), v);
        }
    } else if let Some(p) = strings.get(pick(strings.len())) {
        let s = e.pointer_mut(p).unwrap();
        let t = s.as_str().unwrap();
        *s = serde_json::Value::String(if seed % 3 == 1 {
            format!("{t} ")
        } else {
            format!("x{t}")
        });
    }
    e
}

/// The official Bundles with every entry repeated six times, copies 2 and
/// 4 of each with one defect: (name, entries in the original, text).
fn mutated_bundles() -> Vec<(String, usize, String)> {
    let Some(bundles) = crate::conformance::spec::official_bundles() else { return Vec::new() };
    let mut out = Vec::new();
    for (name, text) in bundles {
        let mut bundle: serde_json::Value = serde_json::from_str(&text).unwrap();
        let entries = bundle["entry"].as_array().unwrap().clone();
        let mut seed = 1u64;
        let mut copies = Vec::new();
        for e in &entries {
            for copy in 0..6 {
                seed += 1;
                copies.push(if copy == 2 || copy == 4 { mutated(e, seed) } else { e.clone() });
            }
        }
        bundle["entry"] = serde_json::Value::Array(copies);
        out.push((name.to_string(), entries.len(), serde_json::to_string(&bundle).unwrap()));
    }
    out
}

type Found = Vec<(&'static str, (u32, u32, Option<String>), String)>;

/// The findings of `src` (a Bundle) walked whole, or entry by entry with
/// buffers shared across the entries (as the engine walks a document).
fn bundle_findings<'a>(v: &Validator, src: &'a str, mut bufs: Buffers<'a>, whole: bool) -> Found {
    let bufs = &mut bufs;
    let mut found: Vec<(Scope, crate::finding::Finding)> = Vec::new();
    let w = Walk { structure: BUNDLE, element: None, skip: &[], scope: Scope::ALL };
    if whole {
        v.check_with(src, Span::new(0, src.len() as u32), &w, &mut found, bufs);
    } else {
        let mut r = crate::json::Reader::new(src);
        let mut obj = r.object().unwrap();
        while let Some((k, _)) = r.next_key(&mut obj).unwrap() {
            if k.as_str() != "entry" {
                r.skip_value().unwrap();
                continue;
            }
            let mut arr = r.array().unwrap();
            while r.next_item(&mut arr).unwrap().is_some() {
                let span = r.skip_value().unwrap();
                let w = Walk { element: Some("Bundle.entry"), ..w };
                v.check_with(src, span, &w, &mut found, bufs);
            }
        }
    }
    found
        .into_iter()
        .map(|(_, f)| {
            let at = match &f.target {
                Target::Body { span, child } => {
                    (span.start, span.end, child.as_ref().map(|c| c.to_string()))
                }
                _ => (0, 0, None),
            };
            (f.rule.id, at, f.message.en.clone())
        })
        .collect()
}

#[test]
fn remembering_clean_objects_changes_no_finding() {
    // Walked whole and entry by entry, with and without the memo, the
    // findings are the same, at the same places.
    let v = validator();
    for (name, entries, src) in mutated_bundles() {
        for whole in [true, false] {
            let with = bundle_findings(v, &src, Buffers::default(), whole);
            let without = bundle_findings(v, &src, Buffers::without_memo(), whole);
            assert!(
                without.len() >= 2 * entries / 2,
                "{name}: the defects are found ({})",
                without.len()
            );
            assert_eq!(with, without, "{name}, whole: {whole}");
        }
    }
}

#[test]
fn the_walk_with_shortcuts_finds_what_the_exact_walk_finds() {
    // Every shortcut of the walk (memo, children gathered only where an
    // invariant reads them, ...) against none, on the mutated official
    // Bundles and on resources whose invariants fail.
    let v = validator();
    for (name, _, src) in mutated_bundles() {
        for whole in [true, false] {
            let fast = bundle_findings(v, &src, Buffers::default(), whole);
            let exact = bundle_findings(v, &src, Buffers::exact(), whole);
            assert_eq!(fast, exact, "{name}, whole: {whole}");
        }
    }
    let roles = roles_sharing_a_local_reference();
    let bad = [
        // dom-3 (contained, not referenced), ref-1 (local reference to nothing),
        // dom-2/4/5 on the contained resource, per-1 on a Period.
        r##"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Slot","contained":[{"resourceType":"Organization","id":"o","meta":{"versionId":"1","security":[{"code":"x"}]},"contained":[{"resourceType":"Organization","id":"p"}]}],"schedule":{"reference":"#nothing"},"status":"free","start":"2024-01-01T10:00:00+01:00","end":"2024-01-01T10:30:00+01:00"}},{"resource":{"resourceType":"Schedule","actor":[{"reference":"Practitioner/1"}],"planningHorizon":{"start":"2024-02-01","end":"2024-01-01"}}}]}"##,
        &roles,
    ];
    for src in bad {
        let fast = bundle_findings(v, src, Buffers::default(), true);
        let exact = bundle_findings(v, src, Buffers::exact(), true);
        assert!(!exact.is_empty(), "{src}");
        assert_eq!(fast, exact, "{src}");
    }
}

#[test]
fn escaped_strings_give_the_findings_of_the_exact_walk() {
    // Escaped slashes, escapes the checks care about (tab, vertical tab)
    // and spaces in uris, read by the shortcuts (plain strings read in
    // place, memo) and by the exact walk: the same findings, the lexical
    // defects found, and a fullUrl read on by bdl-8 quoted decoded.
    let slot = |id: &str, comment: &str, source: &str, rules: &str| {
        format!(
            r#"{{"fullUrl":"https:\/\/x.fr\/Slot\/{id}","resource":{{"resourceType":"Slot","id":"{id}","meta":{{"source":"{source}"}},"implicitRules":"{rules}","schedule":{{"reference":"Schedule\/s"}},"status":"free","start":"2024-01-01T10:00:00.000+01:00","end":"2024-01-01T10:30:00.000+01:00","comment":"{comment}"}}}}"#
        )
    };
    let entries = [
        slot("a", r#"https:\/\/x.fr\/rdv?c=1&amp;s=\"sas\""#, r"urn:x:\/a", r"http:\/\/r.fr"),
        slot("b", r"tab\there", r"http:\/\/a b", r"http:\/\/r.fr\/ "),
        slot("c", r"vt\u000bhere", r"", r"ok"),
        slot("d", r"plain comment", r"\\", r"a\/b"),
    ];
    let src = format!(
        r#"{{"resourceType":"Bundle","type":"collection","entry":[{}]}}"#,
        entries.join(",")
    );
    let v = validator();
    for whole in [true, false] {
        let fast = bundle_findings(v, &src, Buffers::default(), whole);
        let exact = bundle_findings(v, &src, Buffers::exact(), whole);
        assert_eq!(fast, exact, "whole: {whole}");
        let lexical = fast.iter().filter(|f| f.0 == "RO1-FHIR-003").count();
        assert!(lexical >= 3, "{fast:#?}");
    }
}

#[test]
fn an_entry_is_judged_against_its_own_bundle_each_time() {
    // The same entry, fine twice in a collection, then twice in a nested
    // transaction, where bdl-3 wants its `request`: both are reported.
    let entry = r#"{"resource":{"resourceType":"Organization","name":"A"}}"#;
    let src = format!(
        r#"{{"resourceType":"Bundle","type":"collection","entry":[{entry},{entry},{{"resource":{{"resourceType":"Bundle","type":"transaction","entry":[{entry},{entry}]}}}}]}}"#
    );
    let bdl3: Vec<String> = walk_with(validator(), BUNDLE, None, &src)
        .into_iter()
        .filter(|f| f.0 == "RO1-FHIR-006")
        .map(|f| f.2)
        .collect();
    assert_eq!(bdl3, [entry, entry], "the two entries of the transaction");
}
