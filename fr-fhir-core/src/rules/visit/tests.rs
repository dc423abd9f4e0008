//! Differential tests of the shortcuts of the visitors: the same report as
//! the plain sequence of checks, caps included.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use serde_json::{Value as Json, json};

use super::*;
use crate::engine::index::Index;
use crate::engine::{Options, run};
use crate::model::{Extension, Identifier, Visitor, Walk, parse_resource};
use crate::rules::testutil::{CPTS, EMPTY, PS, SOS, set};

/// The slot-search rules with every entry checked the plain way: the
/// RO1-ID-* walk always runs.
struct Plain;

impl RuleSet for Plain {
    fn check_entry(&self, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
        bundle::check_entry(e, em);
        structure::check_entry(e, em);
        let Some(res) = &e.entry.resource else { return };
        meta::check_resource(res, false, em);
        identifiers::check_resource(res, em);
        match res {
            Resource::Slot(s) => slot::check(s, e, em),
            Resource::Schedule(s) => schedule::check(s, e, em),
            Resource::Practitioner(p) => practitioner::check(p, e, em),
            Resource::PractitionerRole(r) => role::check(r, e, em),
            Resource::Location(l) => sos::check_location(l, e, em),
            Resource::Organization(o) => {
                cpts::check_organization(o, e, em);
                sos::check_organization(o, e, em);
            }
            Resource::HealthcareService(h) => cpts::check_healthcare_service(h, e, em),
            _ => {}
        }
    }
    fn check_bundle(&self, f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
        SLOT_SEARCH_BODY.check_bundle(f, em);
    }
    fn check_root(&self, res: Option<&Resource<'_>>, src: &str, em: &mut Emitter<'_>) {
        SLOT_SEARCH_BODY.check_root(res, src, em);
    }
    fn check_notes(&self, cx: &Cx, em: &mut Emitter<'_>) {
        SLOT_SEARCH_BODY.check_notes(cx, em);
    }
    fn is_generic(&self, rule: &RuleMeta) -> bool {
        SLOT_SEARCH_BODY.is_generic(rule)
    }
    fn wrong_type_rule(&self) -> Option<&'static RuleMeta> {
        SLOT_SEARCH_BODY.wrong_type_rule()
    }
    fn use_case_of_profile(&self, url: &str) -> Option<UseCase> {
        SLOT_SEARCH_BODY.use_case_of_profile(url)
    }
    fn hint(&self, res: &Resource<'_>, seen: &mut [u32]) {
        SLOT_SEARCH_BODY.hint(res, seen);
    }
    fn decide(&self, seen: &[u32]) -> Option<UseCase> {
        SLOT_SEARCH_BODY.decide(seen)
    }
    fn hand_owned(&self, rule: &RuleMeta, source: &str) -> bool {
        SLOT_SEARCH_BODY.hand_owned(rule, source)
    }
    fn profile_for(&self, rtype: &str, uc: UseCase) -> Option<&'static str> {
        SLOT_SEARCH_BODY.profile_for(rtype, uc)
    }
    fn use_cases(&self) -> Scope {
        SLOT_SEARCH_BODY.use_cases()
    }
    fn default_use_case(&self) -> UseCase {
        SLOT_SEARCH_BODY.default_use_case()
    }
}

/// The project's examples, valid and invalid.
fn examples() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut out = Vec::new();
    for sub in ["valid", "invalid"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{dir}/{sub}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        for p in paths {
            out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
        }
    }
    out
}

/// Identifiers wherever the model may hold one (and extensions around
/// them), on the first Slot of each valid example.
fn with_identifiers() -> Vec<(String, String)> {
    let idnps = |v: &str| json!({"system": "urn:oid:1.2.250.1.71.4.2.1", "value": v});
    let patches: Vec<(&str, Json)> = vec![
        ("/identifier", json!([idnps("81000290937"), {"use": "nope"}])),
        ("/schedule/identifier", idnps("8100029093x")),
        (
            "/serviceType/0/extension",
            json!([{"url": "http://x.fr/e", "valueIdentifier": idnps("0")}]),
        ),
        (
            "/meta/security/0/extension",
            json!([{"url": "http://x.fr/e", "extension": [{"url": "i", "valueIdentifier": {"value": ""}}]}]),
        ),
        (
            "/contained",
            json!([{"resourceType": "Location", "id": "l", "identifier": [idnps("1")]}]),
        ),
        (
            "/extension",
            json!([{"url": "http://x.fr/e", "valueReference": {"identifier": idnps("2")}}]),
        ),
        // Extensions alone, ext-1 broken in each way, deep or contained.
        ("/specialty/0/coding/0/extension", json!([{"url": "http://x.fr/e"}])),
        (
            "/appointmentType/extension",
            json!([{"valueString": "v", "extension": [{"url": "u", "valueCode": "c"}]}]),
        ),
        (
            "/contained",
            json!([{"resourceType": "Location", "id": "m", "extension": [{"url": "http://x.fr/e"}]}]),
        ),
        ("/modifierExtension", json!([{"url": "http://x.fr/m", "valueBoolean": true}])),
    ];
    let mut out = Vec::new();
    for (name, src) in [("PS", PS), ("CPTS", CPTS), ("SOS", SOS)] {
        let doc: Json = serde_json::from_str(src).unwrap();
        let at = doc["entry"]
            .as_array()
            .unwrap()
            .iter()
            .position(|e| e["resource"]["resourceType"] == "Slot")
            .unwrap();
        let mut all = doc.clone();
        for (ptr, v) in &patches {
            let mut one = doc.clone();
            set(&mut one, &format!("/entry/{at}/resource{ptr}"), Some(v.clone()));
            out.push((format!("{name} {ptr}"), one.to_string()));
            set(&mut all, &format!("/entry/{at}/resource{ptr}"), Some(v.clone()));
        }
        out.push((format!("{name} all"), all.to_string()));
        // fullUrls naming the resource or not (RO1-BUNDLE-007).
        let id = doc["entry"][at]["resource"]["id"].as_str().unwrap().to_string();
        for url in [
            format!("https://x.fr/fhir/Slot/{id}"),
            format!("https://x.fr/fhir/Slot/{id}/_history/2"),
            format!("https://x.fr/_history/Slot/{id}"),
            format!("https://x.fr/fhir/Schedule/{id}"),
            format!("https://x.fr/fhir/Slot/{id}x"),
            format!("http://x.fr/Slot/{id}/"),
            format!("urn:uuid:{id}"),
            format!("https://x.fr/fhir/slot/{id}"),
            "https://x.fr/fhir/Slot/".to_string(),
        ] {
            let mut one = doc.clone();
            set(&mut one, &format!("/entry/{at}/fullUrl"), Some(json!(url)));
            out.push((format!("{name} {url}"), one.to_string()));
        }
    }
    out
}

fn report(src: &str, opts: &Options, rules: &dyn RuleSet) -> String {
    match run(src, opts, rules, &mut []) {
        Ok(r) => format!("{:?}\n{:?}\n{}", r.findings, r.dropped, r.ignored),
        Err(e) => format!("error {e:?}"),
    }
}

/// The RO1-ID-* walk is skipped when the structure walk met no Identifier:
/// same findings, same order, same counts beyond tight caps.
#[test]
fn id_walk_skip_changes_no_report() {
    let mut docs = examples();
    docs.extend(with_identifiers());
    docs.push(("EMPTY".into(), EMPTY.into()));
    let mut with_ids = 0;
    for (name, src) in &docs {
        for opts in [
            Options::default(),
            Options { max_findings: 1, ..Options::default() },
            Options { max_findings: 3, ..Options::default() },
            Options { use_case: Some(UseCase::SOS), ..Options::default() },
            Options { strict: true, max_findings: 2, ..Options::default() },
        ] {
            let fast = report(src, &opts, &SLOT_SEARCH_BODY);
            let plain = report(src, &opts, &Plain);
            assert_eq!(fast, plain, "{name}");
        }
        with_ids += usize::from(src.contains("\"identifier\""));
    }
    assert!(with_ids > 10, "{with_ids} documents with identifiers");
}

struct CountIds(usize);

impl<'a> Visitor<'a> for CountIds {
    fn identifier(&mut self, _: &Identifier<'a>) {
        self.0 += 1;
    }
}

/// The flag the skip reads is set exactly when the walk meets an Identifier.
#[test]
fn structure_walk_tells_identifiers() {
    let mut docs = with_identifiers();
    docs.extend(examples());
    let mut seen = [0usize; 2];
    for (name, src) in &docs {
        let Ok((Resource::Bundle(b), _)) = parse_resource(src) else { continue };
        for entry in &b.entry {
            let Some(res) = &entry.resource else { continue };
            let mut count = CountIds(0);
            res.walk(&mut count);
            let opts = Options::default();
            let mut em = Emitter::new(&opts);
            let e = EntryCx { index: 0, entry, src };
            let told = structure::check_entry_walked(&e, None, &mut em);
            assert_eq!(told, count.0 > 0, "{name}: {}", res.resource_type());
            seen[usize::from(told)] += 1;
        }
    }
    assert!(seen[0] > 10 && seen[1] > 10, "{seen:?}");
}

#[derive(Default)]
struct Count {
    extensions: usize,
    identifiers: usize,
}

impl<'a> Visitor<'a> for Count {
    fn extension(&mut self, _: &Extension<'a>) {
        self.extensions += 1;
    }
    fn identifier(&mut self, _: &Identifier<'a>) {
        self.identifiers += 1;
    }
}

/// What the index says its walk met is what a walk of the resource meets,
/// and it is told for the last entry added only.
#[test]
fn index_tells_what_its_walk_met() {
    let mut docs = with_identifiers();
    docs.extend(examples());
    let mut seen = [[0usize; 2]; 4];
    for (name, src) in &docs {
        let Ok((Resource::Bundle(b), _)) = parse_resource(src) else { continue };
        let mut ix = Index::new(src);
        for (i, entry) in b.entry.iter().enumerate() {
            ix.add(u32::try_from(i).unwrap(), entry);
            let told = ix.walked(entry);
            let Some(res) = &entry.resource else {
                assert_eq!(told, None, "{name}");
                continue;
            };
            let mut count = Count::default();
            res.walk(&mut count);
            let told = told.unwrap();
            assert_eq!(told.extensions, count.extensions > 0, "{name}: {}", res.resource_type());
            assert_eq!(told.identifiers, count.identifiers > 0, "{name}: {}", res.resource_type());
            let url = entry.full_url.as_ref().map(|u| u.as_str()).unwrap_or_default();
            let names = crate::engine::index::restful_tail(url).is_some_and(|(t, i)| {
                t == res.resource_type() && res.id().is_some_and(|id| id.as_str() == i)
            });
            assert_eq!(told.url_names_resource, names, "{name}: {url}");
            let versioned = crate::engine::index::find_history(url).is_some();
            assert_eq!(told.url_versioned, versioned, "{name}: {url}");
            seen[0][usize::from(told.extensions)] += 1;
            seen[1][usize::from(told.identifiers)] += 1;
            seen[2][usize::from(told.url_names_resource)] += 1;
            seen[3][usize::from(told.url_versioned)] += 1;
            if i > 0 {
                assert_eq!(ix.walked(&b.entry[i - 1]), None, "{name}: an earlier entry");
            }
        }
    }
    assert!(seen.iter().flatten().all(|&n| n > 3), "{seen:?}");
}
