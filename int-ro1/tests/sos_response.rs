//! The SOS response builder against the validator: for generated SOS
//! requests and agendas, the built Bundle gets no finding at all (not even
//! an information) when validated with its request, the way the SAS
//! platform and `sas-validate --request` judge it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Weekday};
use fr_fhir_core::ids::Idnst;
use fr_fhir_core::ids::strategy::siret;
use fr_fhir_core::model::Bundle;
use fr_fhir_core::vocab::{AppointmentReason, ConsultationType, SlotType};
use int_ro1::request::{SearchRequest, UseCase};
use int_ro1::response::{FreeSlot, SosPlace, SosResponseBuilder};
use int_ro1::{ExchangeOptions, ExchangeReport, validate_body, validate_text};
use proptest::prelude::*;

const BASE: &str = "https://agenda.sos-exemple.fr/fhir";

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn options(request: &SearchRequest) -> ExchangeOptions {
    ExchangeOptions { request: Some(request.to_url(Some(BASE))), ..Default::default() }
}

fn findings(report: &ExchangeReport) -> Vec<String> {
    report.findings.iter().map(|f| f.to_string()).collect()
}

/// Both library entry points, body and sniffed text, say nothing.
fn assert_no_finding(request: &SearchRequest, bundle: &Bundle<'_>) {
    let body = serde_json::to_string_pretty(bundle).unwrap();
    let opts = options(request);
    let report = validate_body(&body, &opts);
    assert_eq!(report.subject.use_case, UseCase::SOS);
    assert!(report.findings.is_empty(), "{:#?}\n{body}", findings(&report));
    let reports = validate_text(&body, &opts).unwrap();
    let all: Vec<String> = reports.iter().flat_map(findings).collect();
    assert!(all.is_empty(), "{all:#?}");
}

/// The shape of the IG example (SPEC §1.4): two associations, three fixed
/// places, four slots, one place without a slot.
fn rennes_and_nantes() -> (SearchRequest, Bundle<'static>) {
    let rennes = Idnst::parse_form("334173748400020").unwrap();
    let nantes = Idnst::parse_form("392080466300010").unwrap();
    let request = SearchRequest::sos(
        at("2026-11-26T09:00:00.000+01:00"),
        at("2026-11-28T08:00:00.000+01:00"),
        &[rennes, nantes],
    );
    let hm = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    let rdv = "https://agenda.sos-exemple.fr/rdv";
    let mut b = SosResponseBuilder::new(&request, BASE).unwrap();
    let asso = b.association(&rennes, "SOS Médecins de Rennes");
    asso.place(
        SosPlace::new("Centre Rennes Nord", "320 avenue Patton", "RENNES", "35700")
            .intrn("https://editeur.com", "1111111111")
            .phone("+33193246789")
            .hours(
                &[Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat],
                hm(8),
                hm(19),
            ),
    )
    .slot(
        FreeSlot::new(at("2026-11-26T09:00:00+01:00"), at("2026-11-26T09:30:00+01:00"), rdv)
            .slot_types(&[SlotType::Public, SlotType::Snp])
            .consultation_types(&[
                ConsultationType::Ambulatory,
                ConsultationType::Teleconsultation,
            ]),
    )
    .slot(FreeSlot::new(at("2026-11-26T11:00:00+01:00"), at("2026-11-26T11:30:00+01:00"), rdv));
    asso.place(
        SosPlace::new("Centre Rennes Cleunay", "106 rue Eugène Pottier", "RENNES", "35000")
            .intrn("https://editeur.com", "2222222222"),
    )
    .slot(
        FreeSlot::new(at("2026-11-27T10:00:00Z"), at("2026-11-27T10:30:00Z"), rdv)
            .appointment(AppointmentReason::WalkIn),
    );
    // A place without a free slot: left out.
    asso.place(
        SosPlace::new("Vide", "1 rue A", "RENNES", "35000").intrn("https://editeur.com", "0"),
    );
    b.association(&nantes, "SOS Médecins Nantes")
        .place(
            SosPlace::new("Centre Nantes", "1 place Royale", "NANTES", "44000")
                .intrn("https://editeur.com", "3333333333"),
        )
        .slot(FreeSlot::new(at("2026-11-27T20:00:00+01:00"), at("2026-11-27T20:30:00+01:00"), rdv));
    (request, b.build())
}

#[test]
fn the_ig_shaped_response_has_no_finding() {
    let (request, bundle) = rennes_and_nantes();
    assert_no_finding(&request, &bundle);
}

#[test]
fn the_wiring_is_the_sos_graph() {
    let (request, bundle) = rennes_and_nantes();
    let json = serde_json::to_value(&bundle).unwrap();
    assert_eq!(json["link"][0]["url"], request.to_url(Some(BASE)));
    let entries = json["entry"].as_array().unwrap();
    let of = |t: &str| -> Vec<&serde_json::Value> {
        entries.iter().filter(|e| e["resource"]["resourceType"] == t).collect()
    };
    let (schedules, slots) = (of("Schedule"), of("Slot"));
    assert_eq!(
        (schedules.len(), slots.len(), of("Location").len(), of("Organization").len()),
        (3, 4, 3, 2)
    );
    // total counts the matches, the Schedules (AMB-07 accepts the Slots too).
    assert_eq!(json["total"], 3);
    assert!(schedules.iter().all(|e| e["search"]["mode"] == "match"));
    assert!(
        entries
            .iter()
            .filter(|e| e["resource"]["resourceType"] != "Schedule")
            .all(|e| e["search"]["mode"] == "include")
    );
    assert_eq!(slots[2]["resource"]["schedule"]["reference"], "Schedule/agenda-0-1");
    assert_eq!(schedules[1]["resource"]["actor"][0]["reference"], "Location/lieu-0-1");
    let loc = of("Location")[2];
    assert_eq!(loc["fullUrl"], format!("{BASE}/Location/lieu-1-0"));
    assert_eq!(loc["resource"]["managingOrganization"]["reference"], "Organization/asso-1");
    assert_eq!(of("Organization")[1]["resource"]["identifier"][0]["value"], "392080466300010");
    assert_eq!(of("Location")[0]["resource"]["hoursOfOperation"][0]["openingTime"], "08:00:00");
}

#[test]
fn an_empty_sos_answer_has_no_finding() {
    let t = at("2026-11-26T09:00:00+01:00");
    let request = SearchRequest::sos(
        t,
        t + Duration::days(1),
        &[Idnst::parse_form("334173748400020").unwrap()],
    );
    let bundle = SosResponseBuilder::new(&request, BASE).unwrap().build();
    assert_no_finding(&request, &bundle);
}

#[test]
fn a_ps_request_is_refused() {
    let t = at("2026-11-26T09:00:00+01:00");
    let err = SosResponseBuilder::new(&SearchRequest::ps(t, t, &[]), BASE).unwrap_err();
    assert!(err.to_string().contains("ResponseBuilder"), "{err}");
}

/// A fixed place with 0..=3 slots, each given as (minutes after the
/// window start, duration, offset hours, slot type bits, consultation bits,
/// walk-in).
type PlacePlan = (String, Option<String>, u8, Vec<(u32, u32, i32, u8, u8, bool)>);

fn place_plan() -> impl Strategy<Value = PlacePlan> {
    (
        "[0-9]{5}",
        proptest::option::of("\\+33[1-9][0-9]{8}"),
        0u8..0x80,
        proptest::collection::vec(
            // The window is 2 days long; starts stay 6 h inside it: a slot
            // written at another offset (-3..+3 h) than the bounds (-2..+2 h)
            // nearer to an end can bear another *written* date than the
            // bound's, which RO1-WIN-001/002 rightly warn about (the kit
            // compares written dates).
            (
                6 * 60u32..(2 * 24 * 60 - 6 * 60),
                5u32..=60,
                -3i32..=3,
                1u8..4,
                1u8..8,
                any::<bool>(),
            ),
            0..=3,
        ),
    )
}

fn pick<T: Copy>(bits: u8, all: &[T]) -> Vec<T> {
    all.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, t)| *t).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Whatever associations (requested, prefixed SIRET with a right key),
    /// places and in-window slots are given, the built SOS response gets no
    /// finding, through the request parsed back from its URL.
    #[test]
    fn any_built_sos_response_has_no_finding(
        associations in proptest::collection::btree_map(
            siret().prop_map(|s| s.as_str().to_owned()),
            ("[A-Z][a-z]{2,10}", proptest::collection::vec(place_plan(), 1..=3)),
            1..=4,
        ),
        start_ms in 1_700_000_000_000i64..1_900_000_000_000,
        offset_hours in -2i32..=2,
    ) {
        let offset = FixedOffset::east_opt(offset_hours * 3600).unwrap();
        let window_start = DateTime::from_timestamp_millis(start_ms).unwrap().with_timezone(&offset);
        let window_end = window_start + Duration::days(2);
        let ids: Vec<Idnst> =
            associations.keys().map(|s| Idnst::parse_form(&format!("3{s}")).unwrap()).collect();
        // Seeded from the request as the connector receives it: parsed from
        // its URL, identifiers typed.
        let sent = SearchRequest::sos(window_start, window_end, &ids).to_url(Some(BASE));
        let request = SearchRequest::parse(&sent);
        let typed: Vec<Idnst> = request.identifiers.iter().filter_map(|i| i.idnst().copied()).collect();
        prop_assert_eq!(&typed, &ids);
        let mut b = SosResponseBuilder::new(&request, BASE).unwrap();
        for (idnst, (city, places)) in typed.iter().zip(associations.values()) {
            let asso = b.association(idnst, format!("SOS Médecins {city}"));
            for (j, (postal_code, phone, days, plan)) in places.iter().enumerate() {
                let mut place = SosPlace::new(format!("Centre {j}"), "1 place de la Mairie", city.to_uppercase(), postal_code.clone())
                    .intrn("https://agenda.sos-exemple.fr/lieux", format!("L-{j}"));
                if let Some(phone) = phone {
                    place = place.phone(phone.clone());
                }
                let days = pick(*days, &[Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]);
                if !days.is_empty() {
                    let (open, close) = (NaiveTime::from_hms_opt(8, 30, 0).unwrap(), NaiveTime::from_hms_opt(20, 0, 0).unwrap());
                    place = place.hours(&days, open, close);
                }
                let entry = asso.place(place);
                for &(after, minutes, hours, types, kinds, walk_in) in plan {
                    let offset = FixedOffset::east_opt(hours * 3600).unwrap();
                    let start = (window_start + Duration::minutes(after.into())).with_timezone(&offset);
                    let end = start + Duration::minutes(minutes.into());
                    let reason = if walk_in { AppointmentReason::WalkIn } else { AppointmentReason::Routine };
                    entry.slot(
                        FreeSlot::new(start, end, format!("https://agenda.sos-exemple.fr/rdv/{j}"))
                            .slot_types(&pick(types, &[SlotType::Public, SlotType::Snp]))
                            .consultation_types(&pick(kinds, &[
                                ConsultationType::Ambulatory,
                                ConsultationType::Home,
                                ConsultationType::Teleconsultation,
                            ]))
                            .appointment(reason),
                    );
                }
            }
        }
        let bundle = b.build();
        let body = serde_json::to_string(&bundle).unwrap();
        let report = validate_body(&body, &options(&request));
        prop_assert!(report.findings.is_empty(), "{:#?}", findings(&report));
    }
}

#[test]
fn what_the_builder_does_not_check_is_reported() {
    // The validator is live: a place without its INTRN identifier and an
    // association that was not requested are reported.
    let t = at("2026-11-26T09:00:00+01:00");
    let request = SearchRequest::sos(
        t,
        t + Duration::days(1),
        &[Idnst::parse_form("334173748400020").unwrap()],
    );
    let mut b = SosResponseBuilder::new(&request, BASE).unwrap();
    b.association(&Idnst::parse_form("392080466300010").unwrap(), "SOS Médecins Nantes")
        .place(SosPlace::new("Centre", "1 rue A", "NANTES", "44000"))
        .slot(FreeSlot::new(t, t + Duration::minutes(30), "https://h/rdv"));
    let body = serde_json::to_string(&b.build()).unwrap();
    let report = validate_body(&body, &options(&request));
    let ids: Vec<&str> = report.findings.iter().map(|f| f.rule.id).collect();
    assert!(ids.contains(&"RO1-SOS-005") && ids.contains(&"RO1-SOS-003"), "{ids:?}");
}
