//! docs/RULES.md is generated from the rule catalogue: this test fails when
//! it is stale, and rewrites it when SAS_UPDATE_DOCS=1.

mod common;

#[test]
fn rules_md_is_up_to_date() {
    let path = common::root().join(validator_cli::rules_doc::PATH);
    let want = validator_cli::rules_doc::markdown();
    if std::env::var_os("SAS_UPDATE_DOCS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        panic!(
            "{} is stale: run `SAS_UPDATE_DOCS=1 cargo test -p sas-validate --test rules_doc`",
            path.display()
        );
    }
}
