//! What the generator reads, loaded with fr-fhir-core's run-time loader.

use std::collections::BTreeMap;
use std::path::Path;

use fr_fhir_core::conformance::load::{
    Package, Terminology, structure_from_json, structures_from_bundle,
};
use fr_fhir_core::conformance::table::{Concept, StructureTable, ValueSetTable};
use serde_json::Value;

/// The IG package the built-in profiles come from.
pub const IG_PACKAGE: &str = "ig-sas-1.1.0/package";

/// One generated module of structures.
#[derive(Debug, Clone)]
pub struct Group {
    /// Module (file) name.
    pub module: &'static str,
    /// What it holds, for its doc comment.
    pub doc: &'static str,
    /// The source files, relative to the spec folder.
    pub sources: String,
    /// The tables, in source order.
    pub structures: Vec<StructureTable>,
}

/// Everything the generated files hold.
#[derive(Debug, Clone)]
pub struct Sources {
    /// Structures: base R4 datatypes, base R4 resources, IG profiles.
    pub groups: Vec<Group>,
    /// Value sets (required R4, ANS terminology, HL7 code lists, IG).
    pub value_sets: Vec<ValueSetTable>,
    /// Their source files, relative to the spec folder.
    pub value_set_sources: String,
    /// Every concrete R4 resource type, sorted.
    pub resource_types: Vec<String>,
}

fn read(spec: &Path, rel: &str) -> Result<String, String> {
    std::fs::read_to_string(spec.join(rel))
        .map_err(|e| format!("{}: {e}", spec.join(rel).display()))
}

/// Sorted file names of `dir` (relative to `spec`) matching prefix/suffix.
fn list(spec: &Path, dir: &str, prefix: &str) -> Result<Vec<String>, String> {
    let path = spec.join(dir);
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&path).map_err(|e| format!("{}: {e}", path.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", path.display()))?;
        if let Some(n) = entry.file_name().to_str()
            && n.starts_with(prefix)
            && n.ends_with(".json")
        {
            names.push(format!("{dir}/{n}"));
        }
    }
    names.sort();
    Ok(names)
}

impl Sources {
    /// Loads every source under `spec`.
    pub fn load(spec: &Path) -> Result<Sources, String> {
        if !spec.join("r4-core").is_dir() {
            return Err(format!(
                "{}: no r4-core folder (give --spec or SAS_SPEC_DIR)",
                spec.display()
            ));
        }
        let types_rel = "r4-core/profiles-types.json";
        let types = structures_from_bundle(&read(spec, types_rel)?)
            .map_err(|e| e.in_file(types_rel).to_string())?;

        let mut resources = Vec::new();
        for rel in list(spec, "r4-core", "StructureDefinition-")? {
            resources.push(
                structure_from_json(&read(spec, &rel)?).map_err(|e| e.in_file(&rel).to_string())?,
            );
        }

        // Terminology the value sets are expanded against.
        let required_rel = "r4-core/valuesets-required.json";
        let required_text = read(spec, required_rel)?;
        let required: Value =
            serde_json::from_str(&required_text).map_err(|e| format!("{required_rel}: {e}"))?;
        let mut terms = Terminology::new();
        terms.add_json(&required_text).map_err(|e| e.in_file(required_rel).to_string())?;
        let mut vs_urls: Vec<String> = Vec::new();
        let mut resource_codes = Vec::new();
        let mut abstract_codes = Vec::new();
        for e in required.get("entry").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]) {
            let Some(r) = e.get("resource") else { continue };
            let url = r.get("url").and_then(Value::as_str).unwrap_or("");
            match r.get("resourceType").and_then(Value::as_str) {
                Some("ValueSet") => vs_urls.push(url.to_owned()),
                Some("CodeSystem") if url == "http://hl7.org/fhir/resource-types" => {
                    resource_codes = codes(r)
                }
                Some("CodeSystem") if url == "http://hl7.org/fhir/abstract-types" => {
                    abstract_codes = codes(r)
                }
                _ => {}
            }
        }
        vs_urls.sort();
        // Later files replace earlier ones with the same URL: in name order,
        // `…terminologies-1.12.0` (the current ANS publication) replaces `…NOS-0.1.0`.
        let mut term_vs_urls = Vec::new();
        let term_files = list(spec, "terminology", "")?;
        let mut code_lists = BTreeMap::new();
        for rel in &term_files {
            let text = read(spec, rel)?;
            let v: Value = serde_json::from_str(&text).map_err(|e| format!("{rel}: {e}"))?;
            if v.get("resourceType").is_some() {
                if v.get("resourceType").and_then(Value::as_str) == Some("ValueSet")
                    && let Some(u) = v.get("url").and_then(Value::as_str)
                {
                    term_vs_urls.push(u.to_owned());
                }
                terms.add_json(&text).map_err(|e| e.in_file(rel.as_str()).to_string())?;
            } else if let Value::Object(map) = v {
                // hl7-code-lists.json: {name: {valueSet, system, codes}} compiled lists.
                for (name, list) in map {
                    let (Some(vs), Some(system), Some(codes)) = (
                        list.get("valueSet").and_then(Value::as_str),
                        list.get("system").and_then(Value::as_str),
                        list.get("codes").and_then(Value::as_array),
                    ) else {
                        continue;
                    };
                    let codes: Vec<String> =
                        codes.iter().filter_map(Value::as_str).map(str::to_owned).collect();
                    code_lists.insert(vs.to_owned(), (name, system.to_owned(), codes));
                }
            }
        }
        term_vs_urls.sort();
        term_vs_urls.dedup();
        for (_, system, codes) in code_lists.values() {
            if !terms.has_code_system(system) {
                let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
                terms.add_code_list(system, &codes, true);
            }
        }

        let ig =
            Package::read_with(&spec.join(IG_PACKAGE), terms.clone()).map_err(|e| e.to_string())?;

        let mut value_sets: Vec<ValueSetTable> = Vec::new();
        for url in vs_urls.iter().chain(&term_vs_urls) {
            if let Some(vs) = terms.expand(url) {
                value_sets.push(vs);
            }
        }
        for (url, (name, system, codes)) in &code_lists {
            if value_sets.iter().any(|v| v.url == url.as_str()) {
                continue;
            }
            value_sets.push(ValueSetTable {
                url: url.clone().into(),
                version: "".into(),
                name: name.clone().into(),
                codes: codes
                    .iter()
                    .map(|c| Concept {
                        system: system.clone().into(),
                        code: c.clone().into(),
                        display: "".into(),
                    })
                    .collect::<Vec<_>>()
                    .into(),
                complete: true,
            });
        }
        for vs in ig.value_sets {
            match value_sets.iter_mut().find(|v| v.url == vs.url) {
                Some(slot) => *slot = vs,
                None => value_sets.push(vs),
            }
        }

        // Resource and DomainResource are in resource-types but abstract:
        // their StructureDefinitions say so.
        let abstract_defs: Vec<&str> =
            resources.iter().filter(|r| r.is_abstract).map(|r| &*r.type_name).collect();
        let mut resource_types: Vec<String> = resource_codes
            .into_iter()
            .filter(|c| !abstract_codes.contains(c) && !abstract_defs.contains(&c.as_str()))
            .collect();
        resource_types.sort();
        resource_types.dedup();

        let groups = vec![
            Group {
                module: "r4_types",
                doc: "Base FHIR R4 datatypes and primitive types.",
                sources: types_rel.to_owned(),
                structures: types,
            },
            Group {
                module: "r4_resources",
                doc: "Base FHIR R4 resource types of the SAS flows, with Resource and DomainResource.",
                sources: "r4-core/StructureDefinition-*.json".to_owned(),
                structures: resources,
            },
            Group {
                module: "sas_profiles",
                doc: "The StructureDefinitions of the SAS IG 1.1.0 package (profiles and extensions).",
                sources: format!("{IG_PACKAGE}/StructureDefinition-*.json"),
                structures: ig.structures,
            },
        ];
        Ok(Sources {
            groups,
            value_sets,
            value_set_sources: format!(
                "{required_rel}, terminology/*.json, {IG_PACKAGE}/ValueSet-*.json"
            ),
            resource_types,
        })
    }
}

fn codes(cs: &Value) -> Vec<String> {
    cs.get("concept")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|c| c.get("code").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}
