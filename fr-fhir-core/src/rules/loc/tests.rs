//! Tests of RO1-LOC-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on a table of official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::loc::RULES;
    use crate::rules::testutil::{CPTS, E, PS, SOS, case, of_rules, rule_table, under};
    use serde_json::json;

    const X: &str = "Bundle.entry[13].resource.contained[0]";
    const A: &str = "/entry/13/resource/contained/0/address";

    #[test]
    fn valid_examples_are_clean() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(of_rules(src, RULES), []);
        }
    }

    rule_table! { fn loc_002_003_address("RO1-LOC-002") {
        let lines = json!(["42 rue Paul Bert", "Bâtiment B"]);
    } [
        case(PS, A, None, under(X, "address", E)),
        case(PS, &format!("{A}/city"), None, under(X, "address.city", E)),
        case(PS, &format!("{A}/line"), Some(lines), under(X, "address.line[1]", E)),
        case(PS, &format!("{A}/postalCode"), Some(json!("6900A")), under(X, "address.postalCode", E)).rule("RO1-LOC-003"),
    ] }
}

/// The contained Location of the PS example: its pointer and its FHIRPath.
const L: &str = "/entry/13/resource/contained/0";
const X: &str = "Bundle.entry[13].resource.contained[0]";

mod ro1_loc_001 {
    use super::{L, X};
    use crate::rules::testutil::{E, PS, case, rule_table, under};

    rule_table! { fn loc_001_identifier("RO1-LOC-001") {} [
        case(PS, &format!("{L}/identifier"), None, under(X, "identifier", E)),
        case(PS, &format!("{L}/identifier/0/system"), None, under(X, "identifier[0].system", E)),
    ] }
}

mod ro1_loc_004 {
    use crate::rules::testutil::{E, PS, case, rule_table, under};
    use serde_json::json;

    rule_table! { fn loc_004_contained_meta("RO1-LOC-004") {
        let x = "Bundle.entry[13].resource.contained[0]";
        let l = "/entry/13/resource/contained/0";
        let inner = json!([{"resourceType": "Location", "id": "x"}]);
    } [
        case(PS, &format!("{l}/meta/versionId"), Some(json!("3")), under(x, "meta.versionId", E)),
        case(PS, &format!("{l}/contained"), Some(inner), under(x, "contained[0]", E)),
    ] }
}

mod ro1_loc_005 {
    use crate::rules::testutil::{PS, W, case, rule_table, under};
    use serde_json::json;

    rule_table! { fn loc_005_identifier_type("RO1-LOC-005") {
        let x = "Bundle.entry[13].resource.contained[0].identifier[0]";
        let t = "/entry/13/resource/contained/0/identifier/0/type";
    } [
        case(PS, t, Some(json!({"text": "identifiant du cabinet"})), under(x, "type", W)),
        case(PS, &format!("{t}/coding/0/code"), Some(json!("XX")), under(x, "type.coding[0].code", W)),
    ] }
}
