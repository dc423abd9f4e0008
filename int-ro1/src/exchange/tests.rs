//! Exchange-level tests: each request-dependent and response rule with a
//! failing and a passing case, HAR positions, and a generated HAR of 1,000
//! exchanges.

use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;
use crate::har::{HarError, for_each_exchange, validate_har};

const PS: &str = include_str!("../../../examples/valid/ps-two-practitioners.json");
const SOS: &str = include_str!("../../../examples/valid/sos-two-places.json");
const EMPTY: &str = include_str!("../../../examples/valid/ps-empty.json");
const ERROR_400: &str = include_str!("../../../examples/valid/error-400.json");
const PS_IDENTIFIERS: &str = include_str!("../../../examples/invalid/ps-identifiers.json");
const PS_HAR: &str = include_str!("../../../examples/captures/ps-ok.har");
const PS_BASE64_HAR: &str = include_str!("../../../examples/captures/ps-base64.har");

/// The request of the PS example (its self link).
/// The request of the empty PS example.
const EMPTY_URL: &str = "https://agenda.exemple-editeur.fr/fhir/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&start=ge2026-11-26T09:14:01.905%2B01:00&start=le2026-11-28T23:59:59.999%2B01:00&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810007219644&status=free";
const PS_URL: &str = "https://agenda.exemple-editeur.fr/fhir/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&start=ge2026-11-26T09:12:47.318%2B01:00&start=le2026-11-28T23:59:59.999%2B01:00&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810103874524,urn:oid:1.2.250.1.71.4.2.1%7C810005987317&status=free";
const SOS_URL: &str = "https://agenda.exemple-editeur.fr/fhir/Schedule?_revinclude=Slot:schedule&_include=Schedule:actor:Location&_include:iterate=Location:organization&_has:Slot:schedule:start=ge2026-11-28T07:45:12.204%2B01:00&_has:Slot:schedule:start=le2026-11-29T23:59:59.999%2B01:00&_has:Slot:schedule:status=free&actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2%7C342587613300025";

fn patch(src: &str, pointer: &str, value: Value) -> String {
    let mut v: Value = serde_json::from_str(src).unwrap();
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = value;
    serde_json::to_string_pretty(&v).unwrap()
}

fn with_request(url: &str) -> ExchangeOptions {
    ExchangeOptions { request: Some(url.to_owned()), ..ExchangeOptions::default() }
}

/// (expression, severity) of the findings of `rule`.
fn of_rule(r: &ExchangeReport, rule: &str) -> Vec<(String, Severity)> {
    r.findings
        .iter()
        .filter(|f| f.rule.id == rule)
        .map(|f| (f.resolved.as_ref().unwrap().expression.clone(), f.severity))
        .collect()
}

fn location(r: &ExchangeReport, rule: &str) -> (u32, u32) {
    let f = r.findings.iter().find(|f| f.rule.id == rule).unwrap();
    let l = f.resolved.as_ref().unwrap();
    (l.line, l.column)
}

fn errors(r: &ExchangeReport) -> Vec<(&'static str, String)> {
    r.findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| (f.rule.id, f.resolved.as_ref().unwrap().expression.clone()))
        .collect()
}

/// 1-based line and column of byte `at` of `src`.
fn line_col(src: &str, at: usize) -> (u32, u32) {
    let before = &src[..at];
    let line = before.matches('\n').count() as u32 + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() as u32 + 1;
    (line, col)
}

fn e(error: &str) -> (String, Severity) {
    (error.to_owned(), Severity::Error)
}

// ---------------------------------------------------------------- WIN

#[test]
fn win_001_slot_before_the_lower_bound() {
    let body = patch(PS, "/entry/0/resource/start", json!("2026-11-26T09:12:47.317+01:00"));
    let r = validate_body(&body, &with_request(PS_URL));
    assert_eq!(of_rule(&r, "RO1-WIN-001"), [e("Bundle.entry[0].resource.start")]);
    let ok = patch(PS, "/entry/0/resource/start", json!("2026-11-26T09:12:47.318+01:00"));
    assert_eq!(of_rule(&validate_body(&ok, &with_request(PS_URL)), "RO1-WIN-001"), []);
}

#[test]
fn win_001_precision_of_the_bound() {
    // `ge2026-11-26` starts at Paris midnight: 23:00Z the day before.
    let url = PS_URL.replace("ge2026-11-26T09:12:47.318%2B01:00", "ge2026-11-26");
    let inside = patch(PS, "/entry/0/resource/start", json!("2026-11-25T23:00:00.000+00:00"));
    assert_eq!(of_rule(&validate_body(&inside, &with_request(&url)), "RO1-WIN-001"), []);
    let before = patch(PS, "/entry/0/resource/start", json!("2026-11-25T22:59:59.999+00:00"));
    assert_eq!(of_rule(&validate_body(&before, &with_request(&url)), "RO1-WIN-001").len(), 1);
}

#[test]
fn win_001_zero_offset_bounds_are_lenient_within_the_paris_offset() {
    // The kit writes Paris wall-clock time followed by +00:00 (AMB-05).
    let url =
        PS_URL.replace("ge2026-11-26T09:12:47.318%2B01:00", "ge2026-11-26T13:30:00.000%2B00:00");
    let r = validate_body(PS, &with_request(&url));
    // 14:00 and 14:20 Paris (13:00Z, 13:20Z) are within one hour of 13:30Z.
    let lenient = of_rule(&r, "RO1-WIN-001");
    assert_eq!(
        lenient,
        [
            ("Bundle.entry[0].resource.start".to_owned(), Severity::Warning),
            ("Bundle.entry[1].resource.start".to_owned(), Severity::Warning)
        ]
    );
    let url =
        PS_URL.replace("ge2026-11-26T09:12:47.318%2B01:00", "ge2026-11-26T16:00:00.000%2B00:00");
    let r = validate_body(PS, &with_request(&url));
    assert!(of_rule(&r, "RO1-WIN-001").contains(&e("Bundle.entry[0].resource.start")));
}

#[test]
fn win_002_slot_after_the_upper_bound() {
    let body = patch(PS, "/entry/4/resource/start", json!("2026-11-29T00:00:00.000+01:00"));
    let body = patch(&body, "/entry/4/resource/end", json!("2026-11-29T00:20:00.000+01:00"));
    let r = validate_body(&body, &with_request(PS_URL));
    assert_eq!(of_rule(&r, "RO1-WIN-002"), [e("Bundle.entry[4].resource.start")]);
    // `le…23:59:59.999` admits the last millisecond; the slot may end later.
    let edge = patch(PS, "/entry/4/resource/start", json!("2026-11-28T23:59:59.999+01:00"));
    let edge = patch(&edge, "/entry/4/resource/end", json!("2026-11-29T00:20:00.000+01:00"));
    assert_eq!(of_rule(&validate_body(&edge, &with_request(PS_URL)), "RO1-WIN-002"), []);
}

#[test]
fn win_002_date_only_comparison_of_the_kit_is_a_warning() {
    // Inside the window in UTC, but written on the next calendar day.
    let url =
        PS_URL.replace("le2026-11-28T23:59:59.999%2B01:00", "le2026-11-28T23:59:59.999%2B00:00");
    let body = patch(PS, "/entry/4/resource/start", json!("2026-11-29T00:30:00.000+01:00"));
    let body = patch(&body, "/entry/4/resource/end", json!("2026-11-29T00:50:00.000+01:00"));
    let r = validate_body(&body, &with_request(&url));
    assert_eq!(
        of_rule(&r, "RO1-WIN-002"),
        [("Bundle.entry[4].resource.start".to_owned(), Severity::Warning)]
    );
}

#[test]
fn win_003_bounds_without_offset_are_paris_time() {
    let url = PS_URL.replace("ge2026-11-26T09:12:47.318%2B01:00", "ge2026-11-26T09:12:47");
    let r = validate_body(PS, &with_request(&url));
    let win3 = of_rule(&r, "RO1-WIN-003");
    assert_eq!(win3, [("request.query.start".to_owned(), Severity::Information)]);
    assert_eq!(of_rule(&validate_body(PS, &with_request(PS_URL)), "RO1-WIN-003"), []);
}

// ---------------------------------------------------------------- SLOT-017

#[test]
fn slot_017_capture_time_from_the_har_or_the_option() {
    // RO1-SLOT-017 (`ro1_slot_017`) compares with `Options::now`; the exchange sets it
    // from `startedDateTime` unless `--now` was given.
    let mut entry = har_entry(PS_URL, 200, PS);
    entry["startedDateTime"] = json!("2026-11-27T10:00:00.000+01:00");
    let src = har(vec![entry, har_entry(PS_URL, 200, PS)]);
    let r = reports(&src);
    let past: Vec<_> = of_rule(&r[0], "RO1-SLOT-017").into_iter().map(|(x, _)| x).collect();
    assert_eq!(past, [0, 1, 2, 5].map(|i| format!("Bundle.entry[{i}].resource.start")));
    assert_eq!(of_rule(&r[1], "RO1-SLOT-017"), []);
    let later = reports_at(&src, "2026-11-20T00:00:00Z");
    assert_eq!(of_rule(&later[0], "RO1-SLOT-017"), []);
}

/// The reports of a HAR validated with `--now` set to `now`.
fn reports_at(src: &str, now: &str) -> Vec<ExchangeReport> {
    let mut opts = ExchangeOptions::default();
    opts.rules.now = Some(chrono::DateTime::parse_from_rfc3339(now).unwrap().to_utc());
    let mut out = Vec::new();
    validate_har(src, &opts, |r| out.push(r)).unwrap();
    out
}

#[test]
fn slot_017_unreadable_capture_time_is_said_not_skipped() {
    let mut entry = har_entry(PS_URL, 200, PS);
    entry["startedDateTime"] = json!("26/11/2026 09:12:47");
    let src = har(vec![entry]);
    let r = reports(&src);
    assert_eq!(
        of_rule(&r[0], "RO1-SLOT-017"),
        [("log.entries[0].startedDateTime".to_string(), Severity::Information)]
    );
    let f = r[0].findings.iter().find(|f| f.rule.id == "RO1-SLOT-017").unwrap();
    assert!(
        f.message.en.contains("\"26/11/2026 09:12:47\" is not an RFC 3339 date"),
        "{}",
        f.message.en
    );
    let (line, _) = location(&r[0], "RO1-SLOT-017");
    let text = src.lines().nth(line as usize - 1).unwrap();
    assert!(text.contains("\"startedDateTime\": \"26/11/2026"), "line {line}: {text}");
    // Given with --now, the capture time is not needed.
    assert_eq!(of_rule(&reports_at(&src, "2026-11-20T00:00:00Z")[0], "RO1-SLOT-017"), []);
}

// ---------------------------------------------------------------- PRACT-005, REF-005

#[test]
fn pract_005_corpus_case_with_the_self_link() {
    let r = validate_body(PS_IDENTIFIERS, &ExchangeOptions::default());
    assert_eq!(of_rule(&r, "RO1-PRACT-005"), [e("Bundle.entry[8].resource.identifier[1].value")]);
    assert_eq!(of_rule(&validate_body(PS, &ExchangeOptions::default()), "RO1-PRACT-005"), []);
}

#[test]
fn pract_005_and_ref_005_with_one_practitioner_requested() {
    let url = PS_URL.replace(",urn:oid:1.2.250.1.71.4.2.1%7C810005987317", "");
    let r = validate_body(PS, &with_request(&url));
    assert_eq!(of_rule(&r, "RO1-PRACT-005"), [e("Bundle.entry[12].resource.identifier[0].value")]);
    // The three slots of Schedule/agenda-5307-lyon7.
    assert_eq!(
        of_rule(&r, "RO1-REF-005"),
        [5, 6, 7].map(|i| e(&format!("Bundle.entry[{i}].resource.schedule.reference")))
    );
    let ok = validate_body(PS, &with_request(PS_URL));
    assert_eq!((of_rule(&ok, "RO1-PRACT-005"), of_rule(&ok, "RO1-REF-005")), (vec![], vec![]));
}

/// The PS example grown past the size where its entries are read in two
/// parts at once (`fr_fhir_core::engine::split`): its entries repeated with
/// new ids (the Practitioners too, so the second part has some), every 7th
/// Slot of the copies moved before the window.
fn large_ps() -> String {
    let mut v: Value = serde_json::from_str(PS).unwrap();
    let entries = v["entry"].as_array().unwrap().clone();
    let mut all = entries.clone();
    let mut k = 0;
    while serde_json::to_string(&all).unwrap().len() < 400 * 1024 {
        k += 1;
        for e in &entries {
            let mut e = e.clone();
            let id = format!("{}-{k}", e["resource"]["id"].as_str().unwrap());
            let rtype = e["resource"]["resourceType"].as_str().unwrap().to_owned();
            e["resource"]["id"] = json!(id);
            e["fullUrl"] = json!(format!("https://agenda.exemple-editeur.fr/fhir/{rtype}/{id}"));
            if rtype == "Slot" && all.len().is_multiple_of(7) {
                e["resource"]["start"] = json!("2026-11-26T08:00:00.000+01:00");
            }
            all.push(e);
        }
    }
    v["total"] = json!(all.iter().filter(|e| e["resource"]["resourceType"] == "Slot").count());
    v["entry"] = Value::Array(all);
    serde_json::to_string(&v).unwrap()
}

/// A large body read in two parts at once, the request hook forked for the
/// second (its slot starts, practitioners and organizations taken back at
/// the split point, their entry numbers moved on), reports what one thread
/// reports: with the request given (slots judged as they come) and taken
/// from the self link (judged at the end), one practitioner requested.
#[test]
fn a_large_body_in_two_parts_reports_as_on_one_thread() {
    let body = large_ps();
    let url = PS_URL.replace(",urn:oid:1.2.250.1.71.4.2.1%7C810005987317", "");
    let self_link = patch(&body, "/link/0/url", json!(url));
    for (body, opts) in [(&body, with_request(&url)), (&self_link, ExchangeOptions::default())] {
        let mut one = opts.clone();
        one.rules.second_thread = false;
        let (two, one) = (validate_body(body, &opts), validate_body(body, &one));
        for rule in ["RO1-WIN-001", "RO1-PRACT-005", "RO1-REF-005"] {
            assert!(!of_rule(&one, rule).is_empty(), "no {rule}: the test proves nothing");
        }
        assert_eq!(format!("{:?}", two.findings), format!("{:?}", one.findings));
        assert_eq!(
            format!("{:?} {:?}", two.dropped, two.subject),
            format!("{:?} {:?}", one.dropped, one.subject)
        );
    }
}

#[test]
fn ref_005_not_repeated_on_a_broken_link() {
    let url = PS_URL.replace(",urn:oid:1.2.250.1.71.4.2.1%7C810005987317", "");
    let body = patch(PS, "/entry/10/resource/actor/0/reference", json!("Practitioner/nobody"));
    let r = validate_body(&body, &with_request(&url));
    assert_eq!(of_rule(&r, "RO1-REF-005"), []);
}

/// (expression, cause in English) of the findings of `rule`.
fn causes(r: &ExchangeReport, rule: &str) -> Vec<(String, Option<String>)> {
    r.findings
        .iter()
        .filter(|f| f.rule.id == rule)
        .map(|f| {
            let x = f.resolved.as_ref().unwrap().expression.clone();
            (x, f.cause.as_ref().map(|c| c.message.en.clone()))
        })
        .collect()
}

#[test]
fn ref_005_names_the_practitioner_not_requested() {
    // Neither practitioner of the example is requested: 8 knock-ons, two causes.
    let url =
        PS_URL.replace("810103874524,urn:oid:1.2.250.1.71.4.2.1%7C810005987317", "810007219644");
    let r = validate_body(PS, &with_request(&url));
    let got = causes(&r, "RO1-REF-005");
    assert_eq!(got.len(), 8);
    let cause_of = |slot: usize| got[slot].1.clone().unwrap();
    // Slots 0-4 are on two schedules of one practitioner: one cause text.
    for slot in 1..5 {
        assert_eq!(cause_of(slot), cause_of(0));
    }
    for slot in 6..8 {
        assert_eq!(cause_of(slot), cause_of(5));
    }
    assert_ne!(cause_of(0), cause_of(5));
    assert_eq!(
        cause_of(0),
        "practitioner `Practitioner/prat-4821` (entry 11): identifier `810103874524` not requested"
    );
    assert!(
        cause_of(5).contains("`Practitioner/prat-5307`") && cause_of(5).contains("810005987317")
    );
    let first = r.findings.iter().find(|f| f.rule.id == "RO1-REF-005").unwrap();
    let cause = first.cause.as_ref().unwrap();
    assert!(cause.message.fr.starts_with(
        "praticien `Practitioner/prat-4821` (entrée 11) : identifiant `810103874524`"
    ));
    assert_eq!(cause.expression.as_deref(), Some("Bundle.entry[11].resource.identifier[0].value"));
    // The message itself is unchanged.
    assert!(
        first.message.en.starts_with("the slot belongs to schedule `Schedule/agenda-4821-lyon3`")
    );

    // One of the two requested: the slots of the requested one carry nothing.
    let url = PS_URL.replace(",urn:oid:1.2.250.1.71.4.2.1%7C810005987317", "");
    let r = validate_body(PS, &with_request(&url));
    let got = causes(&r, "RO1-REF-005");
    assert_eq!(got.len(), 3);
    assert!(got.iter().all(|(_, c)| c.as_deref().is_some_and(|c| c.contains("prat-5307"))));
    assert!(r.findings.iter().filter(|f| f.rule.id != "RO1-REF-005").all(|f| f.cause.is_none()));
}

#[test]
fn ref_005_cause_says_why_the_identifier_does_not_match() {
    let key = patch(PS, "/entry/12/resource/identifier/0/value", json!("810005987318"));
    let r = validate_body(&key, &with_request(PS_URL));
    let got = causes(&r, "RO1-REF-005");
    assert_eq!(got.len(), 3);
    assert_eq!(
        got[0].1.as_deref(),
        Some(
            "practitioner `Practitioner/prat-5307` (entry 12): identifier `810005987318` (wrong check digit: IDNPS RPPS: check digit (Luhn) is 8, expected 7) not requested"
        )
    );
    let form = patch(PS, "/entry/12/resource/identifier/0/value", json!("8100059873170"));
    let r = validate_body(&form, &with_request(PS_URL));
    let got = causes(&r, "RO1-REF-005");
    assert_eq!(got.len(), 3);
    let fr = &r.findings.iter().find(|f| f.rule.id == "RO1-REF-005").unwrap().cause;
    assert!(
        fr.as_ref()
            .unwrap()
            .message
            .fr
            .contains("`8100059873170` (mal formé : IDNPS RPPS : 13 caractères")
    );
    assert!(
        got[0].1.as_deref().unwrap().contains("(malformed: IDNPS RPPS: 13 characters, expected 12")
    );
}

/// The corpus expectations of the request-dependent rules hold when the
/// request is taken from each example's self link.
#[test]
fn corpus_expectations_of_the_request_rules() {
    let mine = [
        "RO1-WIN-001",
        "RO1-WIN-002",
        "RO1-PRACT-005",
        "RO1-REF-005",
        "RO1-SOS-005",
        "RO1-BUNDLE-005",
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/invalid");
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let Some(stem) = name.strip_suffix(".json").filter(|s| !s.ends_with(".expected")) else {
            continue;
        };
        let body = std::fs::read_to_string(&path).unwrap();
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{stem}.expected"))).unwrap(),
        )
        .unwrap();
        let mut want: Vec<(String, String)> = expected
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| mine.contains(&x["rule"].as_str().unwrap()))
            .map(|x| {
                (
                    x["rule"].as_str().unwrap().to_owned(),
                    x["expression"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let r = validate_body(&body, &ExchangeOptions::default());
        let mut got: Vec<(String, String)> = errors(&r)
            .into_iter()
            .filter(|(id, _)| mine.contains(id))
            .map(|(id, x)| (id.to_owned(), x))
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{stem}");
        cases += 1;
    }
    assert!(cases >= 12);
}

// ---------------------------------------------------------------- SOS-005

#[test]
fn sos_005_association_not_requested() {
    let url = SOS_URL.replace("342587613300025", "334173748400020");
    let r = validate_body(SOS, &with_request(&url));
    let mut expected = vec![e("Bundle.entry[8].resource.identifier[0].value")];
    expected
        .extend([2, 3, 4, 5].map(|i| e(&format!("Bundle.entry[{i}].resource.schedule.reference"))));
    let mut got = of_rule(&r, "RO1-SOS-005");
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    // The four slots name the association, with one cause text.
    let knock_ons: Vec<_> = causes(&r, "RO1-SOS-005")
        .into_iter()
        .filter(|(x, _)| x.ends_with("schedule.reference"))
        .map(|(_, c)| c.unwrap())
        .collect();
    assert_eq!(knock_ons.len(), 4);
    assert!(knock_ons.iter().all(|c| *c == knock_ons[0]));
    assert!(knock_ons[0].starts_with("association `Organization/"), "{}", knock_ons[0]);
    assert!(knock_ons[0].contains("(entry 8): identifier `342587613300025` not requested"));
    assert_eq!(of_rule(&validate_body(SOS, &with_request(SOS_URL)), "RO1-SOS-005"), []);
    // PS rules do not apply to SOS and the other way round.
    assert_eq!(of_rule(&r, "RO1-PRACT-005"), []);
    assert_eq!(of_rule(&validate_body(PS, &with_request(PS_URL)), "RO1-SOS-005"), []);
}

// ---------------------------------------------------------------- BUNDLE-005

#[test]
fn bundle_005_self_link_against_the_request() {
    let url = PS_URL.replace("&status=free", "&status=free&_format=json");
    let r = validate_body(PS, &with_request(&url));
    assert_eq!(
        of_rule(&r, "RO1-BUNDLE-005"),
        [("Bundle.link[0].url".to_owned(), Severity::Warning)]
    );
    assert!(r.findings.iter().any(|f| f.message.en.contains("`_format=json`")));
    // Same parameters in another order: a warning on the text only.
    let reordered =
        PS_URL.replace("&status=free", "").replace("?_include", "?status=free&_include");
    let r = validate_body(PS, &with_request(&reordered));
    let f = r.findings.iter().find(|f| f.rule.id == "RO1-BUNDLE-005").unwrap();
    assert!(f.message.en.contains("different text"), "{}", f.message.en);
    assert_eq!(of_rule(&validate_body(PS, &with_request(PS_URL)), "RO1-BUNDLE-005"), []);
}

#[test]
fn bundle_005_request_taken_from_the_self_link() {
    let r = validate_body(PS, &ExchangeOptions::default());
    assert_eq!(
        of_rule(&r, "RO1-BUNDLE-005"),
        [("Bundle.link[0].url".to_owned(), Severity::Information)]
    );
    assert_eq!(r.subject.use_case_source, UseCaseSource::Profile);
    // Without a self link either, the comparison rules are said to be skipped.
    let mut v: Value = serde_json::from_str(EMPTY).unwrap();
    v.as_object_mut().unwrap().remove("link");
    let r = validate_body(&v.to_string(), &ExchangeOptions::default());
    assert_eq!(of_rule(&r, "RO1-BUNDLE-005"), [("Bundle.link".to_owned(), Severity::Information)]);
}

#[test]
fn self_link_defects_are_information_on_the_link() {
    let body = patch(PS, "/link/0/url", json!("https://h/fhir/Slot?status=busy"));
    let r = validate_body(&body, &ExchangeOptions::default());
    let f = r.findings.iter().find(|f| f.rule.id == "RO1-REQ-008").unwrap();
    assert_eq!(f.severity, Severity::Information);
    let l = f.resolved.as_ref().unwrap();
    assert_eq!(l.expression, "request.query.status");
    // Points at `busy` inside the self link of the body file.
    let at = body.find("busy").unwrap();
    assert_eq!((l.line, l.column), line_col(&body, at));
}

// ---------------------------------------------------------------- REQ in an exchange

fn har_entry(url: &str, status: u16, body: &str) -> Value {
    json!({
        "startedDateTime": "2026-11-26T09:12:47.318+01:00",
        "time": 412.7,
        "request": {
            "method": "GET", "url": url, "httpVersion": "HTTP/1.1",
            "headers": [{"name": "Accept", "value": "application/fhir+json"}],
            "queryString": [], "headersSize": -1, "bodySize": 0
        },
        "response": {
            "status": status, "statusText": "", "httpVersion": "HTTP/1.1",
            "headers": [{"name": "Content-Type", "value": "application/fhir+json;charset=utf-8"}],
            "content": {"size": body.len(), "mimeType": "application/fhir+json;charset=utf-8", "text": body},
            "redirectURL": "", "headersSize": -1, "bodySize": body.len()
        },
        "cache": {}, "timings": {"send": 0, "wait": 400, "receive": 12.7}
    })
}

fn har(entries: Vec<Value>) -> String {
    serde_json::to_string_pretty(&json!({"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": entries}})).unwrap()
}

fn reports(src: &str) -> Vec<ExchangeReport> {
    let mut out = Vec::new();
    validate_har(src, &ExchangeOptions::default(), |r| out.push(r)).unwrap();
    out
}

#[test]
fn captures_of_the_examples() {
    let r = reports(PS_HAR);
    assert_eq!(r.len(), 2);
    assert_eq!(errors(&r[0]), []);
    assert_eq!(
        (r[0].subject.status, r[0].subject.use_case_source, r[0].subject.entries),
        (Some(200), UseCaseSource::Request, 16)
    );
    // The second request lacks `start=le` and the server refused it with 400:
    // the right answer, so the request defect is reported as information,
    // located inside the HAR's URL.
    assert_eq!(errors(&r[1]), []);
    let req = r[1].findings.iter().find(|f| f.rule.id == "RO1-REQ-003").unwrap();
    assert_eq!(req.severity, Severity::Information);
    assert!(req.message.en.starts_with("request rightly refused with 4xx"), "{}", req.message.en);
    let (line, col) = location(&r[1], "RO1-REQ-003");
    let url_line = PS_HAR.lines().nth(line as usize - 1).unwrap();
    assert!(url_line.trim_start().starts_with("\"url\""), "{url_line}");
    assert!(col as usize > url_line.find("https").unwrap());
    let b = reports(PS_BASE64_HAR);
    assert_eq!(b.len(), 1);
    assert_eq!(errors(&b[0]), []);
    assert_eq!(b[0].subject.entries, 16);
}

#[test]
fn req_001_015_method_and_accept_from_the_har() {
    let mut entry = har_entry(PS_URL, 200, PS);
    entry["request"]["method"] = json!("POST");
    entry["request"]["headers"] = json!([{"name": "Accept", "value": "text/html"}]);
    entry["request"]["postData"] = json!({"mimeType": "application/json", "text": "{}"});
    let src = har(vec![entry, har_entry(PS_URL, 200, PS)]);
    let r = reports(&src);
    let req1 = of_rule(&r[0], "RO1-REQ-001");
    assert_eq!(req1, [e("log.entries[0].request.method"), e("log.entries[0].request.postData")]);
    assert_eq!(
        of_rule(&r[0], "RO1-REQ-015"),
        [("log.entries[0].request.headers[0]".to_owned(), Severity::Warning)]
    );
    let at = src.find("\"POST\"").unwrap();
    let f = r[0].findings.iter().filter(|f| f.rule.id == "RO1-REQ-001");
    let lines: Vec<(u32, u32)> =
        f.map(|f| f.resolved.as_ref().map(|l| (l.line, l.column)).unwrap()).collect();
    assert_eq!(lines[0], line_col(&src, at));
    // The request body is located at its `postData` object.
    let post = src.find("\"postData\"").unwrap();
    let post = post + src[post..].find('{').unwrap();
    assert_eq!(lines[1], line_col(&src, post));
    assert_eq!((of_rule(&r[1], "RO1-REQ-001"), of_rule(&r[1], "RO1-REQ-015")), (vec![], vec![]));
}

#[test]
fn request_findings_point_into_the_har_url() {
    let url = PS_URL.replace("status=free", "status=busy");
    let src = har(vec![har_entry(&url, 200, PS)]);
    let r = reports(&src);
    let at = src.find("status=busy").unwrap() + "status=".len();
    assert_eq!(location(&r[0], "RO1-REQ-008"), line_col(&src, at));
    // An escaped URL (`\u0026` for `&`) still maps exactly.
    let escaped = src.replacen("&status=busy", "\\u0026status=busy", 1);
    let r = reports(&escaped);
    let at = escaped.find("status=busy").unwrap() + "status=".len();
    assert_eq!(location(&r[0], "RO1-REQ-008"), line_col(&escaped, at));
    // Given with --request instead, the position is unknown (0:0).
    let r = validate_body(PS, &with_request(&url));
    assert_eq!(location(&r, "RO1-REQ-008"), (0, 0));
}

#[test]
fn request_identifier_findings_point_at_the_value_in_the_har() {
    // Second token of the list, wrong check digit: line:column on its value.
    let url = PS_URL.replace("810005987317", "810005987318");
    let src = har(vec![har_entry(&url, 200, PS)]);
    let r = reports(&src);
    let at = src.find("810005987318").unwrap();
    assert_eq!(location(&r[0], "RO1-ID-003"), line_col(&src, at));
    let f = r[0].findings.iter().find(|f| f.rule.id == "RO1-ID-003").unwrap();
    assert!(f.message.en.starts_with("identifier `810005987318`: IDNPS RPPS: check digit"));
}

// ---------------------------------------------------------------- HTTP, OO

#[test]
fn http_findings_on_captured_exchanges() {
    let mut slow = har_entry(PS_URL, 200, PS);
    slow["time"] = json!(7500.0);
    let mut html = har_entry(PS_URL, 500, "<html><body>Internal Server Error</body></html>");
    html["response"]["headers"] =
        json!([{"name": "Content-Type", "value": "text/html; charset=utf-8"}]);
    let src = har(vec![
        slow,
        html,
        har_entry(PS_URL, 500, PS),
        har_entry(PS_URL, 200, ""),
        har_entry(PS_URL, 302, ERROR_400),
        har_entry(PS_URL, 400, ERROR_400),
    ]);
    let r = reports(&src);
    assert_eq!(of_rule(&r[0], "RO1-HTTP-005"), [e("log.entries[0].time")]);
    let at = src.find("7500").unwrap();
    assert_eq!(location(&r[0], "RO1-HTTP-005"), line_col(&src, at));

    let fatal = |i: usize| [(format!("log.entries[{i}].response.content.text"), Severity::Fatal)];
    assert_eq!(of_rule(&r[1], "RO1-BODY-001"), fatal(1));
    assert_eq!(of_rule(&r[1], "RO1-HTTP-003"), [e("log.entries[1].response.headers[0]")]);
    // Located at the header item (`{"name": "Content-Type", ...}`) in the HAR.
    let value = src.find("\"text/html; charset=utf-8\"").unwrap();
    let at = src[..value].rfind('{').unwrap();
    assert_eq!(location(&r[1], "RO1-HTTP-003"), line_col(&src, at));
    assert!(r[1].unusable().unwrap().contains("HTML"));
    assert_eq!(r[1].subject.resource_type, "");

    assert_eq!(of_rule(&r[2], "RO1-OO-001"), [e("log.entries[2].response.content.text")]);
    assert_eq!(of_rule(&r[3], "RO1-BODY-001"), fatal(3));
    assert!(r[3].unusable().unwrap().contains("empty"));
    assert_eq!(of_rule(&r[4], "RO1-HTTP-002"), [e("log.entries[4].response.status")]);
    for (i, report) in r.iter().enumerate().skip(5) {
        assert_eq!(errors(report), [], "exchange {i}");
    }
    assert_eq!(errors(&r[0]).iter().filter(|(id, _)| id.starts_with("RO1-HTTP")).count(), 1);
}

#[test]
fn syntax_error_inside_a_har_body_is_located_in_the_har() {
    let body = PS.replacen("\"status\": \"free\"", "\"status\": free", 1);
    let src = har(vec![har_entry(PS_URL, 200, &body)]);
    let r = reports(&src);
    let f = r[0].findings.iter().find(|f| f.severity == Severity::Fatal).unwrap();
    assert_eq!(f.rule.id, "RO1-BODY-001");
    let l = f.resolved.as_ref().unwrap();
    assert_eq!(l.expression, "Bundle.entry[0].resource.status");
    let at = src.find("\\\"status\\\": free").unwrap() + "\\\"status\\\": ".len();
    assert_eq!((l.line, l.column), line_col(&src, at));
}

#[test]
fn body_findings_point_into_the_har_text() {
    // Two defects late in the body, after many escapes (`\"`, `\n`, `\u00e9`).
    let body = patch(PS, "/entry/7/resource/start", json!("2026-12-01T08:30:00.000+01:00"));
    let body = patch(&body, "/entry/7/resource/end", json!("2026-12-01T08:50:00.000+01:00"));
    let src = har(vec![har_entry(PS_URL, 200, &body)]);
    let r = reports(&src);
    assert_eq!(of_rule(&r[0], "RO1-WIN-002"), [e("Bundle.entry[7].resource.start")]);
    let at = src.find("\\\"2026-12-01T08:30:00.000+01:00\\\"").unwrap();
    assert_eq!(location(&r[0], "RO1-WIN-002"), line_col(&src, at));
}

#[test]
fn base64_bodies_point_at_the_text_start() {
    let body = patch(PS, "/entry/7/resource/start", json!("2026-12-01T08:30:00.000+01:00"));
    let mut entry = har_entry(PS_URL, 200, "");
    entry["response"]["content"]["text"] = json!(encode_base64(body.as_bytes()));
    entry["response"]["content"]["encoding"] = json!("base64");
    let src = har(vec![entry]);
    let r = reports(&src);
    assert_eq!(of_rule(&r[0], "RO1-WIN-002"), [e("Bundle.entry[7].resource.start")]);
    let at = src.find("\"text\": \"").unwrap() + "\"text\": ".len();
    assert_eq!(location(&r[0], "RO1-WIN-002"), line_col(&src, at));
}

fn encode_base64(bytes: &[u8]) -> String {
    let table = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(table[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn compressed_and_undecodable_bodies_are_findings() {
    let mut gz = har_entry(PS_URL, 200, "");
    gz["response"]["content"]["text"] = json!("\u{1f}\u{8b}\u{8}\u{0}binary");
    gz["response"]["headers"] = json!([
        {"name": "Content-Type", "value": "application/fhir+json;charset=utf-8"},
        {"name": "Content-Encoding", "value": "gzip"}
    ]);
    let mut declared = har_entry(PS_URL, 200, "");
    declared["response"]["content"]["encoding"] = json!("gzip");
    let mut b64gz = har_entry(PS_URL, 200, "");
    b64gz["response"]["content"]["text"] = json!(encode_base64(&[0x1f, 0x8b, 8, 0, 1, 2]));
    b64gz["response"]["content"]["encoding"] = json!("base64");
    let mut latin1 = har_entry(PS_URL, 200, "");
    latin1["response"]["content"]["text"] = json!(encode_base64(b"{\"a\":\"\xe9\"}"));
    latin1["response"]["content"]["encoding"] = json!("base64");
    let mut absent = har_entry(PS_URL, 200, "");
    absent["response"]["content"].as_object_mut().unwrap().remove("text");
    // Browsers store the decoded text even with Content-Encoding: gzip.
    let mut decoded = har_entry(PS_URL, 200, PS);
    decoded["response"]["headers"] = gz["response"]["headers"].clone();
    let src = har(vec![gz, declared, b64gz, latin1, absent, decoded]);
    let r = reports(&src);
    for (i, needle) in
        [(0, "compressed"), (1, "`gzip`"), (2, "compressed"), (3, "not UTF-8"), (4, "absent")]
    {
        let why = r[i].unusable().unwrap_or_else(|| panic!("exchange {i}"));
        assert!(why.contains(needle), "exchange {i}: {why}");
        let f = r[i].findings.iter().find(|f| f.severity == Severity::Fatal).unwrap();
        let expected = format!("log.entries[{i}].response.content.text");
        assert_eq!(f.resolved.as_ref().unwrap().expression, expected);
        assert_eq!(f.rule.id, "RO1-BODY-001");
        assert_ne!(f.resolved.as_ref().unwrap().line, 0);
    }
    assert_eq!(r[5].unusable(), None);
    assert_eq!(errors(&r[5]), []);
}

// ---------------------------------------------------------------- broken HAR files

#[test]
fn broken_har_files_are_errors_with_offsets() {
    let cases: [(&str, usize); 5] = [
        ("", 0),
        ("[1]", 0),
        ("{\"version\": 1}", 0),
        ("{\"log\": {\"entries\": 3}}", 20),
        ("{\"log\": {\"entries\": [{\"request\": }]}}", 33),
    ];
    for (src, offset) in cases {
        let err: HarError = for_each_exchange(src, |_, _| {}).unwrap_err();
        assert_eq!(err.offset, offset, "{src}: {err}");
    }
    // Entries before the break were handed over.
    let good = serde_json::to_string(&har_entry(EMPTY_URL, 200, EMPTY)).unwrap();
    let src = format!("{{\"log\": {{\"entries\": [{good}, {{\"request\": ]}}}}");
    let mut seen = 0;
    let err = validate_har(&src, &ExchangeOptions::default(), |_| seen += 1).unwrap_err();
    assert_eq!((seen, err.offset), (1, src.rfind(']').unwrap()));
}

#[test]
fn entries_of_the_wrong_shape_are_reported_and_skipped() {
    let mut no_response = har_entry(EMPTY_URL, 200, EMPTY);
    no_response.as_object_mut().unwrap().remove("response");
    let mut bad_status = har_entry(EMPTY_URL, 200, EMPTY);
    bad_status["response"]["status"] = json!("200");
    let src = har(vec![json!(42), no_response, bad_status, har_entry(EMPTY_URL, 200, EMPTY)]);
    let r = reports(&src);
    assert_eq!(r.len(), 4);
    for (i, report) in r.iter().enumerate().take(3) {
        let f = &report.findings[0];
        assert_eq!((f.rule.id, f.severity), ("RO1-HAR-001", Severity::Fatal), "entry {i}");
        assert_eq!(f.resolved.as_ref().unwrap().expression, format!("log.entries[{i}]"));
    }
    assert!(r[2].findings[0].message.en.contains("`response.status` is a string"));
    assert_eq!(errors(&r[3]), []);
}

#[test]
fn url_only_in_query_string() {
    let mut entry = har_entry("https://h/fhir/Slot", 200, EMPTY);
    entry["request"]["queryString"] = json!([
        {"name": "status", "value": "free"},
        {"name": "start", "value": "ge2026-11-26T09:12:47.318+01:00"}
    ]);
    let src = har(vec![entry]);
    let mut url = None;
    for_each_exchange(&src, |_, ex| url = ex.unwrap().url.map(|u| u.into_owned())).unwrap();
    assert_eq!(
        url.unwrap(),
        "https://h/fhir/Slot?status=free&start=ge2026-11-26T09:12:47.318%2B01:00"
    );
}

#[test]
fn request_findings_name_their_query_string_item() {
    // The URL carries the query and `queryString` lists it: the finding names
    // the item (the n-th parameter of that name), its line:column stays on
    // the value inside the URL.
    let url = PS_URL.replace("status=free", "status=busy");
    let mut entry = har_entry(&url, 200, PS);
    let (_, query) = url.split_once('?').unwrap();
    let items: Vec<Value> = query
        .split('&')
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            json!({"name": n, "value": v})
        })
        .collect();
    let k = items.iter().position(|i| i["name"] == "status").unwrap();
    entry["request"]["queryString"] = Value::Array(items);
    let src = har(vec![har_entry(PS_URL, 200, PS), entry]);
    let r = reports(&src);
    let expected = format!("log.entries[1].request.queryString[{k}]");
    assert_eq!(of_rule(&r[1], "RO1-REQ-008"), [e(&expected)]);
    let at = src.find("status=busy").unwrap() + "status=".len();
    assert_eq!(location(&r[1], "RO1-REQ-008"), line_col(&src, at));
    // Without `queryString`, the URL is named.
    let src = har(vec![har_entry(&url, 200, PS)]);
    assert_eq!(of_rule(&reports(&src)[0], "RO1-REQ-008"), [e("log.entries[0].request.url")]);
}

#[test]
fn a_query_only_in_query_string_is_located_at_its_item() {
    let mut entry = har_entry("https://h/fhir/Slot", 200, EMPTY);
    entry["request"]["queryString"] = json!([
        {"name": "status", "value": "busy"},
        {"name": "start", "value": "ge2026-11-26T09:12:47.318+01:00"}
    ]);
    let src = har(vec![entry]);
    let r = reports(&src);
    assert_eq!(of_rule(&r[0], "RO1-REQ-008"), [e("log.entries[0].request.queryString[0]")]);
    let value = src.find("\"busy\"").unwrap();
    let at = src[..value].rfind('{').unwrap();
    assert_eq!(location(&r[0], "RO1-REQ-008"), line_col(&src, at));
}

#[test]
fn exchanges_of_other_flows_go_to_their_packs_not_to_the_search_rules() {
    let mut account = har_entry("https://h/fhir/Practitioner", 201, "");
    account["request"]["method"] = json!("POST");
    account["request"]["postData"] =
        json!({"mimeType": "application/fhir+json", "text": "{\"resourceType\":\"Practitioner\"}"});
    let mut booking = har_entry("https://h/fhir/Appointment?identifier=urn:x|42", 200, "");
    booking["request"]["method"] = json!("PUT");
    // A search sent with the wrong method stays a (wrong) search.
    let mut post_search = har_entry(PS_URL, 200, PS);
    post_search["request"]["method"] = json!("POST");
    let src = har(vec![har_entry(PS_URL, 200, PS), account, booking, post_search]);
    let r = reports(&src);
    assert_eq!(errors(&r[0]), []);
    assert_eq!(r[1].subject.use_case, UseCase::REGUL);
    assert_eq!(r[2].subject.use_case, UseCase::APPT);
    assert_eq!(r[1].subject.use_case_source, UseCaseSource::Request);
    // INT_R02: the SAS's incomplete account is information; the vendor that
    // accepted it (201, no Location) is in error.
    let account_rules: Vec<_> = r[1].findings.iter().map(|f| (f.rule.id, f.severity)).collect();
    assert!(account_rules.contains(&("RO1-REGUL-003", Severity::Information)), "{account_rules:?}");
    assert!(account_rules.contains(&("RO1-REGUL-004", Severity::Error)), "{account_rules:?}");
    assert!(
        r[1].findings
            .iter()
            .all(|f| f.rule.id.starts_with("RO1-REGUL") || f.severity <= Severity::Information),
        "{account_rules:?}"
    );
    assert_eq!(of_rule(&r[1], "RO1-REGUL-004")[0].0, "log.entries[1].response.status");
    // INT_R03: no appointment in the request is the vendor's fatal defect.
    let f = r[2].findings.iter().find(|f| f.rule.id == "RO1-BODY-001").unwrap();
    assert_eq!(f.severity, Severity::Fatal);
    assert_eq!(f.resolved.as_ref().unwrap().expression, "log.entries[2].request.postData.text");
    assert!(
        r.iter().all(
            |x| x.findings.iter().all(|f| f.rule.id != "RO1-REQ-001") || std::ptr::eq(x, &r[3])
        )
    );
    assert_eq!(of_rule(&r[3], "RO1-REQ-001")[0].0, "log.entries[3].request.method");
    // A search query on the wrong path and method is a wrong search, not
    // another flow: its body is judged (a 502 HTML page is fatal).
    let query = PS_URL.split_once('?').unwrap().1;
    let mut misrouted =
        har_entry(&format!("https://h/fhir/Practitioner?{query}"), 502, "<html>Bad gateway</html>");
    misrouted["request"]["method"] = json!("POST");
    let r = reports(&har(vec![misrouted]));
    assert!(of_rule(&r[0], "RO1-REGUL-004").is_empty());
    assert!(!of_rule(&r[0], "RO1-REQ-001").is_empty());
    assert!(r[0].unusable().is_some());
}

// ---------------------------------------------------------------- 1,000 exchanges

#[test]
fn a_thousand_exchanges_are_each_reported() {
    const N: usize = 1000;
    let entries: Vec<Value> = (0..N)
        .map(|i| {
            let mut e = har_entry(EMPTY_URL, 200, EMPTY);
            // Every 7th answer is slow: one RO1-HTTP-005 error at its own line.
            e["time"] = json!(if i % 7 == 0 { 7000.5 + i as f64 } else { 100.0 });
            e
        })
        .collect();
    let src = har(entries);
    let mut seen = Vec::new();
    let mut last_line = 0;
    let n = validate_har(&src, &ExchangeOptions::default(), |r| {
        let slow: Vec<_> = r.findings.iter().filter(|f| f.rule.id == "RO1-HTTP-005").collect();
        assert_eq!(
            slow.len(),
            usize::from(r.subject.index % 7 == 0),
            "exchange {}",
            r.subject.index
        );
        if let Some(f) = slow.first() {
            let line = f.resolved.as_ref().unwrap().line;
            assert!(line > last_line);
            last_line = line;
        }
        assert_eq!(errors(&r).len(), slow.len());
        seen.push(r.subject.index);
    })
    .unwrap();
    assert_eq!(n, N);
    assert_eq!(seen, (0..N).collect::<Vec<_>>());
}

// ---------------------------------------------------------------- property

/// A valid IDNPS: `8` + an RPPS whose Luhn key is right.
fn rpps() -> impl Strategy<Value = String> {
    "[0-9]{10}"
        .prop_map(|d| format!("8{}", fr_fhir_core::ids::Rpps::from_body(&d).unwrap().as_str()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A request built from typed values, and a response whose slots lie in
    /// its window and belong to its practitioners, agree on every
    /// request-dependent rule; moving one slot out of the window is caught.
    #[test]
    fn responses_inside_a_built_request_pass(
        from_secs in 1_700_000_000i64..1_900_000_000,
        hours in 1i64..72,
        ids in (rpps(), rpps()),
        offsets in proptest::collection::vec(0.0f64..=1.0, 8),
    ) {
        use chrono::{FixedOffset, TimeZone, TimeDelta};
        let tz = FixedOffset::east_opt(3600).unwrap();
        let from = tz.timestamp_opt(from_secs, 0).unwrap();
        let to = from + TimeDelta::hours(hours);
        let (a, b) = ids;
        let typed: Vec<fr_fhir_core::ids::Idnps> = [a.parse().unwrap(), b.parse().unwrap()].to_vec();
        let url = SearchRequest::ps(from, to, &typed).to_url(Some("https://h/fhir"));
        let mut v: Value = serde_json::from_str(PS).unwrap();
        v["link"][0]["url"] = json!(url);
        v["entry"][11]["resource"]["identifier"][0]["value"] = json!(a);
        v["entry"][12]["resource"]["identifier"][0]["value"] = json!(b);
        let span_ms = (to - from).num_milliseconds() as f64;
        for (i, f) in offsets.iter().enumerate() {
            let start = from + TimeDelta::milliseconds((span_ms * f) as i64);
            let end = start + TimeDelta::minutes(20);
            v["entry"][i]["resource"]["start"] = json!(start.format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string());
            v["entry"][i]["resource"]["end"] = json!(end.format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string());
        }
        let body = v.to_string();
        let r = validate_body(&body, &with_request(&url));
        for rule in ["RO1-WIN-001", "RO1-WIN-002", "RO1-PRACT-005", "RO1-REF-005", "RO1-BUNDLE-005"] {
            prop_assert_eq!(of_rule(&r, rule), vec![], "{} on {}", rule, url);
        }
        prop_assert!(r.findings.iter().all(|f| !f.rule.id.starts_with("RO1-REQ")), "{:?}", r.findings);
        let early = from - TimeDelta::milliseconds(1);
        v["entry"][3]["resource"]["start"] = json!(early.format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string());
        let r = validate_body(&v.to_string(), &with_request(&url));
        prop_assert_eq!(of_rule(&r, "RO1-WIN-001"), vec![e("Bundle.entry[3].resource.start")]);
    }

    /// Arbitrary text as a HAR file or a body never panics and every
    /// finding is resolved.
    #[test]
    fn no_panic_on_any_input(src in ".{0,400}") {
        let _ = validate_har(&src, &ExchangeOptions::default(), |r| {
            assert!(r.findings.iter().all(|f| f.resolved.is_some()));
        });
        let r = validate_body(&src, &ExchangeOptions::default());
        prop_assert!(r.findings.iter().all(|f| f.resolved.is_some()));
    }
}

#[test]
fn five_thousand_exchanges_are_read_one_by_one_and_located() {
    // Each request lacks its window: RO1-REQ-003 is located in its own URL,
    // thousands of lines down the file.
    let body = r#"{"resourceType":"Bundle","type":"searchset","total":0}"#;
    let n = 5_000;
    let entries =
        (0..n).map(|i| har_entry(&format!("https://h/fhir/Slot?status=free&n={i}"), 200, body));
    let src = har(entries.collect());
    let r = reports(&src);
    assert_eq!(r.len(), n);
    let lines: Vec<&str> = src.lines().collect();
    for i in [0, 1, n / 2, n - 1] {
        let (line, _) = location(&r[i], "RO1-REQ-003");
        let text = lines[line as usize - 1];
        assert!(text.contains(&format!("&n={i}\"")), "exchange {i}: line {line} is {text}");
    }
}

#[test]
fn exchanges_of_no_sas_flow_get_one_information_not_search_errors() {
    let metadata =
        har_entry("https://h/fhir/metadata", 200, "{\"resourceType\":\"CapabilityStatement\"}");
    let mut preflight = har_entry(PS_URL, 204, "");
    preflight["request"]["method"] = json!("OPTIONS");
    let read = har_entry(
        "https://h/fhir/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|810002673899",
        200,
        "",
    );
    let src = har(vec![metadata, har_entry(PS_URL, 200, PS), preflight, read]);
    let r = reports(&src);
    assert_eq!(errors(&r[1]), []);
    for i in [0, 2, 3] {
        let only: Vec<_> = r[i].findings.iter().map(|f| (f.rule.id, f.severity)).collect();
        assert_eq!(only, [("RO1-FLOW-002", Severity::Information)], "exchange {i}");
        let f = &r[i].findings[0];
        assert!(f.message.en.contains("no SAS flow"), "{}", f.message.en);
        assert_eq!(
            f.resolved.as_ref().unwrap().expression,
            format!("log.entries[{i}].request.url")
        );
    }
    // Ignored, it is tallied, not reported.
    let mut opts = ExchangeOptions::default();
    opts.rules.ignore = Some(std::sync::Arc::new(["RO1-FLOW-002"].into()));
    let mut r = Vec::new();
    validate_har(&src, &opts, |x| r.push(x)).unwrap();
    assert!(r[0].findings.is_empty() && r[0].ignored == 1);
}
