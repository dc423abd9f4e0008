//! The model declarations (`fhir_type!` blocks) of
//! `fr-fhir-core/src/model/generated/`, derived from the R4
//! StructureDefinitions and the manifest ([`crate::models`]).
//!
//! Per model: its elements in snapshot order, minus the manifest's `known`
//! ones; the JSON name is the element's last path segment, the field its
//! snake case (a Rust keyword gets a `_`); `Vec` when the base element
//! repeats (its JSON is an array), else `Option`; the Rust type from the
//! element's single type code. Anything the manifest names that the
//! definitions lack, and any type code without a Rust type, is an error
//! naming the model and the element: nothing is guessed.

use std::fmt::Write as _;

use fr_fhir_core::conformance::Definitions;
use fr_fhir_core::conformance::table::{ElementTable, StructureKind, StructureTable};

use super::GeneratedFile;
use super::models::{GROUPS, HAND_WRITTEN, Model, ModelGroup};
use super::sources::Sources;

/// Output folder of the model files, relative to `fr-fhir-core/src`.
pub const MODEL_DIR: &str = "model/generated";

const REGENERATE: &str = "do not edit; regenerate with cargo run -p sas-codegen";

/// FHIR primitive type → its alias in `fr_fhir_core::model::prim`.
const PRIMITIVES: &[(&str, &str)] = &[
    ("boolean", "Boolean"),
    ("integer", "Integer"),
    ("positiveInt", "PositiveInt"),
    ("unsignedInt", "UnsignedInt"),
    ("decimal", "Decimal"),
    ("string", "FhirString"),
    ("markdown", "Markdown"),
    ("code", "Code"),
    ("id", "Id"),
    ("uri", "Uri"),
    ("url", "Url"),
    ("canonical", "Canonical"),
    ("oid", "Oid"),
    ("uuid", "Uuid"),
    ("base64Binary", "Base64Binary"),
    ("instant", "Instant"),
    ("dateTime", "DateTime"),
    ("date", "Date"),
    ("time", "Time"),
    ("xhtml", "Xhtml"),
];

/// The type code R4 snapshots give `id` elements (with a `structuredefinition-fhir-type` extension).
const SYSTEM_STRING: &str = "http://hl7.org/fhirpath/System.String";

const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// One field of a model.
struct Field {
    name: String,
    ty: String,
    json: String,
}

/// One `fhir_type!` block, derived.
struct Derived {
    resource: Option<String>,
    fields: Vec<Field>,
    prim: Vec<String>,
    known: Vec<String>,
}

/// `birthDate` → `birth_date`, `type` → `type_`.
fn field_name(json: &str) -> String {
    let mut out = String::new();
    for ch in json.chars() {
        if ch.is_ascii_uppercase() {
            out.push('_');
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    if RUST_KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// `value[x]` with code `dateTime` → `valueDateTime`.
fn choice_name(base: &str, code: &str) -> String {
    let mut chars = code.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase().to_string()).unwrap_or_default();
    format!("{base}{first}{}", chars.as_str())
}

struct Cx<'d> {
    defs: &'d Definitions,
    resource_types: &'d [String],
}

impl Cx<'_> {
    fn is_primitive(&self, code: &str) -> bool {
        code == SYSTEM_STRING
            || self.defs.base(code).is_some_and(|s| s.kind == StructureKind::PrimitiveType)
    }

    fn is_resource(&self, code: &str) -> bool {
        self.defs.base(code).is_some_and(|s| s.kind == StructureKind::Resource)
            || self.resource_types.iter().any(|t| t == code)
    }

    /// The Rust type (without `<'a>`) of `e`, an element of `model`.
    fn rust_type(
        &self,
        model: &Model,
        st: &StructureTable,
        e: &ElementTable,
    ) -> Result<String, String> {
        let at = || {
            format!("codegen/src/models.rs: {} ({}): element `{}`", model.rust, model.fhir, e.path)
        };
        if !e.content_reference.is_empty() {
            let target = e.content_reference.trim_start_matches('#');
            return by_path(target).map(|m| m.rust.to_owned()).ok_or_else(|| {
                format!(
                    "{}: its content reference `{}` has no model: add a Model with fhir: \"{target}\", or list it in known",
                    at(),
                    e.content_reference
                )
            });
        }
        let code = match e.types.as_ref() {
            [t] => &*t.code,
            [] => return Err(format!("{}: no type in the definitions", at())),
            _ => {
                return Err(format!(
                    "{}: {} types (a choice): fhir_type! has no choice fields; list it in known or hand-write the type",
                    at(),
                    e.types.len()
                ));
            }
        };
        if code == SYSTEM_STRING {
            // R4 gives `id` elements this FHIRPath type: a resource's logical
            // id is an `id` (Resource.id), an element's id a `string` (Element.id).
            let root_id = format!("{}.id", st.type_name);
            return match (&*e.path, st.kind) {
                (p, StructureKind::Resource) if p == root_id => Ok("Id".to_owned()),
                (p, _) if p.ends_with(".id") => Ok("FhirString".to_owned()),
                _ => Err(format!("{}: type `{code}` has no Rust mapping", at())),
            };
        }
        if code == "BackboneElement" || code == "Element" {
            return by_path(&e.path).map(|m| m.rust.to_owned()).ok_or_else(|| {
                format!(
                    "{}: backbone element without a model: add a Model with fhir: \"{}\", or list it in known",
                    at(),
                    e.path
                )
            });
        }
        if let Some((_, alias)) = PRIMITIVES.iter().find(|(c, _)| *c == code) {
            return Ok((*alias).to_owned());
        }
        if self.is_primitive(code) {
            return Err(format!("{}: primitive type `{code}` has no alias in PRIMITIVES", at()));
        }
        if self.is_resource(code) {
            // An inline resource is read by the enum that dispatches on its resourceType.
            return Ok("Resource".to_owned());
        }
        if let Some(h) = HAND_WRITTEN.iter().find(|h| h.fhir == code) {
            return Ok(h.rust.to_owned());
        }
        by_path(code).map(|m| m.rust.to_owned()).ok_or_else(|| {
            format!(
                "{}: type `{code}` has no Rust model: add a Model for {code} to codegen/src/models.rs, or list the element in known",
                at()
            )
        })
    }

    fn derive(&self, model: &Model) -> Result<Derived, String> {
        let at = format!("codegen/src/models.rs: {} ({})", model.rust, model.fhir);
        let root = model.fhir.split('.').next().unwrap_or(model.fhir);
        let st = self.defs.base(root).filter(|s| !s.is_profile).ok_or_else(|| {
            format!("{at}: no base StructureDefinition of `{root}` in the definitions")
        })?;
        if model.fhir.contains('.') && !st.elements.iter().any(|e| e.path == model.fhir) {
            return Err(format!("{at}: `{}` is not an element of {}", model.fhir, st.url));
        }
        let prefix = format!("{}.", model.fhir);
        let children: Vec<&ElementTable> = st
            .elements
            .iter()
            .filter(|e| e.slice_name.is_empty())
            .filter(|e| e.path.strip_prefix(&prefix).is_some_and(|rest| !rest.contains('.')))
            .collect();
        let name_of = |e: &ElementTable| e.path.get(prefix.len()..).unwrap_or_default().to_owned();
        for k in model.known.iter().chain(model.boxed) {
            if !children.iter().any(|e| name_of(e) == *k) {
                return Err(format!(
                    "{at}: `{k}` is not an element of {} ({})",
                    model.fhir, st.url
                ));
            }
        }
        for b in model.boxed {
            if model.known.contains(b) {
                return Err(format!("{at}: `{b}` is both boxed and known (raw)"));
            }
        }
        let mut out = Derived {
            resource: (st.kind == StructureKind::Resource && !model.fhir.contains('.'))
                .then(|| st.type_name.to_string()),
            fields: Vec::new(),
            prim: Vec::new(),
            known: Vec::new(),
        };
        for e in children {
            let name = name_of(e);
            if model.known.contains(&name.as_str()) {
                // Raw: every JSON name it can take, and `_x` siblings of primitives.
                match name.strip_suffix("[x]") {
                    Some(base) => {
                        for t in e.types.iter() {
                            let json = choice_name(base, &t.code);
                            if self.is_primitive(&t.code) && t.code != "xhtml" {
                                out.prim.push(json.clone());
                            }
                            out.known.push(json);
                        }
                    }
                    None => {
                        if e.types.iter().any(|t| self.is_primitive(&t.code) && t.code != "xhtml") {
                            out.prim.push(name.clone());
                        }
                        out.known.push(name);
                    }
                }
                continue;
            }
            if name.ends_with("[x]") {
                return Err(format!(
                    "{at}: choice element `{}`: fhir_type! has no choice fields; list it in known or hand-write the type",
                    e.path
                ));
            }
            let base = self.rust_type(model, st, e)?;
            let inner = if model.boxed.contains(&name.as_str()) {
                format!("Box<{base}<'a>>")
            } else {
                format!("{base}<'a>")
            };
            let ty = if e.base_many { format!("Vec<{inner}>") } else { format!("Option<{inner}>") };
            // `xhtml` has no `_x` sibling in FHIR JSON (no id, no extensions).
            let code = e.types.first().map(|t| &*t.code).unwrap_or_default();
            if e.content_reference.is_empty() && self.is_primitive(code) && code != "xhtml" {
                out.prim.push(name.clone());
            }
            out.fields.push(Field { name: field_name(&name), ty, json: name });
        }
        Ok(out)
    }
}

/// The manifest model of a FHIR type or backbone path.
fn by_path(fhir: &str) -> Option<&'static Model> {
    GROUPS.iter().flat_map(|g| g.models).find(|m| m.fhir == fhir)
}

fn quoted(list: &[String]) -> String {
    list.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ")
}

/// A lexically valid JSON value of each primitive alias, for the examples.
fn sample(alias: &str) -> Option<&'static str> {
    Some(match alias {
        "Boolean" => "true",
        "Integer" | "PositiveInt" | "UnsignedInt" => "1",
        "Decimal" => "1.50",
        "FhirString" | "Markdown" => r#""texte""#,
        "Code" | "Id" => r#""example""#,
        "Uri" | "Url" | "Canonical" => r#""https://example.org/fhir""#,
        "Oid" => r#""urn:oid:1.2.250.1.71""#,
        "Uuid" => r#""urn:uuid:c757873d-ec9a-4326-a141-556f43239520""#,
        "Instant" => r#""2026-11-26T09:00:00.000+01:00""#,
        "DateTime" | "Date" => r#""2026-11-26""#,
        "Time" => r#""09:00:00""#,
        _ => return None,
    })
}

/// The example of a model whose manifest doc has none: up to two of its
/// 0..1 primitive elements read from JSON into the owned form, checked, and
/// written back unchanged (reader, owned form and serializer in one).
fn generated_example(model: &Model, d: &Derived) -> Vec<String> {
    let prims: Vec<(&Field, &str)> = d
        .fields
        .iter()
        .filter_map(|f| {
            let alias = f.ty.strip_prefix("Option<")?.strip_suffix("<'a>>")?;
            sample(alias).map(|v| (f, v))
        })
        .collect();
    // Technical elements say nothing about the type: shown only when alone.
    let technical = ["id", "version", "implicitRules", "language"];
    let mut picked: Vec<(&Field, &str)> = prims
        .iter()
        .filter(|(f, _)| !technical.contains(&f.json.as_str()))
        .take(2)
        .copied()
        .collect();
    if picked.is_empty() {
        picked = prims.into_iter().take(1).collect();
    }
    let Some((first, first_value)) = picked.first().copied() else {
        return Vec::new();
    };
    let mut members: Vec<String> = Vec::new();
    if let Some(rt) = &d.resource {
        members.push(format!(r#""resourceType":"{rt}""#));
    }
    members.extend(picked.iter().map(|(f, v)| format!(r#""{}":{v}"#, f.json)));
    let text = first_value.trim_matches('"');
    let rust = model.rust;
    vec![
        String::new(),
        "```".to_owned(),
        format!("use fr_fhir_core::model::{rust};"),
        format!("let json = r#\"{{{}}}\"#;", members.join(",")),
        format!("let value: {rust}<'static> = serde_json::from_str(json).unwrap();"),
        format!("assert_eq!(value.{}.as_ref().map(|v| v.as_str()), Some({text:?}));", first.name),
        "assert_eq!(serde_json::to_string(&value).unwrap(), json);".to_owned(),
        "```".to_owned(),
    ]
}

fn block(model: &Model, d: &Derived) -> String {
    let mut out = String::from("fhir_type! {\n");
    let mut doc: Vec<String> = model.doc.iter().map(|l| (*l).to_owned()).collect();
    if !model.doc.iter().any(|l| l.starts_with("```")) {
        doc.extend(generated_example(model, d));
    }
    for line in &doc {
        if line.is_empty() {
            out.push_str("    ///\n");
        } else {
            let _ = writeln!(out, "    /// {line}");
        }
    }
    match &d.resource {
        Some(rt) => {
            let _ = writeln!(out, "    {} resource = {rt:?} {{", model.rust);
        }
        None => {
            let _ = writeln!(out, "    {} {{", model.rust);
        }
    }
    for f in &d.fields {
        let _ = writeln!(out, "        {}: {} = {:?},", f.name, f.ty, f.json);
    }
    out.push_str("    }\n");
    let _ = writeln!(out, "    prim: [{}]", quoted(&d.prim));
    let _ = writeln!(out, "    known: [{}]", quoted(&d.known));
    out.push_str("}\n");
    out
}

fn hand_written_note() -> String {
    let mut out =
        String::from("//!\n//! Hand-written, not generated (`fhir_type!` cannot express them):\n");
    for h in HAND_WRITTEN {
        let _ = writeln!(out, "//! - `{}`: {}.", h.rust, h.why);
    }
    out
}

fn group_file(
    g: &ModelGroup,
    cx: &Cx<'_>,
    types_src: &str,
    resources_src: &str,
) -> Result<String, String> {
    let mut body = String::new();
    let mut from_types = false;
    let mut from_resources = false;
    for m in g.models {
        let d = cx.derive(m)?;
        let root = m.fhir.split('.').next().unwrap_or(m.fhir);
        match cx.defs.base(root).map(|s| s.kind) {
            Some(StructureKind::Resource) => from_resources = true,
            _ => from_types = true,
        }
        body.push('\n');
        body.push_str(&block(m, &d));
    }
    let mut sources: Vec<&str> = Vec::new();
    if from_types {
        sources.push(types_src);
    }
    if from_resources {
        sources.push(resources_src);
    }
    sources.push("codegen/src/models.rs");
    let mut text = format!(
        "// @generated by sas-codegen from {} — {REGENERATE}\n//! {}\n",
        sources.join(", "),
        g.doc
    );
    text.push_str(&hand_written_note());
    text.push_str("\nuse crate::model::macros::fhir_type;\nuse crate::model::*;\n");
    text.push_str(&body);
    Ok(text)
}

fn mod_rs() -> String {
    let mut text = format!(
        "// @generated by sas-codegen from codegen/src/models.rs and the definitions named in each module — {REGENERATE}\n\
         //! The model declarations (`fhir_type!` blocks), generated by `cargo run -p sas-codegen`\n\
         //! from the R4 StructureDefinitions and the model manifest `codegen/src/models.rs`\n\
         //! (do not edit by hand; a test checks they equal a fresh generation). Re-exported by\n\
         //! `model::datatypes`, `model::resources` and `model::bundle`.\n"
    );
    text.push_str(&hand_written_note());
    text.push('\n');
    let mut mods: Vec<&str> = GROUPS.iter().map(|g| g.module).collect();
    mods.sort_unstable();
    for m in mods {
        let _ = writeln!(text, "#[rustfmt::skip]\npub(super) mod {m};");
    }
    text
}

/// No FHIR type or Rust name twice, none both generated and hand-written.
fn check_manifest() -> Result<(), String> {
    let models: Vec<&Model> = GROUPS.iter().flat_map(|g| g.models).collect();
    for (i, m) in models.iter().enumerate() {
        let later = models.iter().skip(i + 1);
        if let Some(d) = later.clone().find(|o| o.fhir == m.fhir || o.rust == m.rust) {
            return Err(format!(
                "codegen/src/models.rs: {} ({}) and {} ({}) name the same type",
                m.rust, m.fhir, d.rust, d.fhir
            ));
        }
        if let Some(h) = HAND_WRITTEN.iter().find(|h| h.fhir == m.fhir || h.rust == m.rust) {
            return Err(format!(
                "codegen/src/models.rs: {} ({}) is hand-written ({}): remove its Model",
                m.rust, m.fhir, h.rust
            ));
        }
    }
    Ok(())
}

/// The base R4 definitions (datatypes and resources) of `sources`, with
/// the source file patterns of each group.
fn r4_definitions(sources: &Sources) -> (Definitions, String, String) {
    let mut defs = Definitions::new();
    let mut types_src = String::new();
    let mut resources_src = String::new();
    for g in &sources.groups {
        match g.module {
            "r4_types" => types_src.clone_from(&g.sources),
            "r4_resources" => resources_src.clone_from(&g.sources),
            _ => continue,
        }
        for s in &g.structures {
            defs.add_structure(s.clone());
        }
    }
    (defs, types_src, resources_src)
}

/// The model files (names relative to `fr-fhir-core/src`).
pub fn render(sources: &Sources) -> Result<Vec<GeneratedFile>, String> {
    let (defs, types_src, resources_src) = r4_definitions(sources);
    check_manifest()?;
    let cx = Cx { defs: &defs, resource_types: &sources.resource_types };
    let mut files = vec![GeneratedFile { name: format!("{MODEL_DIR}/mod.rs"), text: mod_rs() }];
    for g in GROUPS {
        files.push(GeneratedFile {
            name: format!("{MODEL_DIR}/{}.rs", g.module),
            text: group_file(g, &cx, &types_src, &resources_src)?,
        });
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

    use super::{Cx, Derived, Model, Sources, choice_name, field_name, r4_definitions};

    fn model(fhir: &'static str, known: &'static [&'static str]) -> Model {
        Model { fhir, rust: "Test", doc: &[], known, boxed: &[] }
    }

    /// Derives `m` from the spec's definitions; `None` when the spec is absent.
    fn derive(m: &Model) -> Option<Result<Derived, String>> {
        let spec = crate::default_spec_dir();
        if !spec.join("r4-core").is_dir() {
            eprintln!("note: spec dir {} absent (set SAS_SPEC_DIR), test skipped", spec.display());
            return None;
        }
        let sources = Sources::load(&spec).unwrap();
        let (defs, _, _) = r4_definitions(&sources);
        let cx = Cx { defs: &defs, resource_types: &sources.resource_types };
        Some(cx.derive(m))
    }

    #[test]
    fn an_element_the_definitions_lack_is_an_error() {
        let Some(r) = derive(&model("Slot", &["photo"])) else { return };
        let e = r.err().unwrap();
        assert!(e.contains("Slot") && e.contains("`photo` is not an element"), "{e}");
        let Some(r) = derive(&model("Slot.nothing", &[])) else { return };
        assert!(r.err().unwrap().contains("`Slot.nothing` is not an element"));
        let Some(r) = derive(&model("Nothing", &[])) else { return };
        assert!(r.err().unwrap().contains("no base StructureDefinition of `Nothing`"));
    }

    #[test]
    fn a_type_code_without_a_rust_type_is_an_error() {
        // Practitioner.photo is an Attachment, which has no model.
        let Some(r) = derive(&model("Practitioner", &[])) else { return };
        let e = r.err().unwrap();
        assert!(e.contains("Practitioner.photo") && e.contains("`Attachment`"), "{e}");
        // A backbone element without a model.
        let Some(r) = derive(&model("Organization", &[])) else { return };
        let e = r.err().unwrap();
        assert!(e.contains("Organization.contact") && e.contains("backbone"), "{e}");
    }

    #[test]
    fn choice_elements_are_kept_raw_or_refused() {
        let Some(r) = derive(&model("Patient", &[])) else { return };
        let e = r.err().unwrap();
        assert!(e.contains("Patient.deceased[x]") && e.contains("choice"), "{e}");
        let known =
            &["deceased[x]", "multipleBirth[x]", "photo", "contact", "communication", "link"];
        let Some(r) = derive(&model("Patient", known)) else { return };
        let d = r.unwrap();
        assert_eq!(d.resource.as_deref(), Some("Patient"));
        for k in ["deceasedBoolean", "deceasedDateTime", "multipleBirthInteger", "photo"] {
            assert!(d.known.iter().any(|x| x == k), "{k} in {:?}", d.known);
        }
        // `_deceasedBoolean` is a primitive sibling; a complex raw element has none.
        assert!(d.prim.iter().any(|x| x == "deceasedBoolean"));
        assert!(!d.prim.iter().any(|x| x == "photo"));
        let gender = d.fields.iter().find(|f| f.json == "gender").unwrap();
        assert_eq!((gender.name.as_str(), gender.ty.as_str()), ("gender", "Option<Code<'a>>"));
    }

    #[test]
    fn names() {
        assert_eq!(field_name("birthDate"), "birth_date");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("use"), "use_");
        assert_eq!(field_name("modifierExtension"), "modifier_extension");
        assert_eq!(choice_name("value", "dateTime"), "valueDateTime");
    }
}
