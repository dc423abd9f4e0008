//! The pre-commit hook (`.pre-commit-hooks.yaml`) runs what it says: its
//! `entry` is the `sas-validate` program, and its `entry` + `args` + file
//! names, as pre-commit calls them, pass a valid fixture and fail a defective one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{root, run_env};

/// The hook definition's fields this test relies on, read from the file
/// itself (a few `key: value` lines; `args` is a flow list, i.e. JSON).
struct Hook {
    id: String,
    entry: String,
    args: Vec<String>,
    language: String,
    files: String,
}

fn hook() -> Hook {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let field = |key: &str| -> String {
        text.lines()
            .map(|l| l.trim_start().trim_start_matches("- "))
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(':').map(str::trim))
            .unwrap_or_else(|| panic!("no `{key}:` in .pre-commit-hooks.yaml"))
            .to_owned()
    };
    Hook {
        id: field("id"),
        entry: field("entry"),
        args: serde_json::from_str(&field("args")).expect("args: a flow list of strings"),
        language: field("language"),
        files: field("files"),
    }
}

#[test]
fn hook_entry_is_the_sas_validate_program() {
    let h = hook();
    assert_eq!((h.id.as_str(), h.language.as_str()), ("sas-validate", "rust"));
    assert_eq!(h.files, r"\.(json|har)$");
    // pre-commit runs `cargo install --bins --path .` at the root: the
    // entry must be a binary of the root package, built from the CLI's main.
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap()).unwrap();
    let bins = manifest["bin"].as_array().expect("the root package has [[bin]]");
    let bin = bins
        .iter()
        .find(|b| b["name"].as_str() == Some(h.entry.as_str()))
        .unwrap_or_else(|| panic!("entry `{}` is not a [[bin]] of the root Cargo.toml", h.entry));
    assert_eq!(bin["path"].as_str(), Some("validator-cli/src/main.rs"));
    assert_eq!(manifest["package"]["publish"].as_bool(), Some(false));
}

/// Runs the hook as pre-commit does: entry, args, then the staged file names.
fn run_hook(files: &[&str]) -> common::Out {
    let h = hook();
    let mut argv: Vec<&str> = h.args.iter().map(String::as_str).collect();
    argv.extend_from_slice(files);
    run_env(&argv, None, &[("LANG", "en_GB.UTF-8")])
}

#[test]
fn hook_passes_valid_fixtures() {
    let out =
        run_hook(&["examples/valid/ps-empty.json", "examples/valid/ps-two-practitioners.json"]);
    assert_eq!(out.code, 0, "{out:?}");
    // What pre-commit shows: the total only (information notes are hidden).
    assert_eq!(
        out.stdout,
        "Checked 2 inputs (2 exchanges): 2 information (2 hidden below --min-severity).\n"
    );
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn hook_fails_a_defective_fixture_and_says_where() {
    let out = run_hook(&["examples/valid/ps-empty.json", "examples/invalid/ps-slot-dates.json"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.contains(
            "examples/invalid/ps-slot-dates.json:291:16: error RO1-SLOT-005 slot-start-before-end"
        ),
        "{}",
        out.stdout
    );
    // No colour codes in a hook's log.
    assert!(!out.stdout.contains('\u{1b}'), "{}", out.stdout);
}

#[test]
fn hook_reports_an_unreadable_file_with_status_2() {
    let out = run_hook(&["examples/valid/does-not-exist.har"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("does-not-exist.har"), "{out:?}");
}
