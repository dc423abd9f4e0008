//! The report contract (SPEC §10) through the binary, in every format:
//! errors are never dropped by the findings cap, HAR-level findings are
//! located by a JSON path from the HAR root, a broken body is a fatal
//! finding (exit 1) while an unreadable capture is exit 2.
// clippy.toml lets #[test] fns unwrap, panic and index; the helpers outside them need this.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::{root, run_env};

const FORMATS: [&str; 7] =
    ["text", "json", "json-lines", "operation-outcome", "junit", "sarif", "github"];

fn run_en(args: &[&str]) -> common::Out {
    run_env(args, None, &[("LANG", "en_GB.UTF-8")])
}

/// A scratch folder of its own for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let d =
        std::env::temp_dir().join(format!("sas-validate-contract-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `n` entries with warnings only (RO1-BUNDLE-010 and RO1-REF-004 each),
/// then two entries with one error each.
fn warnings_then_two_errors(n: usize) -> String {
    let mut s = String::from(
        r#"{"resourceType":"Bundle","type":"searchset","total":0,"link":[{"relation":"self","url":"https://h.fr/fhir/Slot?status=free"}],"entry":["#,
    );
    for i in 0..n {
        s.push_str(&format!(
            r#"{{"fullUrl":"https://h.fr/fhir/Patient/p{i}","resource":{{"resourceType":"Patient","id":"p{i}"}},"search":{{"mode":"include"}}}},"#
        ));
    }
    s.push_str(r#"{"fullUrl":"https://h.fr/fhir/Practitioner/z1","resource":{"resourceType":"Practitioner","id":"z1","unknownElement":1},"search":{"mode":"include"}},"#);
    s.push_str(r#"{"fullUrl":"https://h.fr/fhir/Practitioner/z2","resource":{"resourceType":"Practitioner","id":"z2","gender":""},"search":{"mode":"include"}}]}"#);
    s
}

#[test]
fn two_errors_after_50000_warnings_fail_the_run_in_every_format() {
    let d = scratch("cap");
    let p = d.join("big.json");
    std::fs::write(&p, warnings_then_two_errors(50_000)).unwrap();
    let path = p.to_str().unwrap();
    // The seven runs of a 5 MB input are independent: run them side by side.
    std::thread::scope(|s| {
        for format in FORMATS {
            s.spawn(move || {
                let o = run_en(&["--format", format, "--quiet", path]);
                assert_eq!(o.code, 1, "{format}: {}", o.stderr);
                for needle in ["unknownElement", "empty string"] {
                    assert!(o.stdout.contains(needle), "{format}: `{needle}` missing");
                }
            });
        }
    });
    // The counts are those of every finding, stored or not.
    let o = run_en(&["--format", "json", path]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let s = &v["summary"];
    assert!(s["dropped"].as_u64().unwrap() > 0, "the cap applied: {s}");
    assert!(s["findings"]["warning"].as_u64().unwrap() >= 50_000, "{s}");
    let kept: u64 = v["inputs"][0]["exchanges"][0]["findings"].as_array().unwrap().len() as u64;
    let counted: u64 = ["fatal", "error", "warning", "information"]
        .iter()
        .map(|k| s["findings"][k].as_u64().unwrap())
        .sum();
    assert_eq!(kept + s["dropped"].as_u64().unwrap(), counted);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn har_locations_are_paths_from_the_har_root_in_every_format() {
    let har = root().join("examples/captures/ps-ok.har");
    let har = har.to_str().unwrap();
    for format in FORMATS {
        let o = run_en(&["--format", format, "--min-severity", "information", har]);
        assert!(
            o.stdout.contains("log.entries[1].request.queryString[0]"),
            "{format}: {}",
            o.stdout
        );
        assert!(!o.stdout.contains("request.query.start"), "{format}");
    }
}

#[test]
fn a_broken_body_in_a_har_is_a_fatal_finding_of_its_exchange() {
    let d = scratch("har-html");
    let p = d.join("proxy.har");
    let entry = |status: u32, body: &str| {
        serde_json::json!({
            "startedDateTime": "2026-11-26T09:12:47.318+01:00", "time": 120,
            "request": {"method": "GET", "url": "https://h.fr/fhir/Slot?status=free", "headers": []},
            "response": {"status": status, "headers": [{"name": "Content-Type", "value": "text/html"}],
                         "content": {"mimeType": "text/html", "text": body}}
        })
    };
    let har = serde_json::json!({"log": {"version": "1.2", "entries": [
        entry(200, r#"{"resourceType":"Bundle","type":"searchset","total":0}"#),
        entry(502, "<html><body>Bad gateway</body></html>"),
    ]}});
    std::fs::write(&p, serde_json::to_string_pretty(&har).unwrap()).unwrap();
    let o = run_en(&["--format", "json", p.to_str().unwrap()]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let f = v["inputs"][0]["exchanges"][1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "RO1-BODY-001")
        .cloned()
        .unwrap();
    assert_eq!(f["severity"], "fatal");
    assert_eq!(f["expression"], "log.entries[1].response.content.text");
    assert!(f["line"].as_u64().unwrap() > 1);
    // A file that is not a HAR capture cannot be read: exit 2.
    std::fs::write(&p, r#"{"entries": []}"#).unwrap();
    assert_eq!(run_en(&[p.to_str().unwrap()]).code, 2);
    let _ = std::fs::remove_dir_all(&d);
}

fn summary(o: &common::Out) -> serde_json::Value {
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    v["summary"].clone()
}

/// Beyond the cap, `--ignore`, `--statistics` and `--baseline` still see
/// every finding: the ignored rules are left out before the cap, the other
/// two store every finding.
#[test]
fn selection_statistics_and_baseline_are_exact_beyond_the_cap() {
    let d = scratch("beyond-cap");
    let p = d.join("w.json");
    std::fs::write(&p, warnings_then_two_errors(12_000)).unwrap();
    let path = p.to_str().unwrap();

    let all = summary(&run_en(&["--format", "json", path]));
    assert!(all["dropped"].as_u64().unwrap() > 0, "the cap applied: {all}");
    let warnings = all["findings"]["warning"].as_u64().unwrap();
    assert!(warnings >= 24_000, "{all}");

    let o = run_en(&[
        "--format",
        "json",
        "--ignore",
        "RO1-BUNDLE-010,RO1-REF-004",
        "--fail-on",
        "warning",
        path,
    ]);
    let s = summary(&o);
    // Every warning of the two rules is left out, none is counted.
    let ignored = s["ignored"].as_u64().unwrap();
    assert!(ignored >= 24_000, "{s}");
    assert_eq!(s["findings"]["warning"].as_u64().unwrap() + ignored, warnings, "{s}");
    assert_eq!(s["dropped"], 0, "{s}");

    let stats = run_en(&["--format", "json", "--statistics", path]);
    let v: serde_json::Value = serde_json::from_str(&stats.stdout).unwrap();
    let count = |rule: &str| {
        v.as_array()
            .and_then(|a| a.iter().find(|r| r["rule"] == rule))
            .and_then(|r| r["count"].as_u64())
    };
    assert_eq!(count("RO1-BUNDLE-010"), Some(12_000), "{}", stats.stdout);
    // The two Practitioners of the end have unresolved references too.
    assert_eq!(count("RO1-REF-004"), Some(12_002));

    let bl = d.join("baseline.json");
    let w = run_en(&["--write-baseline", bl.to_str().unwrap(), path]);
    assert_ne!(w.code, 2, "{}", w.stderr);
    let again = run_en(&[
        "--format",
        "json",
        "--fail-on",
        "information",
        "--baseline",
        bl.to_str().unwrap(),
        path,
    ]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let s = summary(&again);
    assert_eq!(s["findings"]["warning"], 0, "{s}");
    assert_eq!(s["findings"]["error"], 0, "{s}");
    // A baseline that lists none of them: every finding is fingerprinted,
    // then the usual cap bounds what is stored; the counts stay exact.
    let other = d.join("other.json");
    let empty = root().join("examples/valid/error-400.json");
    let w = run_en(&["--write-baseline", other.to_str().unwrap(), empty.to_str().unwrap()]);
    assert_eq!(w.code, 0, "{}", w.stderr);
    let o = run_en(&["--format", "json", "--baseline", other.to_str().unwrap(), path]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let listed = v["inputs"][0]["exchanges"][0]["findings"].as_array().unwrap();
    let mild =
        listed.iter().filter(|f| f["severity"] == "warning" || f["severity"] == "information");
    assert!(mild.count() <= 10_000);
    assert_eq!(v["summary"]["findings"], all["findings"]);
    assert!(v["summary"]["dropped"].as_u64().unwrap() > 0);
    let _ = std::fs::remove_dir_all(&d);
}
