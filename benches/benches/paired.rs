//! Paired timing of the validation with and without the structural
//! validator: the two run alternately, one after the other, many times, and
//! the figure is the median of the per-pair ratios. On a shared 2-core VM
//! whose speed drifts by a third within a minute, criterion's consecutive
//! sample blocks can compare a slow minute with a fast one; pairs cannot.
//!
//! `cargo bench -p sas-fhir-benches --bench paired` (sizes from
//! `SAS_BENCH_SIZES`, pairs from `SAS_PAIRS`, default 40 for the SLA Bundle
//! and 12 for larger ones).
// Not test code, so clippy.toml's *-in-tests settings do not apply; a failed setup should stop the run.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use fr_fhir_core::rules::{Options, validate};
use sas_fhir_benches::{dataset, selected_sizes};

fn time(src: &str, opts: &Options) -> Duration {
    let t = Instant::now();
    black_box(validate(black_box(src), opts).unwrap().findings.len());
    t.elapsed()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read from the command line.
    let hand = Options { structure: false, ..Options::default() };
    let all = Options::default();
    for size in selected_sizes() {
        let ds = match dataset(&size, false) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("skipping {size}: {e}");
                continue;
            }
        };
        let src = std::fs::read_to_string(&ds.path).unwrap();
        let default_pairs = if src.len() > 20_000_000 { 12 } else { 40 };
        let pairs: usize =
            std::env::var("SAS_PAIRS").ok().and_then(|v| v.parse().ok()).unwrap_or(default_pairs);
        // Warm-up: definitions compiled, caches and allocator settled.
        time(&src, &all);
        time(&src, &hand);
        let (mut h, mut a, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..pairs {
            // Alternate which goes first, so neither always follows the other.
            let (th, ta) = if i % 2 == 0 {
                let th = time(&src, &hand);
                (th, time(&src, &all))
            } else {
                let ta = time(&src, &all);
                (time(&src, &hand), ta)
            };
            h.push(th.as_secs_f64() * 1e3);
            a.push(ta.as_secs_f64() * 1e3);
            ratio.push(ta.as_secs_f64() / th.as_secs_f64());
        }
        let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
        println!(
            "{}: {pairs} pairs; hand rules median {:.1} ms (min {:.1}), all rules median {:.1} ms (min {:.1}); all/hand median ratio {:.3}",
            ds.name,
            median(h.clone()),
            min(&h),
            median(a.clone()),
            min(&a),
            median(ratio)
        );
    }
}
