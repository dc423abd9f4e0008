//! The model manifest: which FHIR types get a typed model (`fhir_type!`
//! block) and the choices the definitions cannot make — the Rust name, the
//! rustdoc, which R4 elements stay raw JSON, which fields are boxed.
//!
//! Everything else (fields in snapshot order, JSON names, `Vec` for an
//! element that repeats and `Option` for one that does not, the Rust type
//! from each type code, the `prim` list) is derived from the
//! StructureDefinitions by `emit_models.rs`. To model one more element,
//! remove it from `known` (add a [`Model`] for its type if it has none) and
//! run `cargo run -p sas-codegen`.

/// One generated model struct.
#[derive(Debug, Clone, Copy)]
pub struct Model {
    /// The FHIR type (`Coding`, `Slot`) or, for a backbone element, its
    /// path (`Location.hoursOfOperation`).
    pub fhir: &'static str,
    /// The Rust struct.
    pub rust: &'static str,
    /// Its rustdoc, one line each (without `///`).
    pub doc: &'static [&'static str],
    /// R4 elements kept as raw JSON (in `Extras`) instead of modeled; they
    /// are not reported as unknown. A choice element is named `x[x]`.
    pub known: &'static [&'static str],
    /// Fields held in a `Box`: rarely used sub-elements, which keeps a Slot
    /// around 1 KB instead of 2 KB, and breaks the recursion
    /// `Reference.identifier` → `Identifier.assigner` → `Reference`.
    pub boxed: &'static [&'static str],
}

/// One generated file of models.
#[derive(Debug, Clone, Copy)]
pub struct ModelGroup {
    /// Module (file) name under `fr-fhir-core/src/model/generated/`.
    pub module: &'static str,
    /// Its module doc.
    pub doc: &'static str,
    /// Its models, in output order.
    pub models: &'static [Model],
}

/// A type the models use that the generator does not write.
#[derive(Debug, Clone, Copy)]
pub struct HandWritten {
    /// The FHIR type.
    pub fhir: &'static str,
    /// The Rust type (in `fr_fhir_core::model`).
    pub rust: &'static str,
    /// Why `fhir_type!` cannot express it.
    pub why: &'static str,
}

/// Hand-written in `fr-fhir-core/src/model/`. An element of one of these
/// types maps to the Rust type named here; an element whose type is a
/// resource (`Resource`, `OperationOutcome`...) maps to the `Resource` enum.
pub const HAND_WRITTEN: &[HandWritten] = &[
    HandWritten {
        fhir: "Extension",
        rust: "Extension",
        why: "its `value[x]` is one `Value` enum over the value types (extension.rs)",
    },
    HandWritten {
        fhir: "Resource",
        rust: "Resource",
        why: "an enum dispatching on `resourceType`, wherever it stands in the object (resource.rs)",
    },
    HandWritten {
        fhir: "Bundle",
        rust: "Bundle",
        why: "`Bundle::stream` hands each entry to a sink instead of keeping it (bundle.rs)",
    },
];

/// The models, by generated file.
pub const GROUPS: &[ModelGroup] = &[
    ModelGroup {
        module: "datatypes",
        doc: "FHIR R4 complex datatypes used by the SAS slot search.",
        models: DATATYPES,
    },
    ModelGroup {
        module: "resources",
        doc: "The resources of the SAS slot search (other than Bundle).",
        models: RESOURCES,
    },
    ModelGroup {
        module: "bundle",
        doc: "The backbone elements of Bundle (Bundle itself is hand-written: it streams).",
        models: BUNDLE,
    },
];

const DATATYPES: &[Model] = &[
    Model {
        fhir: "Element",
        rust: "Element",
        doc: &["The id and extensions of a primitive value (the `_x` sibling)."],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Meta",
        rust: "Meta",
        doc: &[
            "Metadata about a resource.",
            "",
            "```",
            "use fr_fhir_core::model::{Meta, Canonical};",
            r#"let meta = Meta { profile: vec![Canonical::new("http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur")], ..Default::default() };"#,
            r#"assert!(serde_json::to_string(&meta).unwrap().contains("FrSlotAgregateur"));"#,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Coding",
        rust: "Coding",
        doc: &["A code from a code system."],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "CodeableConcept",
        rust: "CodeableConcept",
        doc: &["Codings and/or text."],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Identifier",
        rust: "Identifier",
        doc: &[
            "An identifier (RPPS, FINESS... in SAS, always in its national prefixed form).",
            "",
            "```",
            "use fr_fhir_core::ids::Idnps;",
            "use fr_fhir_core::model::Identifier;",
            r#"let rpps = Idnps::parse_form("810002909371").unwrap();"#,
            "let id = Identifier::from(&rpps);",
            r#"assert_eq!(id.system.as_ref().map(|s| s.as_str()), Some("urn:oid:1.2.250.1.71.4.2.1"));"#,
            r#"assert_eq!(id.value.as_ref().map(|v| v.as_str()), Some("810002909371"));"#,
            "```",
        ],
        known: &[],
        boxed: &["period", "assigner"],
    },
    Model {
        fhir: "Reference",
        rust: "Reference",
        doc: &[
            "A reference to another resource (literal `reference` and/or logical `identifier`).",
            "",
            "```",
            "use fr_fhir_core::model::Reference;",
            r#"let to_schedule = Reference::to("Schedule/agenda-1");"#,
            r##"let to_contained = Reference::to("#lieu-1");"##,
            r##"assert_eq!(serde_json::to_string(&to_schedule).unwrap(), r#"{"reference":"Schedule/agenda-1"}"#);"##,
            "assert!(to_contained.reference.unwrap().as_str().starts_with('#'));",
            "```",
        ],
        known: &[],
        boxed: &["identifier"],
    },
    Model {
        fhir: "HumanName",
        rust: "HumanName",
        doc: &[
            "A person's name.",
            "",
            "```",
            "use fr_fhir_core::model::{FhirString, HumanName};",
            r#"let name = HumanName { family: Some(FhirString::new("GARNIER")), given: vec![FhirString::new("Hélène")], ..Default::default() };"#,
            r##"assert_eq!(serde_json::to_string(&name).unwrap(), r#"{"family":"GARNIER","given":["Hélène"]}"#);"##,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "ContactPoint",
        rust: "ContactPoint",
        doc: &[
            "A phone number, e-mail address...",
            "",
            "```",
            "use fr_fhir_core::model::{Code, ContactPoint, FhirString};",
            r#"let phone = ContactPoint { system: Some(Code::new("phone")), value: Some(FhirString::new("+33465712040")), ..Default::default() };"#,
            r##"assert_eq!(serde_json::to_string(&phone).unwrap(), r#"{"system":"phone","value":"+33465712040"}"#);"##,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Address",
        rust: "Address",
        doc: &[
            "A postal address.",
            "",
            "```",
            "use fr_fhir_core::model::{Address, FhirString};",
            r##"let json = r#"{"line":["42 rue Paul Bert"],"city":"LYON","postalCode":"69003"}"#;"##,
            "let address: Address<'static> = serde_json::from_str(json).unwrap();",
            r#"assert_eq!(address.postal_code.as_ref().map(|c| c.as_str()), Some("69003"));"#,
            r#"assert_eq!(address.line, [FhirString::new("42 rue Paul Bert")]);"#,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Period",
        rust: "Period",
        doc: &[
            "A time range.",
            "",
            "```",
            "use fr_fhir_core::model::{DateTime, Period};",
            r#"let week = Period { start: Some(DateTime::new("2026-11-23")), end: Some(DateTime::new("2026-11-29")), ..Default::default() };"#,
            "assert!(week.start.as_ref().is_some_and(|s| s.is_valid()));",
            r##"assert_eq!(serde_json::to_string(&week).unwrap(), r#"{"start":"2026-11-23","end":"2026-11-29"}"#);"##,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Narrative",
        rust: "Narrative",
        doc: &["Human-readable summary of a resource."],
        known: &[],
        boxed: &[],
    },
];

const RESOURCES: &[Model] = &[
    Model {
        fhir: "Slot",
        rust: "Slot",
        doc: &[
            "A slot of time on a schedule that may be available for booking.",
            "",
            "```",
            "use fr_fhir_core::model::*;",
            "let slot = Slot {",
            r#"    id: Some(Id::new("slot-1")),"#,
            r#"    schedule: Some(Reference { reference: Some(FhirString::new("Schedule/sched-1")), ..Default::default() }),"#,
            r#"    status: Some(Code::new("free")),"#,
            r#"    start: Some(Instant::new("2026-11-26T09:00:00.000+01:00")),"#,
            r#"    end: Some(Instant::new("2026-11-26T09:15:00.000+01:00")),"#,
            "    ..Default::default()",
            "};",
            "let json = serde_json::to_value(&slot).unwrap();",
            r#"assert_eq!(json["resourceType"], "Slot");"#,
            r#"assert_eq!(json["status"], "free");"#,
            "```",
        ],
        known: &[],
        // Narrative is rare in a Slot; boxed, a Slot is 992 bytes instead of
        // 1,120, under glibc's 1,032-byte thread-cache limit, so allocating
        // and freeing one is several times cheaper.
        boxed: &["text"],
    },
    Model {
        fhir: "Schedule",
        rust: "Schedule",
        doc: &[
            "A container for slots of time (one per place of consultation in SAS).",
            "",
            "```",
            "use fr_fhir_core::model::{Reference, Schedule};",
            r#"let agenda = Schedule { actor: vec![Reference::to("PractitionerRole/role-1")], ..Default::default() };"#,
            "let json = serde_json::to_string(&agenda).unwrap();",
            r##"assert_eq!(json, r#"{"resourceType":"Schedule","actor":[{"reference":"PractitionerRole/role-1"}]}"#);"##,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Practitioner",
        rust: "Practitioner",
        doc: &[
            "A health professional.",
            "",
            "```",
            "use fr_fhir_core::ids::Idnps;",
            "use fr_fhir_core::model::{Id, Identifier, Practitioner};",
            r#"let rpps = Idnps::parse_form("810002909371").unwrap();"#,
            r#"let p = Practitioner { id: Some(Id::new("pract-1")), identifier: vec![Identifier::from(&rpps)], ..Default::default() };"#,
            r#"assert_eq!(serde_json::to_value(&p).unwrap()["identifier"][0]["value"], "810002909371");"#,
            "```",
        ],
        known: &["photo", "qualification", "communication"],
        boxed: &[],
    },
    Model {
        fhir: "PractitionerRole",
        rust: "PractitionerRole",
        doc: &[
            "The roles of a practitioner at a place (`FrPractitionerRoleExercice`).",
            "",
            "```",
            "use fr_fhir_core::model::{PractitionerRole, Reference};",
            "let role = PractitionerRole {",
            r#"    practitioner: Some(Reference::to("Practitioner/pract-1")),"#,
            r##"    location: vec![Reference::to("#lieu-1")],"##,
            "    ..Default::default()",
            "};",
            r##"assert_eq!(serde_json::to_value(&role).unwrap()["location"][0]["reference"], "#lieu-1");"##,
            "```",
        ],
        known: &["availableTime", "notAvailable"],
        boxed: &[],
    },
    Model {
        fhir: "Location.hoursOfOperation",
        rust: "LocationHoursOfOperation",
        doc: &[
            "Opening hours of a location.",
            "",
            "```",
            "use fr_fhir_core::model::{Code, LocationHoursOfOperation, Time};",
            "let mornings = LocationHoursOfOperation {",
            r#"    days_of_week: vec![Code::new("mon"), Code::new("tue")],"#,
            r#"    opening_time: Some(Time::new("08:30:00")),"#,
            r#"    closing_time: Some(Time::new("12:00:00")),"#,
            "    ..Default::default()",
            "};",
            r#"assert_eq!(serde_json::to_value(&mornings).unwrap()["daysOfWeek"][1], "tue");"#,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Location",
        rust: "Location",
        doc: &[
            "A place of consultation (contained in the PractitionerRole for PS/CPTS, an entry for SOS).",
            "",
            "```",
            "use fr_fhir_core::model::{FhirString, Id, Identifier, Location};",
            "let place = Location {",
            r#"    id: Some(Id::new("lieu-1")),"#,
            r#"    identifier: vec![Identifier::location_intrn("https://agenda.exemple.fr/lieux", "L-0392")],"#,
            r#"    name: Some(FhirString::new("Cabinet Paul Bert")),"#,
            "    ..Default::default()",
            "};",
            "let json = serde_json::to_value(&place).unwrap();",
            r#"assert_eq!(json["identifier"][0]["type"]["coding"][0]["code"], "INTRN");"#,
            "```",
        ],
        known: &["position"],
        boxed: &[],
    },
    Model {
        fhir: "Organization",
        rust: "Organization",
        doc: &[
            "An organization (CPTS: identified by `1`+FINESS; SOS association: `3`+SIRET).",
            "",
            "```",
            "use fr_fhir_core::model::{FhirString, Identifier, Organization};",
            "let cpts = Organization {",
            r#"    identifier: vec![Identifier::national("urn:oid:1.2.250.1.71.4.2.2", "IDNST", "1440025633")],"#,
            r#"    name: Some(FhirString::new("CPTS Nantes")),"#,
            "    ..Default::default()",
            "};",
            r#"assert_eq!(serde_json::to_value(&cpts).unwrap()["identifier"][0]["value"], "1440025633");"#,
            "```",
        ],
        known: &["contact"],
        boxed: &[],
    },
    Model {
        fhir: "HealthcareService",
        rust: "HealthcareService",
        doc: &[
            "A service (CPTS: the CPTS offer named by the Slot serviceType extension).",
            "",
            "```",
            "use fr_fhir_core::model::{FhirString, HealthcareService, Reference};",
            "let offer = HealthcareService {",
            r#"    provided_by: Some(Reference::to("Organization/cpts-1")),"#,
            r#"    name: Some(FhirString::new("CPTS Nantes")),"#,
            "    ..Default::default()",
            "};",
            r#"assert_eq!(serde_json::to_value(&offer).unwrap()["providedBy"]["reference"], "Organization/cpts-1");"#,
            "```",
        ],
        known: &["photo", "eligibility", "availableTime", "notAvailable"],
        boxed: &[],
    },
    Model {
        fhir: "OperationOutcome.issue",
        rust: "OperationOutcomeIssue",
        doc: &["One issue of an OperationOutcome."],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "OperationOutcome",
        rust: "OperationOutcome",
        doc: &[
            "Errors and warnings: the body of a failed search (4xx/5xx).",
            "",
            "```",
            "use fr_fhir_core::model::*;",
            "let oo = OperationOutcome {",
            "    issue: vec![OperationOutcomeIssue {",
            r#"        severity: Some(Code::new("error")),"#,
            r#"        code: Some(Code::new("required")),"#,
            r#"        diagnostics: Some(FhirString::new("parameter start with prefix le is missing")),"#,
            "        ..Default::default()",
            "    }],",
            "    ..Default::default()",
            "};",
            "let json = serde_json::to_string(&oo).unwrap();",
            r##"assert!(json.starts_with(r#"{"resourceType":"OperationOutcome","issue":[{"severity":"error""#));"##,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
];

const BUNDLE: &[Model] = &[
    Model {
        fhir: "Bundle.link",
        rust: "BundleLink",
        doc: &[
            "A link of the Bundle (SAS: exactly one, `self`, repeating the request).",
            "",
            "```",
            "use fr_fhir_core::model::{BundleLink, FhirString, Uri};",
            "let link = BundleLink {",
            r#"    relation: Some(FhirString::new("self")),"#,
            r#"    url: Some(Uri::new("https://agenda.exemple.fr/fhir/Slot?status=free")),"#,
            "    ..Default::default()",
            "};",
            r##"assert!(serde_json::to_string(&link).unwrap().starts_with(r#"{"relation":"self""#));"##,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Bundle.entry.search",
        rust: "BundleEntrySearch",
        doc: &[
            "Why an entry is in a searchset (`match` or `include`).",
            "",
            "```",
            "use fr_fhir_core::model::{BundleEntrySearch, Code};",
            "use fr_fhir_core::vocab::SearchMode;",
            "let search = BundleEntrySearch { mode: Some(Code::new(SearchMode::Include.as_str())), ..Default::default() };",
            r##"assert_eq!(serde_json::to_string(&search).unwrap(), r#"{"mode":"include"}"#);"##,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Bundle.entry.request",
        rust: "BundleEntryRequest",
        doc: &["Transaction details of an entry (forbidden in a searchset, bdl-3)."],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Bundle.entry.response",
        rust: "BundleEntryResponse",
        doc: &["Transaction results of an entry (forbidden in a searchset, bdl-4)."],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Bundle.entry",
        rust: "BundleEntry",
        doc: &[
            "One entry of a Bundle.",
            "",
            "```",
            "use fr_fhir_core::model::{Bundle, Resource};",
            r##"let src = r#"{"resourceType":"Bundle","entry":[{"fullUrl":"https://h/fhir/Slot/1","resource":{"resourceType":"Slot"},"search":{"mode":"match"}}]}"#;"##,
            "let bundle = Bundle::parse_owned(src).unwrap();",
            "let entry = &bundle.entry[0];",
            "assert!(matches!(entry.resource, Some(Resource::Slot(_))));",
            r#"assert_eq!(entry.search.as_ref().and_then(|s| s.mode.as_ref()).map(|m| m.as_str()), Some("match"));"#,
            "```",
        ],
        known: &[],
        boxed: &[],
    },
];
