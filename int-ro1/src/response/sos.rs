//! The SOS Médecins response (SPEC §1.4, §2.8): the search is on Schedule,
//! so the Schedules are the matches; each Schedule names one fixed place
//! (a top-level Location), managed by the association (an Organization
//! identified by `3` + its SIRET); the Slots are reverse-included.
//!
//! ```text
//! Slot.schedule               -> Schedule/<id>
//! Schedule.actor              -> Location/<id>       (one Location per Schedule)
//! Location.managingOrganization -> Organization/<id> (IDNST 3 + SIRET)
//! ```

use chrono::{NaiveTime, Weekday};
use fr_fhir_core::ids::Idnst;
use fr_fhir_core::json::Str;
use fr_fhir_core::model::{
    Address, Bundle, Code, ContactPoint, FhirString, Id, Identifier, Location,
    LocationHoursOfOperation, Meta, Organization, Reference, Resource, Schedule, Time,
};
use fr_fhir_core::vocab::{SearchMode, SlotType, profiles, systems};

use super::{FreeSlot, UnsupportedUseCase, full_url, written};
use crate::request::{SearchRequest, UseCase};

/// The response to one SOS search, built association by association, then
/// place by place.
///
/// Resource ids are generated from positions (`asso-0`, `lieu-0-1`,
/// `agenda-0-1`, `crn-0-1-2`). Entries: the Schedules (`match`, counted by
/// `total`), then the Slots, Locations and Organizations (`include`). Only
/// what a slot reaches is written: a place without a slot, and an
/// association without such a place, are left out. A slot keeps only the
/// slot types of the SOS profile (`PUBLIC`, `SNP`) and is left out when none
/// remains; CPTS openings do not apply.
///
/// `total` counts the Schedules, the matches of a search on Schedule (the
/// IG example counts its Slots instead; the SAS accepts both, AMB-07).
///
/// ```
/// use chrono::{DateTime, NaiveTime, Weekday};
/// use fr_fhir_core::ids::Idnst;
/// use int_ro1::Severity;
/// use int_ro1::exchange::{ExchangeOptions, validate_body};
/// use int_ro1::request::SearchRequest;
/// use int_ro1::response::{FreeSlot, SosPlace, SosResponseBuilder};
///
/// let at = |s| DateTime::parse_from_rfc3339(s).unwrap();
/// let siret = Idnst::parse_form("334173748400020").unwrap();
/// let (from, to) = (at("2026-11-26T08:00:00+01:00"), at("2026-11-27T08:00:00+01:00"));
/// let request = SearchRequest::sos(from, to, &[siret]);
/// let base = "https://agenda.exemple.fr/fhir";
///
/// let mut response = SosResponseBuilder::new(&request, base).unwrap();
/// for id in request.identifiers.iter().filter_map(|id| id.idnst()) {
///     let place = SosPlace::new("Centre Rennes Nord", "320 avenue Patton", "RENNES", "35700")
///         .intrn("https://agenda.exemple.fr/lieux", "L-1")
///         .hours(&[Weekday::Mon, Weekday::Tue], NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
///                NaiveTime::from_hms_opt(19, 0, 0).unwrap());
///     let (start, end) = (at("2026-11-26T14:00:00+01:00"), at("2026-11-26T14:30:00+01:00"));
///     response
///         .association(id, "SOS Médecins de Rennes")
///         .place(place)
///         .slot(FreeSlot::new(start, end, "https://agenda.exemple.fr/rdv/1"));
/// }
/// let body = serde_json::to_string(&response.build()).unwrap();
///
/// let opts = ExchangeOptions { request: Some(request.to_url(Some(base))), ..Default::default() };
/// let report = validate_body(&body, &opts);
/// assert!(report.findings.is_empty(), "{:?}", report.findings);
/// ```
#[derive(Debug, Clone)]
pub struct SosResponseBuilder {
    base: String,
    self_link: String,
    /// Associations before the last one.
    associations: Vec<AssociationEntry>,
    /// The last association, kept apart so that
    /// [`SosResponseBuilder::association`] hands it out without a panic path.
    last: Option<AssociationEntry>,
}

impl SosResponseBuilder {
    /// A builder answering the SOS search `request`, whose resources live
    /// under `base`: the self link is the request's URL on that base, each
    /// `fullUrl` is `base/Type/id`. A PS or CPTS request is refused (use
    /// [`super::ResponseBuilder`]).
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::response::SosResponseBuilder;
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T08:00:00+01:00").unwrap();
    /// let sos = SearchRequest::sos(t, t, &["334173748400020".parse().unwrap()]);
    /// let bundle = SosResponseBuilder::new(&sos, "https://h/fhir/").unwrap().build();
    /// assert_eq!(bundle.total.unwrap().value(), Some(0));
    /// let ps = SearchRequest::ps(t, t, &[]);
    /// assert!(SosResponseBuilder::new(&ps, "https://h/fhir").is_err());
    /// ```
    pub fn new(request: &SearchRequest, base: &str) -> Result<Self, UnsupportedUseCase> {
        if request.use_case != UseCase::SOS {
            return Err(UnsupportedUseCase(request.use_case));
        }
        let base = base.trim_end_matches('/').to_owned();
        Ok(SosResponseBuilder {
            self_link: request.to_url(Some(&base)),
            base,
            associations: Vec::new(),
            last: None,
        })
    }

    /// Adds an association (one Organization entry), identified by its
    /// IDNST, and returns it to add its places. The SOS Organization profile
    /// wants the prefixed SIRET (`3` + 14 digits, SIRET-invariant): another
    /// form is written as given and reported by the validator.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::response::SosResponseBuilder;
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T08:00:00+01:00").unwrap();
    /// let siret = "334173748400020".parse().unwrap();
    /// let mut b = SosResponseBuilder::new(&SearchRequest::sos(t, t, &[siret]), "https://h/fhir").unwrap();
    /// b.association(&siret, "SOS Médecins de Rennes");
    /// ```
    pub fn association(&mut self, idnst: &Idnst, name: impl Into<String>) -> &mut AssociationEntry {
        self.associations.extend(self.last.take());
        self.last.insert(AssociationEntry {
            idnst: *idnst,
            name: name.into(),
            places: Vec::new(),
            last: None,
        })
    }

    /// The searchset: Schedules (`match`), then Slots, Locations and
    /// Organizations (`include`); `total` = number of Schedules.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::response::{FreeSlot, SosPlace, SosResponseBuilder};
    /// let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
    /// let siret = "334173748400020".parse().unwrap();
    /// let req = SearchRequest::sos(t("2026-11-26T08:00:00+01:00"), t("2026-11-27T08:00:00+01:00"), &[siret]);
    /// let mut b = SosResponseBuilder::new(&req, "https://h/fhir").unwrap();
    /// let place = SosPlace::new("Centre", "1 rue A", "RENNES", "35000").intrn("https://h/lieux", "1");
    /// b.association(&siret, "SOS Médecins").place(place)
    ///     .slot(FreeSlot::new(t("2026-11-26T09:00:00+01:00"), t("2026-11-26T09:30:00+01:00"), "https://h/rdv"))
    ///     .slot(FreeSlot::new(t("2026-11-26T10:00:00+01:00"), t("2026-11-26T10:30:00+01:00"), "https://h/rdv"));
    /// let json = serde_json::to_value(&b.build()).unwrap();
    /// assert_eq!(json["total"], 1);
    /// assert_eq!(json["entry"].as_array().unwrap().len(), 5);
    /// ```
    pub fn build(&self) -> Bundle<'static> {
        let mut bundle = Bundle::searchset(Str::from(self.self_link.clone()));
        bundle.meta = Some(Meta::profiled(profiles::BUNDLE_SOS));
        let mut slots = Vec::new();
        let mut locations = Vec::new();
        let mut organizations = Vec::new();
        for (i, association) in self.associations.iter().chain(&self.last).enumerate() {
            let oid = format!("asso-{i}");
            let mut reached = false;
            for (j, place) in association.places.iter().chain(&association.last).enumerate() {
                let written = written(&place.slots, sos_security);
                if written.is_empty() {
                    continue;
                }
                reached = true;
                let (sid, lid) = (format!("agenda-{i}-{j}"), format!("lieu-{i}-{j}"));
                for (k, slot, security) in written {
                    let slot_id = format!("crn-{i}-{j}-{k}");
                    let resource =
                        slot.resource(slot_id.clone(), &sid, profiles::SLOT_SOS, &security);
                    slots.push((
                        self.full_url("Slot", &slot_id),
                        Resource::Slot(Box::new(resource)),
                    ));
                }
                bundle.push(
                    self.full_url("Schedule", &sid),
                    Resource::Schedule(Box::new(schedule(&sid, &lid))),
                    SearchMode::Match.as_str(),
                );
                locations.push((
                    self.full_url("Location", &lid),
                    Resource::Location(Box::new(place.place.location(&lid, &oid))),
                ));
            }
            if reached {
                organizations.push((
                    self.full_url("Organization", &oid),
                    Resource::Organization(Box::new(association.organization(&oid))),
                ));
            }
        }
        for (url, resource) in slots.into_iter().chain(locations).chain(organizations) {
            bundle.push(url, resource, SearchMode::Include.as_str());
        }
        bundle
    }

    fn full_url(&self, resource_type: &str, id: &str) -> Str<'static> {
        full_url(&self.base, resource_type, id)
    }
}

/// The slot types an SOS slot may carry (sas-sos-valueset-typecreneau).
fn sos_security(slot: &FreeSlot) -> Vec<SlotType> {
    slot.slot_types
        .iter()
        .copied()
        .filter(|t| matches!(t, SlotType::Public | SlotType::Snp))
        .collect()
}

/// The Schedule of one fixed place: its one actor is the Location.
fn schedule(id: &str, location_id: &str) -> Schedule<'static> {
    Schedule {
        id: Some(Id::new(Str::from(id.to_owned()))),
        meta: Some(Meta::profiled(profiles::SCHEDULE_SOS)),
        actor: vec![Reference::to(Str::from(format!("Location/{location_id}")))],
        ..Default::default()
    }
}

/// One association of an [`SosResponseBuilder`], to add its fixed places
/// with [`AssociationEntry::place`].
///
/// ```
/// use chrono::DateTime;
/// use int_ro1::request::SearchRequest;
/// use int_ro1::response::{SosPlace, SosResponseBuilder};
/// let t = DateTime::parse_from_rfc3339("2026-11-26T08:00:00+01:00").unwrap();
/// let siret = "334173748400020".parse().unwrap();
/// let mut b = SosResponseBuilder::new(&SearchRequest::sos(t, t, &[siret]), "https://h/fhir").unwrap();
/// let asso = b.association(&siret, "SOS Médecins de Rennes");
/// asso.place(SosPlace::new("Nord", "1 rue A", "RENNES", "35700").intrn("https://h/lieux", "N"));
/// asso.place(SosPlace::new("Sud", "2 rue B", "RENNES", "35200").intrn("https://h/lieux", "S"));
/// ```
#[derive(Debug, Clone)]
pub struct AssociationEntry {
    idnst: Idnst,
    name: String,
    /// Places before the last one (see [`SosResponseBuilder`]'s `last`).
    places: Vec<SosPlaceEntry>,
    last: Option<SosPlaceEntry>,
}

impl AssociationEntry {
    /// Adds a fixed place of consultation (one Location and its Schedule);
    /// returns it to add its free slots.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::response::{SosPlace, SosResponseBuilder};
    /// let t = DateTime::parse_from_rfc3339("2026-11-26T08:00:00+01:00").unwrap();
    /// let siret = "334173748400020".parse().unwrap();
    /// let mut b = SosResponseBuilder::new(&SearchRequest::sos(t, t, &[siret]), "https://h/fhir").unwrap();
    /// let place = SosPlace::new("Nord", "1 rue A", "RENNES", "35700").intrn("https://h/lieux", "N");
    /// b.association(&siret, "SOS Médecins").place(place);
    /// ```
    pub fn place(&mut self, place: SosPlace) -> &mut SosPlaceEntry {
        self.places.extend(self.last.take());
        self.last.insert(SosPlaceEntry { place, slots: Vec::new() })
    }

    fn organization(&self, id: &str) -> Organization<'static> {
        Organization {
            id: Some(Id::new(Str::from(id.to_owned()))),
            meta: Some(Meta::profiled(profiles::ORGANIZATION_SOS)),
            // The type system the SOS Organization profile fixes (AMB-10).
            identifier: vec![Identifier::typed(
                systems::SYSTEM_FR_LOCATION_ID_TYPE,
                Idnst::TYPE_CODE,
                Idnst::SYSTEM,
                self.idnst.to_string(),
            )],
            name: Some(FhirString::new(Str::from(self.name.clone()))),
            ..Default::default()
        }
    }
}

/// One fixed place of an association, to add its free slots with
/// [`SosPlaceEntry::slot`].
///
/// ```
/// use chrono::DateTime;
/// use int_ro1::request::SearchRequest;
/// use int_ro1::response::{FreeSlot, SosPlace, SosResponseBuilder};
/// let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
/// let siret = "334173748400020".parse().unwrap();
/// let req = SearchRequest::sos(t("2026-11-26T08:00:00+01:00"), t("2026-11-27T08:00:00+01:00"), &[siret]);
/// let mut b = SosResponseBuilder::new(&req, "https://h/fhir").unwrap();
/// let place = SosPlace::new("Nord", "1 rue A", "RENNES", "35700").intrn("https://h/lieux", "N");
/// let entry = b.association(&siret, "SOS Médecins").place(place);
/// entry.slot(FreeSlot::new(t("2026-11-26T09:00:00+01:00"), t("2026-11-26T09:30:00+01:00"), "https://h/rdv"));
/// ```
#[derive(Debug, Clone)]
pub struct SosPlaceEntry {
    place: SosPlace,
    slots: Vec<FreeSlot>,
}

impl SosPlaceEntry {
    /// Adds a free slot at this place; returns the place to chain slots.
    /// Slot types other than `PUBLIC` and `SNP` are not written (a slot left
    /// with none is left out); CPTS openings do not apply to SOS.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use fr_fhir_core::vocab::SlotType;
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::response::{FreeSlot, SosPlace, SosResponseBuilder};
    /// let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
    /// let siret = "334173748400020".parse().unwrap();
    /// let req = SearchRequest::sos(t("2026-11-26T08:00:00+01:00"), t("2026-11-27T08:00:00+01:00"), &[siret]);
    /// let mut b = SosResponseBuilder::new(&req, "https://h/fhir").unwrap();
    /// let place = SosPlace::new("Nord", "1 rue A", "RENNES", "35700").intrn("https://h/lieux", "N");
    /// let (s, e) = (t("2026-11-26T09:00:00+01:00"), t("2026-11-26T09:30:00+01:00"));
    /// b.association(&siret, "SOS Médecins").place(place)
    ///     .slot(FreeSlot::new(s, e, "https://h/rdv").slot_types(&[SlotType::Snp]))
    ///     .slot(FreeSlot::new(s, e, "https://h/rdv").slot_types(&[SlotType::Pro]));
    /// assert_eq!(b.build().entry.len(), 4); // the PRO slot is left out
    /// ```
    pub fn slot(&mut self, slot: FreeSlot) -> &mut Self {
        self.slots.push(slot);
        self
    }
}

/// A fixed place of consultation of an SOS association: written as a
/// top-level Location (sas-sos-location-aggregator) managed by the
/// association.
///
/// The Location is identified by the vendor's own identifier (type `INTRN`,
/// the pattern of the SOS Location profile: SPEC AMB-11); give it with
/// [`SosPlace::intrn`], otherwise the Location has no identifier and the
/// validator reports it.
///
/// ```
/// use chrono::{NaiveTime, Weekday};
/// use int_ro1::response::SosPlace;
/// let hm = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
/// let place = SosPlace::new("Centre Rennes Nord", "320 avenue Patton", "RENNES", "35700")
///     .intrn("https://editeur.com", "1111111111")
///     .phone("+33193246789")
///     .hours(&[Weekday::Tue, Weekday::Wed], hm(8), hm(19));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SosPlace {
    name: String,
    line: String,
    city: String,
    postal_code: String,
    intrn: Option<(String, String)>,
    phone: Option<String>,
    hours: Vec<(Vec<Weekday>, NaiveTime, NaiveTime)>,
}

impl SosPlace {
    /// A place named `name` at `line`, `postal_code` (5 characters) `city`.
    ///
    /// ```
    /// use int_ro1::response::SosPlace;
    /// let p = SosPlace::new("Centre", "1 rue A", "RENNES", "35000");
    /// ```
    pub fn new(
        name: impl Into<String>,
        line: impl Into<String>,
        city: impl Into<String>,
        postal_code: impl Into<String>,
    ) -> Self {
        SosPlace {
            name: name.into(),
            line: line.into(),
            city: city.into(),
            postal_code: postal_code.into(),
            intrn: None,
            phone: None,
            hours: Vec::new(),
        }
    }

    /// The vendor's identifier of the place (`INTRN`): `system` is the
    /// vendor's URL or OID, `value` its place id.
    ///
    /// ```
    /// use int_ro1::response::SosPlace;
    /// let p = SosPlace::new("Centre", "1 rue A", "RENNES", "35000").intrn("https://editeur.com", "42");
    /// ```
    pub fn intrn(mut self, system: impl Into<String>, value: impl Into<String>) -> Self {
        self.intrn = Some((system.into(), value.into()));
        self
    }

    /// The place's phone (`+33XXXXXXXXX`), sent as `Location.telecom`.
    ///
    /// ```
    /// use int_ro1::response::SosPlace;
    /// let p = SosPlace::new("Centre", "1 rue A", "RENNES", "35000").phone("+33193246789");
    /// ```
    pub fn phone(mut self, phone: impl Into<String>) -> Self {
        self.phone = Some(phone.into());
        self
    }

    /// Adds opening hours (`Location.hoursOfOperation`): open on `days`
    /// from `opening` to `closing` (written `hh:mm:ss`).
    ///
    /// ```
    /// use chrono::{NaiveTime, Weekday};
    /// use int_ro1::response::SosPlace;
    /// let at = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    /// let p = SosPlace::new("Centre", "1 rue A", "RENNES", "35000")
    ///     .hours(&[Weekday::Sat, Weekday::Sun], at(8), at(20));
    /// ```
    pub fn hours(mut self, days: &[Weekday], opening: NaiveTime, closing: NaiveTime) -> Self {
        self.hours.push((days.to_vec(), opening, closing));
        self
    }

    fn location(&self, id: &str, organization_id: &str) -> Location<'static> {
        let time = |t: &NaiveTime| Time::new(Str::from(t.format("%H:%M:%S").to_string()));
        Location {
            id: Some(Id::new(Str::from(id.to_owned()))),
            meta: Some(Meta::profiled(profiles::LOCATION_SOS)),
            identifier: self
                .intrn
                .iter()
                .map(|(system, value)| Identifier::location_intrn(system.clone(), value.clone()))
                .collect(),
            name: Some(FhirString::new(Str::from(self.name.clone()))),
            telecom: self
                .phone
                .iter()
                .map(|phone| ContactPoint {
                    system: Some(Code::new("phone")),
                    value: Some(FhirString::new(Str::from(phone.clone()))),
                    ..Default::default()
                })
                .collect(),
            address: Some(Address {
                line: vec![FhirString::new(Str::from(self.line.clone()))],
                city: Some(FhirString::new(Str::from(self.city.clone()))),
                postal_code: Some(FhirString::new(Str::from(self.postal_code.clone()))),
                ..Default::default()
            }),
            managing_organization: Some(Reference::to(Str::from(format!(
                "Organization/{organization_id}"
            )))),
            hours_of_operation: self
                .hours
                .iter()
                .map(|(days, opening, closing)| LocationHoursOfOperation {
                    days_of_week: days.iter().map(|d| Code::new(day_code(*d))).collect(),
                    opening_time: Some(time(opening)),
                    closing_time: Some(time(closing)),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }
}

/// The FHIR days-of-week code.
fn day_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}
