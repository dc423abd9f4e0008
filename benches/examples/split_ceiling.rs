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
//! rules alone on the two halves at once; then the CPU time all rules take
//! on the whole Bundle on one thread (from `/proc/self/stat`, in 10 ms
//! ticks: use the default 40 rounds for the SLA Bundle) and the ratio two
//! cores sharing it perfectly would give: the bound of any split, which the
//! total work must bring to 5× the scan for issue 17's 0.4×.
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

use std::time::{Duration, Instant};

use fr_fhir_core::json::{Reader, Span};
use fr_fhir_core::model::{Bundle, BundleEntry, Cx, Resource};
use fr_fhir_core::rules::Options;
use sas_fhir_benches::{median, scan, selected_texts, time};

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

/// CPU time of the whole process, every thread (`/proc/self/stat`, Linux;
/// `None` elsewhere), in clock ticks of 10 ms: summed over the rounds.
fn cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // After the command name in parentheses: state is field 3, utime 14, stime 15.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
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
        // CPU of all rules on the whole Bundle, on one thread (as each half
        // runs), and the scan's wall time.
        let (mut cpu, mut scans) = (Some(0u64), Duration::ZERO);
        for i in 0..rounds {
            // Rotating order, as in the paired bench.
            let mut t = [Duration::ZERO; 4];
            for k in 0..5 {
                match (i + k) % 5 {
                    0 => t[0] = scan(&src),
                    1 => t[1] = time(&src, &all),
                    2 => t[2] = both(&h, &all_inline),
                    3 => t[3] = both(&h, &hand),
                    _ => {
                        let before = cpu_ticks();
                        time(&src, &all_inline);
                        cpu = cpu.zip(before.zip(cpu_ticks())).map(|(c, (b, a))| c + a - b);
                    }
                }
            }
            scans += t[0];
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
        // Two cores sharing that work perfectly: the bound of any split.
        if let Some(ticks) = cpu.filter(|&t| t > 0) {
            let cpu_ms = ticks as f64 * 10.0 / rounds as f64;
            let scan_ms = scans.as_secs_f64() * 1e3 / rounds as f64;
            let shared = scan_ms / (cpu_ms / 2.0);
            println!(
                "{}: all rules on one thread take {cpu_ms:.1} ms of CPU per run (10 ms ticks summed over {rounds} rounds); shared perfectly by two cores: {shared:.2}x the scan",
                ds.name
            );
        }
    }
}
