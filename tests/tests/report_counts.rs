//! The report contract (SPEC §10), "nothing is dropped silently, errors
//! never": the cap on stored findings applies to information and warnings
//! only, errors are always kept, and the counts (kept + not kept) equal the
//! counts of a run without any cap.

use fr_fhir_core::finding::{Counts, Severity};
use fr_fhir_core::rules::{Options, validate};
use int_ro1::exchange::{ExchangeOptions, validate_body};

/// A searchset Bundle of `n` unexpected Patient entries (one RO1-BUNDLE-010
/// warning each, one RO1-REF-004 warning each for the unresolvable link
/// targets...) followed by two Practitioners with one error each.
fn warnings_then_two_errors(n: usize) -> String {
    let mut s = String::from(
        r#"{"resourceType":"Bundle","type":"searchset","total":0,"link":[{"relation":"self","url":"https://h.fr/fhir/Slot?status=free"}],"entry":["#,
    );
    for i in 0..n {
        s.push_str(&format!(
            r#"{{"fullUrl":"https://h.fr/fhir/Patient/p{i}","resource":{{"resourceType":"Patient","id":"p{i}"}},"search":{{"mode":"include"}}}},"#
        ));
    }
    s.push_str(r#"{"fullUrl":"https://h.fr/fhir/Practitioner/z1","resource":{"resourceType":"Practitioner","id":"z1","foo":1},"search":{"mode":"include"}},"#);
    s.push_str(r#"{"fullUrl":"https://h.fr/fhir/Practitioner/z2","resource":{"resourceType":"Practitioner","id":"z2","gender":""},"search":{"mode":"include"}}]}"#);
    s
}

fn count(findings: &[fr_fhir_core::finding::Finding]) -> Counts {
    let mut c = Counts::default();
    for f in findings {
        c.add(f.severity);
    }
    c
}

fn has_error(findings: &[fr_fhir_core::finding::Finding], rule: &str, expression: &str) -> bool {
    findings.iter().any(|f| {
        f.rule.id == rule
            && f.severity == Severity::Error
            && f.resolved.as_ref().is_some_and(|r| r.expression == expression)
    })
}

#[test]
fn errors_after_50000_warnings_are_kept_and_counts_are_exact() {
    let src = warnings_then_two_errors(50_000);
    let capped = validate(&src, &Options::default()).unwrap();
    assert!(capped.dropped.warning > 0, "the cap must have applied: {:?}", capped.dropped);
    assert_eq!(capped.dropped.error + capped.dropped.fatal, 0);
    assert!(has_error(&capped.findings, "RO1-FHIR-002", "Bundle.entry[50000].resource.foo"));
    assert!(has_error(&capped.findings, "RO1-JSON-001", "Bundle.entry[50001].resource.gender"));

    let uncapped =
        validate(&src, &Options { max_findings: usize::MAX, ..Options::default() }).unwrap();
    assert_eq!(uncapped.dropped, Counts::default());
    let mut total = count(&capped.findings);
    total.merge(&capped.dropped);
    assert_eq!(total, count(&uncapped.findings));
    assert!(total.warning >= 50_000);
}

#[test]
fn the_exchange_cap_keeps_errors_too() {
    // int-ro1 caps again after adding the request and response findings.
    let src = warnings_then_two_errors(300);
    let opts = ExchangeOptions {
        rules: Options { max_findings: 50, ..Options::default() },
        ..ExchangeOptions::default()
    };
    let capped = validate_body(&src, &opts);
    assert!(capped.dropped.warning > 0);
    assert!(has_error(&capped.findings, "RO1-FHIR-002", "Bundle.entry[300].resource.foo"));
    assert!(has_error(&capped.findings, "RO1-JSON-001", "Bundle.entry[301].resource.gender"));
    let uncapped = validate_body(
        &src,
        &ExchangeOptions {
            rules: Options { max_findings: usize::MAX, ..Options::default() },
            ..ExchangeOptions::default()
        },
    );
    let mut total = count(&capped.findings);
    total.merge(&capped.dropped);
    assert_eq!(total, count(&uncapped.findings));
    assert_eq!(uncapped.dropped, Counts::default());
}

#[test]
fn findings_of_another_use_case_do_not_count() {
    // A capped finding is counted only for the use cases it holds in: the
    // counts follow the retained use case, like the kept findings.
    let src = warnings_then_two_errors(200);
    for max in [0, 10, 100, usize::MAX] {
        let r = validate(&src, &Options { max_findings: max, ..Options::default() }).unwrap();
        let mut total = count(&r.findings);
        total.merge(&r.dropped);
        let full =
            validate(&src, &Options { max_findings: usize::MAX, ..Options::default() }).unwrap();
        assert_eq!(total, count(&full.findings), "max_findings = {max}");
    }
}

#[test]
fn ignored_rules_are_left_out_before_the_cap() {
    let src = warnings_then_two_errors(500);
    let full = validate(&src, &Options { max_findings: usize::MAX, ..Options::default() }).unwrap();
    let of = |rule: &str| full.findings.iter().filter(|f| f.rule.id == rule).count() as u64;
    let ignore = Some(std::sync::Arc::new(["RO1-BUNDLE-010"].into_iter().collect()));
    let r = validate(&src, &Options { max_findings: 100, ignore, ..Options::default() }).unwrap();
    assert_eq!(r.ignored, of("RO1-BUNDLE-010"));
    assert!(r.findings.iter().all(|f| f.rule.id != "RO1-BUNDLE-010"));
    let mut total = count(&r.findings);
    total.merge(&r.dropped);
    let mut expected = count(&full.findings);
    expected.warning -= of("RO1-BUNDLE-010");
    assert_eq!(total, expected);
}

#[test]
fn an_ignored_specific_finding_still_shadows_the_generic_one() {
    // `start` without a time zone: RO1-SLOT-003 replaces RO1-FHIR-003 there;
    // ignoring RO1-SLOT-003 must not bring RO1-FHIR-003 back.
    let src = include_str!("../../examples/invalid/ps-slot-dates.json");
    let ignore = Some(std::sync::Arc::new(["RO1-SLOT-003"].into_iter().collect()));
    let plain = validate(src, &Options::default()).unwrap();
    let r = validate(src, &Options { ignore, ..Options::default() }).unwrap();
    let generic = |r: &fr_fhir_core::rules::Report| {
        r.findings.iter().filter(|f| f.rule.id == "RO1-FHIR-003").count()
    };
    assert_eq!(generic(&r), generic(&plain));
    assert_eq!(r.ignored, 1);
    assert_eq!(r.findings.len() + 1, plain.findings.len());
}

#[test]
fn an_ignored_finding_of_another_use_case_shadows_nothing() {
    // A PS Bundle whose first Slot declares a malformed profile URI: the
    // CPTS/SOS-scoped RO1-META-001 on that element is filtered out in PS and
    // must not hide the RO1-FHIR-003 error there once ignored.
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/valid/ps-two-practitioners.json"))
            .unwrap();
    v.as_object_mut().unwrap().remove("meta");
    v["entry"][0]["resource"]["meta"]["profile"] =
        serde_json::json!(["bad uri", "http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"]);
    let src = serde_json::to_string_pretty(&v).unwrap();
    let fhir_003 = |r: &fr_fhir_core::rules::Report| {
        r.findings.iter().filter(|f| f.rule.id == "RO1-FHIR-003").count()
    };
    let plain = validate(&src, &Options::default()).unwrap();
    assert_eq!(fhir_003(&plain), 1, "{:?}", plain.findings);
    let ignore = Some(std::sync::Arc::new(["RO1-META-001"].into_iter().collect()));
    let r = validate(&src, &Options { ignore, ..Options::default() }).unwrap();
    assert_eq!(fhir_003(&r), 1);
    assert!(r.has(Severity::Error));
}
