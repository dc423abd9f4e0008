//! Building the response to a slot search, seeded from the request so that
//! what the SAS compares with the request (self link, `total`, search modes)
//! and what it resolves (Slot → Schedule → Practitioner / PractitionerRole →
//! contained Location) cannot be wired wrong.
//!
//! [`ResponseBuilder`] builds the PS shape (SPEC §1.2, §2.1–2.6) and the
//! CPTS one (§1.3, §2.7: slots labelled for a [`Cpts`] name its
//! HealthcareService, provided by its Organization);
//! [`SosResponseBuilder`] the SOS Médecins one (§1.4, §2.8: Schedule →
//! Location → Organization). Each refuses the other's requests
//! ([`UnsupportedUseCase`]) rather than answer with a Bundle of the wrong
//! shape.
//!
//! ```
//! use chrono::DateTime;
//! use fr_fhir_core::ids::{Idnps, Idnst};
//! use int_ro1::Severity;
//! use int_ro1::exchange::{ExchangeOptions, validate_body};
//! use int_ro1::request::SearchRequest;
//! use int_ro1::response::{FreeSlot, Place, ResponseBuilder};
//!
//! let at = |s| DateTime::parse_from_rfc3339(s).unwrap();
//! let rpps = Idnps::parse_form("810002909371").unwrap();
//! let (from, to) = (at("2026-11-26T08:00:00+01:00"), at("2026-11-28T23:59:59.999+01:00"));
//! let request = SearchRequest::ps(from, to, &[rpps.clone()]);
//! let base = "https://agenda.exemple.fr/fhir";
//!
//! let mut response = ResponseBuilder::new(&request, base).unwrap();
//! let finess = Idnst::parse_form("1690041272").unwrap();
//! let cabinet = Place::new("Cabinet Paul Bert", "42 rue Paul Bert", "LYON", "69003", finess);
//! let (start, end) = (at("2026-11-26T14:00:00+01:00"), at("2026-11-26T14:20:00+01:00"));
//! response
//!     .practitioner(&rpps, "GARNIER", "Hélène")
//!     .role(cabinet)
//!     .slot(FreeSlot::new(start, end, "https://agenda.exemple.fr/rdv/42"));
//! let body = serde_json::to_string(&response.build()).unwrap();
//!
//! let opts = ExchangeOptions { request: Some(request.to_url(Some(base))), ..Default::default() };
//! assert!(!validate_body(&body, &opts).has(Severity::Warning));
//! ```

use std::fmt;

use chrono::{DateTime, FixedOffset};
use fr_fhir_core::ids::{Finess, Idnps, Idnst};
use fr_fhir_core::json::Str;
use fr_fhir_core::model::{
    Address, Bundle, Code, CodeableConcept, Coding, ContactPoint, Extension, FhirString,
    HealthcareService, HumanName, Id, Identifier, Instant, Location, Meta, Organization,
    Practitioner, PractitionerRole, Reference, Resource, Schedule, Slot, Value,
};
use fr_fhir_core::vocab::TRE_R66_CPTS;
use fr_fhir_core::vocab::{
    AppointmentReason, ConsultationType, SearchMode, SlotStatus, SlotType, profiles, sas_instant,
    systems,
};

use crate::request::{SearchRequest, UseCase};

mod sos;

pub use sos::{AssociationEntry, SosPlace, SosPlaceEntry, SosResponseBuilder};

/// Why [`ResponseBuilder::new`] (PS, CPTS) or [`SosResponseBuilder::new`]
/// (SOS) refused a request: it is of the other shape.
///
/// ```
/// use chrono::DateTime;
/// use int_ro1::request::SearchRequest;
/// use int_ro1::response::ResponseBuilder;
/// let t = DateTime::parse_from_rfc3339("2026-11-26T08:00:00+01:00").unwrap();
/// let sos = SearchRequest::sos(t, t, &["334173748400020".parse().unwrap()]);
/// let err = ResponseBuilder::new(&sos, "https://h/fhir").unwrap_err();
/// assert!(err.to_string().contains("SosResponseBuilder"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnsupportedUseCase(pub UseCase);

impl fmt::Display for UnsupportedUseCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.0.as_str();
        if self.0 == UseCase::SOS {
            write!(
                f,
                "ResponseBuilder builds PS and CPTS responses: use SosResponseBuilder for {name}"
            )
        } else {
            write!(f, "SosResponseBuilder builds SOS responses: use ResponseBuilder for {name}")
        }
    }
}

impl std::error::Error for UnsupportedUseCase {}

/// The response to one PS or CPTS slot search, built practitioner by
/// practitioner.
///
/// Resource ids are generated from positions (`prat-0`, `role-0-1`,
/// `agenda-0-1`, `lieu-0-1`, `crn-0-1-2`, CPTS `hs-0` and `org-0`), which keeps them unique in the
/// Bundle. Only what the matches reach is written: a role without a slot, and
/// a practitioner without such a role, are left out (the SAS flags includes
/// that no Slot reaches, RO1-REF-004).
///
/// The builder does not filter: a slot outside the request window or a
/// practitioner that was not requested is written as given, and
/// [`crate::exchange::validate_body`] reports it.
///
/// ```
/// use chrono::DateTime;
/// use int_ro1::request::SearchRequest;
/// use int_ro1::response::ResponseBuilder;
/// let t = DateTime::parse_from_rfc3339("2026-11-26T08:00:00+01:00").unwrap();
/// let req = SearchRequest::ps(t, t, &["810002909371".parse().unwrap()]);
/// let empty = ResponseBuilder::new(&req, "https://h/fhir").unwrap().build();
/// let json = serde_json::to_value(&empty).unwrap();
/// assert_eq!(json["total"], 0);
/// assert!(json.get("entry").is_none());
/// ```
#[derive(Debug, Clone)]
pub struct ResponseBuilder {
    use_case: UseCase,
    base: String,
    self_link: String,
    /// Practitioners before the last one.
    practitioners: Vec<PractitionerEntry>,
    /// The last practitioner, kept apart so that [`ResponseBuilder::practitioner`]
    /// hands it out with `Option::insert`, without a panic path.
    last: Option<PractitionerEntry>,
}

impl ResponseBuilder {
    /// A builder answering `request`, whose resources live under `base`
    /// (`https://host/fhir`): the self link is the request's URL on that
    /// base, and each `fullUrl` is `base/Type/id`. An SOS request is refused
    /// (use [`SosResponseBuilder`]).
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::response::ResponseBuilder;
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T08:00:00+01:00").unwrap();
    /// let req = SearchRequest::ps(t, t, &["810002909371".parse().unwrap()]);
    /// let bundle = ResponseBuilder::new(&req, "https://h/fhir/").unwrap().build();
    /// let link = bundle.link[0].url.as_ref().unwrap().as_str().to_owned();
    /// assert_eq!(link, req.to_url(Some("https://h/fhir")));
    /// ```
    pub fn new(request: &SearchRequest, base: &str) -> Result<Self, UnsupportedUseCase> {
        if request.use_case == UseCase::SOS {
            return Err(UnsupportedUseCase(request.use_case));
        }
        let base = base.trim_end_matches('/').to_owned();
        Ok(ResponseBuilder {
            use_case: request.use_case,
            self_link: request.to_url(Some(&base)),
            base,
            practitioners: Vec::new(),
            last: None,
        })
    }

    /// Adds a practitioner (one `Practitioner` entry, however many places)
    /// and returns it to add its roles.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::response::ResponseBuilder;
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T08:00:00+01:00").unwrap();
    /// let rpps = "810002909371".parse().unwrap();
    /// let mut b = ResponseBuilder::new(&SearchRequest::ps(t, t, &[]), "https://h/fhir").unwrap();
    /// b.practitioner(&rpps, "GARNIER", "Hélène");
    /// ```
    pub fn practitioner(
        &mut self,
        idnps: &Idnps,
        family: impl Into<String>,
        given: impl Into<String>,
    ) -> &mut PractitionerEntry {
        self.practitioners.extend(self.last.take());
        self.last.insert(PractitionerEntry {
            idnps: idnps.clone(),
            family: family.into(),
            given: given.into(),
            roles: Vec::new(),
            last: None,
        })
    }

    /// The searchset: Slots (`match`), then Schedules, Practitioners,
    /// PractitionerRoles and, for CPTS, HealthcareServices and Organizations
    /// (`include`), `total` = number of Slots.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::response::{FreeSlot, Place, ResponseBuilder};
    /// let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
    /// let rpps = "810002909371".parse().unwrap();
    /// let req = SearchRequest::ps(t("2026-11-26T08:00:00+01:00"), t("2026-11-27T08:00:00+01:00"), &[]);
    /// let mut b = ResponseBuilder::new(&req, "https://h/fhir").unwrap();
    /// let place = Place::new("Cabinet", "1 rue A", "LYON", "69003", "1690041272".parse().unwrap());
    /// b.practitioner(&rpps, "A", "B").role(place)
    ///     .slot(FreeSlot::new(t("2026-11-26T09:00:00+01:00"), t("2026-11-26T09:20:00+01:00"), "https://h/rdv"))
    ///     .slot(FreeSlot::new(t("2026-11-26T09:20:00+01:00"), t("2026-11-26T09:40:00+01:00"), "https://h/rdv"));
    /// let json = serde_json::to_value(&b.build()).unwrap();
    /// assert_eq!(json["total"], 2);
    /// assert_eq!(json["entry"].as_array().unwrap().len(), 5);
    /// ```
    pub fn build(&self) -> Bundle<'static> {
        let cpts_mode = self.use_case == UseCase::CPTS;
        let mut bundle = Bundle::searchset(Str::from(self.self_link.clone()));
        let (bundle_profile, slot_profile) = if cpts_mode {
            (profiles::BUNDLE_CPTS, profiles::SLOT_CPTS)
        } else {
            (profiles::BUNDLE_PS, profiles::SLOT_PS)
        };
        bundle.meta = Some(Meta::profiled(bundle_profile));
        // The CPTS named by the written slots, in order of first appearance:
        // one HealthcareService and one Organization each (RO1-CPTS-007).
        let mut cpts: Vec<&Cpts> = Vec::new();
        let mut schedules = Vec::new();
        let mut practitioners = Vec::new();
        let mut roles = Vec::new();
        for (i, p) in self.practitioners.iter().chain(&self.last).enumerate() {
            let pid = format!("prat-{i}");
            let mut reached = false;
            for (j, role) in p.roles.iter().chain(&p.last).enumerate() {
                let slots = written(&role.slots, |slot| slot.security(cpts_mode));
                if slots.is_empty() {
                    continue;
                }
                reached = true;
                let rid = format!("role-{i}-{j}");
                let sid = format!("agenda-{i}-{j}");
                let lid = format!("lieu-{i}-{j}");
                for (k, slot, security) in slots {
                    let slot_id = format!("crn-{i}-{j}-{k}");
                    let mut resource =
                        slot.resource(slot_id.clone(), &sid, slot_profile, &security);
                    if cpts_mode {
                        let services = slot.cpts.iter().map(|c| {
                            let n = match cpts.iter().position(|known| known.finess == c.finess) {
                                Some(n) => n,
                                None => {
                                    cpts.push(c);
                                    cpts.len() - 1
                                }
                            };
                            cpts_service_type(&format!("hs-{n}"))
                        });
                        // After the consultation types, before the visit reasons.
                        let at = slot.consultation_types.len().min(resource.service_type.len());
                        resource.service_type.splice(at..at, services);
                    }
                    bundle.push(
                        self.full_url("Slot", &slot_id),
                        Resource::Slot(Box::new(resource)),
                        SearchMode::Match.as_str(),
                    );
                }
                schedules.push((
                    self.full_url("Schedule", &sid),
                    Resource::Schedule(Box::new(schedule(&sid, &pid, &rid))),
                ));
                roles.push((
                    self.full_url("PractitionerRole", &rid),
                    Resource::PractitionerRole(Box::new(role.place.role(&rid, &pid, &lid))),
                ));
            }
            if reached {
                practitioners.push((
                    self.full_url("Practitioner", &pid),
                    Resource::Practitioner(Box::new(p.resource(&pid))),
                ));
            }
        }
        let services = cpts.iter().enumerate().flat_map(|(n, c)| {
            let (hs, org) = (format!("hs-{n}"), format!("org-{n}"));
            [
                (
                    self.full_url("HealthcareService", &hs),
                    Resource::HealthcareService(Box::new(c.service(&hs, &org))),
                ),
                (
                    self.full_url("Organization", &org),
                    Resource::Organization(Box::new(c.organization(&org))),
                ),
            ]
        });
        let services: Vec<_> = services.collect();
        for (url, resource) in
            schedules.into_iter().chain(practitioners).chain(roles).chain(services)
        {
            bundle.push(url, resource, SearchMode::Include.as_str());
        }
        bundle
    }

    fn full_url(&self, resource_type: &str, id: &str) -> Str<'static> {
        full_url(&self.base, resource_type, id)
    }
}

/// An entry's `fullUrl`: `{base}/{resource_type}/{id}`.
fn full_url(base: &str, resource_type: &str, id: &str) -> Str<'static> {
    Str::from(format!("{base}/{resource_type}/{id}"))
}

/// The slots of one place that are written, numbered as they were given
/// (the number is in their id), with the slot types they carry: a slot left
/// with none is not written.
fn written(
    slots: &[FreeSlot],
    security: impl Fn(&FreeSlot) -> Vec<SlotType>,
) -> Vec<(usize, &FreeSlot, Vec<SlotType>)> {
    slots
        .iter()
        .enumerate()
        .map(|(k, slot)| (k, slot, security(slot)))
        .filter(|(_, _, types)| !types.is_empty())
        .collect()
}

/// One practitioner of a [`ResponseBuilder`], to add its places with
/// [`PractitionerEntry::role`].
///
/// ```
/// use chrono::DateTime;
/// use int_ro1::request::SearchRequest;
/// use int_ro1::response::{Place, ResponseBuilder};
/// let t = DateTime::parse_from_rfc3339("2026-11-26T08:00:00+01:00").unwrap();
/// let mut b = ResponseBuilder::new(&SearchRequest::ps(t, t, &[]), "https://h/fhir").unwrap();
/// let p = b.practitioner(&"810002909371".parse().unwrap(), "A", "B");
/// p.role(Place::new("Lyon 3", "1 rue A", "LYON", "69003", "1690041272".parse().unwrap()));
/// p.role(Place::new("Lyon 7", "2 rue B", "LYON", "69007", "1690041272".parse().unwrap()));
/// ```
#[derive(Debug, Clone)]
pub struct PractitionerEntry {
    idnps: Idnps,
    family: String,
    given: String,
    /// Roles before the last one (see [`ResponseBuilder`]'s `last`).
    roles: Vec<RoleEntry>,
    last: Option<RoleEntry>,
}

impl PractitionerEntry {
    /// Adds a place of consultation: one PractitionerRole with its contained
    /// Location, and one Schedule; returns it to add its free slots.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::response::{Place, ResponseBuilder};
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T08:00:00+01:00").unwrap();
    /// let mut b = ResponseBuilder::new(&SearchRequest::ps(t, t, &[]), "https://h/fhir").unwrap();
    /// let place = Place::new("Cabinet", "1 rue A", "LYON", "69003", "1690041272".parse().unwrap());
    /// b.practitioner(&"810002909371".parse().unwrap(), "A", "B").role(place);
    /// ```
    pub fn role(&mut self, place: Place) -> &mut RoleEntry {
        self.roles.extend(self.last.take());
        self.last.insert(RoleEntry { place, slots: Vec::new() })
    }

    fn resource(&self, id: &str) -> Practitioner<'static> {
        Practitioner {
            id: Some(Id::new(Str::from(id.to_owned()))),
            meta: Some(Meta::profiled(profiles::PRACTITIONER_PS)),
            identifier: vec![Identifier::from(&self.idnps)],
            name: vec![HumanName {
                family: Some(FhirString::new(Str::from(self.family.clone()))),
                given: vec![FhirString::new(Str::from(self.given.clone()))],
                ..Default::default()
            }],
            ..Default::default()
        }
    }
}

/// One place of consultation of a practitioner, to add its free slots with
/// [`RoleEntry::slot`].
///
/// ```
/// use chrono::DateTime;
/// use int_ro1::request::SearchRequest;
/// use int_ro1::response::{FreeSlot, Place, ResponseBuilder};
/// let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
/// let req = SearchRequest::ps(t("2026-11-26T08:00:00+01:00"), t("2026-11-27T08:00:00+01:00"), &[]);
/// let mut b = ResponseBuilder::new(&req, "https://h/fhir").unwrap();
/// let place = Place::new("Cabinet", "1 rue A", "LYON", "69003", "1690041272".parse().unwrap());
/// let role = b.practitioner(&"810002909371".parse().unwrap(), "A", "B").role(place);
/// role.slot(FreeSlot::new(t("2026-11-26T09:00:00+01:00"), t("2026-11-26T09:20:00+01:00"), "https://h/rdv"));
/// ```
#[derive(Debug, Clone)]
pub struct RoleEntry {
    place: Place,
    slots: Vec<FreeSlot>,
}

impl RoleEntry {
    /// Adds a free slot at this place; returns the place to chain slots.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::response::{FreeSlot, Place, ResponseBuilder};
    /// let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
    /// let req = SearchRequest::ps(t("2026-11-26T08:00:00+01:00"), t("2026-11-27T08:00:00+01:00"), &[]);
    /// let mut b = ResponseBuilder::new(&req, "https://h/fhir").unwrap();
    /// let place = Place::new("Cabinet", "1 rue A", "LYON", "69003", "1690041272".parse().unwrap());
    /// b.practitioner(&"810002909371".parse().unwrap(), "A", "B").role(place)
    ///     .slot(FreeSlot::new(t("2026-11-26T09:00:00+01:00"), t("2026-11-26T09:20:00+01:00"), "https://h/rdv"))
    ///     .slot(FreeSlot::new(t("2026-11-26T10:00:00+01:00"), t("2026-11-26T10:20:00+01:00"), "https://h/rdv"));
    /// assert_eq!(b.build().total.unwrap().value(), Some(2));
    /// ```
    pub fn slot(&mut self, slot: FreeSlot) -> &mut Self {
        self.slots.push(slot);
        self
    }
}

/// How the contained Location identifies itself.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LocationIdentifier {
    /// The structure's national identifier, typed `IDNST`.
    Structure,
    /// A vendor's own identifier, typed `INTRN`.
    Internal { system: String, value: String },
}

/// A place of consultation: the Location contained in the PractitionerRole
/// and the structure named by `PractitionerRole.organization.identifier`.
///
/// The Location is identified by the structure id (type `IDNST` of
/// fr-location-identifier-type) unless [`Place::intrn`] gives the vendor's
/// own identifier.
///
/// ```
/// use fr_fhir_core::ids::Idnst;
/// use int_ro1::response::Place;
/// let siret = Idnst::parse_form("338531258100010").unwrap();
/// let place = Place::new("MSP", "7 avenue Henri Barbusse", "VILLEURBANNE", "69100", siret)
///     .intrn("https://agenda.exemple.fr/lieux", "L-0417")
///     .phone("+33465712180");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    name: String,
    line: String,
    city: String,
    postal_code: String,
    structure: Idnst,
    location_identifier: LocationIdentifier,
    phone: Option<String>,
}

impl Place {
    /// A place named `name` at `line`, `postal_code` `city`, of the structure
    /// `structure` (prefixed FINESS, SIRET or rang: an [`Idnst`]).
    ///
    /// ```
    /// use int_ro1::response::Place;
    /// let p = Place::new("Cabinet", "1 rue A", "LYON", "69003", "1690041272".parse().unwrap());
    /// ```
    pub fn new(
        name: impl Into<String>,
        line: impl Into<String>,
        city: impl Into<String>,
        postal_code: impl Into<String>,
        structure: Idnst,
    ) -> Self {
        Place {
            name: name.into(),
            line: line.into(),
            city: city.into(),
            postal_code: postal_code.into(),
            structure,
            location_identifier: LocationIdentifier::Structure,
            phone: None,
        }
    }

    /// Identifies the Location by the vendor's own identifier (`INTRN`):
    /// `system` is the vendor's URL or OID, `value` its place id.
    ///
    /// ```
    /// use int_ro1::response::Place;
    /// let p = Place::new("Cabinet", "1 rue A", "LYON", "69003", "1690041272".parse().unwrap())
    ///     .intrn("https://agenda.exemple.fr/lieux", "L-0392");
    /// ```
    pub fn intrn(mut self, system: impl Into<String>, value: impl Into<String>) -> Self {
        self.location_identifier =
            LocationIdentifier::Internal { system: system.into(), value: value.into() };
        self
    }

    /// The place's phone (`+33XXXXXXXXX`), sent as `PractitionerRole.telecom`.
    ///
    /// ```
    /// use int_ro1::response::Place;
    /// let p = Place::new("Cabinet", "1 rue A", "LYON", "69003", "1690041272".parse().unwrap())
    ///     .phone("+33465712040");
    /// ```
    pub fn phone(mut self, phone: impl Into<String>) -> Self {
        self.phone = Some(phone.into());
        self
    }

    fn location(&self, id: &str) -> Location<'static> {
        let identifier = match &self.location_identifier {
            LocationIdentifier::Structure => Identifier::typed(
                systems::SYSTEM_FR_LOCATION_ID_TYPE,
                Idnst::TYPE_CODE,
                Idnst::SYSTEM,
                self.structure.to_string(),
            ),
            LocationIdentifier::Internal { system, value } => {
                Identifier::location_intrn(system.clone(), value.clone())
            }
        };
        Location {
            id: Some(Id::new(Str::from(id.to_owned()))),
            meta: Some(Meta::profiled(profiles::LOCATION_PS)),
            identifier: vec![identifier],
            name: Some(FhirString::new(Str::from(self.name.clone()))),
            address: Some(Address {
                line: vec![FhirString::new(Str::from(self.line.clone()))],
                city: Some(FhirString::new(Str::from(self.city.clone()))),
                postal_code: Some(FhirString::new(Str::from(self.postal_code.clone()))),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn role(
        &self,
        id: &str,
        practitioner_id: &str,
        location_id: &str,
    ) -> PractitionerRole<'static> {
        PractitionerRole {
            id: Some(Id::new(Str::from(id.to_owned()))),
            meta: Some(Meta::profiled(profiles::ROLE_PS)),
            contained: vec![Resource::Location(Box::new(self.location(location_id)))],
            practitioner: Some(Reference::to(Str::from(format!("Practitioner/{practitioner_id}")))),
            organization: Some(Reference {
                identifier: Some(Box::new(Identifier::from(&self.structure))),
                ..Default::default()
            }),
            location: vec![Reference::to(Str::from(format!("#{location_id}")))],
            telecom: self
                .phone
                .iter()
                .map(|phone| ContactPoint {
                    system: Some(Code::new("phone")),
                    value: Some(FhirString::new(Str::from(phone.clone()))),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }
}

/// The Schedule of one place: its actors are the practitioner and the role.
fn schedule(id: &str, practitioner_id: &str, role_id: &str) -> Schedule<'static> {
    Schedule {
        id: Some(Id::new(Str::from(id.to_owned()))),
        meta: Some(Meta::profiled(profiles::SCHEDULE_PS)),
        actor: vec![
            Reference::to(Str::from(format!("Practitioner/{practitioner_id}"))),
            Reference::to(Str::from(format!("PractitionerRole/{role_id}"))),
        ],
        ..Default::default()
    }
}

/// A free slot: when, who may book it, what kind of consultation, and where
/// to book it.
///
/// Defaults: slot type `PUBLIC`, consultation at the practice (`AMB`),
/// appointment reason `ROUTINE`, no specialty, no visit reason.
///
/// ```
/// use chrono::DateTime;
/// use fr_fhir_core::vocab::{AppointmentReason, ConsultationType, SlotType};
/// use int_ro1::response::FreeSlot;
/// let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
/// let slot = FreeSlot::new(t("2026-11-26T09:00:00+01:00"), t("2026-11-26T09:20:00+01:00"), "https://h/rdv/1")
///     .slot_types(&[SlotType::Public, SlotType::Snp])
///     .consultation_types(&[ConsultationType::Teleconsultation])
///     .appointment(AppointmentReason::Routine)
///     .specialty("SM54")
///     .reason("Renouvellement d'ordonnance");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeSlot {
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    booking_url: String,
    slot_types: Vec<SlotType>,
    consultation_types: Vec<ConsultationType>,
    appointment: AppointmentReason,
    specialties: Vec<String>,
    reasons: Vec<String>,
    cpts: Vec<Cpts>,
}

impl FreeSlot {
    /// A slot from `start` to `end` (written in the SAS instant form, with
    /// their own offsets), booked at `booking_url` (`Slot.comment`,
    /// RO1-SLOT-015: an absolute http(s) URL).
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::response::FreeSlot;
    /// let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
    /// let slot = FreeSlot::new(t("2026-11-26T09:00:00Z"), t("2026-11-26T09:20:00Z"), "https://h/rdv/1");
    /// ```
    pub fn new(
        start: DateTime<FixedOffset>,
        end: DateTime<FixedOffset>,
        booking_url: impl Into<String>,
    ) -> Self {
        FreeSlot {
            start,
            end,
            booking_url: booking_url.into(),
            slot_types: vec![SlotType::Public],
            consultation_types: vec![ConsultationType::Ambulatory],
            appointment: AppointmentReason::Routine,
            specialties: Vec::new(),
            reasons: Vec::new(),
            cpts: Vec::new(),
        }
    }

    /// Who may book it (`Slot.meta.security`, several allowed).
    /// [`SlotType::Cpts`] is not taken from here: [`FreeSlot::cpts`] sets it,
    /// with the CPTS it names.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use fr_fhir_core::vocab::SlotType;
    /// use int_ro1::response::FreeSlot;
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T09:00:00Z").unwrap();
    /// let slot = FreeSlot::new(t, t, "https://h/rdv").slot_types(&[SlotType::Pro]);
    /// ```
    pub fn slot_types(mut self, types: &[SlotType]) -> Self {
        self.slot_types = types.to_vec();
        self
    }

    /// The kinds of consultation (`Slot.serviceType`, v3-ActCode).
    ///
    /// ```
    /// use chrono::DateTime;
    /// use fr_fhir_core::vocab::ConsultationType;
    /// use int_ro1::response::FreeSlot;
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T09:00:00Z").unwrap();
    /// let slot = FreeSlot::new(t, t, "https://h/rdv").consultation_types(&[ConsultationType::Home]);
    /// ```
    pub fn consultation_types(mut self, types: &[ConsultationType]) -> Self {
        self.consultation_types = types.to_vec();
        self
    }

    /// `ROUTINE` (booked through the agenda) or `WALKIN`.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use fr_fhir_core::vocab::AppointmentReason;
    /// use int_ro1::response::FreeSlot;
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T09:00:00Z").unwrap();
    /// let slot = FreeSlot::new(t, t, "https://h/rdv").appointment(AppointmentReason::WalkIn);
    /// ```
    pub fn appointment(mut self, reason: AppointmentReason) -> Self {
        self.appointment = reason;
        self
    }

    /// Adds a TRE_R38 specialty code (`SM54`: general medicine).
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::response::FreeSlot;
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T09:00:00Z").unwrap();
    /// let slot = FreeSlot::new(t, t, "https://h/rdv").specialty("SM54");
    /// ```
    pub fn specialty(mut self, code: impl Into<String>) -> Self {
        self.specialties.push(code.into());
        self
    }

    /// Adds a visit reason ("motif"), sent as a text-only `serviceType`
    /// (RO1-SLOT-011).
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::response::FreeSlot;
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T09:00:00Z").unwrap();
    /// let slot = FreeSlot::new(t, t, "https://h/rdv").reason("Vaccination");
    /// ```
    pub fn reason(mut self, text: impl Into<String>) -> Self {
        self.reasons.push(text.into());
        self
    }

    /// Opens the slot to `cpts`: in a CPTS response the slot carries the
    /// `CPTS` slot type and a serviceType naming the CPTS' HealthcareService;
    /// in a PS response neither is written, and a slot open to CPTS alone is
    /// left out.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::response::{Cpts, FreeSlot};
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T09:00:00Z").unwrap();
    /// let cpts = Cpts::new("440025633".parse().unwrap(), "CPTS Loire et Erdre", "+33261910800");
    /// let slot = FreeSlot::new(t, t, "https://h/rdv").cpts(&cpts);
    /// ```
    pub fn cpts(mut self, cpts: &Cpts) -> Self {
        self.cpts.push(cpts.clone());
        self
    }

    /// The slot types written: those given, plus `CPTS` when the slot is open
    /// to a CPTS and the response is a CPTS one.
    fn security(&self, cpts_mode: bool) -> Vec<SlotType> {
        let mut types: Vec<SlotType> =
            self.slot_types.iter().copied().filter(|t| *t != SlotType::Cpts).collect();
        if cpts_mode && !self.cpts.is_empty() {
            types.push(SlotType::Cpts);
        }
        types
    }

    fn resource(
        &self,
        id: String,
        schedule_id: &str,
        profile: &'static str,
        security: &[SlotType],
    ) -> Slot<'static> {
        let service_type = self
            .consultation_types
            .iter()
            .map(|c| CodeableConcept { coding: vec![c.coding()], ..Default::default() })
            .chain(self.reasons.iter().map(|r| CodeableConcept::text(Str::from(r.clone()))))
            .collect();
        Slot {
            id: Some(Id::new(Str::from(id))),
            meta: Some(Meta {
                security: security.iter().map(|t| t.coding()).collect::<Vec<Coding>>(),
                ..Meta::profiled(profile)
            }),
            service_type,
            specialty: self
                .specialties
                .iter()
                .map(|code| CodeableConcept::of(systems::TRE_R38, Str::from(code.clone())))
                .collect(),
            appointment_type: Some(CodeableConcept {
                coding: vec![self.appointment.coding()],
                ..Default::default()
            }),
            schedule: Some(Reference::to(Str::from(format!("Schedule/{schedule_id}")))),
            status: Some(Code::new(SlotStatus::Free.as_str())),
            start: Some(Instant::new(Str::from(sas_instant(&self.start)))),
            end: Some(Instant::new(Str::from(sas_instant(&self.end)))),
            comment: Some(FhirString::new(Str::from(self.booking_url.clone()))),
            ..Default::default()
        }
    }
}

/// The `serviceType` of a slot open to a CPTS: TRE_R66 `604` and the R5
/// extension naming the CPTS' HealthcareService (RO1-CPTS-001).
fn cpts_service_type(service_id: &str) -> CodeableConcept<'static> {
    CodeableConcept {
        extension: vec![Extension {
            url: Some(fr_fhir_core::model::Uri::new(systems::EXT_SLOT_SERVICE_TYPE_R5)),
            value: Some(Value::Reference(Box::new(Reference::to(Str::from(format!(
                "HealthcareService/{service_id}"
            )))))),
            ..Default::default()
        }],
        ..CodeableConcept::of(systems::TRE_R66, TRE_R66_CPTS)
    }
}

/// A CPTS (communauté professionnelle territoriale de santé) a slot can be
/// opened to: written as a HealthcareService provided by an Organization
/// identified by `1` + its FINESS (RO1-CPTS-005, hence a [`Finess`]), with
/// its name and phone (RO1-CPTS-006).
///
/// ```
/// use int_ro1::response::Cpts;
/// let cpts = Cpts::new("440025633".parse().unwrap(), "CPTS Loire et Erdre Nord", "+33261910800");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cpts {
    finess: Finess,
    name: String,
    phone: String,
}

impl Cpts {
    /// The CPTS of FINESS `finess`, named `name`, reached at `phone`
    /// (`+33XXXXXXXXX`).
    ///
    /// ```
    /// use int_ro1::response::Cpts;
    /// let cpts = Cpts::new("440025633".parse().unwrap(), "CPTS Loire et Erdre Nord", "+33261910800");
    /// ```
    pub fn new(finess: Finess, name: impl Into<String>, phone: impl Into<String>) -> Self {
        Cpts { finess, name: name.into(), phone: phone.into() }
    }

    fn service(&self, id: &str, organization_id: &str) -> HealthcareService<'static> {
        HealthcareService {
            id: Some(Id::new(Str::from(id.to_owned()))),
            meta: Some(Meta::profiled(profiles::HEALTHCARE_SERVICE_CPTS)),
            provided_by: Some(Reference::to(Str::from(format!("Organization/{organization_id}")))),
            name: Some(FhirString::new(Str::from(self.name.clone()))),
            ..Default::default()
        }
    }

    fn organization(&self, id: &str) -> Organization<'static> {
        Organization {
            id: Some(Id::new(Str::from(id.to_owned()))),
            meta: Some(Meta::profiled(profiles::ORGANIZATION_CPTS)),
            // The type system of the 1.1.0 package, the one of the official
            // CPTS example (SPEC §2.7 notes that main moves it to FR Core).
            identifier: vec![Identifier::typed(
                systems::SYSTEM_FR_LOCATION_ID_TYPE,
                Idnst::TYPE_CODE,
                Idnst::SYSTEM,
                Idnst::Finess(self.finess).to_string(),
            )],
            name: Some(FhirString::new(Str::from(self.name.clone()))),
            telecom: vec![ContactPoint {
                system: Some(Code::new("phone")),
                value: Some(FhirString::new(Str::from(self.phone.clone()))),
                ..Default::default()
            }],
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;
    use crate::exchange::{ExchangeOptions, ExchangeReport, validate_body};

    const BASE: &str = "https://agenda.exemple-editeur.fr/fhir";

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    /// Through the library's entry point for a typed Bundle, so that every
    /// builder test (the generated requests of `any_built_response_is_clean`
    /// included) checks it too.
    fn validate(request: &SearchRequest, bundle: &Bundle<'_>) -> ExchangeReport {
        let opts =
            ExchangeOptions { request: Some(request.to_url(Some(BASE))), ..Default::default() };
        let (text, report) = crate::validate_bundle(bundle, &opts);
        // The same verdict as the compact text a connector would send.
        let compact = validate_body(&serde_json::to_string(bundle).unwrap(), &opts);
        let ids = |r: &ExchangeReport| r.findings.iter().map(|f| f.rule.id).collect::<Vec<_>>();
        assert_eq!(ids(&report), ids(&compact), "{text}");
        report
    }

    fn assert_clean(report: &ExchangeReport) {
        let bad: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| f.to_string())
            .collect();
        assert!(bad.is_empty(), "{bad:#?}");
    }

    fn two_practitioners() -> (SearchRequest, Bundle<'static>) {
        let garnier = Idnps::parse_form("810103874524").unwrap();
        let moreau = Idnps::parse_form("810005987317").unwrap();
        let request = SearchRequest::ps(
            at("2026-11-26T09:12:47.318+01:00"),
            at("2026-11-28T23:59:59.999+01:00"),
            &[garnier.clone(), moreau.clone()],
        );
        let mut b = ResponseBuilder::new(&request, BASE).unwrap();
        let rdv = "https://agenda.exemple-editeur.fr/rdv/garnier";
        let p = b.practitioner(&garnier, "GARNIER", "Hélène");
        p.role(
            Place::new(
                "Cabinet médical Paul Bert",
                "42 rue Paul Bert",
                "LYON",
                "69003",
                Idnst::parse_form("385312046700016").unwrap(),
            )
            .intrn("https://agenda.exemple-editeur.fr/lieux", "L-0392")
            .phone("+33465712040"),
        )
        .slot(
            FreeSlot::new(at("2026-11-26T14:00:00+01:00"), at("2026-11-26T14:20:00+01:00"), rdv)
                .specialty("SM54")
                .reason("Consultation de médecine générale"),
        )
        .slot(
            FreeSlot::new(at("2026-11-27T09:00:00+01:00"), at("2026-11-27T09:20:00+01:00"), rdv)
                .slot_types(&[SlotType::Snp])
                .appointment(AppointmentReason::WalkIn),
        );
        p.role(Place::new(
            "MSP des Gratte-Ciel",
            "7 avenue Henri Barbusse",
            "VILLEURBANNE",
            "69100",
            Idnst::parse_form("1690041272").unwrap(),
        ))
        .slot(
            FreeSlot::new(at("2026-11-27T15:00:00Z"), at("2026-11-27T15:30:00Z"), rdv)
                .consultation_types(&[ConsultationType::Home]),
        );
        // A place without a free slot: left out of the Bundle.
        p.role(Place::new(
            "Vide",
            "1 rue A",
            "LYON",
            "69001",
            Idnst::parse_form("1690041272").unwrap(),
        ));
        b.practitioner(&moreau, "MOREAU", "Julien")
            .role(Place::new(
                "Cabinet Jean Jaurès",
                "115 avenue Jean Jaurès",
                "LYON",
                "69007",
                Idnst::parse_form("389345671500018").unwrap(),
            ))
            .slot(
                FreeSlot::new(
                    at("2026-11-26T17:30:00+01:00"),
                    at("2026-11-26T17:45:00+01:00"),
                    "https://agenda.exemple-editeur.fr/rdv/moreau",
                )
                .slot_types(&[SlotType::Public, SlotType::Pro])
                .consultation_types(&[ConsultationType::Teleconsultation]),
            );
        (request, b.build())
    }

    #[test]
    fn the_built_response_has_no_warning() {
        let (request, bundle) = two_practitioners();
        let report = validate(&request, &bundle);
        for f in &report.findings {
            eprintln!("{f}");
        }
        assert_clean(&report);
        // Not even an information: nothing for a vendor to wonder about.
        assert!(report.findings.is_empty());
        assert_eq!(report.subject.entries, 4 + 3 + 2 + 3);
    }

    #[test]
    fn the_wiring_is_the_ps_graph() {
        let (_, bundle) = two_practitioners();
        let json = serde_json::to_value(&bundle).unwrap();
        assert_eq!(json["total"], 4);
        let entries = json["entry"].as_array().unwrap();
        let modes: Vec<&str> =
            entries.iter().map(|e| e["search"]["mode"].as_str().unwrap()).collect();
        assert_eq!(modes.iter().filter(|m| **m == "match").count(), 4);
        assert!(modes.iter().skip(4).all(|m| *m == "include"));
        let slot = &entries[0];
        assert_eq!(slot["fullUrl"], format!("{BASE}/Slot/crn-0-0-0"));
        assert_eq!(slot["resource"]["schedule"]["reference"], "Schedule/agenda-0-0");
        assert_eq!(slot["resource"]["start"], "2026-11-26T14:00:00.000+01:00");
        let role = entries.iter().find(|e| e["resource"]["id"] == "role-0-0").unwrap();
        assert_eq!(role["resource"]["location"][0]["reference"], "#lieu-0-0");
        assert_eq!(role["resource"]["contained"][0]["id"], "lieu-0-0");
        assert!(entries.iter().all(|e| e["resource"]["id"] != "role-0-2"));
    }

    #[test]
    fn what_the_builder_does_not_filter_is_reported() {
        // The builder writes what it is given: the validator is what catches
        // a practitioner that was not requested or a slot outside the window.
        let request = SearchRequest::ps(
            at("2026-11-26T09:00:00+01:00"),
            at("2026-11-28T23:59:59.999+01:00"),
            &[Idnps::parse_form("810103874524").unwrap()],
        );
        let mut b = ResponseBuilder::new(&request, BASE).unwrap();
        let place =
            Place::new("C", "1 rue A", "LYON", "69003", Idnst::parse_form("1690041272").unwrap());
        b.practitioner(&Idnps::parse_form("810005987317").unwrap(), "X", "Y").role(place).slot(
            FreeSlot::new(
                at("2026-12-26T09:00:00+01:00"),
                at("2026-12-26T09:20:00+01:00"),
                "https://h/r",
            ),
        );
        let report = validate(&request, &b.build());
        let ids: Vec<&str> = report.findings.iter().map(|f| f.rule.id).collect();
        assert!(report.has(Severity::Error), "{ids:?}");
        assert!(
            ids.contains(&"RO1-PRACT-005") && ids.iter().any(|id| id.starts_with("RO1-WIN")),
            "{ids:?}"
        );
    }

    #[test]
    fn an_empty_answer_is_valid() {
        let request = SearchRequest::ps(
            at("2026-11-26T09:00:00+01:00"),
            at("2026-11-28T23:59:59.999+01:00"),
            &[Idnps::parse_form("810103874524").unwrap()],
        );
        let bundle = ResponseBuilder::new(&request, BASE).unwrap().build();
        assert_clean(&validate(&request, &bundle));
    }

    #[test]
    fn sos_is_refused() {
        let t = at("2026-11-26T09:00:00+01:00");
        let sos = SearchRequest::sos(t, t, &[Idnst::parse_form("334173748400020").unwrap()]);
        assert_eq!(ResponseBuilder::new(&sos, BASE).unwrap_err(), UnsupportedUseCase(UseCase::SOS));
    }

    /// One practitioner whose place has a slot open to two CPTS, one open to
    /// the public alone and one open to the first CPTS alone.
    fn one_practitioner_two_cpts(request: &SearchRequest, roussel: &Idnps) -> Bundle<'static> {
        let loire = Cpts::new(
            Finess::parse_form("440025633").unwrap(),
            "CPTS Loire et Erdre Nord",
            "+33261910800",
        );
        let estuaire = Cpts::new(
            Finess::parse_form("440041036").unwrap(),
            "CPTS de l'Estuaire",
            "+33261910900",
        );
        let rdv = "https://agenda.exemple-editeur.fr/rdv/roussel";
        let mut b = ResponseBuilder::new(request, BASE).unwrap();
        b.practitioner(roussel, "ROUSSEL", "Amandine")
            .role(Place::new(
                "Cabinet de Saint-Herblain",
                "3 rue de la Paix",
                "SAINT-HERBLAIN",
                "44800",
                Idnst::parse_form("1440041036").unwrap(),
            ))
            .slot(
                FreeSlot::new(
                    at("2026-11-27T15:00:00+01:00"),
                    at("2026-11-27T15:20:00+01:00"),
                    rdv,
                )
                .cpts(&loire)
                .cpts(&estuaire)
                .reason("Soins non programmés"),
            )
            .slot(FreeSlot::new(
                at("2026-11-28T09:30:00+01:00"),
                at("2026-11-28T09:50:00+01:00"),
                rdv,
            ))
            .slot(
                FreeSlot::new(
                    at("2026-11-28T10:30:00+01:00"),
                    at("2026-11-28T10:50:00+01:00"),
                    rdv,
                )
                .slot_types(&[])
                .cpts(&loire),
            );
        b.build()
    }

    #[test]
    fn the_built_cpts_response_has_no_warning() {
        let roussel = Idnps::parse_form("810102468377").unwrap();
        let (from, to) = (at("2026-11-27T13:05:31.880+01:00"), at("2026-11-29T23:59:59.999+01:00"));
        let request = SearchRequest::cpts(from, to, std::slice::from_ref(&roussel));
        let bundle = one_practitioner_two_cpts(&request, &roussel);
        let report = validate(&request, &bundle);
        for f in &report.findings {
            eprintln!("{f}");
        }
        assert_eq!(report.subject.use_case, UseCase::CPTS);
        assert_clean(&report);
        let json = serde_json::to_value(&bundle).unwrap();
        assert_eq!(json["total"], 3);
        let types: Vec<&str> = json["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["resource"]["resourceType"].as_str().unwrap())
            .collect();
        assert_eq!(
            types.iter().filter(|t| **t == "HealthcareService" || **t == "Organization").count(),
            4
        );
        let first = &json["entry"][0]["resource"];
        assert_eq!(
            first["serviceType"][1]["extension"][0]["valueReference"]["reference"],
            "HealthcareService/hs-0"
        );
        assert_eq!(first["serviceType"][3]["text"], "Soins non programmés");
    }

    #[test]
    fn a_ps_response_leaves_the_cpts_out() {
        let roussel = Idnps::parse_form("810102468377").unwrap();
        let (from, to) = (at("2026-11-27T13:05:31.880+01:00"), at("2026-11-29T23:59:59.999+01:00"));
        let request = SearchRequest::ps(from, to, std::slice::from_ref(&roussel));
        let bundle = one_practitioner_two_cpts(&request, &roussel);
        assert_clean(&validate(&request, &bundle));
        let json = serde_json::to_string(&bundle).unwrap();
        // The slot open to a CPTS alone is not an answer to a PS search.
        assert_eq!(bundle.total.as_ref().and_then(|t| t.value()), Some(2));
        assert!(!json.contains("HealthcareService") && !json.contains("\"CPTS\""));
    }

    mod property {
        use super::*;
        use fr_fhir_core::ids::strategy::{idnst_sas, rpps};
        use proptest::prelude::*;

        /// A place with 0..=3 slots, each given as (minutes after the window
        /// start, duration, offset hours, slot type bits, consultation bits,
        /// walk-in, CPTS bits).
        type PlacePlan = (Idnst, String, Option<String>, Vec<(u32, u32, i32, u8, u8, bool, u8)>);

        fn place_plan() -> impl Strategy<Value = PlacePlan> {
            (
                idnst_sas(),
                "[0-9]{5}",
                proptest::option::of("\\+33[1-9][0-9]{8}"),
                proptest::collection::vec(
                    // The window is 3 days long: starts stay inside it.
                    (
                        0u32..(3 * 24 * 60 - 1),
                        5u32..=60,
                        -3i32..=3,
                        1u8..8,
                        1u8..8,
                        any::<bool>(),
                        0u8..4,
                    ),
                    0..=3,
                ),
            )
        }

        fn pick<T: Copy>(bits: u8, all: &[T]) -> Vec<T> {
            all.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, t)| *t).collect()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            /// Whatever practitioners, places, in-window slots and CPTS are
            /// given, the built PS or CPTS response gets no finding of warning
            /// or above.
            #[test]
            fn any_built_response_is_clean(
                cpts_search in any::<bool>(),
                practitioners in proptest::collection::btree_map(
                    rpps().prop_map(|r| r.as_str().to_owned()),
                    ("[A-Z]{2,12}", proptest::collection::vec(place_plan(), 1..=3)),
                    1..=4,
                ),
            ) {
                let window_start = at("2026-11-26T09:12:47.318+01:00");
                let ids: Vec<Idnps> = practitioners
                    .keys()
                    .map(|r| Idnps::parse_form(&format!("8{r}")).unwrap())
                    .collect();
                let window_end = window_start + chrono::Duration::days(3);
                let request = if cpts_search {
                    SearchRequest::cpts(window_start, window_end, &ids)
                } else {
                    SearchRequest::ps(window_start, window_end, &ids)
                };
                let all_cpts = [
                    Cpts::new(Finess::parse_form("440025633").unwrap(), "CPTS A", "+33261910800"),
                    Cpts::new(Finess::parse_form("440041036").unwrap(), "CPTS B", "+33261910900"),
                ];
                let mut b = ResponseBuilder::new(&request, BASE).unwrap();
                let mut slots = 0;
                for (idnps, (family, places)) in ids.iter().zip(practitioners.values()) {
                    let p = b.practitioner(idnps, family.clone(), "Camille");
                    for (j, (structure, postal_code, phone, plan)) in places.iter().enumerate() {
                        let mut place = Place::new(
                            "Cabinet",
                            "1 place de la Mairie",
                            "LYON",
                            postal_code.clone(),
                            *structure,
                        );
                        if j % 2 == 1 {
                            let system = "https://agenda.exemple-editeur.fr/lieux";
                            place = place.intrn(system, format!("L-{j}"));
                        }
                        if let Some(phone) = phone {
                            place = place.phone(phone.clone());
                        }
                        let role = p.role(place);
                        for &(after, minutes, hours, types, kinds, walk_in, cpts) in plan {
                            let offset = FixedOffset::east_opt(hours * 3600).unwrap();
                            let start = (window_start + chrono::Duration::minutes(after.into()))
                                .with_timezone(&offset);
                            let end = start + chrono::Duration::minutes(minutes.into());
                            let reason = if walk_in {
                                AppointmentReason::WalkIn
                            } else {
                                AppointmentReason::Routine
                            };
                            let types = pick(types, &[SlotType::Public, SlotType::Pro, SlotType::Snp]);
                            let mut slot = FreeSlot::new(start, end, "https://agenda.exemple-editeur.fr/rdv")
                                    .slot_types(&types)
                                    .consultation_types(&pick(kinds, &[
                                        ConsultationType::Ambulatory,
                                        ConsultationType::Home,
                                        ConsultationType::Teleconsultation,
                                    ]))
                                    .appointment(reason);
                            for c in pick(cpts, &[0, 1]) {
                                if let Some(c) = all_cpts.get(c) {
                                    slot = slot.cpts(c);
                                }
                            }
                            role.slot(slot);
                            slots += 1;
                        }
                    }
                }
                let bundle = b.build();
                prop_assert_eq!(bundle.total.as_ref().and_then(|t| t.value()), Some(slots));
                let report = validate(&request, &bundle);
                // No finding at all, informations included.
                let bad: Vec<String> = report.findings.iter().map(|f| f.to_string()).collect();
                prop_assert!(bad.is_empty(), "{:#?}", bad);
            }
        }
    }
}
