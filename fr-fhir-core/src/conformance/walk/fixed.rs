//! `fixed[x]` (exact equality) and `pattern[x]` (containment) values.
//!
//! A fixed value must equal the element's value exactly (deep equality, array
//! order included); a pattern value must be contained in it: every key of the
//! pattern is present with a matching value, recursively, and every item of a
//! pattern array is matched by at least one item of the value's array.
//! Strings compare exactly (FHIR codes and URIs are case sensitive).
//!
//! A string fixed value against a string (the common case: `fixedUri` on an
//! extension's `url`, `patternUri` on a `system`) is compared with the pull
//! reader, without building a tree; everything else goes through
//! `serde_json` (values are small and only elements with a fixed or pattern
//! value are checked).

use serde_json::Value;

use crate::conformance::table::{FixedMode, FixedValue};
use crate::json::{Kind, Reader};

/// Why a value does not match a fixed or pattern value: short human forms
/// of both sides, for messages.
///
/// ```
/// use std::borrow::Cow;
/// use fr_fhir_core::conformance::table::{FixedMode, FixedValue};
/// use fr_fhir_core::conformance::walk::fixed::{Mismatch, check_fixed};
/// let rpps = FixedValue {
///     mode: FixedMode::Fixed,
///     type_name: Cow::Borrowed("uri"),
///     json: Cow::Borrowed(r#""urn:oid:1.2.250.1.71.4.2.1""#),
/// };
/// let err = check_fixed(&rpps, r#""urn:oid:1.2.250.1.71.4.2.2""#).unwrap_err();
/// assert_eq!(err, Mismatch {
///     expected: "urn:oid:1.2.250.1.71.4.2.1".into(),
///     actual: "urn:oid:1.2.250.1.71.4.2.2".into(),
/// });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// What the definition requires (`urn:oid:1.2.250.1.71.4.2.1`,
    /// `http://interopsante.org/fhir/CodeSystem/fr-v2-0203|IDNPS`).
    pub expected: String,
    /// What the value holds, in the same form.
    pub actual: String,
}

/// Checks `value_json` (the raw JSON text of an element's value) against a
/// fixed (exact) or pattern (containment) value. Invalid JSON on either side
/// is a mismatch, never a panic.
///
/// ```
/// use std::borrow::Cow;
/// use fr_fhir_core::conformance::table::{FixedMode, FixedValue};
/// use fr_fhir_core::conformance::walk::fixed::check_fixed;
/// let idnps = FixedValue {
///     mode: FixedMode::Pattern,
///     type_name: Cow::Borrowed("CodeableConcept"),
///     json: Cow::Borrowed(r#"{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]}"#),
/// };
/// let value = r#"{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS","display":"Identifiant National de Professionnel de Santé"}]}"#;
/// assert!(check_fixed(&idnps, value).is_ok());
/// let err = check_fixed(&idnps, r#"{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"RPPS"}]}"#).unwrap_err();
/// assert_eq!(err.actual, "http://interopsante.org/fhir/CodeSystem/fr-v2-0203|RPPS");
/// ```
pub fn check_fixed(fixed: &FixedValue, value_json: &str) -> Result<(), Mismatch> {
    // The common case: the value is written as the definition writes it.
    if value_json == fixed.json && plain_string(value_json).is_some() {
        return Ok(());
    }
    if let Some(same) = compare_strings(&fixed.json, value_json) {
        return if same { Ok(()) } else { Err(mismatch_of_texts(&fixed.json, value_json)) };
    }
    let Ok(expected) = serde_json::from_str::<Value>(&fixed.json) else {
        return Err(Mismatch { expected: abbreviate(&fixed.json), actual: abbreviate(value_json) });
    };
    let Ok(actual) = serde_json::from_str::<Value>(value_json) else {
        return Err(Mismatch {
            expected: short_form(&expected),
            actual: format!("JSON invalide / invalid JSON: {}", abbreviate(value_json)),
        });
    };
    let ok = match fixed.mode {
        FixedMode::Fixed => equals(&expected, &actual),
        FixedMode::Pattern => contains(&expected, &actual),
    };
    if ok {
        Ok(())
    } else {
        Err(Mismatch { expected: short_form(&expected), actual: short_form(&actual) })
    }
}

/// Whether two JSON texts that are both strings hold the same string
/// (escapes decoded); `None` when either is not a JSON string.
fn compare_strings(expected: &str, actual: &str) -> Option<bool> {
    if let (Some(a), Some(b)) = (plain_string(expected), plain_string(actual)) {
        return Some(a == b);
    }
    let (a, b) = (read_string(expected)?, read_string(actual)?);
    Some(a.as_str() == b.as_str())
}

/// The text of a JSON text that is exactly one string without escapes or
/// control characters (its text is then its decoded value): the common
/// case, compared without a reader. `None` otherwise (escapes, surrounding
/// whitespace, not a string): use [`read_string`].
#[inline]
pub(crate) fn plain_string(json: &str) -> Option<&str> {
    let inner = json.strip_prefix('"')?.strip_suffix('"')?;
    // No early exit: the loop vectorises, and strings are short.
    let special = inner.bytes().fold(false, |acc, b| acc | (b == b'\\') | (b == b'"') | (b < 0x20));
    (!special).then_some(inner)
}

/// Whether the JSON text `json` is a string whose decoded value is `want`.
#[inline]
pub(crate) fn string_is(json: &str, want: &str) -> bool {
    match plain_string(json) {
        Some(s) => s == want,
        None => read_string(json).is_some_and(|s| s.as_str() == want),
    }
}

/// The decoded string of a JSON text holding exactly one string.
pub(crate) fn read_string(json: &str) -> Option<crate::json::Str<'_>> {
    let mut r = Reader::new(json);
    if r.peek().ok()? != Kind::String {
        return None;
    }
    let (s, _) = r.string().ok()?;
    r.finish().ok()?;
    Some(s)
}

fn mismatch_of_texts(expected: &str, actual: &str) -> Mismatch {
    let form = |t: &str| read_string(t).map_or_else(|| abbreviate(t), |s| abbreviate(&s));
    Mismatch { expected: form(expected), actual: form(actual) }
}

/// Exact equality. Numbers compare by value (`1.0` equals `1`); object key
/// order does not matter, array order does.
pub(crate) fn equals(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Number(a), Value::Number(b)) => numbers_equal(a, b),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| equals(x, y))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, x)| b.get(k).is_some_and(|y| equals(x, y)))
        }
        _ => expected == actual,
    }
}

/// Containment: every part of `pattern` is in `actual`. A pattern array
/// against a single value (or the reverse) is read leniently: each pattern
/// item must match the single value (resp. any item of the array).
pub(crate) fn contains(pattern: &Value, actual: &Value) -> bool {
    match (pattern, actual) {
        (Value::Object(p), Value::Object(a)) => {
            p.iter().all(|(k, pv)| a.get(k).is_some_and(|av| contains(pv, av)))
        }
        (Value::Array(p), Value::Array(a)) => {
            p.iter().all(|pv| a.iter().any(|av| contains(pv, av)))
        }
        (Value::Array(p), single) => p.iter().all(|pv| contains(pv, single)),
        (single, Value::Array(a)) => a.iter().any(|av| contains(single, av)),
        (Value::Number(a), Value::Number(b)) => numbers_equal(a, b),
        _ => pattern == actual,
    }
}

fn numbers_equal(a: &serde_json::Number, b: &serde_json::Number) -> bool {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (a.as_u64(), b.as_u64()) {
        return x == y;
    }
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Longest human form kept in a message.
const MAX_FORM: usize = 160;

/// A short human form of a value for messages: a string as itself, a Coding
/// as `system|code`, a CodeableConcept as its codings (`, `-separated) or its
/// text, an Identifier as `system|value`, anything else as compact JSON;
/// cut at 160 characters.
pub(crate) fn short_form(v: &Value) -> String {
    abbreviate(&form(v))
}

fn form(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(form).collect::<Vec<_>>().join(", "),
        Value::Object(o) => {
            let text = |k: &str| o.get(k).and_then(Value::as_str);
            if let Some(Value::Array(codings)) = o.get("coding")
                && o.keys().all(|k| k == "coding" || k == "text")
                && codings.iter().all(|c| c.get("code").is_some_and(Value::is_string))
            {
                let mut s = codings.iter().map(form).collect::<Vec<_>>().join(", ");
                if let Some(t) = text("text") {
                    s = if s.is_empty() { format!("\"{t}\"") } else { format!("{s} \"{t}\"") };
                }
                return s;
            }
            if o.keys().all(|k| {
                matches!(k.as_str(), "system" | "code" | "display" | "version" | "value" | "unit")
            }) && let Some(right) = text("code").or_else(|| text("value"))
            {
                return match text("system") {
                    Some(sys) => format!("{sys}|{right}"),
                    None => right.to_string(),
                };
            }
            v.to_string()
        }
        _ => v.to_string(),
    }
}

/// `s` cut at [`MAX_FORM`] characters (on a character boundary) with `…`.
pub(crate) fn abbreviate(s: &str) -> String {
    match s.char_indices().nth(MAX_FORM) {
        Some((at, _)) => format!("{}…", s.get(..at).unwrap_or(s)),
        None => s.to_string(),
    }
}

#[cfg(test)]
#[path = "fixed_tests.rs"]
mod tests;
