//! Cross-check with the reference workload generator: every defect that
//! `../shared/bench/gen_sas_bundle.py --defects N` injects (with its FHIRPath
//! in the sidecar) is reported by a finding of severity warning or more at
//! that path or inside it. Skipped (with a note) when python3 or the
//! generator is missing; `SAS_BENCH_GEN` points at another copy.
// clippy.toml lets #[test] fns unwrap, panic and index; the helpers outside them need this.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::process::Command;

use fr_fhir_core::finding::Severity;
use int_ro1::exchange::{ExchangeOptions, validate_body};
use sas_fhir_tests::workspace_root;

fn generator() -> Option<PathBuf> {
    let path = std::env::var_os("SAS_BENCH_GEN")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("..").join("shared/bench/gen_sas_bundle.py"));
    path.is_file().then_some(path)
}

/// Runs the generator with `args` into `dir`: the Bundle and its defect
/// sidecar, or `None` (with a note naming `test`) when python3 is missing.
fn generate(
    gen_path: &PathBuf,
    dir: &std::path::Path,
    name: &str,
    args: &[&str],
    test: &str,
) -> Option<(String, serde_json::Value)> {
    let out = dir.join(format!("{name}.json"));
    let side = dir.join(format!("{name}.defects.json"));
    let st = Command::new("python3")
        .arg(gen_path)
        .args(args)
        .arg("--out")
        .arg(&out)
        .arg("--defects-out")
        .arg(&side)
        .status();
    let Ok(st) = st else {
        eprintln!("{test}: SKIPPED, no python3");
        return None;
    };
    assert!(st.success(), "generator failed");
    let src = std::fs::read_to_string(&out).unwrap();
    let defects = serde_json::from_str(&std::fs::read_to_string(&side).unwrap()).unwrap();
    Some((src, defects))
}

#[test]
fn every_injected_defect_is_reported_at_its_path() {
    let Some(gen_path) = generator() else {
        eprintln!("every_injected_defect_is_reported_at_its_path: SKIPPED, no generator");
        return;
    };
    let dir = std::env::temp_dir().join(format!("sas-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for seed in [11, 12, 13] {
        let seed = seed.to_string();
        let args = ["--practitioners", "8", "--days", "3", "--search-mode", "--defects", "40"];
        let args: Vec<&str> = args.into_iter().chain(["--seed", seed.as_str()]).collect();
        let test = "every_injected_defect_is_reported_at_its_path";
        let Some((src, defects)) = generate(&gen_path, &dir, &format!("bad-{seed}"), &args, test)
        else {
            return;
        };
        let report = validate_body(&src, &ExchangeOptions::default());
        let found: Vec<(String, &str)> = report
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .filter_map(|f| f.resolved.as_ref().map(|r| (r.expression.clone(), f.rule.id)))
            .collect();
        let defects = defects["defects"].as_array().unwrap();
        assert!(!defects.is_empty());
        for d in defects {
            let path = d["path"].as_str().unwrap();
            let hit = found.iter().any(|(e, _)| {
                e == path
                    || e.starts_with(&format!("{path}."))
                    || e.starts_with(&format!("{path}["))
            });
            assert!(hit, "seed {seed}: defect {} at {path} not reported", d["kind"]);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The 17-defect Bundle of issue 12: its two identifier defects
/// (`rpps-check-digit`, `rpps-format`) make every slot of those two
/// practitioners an RO1-REF-005 knock-on. Each knock-on names its cause,
/// located at the defective identifier, with one cause text per practitioner.
#[test]
fn ref_005_knock_ons_name_the_identifier_defect() {
    let Some(gen_path) = generator() else {
        eprintln!("ref_005_knock_ons_name_the_identifier_defect: SKIPPED, no generator");
        return;
    };
    let dir = std::env::temp_dir().join(format!("sas-gen-ko-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let args = ["--practitioners", "25", "--days", "3", "--seed", "1", "--defects", "17"];
    let test = "ref_005_knock_ons_name_the_identifier_defect";
    let Some((src, defects)) = generate(&gen_path, &dir, "bad17", &args, test) else { return };
    let id_defects: Vec<&str> = defects["defects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"].as_str().unwrap().starts_with("rpps-"))
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    let report = validate_body(&src, &ExchangeOptions::default());
    let knock_ons: Vec<_> = report.findings.iter().filter(|f| f.rule.id == "RO1-REF-005").collect();
    assert!(!knock_ons.is_empty());
    let mut texts = std::collections::BTreeMap::new();
    for f in &knock_ons {
        let cause = f.cause.as_ref().expect("a REF-005 knock-on without cause");
        let at = cause.expression.as_deref().unwrap();
        assert!(id_defects.contains(&at), "cause at {at}, not an identifier defect");
        // One cause text per practitioner.
        let text = texts.entry(at).or_insert_with(|| cause.message.en.clone());
        assert_eq!(*text, cause.message.en);
    }
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.values().any(|t| t.contains("wrong check digit")), "{texts:?}");
    assert!(texts.values().any(|t| t.contains("malformed")), "{texts:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
