//! Parses (and optionally validates) a file N times: a profiling driver.
//! `cargo run --release -p fr-fhir-core --example parse_file -- FILE [N] [validate]`
// Not test code, so clippy.toml's *-in-tests settings do not apply; a failed setup should stop the run.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use fr_fhir_core::json::Reader;
use fr_fhir_core::model::{Bundle, BundleEntry, Cx};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let path = path.as_str();
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let validate = args.next().is_some();
    if std::env::var_os("HIST").is_some() {
        histogram(&std::fs::read_to_string(path).unwrap());
        return;
    }
    if std::env::var_os("SIZES").is_some() {
        sizes();
    }
    let src = std::fs::read_to_string(path).unwrap();
    let t = std::time::Instant::now();
    let mut count = 0usize;
    for _ in 0..n {
        if validate {
            count +=
                fr_fhir_core::rules::validate(&src, &Default::default()).unwrap().findings.len();
        } else {
            let mut r = Reader::new(&src);
            let mut cx = Cx::default();
            Bundle::stream(&mut r, &mut cx, &mut |_: u32, _e: BundleEntry<'_>, _: &mut Cx| {
                count += 1
            })
            .unwrap();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!("{count} items, {:.1} MB/s", (src.len() * n) as f64 / secs / 1e6);
}

#[allow(dead_code)]
fn sizes() {
    use fr_fhir_core::model::*;
    eprintln!(
        "Slot {} Identifier {} CodeableConcept {} Coding {} Reference {} Meta {} Entry {} Prim {} Extension {}",
        size_of::<Slot>(),
        size_of::<Identifier>(),
        size_of::<CodeableConcept>(),
        size_of::<Coding>(),
        size_of::<Reference>(),
        size_of::<Meta>(),
        size_of::<BundleEntry>(),
        size_of::<Code>(),
        size_of::<Extension>()
    );
    use fr_fhir_core::rules::index::{EntryInfo, RefInfo};
    eprintln!("EntryInfo {} RefInfo {}", size_of::<EntryInfo>(), size_of::<RefInfo>());
}

/// Prints a histogram of the findings (rule, severity) of a file.
#[allow(dead_code)]
pub fn histogram(src: &str) {
    let report = fr_fhir_core::rules::validate(src, &Default::default()).unwrap();
    let mut h = std::collections::BTreeMap::new();
    for f in &report.findings {
        *h.entry((f.rule.id, f.severity.as_str())).or_insert(0) += 1;
    }
    for ((id, sev), n) in h {
        let ex = report.findings.iter().find(|f| f.rule.id == id).unwrap();
        println!(
            "{n:6} {id} {sev} {} {}",
            ex.resolved.as_ref().map(|r| r.expression.as_str()).unwrap_or(""),
            ex.message.en
        );
    }
}
