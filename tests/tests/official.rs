//! The three official example Bundles of the SAS IG 1.1.0 give no error; what
//! they do get (check-digit warnings on fictitious numbers, missing
//! `search.mode` added only on the IG's main branch...) is pinned in
//! `tests/snapshots/official-examples.txt`. Set `SAS_UPDATE_SNAPSHOTS=1` to
//! rewrite the snapshot after a reviewed change.

use fr_fhir_core::finding::Severity;
use fr_fhir_core::rules::{Options, validate};
use sas_fhir_tests::{official_examples, workspace_root};

#[test]
fn official_bundles_have_no_error_and_pinned_warnings() {
    let Some(dir) = official_examples("official_bundles_have_no_error_and_pinned_warnings") else {
        return;
    };
    let mut lines = Vec::new();
    for name in [
        "Bundle-ExampleBundlePSIndiv.json",
        "Bundle-ExampleBundleCPTS.json",
        "Bundle-ExampleBundleAgregateurSOS.json",
    ] {
        let src = std::fs::read_to_string(dir.join(name)).unwrap();
        let report = validate(&src, &Options::default()).unwrap();
        let errors: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Error)
            .map(|f| (f.rule.id, f.resolved.clone(), f.message.en.clone()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        lines.push(format!(
            "{name} (use case {:?}, from {})",
            report.subject.use_case, report.subject.use_case_source
        ));
        for f in &report.findings {
            let r = f.resolved.as_ref().unwrap();
            lines.push(format!("  {} {} {} {}", f.severity, f.rule.id, r.expression, f.message.en));
        }
    }
    let text = lines.join("\n") + "\n";
    let path = workspace_root().join("tests").join("snapshots").join("official-examples.txt");
    if std::env::var_os("SAS_UPDATE_SNAPSHOTS").is_some() || !path.exists() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let pinned = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        pinned, text,
        "official example findings changed: review, then SAS_UPDATE_SNAPSHOTS=1"
    );
}
