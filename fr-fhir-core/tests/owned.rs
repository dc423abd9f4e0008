//! Owned models (issue 16): parsed data outlives its text, moves to another
//! thread, sits in a cache, and serializes back to the same JSON.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use fr_fhir_core::model::{
    Bundle, Coding, Extension, Identifier, Instant, IntoOwned, Meta, Reference, Resource, Slot,
    Value, parse_owned, parse_resource,
};

const EXAMPLES: &[&str] =
    &["ps-two-practitioners", "cpts-one-cpts", "sos-two-places", "ps-empty", "error-400"];

fn example(name: &str) -> String {
    let path = format!("{}/../examples/valid/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

/// Compile-level proof: the owned forms are `'static + Send + Sync`.
fn assert_static_send_sync<T: 'static + Send + Sync>(_: &T) {}

/// A text read at run time, so nothing borrows a `'static` literal.
fn ps_text() -> String {
    example("ps-two-practitioners")
}

#[test]
fn a_parsed_bundle_outlives_its_text_and_moves_to_a_thread() {
    let text = ps_text();
    let expected = serde_json::to_value(parse_resource(&text).unwrap().0).unwrap();
    let bundle: Bundle<'static> = Bundle::parse_owned(&text).unwrap();
    drop(text);
    assert_static_send_sync(&bundle);

    let handle = std::thread::spawn(move || {
        let slots: Vec<String> = bundle
            .entry
            .iter()
            .filter_map(|e| match &e.resource {
                Some(Resource::Slot(s)) => s.start.as_ref().map(|t| t.as_str().to_owned()),
                _ => None,
            })
            .collect();
        (bundle, slots)
    });
    let (bundle, slots) = handle.join().unwrap();
    assert!(!slots.is_empty());
    assert!(slots.iter().all(|s| s.starts_with("20")), "{slots:?}");
    assert_eq!(bundle.type_.as_ref().unwrap().as_str(), "searchset");
    assert_eq!(bundle.entry_count as usize, bundle.entry.len());
    // Same JSON as the borrowed parse.
    assert_eq!(serde_json::to_value(&bundle).unwrap(), expected);
}

#[test]
fn an_owned_model_equals_the_borrowed_one() {
    // Equality compares texts, not whether they are borrowed or owned.
    for name in EXAMPLES {
        let text = example(name);
        let (borrowed, _) = parse_resource(&text).unwrap();
        let owned = borrowed.clone().into_owned();
        assert_eq!(owned, borrowed, "{name}");
    }
    let text = String::from(
        r#"{"resourceType":"Bundle","foo":1,"entry":[{"resource":{"resourceType":"Patient"}}]}"#,
    );
    let (owned, _) = parse_owned::<Bundle<'_>>(&text).unwrap();
    let (borrowed, _) = parse_resource(&text).unwrap();
    let Resource::Bundle(borrowed) = borrowed else { panic!() };
    assert_eq!(owned, *borrowed);
}

#[test]
fn parsed_bundles_are_cached_after_their_text_is_gone() {
    let cache: Arc<Mutex<HashMap<String, Bundle<'static>>>> = Arc::default();
    let workers: Vec<_> = EXAMPLES
        .iter()
        .filter(|n| **n != "error-400")
        .map(|name| {
            let cache = Arc::clone(&cache);
            std::thread::spawn(move || {
                let text = example(name);
                let bundle = Bundle::parse_owned(&text).unwrap();
                drop(text);
                cache.lock().unwrap().insert((*name).to_owned(), bundle);
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let cache = cache.lock().unwrap();
    assert_eq!(cache.len(), 4);
    assert!(cache["ps-empty"].entry.is_empty());
    let cpts = &cache["cpts-one-cpts"];
    assert!(cpts.entry.iter().any(|e| matches!(e.resource, Some(Resource::HealthcareService(_)))));
    let sos = &cache["sos-two-places"];
    let matches = sos
        .entry
        .iter()
        .filter(|e| e.search.as_ref().and_then(|s| s.mode.as_ref()).is_some_and(|m| m == "match"))
        .count();
    assert_eq!(sos.total.as_ref().and_then(|t| t.value()), Some(matches as i64));
}

#[test]
fn every_example_round_trips_through_the_owned_form() {
    for name in EXAMPLES {
        let text = example(name);
        let (borrowed, notes) = parse_resource(&text).unwrap();
        let expected = serde_json::to_string(&borrowed).unwrap();
        let (owned, owned_notes) = parse_owned::<Resource<'_>>(&text).unwrap();
        assert_eq!(notes.notes, owned_notes.notes, "{name}");
        drop(text);
        assert_eq!(serde_json::to_string(&owned).unwrap(), expected, "{name}");
        // Deserialize of the owned form reads with the same reader.
        let again: Resource<'static> = serde_json::from_str(&expected).unwrap();
        assert_eq!(serde_json::to_string(&again).unwrap(), expected, "{name}");
    }
}

#[test]
fn odd_content_survives_into_owned() {
    // Raw elements, `_x` siblings, escaped strings, unmodeled resources and
    // value[x] types: everything that borrowed from the text.
    let text = String::from(
        r#"{"resourceType":"Bundle","type":"searchset","signature":{"type":[]},"entry":[
        {"resource":{"resourceType":"Slot","id":"s\u0031","status":"free","_status":{"id":"x"},
          "comment":"caf\u00e9","foo":[1,2],
          "extension":[{"url":"u","valueQuantity":{"value":1.50}},{"url":"v","valueDecimal":1.50}]}},
        {"resource":{"resourceType":"Observation","status":"final"}}]}"#,
    );
    let (borrowed, notes) = parse_owned::<Bundle<'_>>(&text).unwrap();
    let expected = serde_json::to_string(&parse_resource(&text).unwrap().0).unwrap();
    drop(text);
    assert_eq!(serde_json::to_string(&borrowed).unwrap(), expected);
    assert!(expected.contains("1.50"), "decimals keep their text: {expected}");
    assert!(!notes.notes.is_empty(), "`foo` is noted");
    let Some(Resource::Slot(slot)) = &borrowed.entry[0].resource else { panic!() };
    assert_eq!(slot.id.as_ref().unwrap().as_str(), "s1");
    assert_eq!(slot.comment.as_ref().unwrap().as_str(), "café");
    assert_eq!(slot.extras.raw()[0].json.as_str(), "[1,2]");
    assert!(matches!(slot.extension[0].value, Some(Value::Other(_))));
    let Some(Resource::Other(obs)) = &borrowed.entry[1].resource else { panic!() };
    assert_eq!(obs.resource_type.as_str(), "Observation");
}

#[test]
fn every_model_type_has_an_owned_form() {
    fn owned<T: IntoOwned>(v: T) -> T::Owned {
        v.into_owned()
    }
    let s = String::from("x");
    let slot: Slot<'static> =
        owned(Slot { id: Some(fr_fhir_core::model::Id::new(s.as_str())), ..Default::default() });
    let coding: Coding<'static> = Coding::of(s.as_str(), s.as_str()).into_owned();
    let meta: Meta<'static> = Meta::profiled(s.as_str()).into_owned();
    let reference: Reference<'static> = Reference::to(s.as_str()).into_owned();
    let identifier: Identifier<'static> =
        owned(Identifier::national(s.as_str(), "IDNPS", s.as_str()));
    let instant: Instant<'static> = owned(Instant::new(s.as_str()));
    let ext: Extension<'static> =
        Extension { url: Some(fr_fhir_core::model::Uri::new(s.as_str())), ..Default::default() }
            .into_owned();
    let entries: Vec<fr_fhir_core::model::BundleEntry<'static>> =
        owned(vec![fr_fhir_core::model::BundleEntry {
            full_url: Some(fr_fhir_core::model::Uri::new(s.as_str())),
            ..Default::default()
        }]);
    drop(s);
    assert_eq!(slot.id.unwrap().as_str(), "x");
    assert_eq!(coding.code.unwrap().as_str(), "x");
    assert_eq!(meta.profile[0].as_str(), "x");
    assert_eq!(reference.reference.unwrap().as_str(), "x");
    assert_eq!(identifier.value.unwrap().as_str(), "x");
    assert_eq!(instant.as_str(), "x");
    assert_eq!(ext.url.unwrap().as_str(), "x");
    assert_eq!(entries[0].full_url.as_ref().unwrap().as_str(), "x");
}

#[test]
fn the_owned_forms_deserialize_inside_a_users_type() {
    #[derive(serde::Deserialize)]
    struct Cached {
        key: String,
        bundle: Bundle<'static>,
        first: Option<Slot<'static>>,
        start: Instant<'static>,
    }
    let text = String::from(
        r#"{"key":"k","start":"2026-11-26T09:00:00.000+01:00",
        "bundle":{"resourceType":"Bundle","type":"searchset","total":0},
        "first":{"resourceType":"Slot","status":"free"}}"#,
    );
    let c: Cached = serde_json::from_str(&text).unwrap();
    drop(text);
    assert_eq!(c.key, "k");
    assert_eq!(c.bundle.total.unwrap().value(), Some(0));
    assert_eq!(c.first.unwrap().status.unwrap().as_str(), "free");
    assert!(c.start.is_valid());
    // From a serde_json::Value too, and a wrong shape is an error, not a panic.
    let v = serde_json::json!({"resourceType": "Slot", "status": "free"});
    let slot: Slot<'static> = serde_json::from_value(v).unwrap();
    assert_eq!(slot.status.unwrap().as_str(), "free");
    assert!(serde_json::from_str::<Slot<'static>>("[1]").is_err());
    assert!(serde_json::from_str::<Instant<'static>>("12").is_err());
}
