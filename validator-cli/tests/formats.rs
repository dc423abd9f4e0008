//! Snapshots of every output format on the examples: the exact text users
//! and tools receive is reviewed in `tests/snapshots/`.

mod common;

use common::{Out, root, run, run_en};

/// A body with defects, one with identifier defects, a capture with a
/// failing exchange, a clean body.
const INPUTS: &[&str] = &[
    "examples/invalid/ps-slot-dates.json",
    "examples/invalid/ps-identifiers.json",
    "examples/captures/ps-ok.har",
    "examples/valid/ps-empty.json",
];

fn with(format: &str, extra: &[&str]) -> Vec<String> {
    let mut a: Vec<String> = vec!["--format".into(), format.into()];
    a.extend(extra.iter().map(|s| s.to_string()));
    a.extend(INPUTS.iter().map(|s| s.to_string()));
    a
}

fn fr(format: &str, extra: &[&str]) -> Out {
    let a = with(format, extra);
    run(&a.iter().map(String::as_str).collect::<Vec<_>>())
}

fn en(format: &str, extra: &[&str]) -> Out {
    let a = with(format, extra);
    run_en(&a.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn text_fr() {
    let o = fr("text", &[]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.is_empty(), "{}", o.stderr);
    insta::assert_snapshot!("text_fr", o.stdout);
}

#[test]
fn text_en_with_information() {
    let o = en("text", &["--min-severity", "information"]);
    assert_eq!(o.code, 1);
    insta::assert_snapshot!("text_en", o.stdout);
}

#[test]
fn text_colored() {
    let o = en("text", &["--color", "always"]);
    assert!(o.stdout.contains("\x1b[1;31merror\x1b[0m"));
    insta::assert_snapshot!("text_color", o.stdout.replace('\x1b', "\\e"));
}

#[test]
fn json() {
    let o = fr("json", &[]);
    assert_eq!(o.code, 1);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["inputs"].as_array().unwrap().len(), INPUTS.len());
    insta::assert_snapshot!("json", o.stdout);
}

#[test]
fn json_lines() {
    let o = en("json-lines", &[]);
    assert_eq!(o.code, 1);
    let types: Vec<String> = o
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(types.first().map(String::as_str), Some("begin"));
    assert_eq!(types.last().map(String::as_str), Some("summary"));
    assert_eq!(types.iter().filter(|t| *t == "begin").count(), INPUTS.len());
    assert_eq!(types.iter().filter(|t| *t == "end").count(), INPUTS.len());
    insta::assert_snapshot!("json_lines", o.stdout);
}

#[test]
fn operation_outcome_bundle() {
    let o = en("operation-outcome", &[]);
    assert_eq!(o.code, 1);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["resourceType"], "Bundle");
    assert_eq!(v["type"], "collection");
    for e in v["entry"].as_array().unwrap() {
        assert_eq!(e["resource"]["resourceType"], "OperationOutcome");
        assert!(!e["resource"]["issue"].as_array().unwrap().is_empty());
    }
    insta::assert_snapshot!("operation_outcome", o.stdout);
}

/// The measured `time="…"` attributes replaced by `time="[t]"`.
fn without_times(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find(" time=\"") {
        out.push_str(&rest[..i]);
        out.push_str(" time=\"[t]\"");
        let after = &rest[i + 7..];
        rest = after.find('"').map_or("", |j| &after[j + 1..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn junit() {
    let o = fr("junit", &[]);
    assert_eq!(o.code, 1);
    insta::assert_snapshot!("junit", without_times(&o.stdout));
}

#[test]
fn sarif() {
    let o = en("sarif", &[]);
    assert_eq!(o.code, 1);
    let mut v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    // The 100+ catalogue rules are checked in tests/contracts.rs; the
    // snapshot keeps the first one as a sample of their layout.
    let rules = &mut v["runs"][0]["tool"]["driver"]["rules"];
    let first = rules[0].clone();
    *rules = serde_json::Value::Array(vec![first]);
    // The inputs are under the working directory: relative to %SRCROOT%,
    // which is that directory (machine-dependent, checked then masked).
    let base = &mut v["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    let want = format!("file://{}/", root().canonicalize().unwrap().display());
    assert_eq!(base.as_str(), Some(want.as_str()));
    *base = serde_json::Value::from("file:///WORKSPACE/");
    for r in v["runs"][0]["results"].as_array().unwrap() {
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
            "%SRCROOT%"
        );
        assert_eq!(r["partialFingerprints"]["sasValidate/v1"].as_str().unwrap().len(), 16);
    }
    assert!(
        v["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"]
            .as_str()
            .unwrap()
            .ends_with("/int_ro1/rules_doc/index.html#ro1-req-001")
    );
    insta::assert_snapshot!("sarif", serde_json::to_string_pretty(&v).unwrap());
}

#[test]
fn github() {
    let o = fr("github", &[]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.lines().all(|l| l.starts_with("::")), "{}", o.stdout);
    insta::assert_snapshot!("github", o.stdout);
}

#[test]
fn redacted_text_and_json() {
    let t = en("text", &["--redact"]);
    insta::assert_snapshot!("text_redacted", t.stdout);
    let j = en("json", &["--redact"]);
    insta::assert_snapshot!("json_redacted", j.stdout);
}

#[test]
fn explain_in_both_languages() {
    let f = run(&["explain", "RO1-SLOT-005"]);
    assert_eq!(f.code, 0);
    insta::assert_snapshot!("explain_fr", f.stdout);
    let e = run(&["explain", "slot-start-before-end", "--lang", "en"]);
    assert_eq!(e.code, 0);
    insta::assert_snapshot!("explain_en", e.stdout);
}

#[test]
fn rules_table() {
    let o = run_en(&["rules"]);
    assert_eq!(o.code, 0);
    insta::assert_snapshot!("rules_en", o.stdout);
}
