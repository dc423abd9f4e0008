//! FHIR R4 complex datatypes used by the SAS slot search.

use super::macros::fhir_type;
use super::*;

fhir_type! {
    /// The id and extensions of a primitive value (the `_x` sibling).
    Element {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
    }
    prim: ["id"]
    known: []
}

fhir_type! {
    /// Metadata about a resource.
    ///
    /// ```
    /// use fr_fhir_core::model::{Meta, Canonical};
    /// let meta = Meta { profile: vec![Canonical::new("http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur")], ..Default::default() };
    /// assert!(serde_json::to_string(&meta).unwrap().contains("FrSlotAgregateur"));
    /// ```
    Meta {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        version_id: Option<Id<'a>> = "versionId",
        last_updated: Option<Instant<'a>> = "lastUpdated",
        source: Option<Uri<'a>> = "source",
        profile: Vec<Canonical<'a>> = "profile",
        security: Vec<Coding<'a>> = "security",
        tag: Vec<Coding<'a>> = "tag",
    }
    prim: ["id", "versionId", "lastUpdated", "source", "profile"]
    known: []
}

fhir_type! {
    /// A code from a code system.
    Coding {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        system: Option<Uri<'a>> = "system",
        version: Option<FhirString<'a>> = "version",
        code: Option<Code<'a>> = "code",
        display: Option<FhirString<'a>> = "display",
        user_selected: Option<Boolean<'a>> = "userSelected",
    }
    prim: ["id", "system", "version", "code", "display", "userSelected"]
    known: []
}

impl Coding<'_> {
    /// True when `system` and `code` are exactly these.
    pub fn is(&self, system: &str, code: &str) -> bool {
        self.system.as_ref().is_some_and(|s| s == system)
            && self.code.as_ref().is_some_and(|c| c == code)
    }
}

fhir_type! {
    /// Codings and/or text.
    CodeableConcept {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        coding: Vec<Coding<'a>> = "coding",
        text: Option<FhirString<'a>> = "text",
    }
    prim: ["id", "text"]
    known: []
}

fhir_type! {
    /// An identifier (RPPS, FINESS... in SAS, always in its national prefixed form).
    Identifier {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        use_: Option<Code<'a>> = "use",
        type_: Option<CodeableConcept<'a>> = "type",
        system: Option<Uri<'a>> = "system",
        value: Option<FhirString<'a>> = "value",
        period: Option<Box<Period<'a>>> = "period",
        assigner: Option<Box<Reference<'a>>> = "assigner",
    }
    prim: ["id", "use", "system", "value"]
    known: []
}

fhir_type! {
    /// A reference to another resource (literal `reference` and/or logical `identifier`).
    Reference {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        reference: Option<FhirString<'a>> = "reference",
        type_: Option<Uri<'a>> = "type",
        identifier: Option<Box<Identifier<'a>>> = "identifier",
        display: Option<FhirString<'a>> = "display",
    }
    prim: ["id", "reference", "type", "display"]
    known: []
}

fhir_type! {
    /// A person's name.
    HumanName {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        use_: Option<Code<'a>> = "use",
        text: Option<FhirString<'a>> = "text",
        family: Option<FhirString<'a>> = "family",
        given: Vec<FhirString<'a>> = "given",
        prefix: Vec<FhirString<'a>> = "prefix",
        suffix: Vec<FhirString<'a>> = "suffix",
        period: Option<Period<'a>> = "period",
    }
    prim: ["id", "use", "text", "family", "given", "prefix", "suffix"]
    known: []
}

fhir_type! {
    /// A phone number, e-mail address...
    ContactPoint {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        system: Option<Code<'a>> = "system",
        value: Option<FhirString<'a>> = "value",
        use_: Option<Code<'a>> = "use",
        rank: Option<PositiveInt<'a>> = "rank",
        period: Option<Period<'a>> = "period",
    }
    prim: ["id", "system", "value", "use", "rank"]
    known: []
}

fhir_type! {
    /// A postal address.
    Address {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        use_: Option<Code<'a>> = "use",
        type_: Option<Code<'a>> = "type",
        text: Option<FhirString<'a>> = "text",
        line: Vec<FhirString<'a>> = "line",
        city: Option<FhirString<'a>> = "city",
        district: Option<FhirString<'a>> = "district",
        state: Option<FhirString<'a>> = "state",
        postal_code: Option<FhirString<'a>> = "postalCode",
        country: Option<FhirString<'a>> = "country",
        period: Option<Period<'a>> = "period",
    }
    prim: ["id", "use", "type", "text", "line", "city", "district", "state", "postalCode", "country"]
    known: []
}

fhir_type! {
    /// A time range.
    Period {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        start: Option<DateTime<'a>> = "start",
        end: Option<DateTime<'a>> = "end",
    }
    prim: ["id", "start", "end"]
    known: []
}

fhir_type! {
    /// Human-readable summary of a resource.
    Narrative {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        status: Option<Code<'a>> = "status",
        div: Option<Xhtml<'a>> = "div",
    }
    prim: ["id", "status"]
    known: []
}
