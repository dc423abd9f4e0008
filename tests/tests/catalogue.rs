//! The rule catalogue is derived from the rule files: one file per rule, in
//! the folder of its ID prefix, and what they declare equals
//! `rule-catalogue.csv` (SPEC §7) for every rule.
//!
//! The CSV is read from `$SAS_SPEC_DIR/derived/rule-catalogue.csv`
//! (`SAS_SPEC_DIR` defaults to `../shared/spec` beside the workspace); when it
//! is absent the two CSV comparisons print a note and check nothing else.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use fr_fhir_core::finding::{Lang, RuleMeta, Severity};

fn catalogue() -> &'static [&'static RuleMeta] {
    int_ro1::catalog().rules()
}

/// Rules that are not rows of the CSV: the report contract's own (SPEC §10),
/// and those of the structural validator beyond the SPEC §7 rows (the
/// profile family and the base invariants RO1-FHIR-006..008 leave out).
fn report_rule(id: &str) -> bool {
    ["RO1-BODY-", "RO1-FLOW-", "RO1-HAR-", "RO1-PROF-"].iter().any(|p| id.starts_with(p))
        || id == "RO1-FHIR-009"
}

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `rule-catalogue.csv` rows as (id, severity, scope), or `None` when the
/// spec folder is not there.
fn csv_rows() -> Option<Vec<(String, String, String)>> {
    let dir = std::env::var_os("SAS_SPEC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("../shared/spec"));
    let path = dir.join("derived/rule-catalogue.csv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} not found, catalogue/CSV comparison skipped", path.display());
        return None;
    };
    let records = parse_csv(text.trim_start_matches('\u{feff}'));
    let header = &records[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, sev, scope) = (col("id"), col("severity"), col("scope"));
    Some(
        records[1..]
            .iter()
            .filter(|r| r.iter().any(|f| !f.is_empty()))
            .map(|r| (r[id].clone(), r[sev].clone(), r[scope].clone()))
            .collect(),
    )
}

/// Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = vec![];
    let mut record = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, _) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, _) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[test]
fn csv_reader_handles_quotes() {
    let rows = parse_csv("a,b\r\n\"x, \"\"y\"\"\",z\n");
    assert_eq!(rows, vec![vec!["a", "b"], vec!["x, \"y\"", "z"]]);
}

#[test]
fn ids_are_exactly_the_csv_ones_in_order() {
    let Some(rows) = csv_rows() else { return };
    let csv: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let ours: Vec<&str> = catalogue().iter().map(|r| r.id).filter(|id| !report_rule(id)).collect();
    let missing: Vec<_> = csv.iter().filter(|id| !ours.contains(id)).collect();
    let extra: Vec<_> = ours.iter().filter(|id| !csv.contains(id)).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
    assert_eq!(ours, csv, "the catalogue must follow the CSV order");
}

#[test]
fn severities_and_scopes_match_the_csv() {
    let Some(rows) = csv_rows() else { return };
    for (id, severity, scope) in &rows {
        let rule = int_ro1::by_id(id).unwrap();
        let expected: Severity = severity.parse().unwrap();
        assert_eq!(rule.severity, expected, "{id}");
        assert_eq!(rule.scope.to_string(), *scope, "{id}");
    }
}

#[test]
fn ids_are_unique_and_have_the_catalogue_shape() {
    let ids: HashSet<_> = catalogue().iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), catalogue().len());
    for rule in catalogue() {
        let mut parts = rule.id.split('-');
        assert_eq!(parts.next(), Some("RO1"), "{}", rule.id);
        let family = parts.next().unwrap();
        assert!(family.bytes().all(|b| b.is_ascii_uppercase()), "{}", rule.id);
        let number = parts.next().unwrap();
        assert!(number.len() == 3 && number.bytes().all(|b| b.is_ascii_digit()), "{}", rule.id);
        assert!(parts.next().is_none(), "{}", rule.id);
    }
}

#[test]
fn names_are_unique_kebab_case_and_short() {
    let mut seen = HashSet::new();
    for rule in catalogue() {
        let name = rule.name;
        assert!(seen.insert(name), "duplicate name {name}");
        assert!(!name.is_empty() && name.len() <= 40, "{name}: 1 to 40 characters");
        assert!(
            name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{name}: only a-z, 0-9 and -"
        );
        assert!(
            !name.starts_with('-') && !name.ends_with('-') && !name.contains("--"),
            "{name}: malformed kebab-case"
        );
        assert!(int_ro1::by_id(name).is_some_and(|r| r.id == rule.id), "{name} resolves elsewhere");
    }
}

#[test]
fn texts_are_single_filled_sentences() {
    for rule in catalogue() {
        for (what, text) in [
            ("source", rule.source),
            ("summary_fr", rule.summary_fr),
            ("summary_en", rule.summary_en),
        ] {
            assert!(!text.trim().is_empty(), "{} {what} empty", rule.id);
            assert!(!text.contains('\n'), "{} {what} spans lines", rule.id);
        }
        for text in [rule.summary_fr, rule.summary_en] {
            assert!(text.ends_with('.'), "{}: summary must end with a period", rule.id);
        }
        assert_ne!(rule.summary_fr, rule.summary_en, "{}: French summary missing", rule.id);
    }
}

#[test]
fn sources_link_the_ig_pages_they_name() {
    for rule in catalogue() {
        let names_a_page = ["FAQ", "IG '", "page", "annexes", "securite"]
            .iter()
            .any(|word| rule.source.contains(word));
        if names_a_page {
            assert!(rule.source.contains("https://"), "{}: URL missing", rule.id);
        }
    }
}

#[test]
fn every_doc_section_is_filled_in_both_languages() {
    for rule in catalogue() {
        let d = &rule.doc;
        for lang in [Lang::Fr, Lang::En] {
            for (title, text) in d.sections(lang) {
                assert!(!text.trim().is_empty(), "{} {title} empty", rule.id);
                assert!(!text.contains('\n'), "{} {title} spans lines", rule.id);
            }
        }
        assert_ne!(d.what_fr, d.what_en, "{}: what_fr not translated", rule.id);
        assert_ne!(d.why_fr, d.why_en, "{}: why_fr not translated", rule.id);
        assert_ne!(d.fix_fr, d.fix_en, "{}: fix_fr not translated", rule.id);
    }
}

#[test]
fn why_cites_the_ambiguity_readings_of_the_rules_that_follow_one() {
    // Rules whose severity or scope comes from a reading of SPEC §8.
    for (id, amb) in [
        ("RO1-SLOT-004", "AMB-04"),
        ("RO1-SLOT-012", "AMB-08"),
        ("RO1-SLOT-015", "AMB-06"),
        ("RO1-BUNDLE-003", "AMB-07"),
        ("RO1-BUNDLE-011", "AMB-03"),
        ("RO1-ROLE-005", "AMB-22"),
        ("RO1-SOS-003", "AMB-11"),
        ("RO1-REQ-013", "AMB-02"),
    ] {
        let d = &int_ro1::by_id(id).unwrap().doc;
        assert!(d.why_fr.contains(amb) && d.why_en.contains(amb), "{id} must cite {amb}");
    }
}

#[test]
fn lookups_read_ids_and_names_alike() {
    let by_id = int_ro1::by_id;
    assert_eq!(by_id("RO1-SLOT-004").map(|r| r.name), Some("slot-instant-sas-format"));
    assert_eq!(by_id("ro1-slot-004").map(|r| r.id), Some("RO1-SLOT-004"));
    assert_eq!(by_id("RO1_SLOT_004").map(|r| r.id), Some("RO1-SLOT-004"));
    assert_eq!(by_id(" slot-status-free ").map(|r| r.id), Some("RO1-SLOT-001"));
    assert_eq!(by_id("SLOT-STATUS-FREE").map(|r| r.id), Some("RO1-SLOT-001"));
    assert!(by_id("").is_none());
    assert!(by_id("RO1-SLOT").is_none());
    assert!(by_id("slot-status-fre").is_none());
    for rule in catalogue() {
        assert!(std::ptr::eq(by_id(rule.id).unwrap(), *rule));
        assert!(std::ptr::eq(by_id(rule.name).unwrap(), *rule));
    }
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The rule files: `<crate>/src/rules/<prefix>/ro1_<prefix>_<nnn>.rs`.
fn rule_files() -> Vec<PathBuf> {
    let mut files = vec![];
    for krate in ["fr-fhir-core", "int-ro1", "int-r02", "int-r03"] {
        rust_files(&workspace().join(krate).join("src/rules"), &mut files);
    }
    files.retain(|f| f.file_name().is_some_and(|n| n.to_string_lossy().starts_with("ro1_")));
    files
}

#[test]
fn each_rule_is_one_file_in_the_folder_of_its_prefix() {
    let files = rule_files();
    let mut by_stem = BTreeMap::new();
    for f in &files {
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        let folder = f.parent().and_then(Path::file_name).unwrap().to_string_lossy().to_string();
        let id = stem.to_ascii_uppercase().replace('_', "-");
        let prefix = id.split('-').nth(1).unwrap().to_ascii_lowercase();
        assert_eq!(folder, prefix, "{}: folder must follow the ID prefix", f.display());
        let text = std::fs::read_to_string(f).unwrap();
        assert!(text.contains(&format!("id: \"{id}\"")), "{} must define {id}", f.display());
        assert!(by_stem.insert(id, f.clone()).is_none(), "{stem} defined twice");
    }
    let ids: Vec<&str> = catalogue().iter().map(|r| r.id).collect();
    let files: Vec<&str> = by_stem.keys().map(String::as_str).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, files, "every rule of the catalogue has its file, and no file is unlisted");
}

#[test]
fn exactly_one_source_file_defines_each_id() {
    // Non-test sources: the `#[cfg(test)]` part of a file and the test folders are left out.
    let mut sources = vec![];
    for krate in ["fr-fhir-core", "int-ro1", "int-r02", "int-r03", "validator-cli"] {
        rust_files(&workspace().join(krate).join("src"), &mut sources);
    }
    // Each file read once, its non-test part kept.
    let code: Vec<(PathBuf, String)> = sources
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            (f, code)
        })
        .collect();
    for rule in catalogue() {
        let needle = format!("id: \"{}\"", rule.id);
        let defining: Vec<_> =
            code.iter().filter(|(_, code)| code.contains(&needle)).map(|(f, _)| f).collect();
        assert_eq!(defining.len(), 1, "{}: defined in {defining:?}", rule.id);
    }
}

#[test]
fn a_rule_never_calls_into_another_rule_folder() {
    // Rule files and support helpers may name another rule's `RULE` (a check
    // that reports a finding of that rule), never call into another folder:
    // what two folders share goes to `support`, and only visitors call rules.
    let mut files = rule_files();
    for krate in ["fr-fhir-core", "int-ro1", "int-r02", "int-r03"] {
        rust_files(&workspace().join(krate).join("src/rules/support"), &mut files);
    }
    // The folders' own helpers (their `mod.rs`) too.
    let mut dirs: Vec<PathBuf> =
        rule_files().iter().filter_map(|f| f.parent().map(Path::to_path_buf)).collect();
    dirs.sort();
    dirs.dedup();
    files.extend(dirs.iter().map(|d| d.join("mod.rs")));
    let folders: Vec<String> = rule_files()
        .iter()
        .filter_map(|f| f.parent().and_then(Path::file_name))
        .map(|n| n.to_string_lossy().to_string())
        .collect();
    let mut sideways = vec![];
    for f in &files {
        let own = f.parent().and_then(Path::file_name).unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(f).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let mut modules = vec![];
        for (at, _) in code.match_indices("rules::") {
            let rest = &code[at + "rules::".len()..];
            let folder: String = rest
                .trim_start_matches("r#")
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if folder == own || !folders.contains(&folder) {
                continue;
            }
            let path = rest.trim_start_matches("r#")[folder.len()..].trim_start_matches("::");
            let path = match path.strip_prefix('{') {
                Some(list) => list.split('}').next().unwrap_or(""),
                None => path.split([';', '(', ')', ' ', ',', '\n', '.', '&']).next().unwrap_or(""),
            };
            for item in path.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                match item.split_once("::") {
                    Some((module, "RULE")) if module.starts_with("ro1_") => {}
                    None if item.starts_with("ro1_") => modules.push(item.to_string()),
                    _ => sideways.push(format!("{}: {folder}::{item}", f.display())),
                }
            }
        }
        // A module imported from another folder: only its RULE may be used.
        for module in modules {
            for (at, _) in code.match_indices(&format!("{module}::")) {
                let item: String = code[at + module.len() + 2..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if item != "RULE" {
                    sideways.push(format!("{}: {module}::{item}", f.display()));
                }
            }
        }
    }
    assert!(sideways.is_empty(), "calls into another rule folder: {sideways:#?}");
}
