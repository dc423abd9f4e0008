//! A StructureDefinition (JSON) into a [`StructureTable`].

use std::borrow::Cow;

use serde_json::Value;

use super::error::{LoadError, LoadErrorKind};
use super::json::{array_of, bool_of, canonical, expect_resource, parse, str_of, text, text_of};
use crate::conformance::table::{
    Binding, Constraint, ConstraintSeverity, Discriminator, DiscriminatorKind, ElementTable,
    FixedMode, FixedValue, Max, Slicing, SlicingRules, Strength, StructureKind, StructureTable,
    TypeRef,
};

/// Reads one StructureDefinition; its snapshot is required.
///
/// ```
/// use fr_fhir_core::conformance::load::structure_from_json;
/// use fr_fhir_core::conformance::table::Max;
/// let sd = r#"{"resourceType":"StructureDefinition","url":"http://x/S","name":"S","type":"Slot",
///   "kind":"resource","abstract":false,"derivation":"constraint",
///   "snapshot":{"element":[{"id":"Slot","path":"Slot","min":0,"max":"*"},
///     {"id":"Slot.status","path":"Slot.status","min":1,"max":"1","base":{"path":"Slot.status","min":1,"max":"1"},
///      "fixedCode":"free"}]}}"#;
/// let t = structure_from_json(sd).unwrap();
/// assert!(t.is_profile);
/// let status = &t.elements[1];
/// assert_eq!(status.max, Max::One);
/// assert_eq!(status.fixed.as_ref().unwrap().json, "\"free\"");
/// ```
pub fn structure_from_json(text: &str) -> Result<StructureTable, LoadError> {
    structure_from_value(&parse(text)?)
}

/// Reads every StructureDefinition of a Bundle (`profiles-types.json`),
/// in entry order; other resources are skipped.
pub fn structures_from_bundle(text: &str) -> Result<Vec<StructureTable>, LoadError> {
    let v = parse(text)?;
    expect_resource(&v, "Bundle")?;
    let mut out = Vec::new();
    for (i, entry) in array_of(&v, "entry").iter().enumerate() {
        let Some(r) = entry.get("resource") else { continue };
        if str_of(r, "resourceType") == "StructureDefinition" {
            out.push(structure_from_value(r).map_err(|e| {
                let what = format!("entry[{i}] ({})", str_of(r, "url"));
                prefix_field(e, &what)
            })?);
        }
    }
    Ok(out)
}

/// Names the Bundle entry in the error (the file is set by the caller).
fn prefix_field(mut e: LoadError, what: &str) -> LoadError {
    e.file = format!("{} {what}", e.file);
    e
}

/// Reads one StructureDefinition already parsed.
pub(crate) fn structure_from_value(v: &Value) -> Result<StructureTable, LoadError> {
    expect_resource(v, "StructureDefinition")?;
    let url = str_of(v, "url");
    if url.is_empty() {
        return Err(field("url", "a string"));
    }
    let kind = match str_of(v, "kind") {
        "primitive-type" => StructureKind::PrimitiveType,
        "complex-type" => StructureKind::ComplexType,
        "resource" => StructureKind::Resource,
        "logical" => StructureKind::Logical,
        other => return Err(bad("kind", other)),
    };
    let Some(snapshot) = v.get("snapshot").and_then(|s| s.get("element")).and_then(Value::as_array)
    else {
        return Err(LoadError::input(LoadErrorKind::NoSnapshot));
    };
    let mut elements = Vec::with_capacity(snapshot.len());
    for (i, e) in snapshot.iter().enumerate() {
        elements.push(element(e, i)?);
    }
    Ok(StructureTable {
        url: text(url),
        version: text_of(v, "version"),
        name: text_of(v, "name"),
        type_name: text_of(v, "type"),
        kind,
        base: text_of(v, "baseDefinition"),
        is_profile: str_of(v, "derivation") == "constraint",
        is_abstract: bool_of(v, "abstract"),
        elements: Cow::Owned(elements),
    })
}

fn field(field: &str, expected: &'static str) -> LoadError {
    LoadError::input(LoadErrorKind::Field { field: field.to_owned(), expected })
}

fn bad(field: &str, value: &str) -> LoadError {
    LoadError::input(LoadErrorKind::BadValue { field: field.to_owned(), value: value.to_owned() })
}

/// Parses a `max` (`*`, `0`, `1`, `n`).
pub(crate) fn parse_max(s: &str) -> Option<Max> {
    match s {
        "*" => Some(Max::Many),
        "0" => Some(Max::Zero),
        "1" => Some(Max::One),
        n => n.parse::<u32>().ok().map(Max::N),
    }
}

fn element(e: &Value, i: usize) -> Result<ElementTable, LoadError> {
    let at = |name: &str| format!("snapshot.element[{i}].{name}");
    let path = str_of(e, "path");
    if path.is_empty() {
        return Err(field(&at("path"), "a string"));
    }
    let min = match e.get("min") {
        None => 0,
        Some(m) => m
            .as_u64()
            .and_then(|m| u32::try_from(m).ok())
            .ok_or_else(|| field(&at("min"), "an unsigned integer"))?,
    };
    let max = match e.get("max").and_then(Value::as_str) {
        None => Max::Many,
        Some(m) => parse_max(m).ok_or_else(|| bad(&at("max"), m))?,
    };
    let base_many = match e.get("base").and_then(|b| b.get("max")).and_then(Value::as_str) {
        Some(m) => !matches!(m, "0" | "1"),
        // No base (a root element): the element's own max decides.
        None => max.is_many(),
    };
    let mut types = Vec::new();
    for t in array_of(e, "type") {
        types.push(TypeRef {
            code: text_of(t, "code"),
            profiles: Cow::Owned(strings(array_of(t, "profile"))),
            target_profiles: Cow::Owned(strings(array_of(t, "targetProfile"))),
        });
    }
    let mut fixed = None;
    if let Some(obj) = e.as_object() {
        // Snapshot order of keys is irrelevant: at most one fixed[x]/pattern[x] is allowed.
        let mut keys: Vec<&String> = obj.keys().collect();
        keys.sort();
        for k in keys {
            let (mode, suffix) = if let Some(s) = k.strip_prefix("fixed") {
                (FixedMode::Fixed, s)
            } else if let Some(s) = k.strip_prefix("pattern") {
                (FixedMode::Pattern, s)
            } else {
                continue;
            };
            if suffix.is_empty() || !suffix.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
            if let Some(value) = obj.get(k.as_str()) {
                fixed = Some(FixedValue {
                    mode,
                    type_name: text(suffix),
                    json: Cow::Owned(canonical(value)),
                });
                break;
            }
        }
    }
    let binding = match e.get("binding") {
        None => None,
        Some(b) => {
            let strength = match str_of(b, "strength") {
                "required" => Strength::Required,
                "extensible" => Strength::Extensible,
                "preferred" => Strength::Preferred,
                "example" => Strength::Example,
                other => return Err(bad(&at("binding.strength"), other)),
            };
            let vs = str_of(b, "valueSet");
            let vs = vs.split('|').next().unwrap_or(vs);
            Some(Binding { strength, value_set: text(vs) })
        }
    };
    let slicing = match e.get("slicing") {
        None => None,
        Some(s) => {
            let mut discriminators = Vec::new();
            for (j, d) in array_of(s, "discriminator").iter().enumerate() {
                let kind = match str_of(d, "type") {
                    "value" => DiscriminatorKind::Value,
                    "pattern" => DiscriminatorKind::Pattern,
                    "type" => DiscriminatorKind::Type,
                    "profile" => DiscriminatorKind::Profile,
                    "exists" => DiscriminatorKind::Exists,
                    other => {
                        return Err(bad(&at(&format!("slicing.discriminator[{j}].type")), other));
                    }
                };
                discriminators.push(Discriminator { kind, path: text_of(d, "path") });
            }
            let rules = match str_of(s, "rules") {
                "closed" => SlicingRules::Closed,
                "open" => SlicingRules::Open,
                "openAtEnd" => SlicingRules::OpenAtEnd,
                other => return Err(bad(&at("slicing.rules"), other)),
            };
            Some(Slicing {
                discriminators: Cow::Owned(discriminators),
                rules,
                ordered: bool_of(s, "ordered"),
            })
        }
    };
    let mut constraints = Vec::new();
    for (j, c) in array_of(e, "constraint").iter().enumerate() {
        let severity = match str_of(c, "severity") {
            "error" => ConstraintSeverity::Error,
            "warning" => ConstraintSeverity::Warning,
            other => return Err(bad(&at(&format!("constraint[{j}].severity")), other)),
        };
        constraints.push(Constraint {
            key: text_of(c, "key"),
            severity,
            human: text_of(c, "human"),
            expression: text_of(c, "expression"),
            source: text_of(c, "source"),
        });
    }
    let max_length = match e.get("maxLength") {
        None => 0,
        Some(m) => m
            .as_u64()
            .and_then(|m| u32::try_from(m).ok())
            .ok_or_else(|| field(&at("maxLength"), "an unsigned integer"))?,
    };
    Ok(ElementTable {
        id: text(match str_of(e, "id") {
            "" => path,
            id => id,
        }),
        path: text(path),
        slice_name: text_of(e, "sliceName"),
        min,
        max,
        base_many,
        types: Cow::Owned(types),
        content_reference: text_of(e, "contentReference"),
        fixed,
        binding,
        slicing,
        constraints: Cow::Owned(constraints),
        must_support: bool_of(e, "mustSupport"),
        max_length,
    })
}

fn strings(values: &[Value]) -> Vec<crate::conformance::table::Text> {
    values.iter().filter_map(Value::as_str).map(text).collect()
}
