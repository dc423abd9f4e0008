//! Tests of RO1-ROLE-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on a table of official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::role::RULES;
    use crate::rules::testutil::{CPTS, PS, SOS, of_rules};

    #[test]
    fn valid_examples_are_clean() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(of_rules(src, RULES), []);
        }
    }
}

mod ro1_role_001 {
    use crate::rules::testutil::{E, PS, case, rule_table, under};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const X: &str = "Bundle.entry[13].resource";
    const L: &str = "/entry/13/resource/contained/0";

    rule_table! { fn role_001_contained_location("RO1-ROLE-001") {} [
        case(PS, &format!("{R}/contained"), None, under(X, "contained", E)),
        case(PS, &format!("{L}/resourceType"), Some(json!("Organization")), under(X, "contained[0]", E)).then(&format!("{L}/address"), None),
    ] }
}

mod ro1_role_002 {
    use crate::rules::testutil::{E, PS, case, rule_table, under};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const X: &str = "Bundle.entry[13].resource";

    rule_table! { fn role_002_location_reference("RO1-ROLE-002") {
        let two = json!([{"reference": "#lieu-lyon3"}, {"reference": "#lieu-lyon3"}]);
        let r0 = format!("{R}/location/0/reference");
    } [
        case(PS, &format!("{R}/location"), None, under(X, "location", E)),
        case(PS, &r0, Some(json!("Location/lieu-lyon3")), under(X, "location[0].reference", E)),
        case(PS, &r0, Some(json!("#autre")), under(X, "location[0].reference", E)),
        case(PS, &format!("{R}/location/0"), Some(json!({"display": "Cabinet"})), under(X, "location[0].reference", E)),
        case(PS, &format!("{R}/location"), Some(two), under(X, "location[1]", E)),
    ] }
}

mod ro1_role_003 {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{E, PS, at, case, rule_table};

    rule_table! { fn role_003_practitioner("RO1-ROLE-003") {
        let p = "/entry/13/resource/practitioner";
        let r = "/entry/13/resource/practitioner/reference";
        let x = "Bundle.entry[13].resource.practitioner.reference";
        let unknown = Some(json!("Practitioner/inconnu"));
    } [
        case(PS, p, None, at("Bundle.entry[13].resource.practitioner", E)),
        case(PS, p, Some(json!({"display": "Dr X"})), at(x, E)),
        case(PS, r, Some(json!("PractitionerRole/role-4821-vlb")), at(x, E)),
        case(PS, r, unknown.clone(), at(x, E)),
        // SOS: no such rule, the broken reference is RO1-REF-001's.
        case(PS, r, unknown.clone(), vec![]).uc(UseCase::SOS),
        case(PS, r, unknown, at(x, E)).uc(UseCase::SOS).rule("RO1-REF-001"),
    ] }
}

mod ro1_role_004 {
    use crate::rules::UseCase;
    use crate::rules::testutil::{E, PS, case, rule_table, under};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const X: &str = "Bundle.entry[13].resource";

    rule_table! { fn role_004_structure_id_present("RO1-ROLE-004") {
        let org = format!("{R}/organization");
    } [
        case(PS, &org, None, under(X, "organization.identifier", E)),
        case(PS, &org, Some(json!({"display": "Cabinet"})), under(X, "organization.identifier", E)),
        case(PS, &format!("{org}/identifier/value"), None, under(X, "organization.identifier.value", E)),
    ] }

    rule_table! { fn role_rules_do_not_apply_to_sos("RO1-ROLE-004") {} [case(PS, &format!("{R}/organization"), None, vec![]).uc(UseCase::SOS)] }
}

mod ro1_role_005 {
    use crate::ids::SYSTEM_FR_CORE_V2_0203;

    use crate::rules::testutil::{E, PS, W, case, rule_table, under};
    use serde_json::json;

    const X: &str = "Bundle.entry[13].resource.organization.identifier";

    rule_table! { fn role_005_system_and_type("RO1-ROLE-005") {
        let o = "/entry/13/resource/organization/identifier";
    } [
        case(PS, &format!("{o}/system"), None, under(X, "system", W)),
        case(PS, &format!("{o}/type"), None, under(X, "type", W)),
        case(PS, &format!("{o}/system"), Some(json!("https://finess.esante.gouv.fr")), under(X, "system", E)),
        case(PS, &format!("{o}/type/coding/0/code"), Some(json!("FINEG")), under(X, "type.coding[0].code", E)),
        case(PS, &format!("{o}/type/coding/0/system"), Some(json!(SYSTEM_FR_CORE_V2_0203)), under(X, "type.coding[0].system", W)),
    ] }
}

mod ro1_role_006 {
    use crate::rules::testutil::{E, PS, at, case, rule_table};
    use serde_json::json;

    rule_table! { fn role_006_structure_id_forms("RO1-ROLE-006") {
        let v = "/entry/13/resource/organization/identifier/value";
        let x = "Bundle.entry[13].resource.organization.identifier.value";
        let bad = ["2902134766", "385312046700", "12A0000014", "9123"];
        let good = ["1690041272", "412345678912345", "4F58000880311022013", "0751234567"];
        let mut rows: Vec<_> = bad.map(|b| case(PS, v, Some(json!(b)), at(x, E))).into();
        rows.extend(good.map(|g| case(PS, v, Some(json!(g)), vec![])));
    } rows }
}

mod ro1_role_007 {
    use crate::rules::testutil::{PS, W, at, case, rule_table};
    use serde_json::json;

    rule_table! { fn role_007_phone("RO1-ROLE-007") {} [
        case(PS, "/entry/13/resource/telecom/0/value", Some(json!("04 65 71 20 40")), at("Bundle.entry[13].resource.telecom[0].value", W))
    ] }
}

mod ro1_role_008 {
    use crate::rules::support::terminology::TRE_R38;

    use crate::rules::testutil::{E, PS, W, case, rule_table, under};
    use serde_json::json;

    const X: &str = "Bundle.entry[13].resource";

    rule_table! { fn role_008_specialties("RO1-ROLE-008") {
        let sp = "/entry/13/resource/specialty";
        let r38 = |code: &str| Some(json!([{"coding": [{"system": TRE_R38, "code": code}]}]));
        let snomed =
            json!([{"coding": [{"system": "http://snomed.info/sct", "code": "394814009"}]}]);
    } [
        case(PS, sp, r38("SM54"), vec![]),
        case(PS, sp, r38("SM99"), under(X, "specialty[0].coding[0].code", W)),
        case(PS, sp, Some(snomed), under(X, "specialty[0].coding[0].system", E)),
        case(PS, sp, Some(json!([{"text": "Médecine générale"}])), under(X, "specialty[0]", W)),
        case(PS, sp, Some(json!([{"coding": [{"system": TRE_R38}]}])), under(X, "specialty[0].coding[0].code", E)),
    ] }
}
