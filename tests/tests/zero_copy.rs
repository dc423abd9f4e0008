//! Zero-copy proof: on realistic Bundles, only the strings that contain
//! escapes are copied; every other string (keys included) is borrowed from
//! the input.
// clippy.toml lets #[test] fns unwrap, panic and index; the helpers outside them need this.
#![allow(clippy::unwrap_used)]

use fr_fhir_core::json::Reader;
use fr_fhir_core::model::{Bundle, BundleEntry, Cx};
use sas_fhir_tests::{json_files, official_examples, workspace_root};

/// Strings of the raw text (keys and values), and how many contain a backslash.
fn count_strings(src: &str) -> (u64, u64) {
    let (mut total, mut escaped) = (0u64, 0u64);
    let mut chars = src.bytes();
    while let Some(b) = chars.next() {
        if b == b'"' {
            total += 1;
            let mut has_escape = false;
            while let Some(c) = chars.next() {
                match c {
                    b'\\' => {
                        has_escape = true;
                        chars.next();
                    }
                    b'"' => break,
                    _ => {}
                }
            }
            if has_escape {
                escaped += 1;
            }
        }
    }
    (total, escaped)
}

fn stream(src: &str) -> (u64, u64, u32) {
    let mut r = Reader::new(src);
    // Without the memo: it steps over repeated objects, whose strings the
    // reader would then not count.
    let mut cx = Cx::without_memo();
    let mut n = 0;
    Bundle::stream(&mut r, &mut cx, &mut |_: u32, _e: BundleEntry<'_>, _: &mut Cx| n += 1).unwrap();
    let (b, o) = r.string_stats();
    (b, o, n)
}

#[test]
fn only_escaped_strings_are_copied() {
    let mut files = json_files(&workspace_root().join("examples").join("valid"));
    if let Some(dir) = official_examples("only_escaped_strings_are_copied") {
        files.extend(
            json_files(&dir)
                .into_iter()
                .filter(|f| f.file_name().unwrap().to_str().unwrap().starts_with("Bundle-")),
        );
    }
    let (mut borrowed_all, mut owned_all) = (0, 0);
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        if !src.contains("\"Bundle\"") || src.contains("OperationOutcome") {
            continue;
        }
        let (total, escaped) = count_strings(&src);
        let (borrowed, owned, _) = stream(&src);
        // The streaming reader sniffs `resourceType` ahead, so a few keys are
        // read twice; what matters is that copies are exactly the escaped strings.
        assert!(borrowed + owned >= total, "{}", f.display());
        assert_eq!(owned, escaped, "{}: copies must be exactly the escaped strings", f.display());
        borrowed_all += borrowed;
        owned_all += owned;
    }
    let share = borrowed_all as f64 / (borrowed_all + owned_all) as f64;
    eprintln!("borrowed {borrowed_all}, owned {owned_all}: {:.2} % borrowed", share * 100.0);
    assert!(share > 0.99, "borrowed share {share}");
}

#[test]
fn escaped_strings_are_the_only_copies() {
    let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Slot","comment":"Visite de contr\u00f4le","status":"free","serviceType":[{"text":"line\nbreak"}]}}]}"#;
    let (total, escaped) = count_strings(src);
    assert_eq!(escaped, 2);
    let (borrowed, owned, n) = stream(src);
    assert_eq!(n, 1);
    assert_eq!(owned, 2);
    assert!(borrowed + owned >= total);
}
