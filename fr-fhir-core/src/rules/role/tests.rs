//! Tests of RO1-ROLE-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::finding::Severity;
    use crate::rules::role::*;
    use crate::rules::testutil::{CPTS, PS, SOS, run};

    fn mine(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| RULES.iter().any(|r| r.id == f.0)).collect()
    }

    #[test]
    fn valid_examples_are_clean() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(mine(src), []);
        }
    }
}

mod ro1_role_001 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const E: &str = "Bundle.entry[13].resource";
    const L: &str = "/entry/13/resource/contained/0";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn role_001_contained_location() {
        let doc = patch(PS, &format!("{R}/contained"), None);
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-001"), at("contained", Severity::Error));
        let doc = patch(PS, &format!("{L}/resourceType"), Some(json!("Organization")));
        let doc = patch(&doc, &format!("{L}/address"), None);
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-001"), at("contained[0]", Severity::Error));
    }
}

mod ro1_role_002 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const E: &str = "Bundle.entry[13].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn role_002_location_reference() {
        let doc = patch(PS, &format!("{R}/location"), None);
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-002"), at("location", Severity::Error));
        let doc =
            patch(PS, &format!("{R}/location/0/reference"), Some(json!("Location/lieu-lyon3")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-002"),
            at("location[0].reference", Severity::Error)
        );
        let doc = patch(PS, &format!("{R}/location/0/reference"), Some(json!("#autre")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-002"),
            at("location[0].reference", Severity::Error)
        );
        let doc = patch(PS, &format!("{R}/location/0"), Some(json!({"display": "Cabinet"})));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-002"),
            at("location[0].reference", Severity::Error)
        );
        let two = json!([{"reference": "#lieu-lyon3"}, {"reference": "#lieu-lyon3"}]);
        let doc = patch(PS, &format!("{R}/location"), Some(two));
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-002"), at("location[1]", Severity::Error));
    }
}

mod ro1_role_003 {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{E, PS, at, of_rule, patch};

    #[test]
    fn role_003_practitioner() {
        let src = patch(PS, "/entry/13/resource/practitioner", None);
        assert_eq!(
            of_rule(&src, None, "RO1-ROLE-003"),
            at("Bundle.entry[13].resource.practitioner", E)
        );
        let src = patch(PS, "/entry/13/resource/practitioner", Some(json!({"display": "Dr X"})));
        assert_eq!(
            of_rule(&src, None, "RO1-ROLE-003"),
            at("Bundle.entry[13].resource.practitioner.reference", E)
        );
        let src = patch(
            PS,
            "/entry/13/resource/practitioner/reference",
            Some(json!("PractitionerRole/role-4821-vlb")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-ROLE-003"),
            at("Bundle.entry[13].resource.practitioner.reference", E)
        );
        let src = patch(
            PS,
            "/entry/13/resource/practitioner/reference",
            Some(json!("Practitioner/inconnu")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-ROLE-003"),
            at("Bundle.entry[13].resource.practitioner.reference", E)
        );
        // SOS: no such rule, the broken reference is RO1-REF-001's.
        assert!(of_rule(&src, Some(UseCase::SOS), "RO1-ROLE-003").is_empty());
        assert_eq!(
            of_rule(&src, Some(UseCase::SOS), "RO1-REF-001"),
            at("Bundle.entry[13].resource.practitioner.reference", E)
        );
    }
}

mod ro1_role_004 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const E: &str = "Bundle.entry[13].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn role_004_structure_id_present() {
        let doc = patch(PS, &format!("{R}/organization"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-004"),
            at("organization.identifier", Severity::Error)
        );
        let doc = patch(PS, &format!("{R}/organization"), Some(json!({"display": "Cabinet"})));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-004"),
            at("organization.identifier", Severity::Error)
        );
        let doc = patch(PS, &format!("{R}/organization/identifier/value"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-004"),
            at("organization.identifier.value", Severity::Error)
        );
    }

    #[test]
    fn role_rules_do_not_apply_to_sos() {
        let doc = patch(PS, &format!("{R}/organization"), None);
        assert_eq!(of_rule(&doc, Some(crate::rules::UseCase::SOS), "RO1-ROLE-004"), []);
    }
}

mod ro1_role_005 {
    use crate::finding::Severity;
    use crate::ids::SYSTEM_FR_CORE_V2_0203;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const E: &str = "Bundle.entry[13].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn role_005_system_and_type() {
        let o = format!("{R}/organization/identifier");
        let doc = patch(PS, &format!("{o}/system"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-005"),
            at("organization.identifier.system", Severity::Warning)
        );
        let doc = patch(PS, &format!("{o}/type"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-005"),
            at("organization.identifier.type", Severity::Warning)
        );
        let doc = patch(PS, &format!("{o}/system"), Some(json!("https://finess.esante.gouv.fr")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-005"),
            at("organization.identifier.system", Severity::Error)
        );
        let doc = patch(PS, &format!("{o}/type/coding/0/code"), Some(json!("FINEG")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-005"),
            at("organization.identifier.type.coding[0].code", Severity::Error)
        );
        let doc =
            patch(PS, &format!("{o}/type/coding/0/system"), Some(json!(SYSTEM_FR_CORE_V2_0203)));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-005"),
            at("organization.identifier.type.coding[0].system", Severity::Warning)
        );
    }
}

mod ro1_role_006 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const E: &str = "Bundle.entry[13].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn role_006_structure_id_forms() {
        let v = format!("{R}/organization/identifier/value");
        for bad in ["2902134766", "385312046700", "12A0000014", "9123"] {
            let doc = patch(PS, &v, Some(json!(bad)));
            assert_eq!(
                of_rule(&doc, None, "RO1-ROLE-006"),
                at("organization.identifier.value", Severity::Error),
                "{bad}"
            );
        }
        for good in ["1690041272", "412345678912345", "4F58000880311022013", "0751234567"] {
            let doc = patch(PS, &v, Some(json!(good)));
            assert_eq!(of_rule(&doc, None, "RO1-ROLE-006"), [], "{good}");
        }
    }
}

mod ro1_role_007 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const E: &str = "Bundle.entry[13].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn role_007_phone() {
        let doc = patch(PS, &format!("{R}/telecom/0/value"), Some(json!("04 65 71 20 40")));
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-007"), at("telecom[0].value", Severity::Warning));
    }
}

mod ro1_role_008 {
    use crate::finding::Severity;
    use crate::rules::support::terminology::TRE_R38;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const E: &str = "Bundle.entry[13].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn role_008_specialties() {
        let sp = format!("{R}/specialty");
        let r38 = |code: &str| json!([{"coding": [{"system": TRE_R38, "code": code}]}]);
        let doc = patch(PS, &sp, Some(r38("SM54")));
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-008"), []);
        let doc = patch(PS, &sp, Some(r38("SM99")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-008"),
            at("specialty[0].coding[0].code", Severity::Warning)
        );
        let doc = patch(
            PS,
            &sp,
            Some(json!([{"coding": [{"system": "http://snomed.info/sct", "code": "394814009"}]}])),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-008"),
            at("specialty[0].coding[0].system", Severity::Error)
        );
        let doc = patch(PS, &sp, Some(json!([{"text": "Médecine générale"}])));
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-008"), at("specialty[0]", Severity::Warning));
        let doc = patch(PS, &sp, Some(json!([{"coding": [{"system": TRE_R38}]}])));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-008"),
            at("specialty[0].coding[0].code", Severity::Error)
        );
    }
}
