//! Tests of RO1-REF-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

mod ro1_ref_001 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, at, of_rule, patch};

    #[test]
    fn ref_001_other_references() {
        let src = patch(
            PS,
            "/entry/13/resource/healthcareService",
            Some(json!([{"reference": "HealthcareService/x"}])),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-REF-001"),
            at("Bundle.entry[13].resource.healthcareService[0].reference", E)
        );
        let src =
            patch(PS, "/entry/13/resource/healthcareService", Some(json!([{"display": "x"}])));
        assert!(of_rule(&src, None, "RO1-REF-001").is_empty());
    }
}

mod ro1_ref_002 {
    use serde_json::json;

    use crate::rules::testutil::{PS, W, at, of_rule, patch};

    #[test]
    fn ref_002_relative_form() {
        let url = "https://agenda.exemple-editeur.fr/fhir/Schedule/agenda-4821-lyon3";
        let src = patch(PS, "/entry/0/resource/schedule/reference", Some(json!(url)));
        assert_eq!(
            of_rule(&src, None, "RO1-REF-002"),
            at("Bundle.entry[0].resource.schedule.reference", W)
        );
        assert!(of_rule(&src, None, "RO1-SLOT-006").is_empty());
    }
}

mod ro1_ref_003 {
    use crate::finding::Severity;
    use crate::rules::r#ref::ro1_ref_003::*;
    use crate::rules::testutil::{CPTS, PS, SOS, of_rule, patch};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const E: &str = "Bundle.entry[13].resource";
    const L: &str = "/entry/13/resource/contained/0";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn valid_examples_are_clean() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(of_rule(src, None, RULE.id), []);
        }
    }

    #[test]
    fn ref_003_unreferenced_contained() {
        let doc = patch(PS, &format!("{R}/location/0/reference"), Some(json!("#autre")));
        assert_eq!(of_rule(&doc, None, "RO1-REF-003"), at("contained[0]", Severity::Error));
        let doc = patch(PS, &format!("{L}/id"), None);
        assert_eq!(of_rule(&doc, None, "RO1-REF-003"), at("contained[0]", Severity::Error));
        // A reference from elsewhere in the container counts (dom-3).
        let doc = patch(PS, &format!("{R}/location/0/reference"), Some(json!("#autre")));
        let doc = patch(
            &doc,
            &format!("{R}/healthcareService"),
            Some(json!([{"reference": "#lieu-lyon3"}])),
        );
        assert_eq!(of_rule(&doc, None, "RO1-REF-003"), []);
    }
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
