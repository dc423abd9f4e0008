//! Tests of RO1-LOC-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on a table of official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::loc::RULES;
    use crate::rules::testutil::{CPTS, E, PS, SOS, assert_cases, case, of_rules, under};
    use serde_json::json;

    const X: &str = "Bundle.entry[13].resource.contained[0]";
    const A: &str = "/entry/13/resource/contained/0/address";

    #[test]
    fn valid_examples_are_clean() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(of_rules(src, RULES), []);
        }
    }

    #[test]
    fn loc_002_003_address() {
        let lines = json!(["42 rue Paul Bert", "Bâtiment B"]);
        assert_cases(
            "RO1-LOC-002",
            &[
                case(PS, A, None, under(X, "address", E)),
                case(PS, &format!("{A}/city"), None, under(X, "address.city", E)),
                case(PS, &format!("{A}/line"), Some(lines), under(X, "address.line[1]", E)),
                case(
                    PS,
                    &format!("{A}/postalCode"),
                    Some(json!("6900A")),
                    under(X, "address.postalCode", E),
                )
                .rule("RO1-LOC-003"),
            ],
        );
    }
}

mod ro1_loc_001 {
    use crate::rules::testutil::{E, PS, assert_cases, case, under};

    #[test]
    fn loc_001_identifier() {
        let x = "Bundle.entry[13].resource.contained[0]";
        let i = "/entry/13/resource/contained/0/identifier";
        assert_cases(
            "RO1-LOC-001",
            &[
                case(PS, i, None, under(x, "identifier", E)),
                case(PS, &format!("{i}/0/system"), None, under(x, "identifier[0].system", E)),
            ],
        );
    }
}

mod ro1_loc_004 {
    use crate::rules::testutil::{E, PS, assert_cases, case, under};
    use serde_json::json;

    #[test]
    fn loc_004_contained_meta() {
        let x = "Bundle.entry[13].resource.contained[0]";
        let l = "/entry/13/resource/contained/0";
        let inner = json!([{"resourceType": "Location", "id": "x"}]);
        assert_cases(
            "RO1-LOC-004",
            &[
                case(
                    PS,
                    &format!("{l}/meta/versionId"),
                    Some(json!("3")),
                    under(x, "meta.versionId", E),
                ),
                case(PS, &format!("{l}/contained"), Some(inner), under(x, "contained[0]", E)),
            ],
        );
    }
}

mod ro1_loc_005 {
    use crate::rules::testutil::{PS, W, assert_cases, case, under};
    use serde_json::json;

    #[test]
    fn loc_005_identifier_type() {
        let x = "Bundle.entry[13].resource.contained[0].identifier[0]";
        let t = "/entry/13/resource/contained/0/identifier/0/type";
        assert_cases(
            "RO1-LOC-005",
            &[
                case(PS, t, Some(json!({"text": "identifiant du cabinet"})), under(x, "type", W)),
                case(
                    PS,
                    &format!("{t}/coding/0/code"),
                    Some(json!("XX")),
                    under(x, "type.coding[0].code", W),
                ),
            ],
        );
    }
}
