//! Tests of RO1-OO-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::testutil::of_rule;

    const OO: &str = include_str!("../../../../examples/valid/error-400.json");

    #[test]
    fn valid_error_body_is_clean() {
        assert!(of_rule(OO, None, "RO1-OO-002").is_empty());
        assert!(of_rule(OO, None, "RO1-OO-003").is_empty());
        assert!(of_rule(OO, None, "RO1-BUNDLE-001").is_empty());
    }
}

mod ro1_oo_002 {
    use serde_json::json;

    use crate::finding::Severity;
    use crate::rules::testutil::{of_rule, patch};

    const OO: &str = include_str!("../../../../examples/valid/error-400.json");

    #[test]
    fn issue_needs_severity_and_code() {
        let src = patch(OO, "/issue/0/severity", None);
        assert!(
            of_rule(&src, None, "RO1-OO-002")
                .contains(&("OperationOutcome.issue[0].severity".into(), Severity::Error))
        );
        let src = patch(OO, "/issue/0/code", Some(json!("missing-param")));
        assert_eq!(
            of_rule(&src, None, "RO1-OO-002"),
            [("OperationOutcome.issue[0].code".into(), Severity::Error)]
        );
        let src = patch(OO, "/issue/0/severity", Some(json!("critical")));
        assert!(
            of_rule(&src, None, "RO1-OO-002")
                .contains(&("OperationOutcome.issue[0].severity".into(), Severity::Error))
        );
        let src = patch(OO, "/issue", None);
        assert_eq!(
            of_rule(&src, None, "RO1-OO-002"),
            [("OperationOutcome.issue".into(), Severity::Error)]
        );
    }
}

mod ro1_oo_003 {
    use serde_json::json;

    use crate::finding::Severity;
    use crate::rules::testutil::{of_rule, patch};

    const OO: &str = include_str!("../../../../examples/valid/error-400.json");

    #[test]
    fn failure_must_be_stated_and_explained() {
        let src = patch(OO, "/issue/0/severity", Some(json!("warning")));
        assert_eq!(
            of_rule(&src, None, "RO1-OO-003"),
            [("OperationOutcome.issue".into(), Severity::Warning)]
        );
        let mut v: serde_json::Value = serde_json::from_str(OO).unwrap();
        let issue = v["issue"][0].as_object_mut().unwrap();
        issue.remove("details");
        issue.remove("diagnostics");
        let src = serde_json::to_string(&v).unwrap();
        assert_eq!(
            of_rule(&src, None, "RO1-OO-003"),
            [("OperationOutcome.issue[0].diagnostics".into(), Severity::Warning)]
        );
        // details.text alone explains.
        let src = patch(OO, "/issue/0/diagnostics", None);
        assert!(of_rule(&src, None, "RO1-OO-003").is_empty());
    }
}
