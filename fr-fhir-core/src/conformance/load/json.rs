//! Small helpers over `serde_json::Value` shared by the loaders.

use std::borrow::Cow;

use serde_json::Value;

use super::error::{LoadError, LoadErrorKind};
use crate::conformance::table::Text;

/// Parses text as JSON, naming the input on failure.
pub(crate) fn parse(text: &str) -> Result<Value, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError::input(LoadErrorKind::Json(e.to_string())))
}

/// Checks `resourceType`.
pub(crate) fn expect_resource(v: &Value, expected: &'static str) -> Result<(), LoadError> {
    let found = str_of(v, "resourceType");
    if found == expected {
        Ok(())
    } else {
        Err(LoadError::input(LoadErrorKind::WrongResource { expected, found: found.to_owned() }))
    }
}

/// A string member, empty when absent or not a string.
pub(crate) fn str_of<'v>(v: &'v Value, key: &str) -> &'v str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// An owned table string.
pub(crate) fn text(s: &str) -> Text {
    Cow::Owned(s.to_owned())
}

/// A string member as a table string.
pub(crate) fn text_of(v: &Value, key: &str) -> Text {
    text(str_of(v, key))
}

/// An array member, empty when absent or not an array.
pub(crate) fn array_of<'v>(v: &'v Value, key: &str) -> &'v [Value] {
    v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

/// A boolean member, false when absent.
pub(crate) fn bool_of(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// Compact JSON with object keys sorted, whatever the map type serde_json
/// was built with: the generated tables must not depend on a feature flag.
pub(crate) fn canonical(v: &Value) -> String {
    let mut out = String::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}
