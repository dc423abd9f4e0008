//! Test helpers for the rules: run the validator on a document and
//! mutate the project's valid examples with JSON pointers.

use serde_json::Value;

use super::{Options, UseCase, validate};
use crate::finding::{RuleMeta, Severity};

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

/// `[(prefix.path, sev)]`: one finding at a path under `prefix`.
pub fn under(prefix: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
    vec![(format!("{prefix}.{path}"), sev)]
}

/// What a row expects of its rule: exactly these findings, or only how many.
#[derive(Debug)]
pub enum Expect {
    /// Exactly these (FHIRPath, severity) findings, in order.
    Findings(Vec<(String, Severity)>),
    /// Just this number of findings.
    Count(usize),
}

/// One row of a rule's table test: `base` with `patches` applied (each sets,
/// or with `None` removes, the element at a JSON pointer), validated in
/// `use_case`, must give `expect` for the table's rule (or `rule`).
#[derive(Debug)]
pub struct Case {
    /// The document text the patches apply to.
    pub base: String,
    /// (JSON pointer, new value or `None` to remove), applied in order.
    pub patches: Vec<(String, Option<Value>)>,
    /// The use case to validate in (`None`: from the document).
    pub use_case: Option<UseCase>,
    /// Another rule than the table's, for rows that check a neighbour.
    pub rule: Option<&'static str>,
    /// The expected findings of the rule.
    pub expect: Expect,
}

/// A row: `base` with `value` set at `pointer` (`None` removes; an empty
/// pointer leaves `base` as it is) must give exactly `expect`.
pub fn case(
    base: &str,
    pointer: &str,
    value: Option<Value>,
    expect: Vec<(String, Severity)>,
) -> Case {
    let patches = if pointer.is_empty() { vec![] } else { vec![(pointer.to_string(), value)] };
    Case {
        base: base.to_string(),
        patches,
        use_case: None,
        rule: None,
        expect: Expect::Findings(expect),
    }
}

/// A row that checks only the number of findings.
pub fn count(base: &str, pointer: &str, value: Option<Value>, n: usize) -> Case {
    Case { expect: Expect::Count(n), ..case(base, pointer, value, vec![]) }
}

impl Case {
    /// One more patch, applied after the others.
    pub fn then(mut self, pointer: &str, value: Option<Value>) -> Self {
        self.patches.push((pointer.to_string(), value));
        self
    }

    /// Validates in this use case.
    pub fn uc(mut self, uc: UseCase) -> Self {
        self.use_case = Some(uc);
        self
    }

    /// Checks this rule instead of the table's.
    pub fn rule(mut self, rule: &'static str) -> Self {
        self.rule = Some(rule);
        self
    }
}

/// Runs every row of a table on `rule` and names the row that fails.
pub fn assert_cases(rule: &str, cases: &[Case]) {
    for (i, c) in cases.iter().enumerate() {
        let src = if c.patches.is_empty() {
            c.base.clone()
        } else {
            let mut v = doc(&c.base);
            for (pointer, value) in &c.patches {
                set(&mut v, pointer, value.clone());
            }
            serde_json::to_string_pretty(&v).unwrap()
        };
        let rule = c.rule.unwrap_or(rule);
        let got = of_rule(&src, c.use_case, rule);
        let row = format!("row {i}: {rule} on {:?} in {:?}", c.patches, c.use_case);
        match &c.expect {
            Expect::Findings(want) => assert_eq!(&got, want, "{row}"),
            Expect::Count(n) => assert_eq!(got.len(), *n, "{row}: {got:?}"),
        }
    }
}

/// Every finding of a folder's `rules` (the folders' "valid examples are clean" tests).
pub fn of_rules(src: &str, rules: &[&RuleMeta]) -> Vec<(String, String, Severity)> {
    run(src, None).into_iter().filter(|f| rules.iter().any(|r| r.id == f.0)).collect()
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

/// Declares one table test: `rule_table! { fn name("RULE-ID") { setup } rows }`
/// is a `#[test] fn name` that runs the setup, then [`assert_cases`] on the rows.
macro_rules! rule_table {
    (fn $test:ident($rule:expr) { $($setup:tt)* } $rows:expr) => {
        #[test]
        fn $test() {
            $($setup)*
            $crate::rules::testutil::assert_cases($rule, &$rows);
        }
    };
}
pub(crate) use rule_table;
