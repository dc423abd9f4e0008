//! Tests of RO1-PRACT-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::finding::Severity;
    use crate::rules::testutil::{CPTS, PS, run};

    fn pract_findings(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| f.0.starts_with("RO1-PRACT-")).collect()
    }

    #[test]
    fn valid_examples_are_clean() {
        assert_eq!(pract_findings(PS), []);
        assert_eq!(pract_findings(CPTS), []);
    }
}

mod ro1_pract_001 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};

    const P: &str = "/entry/11/resource";
    const E: &str = "Bundle.entry[11].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn pract_001_identifier_and_parts() {
        let doc = patch(PS, &format!("{P}/identifier"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-001"), at("identifier", Severity::Error));
        for part in ["type", "system", "value"] {
            let doc = patch(PS, &format!("{P}/identifier/0/{part}"), None);
            assert_eq!(
                of_rule(&doc, None, "RO1-PRACT-001"),
                at(&format!("identifier[0].{part}"), Severity::Error),
                "{part}"
            );
        }
    }

    #[test]
    fn practitioner_rules_do_not_apply_to_sos() {
        let doc = patch(PS, &format!("{P}/identifier"), None);
        assert_eq!(of_rule(&doc, Some(crate::rules::UseCase::SOS), "RO1-PRACT-001"), []);
    }
}

mod ro1_pract_002 {
    use crate::finding::Severity;
    use crate::ids::SYSTEM_FR_V2_0203;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const P: &str = "/entry/11/resource";
    const E: &str = "Bundle.entry[11].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn pract_002_idnps_coding() {
        let extra = json!([
            {"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MD"},
            {"system": SYSTEM_FR_V2_0203, "code": "IDNPS"}
        ]);
        let doc = patch(PS, &format!("{P}/identifier/0/type/coding"), Some(extra));
        assert_eq!(
            of_rule(&doc, None, "RO1-PRACT-002"),
            at("identifier[0].type.coding[0]", Severity::Error)
        );
        let doc = patch(PS, &format!("{P}/identifier/0/type/coding/0/code"), Some(json!("RPPS")));
        assert_eq!(
            of_rule(&doc, None, "RO1-PRACT-002"),
            at("identifier[0].type.coding[0].code", Severity::Error)
        );
        let doc =
            patch(PS, &format!("{P}/identifier/0/type/coding/0/system"), Some(json!("urn:x")));
        assert_eq!(
            of_rule(&doc, None, "RO1-PRACT-002"),
            at("identifier[0].type.coding[0].system", Severity::Error)
        );
        let doc = patch(PS, &format!("{P}/identifier/0/type"), Some(json!({"text": "RPPS"})));
        assert_eq!(
            of_rule(&doc, None, "RO1-PRACT-002"),
            at("identifier[0].type.coding", Severity::Error)
        );
    }
}

mod ro1_pract_003 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const P: &str = "/entry/11/resource";
    const E: &str = "Bundle.entry[11].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn pract_003_system() {
        let doc = patch(PS, &format!("{P}/identifier/0/system"), Some(json!("1.2.250.1.71.4.2.1")));
        assert_eq!(
            of_rule(&doc, None, "RO1-PRACT-003"),
            at("identifier[0].system", Severity::Error)
        );
    }
}

mod ro1_pract_004 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const P: &str = "/entry/11/resource";
    const E: &str = "Bundle.entry[11].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn pract_004_value_forms() {
        for bad in ["81010387452", "10103874524", "3456780581/11242343", "X"] {
            let doc = patch(PS, &format!("{P}/identifier/0/value"), Some(json!(bad)));
            assert_eq!(
                of_rule(&doc, None, "RO1-PRACT-004"),
                at("identifier[0].value", Severity::Error),
                "{bad}"
            );
        }
        // ADELI is accepted (AMB-23); a wrong RPPS key is not this rule's business.
        for good in ["0751234567", "810103874525"] {
            let doc = patch(PS, &format!("{P}/identifier/0/value"), Some(json!(good)));
            assert_eq!(of_rule(&doc, None, "RO1-PRACT-004"), [], "{good}");
        }
    }
}

mod ro1_pract_006 {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{E, PS, at, of_rule, patch};

    #[test]
    fn pract_006_one_practitioner_per_identifier() {
        let src = patch(PS, "/entry/12/resource/identifier/0/value", Some(json!("810103874524")));
        assert_eq!(
            of_rule(&src, None, "RO1-PRACT-006"),
            at("Bundle.entry[12].resource.identifier[0].value", E)
        );
        assert!(of_rule(&src, Some(UseCase::SOS), "RO1-PRACT-006").is_empty());
    }
}

mod ro1_pract_007 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};

    const P: &str = "/entry/11/resource";
    const E: &str = "Bundle.entry[11].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn pract_007_names() {
        let doc = patch(PS, &format!("{P}/name"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-007"), at("name", Severity::Warning));
        let doc = patch(PS, &format!("{P}/name/0/given"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-007"), at("name[0].given", Severity::Warning));
        let doc = patch(PS, &format!("{P}/name/0/family"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-007"), at("name[0].family", Severity::Warning));
    }
}

mod ro1_pract_008 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};

    const P: &str = "/entry/11/resource";
    const E: &str = "Bundle.entry[11].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn pract_008_telecom_parts() {
        let doc = patch(PS, &format!("{P}/telecom/0/value"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-008"), at("telecom[0].value", Severity::Error));
        let doc = patch(PS, &format!("{P}/telecom/0/system"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-008"), at("telecom[0].system", Severity::Error));
    }
}

mod ro1_pract_009 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const P: &str = "/entry/11/resource";
    const E: &str = "Bundle.entry[11].resource";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn pract_009_phone_form() {
        for bad in ["04 65 71 20 40", "0465712040", "+330465712040", "+3346571204"] {
            let doc = patch(PS, &format!("{P}/telecom/0/value"), Some(json!(bad)));
            assert_eq!(
                of_rule(&doc, None, "RO1-PRACT-009"),
                at("telecom[0].value", Severity::Warning),
                "{bad}"
            );
        }
        for good in ["+262262123456", "+596696123456"] {
            let doc = patch(PS, &format!("{P}/telecom/0/value"), Some(json!(good)));
            assert_eq!(of_rule(&doc, None, "RO1-PRACT-009"), [], "{good}");
        }
        // Not a phone: not judged.
        let doc = patch(
            PS,
            &format!("{P}/telecom/0"),
            Some(json!({"system": "email", "value": "a@b.fr"})),
        );
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-009"), []);
    }
}
