//! What a vendor's connector does: read the SAS search it receives, answer
//! it with [`ResponseBuilder`] (self link, `total`, search modes, profiles,
//! fullUrls and the Slot → Schedule → Practitioner / PractitionerRole →
//! contained Location references are derived), and check its own answer the
//! way the SAS platform will.
//!
//! `cargo run -p int-ro1 --example build_response`

use chrono::DateTime;
use int_ro1::request::SearchRequest;
use int_ro1::response::{FreeSlot, Place, ResponseBuilder};
use int_ro1::{ExchangeOptions, Severity, validate_body};

const BASE: &str = "https://agenda.exemple.fr/fhir";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The request as the SAS sends it (PS: one practitioner, a 3-day window).
    let url = "https://agenda.exemple.fr/fhir/Slot?_include=Slot:schedule\
        &_include:iterate=Schedule:actor&start=ge2026-11-26T08:00:00.000%2B01:00\
        &start=le2026-11-28T23:59:59.999%2B01:00\
        &schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810002909371\
        &status=free";
    let request = SearchRequest::parse(url);

    // Whatever the agenda holds for each requested practitioner.
    let mut response = ResponseBuilder::new(&request, BASE)?;
    // The identifiers come typed: form-checked, the check digit a separate
    // verdict (the official examples' numbers fail it, and still get an answer).
    for rpps in request.identifiers.iter().filter_map(|id| id.idnps()) {
        let cabinet = Place::new(
            "Cabinet Paul Bert",
            "42 rue Paul Bert",
            "LYON",
            "69003",
            "1690041272".parse()?,
        )
        .intrn("https://agenda.exemple.fr/lieux", "L-0392");
        let at = DateTime::parse_from_rfc3339;
        response.practitioner(rpps, "GARNIER", "Hélène").role(cabinet).slot(FreeSlot::new(
            at("2026-11-26T14:00:00+01:00")?,
            at("2026-11-26T14:20:00+01:00")?,
            "https://agenda.exemple.fr/rdv/42",
        ));
    }
    let body = serde_json::to_string_pretty(&response.build())?;

    // The same check as `sas-validate --request URL body.json`.
    let opts = ExchangeOptions { request: Some(url.to_owned()), ..Default::default() };
    let report = validate_body(&body, &opts);
    for f in &report.findings {
        eprintln!("{f}");
    }
    if report.has(Severity::Warning) {
        return Err("the built response has findings".into());
    }
    println!("{body}");
    Ok(())
}
