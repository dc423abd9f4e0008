//! Test-only reading of the official definitions into tables (a stand-in for
//! `conformance::load`, written on another branch): StructureDefinition
//! snapshots and ValueSets (enumerated concepts, or whole code systems found
//! in the same bundle).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::borrow::Cow;
use std::path::PathBuf;

use serde_json::Value;

use crate::conformance::Definitions;
use crate::conformance::table::*;

/// The spec folder (`SAS_SPEC_DIR`, default `<workspace>/../shared/spec`),
/// or `None` with a note when it is absent.
pub(crate) fn spec_dir(what: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("SAS_SPEC_DIR").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/spec"))
    });
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: {what} skipped: spec folder {} absent (set SAS_SPEC_DIR)", dir.display());
        None
    }
}

fn text(v: &Value, k: &str) -> Cow<'static, str> {
    Cow::Owned(v.get(k).and_then(Value::as_str).unwrap_or("").to_string())
}

fn max_of(s: &str) -> Max {
    match s {
        "0" => Max::Zero,
        "1" => Max::One,
        "*" => Max::Many,
        n => Max::N(n.parse().unwrap()),
    }
}

/// A StructureDefinition (JSON text) as a table.
pub(crate) fn structure(json: &str) -> StructureTable {
    let sd: Value = serde_json::from_str(json).unwrap();
    let elements =
        sd["snapshot"]["element"].as_array().unwrap().iter().map(element).collect::<Vec<_>>();
    StructureTable {
        url: text(&sd, "url"),
        version: text(&sd, "version"),
        name: text(&sd, "name"),
        type_name: text(&sd, "type"),
        kind: match sd["kind"].as_str().unwrap() {
            "primitive-type" => StructureKind::PrimitiveType,
            "complex-type" => StructureKind::ComplexType,
            "resource" => StructureKind::Resource,
            _ => StructureKind::Logical,
        },
        base: text(&sd, "baseDefinition"),
        is_profile: sd["derivation"] == "constraint",
        is_abstract: sd["abstract"] == true,
        elements: Cow::Owned(elements),
    }
}

fn element(e: &Value) -> ElementTable {
    let fixed = e.as_object().unwrap().iter().find_map(|(k, v)| {
        let (mode, t) = if let Some(t) = k.strip_prefix("fixed") {
            (FixedMode::Fixed, t)
        } else if let Some(t) = k.strip_prefix("pattern") {
            (FixedMode::Pattern, t)
        } else {
            return None;
        };
        Some(FixedValue {
            mode,
            type_name: Cow::Owned(t.to_string()),
            json: Cow::Owned(v.to_string()),
        })
    });
    let list = |v: &Value| -> Cow<'static, [Text]> {
        Cow::Owned(
            v.as_array()
                .map(|a| a.iter().map(|s| Cow::Owned(s.as_str().unwrap().to_string())).collect())
                .unwrap_or_default(),
        )
    };
    let types = e["type"]
        .as_array()
        .map(|ts| {
            ts.iter()
                .map(|t| TypeRef {
                    code: text(t, "code"),
                    profiles: list(&t["profile"]),
                    target_profiles: list(&t["targetProfile"]),
                })
                .collect()
        })
        .unwrap_or_default();
    let binding = e.get("binding").map(|b| Binding {
        strength: match b["strength"].as_str().unwrap() {
            "required" => Strength::Required,
            "extensible" => Strength::Extensible,
            "preferred" => Strength::Preferred,
            _ => Strength::Example,
        },
        value_set: Cow::Owned(
            b["valueSet"].as_str().unwrap_or("").split('|').next().unwrap().to_string(),
        ),
    });
    let slicing = e.get("slicing").map(|s| Slicing {
        discriminators: Cow::Owned(
            s["discriminator"]
                .as_array()
                .map(|ds| {
                    ds.iter()
                        .map(|d| Discriminator {
                            kind: match d["type"].as_str().unwrap() {
                                "value" => DiscriminatorKind::Value,
                                "pattern" => DiscriminatorKind::Pattern,
                                "type" => DiscriminatorKind::Type,
                                "profile" => DiscriminatorKind::Profile,
                                _ => DiscriminatorKind::Exists,
                            },
                            path: text(d, "path"),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        ),
        rules: match s["rules"].as_str().unwrap_or("open") {
            "closed" => SlicingRules::Closed,
            "openAtEnd" => SlicingRules::OpenAtEnd,
            _ => SlicingRules::Open,
        },
        ordered: s["ordered"] == true,
    });
    let base_max = e["base"]["max"].as_str().unwrap_or("1");
    ElementTable {
        id: text(e, "id"),
        path: text(e, "path"),
        slice_name: text(e, "sliceName"),
        min: e["min"].as_u64().unwrap_or(0) as u32,
        max: max_of(e["max"].as_str().unwrap_or("*")),
        base_many: !matches!(base_max, "0" | "1"),
        types: Cow::Owned(types),
        content_reference: text(e, "contentReference"),
        fixed,
        binding,
        slicing,
        constraints: Cow::Borrowed(&[]),
        must_support: e["mustSupport"] == true,
        max_length: e["maxLength"].as_u64().unwrap_or(0) as u32,
    }
}

/// Every ValueSet of `resources` as a table; `include.system` without
/// concepts takes every concept of that CodeSystem when it is among
/// `resources`, else the value set is incomplete; filters and imported
/// value sets make it incomplete.
pub(crate) fn value_sets(resources: &[Value]) -> Vec<ValueSetTable> {
    let code_system =
        |url: &str| resources.iter().find(|r| r["resourceType"] == "CodeSystem" && r["url"] == url);
    fn flatten(concepts: &Value, out: &mut Vec<String>) {
        for c in concepts.as_array().into_iter().flatten() {
            out.push(c["code"].as_str().unwrap().to_string());
            flatten(&c["concept"], out);
        }
    }
    let mut tables = Vec::new();
    for vs in resources.iter().filter(|r| r["resourceType"] == "ValueSet") {
        let mut complete = true;
        let mut codes = Vec::new();
        for inc in vs["compose"]["include"].as_array().into_iter().flatten() {
            let system = inc["system"].as_str().unwrap_or("");
            if inc.get("filter").is_some() || inc.get("valueSet").is_some() {
                complete = false;
            }
            let mut found = Vec::new();
            if let Some(cs) = inc.get("concept") {
                flatten(cs, &mut found);
            } else if let Some(cs) = code_system(system) {
                flatten(&cs["concept"], &mut found);
            } else {
                complete = false;
            }
            codes.extend(found.into_iter().map(|code| Concept {
                system: Cow::Owned(system.to_string()),
                code: Cow::Owned(code),
                display: Cow::Borrowed(""),
            }));
        }
        if vs["compose"].get("exclude").is_some() {
            complete = false;
        }
        tables.push(ValueSetTable {
            url: text(vs, "url"),
            version: text(vs, "version"),
            name: text(vs, "name"),
            codes: Cow::Owned(codes),
            complete,
        });
    }
    tables
}

/// The SAS IG 1.1.0 profiles and value sets plus the R4 required value
/// sets, or `None` (with a note) when the spec folder is absent.
pub(crate) fn sas(what: &str) -> Option<Definitions> {
    let dir = spec_dir(what)?;
    let mut defs = Definitions::new();
    let pkg = dir.join("ig-sas-1.1.0/package");
    let mut resources = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&pkg).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for p in names {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("StructureDefinition-") {
            defs.add_structure(structure(&std::fs::read_to_string(&p).unwrap()));
        } else if name.starts_with("ValueSet-") || name.starts_with("CodeSystem-") {
            resources.push(
                serde_json::from_str::<Value>(&std::fs::read_to_string(&p).unwrap()).unwrap(),
            );
        }
    }
    let bundle: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("r4-core/valuesets-required.json")).unwrap(),
    )
    .unwrap();
    resources.extend(bundle["entry"].as_array().unwrap().iter().map(|e| e["resource"].clone()));
    for v in value_sets(&resources) {
        defs.add_value_set(v);
    }
    Some(defs)
}
