//! Tests of RO1-REF-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

mod ro1_ref_001 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, at, case, rule_table};

    rule_table! { fn ref_001_other_references("RO1-REF-001") {
        let hs = "/entry/13/resource/healthcareService";
    } [
        case(PS, hs, Some(json!([{"reference": "HealthcareService/x"}])), at("Bundle.entry[13].resource.healthcareService[0].reference", E)),
        case(PS, hs, Some(json!([{"display": "x"}])), vec![]),
    ] }
}

mod ro1_ref_002 {
    use serde_json::json;

    use crate::rules::testutil::{PS, W, at, case, rule_table};

    rule_table! { fn ref_002_relative_form("RO1-REF-002") {
        let url = Some(json!("https://agenda.exemple-editeur.fr/fhir/Schedule/agenda-4821-lyon3"));
    } [
        case(PS, "/entry/0/resource/schedule/reference", url.clone(), at("Bundle.entry[0].resource.schedule.reference", W)),
        case(PS, "/entry/0/resource/schedule/reference", url, vec![]).rule("RO1-SLOT-006"),
    ] }
}

mod ro1_ref_003 {
    use crate::rules::r#ref::ro1_ref_003::*;
    use crate::rules::testutil::{CPTS, E, PS, SOS, at, case, rule_table};
    use serde_json::json;

    rule_table! { fn valid_examples_are_clean(RULE.id) {} [PS, CPTS, SOS].map(|src| case(src, "", None, vec![])) }

    rule_table! { fn ref_003_unreferenced_contained("RO1-REF-003") {
        let r0 = "/entry/13/resource/location/0/reference";
        let x = "Bundle.entry[13].resource.contained[0]";
    } [
        case(PS, r0, Some(json!("#autre")), at(x, E)),
        case(PS, "/entry/13/resource/contained/0/id", None, at(x, E)),
        // A reference from elsewhere in the container counts (dom-3).
        case(PS, r0, Some(json!("#autre")), vec![]).then("/entry/13/resource/healthcareService", Some(json!([{"reference": "#lieu-lyon3"}]))),
    ] }
}

mod ro1_ref_004 {
    use serde_json::json;

    use crate::rules::testutil::{PS, SOS, W, doc, of_rule, patch, set, text};

    #[test]
    fn ref_004_orphans_and_empty_schedules() {
        let mut v = doc(PS);
        for i in 5..8 {
            set(
                &mut v,
                &format!("/entry/{i}/resource/schedule/reference"),
                Some(json!("Schedule/agenda-4821-vlb")),
            );
        }
        assert_eq!(
            of_rule(&text(&v), None, "RO1-REF-004"),
            [
                ("Bundle.entry[10]".to_string(), W),
                ("Bundle.entry[12]".to_string(), W),
                ("Bundle.entry[15]".to_string(), W)
            ]
        );
        // SOS: Slots are reached backwards from their Schedule.
        let src = patch(SOS, "/entry/2/search", None);
        assert!(of_rule(&src, None, "RO1-REF-004").is_empty());
    }
}
