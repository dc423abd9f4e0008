//! Test helpers for the rules: run the validator on a document and
//! mutate the project's valid examples with JSON pointers.

use serde_json::Value;

use super::{Options, UseCase, validate};
use crate::finding::Severity;

/// The valid PS example (2 practitioners, 3 roles, 8 slots).
pub const PS: &str = include_str!("../../../examples/valid/ps-two-practitioners.json");
/// The valid CPTS example.
pub const CPTS: &str = include_str!("../../../examples/valid/cpts-one-cpts.json");
/// The valid SOS example.
pub const SOS: &str = include_str!("../../../examples/valid/sos-two-places.json");
/// The valid empty PS result.
pub const EMPTY: &str = include_str!("../../../examples/valid/ps-empty.json");

/// (rule id, FHIRPath, severity) of every finding.
pub fn run(src: &str, uc: Option<UseCase>) -> Vec<(String, String, Severity)> {
    let opts = Options { use_case: uc, ..Options::default() };
    let report = validate(src, &opts).unwrap();
    report
        .findings
        .iter()
        .map(|f| {
            let expr = f.resolved.as_ref().map(|r| r.expression.clone()).unwrap_or_default();
            (f.rule.id.to_string(), expr, f.severity)
        })
        .collect()
}

/// Findings of one rule only: (FHIRPath, severity).
pub fn of_rule(src: &str, uc: Option<UseCase>, rule: &str) -> Vec<(String, Severity)> {
    run(src, uc).into_iter().filter(|(r, _, _)| r == rule).map(|(_, e, s)| (e, s)).collect()
}

/// Shorthand severities for expectations.
pub const E: Severity = Severity::Error;
/// Shorthand severities for expectations.
pub const W: Severity = Severity::Warning;

/// The expectation "exactly one finding at `path` with `sev`" for [`of_rule`].
pub fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
    vec![(path.to_string(), sev)]
}

/// A mutated document back to text.
pub fn text(v: &Value) -> String {
    serde_json::to_string(v).unwrap()
}

/// Parses a JSON text into a `Value` to mutate.
pub fn doc(src: &str) -> Value {
    serde_json::from_str(src).unwrap()
}

/// Sets (or, with `None`, removes) the element at a JSON pointer and returns
/// the document as text. Example: `patch(PS, "/entry/0/resource/end", None)`.
pub fn patch(src: &str, pointer: &str, value: Option<Value>) -> String {
    let mut v = doc(src);
    set(&mut v, pointer, value);
    serde_json::to_string_pretty(&v).unwrap()
}

/// Same as [`patch`] on a `Value`.
pub fn set(v: &mut Value, pointer: &str, value: Option<Value>) {
    match value {
        Some(new) => {
            if let Some(slot) = v.pointer_mut(pointer) {
                *slot = new;
            } else {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                let p = v.pointer_mut(parent).unwrap_or_else(|| panic!("no parent {parent}"));
                p.as_object_mut().unwrap().insert(key.to_string(), new);
            }
        }
        None => {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            let p = v.pointer_mut(parent).unwrap_or_else(|| panic!("no parent {parent}"));
            match p {
                Value::Object(m) => {
                    m.remove(key);
                }
                Value::Array(a) => {
                    a.remove(key.parse::<usize>().unwrap());
                }
                _ => panic!("cannot remove {pointer}"),
            }
        }
    }
}

#[test]
fn valid_examples_are_clean() {
    for (src, uc) in
        [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)]
    {
        let bad: Vec<_> =
            run(src, Some(uc)).into_iter().filter(|f| f.2 >= Severity::Warning).collect();
        assert!(bad.is_empty(), "{uc:?}: {bad:?}");
    }
}
