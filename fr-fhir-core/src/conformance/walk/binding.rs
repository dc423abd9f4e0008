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
//! Values are read with the pull reader (no tree) and borrowed from the
//! input, so the frequent case, a bare `code` with a required binding
//! (`Slot.status`), costs two binary searches over sorted tables (value set
//! URL, then code) and allocates nothing; a Coding or CodeableConcept in
//! the value set allocates nothing either. Only a miss builds its message.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::conformance::Definitions;
use crate::conformance::table::{Binding, ValueSetTable};
use crate::json::{Kind, Reader};

/// The result of checking a coded value against a binding.
///
/// ```
/// use std::borrow::Cow;
/// use fr_fhir_core::conformance::Definitions;
/// use fr_fhir_core::conformance::table::{Binding, Strength};
/// use fr_fhir_core::conformance::walk::binding::{BindingOutcome, Terminology};
/// let defs = Definitions::builtin();
/// let terms = Terminology::new(&defs);
/// let status = Binding {
///     strength: Strength::Required,
///     value_set: Cow::Borrowed("http://hl7.org/fhir/ValueSet/slotstatus"),
/// };
/// assert_eq!(terms.check(&status, "code", r#""free""#), BindingOutcome::InValueSet);
/// let BindingOutcome::NotInValueSet { actual, expected, .. } = terms.check(&status, "code", r#""open""#)
/// else { panic!() };
/// assert_eq!(actual, "open");
/// assert!(expected.iter().any(|c| c == "busy-tentative"));
/// // A CodeableConcept with text only carries no code.
/// assert_eq!(terms.check(&status, "CodeableConcept", r#"{"text":"libre"}"#), BindingOutcome::Undecidable);
/// ```
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
    /// Indices into `value_sets`, sorted by URL (binary search: no hashing
    /// of a long URL per value checked). A URL defined twice keeps the
    /// last definition, as a map filled in order would.
    by_url: Vec<usize>,
    index: Vec<OnceLock<VsIndex>>,
}

/// The look-up index of one value set.
#[derive(Debug)]
struct VsIndex {
    /// Positions in `ValueSetTable::codes`, sorted by code (equal codes of
    /// several systems side by side, in definition order).
    by_code: Box<[u32]>,
    /// The value set has exactly one system.
    single_system: bool,
}

impl VsIndex {
    fn build(vs: &ValueSetTable) -> Self {
        let mut by_code: Vec<u32> =
            (0..vs.codes.len()).map(|i| u32::try_from(i).unwrap_or(u32::MAX)).collect();
        by_code.sort_by(|&a, &b| code_at(vs, a).cmp(code_at(vs, b)));
        let mut single_system: Option<&str> = None;
        let mut many = false;
        for c in vs.codes.iter() {
            match single_system {
                None => single_system = Some(&c.system),
                Some(s) if s != c.system => many = true,
                Some(_) => {}
            }
        }
        VsIndex { by_code: by_code.into(), single_system: single_system.is_some() && !many }
    }

    /// The positions of `code` in the value set (empty when absent).
    fn positions(&self, vs: &ValueSetTable, code: &str) -> &[u32] {
        let first = self.by_code.partition_point(|&i| code_at(vs, i) < code);
        let rest = self.by_code.get(first..).unwrap_or_default();
        let n = rest.iter().take_while(|&&i| code_at(vs, i) == code).count();
        rest.get(..n).unwrap_or_default()
    }

    /// Whether `code` is in the value set: a short list scanned one code
    /// after the other (string equality tests the length first; a binary
    /// search of `memcmp` calls cost more than the rest of checking a
    /// `status`).
    fn has(&self, vs: &ValueSetTable, code: &str) -> bool {
        if vs.codes.len() <= SCANNED {
            return vs.codes.iter().any(|c| c.code == code);
        }
        !self.positions(vs, code).is_empty()
    }
}

/// Value sets of at most this many codes are scanned ([`VsIndex::has`]).
const SCANNED: usize = 16;

fn code_at(vs: &ValueSetTable, i: u32) -> &str {
    vs.codes.get(i as usize).map_or("", |c| &c.code)
}

/// One coded value read from the JSON (borrowed unless it holds escapes).
#[derive(Debug, Default)]
struct Coded<'a> {
    system: Option<Cow<'a, str>>,
    code: Option<Cow<'a, str>>,
}

impl Terminology {
    /// Look-ups over the value sets of `defs` (copied: the built-in ones
    /// borrow statics, so this is cheap).
    pub fn new(defs: &Definitions) -> Self {
        let value_sets = defs.value_sets().to_vec();
        let mut by_url: Vec<usize> = (0..value_sets.len()).collect();
        // Stable: of two equal URLs the later stays last; only it is kept.
        let url = |i: &usize| value_sets.get(*i).map_or("", |v| v.url.as_ref());
        by_url.sort_by(|a, b| url(a).cmp(url(b)));
        let mut kept: Vec<usize> = Vec::with_capacity(by_url.len());
        for i in by_url {
            match kept.last_mut() {
                Some(last) if url(last) == url(&i) => *last = i,
                _ => kept.push(i),
            }
        }
        let index = value_sets.iter().map(|_| OnceLock::new()).collect();
        let by_url = kept;
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
        let Ok(found) = self
            .by_url
            .binary_search_by(|&i| self.value_sets.get(i).map_or("", |v| v.url.as_ref()).cmp(url))
        else {
            return BindingOutcome::Undecidable;
        };
        let at = self.by_url.get(found).and_then(|&i| u32::try_from(i).ok());
        self.check_at(at, type_code, value_json)
    }

    /// [`Terminology::check`] with the value set given by its index in the
    /// definitions' `value_sets()` (from [`value_set_index`] over the same
    /// definitions), resolved once per element by the walker; `None` (an
    /// unknown value set): undecidable.
    pub(crate) fn check_at(
        &self,
        value_set: Option<u32>,
        type_code: &str,
        value_json: &str,
    ) -> BindingOutcome {
        let Some((vs, index)) = self.indexed(value_set) else {
            return BindingOutcome::Undecidable;
        };
        match type_code {
            "Coding" | "Quantity" => {
                let Some(c) = read_coded(value_json) else {
                    return BindingOutcome::Undecidable;
                };
                judge(vs, index, std::slice::from_ref(&c))
            }
            "CodeableConcept" => {
                // First without keeping the codings: only a miss needs them.
                let mut found = false;
                let mut any_code = false;
                let read = for_each_coding(value_json, |c| {
                    if let Some(code) = c.code.as_deref() {
                        any_code = true;
                        found = found || holds(vs, index, c.system.as_deref(), code);
                    }
                });
                if read.is_none() {
                    return BindingOutcome::Undecidable;
                }
                if found {
                    return BindingOutcome::InValueSet;
                }
                if !any_code || !vs.complete {
                    return BindingOutcome::Undecidable;
                }
                let Some(codings) = read_codeable_concept(value_json) else {
                    return BindingOutcome::Undecidable;
                };
                judge(vs, index, &codings)
            }
            "code" | "string" | "uri" | "url" | "canonical" | "id" | "oid" | "uuid"
            | "markdown" => {
                let code = match super::fixed::plain_string(value_json) {
                    Some(s) => Cow::Borrowed(s),
                    None => match super::fixed::read_string(value_json) {
                        Some(s) => s.into_cow(),
                        None => return BindingOutcome::Undecidable,
                    },
                };
                if !index.positions(vs, &code).is_empty() {
                    return BindingOutcome::InValueSet;
                }
                if !vs.complete {
                    return BindingOutcome::Undecidable;
                }
                not_in(vs, index, code.into_owned())
            }
            _ => BindingOutcome::Undecidable,
        }
    }

    /// Value set `value_set` with its code index (built on first use);
    /// `None` when unknown.
    fn indexed(&self, value_set: Option<u32>) -> Option<(&ValueSetTable, &VsIndex)> {
        let at = value_set? as usize;
        let (vs, cell) = (self.value_sets.get(at)?, self.index.get(at)?);
        Some((vs, cell.get_or_init(|| VsIndex::build(vs))))
    }

    /// True when `codings` (system, code), read by the walk as it went,
    /// settle the binding without a finding: one is in value set
    /// `value_set`, or none has a code, or the value set is not complete
    /// (what [`Terminology::check_at`] would say of them). The walk's fast
    /// path, which spares re-reading the value; `false` decides nothing:
    /// `check_at` then judges the value itself, and says why.
    pub(crate) fn settled<'c>(
        &self,
        value_set: Option<u32>,
        codings: impl Iterator<Item = (Option<&'c str>, &'c str)>,
    ) -> bool {
        let Some((vs, index)) = self.indexed(value_set) else { return true };
        let mut any_code = false;
        for (system, code) in codings {
            any_code = true;
            if holds(vs, index, system, code) {
                return true;
            }
        }
        !any_code || !vs.complete
    }

    /// True when the code of a string-typed value (`code`, `uri`...), read
    /// by the walk, settles the binding without a finding: it is in value
    /// set `value_set`, or the value set is not complete. The fast path of
    /// a bare code (`Slot.status`); `false` decides nothing.
    pub(crate) fn settled_code(&self, value_set: Option<u32>, code: &str) -> bool {
        let Some((vs, index)) = self.indexed(value_set) else { return true };
        !vs.complete || index.has(vs, code)
    }
}

/// The index in `defs.value_sets()` of the value set a binding names
/// (`|version` ignored), as [`Terminology::check_at`] takes it; `None` when
/// unknown or empty. The last of equal URLs, as [`Terminology::check`] reads.
pub(crate) fn value_set_index(defs: &Definitions, value_set: &str) -> Option<u32> {
    let url = value_set.split('|').next().unwrap_or(value_set);
    if url.is_empty() {
        return None;
    }
    let at = defs.value_sets().iter().rposition(|v| v.url == url)?;
    u32::try_from(at).ok()
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
fn judge(vs: &ValueSetTable, index: &VsIndex, codings: &[Coded<'_>]) -> BindingOutcome {
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
    let positions = index.positions(vs, code);
    if positions.is_empty() {
        return false;
    }
    match system {
        Some(s) => {
            positions.iter().any(|&i| vs.codes.get(i as usize).is_some_and(|c| c.system == s))
        }
        None => index.single_system,
    }
}

fn not_in(vs: &ValueSetTable, index: &VsIndex, actual: String) -> BindingOutcome {
    let mut expected: Vec<String> = vs
        .codes
        .iter()
        .take(EXPECTED_SHOWN)
        .map(|c| {
            if index.single_system {
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
fn read_coded(json: &str) -> Option<Coded<'_>> {
    let mut r = Reader::new(json);
    let c = read_coded_at(&mut r)?;
    r.finish().ok()?;
    Some(c)
}

fn read_coded_at<'a>(r: &mut Reader<'a>) -> Option<Coded<'a>> {
    let mut obj = r.object().ok()?;
    let mut c = Coded::default();
    while let Some((key, _)) = r.next_key(&mut obj).ok()? {
        match key.as_str() {
            "system" | "code" if r.peek().ok()? == Kind::String => {
                let s = r.string().ok()?.0.into_cow();
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
fn read_codeable_concept(json: &str) -> Option<Vec<Coded<'_>>> {
    let mut codings = Vec::new();
    for_each_coding(json, |c| codings.push(c))?;
    Some(codings)
}

/// Calls `f` on each coding of a CodeableConcept, in order; `None` when
/// the value is not a well-formed object (then the outcome is undecidable,
/// whatever `f` saw).
fn for_each_coding<'a>(json: &'a str, mut f: impl FnMut(Coded<'a>)) -> Option<()> {
    let mut r = Reader::new(json);
    let mut obj = r.object().ok()?;
    while let Some((key, _)) = r.next_key(&mut obj).ok()? {
        if key.as_str() == "coding" && r.peek().ok()? == Kind::Array {
            let mut arr = r.array().ok()?;
            while r.next_item(&mut arr).ok()?.is_some() {
                if r.peek().ok()? == Kind::Object {
                    f(read_coded_at(&mut r)?);
                } else {
                    r.skip_value().ok()?;
                }
            }
        } else {
            r.skip_value().ok()?;
        }
    }
    r.finish().ok()?;
    Some(())
}

#[cfg(test)]
#[path = "binding_tests.rs"]
mod tests;
