//! Throughput of the parser and of the full validation, next to a bare
//! `serde_json` scan into `IgnoredAny` of the same bytes (the ratio is what
//! matters across machines).
// Not test code, so clippy.toml's *-in-tests settings do not apply; a failed setup should stop the run.
#![allow(clippy::unwrap_used, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fr_fhir_core::json::Reader;
use fr_fhir_core::model::{Bundle, BundleEntry, Cx};
use fr_fhir_core::rules::{Options, validate};
use sas_fhir_benches::selected_texts;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    for (ds, src) in selected_texts() {
        let mut g = c.benchmark_group(format!("bundle/{}", ds.name));
        g.throughput(Throughput::Bytes(src.len() as u64));
        if src.len() > 20_000_000 {
            g.sample_size(10);
        }
        g.bench_function("serde_json_ignored_any", |b| {
            b.iter(|| {
                serde_json::from_str::<serde::de::IgnoredAny>(black_box(&src)).unwrap();
            })
        });
        g.bench_function("parse_stream", |b| {
            b.iter(|| {
                let mut r = Reader::new(black_box(&src));
                let mut cx = Cx::default();
                let mut n = 0u32;
                Bundle::stream(&mut r, &mut cx, &mut |_: u32, e: BundleEntry<'_>, _: &mut Cx| {
                    n += u32::from(e.resource.is_some());
                })
                .unwrap();
                n
            })
        });
        // The hand rules alone (release 0.1), then with the structural
        // validator of every element (issue 14), in the same run.
        let rules_only = Options { structure: false, ..Options::default() };
        g.bench_function("validate_hand_rules", |b| {
            b.iter(|| validate(black_box(&src), &rules_only).unwrap().findings.len())
        });
        g.bench_function("validate_all_rules", |b| {
            b.iter(|| validate(black_box(&src), &Options::default()).unwrap().findings.len())
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
