//! Issue 15: the appointment (INT_R03) and regulator-account (INT_R02)
//! packs, end to end through the capture layer.
//!
//! - `examples/flows/invalid/<name>.{json,har}` must give exactly the
//!   findings of `<name>.expected` (rule, FHIRPath or HAR path, severity,
//!   and line:column for HAR files); every APPT/REGUL/OO-004 rule has one;
//! - `examples/flows/valid/` gives no warning or error (IG 1.1.0 reading),
//!   `examples/flows/main/` (the main-branch FSH examples as SUSHI writes
//!   them) none under the 1.2.0 reading;
//! - the official 1.1.0 Appointment and regulator examples are pinned in
//!   `tests/snapshots/official-flows.txt` (AMB-26 reported);
//! - a whole certification session built here (3 searches, 4 account
//!   operations, 3 appointment operations) gives exactly its 5 injected defects.
//!
//! `SAS_UPDATE_SNAPSHOTS=1` rewrites the `.expected` files and snapshots
//! after a reviewed change.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fr_fhir_core::finding::Severity;
use int_ro1::capture::validate_file;
use int_ro1::exchange::{ExchangeOptions, ExchangeReport, IgVersion};
use sas_fhir_tests::official_examples;
use serde_json::{Value, json};

/// The root of THIS checkout (the helper library's may come from another
/// worktree's build cache).
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn flows_dir() -> PathBuf {
    workspace_root().join("examples").join("flows")
}

fn update() -> bool {
    std::env::var_os("SAS_UPDATE_SNAPSHOTS").is_some()
}

fn opts(version: IgVersion) -> ExchangeOptions {
    ExchangeOptions { ig_version: version, ..ExchangeOptions::default() }
}

/// One line per finding at information or above: rule, severity, where
/// (and line:column for a HAR file, where the body is a string).
fn lines(reports: &[ExchangeReport], har: bool) -> BTreeSet<String> {
    reports
        .iter()
        .flat_map(|r| r.findings.iter())
        .filter(|f| f.rule.id != "RO1-PROF-007")
        .map(|f| {
            let r = f.resolved.as_ref().unwrap();
            let at = if har { format!(" @{}:{}", r.line, r.column) } else { String::new() };
            format!("{} {} {}{at}", f.rule.id, f.severity, r.expression)
        })
        .collect()
}

fn run_case(name: &str) -> Result<(), String> {
    let dir = flows_dir().join("invalid");
    let har = dir.join(format!("{name}.har"));
    let (path, is_har) =
        if har.exists() { (har, true) } else { (dir.join(format!("{name}.json")), false) };
    let got = lines(&validate_file(&path, &opts(IgVersion::V1_1_0)).unwrap(), is_har);
    let expected_path = dir.join(format!("{name}.expected"));
    if update() {
        let v: Vec<Value> = got.iter().map(|l| Value::String(l.clone())).collect();
        std::fs::write(&expected_path, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
        return Ok(());
    }
    let text = std::fs::read_to_string(&expected_path).map_err(|e| format!("{name}: {e}"))?;
    let want: BTreeSet<String> =
        serde_json::from_str::<Vec<String>>(&text).unwrap().into_iter().collect();
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    if missing.is_empty() && extra.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: missing {missing:#?}; unexpected {extra:#?}"))
    }
}

macro_rules! cases {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                if let Err(e) = run_case($name) {
                    panic!("{e}");
                }
            }
        )*
        const CASES: &[&str] = &[$($name),*];
    };
}

cases! {
    appt_001_no_operator => "appt-001-no-operator",
    appt_002_operator_system => "appt-002-operator-system",
    appt_003_identifier_end => "appt-003-identifier-end",
    appt_004_participant_value => "appt-004-participant-value",
    appt_005_needs_action => "appt-005-needs-action",
    appt_006_status => "appt-006-status",
    regul_001_no_source => "regul-001-no-source",
    regul_002_amb26 => "regul-002-amb26",
    regul_003_family_email => "regul-003-family-email",
    har_appt_001_no_operator => "har-appt-001-no-operator",
    har_appt_003_sequence => "har-appt-003-sequence",
    har_regul_004_answers => "har-regul-004-answers",
    har_oo_004_status => "har-oo-004-status",
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "har"))
        .collect();
    out.sort();
    out
}

#[test]
fn every_invalid_fixture_has_a_case_and_every_rule_a_failing_fixture() {
    let dir = flows_dir().join("invalid");
    let mut seen = BTreeSet::new();
    for f in files(&dir) {
        let stem = f.file_stem().unwrap().to_str().unwrap().to_owned();
        assert!(CASES.contains(&stem.as_str()), "no test case for {}", f.display());
        let text =
            std::fs::read_to_string(dir.join(format!("{stem}.expected"))).unwrap_or_default();
        for line in serde_json::from_str::<Vec<String>>(&text).unwrap_or_default() {
            if line.contains(" error ") || line.contains(" warning ") {
                seen.insert(line.split(' ').next().unwrap().to_owned());
            }
        }
    }
    let rules: Vec<&str> = int_ro1::catalog()
        .rules()
        .iter()
        .map(|r| r.id)
        .filter(|id| {
            id.starts_with("RO1-APPT-") || id.starts_with("RO1-REGUL-") || *id == "RO1-OO-004"
        })
        .collect();
    assert_eq!(rules.len(), 11);
    for id in rules {
        assert!(seen.contains(id), "{id}: no failing fixture in examples/flows/invalid");
    }
}

fn no_warning(dir: &Path, version: IgVersion) {
    let mut bad = Vec::new();
    for f in files(dir) {
        let reports = validate_file(&f, &opts(version)).unwrap();
        for r in &reports {
            for x in r.findings.iter().filter(|x| x.severity >= Severity::Warning) {
                bad.push(format!("{}: {x}", f.display()));
            }
        }
        assert!(!reports.is_empty());
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

/// The passing fixtures of every rule: bodies of both flows and a HAR of
/// correct account and appointment exchanges.
#[test]
fn valid_fixtures_pass_under_1_1_0() {
    no_warning(&flows_dir().join("valid"), IgVersion::V1_1_0);
}

/// The main-branch FSH examples (written as SUSHI writes them) validate per
/// the 1.2.0 reading: needs-action, pending (SOS), created, meta.source, 4.2.1.
#[test]
fn main_branch_examples_pass_under_1_2_0() {
    no_warning(&flows_dir().join("main"), IgVersion::V1_2_0);
    // Under the certified 1.1.0 reading the SOS one is not.
    let sos = flows_dir().join("main").join("Appointment-ExampleAppointmentSOS.json");
    let r = validate_file(&sos, &opts(IgVersion::V1_1_0)).unwrap();
    assert!(r[0].findings.iter().any(|f| f.rule.id == "RO1-APPT-006"));
}

#[test]
fn official_examples_are_pinned_and_amb_26_is_reported() {
    let Some(dir) = official_examples("official_examples_are_pinned_and_amb_26_is_reported") else {
        return;
    };
    let mut out = Vec::new();
    for name in [
        "Appointment-1.json",
        "Appointment-2.json",
        "Practitioner-ExamplePractitionerRegul1.json",
        "Practitioner-ExamplePractitionerRegul2.json",
        "Practitioner-ExamplePractitionerRegul3.json",
    ] {
        let reports = validate_file(dir.join(name), &opts(IgVersion::V1_1_0)).unwrap();
        out.push(format!("{name} ({})", reports[0].subject.use_case));
        for f in &reports[0].findings {
            let r = f.resolved.as_ref().unwrap();
            out.push(format!("  {} {} {} {}", f.severity, f.rule.id, r.expression, f.message.en));
        }
        if name == "Practitioner-ExamplePractitionerRegul1.json" {
            let amb26 = reports[0].findings.iter().find(|f| f.rule.id == "RO1-REGUL-002").unwrap();
            assert_eq!(amb26.severity, Severity::Error);
            assert_eq!(
                amb26.resolved.as_ref().unwrap().expression,
                "Practitioner.identifier[0].system"
            );
        }
    }
    pin("official-flows.txt", &(out.join("\n") + "\n"));
}

fn pin(file: &str, text: &str) {
    let path = workspace_root().join("tests").join("snapshots").join(file);
    if update() || !path.exists() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    let old = std::fs::read_to_string(&path).unwrap();
    assert!(
        old == text,
        "{file} changed: review, then SAS_UPDATE_SNAPSHOTS=1\n--- old\n{old}\n--- new\n{text}"
    );
}

/// Each failing body fixture, sent in a HAR exchange (the vendor's appointment
/// accepted by the SAS; the SAS's account refused by the vendor with 422 +
/// OperationOutcome, the right answer), gives the same findings at the same
/// FHIRPaths, located on the line of `request.postData.text` — as errors for
/// the vendor's appointment, as information for the SAS's account.
#[test]
fn body_fixtures_give_the_same_findings_inside_a_har_exchange() {
    let dir = flows_dir().join("invalid");
    let oo = json!({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "required", "diagnostics": "compte incomplet"}]});
    for f in files(&dir).into_iter().filter(|f| f.extension().is_some_and(|x| x == "json")) {
        let body: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let plain = validate_file(&f, &opts(IgVersion::V1_1_0)).unwrap();
        let appointment = body["resourceType"] == "Appointment";
        let entry = if appointment {
            har_entry(
                "POST",
                "https://sas.sante.fr/fhir/Appointment",
                Some(&body),
                201,
                None,
                Some("https://sas.sante.fr/fhir/Appointment/1"),
            )
        } else {
            har_entry("POST", "https://v.fr/fhir/Practitioner", Some(&body), 422, Some(&oo), None)
        };
        let src = serde_json::to_string_pretty(&json!({"log": {"entries": [entry]}})).unwrap();
        let reports = int_ro1::capture::validate_text(&src, &opts(IgVersion::V1_1_0)).unwrap();
        let text_line = src.lines().position(|l| l.contains("\"text\": \"{")).unwrap() as u32 + 1;
        let want: BTreeSet<(String, String)> = plain[0]
            .findings
            .iter()
            .map(|x| (x.rule.id.to_owned(), x.resolved.as_ref().unwrap().expression.clone()))
            .collect();
        let got: BTreeSet<(String, String)> = reports[0]
            .findings
            .iter()
            .filter(|x| x.resolved.as_ref().unwrap().line == text_line)
            .map(|x| (x.rule.id.to_owned(), x.resolved.as_ref().unwrap().expression.clone()))
            .collect();
        assert_eq!(got, want, "{}", f.display());
        let severities: Vec<Severity> = reports[0]
            .findings
            .iter()
            .filter(|x| x.resolved.as_ref().unwrap().line == text_line)
            .map(|x| x.severity)
            .collect();
        if appointment {
            assert!(severities.iter().all(|s| *s >= Severity::Warning), "{}", f.display());
            // The vendor's defects, nothing else (the SAS accepted it).
            assert_eq!(reports[0].findings.len(), want.len(), "{}", f.display());
        } else {
            assert!(severities.iter().all(|s| *s == Severity::Information), "{}", f.display());
            // Refusing the SAS's incomplete account with 422 + OperationOutcome is right.
            assert!(
                !reports[0].has(Severity::Warning),
                "{}: {:?}",
                f.display(),
                reports[0].findings
            );
        }
    }
}

/// `--base` is base FHIR R4 only: no rule of the packs, in a plain file or a HAR.
#[test]
fn base_only_runs_no_rule_of_the_packs() {
    let mut o = opts(IgVersion::V1_1_0);
    o.rules.base_only = true;
    for name in ["appt-001-no-operator.json", "regul-002-amb26.json", "har-regul-004-answers.har"] {
        let reports = validate_file(flows_dir().join("invalid").join(name), &o).unwrap();
        let pack: Vec<_> = reports
            .iter()
            .flat_map(|r| r.findings.iter())
            .filter(|f| f.rule.id.starts_with("RO1-APPT") || f.rule.id.starts_with("RO1-REGUL"))
            .map(|f| f.to_string())
            .collect();
        assert!(pack.is_empty(), "{name}: {pack:#?}");
    }
}

/// `--ignore` reaches the packs: body and exchange findings of an ignored
/// rule are neither stored nor counted, only tallied as ignored.
#[test]
fn ignored_rules_of_the_packs_are_tallied_not_reported() {
    let mut o = opts(IgVersion::V1_1_0);
    o.rules.ignore = Some(std::sync::Arc::new(["RO1-REGUL-004", "RO1-REGUL-003"].into()));
    let path = flows_dir().join("invalid").join("har-regul-004-answers.har");
    let reports = validate_file(&path, &o).unwrap();
    let left: Vec<&str> =
        reports.iter().flat_map(|r| r.findings.iter()).map(|f| f.rule.id).collect();
    assert!(left.iter().all(|id| !id.starts_with("RO1-REGUL")), "{left:?}");
    let ignored: u64 = reports.iter().map(|r| r.ignored).sum();
    assert_eq!(ignored, 7, "6 REGUL-004 and 1 REGUL-003 (the SAS's account)");
}

// ------------------------------------------------------- a whole certification session

fn har_entry(
    method: &str,
    url: &str,
    request: Option<&Value>,
    status: u16,
    response: Option<&Value>,
    location: Option<&str>,
) -> Value {
    let mut headers = vec![json!({"name": "Content-Type", "value": "application/fhir+json"})];
    if let Some(l) = location {
        headers.push(json!({"name": "Location", "value": l}));
    }
    let mut e = json!({
        "startedDateTime": "2026-11-26T09:30:00.000+01:00", "time": 150,
        "request": {"method": method, "url": url, "headers": [], "queryString": []},
        "response": {"status": status, "headers": headers,
                     "content": {"mimeType": "application/fhir+json"}}
    });
    if let Some(b) = request {
        e["request"]["postData"] =
            json!({"mimeType": "application/fhir+json", "text": b.to_string()});
    }
    if let Some(b) = response {
        e["response"]["content"]["text"] = json!(b.to_string());
    }
    e
}

fn fixture(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(flows_dir().join(path)).unwrap()).unwrap()
}

/// The session: 3 searches (the two of `ps-ok.har` and the first again), 4
/// account operations, 3 appointment operations; `defects` injects the 5.
fn session(defects: bool) -> String {
    let ps: Value = serde_json::from_str(
        &std::fs::read_to_string(workspace_root().join("examples/captures/ps-ok.har")).unwrap(),
    )
    .unwrap();
    let searches = ps["log"]["entries"].as_array().unwrap().clone();
    let vendor = "https://agenda.exemple-editeur.fr/fhir";
    let sas = "https://sas.sante.fr/fhir";
    let account = fixture("valid/regul-idnps.json");
    let key = "urn:oid:1.2.250.1.71.4.2.1|810101215225";
    let appt = fixture("valid/appt-booked.json");
    let appt_key = "urn:oid:1.2.250.1.999.42.1|7d2c5f0e-3b1a-4c8e-9f6d-2a4b8c1e5d90";
    let oo = json!({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "duplicate", "diagnostics": "compte existant"}]});
    let mut updated = account.clone();
    updated["telecom"][0]["value"] = json!("c.martin@exemple-sas.fr");
    let mut off = account.clone();
    off["active"] = json!(false);
    let mut fulfilled = appt.clone();
    fulfilled["status"] = json!("fulfilled");
    let mut cancelled = appt.clone();
    cancelled["status"] = json!("cancelled");
    let loc =
        |t: &str, n: u32| format!("{}/{t}/x-{n}", if t == "Practitioner" { vendor } else { sas });

    // The 5 defects, one per place: a slot search (a slot without end), an
    // account create answered 200 without Location, an update answered 201
    // on an existing account, an appointment without its operator, and an
    // appointment update on an identifier never created.
    let mut search0 = searches[0].clone();
    let mut post_status = 201;
    let mut post_location = Some(loc("Practitioner", 1));
    let mut put_status = 200;
    let mut created = appt.clone();
    let mut second_key = appt_key.to_owned();
    if defects {
        let mut body: Value =
            serde_json::from_str(search0["response"]["content"]["text"].as_str().unwrap()).unwrap();
        let slot = body["entry"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|e| e["resource"]["resourceType"] == "Slot")
            .unwrap();
        slot["resource"].as_object_mut().unwrap().remove("end");
        search0["response"]["content"]["text"] = json!(body.to_string());
        post_status = 200;
        post_location = None;
        put_status = 201;
        created.as_object_mut().unwrap().remove("extension");
        second_key = "urn:oid:1.2.250.1.999.42.1|inconnu".to_owned();
    }
    let mut entries = vec![search0, searches[1].clone(), searches[0].clone()];
    entries.push(har_entry(
        "POST",
        &format!("{vendor}/Practitioner"),
        Some(&account),
        post_status,
        None,
        post_location.as_deref(),
    ));
    entries.push(har_entry(
        "PUT",
        &format!("{vendor}/Practitioner?identifier={key}"),
        Some(&updated),
        put_status,
        None,
        Some(&loc("Practitioner", 1)),
    ));
    // The duplicate before the deactivation: after it, the same national
    // id is a re-assignment that must succeed.
    entries.push(har_entry(
        "POST",
        &format!("{vendor}/Practitioner"),
        Some(&account),
        422,
        Some(&oo),
        None,
    ));
    entries.push(har_entry(
        "PUT",
        &format!("{vendor}/Practitioner?identifier={key}"),
        Some(&off),
        200,
        None,
        Some(&loc("Practitioner", 1)),
    ));
    entries.push(har_entry(
        "POST",
        &format!("{sas}/Appointment"),
        Some(&created),
        201,
        None,
        Some(&loc("Appointment", 1)),
    ));
    entries.push(har_entry(
        "PUT",
        &format!("{sas}/Appointment?identifier={appt_key}"),
        Some(&fulfilled),
        200,
        None,
        Some(&loc("Appointment", 1)),
    ));
    if defects {
        cancelled["identifier"][0]["value"] = json!("inconnu");
    }
    entries.push(har_entry(
        "PUT",
        &format!("{sas}/Appointment?identifier={second_key}"),
        Some(&cancelled),
        200,
        None,
        Some(&loc("Appointment", 1)),
    ));
    serde_json::to_string_pretty(&json!({"log": {"version": "1.2", "entries": entries}})).unwrap()
}

fn session_findings(src: &str) -> Vec<(String, Severity, String, u32, u32)> {
    let reports = int_ro1::capture::validate_text(src, &opts(IgVersion::V1_1_0)).unwrap();
    assert_eq!(reports.len(), 10);
    reports
        .iter()
        .flat_map(|r| r.findings.iter())
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| {
            let r = f.resolved.as_ref().unwrap();
            (f.rule.id.to_owned(), f.severity, r.expression.clone(), r.line, r.column)
        })
        .collect()
}

#[test]
fn a_certification_session_reports_exactly_its_five_defects_at_their_places() {
    assert_eq!(session_findings(&session(false)), []);
    let src = session(true);
    let got = session_findings(&src);
    let rules: Vec<(&str, &str)> =
        got.iter().map(|(r, _, e, _, _)| (r.as_str(), e.as_str())).collect();
    assert_eq!(
        rules,
        [
            ("RO1-SLOT-002", "Bundle.entry[0].resource.end"),
            ("RO1-REGUL-004", "log.entries[3].response.status"),
            ("RO1-REGUL-004", "log.entries[4].response.status"),
            ("RO1-APPT-001", "Appointment.extension"),
            ("RO1-APPT-003", "log.entries[9].request.url"),
        ],
        "{got:#?}"
    );
    // Each at its place in the HAR file: line:column of what it names.
    let line_col = |needle: &str, nth: usize| {
        let at = src.match_indices(needle).nth(nth).unwrap().0;
        let before = &src[..at];
        let line = before.matches('\n').count() as u32 + 1;
        let col = before.rsplit('\n').next().unwrap().chars().count() as u32 + 1;
        (line, col)
    };
    // Where the value of `"name": value` (the nth such text) starts.
    let value_of = |text: &str, nth: usize| {
        let (line, col) = line_col(text, nth);
        let key = text.split(": ").next().unwrap();
        (line, col + key.len() as u32 + 2)
    };
    // The slot without end: inside the first search's body, on the line of
    // its `content.text` string (the Bundle is one JSON string there).
    let bundle_line =
        src.lines().position(|l| l.contains("\"text\": \"") && l.contains("searchset")).unwrap()
            as u32
            + 1;
    assert_eq!(got[0].3, bundle_line, "SLOT-002 in the first search's body");
    // The POST answered 200 (4th exchange) and the PUT answered 201 (5th):
    // on their status values.
    assert_eq!((got[1].3, got[1].4), value_of("\"status\": 200", 2), "POST answered 200");
    assert_eq!((got[2].3, got[2].4), value_of("\"status\": 201", 0), "PUT answered 201");
    // The appointment without operator: inside the POST's body (the 5th
    // `postData`), whose `text` is on the line after `mimeType`.
    let post_body = line_col("\"postData\"", 4).0;
    assert!(
        (post_body..=post_body + 2).contains(&got[3].3),
        "APPT-001 inside the POST body: {} vs {post_body}",
        got[3].3
    );
    // The update of an unknown appointment: on the 10th request URL.
    assert_eq!(
        (got[4].3, got[4].4),
        value_of(
            "\"url\": \"https://sas.sante.fr/fhir/Appointment?identifier=urn:oid:1.2.250.1.999.42.1|inconnu",
            0
        ),
        "PUT on an unknown identifier"
    );
    let (_, sev, _, _, _) = &got[4];
    assert_eq!(*sev, Severity::Warning);
}

/// Writes `tests/snapshots/flows-summary.txt`: the cases and whether they
/// pass, so a regression shows as a diff (as `corpus-summary.txt` does).
#[test]
fn flows_summary_snapshot() {
    let mut lines = Vec::new();
    let mut passed = 0;
    for name in CASES {
        match run_case(name) {
            Ok(()) => {
                passed += 1;
                lines.push(format!("PASS {name}"));
            }
            Err(e) => lines.push(format!("FAIL {e}")),
        }
    }
    lines.insert(0, format!("flow cases passed: {passed}/{}", CASES.len()));
    let text = lines.join("\n") + "\n";
    let path = workspace_root().join("tests").join("snapshots").join("flows-summary.txt");
    if std::fs::read_to_string(&path).unwrap_or_default() != text {
        std::fs::write(&path, &text).unwrap();
    }
}
