//! Tests of RO1-ID-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::id::*;
    use crate::rules::testutil::{CPTS, PS, SOS, of_rule, patch, run};
    use serde_json::json;

    const ORG0: &str = "/entry/13/resource/organization/identifier";

    fn id_findings(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| f.0.starts_with("RO1-ID-")).collect()
    }

    #[test]
    fn valid_examples_have_no_identifier_finding() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(id_findings(src), []);
        }
    }

    #[test]
    fn id_005_and_006_finess() {
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("16900412")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-005"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Error)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("12A0000014")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-005").len(),
            1,
            "Corsican FINESS fails the SAS pattern"
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("1690041271")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-006"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Warning)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("1690041272")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-006"), []);
    }

    #[test]
    fn id_007_and_008_siret() {
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("38531204670001")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-007"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Error)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("385312046700017")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-008"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Warning)]
        );
    }

    #[test]
    fn kind_from_type_when_system_is_absent() {
        let doc = patch(PS, &format!("{ORG0}/system"), None);
        let doc = patch(&doc, &format!("{ORG0}/value"), Some(json!("1690041271")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-006").len(), 1);
    }

    #[test]
    fn contained_identifiers_are_visited() {
        let p = "/entry/13/resource/contained/0/identifier/0";
        let doc = patch(PS, &format!("{p}/system"), Some(json!(OID_IDNPS)));
        let doc = patch(&doc, &format!("{p}/value"), Some(json!("8123")));
        let found = of_rule(&doc, None, "RO1-ID-002");
        assert_eq!(
            found,
            [(
                "Bundle.entry[13].resource.contained[0].identifier[0].value".into(),
                Severity::Error
            )]
        );
        // The INTRN type does not go with the IDNPS system.
        assert_eq!(of_rule(&doc, None, "RO1-ID-001").len(), 1);
    }
}

mod ro1_id_001 {
    use crate::finding::Severity;
    use crate::ids::OID_IDNST;
    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const PRACT0: &str = "/entry/11/resource/identifier/0";

    #[test]
    fn id_001_system_and_type_disagree() {
        let doc = patch(PS, &format!("{PRACT0}/system"), Some(json!(OID_IDNST)));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-001"),
            [(
                "Bundle.entry[11].resource.identifier[0].type.coding[0].code".into(),
                Severity::Error
            )]
        );
        // A type without any code is the resource rules' business.
        let doc = patch(PS, &format!("{PRACT0}/type"), Some(json!({"text": "RPPS"})));
        assert_eq!(of_rule(&doc, None, "RO1-ID-001"), []);
        // Another system: not judged here.
        let doc =
            patch(PS, &format!("{PRACT0}/system"), Some(json!("https://rpps.esante.gouv.fr")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-001"), []);
    }
}

mod ro1_id_002 {
    use crate::finding::Severity;
    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const PRACT0: &str = "/entry/11/resource/identifier/0";

    #[test]
    fn id_002_rpps_form() {
        let doc = patch(PS, &format!("{PRACT0}/value"), Some(json!("81010387452")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-002"),
            [("Bundle.entry[11].resource.identifier[0].value".into(), Severity::Error)]
        );
        // Truncated, not bare: no ID-010 on top.
        assert_eq!(of_rule(&doc, None, "RO1-ID-010"), []);
    }
}

mod ro1_id_003 {
    use crate::finding::Severity;
    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const PRACT0: &str = "/entry/11/resource/identifier/0";

    #[test]
    fn id_003_rpps_key_is_a_warning_or_an_error_when_strict() {
        let doc = patch(PS, &format!("{PRACT0}/value"), Some(json!("810103874525")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-003"),
            [("Bundle.entry[11].resource.identifier[0].value".into(), Severity::Warning)]
        );
        let opts = crate::rules::Options { strict: true, ..Default::default() };
        let report = crate::rules::validate(&doc, &opts).unwrap();
        let sev: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule.id == "RO1-ID-003")
            .map(|f| f.severity)
            .collect();
        assert_eq!(sev, [Severity::Error]);
    }
}

mod ro1_id_004 {
    use crate::finding::Severity;
    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const PRACT0: &str = "/entry/11/resource/identifier/0";

    #[test]
    fn id_004_adeli_form() {
        let doc = patch(PS, &format!("{PRACT0}/value"), Some(json!("07512345")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-004"),
            [("Bundle.entry[11].resource.identifier[0].value".into(), Severity::Warning)]
        );
        let doc = patch(PS, &format!("{PRACT0}/value"), Some(json!("0751234567")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-004"), []);
    }
}

mod ro1_id_009 {
    use crate::finding::Severity;
    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const ORG0: &str = "/entry/13/resource/organization/identifier";

    #[test]
    fn id_009_rang_forms() {
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("4F58000880311022013")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-009"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Warning)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("412345678912345")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-009"), []);
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("0")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-009").len(), 1);
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("0751234567")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-009"), []);
    }
}

mod ro1_id_010 {
    use crate::finding::Severity;
    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const PRACT0: &str = "/entry/11/resource/identifier/0";
    const ORG0: &str = "/entry/13/resource/organization/identifier";

    #[test]
    fn id_010_bare_numbers() {
        let doc = patch(PS, &format!("{PRACT0}/value"), Some(json!("10103874524")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-010"),
            [("Bundle.entry[11].resource.identifier[0].value".into(), Severity::Warning)]
        );
        assert_eq!(of_rule(&doc, None, "RO1-ID-002"), []);
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("85312046700016")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-010").len(), 1, "bare SIRET");
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("690041272")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-010").len(), 1, "bare FINESS");
        // Not keyed: just a wrong value, not a bare number.
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("690041273")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-010"), []);
    }
}
