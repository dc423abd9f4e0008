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
        doc: &["An identifier (RPPS, FINESS... in SAS, always in its national prefixed form)."],
        known: &[],
        boxed: &["period", "assigner"],
    },
    Model {
        fhir: "Reference",
        rust: "Reference",
        doc: &[
            "A reference to another resource (literal `reference` and/or logical `identifier`).",
        ],
        known: &[],
        boxed: &["identifier"],
    },
    Model {
        fhir: "HumanName",
        rust: "HumanName",
        doc: &["A person's name."],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "ContactPoint",
        rust: "ContactPoint",
        doc: &["A phone number, e-mail address..."],
        known: &[],
        boxed: &[],
    },
    Model { fhir: "Address", rust: "Address", doc: &["A postal address."], known: &[], boxed: &[] },
    Model { fhir: "Period", rust: "Period", doc: &["A time range."], known: &[], boxed: &[] },
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
        boxed: &[],
    },
    Model {
        fhir: "Schedule",
        rust: "Schedule",
        doc: &["A container for slots of time (one per place of consultation in SAS)."],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Practitioner",
        rust: "Practitioner",
        doc: &["A health professional."],
        known: &["photo", "qualification", "communication"],
        boxed: &[],
    },
    Model {
        fhir: "PractitionerRole",
        rust: "PractitionerRole",
        doc: &["The roles of a practitioner at a place (`FrPractitionerRoleExercice`)."],
        known: &["availableTime", "notAvailable"],
        boxed: &[],
    },
    Model {
        fhir: "Location.hoursOfOperation",
        rust: "LocationHoursOfOperation",
        doc: &["Opening hours of a location."],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Location",
        rust: "Location",
        doc: &[
            "A place of consultation (contained in the PractitionerRole for PS/CPTS, an entry for SOS).",
        ],
        known: &["position"],
        boxed: &[],
    },
    Model {
        fhir: "Organization",
        rust: "Organization",
        doc: &["An organization (CPTS: identified by `1`+FINESS; SOS association: `3`+SIRET)."],
        known: &["contact"],
        boxed: &[],
    },
    Model {
        fhir: "HealthcareService",
        rust: "HealthcareService",
        doc: &["A service (CPTS: the CPTS offer named by the Slot serviceType extension)."],
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
        doc: &["A link of the Bundle (SAS: exactly one, `self`, repeating the request)."],
        known: &[],
        boxed: &[],
    },
    Model {
        fhir: "Bundle.entry.search",
        rust: "BundleEntrySearch",
        doc: &["Why an entry is in a searchset (`match` or `include`)."],
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
        doc: &["One entry of a Bundle."],
        known: &[],
        boxed: &[],
    },
];
