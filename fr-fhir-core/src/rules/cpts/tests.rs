//! Tests of RO1-CPTS-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, of_rule, patch};
    use serde_json::json;

    const HS: &str = "/entry/6/resource";
    const HS_E: &str = "Bundle.entry[6].resource";
    const ERR: Severity = Severity::Error;

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn cpts_004_id_and_provided_by_reference() {
        let d = patch(CPTS, &format!("{HS}/id"), None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-004"), at(HS_E, "id", ERR));
        let d = patch(CPTS, &format!("{HS}/providedBy"), None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-004"), at(HS_E, "providedBy", ERR));
        let d = patch(CPTS, &format!("{HS}/providedBy"), Some(json!({"display": "CPTS"})));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-004"), at(HS_E, "providedBy.reference", ERR));
        assert_eq!(of_rule(&d, Some(UseCase::PS), "RO1-CPTS-004"), []);
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-004"), []);
    }
}

mod ro1_cpts_001 {
    use crate::finding::Severity;

    const E0: &str = "Bundle.entry[0].resource";
    const CPTS_ST: &str = "/entry/0/resource/serviceType/1";
    const ERR: Severity = Severity::Error;

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E0}.{path}"), sev)]
    }
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, doc, of_rule, patch, set};
    use serde_json::json;

    #[test]
    fn cpts_001_extension_on_cpts_service_type() {
        let d = patch(CPTS, &format!("{CPTS_ST}/extension"), None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-001"), at("serviceType[1].extension", ERR));
        // Only in the CPTS use case.
        assert_eq!(of_rule(&d, Some(UseCase::PS), "RO1-CPTS-001"), []);
        let d = patch(
            CPTS,
            &format!("{CPTS_ST}/extension/0/valueReference"),
            Some(json!({"display": "CPTS"})),
        );
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-001"),
            at("serviceType[1].extension[0].valueReference.reference", ERR)
        );
        let d =
            patch(CPTS, &format!("{CPTS_ST}/extension/0/url"), Some(json!("http://x.example/ext")));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-001"), at("serviceType[1].extension[0].url", ERR));
        let mut v = doc(CPTS);
        set(&mut v, &format!("{CPTS_ST}/extension/0/valueReference"), None);
        set(&mut v, &format!("{CPTS_ST}/extension/0/valueString"), Some(json!("hs")));
        let d = v.to_string();
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-001"),
            at("serviceType[1].extension[0].valueString", ERR)
        );
        let d = patch(CPTS, CPTS_ST, None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-001"), at("serviceType", ERR));
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-001"), []);
    }
}

mod ro1_cpts_002 {
    use crate::finding::Severity;

    const E0: &str = "Bundle.entry[0].resource";
    const CPTS_ST: &str = "/entry/0/resource/serviceType/1";
    const ERR: Severity = Severity::Error;

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E0}.{path}"), sev)]
    }
    use crate::rules::testutil::{CPTS, doc, of_rule, patch};
    use serde_json::json;

    #[test]
    fn cpts_002_canonical_system_and_code() {
        let variant = "https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement";
        let d = patch(CPTS, &format!("{CPTS_ST}/coding/0/system"), Some(json!(variant)));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-002"), at("serviceType[1].coding[0].system", ERR));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-011"), []);
        let d = patch(CPTS, &format!("{CPTS_ST}/coding/0/code"), Some(json!("603")));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-002"), at("serviceType[1].coding[0].code", ERR));
        let ext = doc(CPTS)["entry"][0]["resource"]["serviceType"][1]["extension"].clone();
        let d = patch(CPTS, "/entry/0/resource/serviceType/0/extension", Some(ext));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-002"), at("serviceType[0].extension[0]", ERR));
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-002"), []);
    }
}

mod ro1_cpts_003 {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, E, at, of_rule, patch};

    #[test]
    fn cpts_003_service_type_target() {
        let p = "/entry/0/resource/serviceType/1/extension/0/valueReference/reference";
        let src = patch(CPTS, p, Some(json!("HealthcareService/inconnu")));
        let path = "Bundle.entry[0].resource.serviceType[1].extension[0].valueReference.reference";
        assert_eq!(of_rule(&src, None, "RO1-CPTS-003"), at(path, E));
        assert!(of_rule(&src, None, "RO1-REF-001").is_empty());
        assert_eq!(of_rule(&src, Some(UseCase::PS), "RO1-REF-001"), at(path, E));
        let src = patch(CPTS, p, Some(json!("Organization/org-cpts-loire-erdre")));
        assert_eq!(of_rule(&src, None, "RO1-CPTS-003"), at(path, E));
    }
}

mod ro1_cpts_004 {
    use serde_json::json;

    use crate::rules::testutil::{CPTS, E, at, of_rule, patch};

    #[test]
    fn cpts_004_provided_by() {
        let src = patch(
            CPTS,
            "/entry/6/resource/providedBy/reference",
            Some(json!("Organization/inconnue")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-CPTS-004"),
            at("Bundle.entry[6].resource.providedBy.reference", E)
        );
    }
}

mod ro1_cpts_005 {
    use crate::finding::Severity;
    use crate::ids::{IDNST, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_V2_0203};
    use crate::rules::testutil::{CPTS, SOS, doc, of_rule, patch};
    use serde_json::json;

    const ORG: &str = "/entry/7/resource";
    const ORG_E: &str = "Bundle.entry[7].resource";
    const ERR: Severity = Severity::Error;
    const WARN: Severity = Severity::Warning;

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn cpts_005_identifier_parts() {
        let d = patch(CPTS, &format!("{ORG}/identifier"), None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-005"), at(ORG_E, "identifier", ERR));
        for part in ["system", "type", "value"] {
            let d = patch(CPTS, &format!("{ORG}/identifier/0/{part}"), None);
            assert_eq!(
                of_rule(&d, None, "RO1-CPTS-005"),
                at(ORG_E, &format!("identifier[0].{part}"), ERR)
            );
        }
        let d = patch(CPTS, &format!("{ORG}/identifier/0/value"), Some(json!("950047225")));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-005"), at(ORG_E, "identifier[0].value", ERR));
        let d = patch(CPTS, &format!("{ORG}/identifier/0/value"), Some(json!("12A0000014")));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-005"), at(ORG_E, "identifier[0].value", ERR));
        let d = patch(
            CPTS,
            &format!("{ORG}/identifier/0/system"),
            Some(json!("urn:oid:1.2.250.1.71.4.2.1")),
        );
        assert_eq!(of_rule(&d, None, "RO1-CPTS-005"), at(ORG_E, "identifier[0].system", ERR));
        let d =
            patch(CPTS, &format!("{ORG}/identifier/0/type/coding/0/code"), Some(json!("INTRN")));
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-005"),
            at(ORG_E, "identifier[0].type.coding[0].code", ERR)
        );
        let d = patch(
            CPTS,
            &format!("{ORG}/identifier/0/type/coding/0/system"),
            Some(json!("http://x.example/cs")),
        );
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-005"),
            at(ORG_E, "identifier[0].type.coding[0].system", ERR)
        );
    }

    #[test]
    fn cpts_005_amb_10_tolerated_systems() {
        for sys in [SYSTEM_FR_V2_0203, SYSTEM_FR_CORE_V2_0203] {
            let d = patch(
                CPTS,
                &format!("{ORG}/identifier/0/type/coding/0"),
                Some(json!({"system": sys, "code": IDNST})),
            );
            assert_eq!(
                of_rule(&d, None, "RO1-CPTS-005"),
                at(ORG_E, "identifier[0].type.coding[0].system", WARN)
            );
        }
    }

    #[test]
    fn cpts_005_exactly_one_identifier() {
        // The SIRET comes first: it is the extra one, the FINESS is kept.
        let finess = doc(CPTS)["entry"][7]["resource"]["identifier"][0].clone();
        let mut siret = finess.clone();
        siret["value"] = json!("334173748400020");
        let d = patch(CPTS, &format!("{ORG}/identifier"), Some(json!([siret, finess])));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-005"), at(ORG_E, "identifier[0]", ERR));
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-005"), []);
        // The SOS association (3 + SIRET) is judged by the SOS rules only.
        assert_eq!(of_rule(SOS, None, "RO1-CPTS-005"), []);
    }
}

mod ro1_cpts_006 {
    use crate::finding::Severity;
    use crate::rules::testutil::{CPTS, SOS, of_rule, patch};

    const ORG: &str = "/entry/7/resource";
    const ORG_E: &str = "Bundle.entry[7].resource";
    const WARN: Severity = Severity::Warning;

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn cpts_006_name_and_telecom() {
        for el in ["name", "telecom"] {
            let d = patch(CPTS, &format!("{ORG}/{el}"), None);
            assert_eq!(of_rule(&d, None, "RO1-CPTS-006"), at(ORG_E, el, WARN));
        }
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-006"), []);
        assert_eq!(of_rule(SOS, None, "RO1-CPTS-006"), []);
    }
}

mod ro1_cpts_007 {
    use serde_json::json;

    use crate::rules::testutil::{CPTS, W, doc, of_rule, set, text};

    #[test]
    fn cpts_007_one_service_per_organization() {
        let mut v = doc(CPTS);
        let mut hs = v["entry"][6].clone();
        set(&mut hs, "/resource/id", Some(json!("hs-2")));
        set(
            &mut hs,
            "/fullUrl",
            Some(json!("https://agenda.exemple-editeur.fr/fhir/HealthcareService/hs-2")),
        );
        v["entry"].as_array_mut().unwrap().push(hs);
        set(
            &mut v,
            "/entry/1/resource/serviceType/2/extension/0/valueReference/reference",
            Some(json!("HealthcareService/hs-2")),
        );
        assert_eq!(
            of_rule(&text(&v), None, "RO1-CPTS-007"),
            [
                ("Bundle.entry".to_string(), W),
                ("Bundle.entry[8].resource.providedBy.reference".to_string(), W)
            ]
        );
    }
}

mod ro1_cpts_008 {
    use crate::finding::Severity;
    use crate::rules::support::terminology as term;
    use crate::rules::testutil::{CPTS, doc, of_rule, patch};
    use serde_json::{Value as Json, json};

    const WARN: Severity = Severity::Warning;

    fn coding(system: &str, code: &str) -> Json {
        json!({"system": system, "code": code})
    }

    #[test]
    fn cpts_008_no_cpts_service_without_label() {
        let st = doc(CPTS)["entry"][0]["resource"]["serviceType"][1].clone();
        let e2 = "Bundle.entry[2].resource";
        let d = patch(
            CPTS,
            "/entry/2/resource/serviceType",
            Some(json!([{"coding": [coding(term::V3_ACT_CODE, "AMB")]}, st])),
        );
        assert_eq!(of_rule(&d, None, "RO1-CPTS-008"), [(format!("{e2}.serviceType[1]"), WARN)]);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-001"), []);
        let ext = st["extension"].clone();
        let d = patch(
            CPTS,
            "/entry/2/resource/serviceType",
            Some(
                json!([{"coding": [coding(term::V3_ACT_CODE, "AMB")]}, {"text": "CPTS", "extension": ext}]),
            ),
        );
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-008"),
            [(format!("{e2}.serviceType[1].extension[0]"), WARN)]
        );
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-008"), []);
    }
}

mod ro1_cpts_009 {
    use serde_json::json;

    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, of_rule, patch};

    #[test]
    fn cpts_slot_with_the_ps_profile() {
        let src = patch(
            CPTS,
            "/entry/0/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"])),
        );
        assert_eq!(
            of_rule(&src, Some(UseCase::CPTS), "RO1-CPTS-009"),
            [("Bundle.entry[0].resource.meta.profile[0]".into(), Severity::Warning)]
        );
        assert!(of_rule(&src, Some(UseCase::CPTS), "RO1-META-001").is_empty());
        // Not labelled CPTS (entry 2): the PS profile is fine.
        let src = patch(
            CPTS,
            "/entry/2/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"])),
        );
        assert!(of_rule(&src, Some(UseCase::CPTS), "RO1-CPTS-009").is_empty());
    }
}
