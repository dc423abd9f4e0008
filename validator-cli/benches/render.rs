//! Rendering cost per finding in every format: 50,000 findings of one HAR
//! input (snippets, several rules, a third of them knock-ons naming a cause)
//! rendered to `io::sink()`. Requirement: at most 2 µs per finding.
//!
//! `cargo bench -p sas-validate --bench render`
//!
//! The time measured is the CPU time of the rendering thread (Linux
//! `/proc/thread-self/schedstat`; wall-clock time elsewhere): the bench
//! machine is shared, and wall-clock time then counts the waits for a core.
//! Rendering is single-threaded, so on an idle machine both are the same.
// Not test code, so clippy.toml's *-in-tests settings do not apply; a failed setup should stop the run.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fr_fhir_core::finding::{Lang, Message, Severity};
use fr_fhir_core::rules::{Subject, UseCase, UseCaseSource};
use int_ro1::by_id;
use validator_cli::cli::Format;
use validator_cli::model::{Counts, InputKind, InputReport, Item, Snippet, Summary, UnitReport};
use validator_cli::render::{Ctx, renderer};

const FINDINGS: usize = 50_000;

/// Findings spread over 10 exchanges, in the proportions of a real run: a
/// systematic warning on every entry, knock-ons of two missing
/// practitioners, a few distinct errors.
fn report() -> InputReport {
    let rules: [(&str, Severity, bool); 6] = [
        ("RO1-BUNDLE-009", Severity::Warning, false),
        ("RO1-REF-005", Severity::Error, true),
        ("RO1-SLOT-015", Severity::Warning, false),
        ("RO1-SLOT-004", Severity::Error, false),
        ("RO1-ID-003", Severity::Warning, false),
        ("RO1-SLOT-005", Severity::Error, true),
    ];
    let causes = [
        Message::new(
            "le praticien du Schedule `Practitioner/p2` n'est pas dans le Bundle",
            "the Schedule's practitioner `Practitioner/p2` is not in the Bundle",
        ),
        Message::new(
            "le praticien du Schedule `Practitioner/p7` n'a pas été demandé",
            "the Schedule's practitioner `Practitioner/p7` was not requested",
        ),
    ];
    let per_unit = FINDINGS / 10;
    let units = (0..10)
        .map(|u| {
            let mut counts = Counts::default();
            let items: Vec<Item> = (0..per_unit)
                .map(|i| {
                    let (id, severity, knock_on) = rules[i % 7 % rules.len()];
                    counts.add(severity);
                    let entry = i / 2;
                    let line = 18 + 64 * entry as u32;
                    Item {
                        rule: by_id(id).unwrap(),
                        severity,
                        expression: format!("Bundle.entry[{entry}].resource.schedule.reference"),
                        fhirpath: true,
                        line,
                        column: 27,
                        message: Message::new(
                            format!("référence `Schedule/s{entry}` : « non résolue » & <x>"),
                            format!("reference `Schedule/s{entry}`: \"not resolved\" & <x>"),
                        ),
                        snippet: Some(Snippet {
                            text: format!(
                                "        \"schedule\": {{ \"reference\": \"Schedule/s{entry}\" }},"
                            ),
                            caret: 26,
                            cut_left: false,
                            cut_right: i % 5 == 0,
                        }),
                        missing: false,
                        source: None,
                        cause: knock_on.then(|| causes[i % 2].clone()),
                        fingerprint: format!("{i:016x}"),
                    }
                })
                .collect();
            UnitReport {
                subject: Subject {
                    index: u,
                    method: Some("GET".into()),
                    url: Some(
                        "https://agenda.example/fhir/Slot?status=free&start=ge2026-11-26".into(),
                    ),
                    status: Some(200),
                    entries: per_unit as u32 / 2,
                    ..Subject::document("Bundle", UseCase::PS, UseCaseSource::Request)
                },
                items,
                counts,
                hidden: 0,
                ignored: 0,
                baselined: 0,
                dropped: 0,
            }
        })
        .collect();
    InputReport {
        path: "captures/sla.har".into(),
        kind: Some(InputKind::Har),
        size: 2_500_000,
        notes: Vec::new(),
        units,
        error: None,
        elapsed: Duration::from_millis(12),
    }
}

/// Nanoseconds the current thread has spent on a CPU, when Linux says.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Time of `f`: CPU time of this thread when available, else wall-clock.
fn timed(f: impl FnOnce()) -> Duration {
    let (c0, w0) = (cpu_ns(), Instant::now());
    f();
    match (c0, cpu_ns()) {
        (Some(a), Some(b)) if b >= a => Duration::from_nanos(b - a),
        _ => w0.elapsed(),
    }
}

fn render(c: &mut Criterion) {
    let r = report();
    let mut summary = Summary::default();
    summary.add(&r, Severity::Error);
    let ctx = Ctx { lang: Lang::Fr, color: false, quiet: false, fail_on: Severity::Error };
    let mut g = c.benchmark_group("render");
    g.throughput(Throughput::Elements(FINDINGS as u64));
    g.sample_size(10);
    for (name, format) in [
        ("text", Format::Text),
        ("json", Format::Json),
        ("json-lines", Format::JsonLines),
        ("operation-outcome", Format::OperationOutcome),
        ("junit", Format::Junit),
        ("sarif", Format::Sarif),
        ("github", Format::Github),
    ] {
        // The clone of the report is the caller's (the renderer owns its
        // input): it is kept out of the measure.
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let rep = r.clone();
                    total += timed(|| {
                        let mut out = std::io::sink();
                        let mut rd = renderer(format, ctx);
                        rd.input(&mut out, rep).unwrap();
                        rd.finish(&mut out, black_box(&summary)).unwrap();
                    });
                }
                total
            });
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = render
}
criterion_main!(benches);
