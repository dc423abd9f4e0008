//! Rule selection, configuration file, baseline, usage errors and the
//! language of the command line, through the binary.
// clippy.toml lets #[test] fns unwrap, panic and index; the helpers outside them need this.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::Path;

use common::{Out, root, run, run_en, run_env, scratch};
use serde_json::Value;

const DATES: &str = "examples/invalid/ps-slot-dates.json";

fn json(o: &Out) -> Value {
    serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", o.stderr))
}

/// The rule IDs reported, in order.
fn rules(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for i in v["inputs"].as_array().unwrap() {
        for x in i["exchanges"].as_array().unwrap() {
            for f in x["findings"].as_array().unwrap() {
                out.push(f["rule"].as_str().unwrap().to_string());
            }
        }
    }
    out
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

// ---- --select / --ignore ------------------------------------------------------

#[test]
fn select_by_id_prefix_and_name() {
    let all = rules(&json(&run_en(&["-f", "json", DATES])));
    assert!(all.iter().any(|r| r == "RO1-SLOT-004") && all.iter().any(|r| r == "RO1-BUNDLE-005"));

    let by_id = json(&run_en(&["-f", "json", "--select", "RO1-SLOT-004", DATES]));
    assert!(rules(&by_id).iter().all(|r| r == "RO1-SLOT-004"));
    assert_eq!(rules(&by_id).len(), 2);
    // Deselected findings are not counted at all.
    assert_eq!(by_id["summary"]["findings"]["error"], 2);
    assert_eq!(by_id["summary"]["findings"]["information"], 0);
    assert_eq!(by_id["summary"]["ignored"], all.len() - 2);

    let by_prefix = rules(&json(&run_en(&["-f", "json", "--select", "RO1-SLOT", DATES])));
    assert!(by_prefix.iter().all(|r| r.starts_with("RO1-SLOT-")));
    assert_eq!(by_prefix.len(), all.iter().filter(|r| r.starts_with("RO1-SLOT-")).count());

    let by_name = rules(&json(&run_en(&[
        "-f",
        "json",
        "--select",
        "slot-start-before-end,slot-instant-valid",
        DATES,
    ])));
    assert_eq!(by_name, ["RO1-SLOT-003", "RO1-SLOT-005"]);
}

#[test]
fn ignore_wins_and_decides_the_exit_status() {
    let o = run_en(&["-f", "json", "--select", "RO1-SLOT", "--ignore", "RO1-SLOT-004", DATES]);
    let r = rules(&json(&o));
    assert!(!r.is_empty() && r.iter().all(|x| x.starts_with("RO1-SLOT-") && x != "RO1-SLOT-004"));
    // Only information left: nothing reaches --fail-on error.
    let o = run_en(&["--ignore", "RO1-SLOT", "--ignore=RO1-BUNDLE-005", "-q", DATES]);
    assert_eq!(o.code, 0, "{}", o.stdout);
}

#[test]
fn unknown_selectors_are_usage_errors_in_both_languages() {
    let o = run(&["--select", "RO1-SLO", DATES]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("sélecteur de règle inconnu `RO1-SLO`"), "{}", o.stderr);
    let o = run_en(&["--ignore", "RO1-SLOT,nope", DATES]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("unknown rule selector `nope`"), "{}", o.stderr);
    assert!(o.stdout.is_empty());
}

#[test]
fn fatal_findings_are_never_deselected() {
    let d = scratch("sel-fatal");
    let mut har: Value =
        serde_json::from_slice(&std::fs::read(root().join("examples/captures/ps-ok.har")).unwrap())
            .unwrap();
    har["log"]["entries"][0]["response"]["content"]["text"] = Value::from("<html>oops</html>");
    let f = d.join("broken.har");
    std::fs::write(&f, serde_json::to_vec(&har).unwrap()).unwrap();
    let o = run_en(&["-f", "json", "--select", "RO1-SLOT-004", s(&f)]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let v = json(&o);
    assert!(v["summary"]["findings"]["fatal"].as_u64().unwrap() >= 1, "{v}");
}

// ---- sas-validate.toml -----------------------------------------------------------

#[test]
fn config_is_found_walking_up_and_flags_override_it() {
    let d = scratch("cfg-walk");
    let sub = d.join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(root().join(DATES), sub.join("x.json")).unwrap();
    std::fs::write(
        d.join("sas-validate.toml"),
        "select = [\"RO1-SLOT-005\"]\nfail-on = \"information\"\n",
    )
    .unwrap();
    let input = sub.join("x.json");
    let v = json(&run_en(&["-f", "json", s(&input)]));
    assert_eq!(rules(&v), ["RO1-SLOT-005"]);
    assert_eq!(v["summary"]["fail_on"], "information");
    // The command line replaces the file's list and value.
    let v = json(&run_en(&[
        "-f",
        "json",
        "--select",
        "RO1-BUNDLE-005",
        "--fail-on",
        "error",
        s(&input),
    ]));
    assert_eq!(rules(&v), ["RO1-BUNDLE-005"]);
    assert_eq!(v["summary"]["fail_on"], "error");
    assert_eq!(v["summary"]["exit_code"], 0);
    // The directory as input: found from there too.
    assert_eq!(rules(&json(&run_en(&["-f", "json", s(&sub)]))), ["RO1-SLOT-005"]);
}

#[test]
fn boolean_settings_of_the_file_can_be_switched_off() {
    let d = scratch("cfg-bool");
    std::fs::copy(root().join("examples/invalid/ps-identifiers.json"), d.join("x.json")).unwrap();
    std::fs::write(d.join("sas-validate.toml"), "strict = true\nselect = [\"RO1-ID-003\"]\n")
        .unwrap();
    let input = d.join("x.json");
    // The finding in the body (the self link's one is information anyway).
    let severity = |v: &Value| {
        let findings = v["inputs"][0]["exchanges"][0]["findings"].as_array()?;
        let body =
            |f: &&Value| f["expression"].as_str().is_some_and(|e| e.starts_with("Bundle.entry"));
        let f = findings.iter().find(body)?;
        f["severity"].as_str().map(str::to_owned)
    };
    // `strict` from the file: the check-digit finding is an error...
    let v = json(&run_en(&["-f", "json", s(&input)]));
    assert_eq!(severity(&v).as_deref(), Some("error"));
    // ... and `--no-strict` turns it back into a warning.
    let v = json(&run_en(&["-f", "json", "--no-strict", s(&input)]));
    assert_eq!(severity(&v).as_deref(), Some("warning"));
}

#[test]
fn explicit_config_uses_the_tool_table() {
    let d = scratch("cfg-tool");
    let f = d.join("pyproject.toml");
    std::fs::write(
        &f,
        "[project]\nname = \"agenda\"\n\n[tool.ruff]\nline-length = 100\n\n[tool.sas-validate]\nignore = [\"RO1-SLOT\"]\nlang = \"fr\"\n",
    )
    .unwrap();
    let o = run_en(&["--config", s(&f), DATES]);
    assert!(!o.stdout.contains("RO1-SLOT-"), "{}", o.stdout);
    assert!(o.stdout.contains("vérifié"), "lang from the file: {}", o.stdout);
}

#[test]
fn bad_configuration_is_a_usage_error_naming_file_and_line() {
    let d = scratch("cfg-bad");
    std::fs::copy(root().join(DATES), d.join("x.json")).unwrap();
    let cfg = d.join("sas-validate.toml");
    std::fs::write(&cfg, "strict = true\nselekt = [\"RO1-SLOT\"]\n").unwrap();
    let o = run_en(&[s(&d.join("x.json"))]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains(&format!("{}:2: invalid configuration", cfg.display())),
        "{}",
        o.stderr
    );
    std::fs::write(&cfg, "strict = \"yes\"\n").unwrap();
    let o = run(&[s(&d.join("x.json"))]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("sas-validate.toml:1 : configuration invalide"), "{}", o.stderr);
}

// ---- baseline ------------------------------------------------------------------------

#[test]
fn baseline_round_trip_reformatting_and_new_defects() {
    let d = scratch("baseline");
    let data = d.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let input = data.join("slots.json");
    std::fs::copy(root().join(DATES), &input).unwrap();
    let base = d.join("baseline.json");

    let o = run_en(&["--write-baseline", s(&base), s(&input)]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("baseline written: 6 findings"), "{}", o.stderr);
    let text = std::fs::read_to_string(&base).unwrap();
    let b: Value = serde_json::from_str(&text).unwrap();
    let entries = b["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 6);
    assert!(entries.iter().all(|e| e["fingerprint"].as_str().unwrap().len() == 16
        && e["path"].as_str().unwrap().ends_with("slots.json")
        && e["rule"].is_string()
        && e["expression"].is_string()));
    // Deterministic: writing again gives the same bytes.
    let again = d.join("again.json");
    run_en(&["--write-baseline", s(&again), s(&input)]);
    assert_eq!(std::fs::read_to_string(&again).unwrap(), text);

    // Same findings: nothing new, exit 0, the suppressed ones are counted.
    let o = run_en(&["-f", "json", "--baseline", s(&base), s(&input)]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    let v = json(&o);
    assert!(rules(&v).is_empty());
    assert_eq!(v["summary"]["baselined"], 6);

    // Minified or re-indented: the same fingerprints.
    let parsed: Value = serde_json::from_str(&std::fs::read_to_string(&input).unwrap()).unwrap();
    std::fs::write(&input, serde_json::to_string(&parsed).unwrap()).unwrap();
    assert_eq!(run_en(&["--baseline", s(&base), s(&input)]).code, 0);
    std::fs::write(&input, serde_json::to_string_pretty(&parsed).unwrap().replace("  ", "\t"))
        .unwrap();
    assert_eq!(run_en(&["--baseline", s(&base), s(&input)]).code, 0);

    // A new defect: only it is reported and fails the run.
    let src = std::fs::read_to_string(root().join(DATES)).unwrap();
    let broken =
        src.replacen("\"2026-11-26T16:20:00.000+01:00\"", "\"2026-11-26T16:20:00+01:00\"", 1);
    assert_ne!(src, broken);
    std::fs::write(&input, broken).unwrap();
    let o = run_en(&["-f", "json", "--baseline", s(&base), s(&input)]);
    assert_eq!(o.code, 1);
    let v = json(&o);
    assert_eq!(rules(&v), ["RO1-SLOT-004"]);
    assert_eq!(
        v["inputs"][0]["exchanges"][0]["findings"][0]["expression"],
        "Bundle.entry[2].resource.end"
    );

    // The configuration may name the baseline, relative to its directory.
    std::fs::write(d.join("sas-validate.toml"), "baseline = \"baseline.json\"\n").unwrap();
    let v = json(&run_en(&["-f", "json", s(&input)]));
    assert_eq!(v["summary"]["baselined"], 6);
}

#[test]
fn unreadable_baseline_is_a_usage_error() {
    let d = scratch("baseline-bad");
    let f = d.join("b.json");
    std::fs::write(&f, "{\"findings\": 3}").unwrap();
    let o = run_en(&["--baseline", s(&f), DATES]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("not a sas-validate baseline"), "{}", o.stderr);
    assert_eq!(run_en(&["--baseline", "/nonexistent/b.json", DATES]).code, 2);
}

// ---- usage errors ---------------------------------------------------------------------

#[test]
fn request_must_be_a_url() {
    let o = run_en(&["--request", "not a url", DATES]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("is not a request URL"), "{}", o.stderr);
    let o = run(&["--request", "not a url", DATES]);
    assert!(o.stderr.contains("n'est pas une URL de requête"), "{}", o.stderr);
    let ok = run_en(&["--request", "/fhir/Slot?status=free", "-q", DATES]);
    assert_eq!(ok.code, 1, "{}", ok.stderr);
}

#[test]
fn empty_directory_is_a_usage_error() {
    let d = scratch("empty-dir");
    std::fs::write(d.join("notes.txt"), "nothing to see").unwrap();
    let o = run(&[s(&d)]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains(&format!("{}: aucun fichier à valider", d.display())),
        "{}",
        o.stderr
    );
    let o = run_en(&[s(&d)]);
    assert!(o.stderr.contains("no input found"), "{}", o.stderr);
}

#[test]
fn global_options_before_a_subcommand() {
    let o = run(&["--lang", "en", "explain", "RO1-SLOT-004"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.contains("## How to fix"));
    let o = run(&["--lang=en", "rules"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.starts_with("ID "));
    // After the subcommand too.
    assert!(run_en(&["explain", "RO1-SLOT-004", "--lang", "fr"]).stdout.contains("## Correction"));
}

// ---- language of --help and argument errors ------------------------------------------

#[test]
fn help_in_french_and_english() {
    let fr = run(&["--help"]);
    assert_eq!(fr.code, 0);
    assert!(fr.stdout.contains("Utilisation :"), "{}", fr.stdout);
    assert!(fr.stdout.contains("Ne rapporte que ces règles"));
    assert!(fr.stdout.contains("Affiche l'aide."));
    assert!(!fr.stdout.contains("Print help"));
    let en = run_en(&["--help"]);
    assert!(en.stdout.contains("Usage:") && en.stdout.contains("Report only these rules"));
    // --lang wins over the locale, before parsing.
    assert!(run_en(&["--lang", "fr", "-h"]).stdout.contains("Utilisation :"));
    assert!(run(&["explain", "--help"]).stdout.contains("ID ou nom de la règle"));
}

#[test]
fn argument_errors_in_french() {
    let o = run(&["--nope", DATES]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.starts_with("erreur : argument inattendu « --nope »"), "{}", o.stderr);
    let o = run(&["--format", "xml", DATES]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("valeur « xml » invalide pour « --format"), "{}", o.stderr);
    let o = run(&[]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("argument obligatoire absent"), "{}", o.stderr);
    let o = run_env(&["--nope", DATES], None, &[("LANG", "en_US.UTF-8")]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("unexpected argument '--nope'"), "{}", o.stderr);
}

// ---- what the structural validator applies: --ig, --profile, --base -------------------

#[test]
fn base_conflicts_with_profile_and_use_case() {
    let o = run_en(&["--base", "--profile", "FrSlotAgregateur", DATES]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr.contains("'--base' cannot be used with '--profile <URL|NAME>'"),
        "{}",
        o.stderr
    );
    let o = run(&["--use-case", "ps", "--base", DATES]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr.starts_with(
            "erreur : l'argument « --use-case <USE_CASE> » ne peut pas être utilisé avec « --base »"
        ),
        "{}",
        o.stderr
    );
    // One package per run.
    let o = run(&["--ig", "a.tgz", "--ig", "b.tgz", DATES]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("« --ig <PATH> » ne peut être donné qu'une fois"), "{}", o.stderr);
}

#[test]
fn base_alone_runs() {
    let o = run_en(&["--base", "--quiet", "--format", "json", DATES]);
    assert!(o.code == 0 || o.code == 1, "{}", o.stderr);
    json(&o);
}

#[test]
fn an_unknown_profile_is_a_usage_error_naming_it() {
    let o = run_en(&["--profile", "FrSlotAgregateu", DATES]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stdout.is_empty(), "{}", o.stdout);
    assert!(
        o.stderr.contains(
            "--profile: `FrSlotAgregateu` is neither the canonical URL nor the name of a loaded profile"
        ),
        "{}",
        o.stderr
    );
    let o = run(&["--profile", "FrSlotAgregateu", DATES]);
    assert!(
        o.stderr.contains("n'est ni l'URL canonique ni le nom d'un profil chargé"),
        "{}",
        o.stderr
    );
}

#[test]
fn a_missing_ig_package_is_a_usage_error_naming_the_path() {
    let o = run_en(&["--ig", "/nonexistent/sas-ig-1.2.0.tgz", DATES]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stdout.is_empty(), "{}", o.stdout);
    assert!(
        o.stderr.contains("--ig: /nonexistent/sas-ig-1.2.0.tgz does not exist"),
        "{}",
        o.stderr
    );
    let o = run(&["--ig", "/nonexistent/sas-ig-1.2.0.tgz", DATES]);
    assert!(o.stderr.contains("/nonexistent/sas-ig-1.2.0.tgz n'existe pas"), "{}", o.stderr);
}

#[test]
fn a_broken_ig_package_is_a_usage_error_naming_the_file() {
    let dir = scratch("broken-ig");
    let pkg = dir.join("package");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(
        pkg.join("package.json"),
        r#"{"name":"ans.fhir.fr.sas","version":"1.2.0","fhirVersions":["4.0.1"]}"#,
    )
    .unwrap();
    std::fs::write(
        pkg.join("StructureDefinition-x.json"),
        r#"{"resourceType":"StructureDefinition","url":"http://example.org/x", "snapshot": {"element": [}"#,
    )
    .unwrap();
    let o = run_en(&["--ig", pkg.to_str().unwrap(), DATES]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stdout.is_empty(), "{}", o.stdout);
    assert!(o.stderr.contains("StructureDefinition-x.json"), "{}", o.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn conformance_options_come_from_the_configuration_file_too() {
    let dir = scratch("conf-ig");
    let conf = dir.join("sas-validate.toml");
    std::fs::write(&conf, "ig = \"missing-package\"\n").unwrap();
    let o = run_en(&["--config", conf.to_str().unwrap(), DATES]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("missing-package does not exist"), "{}", o.stderr);
    std::fs::write(&conf, "base = true\nuse-case = \"ps\"\n").unwrap();
    let o = run_en(&["--config", conf.to_str().unwrap(), DATES]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("`base = true` excludes `use-case`"), "{}", o.stderr);
    // The command line wins: --base over the file's profile.
    std::fs::write(&conf, "profile = \"NoSuchProfile\"\n").unwrap();
    let o = run_en(&["--config", conf.to_str().unwrap(), "--base", "--quiet", DATES]);
    assert!(o.code == 0 || o.code == 1, "{}", o.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_official_sas_package_loads_and_its_profiles_resolve_by_name() {
    let spec = std::env::var_os("SAS_SPEC_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/spec"));
    let pkg = spec.join("ig-sas-1.1.0/package");
    if !pkg.is_dir() {
        eprintln!("note: {} not found, --ig with the official package skipped", pkg.display());
        return;
    }
    let pkg = pkg.to_str().unwrap();
    let o = run_en(&["--ig", pkg, "--profile", "FrSlotAgregateur", "--quiet", DATES]);
    assert!(o.code == 0 || o.code == 1, "{}", o.stderr);
    let o = run_en(&["--ig", pkg, "--profile", "FrSlotAgregateurSos", DATES]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("close names: FrSlotAgregateurSOS"), "{}", o.stderr);
}
