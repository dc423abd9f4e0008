//! Tests of RO1-SOS-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on a table of official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::UseCase;
    use crate::rules::sos::RULES;
    use crate::rules::testutil::{E, SOS, case, rule_table, run, under};
    use serde_json::json;

    const L: &str = "/entry/6/resource";
    const X: &str = "Bundle.entry[6].resource";

    #[test]
    fn valid_example_is_clean() {
        let mine: Vec<_> = run(SOS, None)
            .into_iter()
            .filter(|f| RULES.iter().any(|r| r.id == f.0) || f.0.starts_with("RO1-LOC-"))
            .collect();
        assert_eq!(mine, []);
    }

    rule_table! { fn sos_address_uses_the_loc_rules("RO1-LOC-002") {
        let line = format!("{L}/address/line");
    } [
        case(SOS, &format!("{L}/address/postalCode"), Some(json!("5680")), under(X, "address.postalCode", E)).rule("RO1-LOC-003"),
        case(SOS, &line, None, under(X, "address.line", E)),
        case(SOS, &line, None, vec![]).uc(UseCase::PS),
    ] }
}

mod ro1_sos_001 {
    use serde_json::json;

    use crate::rules::testutil::{E, SOS, case, rule_table, under};

    rule_table! { fn sos_001_managing_organization("RO1-SOS-001") {
        let m = "/entry/6/resource/managingOrganization";
        let x = "Bundle.entry[6].resource";
    } [
        case(SOS, &format!("{m}/reference"), Some(json!("Organization/inconnue")), under(x, "managingOrganization.reference", E)),
        case(SOS, m, None, under(x, "managingOrganization", E)),
    ] }
}

mod ro1_sos_002 {
    use crate::rules::UseCase;
    use crate::rules::testutil::{E, SOS, at, case, rule_table};

    rule_table! { fn sos_002_name("RO1-SOS-002") {
        let n = "/entry/6/resource/name";
    } [
        case(SOS, n, None, at("Bundle.entry[6].resource.name", E)),
        // Only in SOS.
        case(SOS, n, None, vec![]).uc(UseCase::PS),
    ] }
}

mod ro1_sos_003 {
    use crate::ids::{OID_IDNST, SYSTEM_FR_LOCATION_ID_TYPE};
    use crate::rules::testutil::{E, SOS, W, case, rule_table, under};
    use serde_json::json;

    const I: &str = "/entry/6/resource/identifier";
    const X: &str = "Bundle.entry[6].resource";

    rule_table! { fn sos_003_place_identifier("RO1-SOS-003") {
        // IDNST with the structure OID and a prefixed SIRET: accepted, warning.
        let idnst = json!({
            "type": {"coding": [{"system": SYSTEM_FR_LOCATION_ID_TYPE, "code": "IDNST"}]},
            "system": OID_IDNST,
            "value": "334173748400020"
        });
        let i0 = format!("{I}/0");
    } [
        case(SOS, I, None, under(X, "identifier", E)),
        case(SOS, &format!("{i0}/value"), None, under(X, "identifier[0].value", E)),
        case(SOS, &format!("{i0}/type/coding/0/code"), Some(json!("EXTRN")), under(X, "identifier[0].type.coding[0].code", E)),
        case(SOS, &i0, Some(idnst.clone()), under(X, "identifier[0].type.coding[0].code", W)),
        case(SOS, &i0, Some(idnst.clone()), under(X, "identifier[0].system", E)).then(&format!("{i0}/system"), Some(json!("https://agenda.exemple-editeur.fr/lieux"))),
        case(SOS, &i0, Some(idnst), under(X, "identifier[0].value", E)).then(&format!("{i0}/value"), Some(json!("PFG-56-01"))),
    ] }
}

mod ro1_sos_004 {
    use crate::ids::{OID_IDNST, SYSTEM_FR_V2_0203};
    use crate::rules::UseCase;
    use crate::rules::testutil::{E, SOS, W, case, doc, rule_table, under};
    use serde_json::json;

    const I: &str = "/entry/8/resource/identifier";
    const X: &str = "Bundle.entry[8].resource";

    rule_table! { fn sos_004_association_identifier("RO1-SOS-004") {
        let mut ids = doc(SOS)["entry"][8]["resource"]["identifier"].clone();
        ids.as_array_mut().unwrap().push(json!({"system": OID_IDNST, "value": "334173748400020"}));
        let (value, system, type_system) = (
            format!("{I}/0/value"),
            format!("{I}/0/system"),
            format!("{I}/0/type/coding/0/system"),
        );
        let finess = Some(json!("1950047225"));
    } [
        case(SOS, I, None, under(X, "identifier", E)),
        case(SOS, &value, finess.clone(), under(X, "identifier[0].value", E)),
        case(SOS, &system, Some(json!("urn:oid:1.2.250.1.71.4.2.1")), under(X, "identifier[0].system", E)),
        case(SOS, &type_system, Some(json!(SYSTEM_FR_V2_0203)), under(X, "identifier[0].type.coding[0].system", W)),
        case(SOS, &type_system, Some(json!("http://terminology.hl7.org/CodeSystem/v2-0203")), under(X, "identifier[0].type.coding[0].system", E)),
        case(SOS, &format!("{I}/0/type"), None, under(X, "identifier[0].type", E)),
        case(SOS, I, Some(ids), under(X, "identifier[1]", E)),
        // A CPTS Organization is not judged by the SOS rule.
        case(SOS, &value, finess, vec![]).uc(UseCase::CPTS),
    ] }
}

mod ro1_sos_006 {
    use crate::rules::testutil::{E, SOS, case, rule_table, under};
    use serde_json::json;

    rule_table! { fn sos_006_hours("RO1-SOS-006") {
        let h = "/entry/6/resource/hoursOfOperation/0";
        let x = "Bundle.entry[6].resource.hoursOfOperation[0]";
        let day = format!("{h}/daysOfWeek/0");
        let mut rows = vec![
            case(SOS, &day, Some(json!("lundi")), under(x, "daysOfWeek[0]", E)),
            // The binding finding of another use case is not repeated in SOS.
            case(SOS, &day, Some(json!("lundi")), vec![]).rule("RO1-FHIR-005"),
        ];
        rows.extend(["8h00", "19:00", "19:00:00.000"].map(|bad| {
            case(SOS, &format!("{h}/openingTime"), Some(json!(bad)), under(x, "openingTime", E))
        }));
    } rows }
}
