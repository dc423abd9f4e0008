//! What an SOS Médecins connector does: read the SAS search on Schedule it
//! receives, answer it with [`SosResponseBuilder`] (self link, `total`,
//! search modes, profiles, fullUrls and the Slot → Schedule → Location →
//! Organization references are derived), and check its own answer the way
//! the SAS platform will.
//!
//! `cargo run -p int-ro1 --example build_sos_response`

use chrono::{DateTime, NaiveTime, Weekday};
use int_ro1::request::SearchRequest;
use int_ro1::response::{FreeSlot, SosPlace, SosResponseBuilder};
use int_ro1::{ExchangeOptions, validate_body};

const BASE: &str = "https://agenda.sos-exemple.fr/fhir";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The request as the SAS sends it: one association (3 + SIRET), one day.
    let url = "https://agenda.sos-exemple.fr/fhir/Schedule?_revinclude=Slot:schedule\
        &_include=Schedule:actor:Location&_include:iterate=Location:organization\
        &_has:Slot:schedule:start=ge2026-11-26T08:00:00.000%2B01:00\
        &_has:Slot:schedule:start=le2026-11-26T23:59:59.999%2B01:00\
        &_has:Slot:schedule:status=free\
        &actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2%7C334173748400020";
    let request = SearchRequest::parse(url);

    // Whatever the agenda holds for each requested association (the
    // identifiers come typed, their check digit a separate verdict).
    let mut response = SosResponseBuilder::new(&request, BASE)?;
    let at = DateTime::parse_from_rfc3339;
    let hm = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or("time");
    for siret in request.identifiers.iter().filter_map(|id| id.idnst()) {
        let centre = SosPlace::new("Centre Rennes Nord", "320 avenue Patton", "RENNES", "35700")
            .intrn("https://agenda.sos-exemple.fr/lieux", "RN-1")
            .phone("+33193246789")
            .hours(&[Weekday::Mon, Weekday::Tue, Weekday::Wed], hm(8)?, hm(19)?);
        response.association(siret, "SOS Médecins de Rennes").place(centre).slot(FreeSlot::new(
            at("2026-11-26T14:00:00+01:00")?,
            at("2026-11-26T14:30:00+01:00")?,
            "https://agenda.sos-exemple.fr/rdv/42",
        ));
    }
    let body = serde_json::to_string_pretty(&response.build())?;

    // The same check as `sas-validate --request URL body.json`.
    let opts = ExchangeOptions { request: Some(url.to_owned()), ..Default::default() };
    let report = validate_body(&body, &opts);
    for f in &report.findings {
        eprintln!("{f}");
    }
    if !report.findings.is_empty() {
        return Err("the built response has findings".into());
    }
    println!("{body}");
    Ok(())
}
