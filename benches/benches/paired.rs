//! Paired timing of the validation with and without the structural
//! validator, and of a `serde_json` scan of the same bytes: the three run
//! back to back, many times, and the figures are the medians of the
//! per-round ratios (all rules / hand rules; scan / all rules, issue 17's;
//! scan / hand rules, the bound the reading thread sets whatever the walk
//! costs).
//! On a shared 2-core VM whose speed drifts by a third within a minute,
//! criterion's consecutive sample blocks can compare a slow minute with a
//! fast one; rounds cannot.
//!
//! `cargo bench -p sas-fhir-benches --bench paired` (sizes from
//! `SAS_BENCH_SIZES`, rounds from `SAS_PAIRS` — the name predates the
//! scan — default 40 for the SLA Bundle and 12 for larger ones).
// Not test code, so clippy.toml's *-in-tests settings do not apply; a failed setup should stop the run.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use std::time::Duration;

use fr_fhir_core::rules::Options;
use sas_fhir_benches::{median, scan, selected_texts, time};

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read from the command line.
    let hand = Options { structure: false, ..Options::default() };
    let all = Options::default();
    for (ds, src) in selected_texts() {
        let default_pairs = if src.len() > 20_000_000 { 12 } else { 40 };
        let rounds: usize =
            std::env::var("SAS_PAIRS").ok().and_then(|v| v.parse().ok()).unwrap_or(default_pairs);
        // Warm-up: definitions compiled, caches and allocator settled.
        time(&src, &all);
        time(&src, &hand);
        scan(&src);
        let (mut s, mut h, mut a) = (Vec::new(), Vec::new(), Vec::new());
        let (mut all_hand, mut scan_all, mut scan_hand) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..rounds {
            // Each round times the three back to back in a rotating
            // order: each goes first one round in three, so none always
            // runs on the caches (or the clock) another one left.
            let mut t = [Duration::ZERO; 3];
            for k in 0..3 {
                match (i + k) % 3 {
                    0 => t[0] = scan(&src),
                    1 => t[1] = time(&src, &hand),
                    _ => t[2] = time(&src, &all),
                }
            }
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            s.push(ms(t[0]));
            h.push(ms(t[1]));
            a.push(ms(t[2]));
            all_hand.push(t[2].as_secs_f64() / t[1].as_secs_f64());
            scan_all.push(t[0].as_secs_f64() / t[2].as_secs_f64());
            scan_hand.push(t[0].as_secs_f64() / t[1].as_secs_f64());
        }
        let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
        println!(
            "{}: {rounds} rounds; scan median {:.2} ms, hand rules median {:.1} ms (min {:.1}), all rules median {:.2} ms (min {:.2}); all/hand median ratio {:.3}; all rules at {:.3}x the scan, hand rules at {:.3}x (medians of per-round ratios)",
            ds.name,
            median(s),
            median(h.clone()),
            min(&h),
            median(a.clone()),
            min(&a),
            median(all_hand),
            median(scan_all),
            median(scan_hand)
        );
    }
}
