//! Constructors for building SAS resources in code (another SAS service
//! answering a search, a test fixture...). Values built here serialize to
//! valid FHIR JSON with `serde_json`.
//!
//! ```
//! use fr_fhir_core::model::*;
//! let slot = Slot {
//!     id: Some(Id::new("slot-1")),
//!     meta: Some(Meta::profiled("http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur")),
//!     schedule: Some(Reference::to("Schedule/sched-1")),
//!     status: Some(Code::new("free")),
//!     start: Some(Instant::new("2026-11-26T09:00:00.000+01:00")),
//!     end: Some(Instant::new("2026-11-26T09:15:00.000+01:00")),
//!     ..Default::default()
//! };
//! let mut bundle = Bundle::searchset("https://agenda.example/fhir/Slot?status=free");
//! bundle.push("https://agenda.example/fhir/Slot/slot-1", Resource::Slot(Box::new(slot)), "match");
//! let json = serde_json::to_value(&bundle).unwrap();
//! assert_eq!(json["total"], 1);
//! assert_eq!(json["entry"][0]["search"]["mode"], "match");
//! ```

use super::*;
use crate::json::Str;

impl<'a> Reference<'a> {
    /// A literal reference (`Schedule/abc`, `#loc`...).
    pub fn to(reference: impl Into<Str<'a>>) -> Self {
        Reference { reference: Some(FhirString::new(reference)), ..Default::default() }
    }
}

impl<'a> Coding<'a> {
    /// A coding with a system and a code.
    pub fn of(system: impl Into<Str<'a>>, code: impl Into<Str<'a>>) -> Self {
        Coding { system: Some(Uri::new(system)), code: Some(Code::new(code)), ..Default::default() }
    }
}

impl<'a> CodeableConcept<'a> {
    /// A concept with one coding.
    pub fn of(system: impl Into<Str<'a>>, code: impl Into<Str<'a>>) -> Self {
        CodeableConcept { coding: vec![Coding::of(system, code)], ..Default::default() }
    }

    /// A text-only concept (SAS visit reasons).
    pub fn text(text: impl Into<Str<'a>>) -> Self {
        CodeableConcept { text: Some(FhirString::new(text)), ..Default::default() }
    }
}

impl<'a> Meta<'a> {
    /// `meta` declaring one profile.
    pub fn profiled(profile: impl Into<Str<'a>>) -> Self {
        Meta { profile: vec![Canonical::new(profile)], ..Default::default() }
    }
}

impl<'a> Identifier<'a> {
    /// A national identifier with its system, its type coding and its value.
    ///
    /// ```
    /// use fr_fhir_core::model::Identifier;
    /// let id = Identifier::national("urn:oid:1.2.250.1.71.4.2.1", "IDNPS", "810002909371");
    /// assert_eq!(id.value.unwrap().as_str(), "810002909371");
    /// ```
    pub fn national(
        system: impl Into<Str<'a>>,
        type_code: &'static str,
        value: impl Into<Str<'a>>,
    ) -> Self {
        Identifier {
            type_: Some(CodeableConcept::of(crate::ids::SYSTEM_FR_V2_0203, type_code)),
            system: Some(Uri::new(system)),
            value: Some(FhirString::new(value)),
            ..Default::default()
        }
    }
}

impl<'a> Identifier<'a> {
    /// An identifier whose type comes from another code system than
    /// fr-v2-0203: a Location's `INTRN` identifier types from
    /// fr-location-identifier-type, a CPTS Organization's from FR Core.
    ///
    /// ```
    /// use fr_fhir_core::ids::SYSTEM_FR_LOCATION_ID_TYPE;
    /// use fr_fhir_core::model::Identifier;
    /// let id = Identifier::typed(SYSTEM_FR_LOCATION_ID_TYPE, "INTRN", "https://editeur.fr/lieux", "cab-12");
    /// let coding = &id.type_.as_ref().unwrap().coding[0];
    /// assert_eq!(coding.system.as_ref().unwrap().as_str(), SYSTEM_FR_LOCATION_ID_TYPE);
    /// ```
    pub fn typed(
        type_system: &'static str,
        type_code: &'static str,
        system: impl Into<Str<'a>>,
        value: impl Into<Str<'a>>,
    ) -> Self {
        Identifier {
            type_: Some(CodeableConcept::of(type_system, type_code)),
            system: Some(Uri::new(system)),
            value: Some(FhirString::new(value)),
            ..Default::default()
        }
    }
}

impl<'a> Identifier<'a> {
    /// A Location's own identifier as FrLocation expects it (RO1-LOC-001):
    /// type `INTRN` from fr-location-identifier-type (not fr-v2-0203, which
    /// [`Identifier::national`] uses), `system` the vendor's URL or OID,
    /// `value` its place id.
    ///
    /// ```
    /// use fr_fhir_core::ids::SYSTEM_FR_LOCATION_ID_TYPE;
    /// use fr_fhir_core::model::Identifier;
    /// let id = Identifier::location_intrn("https://editeur.fr/lieux", "cab-12");
    /// let coding = &id.type_.as_ref().unwrap().coding[0];
    /// assert_eq!(coding.system.as_ref().unwrap().as_str(), SYSTEM_FR_LOCATION_ID_TYPE);
    /// assert_eq!(coding.code.as_ref().unwrap().as_str(), "INTRN");
    /// assert_eq!(id.value.unwrap().as_str(), "cab-12");
    /// ```
    pub fn location_intrn(system: impl Into<Str<'a>>, value: impl Into<Str<'a>>) -> Self {
        Identifier::typed(crate::ids::SYSTEM_FR_LOCATION_ID_TYPE, "INTRN", system, value)
    }
}

/// A person national identifier as the FHIR `Identifier` the SAS profiles
/// expect (system `urn:oid:1.2.250.1.71.4.2.1`, type `IDNPS`).
///
/// ```
/// use fr_fhir_core::ids::Idnps;
/// use fr_fhir_core::model::Identifier;
/// let idnps = Idnps::parse_form("810002909371").unwrap();
/// let id = Identifier::from(&idnps);
/// assert_eq!(id.value.unwrap().as_str(), "810002909371");
/// assert_eq!(id.system.unwrap().as_str(), Idnps::SYSTEM);
/// ```
impl From<&crate::ids::Idnps> for Identifier<'static> {
    fn from(id: &crate::ids::Idnps) -> Self {
        use crate::ids::Idnps;
        Identifier::national(Idnps::SYSTEM, Idnps::TYPE_CODE, id.to_string())
    }
}

/// A structure national identifier as the FHIR `Identifier` the SAS profiles
/// expect (system `urn:oid:1.2.250.1.71.4.2.2`, type `IDNST`).
///
/// ```
/// use fr_fhir_core::ids::Idnst;
/// use fr_fhir_core::model::Identifier;
/// let idnst = Idnst::parse_form("1750000011").unwrap();
/// assert_eq!(Identifier::from(&idnst).system.unwrap().as_str(), Idnst::SYSTEM);
/// ```
impl From<&crate::ids::Idnst> for Identifier<'static> {
    fn from(id: &crate::ids::Idnst) -> Self {
        use crate::ids::Idnst;
        Identifier::national(Idnst::SYSTEM, Idnst::TYPE_CODE, id.to_string())
    }
}

impl<'a> Bundle<'a> {
    /// An empty searchset with its self link and `total` 0.
    pub fn searchset(self_url: impl Into<Str<'a>>) -> Self {
        Bundle {
            type_: Some(Code::new("searchset")),
            total: Some(UnsignedInt::new("0")),
            link: vec![BundleLink {
                relation: Some(FhirString::new("self")),
                url: Some(Uri::new(self_url)),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    /// Appends an entry with its fullUrl and search mode; `match` entries
    /// increase `total`.
    pub fn push(&mut self, full_url: impl Into<Str<'a>>, resource: Resource<'a>, mode: &'a str) {
        if mode == "match" {
            let n = self.total.as_ref().and_then(|t| t.value()).unwrap_or(0) + 1;
            self.total = Some(UnsignedInt::new(n.to_string()));
        }
        self.entry.push(BundleEntry {
            full_url: Some(Uri::new(full_url)),
            resource: Some(resource),
            search: Some(BundleEntrySearch { mode: Some(Code::new(mode)), ..Default::default() }),
            ..Default::default()
        });
        self.entry_count = u32::try_from(self.entry.len()).unwrap_or(u32::MAX);
    }
}

impl<'a> OperationOutcome<'a> {
    /// An OperationOutcome with one issue.
    ///
    /// ```
    /// use fr_fhir_core::model::OperationOutcome;
    /// let oo = OperationOutcome::single("error", "required", "parameter start=le is missing");
    /// assert!(serde_json::to_string(&oo).unwrap().contains(r#""code":"required""#));
    /// ```
    pub fn single(severity: &'a str, code: &'a str, diagnostics: impl Into<Str<'a>>) -> Self {
        OperationOutcome {
            issue: vec![OperationOutcomeIssue {
                severity: Some(Code::new(severity)),
                code: Some(Code::new(code)),
                diagnostics: Some(FhirString::new(diagnostics)),
                ..Default::default()
            }],
            ..Default::default()
        }
    }
}
