//! Throughput of the small, hot pieces: national identifiers (form and
//! Luhn key) and the INT_RO1 search request (parse and request rules), on
//! inputs of the shape the SLA case carries (25 practitioners).
// Not test code, so clippy.toml's *-in-tests settings do not apply; a failed setup should stop the run.
#![allow(clippy::unwrap_used, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fr_fhir_core::ids::{Adeli, Finess, Idnps, Idnst, Rpps, Siret, luhn};
use int_ro1::request::SearchRequest;
use int_ro1::request::query::ParsedQuery;
use std::hint::black_box;

/// `body` followed by its Luhn key.
fn with_key(body: String) -> String {
    let key = luhn::check_digit(body.as_bytes()).unwrap();
    format!("{body}{key}")
}

/// A deterministic mix of national identifiers: valid IDNPS (RPPS and
/// ADELI forms), IDNST (FINESS and SIRET forms), and one in eight with a
/// wrong key, as in vendor payloads.
fn identifiers(n: usize) -> Vec<(bool, String)> {
    (0..n)
        .map(|i| {
            let seq = (1_000_000 + i as u64 * 7919) % 1_000_000;
            let (person, mut id) = match i % 4 {
                0 => (true, format!("8{}", with_key(format!("1000{seq:06}")))),
                1 => (true, format!("075{seq:06}0")),
                2 => (false, format!("1{}", with_key(format!("75{seq:06}")))),
                _ => (false, format!("3{}", with_key(format!("7000000{seq:06}")))),
            };
            if i % 8 == 7 {
                // Wrong key: change the last digit.
                let last = id.pop().unwrap();
                id.push(if last == '0' { '1' } else { '0' });
            }
            (person, id)
        })
        .collect()
}

fn bench_identifiers(c: &mut Criterion) {
    let ids = identifiers(10_000);
    let valid = |(person, id): &(bool, String)| {
        if *person {
            Idnps::parse_form(id).is_ok_and(|v| v.check_key().is_ok())
        } else {
            Idnst::parse_form(id).is_ok_and(|v| v.check_key().is_ok())
        }
    };
    // The mix is what it claims: every form right, one key in eight wrong
    // (all on SIRET numbers: ADELI has no key).
    assert_eq!(ids.iter().filter(|i| valid(i)).count(), ids.len() / 8 * 7);
    let mut g = c.benchmark_group("identifiers");
    g.throughput(Throughput::Elements(ids.len() as u64));
    g.bench_function("national_form_and_key", |b| {
        b.iter(|| black_box(&ids).iter().filter(|i| valid(i)).count())
    });
    let registry: Vec<&str> = ids.iter().map(|(_, id)| id.get(1..).unwrap_or("")).collect();
    g.bench_function("registry_numbers", |b| {
        b.iter(|| {
            let mut ok = 0u32;
            for (i, id) in black_box(&registry).iter().enumerate() {
                ok += u32::from(match i % 4 {
                    0 => id.parse::<Rpps>().is_ok(),
                    1 => id.parse::<Adeli>().is_ok(),
                    2 => id.parse::<Finess>().is_ok(),
                    _ => id.parse::<Siret>().is_ok(),
                });
            }
            ok
        })
    });
    g.finish();
}

/// The SLA request: 25 practitioners, a 72 h window, the PS includes.
fn sla_request() -> String {
    let ids: Vec<String> = (0..25)
        .map(|i| {
            let rpps = with_key(format!("1000{:06}", 100_000 + i * 7919));
            format!("urn:oid:1.2.250.1.71.4.2.1%7C8{rpps}")
        })
        .collect();
    format!(
        "https://api.editeur.example.fr/fhir/sas/Slot?_include=Slot:schedule\
         &_include:iterate=Schedule:actor&status=free\
         &start=ge2026-11-26T08:00:00.000%2B01:00&start=le2026-11-29T08:00:00.000%2B01:00\
         &schedule.actor:Practitioner.identifier={}",
        ids.join(",")
    )
}

fn bench_request(c: &mut Criterion) {
    let url = sla_request();
    let mut g = c.benchmark_group("request");
    g.throughput(Throughput::Bytes(url.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| SearchRequest::parse(black_box(&url)).identifiers.len())
    });
    g.bench_function("parse_and_check", |b| {
        b.iter(|| {
            let raw = ParsedQuery::parse(black_box(&url));
            SearchRequest::from_query(&raw).check(&raw).len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_identifiers, bench_request);
criterion_main!(benches);
