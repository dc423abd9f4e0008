//! Tests of RO1-LOC-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::finding::Severity;
    use crate::rules::loc::*;
    use crate::rules::testutil::{CPTS, PS, SOS, of_rule, patch, run};
    use serde_json::json;

    const E: &str = "Bundle.entry[13].resource";
    const L: &str = "/entry/13/resource/contained/0";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    fn mine(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| RULES.iter().any(|r| r.id == f.0)).collect()
    }

    #[test]
    fn valid_examples_are_clean() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(mine(src), []);
        }
    }

    #[test]
    fn loc_002_003_address() {
        let doc = patch(PS, &format!("{L}/address"), None);
        assert_eq!(of_rule(&doc, None, "RO1-LOC-002"), at("contained[0].address", Severity::Error));
        let doc = patch(PS, &format!("{L}/address/city"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-002"),
            at("contained[0].address.city", Severity::Error)
        );
        let doc = patch(
            PS,
            &format!("{L}/address/line"),
            Some(json!(["42 rue Paul Bert", "Bâtiment B"])),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-002"),
            at("contained[0].address.line[1]", Severity::Error)
        );
        let doc = patch(PS, &format!("{L}/address/postalCode"), Some(json!("6900A")));
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-003"),
            at("contained[0].address.postalCode", Severity::Error)
        );
    }
}

mod ro1_loc_001 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};

    const E: &str = "Bundle.entry[13].resource";
    const L: &str = "/entry/13/resource/contained/0";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn loc_001_identifier() {
        let doc = patch(PS, &format!("{L}/identifier"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-001"),
            at("contained[0].identifier", Severity::Error)
        );
        let doc = patch(PS, &format!("{L}/identifier/0/system"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-001"),
            at("contained[0].identifier[0].system", Severity::Error)
        );
    }
}

mod ro1_loc_004 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const E: &str = "Bundle.entry[13].resource";
    const L: &str = "/entry/13/resource/contained/0";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn loc_004_contained_meta() {
        let doc = patch(PS, &format!("{L}/meta/versionId"), Some(json!("3")));
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-004"),
            at("contained[0].meta.versionId", Severity::Error)
        );
        let doc = patch(
            PS,
            &format!("{L}/contained"),
            Some(json!([{"resourceType": "Location", "id": "x"}])),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-004"),
            at("contained[0].contained[0]", Severity::Error)
        );
    }
}

mod ro1_loc_005 {
    use crate::finding::Severity;

    use crate::rules::testutil::{PS, of_rule, patch};
    use serde_json::json;

    const E: &str = "Bundle.entry[13].resource";
    const L: &str = "/entry/13/resource/contained/0";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn loc_005_identifier_type() {
        let doc = patch(
            PS,
            &format!("{L}/identifier/0/type"),
            Some(json!({"text": "identifiant du cabinet"})),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-005"),
            at("contained[0].identifier[0].type", Severity::Warning)
        );
        let doc = patch(PS, &format!("{L}/identifier/0/type/coding/0/code"), Some(json!("XX")));
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-005"),
            at("contained[0].identifier[0].type.coding[0].code", Severity::Warning)
        );
    }
}
