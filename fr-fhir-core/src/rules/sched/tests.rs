//! Tests of RO1-SCHED-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

mod ro1_sched_001 {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{E, PS, at, of_rule, patch};

    #[test]
    fn sched_001_actors() {
        let src = patch(PS, "/entry/8/resource/actor/0", None);
        assert_eq!(of_rule(&src, None, "RO1-SCHED-001"), at("Bundle.entry[8].resource.actor", E));
        let actors = json!([{"reference": "Practitioner/prat-4821"}, {"reference": "Practitioner/prat-5307"},
            {"reference": "PractitionerRole/role-4821-lyon3"}]);
        let src = patch(PS, "/entry/8/resource/actor", Some(actors));
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-001"),
            at("Bundle.entry[8].resource.actor[1]", E)
        );
        let src = patch(PS, "/entry/8/resource/actor", None);
        assert_eq!(of_rule(&src, None, "RO1-SCHED-001"), at("Bundle.entry[8].resource.actor", E));
        // Not a SOS rule.
        assert!(of_rule(&src, Some(UseCase::SOS), "RO1-SCHED-001").is_empty());
    }
}

mod ro1_sched_002 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, SOS, at, of_rule, patch};

    #[test]
    fn sched_002_actor_resolves() {
        let src = patch(
            PS,
            "/entry/8/resource/actor/1/reference",
            Some(json!("PractitionerRole/ancien")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-002"),
            at("Bundle.entry[8].resource.actor[1].reference", E)
        );
        assert!(of_rule(&src, None, "RO1-SCHED-001").is_empty());
        assert!(of_rule(&src, None, "RO1-REF-001").is_empty());
        let src = patch(SOS, "/entry/0/resource/actor/0", Some(json!({"display": "lieu"})));
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-002"),
            at("Bundle.entry[0].resource.actor[0].reference", E)
        );
    }
}

mod ro1_sched_003 {
    use crate::finding::Severity;
    use crate::rules::testutil::{PS, SOS, of_rule, patch};
    use serde_json::json;

    const SCH: &str = "/entry/8/resource";
    const SCH_E: &str = "Bundle.entry[8].resource";
    const V3: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{SCH_E}.{path}"), sev)]
    }

    #[test]
    fn sched_003_no_service_type() {
        let st = json!([{"coding": [{"system": V3, "code": "AMB"}]}]);
        let d = patch(PS, &format!("{SCH}/serviceType"), Some(st));
        assert_eq!(of_rule(&d, None, "RO1-SCHED-003"), at("serviceType[0]", Severity::Error));
        assert_eq!(of_rule(PS, None, "RO1-SCHED-003"), []);
        assert_eq!(of_rule(SOS, None, "RO1-SCHED-003"), []);
    }

    #[test]
    fn sched_003_one_service_category() {
        let d = patch(
            PS,
            &format!("{SCH}/serviceCategory"),
            Some(json!([{"text": "a"}, {"text": "b"}])),
        );
        assert_eq!(of_rule(&d, None, "RO1-SCHED-003"), at("serviceCategory[1]", Severity::Error));
        let d = patch(PS, &format!("{SCH}/serviceCategory"), Some(json!([{"text": "a"}])));
        assert_eq!(of_rule(&d, None, "RO1-SCHED-003"), []);
    }

    #[test]
    fn sched_003_specialty_tre_r38() {
        let r38 = "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
        let sp = json!([{"coding": [{"system": "https://x.example/spe", "code": "MG"}]}]);
        let d = patch(PS, &format!("{SCH}/specialty"), Some(sp));
        assert_eq!(
            of_rule(&d, None, "RO1-SCHED-003"),
            at("specialty[0].coding[0].system", Severity::Error)
        );
        let d = patch(PS, &format!("{SCH}/specialty"), Some(json!([{"text": "Pédiatrie"}])));
        assert_eq!(of_rule(&d, None, "RO1-SCHED-003"), at("specialty[0]", Severity::Warning));
        let d = patch(
            PS,
            &format!("{SCH}/specialty"),
            Some(json!([{"coding": [{"system": r38, "code": "SM54"}]}])),
        );
        assert_eq!(of_rule(&d, None, "RO1-SCHED-003"), []);
    }
}

mod ro1_sched_004 {
    use serde_json::json;

    use crate::rules::testutil::{PS, W, of_rule, patch};

    #[test]
    fn sched_004_one_schedule_per_role() {
        let src = patch(
            PS,
            "/entry/9/resource/actor/1/reference",
            Some(json!("PractitionerRole/role-4821-lyon3")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-004"),
            [
                ("Bundle.entry[9].resource.actor[1]".to_string(), W),
                ("Bundle.entry[14].resource".to_string(), W)
            ]
        );
        // The unnamed role is not reported again as an orphan.
        assert!(of_rule(&src, None, "RO1-REF-004").is_empty());
    }
}

mod ro1_sched_005 {
    use serde_json::json;

    use crate::rules::testutil::{E, SOS, at, doc, of_rule, patch, text};

    #[test]
    fn sched_005_sos_actor() {
        let mut v = doc(SOS);
        v["entry"][0]["resource"]["actor"]
            .as_array_mut()
            .unwrap()
            .push(json!({"reference": "Location/lieu-sos-montauban"}));
        assert_eq!(
            of_rule(&text(&v), None, "RO1-SCHED-005"),
            at("Bundle.entry[0].resource.actor[1]", E)
        );
        let src = patch(
            SOS,
            "/entry/0/resource/actor/0/reference",
            Some(json!("Organization/org-sos-broceliande")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-005"),
            at("Bundle.entry[0].resource.actor[0].reference", E)
        );
        let src = patch(SOS, "/entry/0/resource/actor", None);
        assert_eq!(of_rule(&src, None, "RO1-SCHED-005"), at("Bundle.entry[0].resource.actor", E));
    }
}

mod ro1_sched_006 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, at, of_rule, patch};

    #[test]
    fn sched_006_role_of_another_practitioner() {
        let src = patch(
            PS,
            "/entry/8/resource/actor/1/reference",
            Some(json!("PractitionerRole/role-5307-lyon7")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SCHED-006"),
            at("Bundle.entry[8].resource.actor[1]", E)
        );
        // Broken role link: not reported again.
        let src = patch(
            PS,
            "/entry/15/resource/practitioner/reference",
            Some(json!("Practitioner/inconnu")),
        );
        assert!(of_rule(&src, None, "RO1-SCHED-006").is_empty());
    }
}
