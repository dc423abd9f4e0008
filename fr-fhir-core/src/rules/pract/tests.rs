//! Tests of RO1-PRACT-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on a table of official examples patched to fail and to pass.

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
    use crate::rules::UseCase;
    use crate::rules::testutil::{E, PS, case, rule_table, under};

    const P: &str = "/entry/11/resource/identifier";
    const X: &str = "Bundle.entry[11].resource";

    rule_table! { fn pract_001_identifier_and_parts("RO1-PRACT-001") {
    } [
        case(PS, P, None, under(X, "identifier", E)),
        case(PS, &format!("{P}/0/type"), None, under(X, "identifier[0].type", E)),
        case(PS, &format!("{P}/0/system"), None, under(X, "identifier[0].system", E)),
        case(PS, &format!("{P}/0/value"), None, under(X, "identifier[0].value", E)),
    ] }

    rule_table! { fn practitioner_rules_do_not_apply_to_sos("RO1-PRACT-001") {} [case(PS, P, None, vec![]).uc(UseCase::SOS)] }
}

mod ro1_pract_002 {
    use crate::ids::SYSTEM_FR_V2_0203;

    use crate::rules::testutil::{E, PS, case, rule_table, under};
    use serde_json::json;

    const T: &str = "/entry/11/resource/identifier/0/type";
    const X: &str = "Bundle.entry[11].resource.identifier[0].type";

    rule_table! { fn pract_002_idnps_coding("RO1-PRACT-002") {
        let extra = json!([
            {"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MD"},
            {"system": SYSTEM_FR_V2_0203, "code": "IDNPS"}
        ]);
    } [
        case(PS, &format!("{T}/coding"), Some(extra), under(X, "coding[0]", E)),
        case(PS, &format!("{T}/coding/0/code"), Some(json!("RPPS")), under(X, "coding[0].code", E)),
        case(PS, &format!("{T}/coding/0/system"), Some(json!("urn:x")), under(X, "coding[0].system", E)),
        case(PS, T, Some(json!({"text": "RPPS"})), under(X, "coding", E)),
    ] }
}

mod ro1_pract_003 {
    use crate::rules::testutil::{E, PS, at, case, rule_table};
    use serde_json::json;

    rule_table! { fn pract_003_system("RO1-PRACT-003") {} [
        case(PS, "/entry/11/resource/identifier/0/system", Some(json!("1.2.250.1.71.4.2.1")), at("Bundle.entry[11].resource.identifier[0].system", E))
    ] }
}

mod ro1_pract_004 {
    use crate::rules::testutil::{E, PS, at, case, rule_table};
    use serde_json::json;

    rule_table! { fn pract_004_value_forms("RO1-PRACT-004") {
        let v = "/entry/11/resource/identifier/0/value";
        let x = "Bundle.entry[11].resource.identifier[0].value";
        let bad = ["81010387452", "10103874524", "3456780581/11242343", "X"];
        // ADELI is accepted (AMB-23); a wrong RPPS key is not this rule's business.
        let good = ["0751234567", "810103874525"];
        let mut rows: Vec<_> = bad.map(|b| case(PS, v, Some(json!(b)), at(x, E))).into();
        rows.extend(good.map(|g| case(PS, v, Some(json!(g)), vec![])));
    } rows }
}

mod ro1_pract_006 {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{E, PS, at, case, rule_table};

    rule_table! { fn pract_006_one_practitioner_per_identifier("RO1-PRACT-006") {
        let v = "/entry/12/resource/identifier/0/value";
        let rpps = Some(json!("810103874524"));
    } [
        case(PS, v, rpps.clone(), at("Bundle.entry[12].resource.identifier[0].value", E)),
        case(PS, v, rpps, vec![]).uc(UseCase::SOS),
    ] }
}

mod ro1_pract_007 {
    use crate::rules::testutil::{PS, W, at, case, rule_table};

    rule_table! { fn pract_007_names("RO1-PRACT-007") {} [
        case(PS, "/entry/11/resource/name", None, at("Bundle.entry[11].resource.name", W)),
        case(PS, "/entry/11/resource/name/0/given", None, at("Bundle.entry[11].resource.name[0].given", W)),
        case(PS, "/entry/11/resource/name/0/family", None, at("Bundle.entry[11].resource.name[0].family", W)),
    ] }
}

mod ro1_pract_008 {
    use crate::rules::testutil::{E, PS, at, case, rule_table};

    rule_table! { fn pract_008_telecom_parts("RO1-PRACT-008") {} [
        case(PS, "/entry/11/resource/telecom/0/value", None, at("Bundle.entry[11].resource.telecom[0].value", E)),
        case(PS, "/entry/11/resource/telecom/0/system", None, at("Bundle.entry[11].resource.telecom[0].system", E)),
    ] }
}

mod ro1_pract_009 {
    use crate::rules::testutil::{PS, W, at, case, rule_table};
    use serde_json::json;

    rule_table! { fn pract_009_phone_form("RO1-PRACT-009") {
        let t = "/entry/11/resource/telecom/0";
        let v = "/entry/11/resource/telecom/0/value";
        let x = "Bundle.entry[11].resource.telecom[0].value";
        let mut rows: Vec<_> = ["04 65 71 20 40", "0465712040", "+330465712040", "+3346571204"]
            .map(|b| case(PS, v, Some(json!(b)), at(x, W)))
            .into();
        rows.extend(
            ["+262262123456", "+596696123456"].map(|g| case(PS, v, Some(json!(g)), vec![])),
        );
        // Not a phone: not judged.
        rows.push(case(PS, t, Some(json!({"system": "email", "value": "a@b.fr"})), vec![]));
    } rows }
}
