//! Proptest strategies producing **valid** SAS resources and searchset
//! Bundles (feature `proptest`), for downstream crates' property tests.
//!
//! Everything generated follows the PS profiles of SPEC §2 and the SAS rules
//! of §7: national identifiers with correct keys, instants in the
//! `.sss±hh:mm` form, resolvable references, one Schedule per
//! PractitionerRole, contained Locations with a 5-digit postal code...
//!
//! ```
//! use proptest::strategy::{Strategy, ValueTree};
//! use proptest::test_runner::TestRunner;
//! let mut runner = TestRunner::deterministic();
//! let bundle = fr_fhir_core::strategy::ps_searchset().new_tree(&mut runner).unwrap().current();
//! let json = serde_json::to_string(&bundle).unwrap();
//! assert!(json.contains("\"searchset\""));
//! ```

use proptest::prelude::*;

use crate::ids::{self, Idnps, Idnst};
use crate::model::*;
use crate::rules::profiles;

const BASE: &str = "https://agenda.exemple-editeur.fr/fhir/";
const TRE_R314: &str =
    "https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau";
const ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
const TRE_R38: &str =
    "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
const V2_0276: &str = "http://terminology.hl7.org/CodeSystem/v2-0276";
const LOCATION_ID_TYPE: &str =
    "http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type";

/// Shape of one practitioner in a generated Bundle.
///
/// ```
/// use fr_fhir_core::strategy::{PractitionerPlan, build_ps_searchset};
/// let plan = PractitionerPlan {
///     idnps: "810002909371".parse().unwrap(),
///     places: vec!["1950047225".parse().unwrap()],
///     slots_per_place: vec![2],
///     family: "GARNIER".into(),
/// };
/// let bundle = build_ps_searchset(&[plan]);
/// assert_eq!(bundle.total.unwrap().value(), Some(2));
/// ```
#[derive(Debug, Clone)]
pub struct PractitionerPlan {
    /// National identifier (`8` + RPPS).
    pub idnps: Idnps,
    /// Structure identifier of each place (one role and one schedule per place).
    pub places: Vec<Idnst>,
    /// Slots per place (1..=4).
    pub slots_per_place: Vec<u8>,
    /// Family name.
    pub family: String,
}

/// One practitioner with 1 or 2 places of consultation.
pub fn practitioner_plan() -> impl Strategy<Value = PractitionerPlan> {
    (
        ids::strategy::rpps(),
        prop::collection::vec(ids::strategy::finess(), 1..=2),
        prop::collection::vec(1u8..=4, 2),
        "[A-Z]{3,12}",
    )
        .prop_map(|(rpps, finess, slots, family)| PractitionerPlan {
            idnps: Idnps::Rpps(rpps),
            places: finess.into_iter().map(Idnst::Finess).collect(),
            slots_per_place: slots,
            family,
        })
}

fn str_owned(s: String) -> crate::json::Str<'static> {
    crate::json::Str::from(s)
}

/// Builds the PS searchset for a list of practitioners (deterministic).
///
/// Slots are 20 minutes long from 2026-11-26 09:00 Paris time (`+01:00`),
/// one after the other per place.
pub fn build_ps_searchset(plans: &[PractitionerPlan]) -> Bundle<'static> {
    let ids_param: Vec<String> =
        plans.iter().map(|p| format!("{}%7C{}", ids::OID_IDNPS, p.idnps)).collect();
    let self_url = format!(
        "{BASE}Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&start=ge2026-11-26T08:00:00.000%2B01:00&start=le2026-11-28T23:59:59.999%2B01:00&schedule.actor:Practitioner.identifier={}&status=free",
        ids_param.join(",")
    );
    let mut bundle = Bundle::searchset(str_owned(self_url));
    bundle.meta = Some(Meta::profiled(profiles::BUNDLE_PS));
    let mut includes = Vec::new();
    for (i, p) in plans.iter().enumerate() {
        let pid = format!("prat-{i}");
        let practitioner = Practitioner {
            id: Some(Id::new(str_owned(pid.clone()))),
            meta: Some(Meta::profiled(profiles::PRACTITIONER_PS)),
            identifier: vec![Identifier::national(
                ids::OID_IDNPS,
                ids::IDNPS,
                str_owned(p.idnps.to_string()),
            )],
            name: vec![HumanName {
                family: Some(FhirString::new(str_owned(p.family.clone()))),
                given: vec![FhirString::new("Camille")],
                ..Default::default()
            }],
            ..Default::default()
        };
        includes.push((
            format!("{BASE}Practitioner/{pid}"),
            Resource::Practitioner(Box::new(practitioner)),
        ));
        for (j, place) in p.places.iter().enumerate() {
            let rid = format!("role-{i}-{j}");
            let sid = format!("agenda-{i}-{j}");
            let lid = format!("lieu-{j}");
            let location = Location {
                id: Some(Id::new(str_owned(lid.clone()))),
                meta: Some(Meta::profiled(profiles::LOCATION_PS)),
                identifier: vec![Identifier {
                    type_: Some(CodeableConcept::of(LOCATION_ID_TYPE, "INTRN")),
                    system: Some(Uri::new("https://agenda.exemple-editeur.fr/lieux")),
                    value: Some(FhirString::new(str_owned(format!("L-{i}-{j}")))),
                    ..Default::default()
                }],
                name: Some(FhirString::new("Cabinet médical")),
                address: Some(Address {
                    line: vec![FhirString::new("1 place de la Mairie")],
                    city: Some(FhirString::new("LYON")),
                    postal_code: Some(FhirString::new("69003")),
                    ..Default::default()
                }),
                ..Default::default()
            };
            let role = PractitionerRole {
                id: Some(Id::new(str_owned(rid.clone()))),
                meta: Some(Meta::profiled(profiles::ROLE_PS)),
                contained: vec![Resource::Location(Box::new(location))],
                practitioner: Some(Reference::to(str_owned(format!("Practitioner/{pid}")))),
                organization: Some(Reference {
                    identifier: Some(Box::new(Identifier::national(
                        ids::OID_IDNST,
                        ids::IDNST,
                        str_owned(place.to_string()),
                    ))),
                    ..Default::default()
                }),
                location: vec![Reference::to(str_owned(format!("#{lid}")))],
                telecom: vec![ContactPoint {
                    system: Some(Code::new("phone")),
                    value: Some(FhirString::new("+33465712040")),
                    ..Default::default()
                }],
                ..Default::default()
            };
            let schedule = Schedule {
                id: Some(Id::new(str_owned(sid.clone()))),
                meta: Some(Meta::profiled(profiles::SCHEDULE_PS)),
                actor: vec![
                    Reference::to(str_owned(format!("Practitioner/{pid}"))),
                    Reference::to(str_owned(format!("PractitionerRole/{rid}"))),
                ],
                ..Default::default()
            };
            let n = p.slots_per_place.get(j).copied().unwrap_or(1);
            for k in 0..n {
                let slot_id = format!("crn-{i}-{j}-{k}");
                let minutes = 20 * u32::from(k);
                let (sh, sm) = (9 + minutes / 60, minutes % 60);
                let (eh, em) = (9 + (minutes + 20) / 60, (minutes + 20) % 60);
                let slot = Slot {
                    id: Some(Id::new(str_owned(slot_id.clone()))),
                    meta: Some(Meta {
                        security: vec![Coding::of(TRE_R314, "PUBLIC")],
                        ..Meta::profiled(profiles::SLOT_PS)
                    }),
                    service_type: vec![CodeableConcept::of(ACT_CODE, "AMB")],
                    specialty: vec![CodeableConcept::of(TRE_R38, "SM54")],
                    appointment_type: Some(CodeableConcept::of(V2_0276, "ROUTINE")),
                    schedule: Some(Reference::to(str_owned(format!("Schedule/{sid}")))),
                    status: Some(Code::new("free")),
                    start: Some(Instant::new(str_owned(format!(
                        "2026-11-26T{sh:02}:{sm:02}:00.000+01:00"
                    )))),
                    end: Some(Instant::new(str_owned(format!(
                        "2026-11-26T{eh:02}:{em:02}:00.000+01:00"
                    )))),
                    comment: Some(FhirString::new(str_owned(format!(
                        "https://agenda.exemple-editeur.fr/rdv/{pid}"
                    )))),
                    ..Default::default()
                };
                bundle.push(
                    str_owned(format!("{BASE}Slot/{slot_id}")),
                    Resource::Slot(Box::new(slot)),
                    "match",
                );
            }
            includes
                .push((format!("{BASE}Schedule/{sid}"), Resource::Schedule(Box::new(schedule))));
            includes.push((
                format!("{BASE}PractitionerRole/{rid}"),
                Resource::PractitionerRole(Box::new(role)),
            ));
        }
    }
    for (url, res) in includes {
        bundle.push(str_owned(url), res, "include");
    }
    bundle
}

/// A valid PS searchset Bundle with 1 to 4 practitioners (distinct RPPS).
pub fn ps_searchset() -> impl Strategy<Value = Bundle<'static>> {
    prop::collection::vec(practitioner_plan(), 1..=4).prop_map(|mut plans| {
        // One Practitioner per national identifier (RO1-PRACT-006).
        let mut seen = std::collections::HashSet::new();
        plans.retain(|p| seen.insert(p.idnps.to_string()));
        build_ps_searchset(&plans)
    })
}
