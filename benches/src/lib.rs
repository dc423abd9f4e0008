//! Benchmark inputs, generated on first use by the reference workload
//! generator `../shared/bench/gen_sas_bundle.py` (the same corpus as the
//! README figures) into `target/bench-data/`.
//!
//! Set `SAS_BENCH_GEN` to point at another copy of the generator, and
//! `SAS_BENCH_SIZES` (comma list of `sla`, `50mb`, `400mb`; default `sla,50mb`)
//! to choose the sizes. Bundles carry `search.mode` (as on the IG main branch),
//! so the figures measure clean vendor output rather than the findings path.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use fr_fhir_core::rules::{Options, validate};

/// One generated input.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Short name used in bench ids (`sla`, `50mb-pretty`...).
    pub name: String,
    /// The file.
    pub path: PathBuf,
}

fn generator() -> PathBuf {
    std::env::var_os("SAS_BENCH_GEN").map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/bench/gen_sas_bundle.py")
    })
}

/// The data directory (`<workspace>/target/bench-data`).
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data")
}

/// Generator arguments of each named size (minified; `-pretty` adds `--pretty`).
pub fn size_args(size: &str) -> Option<Vec<&'static str>> {
    match size {
        "sla" => Some(vec!["--practitioners", "25", "--days", "3"]),
        "50mb" => Some(vec!["--target-slots", "46000", "--days", "7"]),
        "400mb" => Some(vec!["--target-slots", "367000", "--days", "7"]),
        _ => None,
    }
}

/// Generates (once) and returns the dataset `size` (`sla`, `50mb`, `400mb`), minified or pretty.
pub fn dataset(size: &str, pretty: bool) -> Result<Dataset, String> {
    let args = size_args(size).ok_or_else(|| format!("unknown size {size}"))?;
    let name = if pretty { format!("{size}-pretty") } else { size.to_string() };
    let dir = data_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("{name}.json"));
    if !path.exists() {
        let mut cmd = Command::new("python3");
        cmd.arg(generator())
            .args(&args)
            .arg("--search-mode")
            .arg("--seed")
            .arg("7")
            .arg("--out")
            .arg(&path);
        if pretty {
            cmd.arg("--pretty");
        }
        let st = cmd.status().map_err(|e| format!("python3: {e}"))?;
        if !st.success() {
            return Err(format!("generator failed for {name}"));
        }
    }
    Ok(Dataset { name, path })
}

/// The sizes selected by `SAS_BENCH_SIZES`.
pub fn selected_sizes() -> Vec<String> {
    std::env::var("SAS_BENCH_SIZES")
        .unwrap_or_else(|_| "sla,50mb".to_string())
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The selected datasets ([`selected_sizes`]), each minified then pretty,
/// with their text: generated on first use, read one at a time (a 400 MB
/// run holds one file), and skipped with a message when they cannot be.
pub fn selected_texts() -> impl Iterator<Item = (Dataset, String)> {
    selected_sizes().into_iter().flat_map(|size| {
        [false, true].into_iter().filter_map(move |pretty| {
            let read = dataset(&size, pretty).and_then(|ds| {
                let text = std::fs::read_to_string(&ds.path)
                    .map_err(|e| format!("{}: {e}", ds.path.display()))?;
                Ok((ds, text))
            });
            read.map_err(|e| eprintln!("skipping {size}: {e}")).ok()
        })
    })
}

/// Wall time of one validation of `src` with `opts`, as the paired bench and
/// the split-ceiling example time it.
// A bench input that cannot be read is a broken setup: stop loudly.
#[allow(clippy::expect_used)]
pub fn time(src: &str, opts: &Options) -> Duration {
    let t = Instant::now();
    black_box(validate(black_box(src), opts).expect("a readable bench input").findings.len());
    t.elapsed()
}

/// Wall time of the reference of issue 17: a `serde_json` scan of `src`
/// into `IgnoredAny`.
#[allow(clippy::expect_used)]
pub fn scan(src: &str) -> Duration {
    let t = Instant::now();
    serde_json::from_str::<serde::de::IgnoredAny>(black_box(src)).expect("valid JSON");
    t.elapsed()
}

/// The median of `v` (the upper one of an even count; NaN when empty).
pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}
