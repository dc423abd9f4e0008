//! Property tests on generated valid Bundles (`fr_fhir_core::strategy`):
//! they round-trip, they give no error, and one targeted mutation gives
//! exactly the expected rule at the expected expression.
// clippy.toml lets #[test] fns unwrap, panic and index; the helpers outside them need this.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use fr_fhir_core::finding::Severity;
use fr_fhir_core::model::parse_resource;
use fr_fhir_core::rules::{Options, validate};
use fr_fhir_core::strategy::ps_searchset;
use proptest::prelude::*;
use serde_json::Value;

fn findings(src: &str) -> Vec<(String, String, Severity)> {
    validate(src, &Options::default())
        .unwrap()
        .findings
        .into_iter()
        .map(|f| (f.rule.id.to_string(), f.resolved.unwrap().expression, f.severity))
        .collect()
}

fn errors_and_warnings(src: &str) -> Vec<(String, String, Severity)> {
    findings(src).into_iter().filter(|f| f.2 >= Severity::Warning).collect()
}

/// Index of the first Slot entry.
fn first_slot(v: &Value) -> usize {
    v["entry"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["resource"]["resourceType"] == "Slot")
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_bundles_round_trip(bundle in ps_searchset()) {
        let json = serde_json::to_string(&bundle).unwrap();
        let (parsed, cx) = parse_resource(&json).unwrap();
        prop_assert!(cx.notes.is_empty(), "{:?}", cx.notes);
        let again = serde_json::to_string(&parsed).unwrap();
        let a: Value = serde_json::from_str(&json).unwrap();
        let b: Value = serde_json::from_str(&again).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn generated_bundles_are_valid(bundle in ps_searchset()) {
        let json = serde_json::to_string_pretty(&bundle).unwrap();
        let bad = errors_and_warnings(&json);
        prop_assert!(bad.is_empty(), "{:#?}", bad);
    }

    #[test]
    fn dropping_slot_end_gives_slot_002(bundle in ps_searchset()) {
        let mut v = serde_json::to_value(&bundle).unwrap();
        let k = first_slot(&v);
        v["entry"][k]["resource"].as_object_mut().unwrap().remove("end");
        let got = errors_and_warnings(&serde_json::to_string(&v).unwrap());
        prop_assert_eq!(got, vec![(
            "RO1-SLOT-002".to_string(),
            format!("Bundle.entry[{k}].resource.end"),
            Severity::Error,
        )]);
    }

    #[test]
    fn breaking_slot_schedule_gives_slot_006(bundle in ps_searchset()) {
        let mut v = serde_json::to_value(&bundle).unwrap();
        let k = first_slot(&v);
        v["entry"][k]["resource"]["schedule"]["reference"] = Value::from("Schedule/does-not-exist");
        let got = errors_and_warnings(&serde_json::to_string(&v).unwrap());
        let expected = (
            "RO1-SLOT-006".to_string(),
            format!("Bundle.entry[{k}].resource.schedule.reference"),
            Severity::Error,
        );
        prop_assert!(got.contains(&expected), "{:#?}", got);
        // Only the consequences of that one broken link (an orphan Schedule at most).
        prop_assert!(got.iter().all(|f| f.0 == "RO1-SLOT-006" || f.0 == "RO1-REF-004"), "{:#?}", got);
    }

    #[test]
    fn corrupting_an_rpps_key_gives_id_003(bundle in ps_searchset()) {
        let mut v = serde_json::to_value(&bundle).unwrap();
        let k = v["entry"].as_array().unwrap().iter()
            .position(|e| e["resource"]["resourceType"] == "Practitioner").unwrap();
        let value = v["entry"][k]["resource"]["identifier"][0]["value"].as_str().unwrap().to_string();
        let last = value.chars().last().unwrap().to_digit(10).unwrap();
        let bad = format!("{}{}", &value[..value.len() - 1], (last + 1) % 10);
        v["entry"][k]["resource"]["identifier"][0]["value"] = Value::from(bad);
        let got = errors_and_warnings(&serde_json::to_string(&v).unwrap());
        prop_assert_eq!(got, vec![(
            "RO1-ID-003".to_string(),
            format!("Bundle.entry[{k}].resource.identifier[0].value"),
            Severity::Warning,
        )]);
    }
}
