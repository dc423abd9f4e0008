//! Tests of RO1-BUNDLE-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, EMPTY, PS, SOS, run};

    #[test]
    fn valid_examples_are_clean_for_bundle_rules() {
        let examples =
            [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)];
        for (src, uc) in examples {
            let mut bad = run(src, Some(uc));
            bad.retain(|f| f.0.starts_with("RO1-BUNDLE") || f.0 == "RO1-FHIR-006");
            assert!(bad.is_empty(), "{uc:?}: {bad:?}");
        }
    }
}

mod ro1_bundle_001 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, at, case, doc, rule_table, text};

    rule_table! { fn bundle_001_type("RO1-BUNDLE-001") {} [
        case(PS, "/type", Some(json!("collection")), at("Bundle.type", E)),
        case(PS, "/type", None, at("Bundle.type", E)),
        // Wrong JSON type: RO1-FHIR-001 only.
        case(PS, "/type", Some(json!(1)), vec![]),
    ] }

    rule_table! { fn bundle_001_not_a_bundle("RO1-BUNDLE-001") {
        let slot = text(&doc(PS)["entry"][0]["resource"]);
    } [case(&slot, "", None, at("Slot.resourceType", E))] }
}

mod ro1_bundle_002 {
    use serde_json::json;

    use crate::rules::testutil::{CPTS, E, PS, at, case, rule_table};

    rule_table! { fn bundle_002_total("RO1-BUNDLE-002") {} [
        case(CPTS, "/total", None, at("Bundle.total", E)),
        case(PS, "/total", Some(json!("8")), vec![]),
    ] }
}

mod ro1_bundle_003 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, SOS, W, at, case, doc, rule_table, text};

    rule_table! { fn bundle_003_total_against_matches("RO1-BUNDLE-003") {
        // Without search.mode, the Slots are the matches.
        let mut no_mode = doc(PS);
        for e in no_mode["entry"].as_array_mut().unwrap() {
            e.as_object_mut().unwrap().remove("search");
        }
        let total = |n: i64| Some(json!(n));
    } [
        case(PS, "/total", total(7), at("Bundle.total", E)),
        case(PS, "/total", total(9), at("Bundle.total", W)),
        case(&text(&no_mode), "/total", total(7), at("Bundle.total", E)),
        // SOS (AMB-07): the Schedules or the Slots.
        case(SOS, "/total", total(2), vec![]),
        case(SOS, "/total", total(4), vec![]),
        case(SOS, "/total", total(3), at("Bundle.total", W)),
        case(SOS, "/total", total(1), at("Bundle.total", E)),
    ] }
}

mod ro1_bundle_004 {
    use serde_json::json;

    use crate::rules::testutil::{CPTS, E, PS, SOS, W, at, case, doc, rule_table, text};

    rule_table! { fn bundle_004_links("RO1-BUNDLE-004") {
        let next = json!({"relation": "next", "url": "https://agenda.exemple-editeur.fr/fhir/Slot?page=2"});
        let mut v = doc(SOS);
        v["link"].as_array_mut().unwrap().push(next);
    } [
        case(CPTS, "/link", None, at("Bundle.link", E)),
        case(PS, "/link", None, at("Bundle.link", W)),
        case(&text(&v), "", None, at("Bundle.link[1].relation", E)),
        case(SOS, "/link/0/url", None, at("Bundle.link[0].url", E)),
    ] }
}

mod ro1_bundle_006 {
    use serde_json::json;

    use crate::rules::testutil::{CPTS, E, PS, W, at, case, rule_table};

    rule_table! { fn bundle_006_full_url("RO1-BUNDLE-006") {
        let u = "/entry/3/fullUrl";
    } [
        case(CPTS, u, None, at("Bundle.entry[3].fullUrl", E)),
        case(PS, u, None, at("Bundle.entry[3].fullUrl", W)),
        // Wrong JSON type: RO1-FHIR-001 only.
        case(PS, u, Some(json!(3)), vec![]),
        case(PS, "/entry/3/resource", Some(json!("Schedule/agenda-4821-lyon3")), vec![]).rule("RO1-FHIR-006"),
    ] }
}

mod ro1_bundle_007 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, W, at, case, patch, rule_table};

    rule_table! { fn bundle_007_restful_full_url("RO1-BUNDLE-007") {
        let own = "https://agenda.exemple-editeur.fr/fhir/Slot/crn-90002";
        let other = "https://autre-serveur.fr/fhir/Slot/crn-90002";
    } [
        case(PS, "/entry/0/fullUrl", Some(json!(own)), at("Bundle.entry[0].fullUrl", E)),
        case(PS, "/entry/1/fullUrl", Some(json!(other)), at("Bundle.entry[1].fullUrl", W)),
        case(PS, "/entry/1/fullUrl", Some(json!("urn:uuid:5b0b2c5e-1111-4a00-8000-000000000001")), vec![]),
    ] }

    #[test]
    fn bundle_007_bases_come_in_entry_order_under_the_cap() {
        // Six Patients on alternating bases: each has findings of its own
        // (unexpected type, mode); with a cap of 4, the first base mismatch
        // (entry 1) is among the first findings and must be kept.
        let entries: Vec<serde_json::Value> = (0..6)
            .map(|i| {
                let host = if i % 2 == 0 { "x" } else { "y" };
                json!({"fullUrl": format!("https://{host}.fr/fhir/Patient/p{i}"),
                       "resource": {"resourceType": "Patient", "id": format!("p{i}")},
                       "search": {"mode": "match"}})
            })
            .collect();
        let src = patch(PS, "/entry", Some(serde_json::Value::Array(entries)));
        let opts = crate::rules::Options { max_findings: 4, ..Default::default() };
        let report = crate::rules::validate(&src, &opts).unwrap();
        assert!(report.dropped.total() > 0);
        let kept: Vec<(&str, String)> = report
            .findings
            .iter()
            .map(|f| (f.rule.id, f.resolved.as_ref().unwrap().expression.clone()))
            .collect();
        assert!(
            kept.contains(&("RO1-BUNDLE-007", "Bundle.entry[1].fullUrl".to_string())),
            "{kept:?}"
        );
    }
}

mod ro1_bundle_008 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, at, case, doc, rule_table, text};

    rule_table! { fn bundle_008_duplicates("RO1-BUNDLE-008") {
        // The same entry twice: one finding.
        let mut v = doc(PS);
        let copy = v["entry"][11].clone();
        v["entry"].as_array_mut().unwrap().push(copy);
    } [
        case(PS, "/entry/1/fullUrl", Some(json!("https://agenda.exemple-editeur.fr/fhir/Slot/crn-90001")), at("Bundle.entry[1].fullUrl", E)),
        case(PS, "/entry/1/resource/id", Some(json!("crn-90001")), at("Bundle.entry[1].resource.id", E)),
        case(&text(&v), "", None, at("Bundle.entry[16].fullUrl", E)),
    ] }
}

mod ro1_bundle_009 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, SOS, W, at, case, doc, of_rule, rule_table, text};

    #[test]
    fn bundle_009_absent_everywhere_is_one_information() {
        // IG 1.1.0 style: no entry carries search.mode (allowed, AMB-28).
        let mut v = doc(PS);
        for e in v["entry"].as_array_mut().unwrap() {
            e.as_object_mut().unwrap().remove("search");
        }
        let src = text(&v);
        let i = crate::finding::Severity::Information;
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-009"), at("Bundle.entry", i));
        // `search` written without `mode` counts as absent too.
        for e in v["entry"].as_array_mut().unwrap() {
            e["search"] = json!({"score": 1});
        }
        assert_eq!(of_rule(&text(&v), None, "RO1-BUNDLE-009"), at("Bundle.entry", i));
    }

    #[test]
    fn bundle_009_absent_on_some_entries_is_a_warning_each() {
        let mut v = doc(PS);
        v["entry"][1].as_object_mut().unwrap().remove("search");
        v["entry"][3]["search"].as_object_mut().unwrap().remove("mode");
        let mut expected = at("Bundle.entry[1].search", W);
        expected.extend(at("Bundle.entry[3].search.mode", W));
        assert_eq!(of_rule(&text(&v), None, "RO1-BUNDLE-009"), expected);
    }

    rule_table! { fn bundle_009_wrong_value_and_unknown_code("RO1-BUNDLE-009") {
        let m = "/entry/0/search/mode";
    } [
        // Slot entries are `match` in PS: `include` is the wrong search mode.
        case(PS, m, Some(json!("include")), at("Bundle.entry[0].search.mode", W)),
        // A code outside search-entry-mode: the base R4 binding, not this rule.
        case(PS, m, Some(json!("matched")), vec![]),
        case(PS, m, Some(json!("matched")), at("Bundle.entry[0].search.mode", E)).rule("RO1-FHIR-005"),
    ] }

    rule_table! { fn bundle_009_search_mode("RO1-BUNDLE-009") {} [
        case(PS, "/entry/0/search/mode", Some(json!("include")), at("Bundle.entry[0].search.mode", W)),
        case(PS, "/entry/8/search", None, at("Bundle.entry[8].search", W)),
        case(PS, "/entry/8/search", Some(json!({"score": 1})), at("Bundle.entry[8].search.mode", W)),
        // SOS: the Schedules are the matches.
        case(SOS, "/entry/2/search/mode", Some(json!("match")), at("Bundle.entry[2].search.mode", W)),
    ] }
}

mod ro1_bundle_010 {
    use serde_json::json;

    use crate::rules::testutil::{PS, SOS, W, at, doc, of_rule, text};

    #[test]
    fn bundle_010_unexpected_types() {
        // A Location entry: expected in SOS, not in PS.
        let mut v = doc(PS);
        let loc = doc(SOS)["entry"][6].clone();
        v["entry"].as_array_mut().unwrap().push(loc);
        assert_eq!(
            of_rule(&text(&v), None, "RO1-BUNDLE-010"),
            at("Bundle.entry[16].resource.resourceType", W)
        );
        assert!(of_rule(SOS, None, "RO1-BUNDLE-010").is_empty());
        // An OperationOutcome with mode outcome is allowed.
        let mut v = doc(PS);
        let oo = json!({"resource": {"resourceType": "OperationOutcome",
            "issue": [{"severity": "information", "code": "informational"}]},
            "search": {"mode": "outcome"}});
        v["entry"].as_array_mut().unwrap().push(oo);
        assert!(of_rule(&text(&v), None, "RO1-BUNDLE-010").is_empty());
        assert!(of_rule(&text(&v), None, "RO1-BUNDLE-009").is_empty());
    }
}

mod ro1_bundle_011 {
    use serde_json::json;

    use crate::rules::testutil::{CPTS, E, EMPTY, SOS, at, case, rule_table};

    rule_table! { fn bundle_011_slices("RO1-BUNDLE-011") {
        let cpts_profile = Some(json!(crate::rules::profiles::BUNDLE_CPTS));
    } [
        case(CPTS, "/entry/4", None, at("Bundle.entry", E)),
        case(SOS, "/entry/8", None, at("Bundle.entry", E)),
        // AMB-03: an empty result needs no slice.
        case(EMPTY, "/meta/profile/0", cpts_profile, vec![]),
    ] }
}

mod ro1_bundle_012 {
    use serde_json::json;

    use crate::rules::testutil::{E, EMPTY, at, case, rule_table};

    rule_table! { fn bundle_012_empty_entry_array("RO1-BUNDLE-012") {} [case(EMPTY, "/entry", Some(json!([])), at("Bundle.entry", E))] }
}

mod ro1_bundle_013 {
    use crate::rules::testutil::{PS, W, doc, of_rule, text};

    #[test]
    fn bundle_013_slots_without_practitioner() {
        let mut v = doc(PS);
        v["entry"].as_array_mut().unwrap().truncate(11);
        assert_eq!(
            of_rule(&text(&v), None, "RO1-BUNDLE-013"),
            [("Bundle.entry".to_string(), W), ("Bundle.entry".to_string(), W)]
        );
    }
}
