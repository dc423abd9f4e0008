//! What splitting a Bundle's entries over two cores could give at best
//! (issue 17): each selected Bundle is cut into two halves, every Slot in
//! one of them and every other entry in both (so that references still
//! resolve), and the two halves are validated at once on two threads, each
//! on its thread alone (`Options::second_thread` off: the structural walk
//! inline, so that two threads share the two cores).
//! Nothing is shared or merged between the halves: a real split, which must
//! merge the index, the findings and the hooks as if read in order, can
//! hardly be faster (the halves do a little more than the whole: each
//! carries the entries that are not Slots). Printed per Bundle: the medians of per-round ratios to a
//! `serde_json` `IgnoredAny` scan of the whole Bundle, for all rules on
//! the whole Bundle, all rules on the two halves at once, and the hand
//! rules alone on the two halves at once.
//!
//! ```text
//! SAS_BENCH_SIZES=sla,50mb SAS_PAIRS=12 cargo run --release -p sas-fhir-benches --example split_ceiling
//! ```
//!
//! The halves keep the original bytes (escapes, layout): they are cut out
//! of the text at the entries' spans, read by the library's own streaming
//! reader.
// Not test code: a failed setup should stop the measurement loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use fr_fhir_core::json::{Reader, Span};
use fr_fhir_core::model::{Bundle, BundleEntry, Cx, Resource};
use fr_fhir_core::rules::{Options, validate};
use sas_fhir_benches::selected_texts;

fn time(src: &str, opts: &Options) -> Duration {
    let t = Instant::now();
    black_box(validate(black_box(src), opts).unwrap().findings.len());
    t.elapsed()
}

fn scan(src: &str) -> Duration {
    let t = Instant::now();
    serde_json::from_str::<serde::de::IgnoredAny>(black_box(src)).unwrap();
    t.elapsed()
}

/// The two halves validated at once, one per thread.
fn both(h: &(String, String), opts: &Options) -> Duration {
    let t = Instant::now();
    std::thread::scope(|s| {
        let other = s.spawn(|| time(&h.1, opts));
        time(&h.0, opts);
        other.join().unwrap();
    });
    t.elapsed()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The two halves of `src`: its text up to the entry array, the entries
/// of each half joined by the text that separated the first two entries,
/// and its text after the entry array.
fn halves(src: &str) -> (String, String) {
    let mut spans: Vec<(Span, bool)> = Vec::new();
    let mut sink = |_: u32, e: BundleEntry<'_>, _: &mut Cx<'_>| {
        spans.push((e.span, matches!(e.resource, Some(Resource::Slot(_)))));
    };
    let header =
        Bundle::stream(&mut Reader::new(src), &mut Cx::default(), &mut sink).expect("a Bundle");
    let array = header.entry_span.expect("an entry array");
    let text = |s: Span| &src[s.start as usize..s.end as usize];
    let sep = match spans.as_slice() {
        [a, b, ..] => &src[a.0.end as usize..b.0.start as usize],
        _ => ",",
    };
    let slots: Vec<Span> = spans.iter().filter(|e| e.1).map(|e| e.0).collect();
    let others: Vec<Span> = spans.iter().filter(|e| !e.1).map(|e| e.0).collect();
    let (first, second) = slots.split_at(slots.len() / 2);
    let build = |part: &[Span]| {
        let entries: Vec<&str> = others.iter().chain(part).map(|&s| text(s)).collect();
        let before = &src[..array.start as usize + 1];
        let after = &src[array.end as usize - 1..];
        format!("{before}{}{after}", entries.join(sep))
    };
    (build(first), build(second))
}

fn main() {
    let all = Options::default();
    let all_inline = Options { second_thread: false, ..Options::default() };
    let hand = Options { structure: false, second_thread: false, ..Options::default() };
    for (ds, src) in selected_texts() {
        let h = halves(&src);
        let default_rounds = if src.len() > 20_000_000 { 12 } else { 40 };
        let rounds: usize =
            std::env::var("SAS_PAIRS").ok().and_then(|v| v.parse().ok()).unwrap_or(default_rounds);
        // Warm-up: definitions compiled, caches and allocator settled.
        time(&src, &all);
        both(&h, &all_inline);
        both(&h, &hand);
        scan(&src);
        let (mut whole, mut split, mut split_hand) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..rounds {
            // Rotating order, as in the paired bench.
            let mut t = [Duration::ZERO; 4];
            for k in 0..4 {
                match (i + k) % 4 {
                    0 => t[0] = scan(&src),
                    1 => t[1] = time(&src, &all),
                    2 => t[2] = both(&h, &all_inline),
                    _ => t[3] = both(&h, &hand),
                }
            }
            let ratio = |d: Duration| t[0].as_secs_f64() / d.as_secs_f64();
            whole.push(ratio(t[1]));
            split.push(ratio(t[2]));
            split_hand.push(ratio(t[3]));
        }
        println!(
            "{}: {rounds} rounds, halves of {} and {} bytes; all rules at {:.2}x the scan, \
             all rules on the two halves at once {:.2}x, hand rules on the two halves at once {:.2}x \
             (medians of per-round ratios)",
            ds.name,
            h.0.len(),
            h.1.len(),
            median(whole),
            median(split),
            median(split_hand)
        );
    }
}
