//! The resources of the SAS slot search (other than Bundle).

use super::macros::fhir_type;
use super::*;

fhir_type! {
    /// A slot of time on a schedule that may be available for booking.
    ///
    /// ```
    /// use fr_fhir_core::model::*;
    /// let slot = Slot {
    ///     id: Some(Id::new("slot-1")),
    ///     schedule: Some(Reference { reference: Some(FhirString::new("Schedule/sched-1")), ..Default::default() }),
    ///     status: Some(Code::new("free")),
    ///     start: Some(Instant::new("2026-11-26T09:00:00.000+01:00")),
    ///     end: Some(Instant::new("2026-11-26T09:15:00.000+01:00")),
    ///     ..Default::default()
    /// };
    /// let json = serde_json::to_value(&slot).unwrap();
    /// assert_eq!(json["resourceType"], "Slot");
    /// assert_eq!(json["status"], "free");
    /// ```
    Slot resource = "Slot" {
        id: Option<Id<'a>> = "id",
        meta: Option<Meta<'a>> = "meta",
        implicit_rules: Option<Uri<'a>> = "implicitRules",
        language: Option<Code<'a>> = "language",
        text: Option<Narrative<'a>> = "text",
        contained: Vec<Resource<'a>> = "contained",
        extension: Vec<Extension<'a>> = "extension",
        modifier_extension: Vec<Extension<'a>> = "modifierExtension",
        identifier: Vec<Identifier<'a>> = "identifier",
        service_category: Vec<CodeableConcept<'a>> = "serviceCategory",
        service_type: Vec<CodeableConcept<'a>> = "serviceType",
        specialty: Vec<CodeableConcept<'a>> = "specialty",
        appointment_type: Option<CodeableConcept<'a>> = "appointmentType",
        schedule: Option<Reference<'a>> = "schedule",
        status: Option<Code<'a>> = "status",
        start: Option<Instant<'a>> = "start",
        end: Option<Instant<'a>> = "end",
        overbooked: Option<Boolean<'a>> = "overbooked",
        comment: Option<FhirString<'a>> = "comment",
    }
    prim: ["id", "implicitRules", "language", "status", "start", "end", "overbooked", "comment"]
    known: []
}

fhir_type! {
    /// A container for slots of time (one per place of consultation in SAS).
    Schedule resource = "Schedule" {
        id: Option<Id<'a>> = "id",
        meta: Option<Meta<'a>> = "meta",
        implicit_rules: Option<Uri<'a>> = "implicitRules",
        language: Option<Code<'a>> = "language",
        text: Option<Narrative<'a>> = "text",
        contained: Vec<Resource<'a>> = "contained",
        extension: Vec<Extension<'a>> = "extension",
        modifier_extension: Vec<Extension<'a>> = "modifierExtension",
        identifier: Vec<Identifier<'a>> = "identifier",
        active: Option<Boolean<'a>> = "active",
        service_category: Vec<CodeableConcept<'a>> = "serviceCategory",
        service_type: Vec<CodeableConcept<'a>> = "serviceType",
        specialty: Vec<CodeableConcept<'a>> = "specialty",
        actor: Vec<Reference<'a>> = "actor",
        planning_horizon: Option<Period<'a>> = "planningHorizon",
        comment: Option<FhirString<'a>> = "comment",
    }
    prim: ["id", "implicitRules", "language", "active", "comment"]
    known: []
}

fhir_type! {
    /// A health professional.
    Practitioner resource = "Practitioner" {
        id: Option<Id<'a>> = "id",
        meta: Option<Meta<'a>> = "meta",
        implicit_rules: Option<Uri<'a>> = "implicitRules",
        language: Option<Code<'a>> = "language",
        text: Option<Narrative<'a>> = "text",
        contained: Vec<Resource<'a>> = "contained",
        extension: Vec<Extension<'a>> = "extension",
        modifier_extension: Vec<Extension<'a>> = "modifierExtension",
        identifier: Vec<Identifier<'a>> = "identifier",
        active: Option<Boolean<'a>> = "active",
        name: Vec<HumanName<'a>> = "name",
        telecom: Vec<ContactPoint<'a>> = "telecom",
        address: Vec<Address<'a>> = "address",
        gender: Option<Code<'a>> = "gender",
        birth_date: Option<Date<'a>> = "birthDate",
    }
    prim: ["id", "implicitRules", "language", "active", "gender", "birthDate"]
    known: ["photo", "qualification", "communication"]
}

fhir_type! {
    /// The roles of a practitioner at a place (`FrPractitionerRoleExercice`).
    PractitionerRole resource = "PractitionerRole" {
        id: Option<Id<'a>> = "id",
        meta: Option<Meta<'a>> = "meta",
        implicit_rules: Option<Uri<'a>> = "implicitRules",
        language: Option<Code<'a>> = "language",
        text: Option<Narrative<'a>> = "text",
        contained: Vec<Resource<'a>> = "contained",
        extension: Vec<Extension<'a>> = "extension",
        modifier_extension: Vec<Extension<'a>> = "modifierExtension",
        identifier: Vec<Identifier<'a>> = "identifier",
        active: Option<Boolean<'a>> = "active",
        period: Option<Period<'a>> = "period",
        practitioner: Option<Reference<'a>> = "practitioner",
        organization: Option<Reference<'a>> = "organization",
        code: Vec<CodeableConcept<'a>> = "code",
        specialty: Vec<CodeableConcept<'a>> = "specialty",
        location: Vec<Reference<'a>> = "location",
        healthcare_service: Vec<Reference<'a>> = "healthcareService",
        telecom: Vec<ContactPoint<'a>> = "telecom",
        availability_exceptions: Option<FhirString<'a>> = "availabilityExceptions",
        endpoint: Vec<Reference<'a>> = "endpoint",
    }
    prim: ["id", "implicitRules", "language", "active", "availabilityExceptions"]
    known: ["availableTime", "notAvailable"]
}

fhir_type! {
    /// Opening hours of a location.
    LocationHoursOfOperation {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        modifier_extension: Vec<Extension<'a>> = "modifierExtension",
        days_of_week: Vec<Code<'a>> = "daysOfWeek",
        all_day: Option<Boolean<'a>> = "allDay",
        opening_time: Option<Time<'a>> = "openingTime",
        closing_time: Option<Time<'a>> = "closingTime",
    }
    prim: ["id", "daysOfWeek", "allDay", "openingTime", "closingTime"]
    known: []
}

fhir_type! {
    /// A place of consultation (contained in the PractitionerRole for PS/CPTS, an entry for SOS).
    Location resource = "Location" {
        id: Option<Id<'a>> = "id",
        meta: Option<Meta<'a>> = "meta",
        implicit_rules: Option<Uri<'a>> = "implicitRules",
        language: Option<Code<'a>> = "language",
        text: Option<Narrative<'a>> = "text",
        contained: Vec<Resource<'a>> = "contained",
        extension: Vec<Extension<'a>> = "extension",
        modifier_extension: Vec<Extension<'a>> = "modifierExtension",
        identifier: Vec<Identifier<'a>> = "identifier",
        status: Option<Code<'a>> = "status",
        operational_status: Option<Coding<'a>> = "operationalStatus",
        name: Option<FhirString<'a>> = "name",
        alias: Vec<FhirString<'a>> = "alias",
        description: Option<FhirString<'a>> = "description",
        mode: Option<Code<'a>> = "mode",
        type_: Vec<CodeableConcept<'a>> = "type",
        telecom: Vec<ContactPoint<'a>> = "telecom",
        address: Option<Address<'a>> = "address",
        physical_type: Option<CodeableConcept<'a>> = "physicalType",
        managing_organization: Option<Reference<'a>> = "managingOrganization",
        part_of: Option<Reference<'a>> = "partOf",
        hours_of_operation: Vec<LocationHoursOfOperation<'a>> = "hoursOfOperation",
        availability_exceptions: Option<FhirString<'a>> = "availabilityExceptions",
        endpoint: Vec<Reference<'a>> = "endpoint",
    }
    prim: ["id", "implicitRules", "language", "status", "name", "alias", "description", "mode", "availabilityExceptions"]
    known: ["position"]
}

fhir_type! {
    /// An organization (CPTS: identified by `1`+FINESS; SOS association: `3`+SIRET).
    Organization resource = "Organization" {
        id: Option<Id<'a>> = "id",
        meta: Option<Meta<'a>> = "meta",
        implicit_rules: Option<Uri<'a>> = "implicitRules",
        language: Option<Code<'a>> = "language",
        text: Option<Narrative<'a>> = "text",
        contained: Vec<Resource<'a>> = "contained",
        extension: Vec<Extension<'a>> = "extension",
        modifier_extension: Vec<Extension<'a>> = "modifierExtension",
        identifier: Vec<Identifier<'a>> = "identifier",
        active: Option<Boolean<'a>> = "active",
        type_: Vec<CodeableConcept<'a>> = "type",
        name: Option<FhirString<'a>> = "name",
        alias: Vec<FhirString<'a>> = "alias",
        telecom: Vec<ContactPoint<'a>> = "telecom",
        address: Vec<Address<'a>> = "address",
        part_of: Option<Reference<'a>> = "partOf",
        endpoint: Vec<Reference<'a>> = "endpoint",
    }
    prim: ["id", "implicitRules", "language", "active", "name", "alias"]
    known: ["contact"]
}

fhir_type! {
    /// A service (CPTS: the CPTS offer named by the Slot serviceType extension).
    HealthcareService resource = "HealthcareService" {
        id: Option<Id<'a>> = "id",
        meta: Option<Meta<'a>> = "meta",
        implicit_rules: Option<Uri<'a>> = "implicitRules",
        language: Option<Code<'a>> = "language",
        text: Option<Narrative<'a>> = "text",
        contained: Vec<Resource<'a>> = "contained",
        extension: Vec<Extension<'a>> = "extension",
        modifier_extension: Vec<Extension<'a>> = "modifierExtension",
        identifier: Vec<Identifier<'a>> = "identifier",
        active: Option<Boolean<'a>> = "active",
        provided_by: Option<Reference<'a>> = "providedBy",
        category: Vec<CodeableConcept<'a>> = "category",
        type_: Vec<CodeableConcept<'a>> = "type",
        specialty: Vec<CodeableConcept<'a>> = "specialty",
        location: Vec<Reference<'a>> = "location",
        name: Option<FhirString<'a>> = "name",
        comment: Option<FhirString<'a>> = "comment",
        extra_details: Option<Markdown<'a>> = "extraDetails",
        telecom: Vec<ContactPoint<'a>> = "telecom",
        coverage_area: Vec<Reference<'a>> = "coverageArea",
        service_provision_code: Vec<CodeableConcept<'a>> = "serviceProvisionCode",
        program: Vec<CodeableConcept<'a>> = "program",
        characteristic: Vec<CodeableConcept<'a>> = "characteristic",
        communication: Vec<CodeableConcept<'a>> = "communication",
        referral_method: Vec<CodeableConcept<'a>> = "referralMethod",
        appointment_required: Option<Boolean<'a>> = "appointmentRequired",
        availability_exceptions: Option<FhirString<'a>> = "availabilityExceptions",
        endpoint: Vec<Reference<'a>> = "endpoint",
    }
    prim: ["id", "implicitRules", "language", "active", "name", "comment", "extraDetails", "appointmentRequired", "availabilityExceptions"]
    known: ["photo", "eligibility", "availableTime", "notAvailable"]
}

fhir_type! {
    /// One issue of an OperationOutcome.
    OperationOutcomeIssue {
        id: Option<FhirString<'a>> = "id",
        extension: Vec<Extension<'a>> = "extension",
        modifier_extension: Vec<Extension<'a>> = "modifierExtension",
        severity: Option<Code<'a>> = "severity",
        code: Option<Code<'a>> = "code",
        details: Option<CodeableConcept<'a>> = "details",
        diagnostics: Option<FhirString<'a>> = "diagnostics",
        location: Vec<FhirString<'a>> = "location",
        expression: Vec<FhirString<'a>> = "expression",
    }
    prim: ["id", "severity", "code", "diagnostics", "location", "expression"]
    known: []
}

fhir_type! {
    /// Errors and warnings: the body of a failed search (4xx/5xx).
    ///
    /// ```
    /// use fr_fhir_core::model::*;
    /// let oo = OperationOutcome {
    ///     issue: vec![OperationOutcomeIssue {
    ///         severity: Some(Code::new("error")),
    ///         code: Some(Code::new("required")),
    ///         diagnostics: Some(FhirString::new("parameter start with prefix le is missing")),
    ///         ..Default::default()
    ///     }],
    ///     ..Default::default()
    /// };
    /// let json = serde_json::to_string(&oo).unwrap();
    /// assert!(json.starts_with(r#"{"resourceType":"OperationOutcome","issue":[{"severity":"error""#));
    /// ```
    OperationOutcome resource = "OperationOutcome" {
        id: Option<Id<'a>> = "id",
        meta: Option<Meta<'a>> = "meta",
        implicit_rules: Option<Uri<'a>> = "implicitRules",
        language: Option<Code<'a>> = "language",
        text: Option<Narrative<'a>> = "text",
        contained: Vec<Resource<'a>> = "contained",
        extension: Vec<Extension<'a>> = "extension",
        modifier_extension: Vec<Extension<'a>> = "modifierExtension",
        issue: Vec<OperationOutcomeIssue<'a>> = "issue",
    }
    prim: ["id", "implicitRules", "language"]
    known: []
}
