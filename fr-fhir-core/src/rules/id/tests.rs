//! Tests of RO1-ID-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on a table of official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::id::*;
    use crate::rules::testutil::{CPTS, E, PS, SOS, W, at, case, count, rule_table, run};
    use serde_json::json;

    const ORG0: &str = "/entry/13/resource/organization/identifier";
    const ORG0_V: &str = "/entry/13/resource/organization/identifier/value";
    const X: &str = "Bundle.entry[13].resource.organization.identifier.value";

    fn id_findings(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| f.0.starts_with("RO1-ID-")).collect()
    }

    #[test]
    fn valid_examples_have_no_identifier_finding() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(id_findings(src), []);
        }
    }

    rule_table! { fn id_005_and_006_finess("RO1-ID-005") {} [
        case(PS, ORG0_V, Some(json!("16900412")), at(X, E)),
        // Corsican FINESS fails the SAS pattern.
        count(PS, ORG0_V, Some(json!("12A0000014")), 1),
        case(PS, ORG0_V, Some(json!("1690041271")), at(X, W)).rule("RO1-ID-006"),
        case(PS, ORG0_V, Some(json!("1690041272")), vec![]).rule("RO1-ID-006"),
    ] }

    rule_table! { fn id_007_and_008_siret("RO1-ID-007") {} [
        case(PS, ORG0_V, Some(json!("38531204670001")), at(X, E)),
        case(PS, ORG0_V, Some(json!("385312046700017")), at(X, W)).rule("RO1-ID-008"),
    ] }

    rule_table! { fn kind_from_type_when_system_is_absent("RO1-ID-006") {
        let row =
            count(PS, &format!("{ORG0}/system"), None, 1).then(ORG0_V, Some(json!("1690041271")));
    } [row] }

    rule_table! { fn contained_identifiers_are_visited("RO1-ID-002") {
        let p = "/entry/13/resource/contained/0/identifier/0";
        let idnps = |row: crate::rules::testutil::Case| {
            row.then(&format!("{p}/value"), Some(json!("8123")))
        };
        let system = format!("{p}/system");
    } [
        idnps(case(PS, &system, Some(json!(OID_IDNPS)), at("Bundle.entry[13].resource.contained[0].identifier[0].value", E))),
        // The INTRN type does not go with the IDNPS system.
        idnps(count(PS, &system, Some(json!(OID_IDNPS)), 1)).rule("RO1-ID-001"),
    ] }
}

mod ro1_id_001 {
    use crate::ids::OID_IDNST;
    use crate::rules::testutil::{E, PS, at, case, rule_table};
    use serde_json::json;

    rule_table! { fn id_001_system_and_type_disagree("RO1-ID-001") {
        let p = "/entry/11/resource/identifier/0";
    } [
        case(PS, &format!("{p}/system"), Some(json!(OID_IDNST)), at("Bundle.entry[11].resource.identifier[0].type.coding[0].code", E)),
        // A type without any code is the resource rules' business.
        case(PS, &format!("{p}/type"), Some(json!({"text": "RPPS"})), vec![]),
        // Another system: not judged here.
        case(PS, &format!("{p}/system"), Some(json!("https://rpps.esante.gouv.fr")), vec![]),
    ] }
}

mod ro1_id_002 {
    use crate::rules::testutil::{E, PS, at, case, rule_table};
    use serde_json::json;

    rule_table! { fn id_002_rpps_form("RO1-ID-002") {
        let v = "/entry/11/resource/identifier/0/value";
        let short = Some(json!("81010387452"));
    } [
        case(PS, v, short.clone(), at("Bundle.entry[11].resource.identifier[0].value", E)),
        // Truncated, not bare: no ID-010 on top.
        case(PS, v, short, vec![]).rule("RO1-ID-010"),
    ] }
}

mod ro1_id_003 {
    use crate::finding::Severity;
    use crate::rules::testutil::{PS, W, assert_cases, at, case, patch};
    use serde_json::json;

    const V: &str = "/entry/11/resource/identifier/0/value";

    #[test]
    fn id_003_rpps_key_is_a_warning_or_an_error_when_strict() {
        let key = Some(json!("810103874525"));
        assert_cases(
            "RO1-ID-003",
            &[case(PS, V, key.clone(), at("Bundle.entry[11].resource.identifier[0].value", W))],
        );
        let doc = patch(PS, V, key);
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
    use crate::rules::testutil::{PS, W, at, case, rule_table};
    use serde_json::json;

    rule_table! { fn id_004_adeli_form("RO1-ID-004") {
        let v = "/entry/11/resource/identifier/0/value";
    } [
        case(PS, v, Some(json!("07512345")), at("Bundle.entry[11].resource.identifier[0].value", W)),
        case(PS, v, Some(json!("0751234567")), vec![]),
    ] }
}

mod ro1_id_009 {
    use crate::rules::testutil::{PS, W, at, case, count, rule_table};
    use serde_json::json;

    rule_table! { fn id_009_rang_forms("RO1-ID-009") {
        let v = "/entry/13/resource/organization/identifier/value";
    } [
        case(PS, v, Some(json!("4F58000880311022013")), at("Bundle.entry[13].resource.organization.identifier.value", W)),
        case(PS, v, Some(json!("412345678912345")), vec![]),
        count(PS, v, Some(json!("0")), 1),
        case(PS, v, Some(json!("0751234567")), vec![]),
    ] }
}

mod ro1_id_010 {
    use crate::rules::testutil::{PS, W, at, case, count, rule_table};
    use serde_json::json;

    rule_table! { fn id_010_bare_numbers("RO1-ID-010") {
        let pract = "/entry/11/resource/identifier/0/value";
        let org = "/entry/13/resource/organization/identifier/value";
        let bare_rpps = Some(json!("10103874524"));
    } [
        case(PS, pract, bare_rpps.clone(), at("Bundle.entry[11].resource.identifier[0].value", W)),
        case(PS, pract, bare_rpps, vec![]).rule("RO1-ID-002"),
        // A bare SIRET, a bare FINESS.
        count(PS, org, Some(json!("85312046700016")), 1),
        count(PS, org, Some(json!("690041272")), 1),
        // Not keyed: just a wrong value, not a bare number.
        case(PS, org, Some(json!("690041273")), vec![]),
    ] }
}
