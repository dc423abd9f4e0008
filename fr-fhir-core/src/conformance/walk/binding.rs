//! Terminology bindings: is a coded value in the bound value set?
//!
//! Comparison is exact (codes are case sensitive, no normalisation). What is
//! read from each type:
//! - `code`, `string`, `uri` (and the other string primitives): the string,
//!   matched against the codes of every system of the value set;
//! - `Coding` and `Quantity`: `system` + `code`; a coding without `system`
//!   matches only when the value set has a single system;
//! - `CodeableConcept`: in the value set when at least one of its codings is
//!   (FHIR R4, required binding: "at least one coding from the value set";
//!   the other codings are translations).
//!
//! Values are read with the pull reader (no tree), so the frequent case, a
//! bare `code` with a required binding (`Slot.status`), costs one string
//! read and two hash look-ups.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::conformance::Definitions;
use crate::conformance::table::{Binding, ValueSetTable};
use crate::json::{Kind, Reader};

/// The result of checking a coded value against a binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindingOutcome {
    /// The value (or one of its codings) is in the value set.
    InValueSet,
    /// The value is not in the value set.
    NotInValueSet {
        /// The value as written: `code` for a primitive, `system|code` for a
        /// Coding or Quantity (`code` alone without system), the codings of a
        /// CodeableConcept separated by `, `.
        actual: String,
        /// The value set URL.
        value_set: String,
        /// The first codes of the value set (at most [`EXPECTED_SHOWN`], in
        /// definition order; `code` when the value set has one system,
        /// `system|code` otherwise), then `…` when there are more.
        expected: Vec<String>,
    },
    /// Cannot be decided: no value set named, value set unknown or
    /// incomplete (`complete = false`) and the code not found, no code
    /// present (a CodeableConcept with text only, a Coding without code),
    /// a value of another JSON shape (reported by the shape checks), or a
    /// type that carries no code.
    Undecidable,
}

/// How many codes of the value set [`BindingOutcome::NotInValueSet`] lists.
pub const EXPECTED_SHOWN: usize = 8;

/// Value-set look-ups over a set of definitions, with a per-value-set index
/// built on first use (thread-safe, lock-free once built). Owns what it
/// needs (no lifetime: it can live next to the definitions in a validator).
///
/// ```
/// use std::borrow::Cow;
/// use fr_fhir_core::conformance::Definitions;
/// use fr_fhir_core::conformance::table::*;
/// use fr_fhir_core::conformance::walk::binding::{BindingOutcome, Terminology};
/// let mut defs = Definitions::new();
/// defs.add_value_set(ValueSetTable {
///     url: Cow::Borrowed("http://hl7.org/fhir/ValueSet/slotstatus"),
///     version: Cow::Borrowed("4.0.1"),
///     name: Cow::Borrowed("SlotStatus"),
///     codes: Cow::Owned(["busy", "free"].map(|c| Concept {
///         system: Cow::Borrowed("http://hl7.org/fhir/slotstatus"),
///         code: Cow::Borrowed(c),
///         display: Cow::Borrowed(""),
///     }).to_vec()),
///     complete: true,
/// });
/// let terms = Terminology::new(&defs);
/// let b = Binding { strength: Strength::Required, value_set: Cow::Borrowed("http://hl7.org/fhir/ValueSet/slotstatus") };
/// assert_eq!(terms.check(&b, "code", r#""free""#), BindingOutcome::InValueSet);
/// assert!(matches!(terms.check(&b, "code", r#""Free""#), BindingOutcome::NotInValueSet { .. }));
/// ```
#[derive(Debug)]
pub struct Terminology {
    value_sets: Vec<ValueSetTable>,
    by_url: HashMap<String, usize>,
    index: Vec<OnceLock<VsIndex>>,
}

/// The look-up index of one value set.
#[derive(Debug)]
struct VsIndex {
    /// Code → positions in `ValueSetTable::codes` (one per system holding it).
    by_code: HashMap<Box<str>, Vec<usize>>,
    /// The only system of the value set, when it has exactly one.
    single_system: Option<Box<str>>,
}

impl VsIndex {
    fn build(vs: &ValueSetTable) -> Self {
        let mut by_code: HashMap<Box<str>, Vec<usize>> = HashMap::with_capacity(vs.codes.len());
        let mut single_system: Option<&str> = None;
        let mut many = false;
        for (i, c) in vs.codes.iter().enumerate() {
            by_code.entry(Box::from(&*c.code)).or_default().push(i);
            match single_system {
                None => single_system = Some(&c.system),
                Some(s) if s != c.system => many = true,
                Some(_) => {}
            }
        }
        let single_system = if many { None } else { single_system.map(Box::from) };
        VsIndex { by_code, single_system }
    }
}

/// One coded value read from the JSON.
#[derive(Debug, Default)]
struct Coded {
    system: Option<String>,
    code: Option<String>,
}

impl Terminology {
    /// Look-ups over the value sets of `defs` (copied: the built-in ones
    /// borrow statics, so this is cheap).
    pub fn new(defs: &Definitions) -> Self {
        let value_sets = defs.value_sets().to_vec();
        let by_url = value_sets.iter().enumerate().map(|(i, v)| (v.url.to_string(), i)).collect();
        let index = value_sets.iter().map(|_| OnceLock::new()).collect();
        Terminology { value_sets, by_url, index }
    }

    /// Checks `value_json` (the raw JSON of one value of type `type_code`:
    /// `"free"`, `{"system":…,"code":…}`, `{"coding":[…]}`) against
    /// `binding`, whatever its strength (the caller decides what a miss
    /// means).
    pub fn check(&self, binding: &Binding, type_code: &str, value_json: &str) -> BindingOutcome {
        let url = binding.value_set.split('|').next().unwrap_or(&binding.value_set);
        if url.is_empty() {
            return BindingOutcome::Undecidable;
        }
        let Some(&at) = self.by_url.get(url) else {
            return BindingOutcome::Undecidable;
        };
        let (Some(vs), Some(cell)) = (self.value_sets.get(at), self.index.get(at)) else {
            return BindingOutcome::Undecidable;
        };
        let index = cell.get_or_init(|| VsIndex::build(vs));
        match type_code {
            "Coding" | "Quantity" => {
                let Some(c) = read_coded(value_json) else {
                    return BindingOutcome::Undecidable;
                };
                judge(vs, index, &[c])
            }
            "CodeableConcept" => {
                let Some(codings) = read_codeable_concept(value_json) else {
                    return BindingOutcome::Undecidable;
                };
                judge(vs, index, &codings)
            }
            "code" | "string" | "uri" | "url" | "canonical" | "id" | "oid" | "uuid"
            | "markdown" => {
                let Some(code) = super::fixed::read_string(value_json) else {
                    return BindingOutcome::Undecidable;
                };
                if index.by_code.contains_key(code.as_str()) {
                    return BindingOutcome::InValueSet;
                }
                if !vs.complete {
                    return BindingOutcome::Undecidable;
                }
                not_in(vs, index, code.as_str().to_string())
            }
            _ => BindingOutcome::Undecidable,
        }
    }
}

/// [`Terminology::check`] without a cache kept between calls (indexes the
/// value sets for this one call: prefer a [`Terminology`] in loops).
pub fn check_binding(
    defs: &Definitions,
    binding: &Binding,
    type_code: &str,
    value_json: &str,
) -> BindingOutcome {
    Terminology::new(defs).check(binding, type_code, value_json)
}

/// The outcome for codings read from a Coding, Quantity or CodeableConcept.
fn judge(vs: &ValueSetTable, index: &VsIndex, codings: &[Coded]) -> BindingOutcome {
    let mut any_code = false;
    for c in codings {
        let Some(code) = c.code.as_deref() else { continue };
        any_code = true;
        if holds(vs, index, c.system.as_deref(), code) {
            return BindingOutcome::InValueSet;
        }
    }
    if !any_code || !vs.complete {
        return BindingOutcome::Undecidable;
    }
    let actual = codings
        .iter()
        .filter_map(|c| {
            let code = c.code.as_deref()?;
            Some(match c.system.as_deref() {
                Some(s) => format!("{s}|{code}"),
                None => code.to_string(),
            })
        })
        .collect::<Vec<_>>()
        .join(", ");
    not_in(vs, index, actual)
}

/// Whether (system, code) is in the value set; a missing system matches
/// only a value set of one system.
fn holds(vs: &ValueSetTable, index: &VsIndex, system: Option<&str>, code: &str) -> bool {
    let Some(positions) = index.by_code.get(code) else {
        return false;
    };
    match system {
        Some(s) => positions.iter().any(|&i| vs.codes.get(i).is_some_and(|c| c.system == s)),
        None => index.single_system.is_some(),
    }
}

fn not_in(vs: &ValueSetTable, index: &VsIndex, actual: String) -> BindingOutcome {
    let mut expected: Vec<String> = vs
        .codes
        .iter()
        .take(EXPECTED_SHOWN)
        .map(|c| {
            if index.single_system.is_some() {
                c.code.to_string()
            } else {
                format!("{}|{}", c.system, c.code)
            }
        })
        .collect();
    if vs.codes.len() > EXPECTED_SHOWN {
        expected.push("…".to_string());
    }
    BindingOutcome::NotInValueSet { actual, value_set: vs.url.to_string(), expected }
}

/// `system` and `code` of a Coding or Quantity object; `None` when the
/// value is not a well-formed object (the shape checks report it).
fn read_coded(json: &str) -> Option<Coded> {
    let mut r = Reader::new(json);
    let c = read_coded_at(&mut r)?;
    r.finish().ok()?;
    Some(c)
}

fn read_coded_at(r: &mut Reader<'_>) -> Option<Coded> {
    let mut obj = r.object().ok()?;
    let mut c = Coded::default();
    while let Some((key, _)) = r.next_key(&mut obj).ok()? {
        match key.as_str() {
            "system" | "code" if r.peek().ok()? == Kind::String => {
                let s = r.string().ok()?.0.as_str().to_string();
                if key.as_str() == "system" {
                    c.system = Some(s);
                } else {
                    c.code = Some(s);
                }
            }
            _ => {
                r.skip_value().ok()?;
            }
        }
    }
    Some(c)
}

/// The codings of a CodeableConcept (none for a text-only one).
fn read_codeable_concept(json: &str) -> Option<Vec<Coded>> {
    let mut r = Reader::new(json);
    let mut obj = r.object().ok()?;
    let mut codings = Vec::new();
    while let Some((key, _)) = r.next_key(&mut obj).ok()? {
        if key.as_str() == "coding" && r.peek().ok()? == Kind::Array {
            let mut arr = r.array().ok()?;
            while r.next_item(&mut arr).ok()?.is_some() {
                if r.peek().ok()? == Kind::Object {
                    codings.push(read_coded_at(&mut r)?);
                } else {
                    r.skip_value().ok()?;
                }
            }
        } else {
            r.skip_value().ok()?;
        }
    }
    r.finish().ok()?;
    Some(codings)
}

#[cfg(test)]
#[path = "binding_tests.rs"]
mod tests;
