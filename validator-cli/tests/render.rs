//! The renderers on synthetic reports: grouping of repetitions and knock-on
//! findings in text, `--statistics`, JUnit testcases per rule with `time`,
//! OperationOutcome expression/location split, GitHub ordering and summary.
// clippy.toml lets #[test] fns unwrap, panic and index; the helpers outside them need this.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use fr_fhir_core::finding::{Lang, Message, Severity};
use fr_fhir_core::rules::{Subject, UseCase, UseCaseSource};
use int_ro1::by_id;
use validator_cli::cli::Format;
use validator_cli::model::{Counts, InputKind, InputReport, Item, Snippet, Summary, UnitReport};
use validator_cli::render::{Ctx, renderer, statistics};

fn ctx(lang: Lang) -> Ctx {
    Ctx { lang, color: false, quiet: false, fail_on: Severity::Error }
}

fn item(rule: &str, severity: Severity, expression: &str, cause: Option<&Message>) -> Item {
    Item {
        rule: by_id(rule).unwrap(),
        severity,
        expression: expression.to_string(),
        fhirpath: expression.starts_with("Bundle"),
        line: 10,
        column: 5,
        message: Message::new(
            format!("message fr {expression}"),
            format!("message en {expression}"),
        ),
        snippet: Some(Snippet {
            text: "    {".into(),
            caret: 4,
            cut_left: false,
            cut_right: false,
        }),
        missing: false,
        source: None,
        cause: cause.cloned(),
        fingerprint: format!("{rule}-{expression}"),
    }
}

fn unit(index: usize, items: Vec<Item>) -> UnitReport {
    let mut counts = Counts::default();
    for it in &items {
        counts.add(it.severity);
    }
    UnitReport {
        subject: Subject {
            index,
            method: Some("GET".into()),
            url: Some("https://x.example/fhir/Slot".into()),
            status: Some(200),
            entries: 0,
            ..Subject::document("Bundle", UseCase::PS, UseCaseSource::Request)
        },
        items,
        counts,
        hidden: 0,
        ignored: 0,
        baselined: 0,
        dropped: 0,
    }
}

fn report(kind: InputKind, units: Vec<UnitReport>) -> InputReport {
    InputReport {
        path: "in.har".into(),
        kind: Some(kind),
        size: 1,
        notes: Vec::new(),
        units,
        error: None,
        elapsed: Duration::from_millis(250),
    }
}

/// Renders `reports` in `format` (statistics when `stats`).
fn render(format: Format, lang: Lang, stats: bool, reports: Vec<InputReport>) -> String {
    let c = ctx(lang);
    let mut r = if stats { statistics::renderer(format, c).unwrap() } else { renderer(format, c) };
    let mut summary = Summary::default();
    let mut out = Vec::new();
    for rep in reports {
        summary.add(&rep, c.fail_on);
        r.input(&mut out, rep).unwrap();
    }
    r.finish(&mut out, &summary).unwrap();
    String::from_utf8(out).unwrap()
}

/// 2,276 RO1-BUNDLE-009 warnings on entries 0–2,274 and 2,281.
fn repetitions() -> Vec<Item> {
    (0..2276)
        .map(|i| {
            let entry = if i == 2275 { 2281 } else { i };
            item(
                "RO1-BUNDLE-009",
                Severity::Warning,
                &format!("Bundle.entry[{entry}].search"),
                None,
            )
        })
        .collect()
}

#[test]
fn repetitions_show_three_then_a_count_with_the_entry_range() {
    let en = render(
        Format::Text,
        Lang::En,
        false,
        vec![report(InputKind::Body, vec![unit(0, repetitions())])],
    );
    assert_eq!(en.matches("RO1-BUNDLE-009").count(), 3, "{en}");
    assert!(en.contains("\n\u{2026} and 2,273 more (entries 3\u{2013}2,281)\n"), "{en}");
    assert!(en.contains("Bundle.entry[2].search") && !en.contains("Bundle.entry[3].search"));
    let fr = render(
        Format::Text,
        Lang::Fr,
        false,
        vec![report(InputKind::Body, vec![unit(0, repetitions())])],
    );
    assert!(
        fr.contains("\n\u{2026} et 2\u{202F}273 autres (entrées 3\u{2013}2\u{202F}281)\n"),
        "{fr}"
    );
    // A CLI input is a "fichier"; "entrée" is kept for Bundle entries.
    assert!(fr.contains("1 fichier vérifié (1 échange) : 2\u{202F}276 avertissements."), "{fr}");
}

#[test]
fn a_count_without_entry_indices_has_no_parenthesis() {
    let items: Vec<Item> = (0..5)
        .map(|k| {
            item("RO1-REQ-003", Severity::Error, &format!("log.entries[{k}].request.url"), None)
        })
        .collect();
    let out =
        render(Format::Text, Lang::En, false, vec![report(InputKind::Har, vec![unit(0, items)])]);
    assert!(out.contains("\n\u{2026} and 2 more\n"), "{out}");
}

#[test]
fn machine_formats_keep_every_occurrence() {
    for format in [Format::Json, Format::JsonLines, Format::Github, Format::OperationOutcome] {
        let out = render(
            format,
            Lang::En,
            false,
            vec![report(InputKind::Body, vec![unit(0, repetitions())])],
        );
        assert!(out.matches(".search").count() >= 2276, "{format:?}");
        assert!(out.contains("Bundle.entry[2281].search"), "{format:?}");
        assert!(out.contains("Bundle.entry[1000].search"), "{format:?}");
    }
}

#[test]
fn knock_ons_are_grouped_under_their_cause() {
    let p2 = Message::new(
        "le praticien du Schedule `Practitioner/p2` n'est pas dans le Bundle",
        "the Schedule's practitioner `Practitioner/p2` is not in the Bundle",
    );
    let mut items =
        vec![item("RO1-SLOT-005", Severity::Error, "Bundle.entry[0].resource.end", None)];
    for e in 1..=206 {
        items.push(item(
            "RO1-REF-005",
            Severity::Error,
            &format!("Bundle.entry[{e}].resource.schedule"),
            Some(&p2),
        ));
    }
    items.push(item("RO1-SLOT-004", Severity::Error, "Bundle.entry[300].resource.start", None));
    let reports = || vec![report(InputKind::Body, vec![unit(0, items.clone())])];
    let en = render(Format::Text, Lang::En, false, reports());
    let head = "caused by: the Schedule's practitioner `Practitioner/p2` is not in the Bundle\n";
    let at = en.find(head).expect(&en);
    assert!(en.find("RO1-SLOT-005").unwrap() < at && at < en.find("RO1-SLOT-004").unwrap(), "{en}");
    assert_eq!(en.matches("RO1-REF-005").count(), 3, "{en}");
    assert!(en.contains("\u{2026} and 203 more (entries 4\u{2013}206)"), "{en}");
    let fr = render(Format::Text, Lang::Fr, false, reports());
    assert!(
        fr.contains(
            "cause : le praticien du Schedule `Practitioner/p2` n'est pas dans le Bundle\n"
        ),
        "{fr}"
    );
    assert!(fr.contains("\u{2026} et 203 autres (entrées 4\u{2013}206)"), "{fr}");
    // In the CI formats that list every occurrence, each knock-on names it.
    let gh = render(Format::Github, Lang::En, false, reports());
    let annotations = gh.lines().filter(|l| l.contains("RO1-REF-005"));
    assert!(annotations.clone().count() == 206);
    assert!(
        annotations.into_iter().all(|l| l.contains("%0Acaused by: the Schedule's practitioner"))
    );
    let junit = render(Format::Junit, Lang::En, false, reports());
    assert_eq!(
        junit.matches("caused by: the Schedule&apos;s practitioner").count(),
        206,
        "{junit}"
    );
}

fn stats_input() -> Vec<InputReport> {
    let mut items = repetitions();
    items.truncate(1200);
    items.push(item("RO1-SLOT-005", Severity::Error, "Bundle.entry[7].resource.end", None));
    items.push(item("RO1-SLOT-004", Severity::Error, "Bundle.entry[8].resource.end", None));
    items.push(item("RO1-SLOT-004", Severity::Error, "Bundle.entry[9].resource.end", None));
    vec![report(InputKind::Body, vec![unit(0, items)])]
}

#[test]
fn statistics_one_line_per_rule_most_frequent_first() {
    let out = render(Format::Text, Lang::En, true, stats_input());
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(
        lines[0],
        "1,200  RO1-BUNDLE-009  warning  entry-search-mode-match-include  in.har:10:5"
    );
    assert!(
        lines[1].starts_with("    2  RO1-SLOT-004    error    slot-instant-sas-format"),
        "{out}"
    );
    assert!(lines[2].starts_with("    1  RO1-SLOT-005"), "{out}");
    assert!(
        lines[3].starts_with("Checked 1 input (1 exchange): 3 errors, 1,200 warnings"),
        "{out}"
    );
}

#[test]
fn statistics_as_json() {
    let out = render(Format::Json, Lang::En, true, stats_input());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(
        v[1],
        serde_json::json!({
            "rule": "RO1-SLOT-004", "name": "slot-instant-sas-format", "severity": "error", "count": 2,
            "first": {"path": "in.har", "exchange": 0, "expression": "Bundle.entry[8].resource.end", "line": 10, "column": 5}
        })
    );
    assert!(statistics::renderer(Format::Sarif, ctx(Lang::En)).is_none());
}

#[test]
fn statistics_with_another_format_is_a_usage_error() {
    let o = common::run(&["--statistics", "--format", "junit", "examples/valid/ps-empty.json"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("--statistics s'utilise avec --format text ou json"), "{}", o.stderr);
    let o = common::run(&["--statistics", "examples/invalid/ps-slot-dates.json"]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("RO1-SLOT-004"), "{}", o.stdout);
}

#[test]
fn junit_a_failing_testcase_per_rule_and_a_time() {
    let three = vec![
        item("RO1-SLOT-005", Severity::Error, "Bundle.entry[0].resource.end", None),
        item("RO1-SLOT-004", Severity::Error, "Bundle.entry[1].resource.start", None),
        item("RO1-SLOT-004", Severity::Error, "Bundle.entry[2].resource.start", None),
        item("RO1-SLOT-002", Severity::Error, "Bundle.entry[3].resource.end", None),
        item("RO1-BUNDLE-009", Severity::Warning, "Bundle.entry[3].search", None),
    ];
    let out = render(
        Format::Junit,
        Lang::En,
        false,
        vec![report(InputKind::Har, vec![unit(0, three), unit(1, Vec::new())])],
    );
    assert_eq!(out.matches("<failure ").count(), 3, "{out}");
    assert!(out.contains("<testsuite name=\"in.har\" tests=\"5\" failures=\"3\" errors=\"0\" skipped=\"0\" time=\"0.250000\">"), "{out}");
    // 5 testcases share the input's 250 ms.
    assert_eq!(out.matches("time=\"0.050000\"").count(), 5, "{out}");
    assert!(
        out.contains("message=\"RO1-SLOT-004 slot-instant-sas-format: 2 occurrences\""),
        "{out}"
    );
    // The warning is in the system-out of its exchange's passing testcase,
    // and the exchange without findings is one passing testcase.
    assert!(out.contains("name=\"#0 GET https://x.example/fhir/Slot \u{2192} 200\" time=\"0.050000\">\n      <system-out>in.har:10:5: warning RO1-BUNDLE-009"), "{out}");
    assert!(
        out.contains(
            "name=\"#1 GET https://x.example/fhir/Slot \u{2192} 200\" time=\"0.050000\"/>"
        ),
        "{out}"
    );
}

#[test]
fn operation_outcome_fhirpath_in_expression_har_paths_in_location() {
    let items = vec![
        item("RO1-SLOT-005", Severity::Error, "Bundle.entry[2].resource.end", None),
        item("RO1-HTTP-001", Severity::Warning, "log.entries[1].time", None),
    ];
    let out = render(
        Format::OperationOutcome,
        Lang::En,
        false,
        vec![report(InputKind::Har, vec![unit(1, items)])],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let issues = v["issue"].as_array().unwrap();
    assert_eq!(issues[0]["expression"], serde_json::json!(["Bundle.entry[2].resource.end"]));
    assert_eq!(issues[0]["location"], serde_json::json!(["Line[10] Col[5]"]));
    assert!(issues[1].get("expression").is_none(), "{out}");
    assert_eq!(
        issues[1]["location"],
        serde_json::json!(["log.entries[1].time", "Line[10] Col[5]"])
    );
    assert_eq!(issues[1]["details"]["coding"][0]["system"], "urn:sas-fhir:sas-validate:rule");
}

#[test]
fn github_errors_first_and_a_summary_notice() {
    let a = vec![
        item("RO1-BUNDLE-005", Severity::Information, "Bundle.link[0].url", None),
        item("RO1-BUNDLE-009", Severity::Warning, "Bundle.entry[0].search", None),
        item("RO1-SLOT-005", Severity::Error, "Bundle.entry[1].resource.end", None),
    ];
    let b = vec![item("RO1-SLOT-004", Severity::Error, "Bundle.entry[5].resource.end", None)];
    let reports = || {
        vec![
            report(InputKind::Body, vec![unit(0, a.clone())]),
            report(InputKind::Body, vec![unit(0, b.clone())]),
        ]
    };
    let out = render(Format::Github, Lang::En, false, reports());
    let kinds: Vec<&str> = out.lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(kinds, ["::error", "::error", "::warning", "::notice", "::notice"], "{out}");
    assert_eq!(
        out.lines().last().unwrap(),
        "::notice title=sas-validate::Checked 2 inputs (2 exchanges): 2 errors, 1 warning, 1 information in 2 inputs."
    );
    let fr = render(Format::Github, Lang::Fr, false, reports());
    assert!(fr.ends_with("::notice title=sas-validate::2 fichiers vérifiés (2 échanges) : 2 erreurs, 1 avertissement, 1 information dans 2 fichiers.\n"), "{fr}");
}

/// A structural finding names the profile element it comes from; the others
/// keep their rule's source.
#[test]
fn a_finding_with_its_own_source_carries_it_in_every_format() {
    const OWN: &str = "http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur#Practitioner.identifier.system";
    let mut profile =
        item("RO1-PROF-001", Severity::Error, "Bundle.entry[0].resource.identifier[0]", None);
    profile.source = Some(OWN.into());
    assert_eq!(profile.source(), OWN);
    let plain = item("RO1-SLOT-005", Severity::Error, "Bundle.entry[1].resource.end", None);
    let rule_source = plain.rule.source;
    assert_eq!(plain.source(), rule_source);
    let reports =
        || vec![report(InputKind::Body, vec![unit(0, vec![profile.clone(), plain.clone()])])];

    let json: serde_json::Value =
        serde_json::from_str(&render(Format::Json, Lang::En, false, reports())).unwrap();
    let findings = &json["inputs"][0]["exchanges"][0]["findings"];
    assert_eq!(findings[0]["source"], OWN, "{json}");
    assert_eq!(findings[1]["source"], rule_source, "{json}");

    let lines = render(Format::JsonLines, Lang::En, false, reports());
    assert!(lines.contains(&format!("\"source\":\"{OWN}\"")), "{lines}");

    let sarif: serde_json::Value =
        serde_json::from_str(&render(Format::Sarif, Lang::En, false, reports())).unwrap();
    let results = &sarif["runs"][0]["results"];
    assert_eq!(results[0]["ruleId"], "RO1-PROF-001");
    assert_eq!(results[0]["properties"]["source"], OWN, "{sarif}");
    // The rule's own source is in rules[], not repeated on each result.
    assert!(results[1]["properties"].get("source").is_none(), "{sarif}");

    let oo = render(Format::OperationOutcome, Lang::En, false, reports());
    assert!(oo.contains(&format!("#0 \u{2014} {OWN}")), "{oo}");

    let text = render(Format::Text, Lang::En, false, reports());
    assert!(text.contains(&format!("= source: {OWN}\n")), "{text}");
    assert_eq!(text.matches("= source:").count(), 1, "{text}");
    let fr = render(Format::Text, Lang::Fr, false, reports());
    assert!(fr.contains(&format!("= source : {OWN}\n")), "{fr}");
}
