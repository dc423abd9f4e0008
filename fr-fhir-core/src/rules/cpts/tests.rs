//! Tests of RO1-CPTS-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, E, case, rule_table, under};
    use serde_json::json;

    const HS: &str = "/entry/6/resource";
    const X: &str = "Bundle.entry[6].resource";

    rule_table! { fn cpts_004_id_and_provided_by_reference("RO1-CPTS-004") {
        let by = format!("{HS}/providedBy");
        let display = Some(json!({"display": "CPTS"}));
    } [
        case(CPTS, &format!("{HS}/id"), None, under(X, "id", E)),
        case(CPTS, &by, None, under(X, "providedBy", E)),
        case(CPTS, &by, display.clone(), under(X, "providedBy.reference", E)),
        case(CPTS, &by, display, vec![]).uc(UseCase::PS),
        case(CPTS, "", None, vec![]),
    ] }
}

mod ro1_cpts_001 {
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, E, case, rule_table, under};
    use serde_json::json;

    const ST: &str = "/entry/0/resource/serviceType/1";
    const X: &str = "Bundle.entry[0].resource";

    rule_table! { fn cpts_001_extension_on_cpts_service_type("RO1-CPTS-001") {
        let ext = format!("{ST}/extension");
        let e0 = format!("{ST}/extension/0");
    } [
        case(CPTS, &ext, None, under(X, "serviceType[1].extension", E)),
        // Only in the CPTS use case.
        case(CPTS, &ext, None, vec![]).uc(UseCase::PS),
        case(CPTS, &format!("{e0}/valueReference"), Some(json!({"display": "CPTS"})), under(X, "serviceType[1].extension[0].valueReference.reference", E)),
        case(CPTS, &format!("{e0}/url"), Some(json!("http://x.example/ext")), under(X, "serviceType[1].extension[0].url", E)),
        case(CPTS, &format!("{e0}/valueReference"), None, under(X, "serviceType[1].extension[0].valueString", E)).then(&format!("{e0}/valueString"), Some(json!("hs"))),
        case(CPTS, ST, None, under(X, "serviceType", E)),
        case(CPTS, "", None, vec![]),
    ] }
}

mod ro1_cpts_002 {
    use crate::rules::testutil::{CPTS, E, case, doc, rule_table, under};
    use serde_json::json;

    const ST: &str = "/entry/0/resource/serviceType/1";
    const X: &str = "Bundle.entry[0].resource";

    rule_table! { fn cpts_002_canonical_system_and_code("RO1-CPTS-002") {
        let variant = Some(json!("https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement"));
        let system = format!("{ST}/coding/0/system");
        let ext = doc(CPTS)["entry"][0]["resource"]["serviceType"][1]["extension"].clone();
    } [
        case(CPTS, &system, variant.clone(), under(X, "serviceType[1].coding[0].system", E)),
        case(CPTS, &system, variant, vec![]).rule("RO1-SLOT-011"),
        case(CPTS, &format!("{ST}/coding/0/code"), Some(json!("603")), under(X, "serviceType[1].coding[0].code", E)),
        case(CPTS, "/entry/0/resource/serviceType/0/extension", Some(ext), under(X, "serviceType[0].extension[0]", E)),
        case(CPTS, "", None, vec![]),
    ] }
}

mod ro1_cpts_003 {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, E, at, case, rule_table};

    rule_table! { fn cpts_003_service_type_target("RO1-CPTS-003") {
        let p = "/entry/0/resource/serviceType/1/extension/0/valueReference/reference";
        let path = "Bundle.entry[0].resource.serviceType[1].extension[0].valueReference.reference";
        let unknown = Some(json!("HealthcareService/inconnu"));
    } [
        case(CPTS, p, unknown.clone(), at(path, E)),
        case(CPTS, p, unknown.clone(), vec![]).rule("RO1-REF-001"),
        case(CPTS, p, unknown, at(path, E)).uc(UseCase::PS).rule("RO1-REF-001"),
        case(CPTS, p, Some(json!("Organization/org-cpts-loire-erdre")), at(path, E)),
    ] }
}

mod ro1_cpts_004 {
    use serde_json::json;

    use crate::rules::testutil::{CPTS, E, at, case, rule_table};

    rule_table! { fn cpts_004_provided_by("RO1-CPTS-004") {} [
        case(CPTS, "/entry/6/resource/providedBy/reference", Some(json!("Organization/inconnue")), at("Bundle.entry[6].resource.providedBy.reference", E))
    ] }
}

mod ro1_cpts_005 {
    use crate::ids::{IDNST, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_V2_0203};
    use crate::rules::testutil::{CPTS, E, SOS, W, case, doc, rule_table, under};
    use serde_json::json;

    const I: &str = "/entry/7/resource/identifier";
    const X: &str = "Bundle.entry[7].resource";

    rule_table! { fn cpts_005_identifier_parts("RO1-CPTS-005") {
        let (value, system, coding) =
            (format!("{I}/0/value"), format!("{I}/0/system"), format!("{I}/0/type/coding/0"));
        let rows = [
            case(CPTS, I, None, under(X, "identifier", E)),
            case(CPTS, &system, None, under(X, "identifier[0].system", E)),
            case(CPTS, &format!("{I}/0/type"), None, under(X, "identifier[0].type", E)),
            case(CPTS, &value, None, under(X, "identifier[0].value", E)),
            case(CPTS, &value, Some(json!("950047225")), under(X, "identifier[0].value", E)),
            case(CPTS, &value, Some(json!("12A0000014")), under(X, "identifier[0].value", E)),
            case(
                CPTS,
                &system,
                Some(json!("urn:oid:1.2.250.1.71.4.2.1")),
                under(X, "identifier[0].system", E),
            ),
            case(
                CPTS,
                &format!("{coding}/code"),
                Some(json!("INTRN")),
                under(X, "identifier[0].type.coding[0].code", E),
            ),
            case(
                CPTS,
                &format!("{coding}/system"),
                Some(json!("http://x.example/cs")),
                under(X, "identifier[0].type.coding[0].system", E),
            ),
        ];
    } rows }

    rule_table! { fn cpts_005_amb_10_tolerated_systems("RO1-CPTS-005") {
        let rows = [SYSTEM_FR_V2_0203, SYSTEM_FR_CORE_V2_0203].map(|sys| {
            let coding = Some(json!({"system": sys, "code": IDNST}));
            case(
                CPTS,
                &format!("{I}/0/type/coding/0"),
                coding,
                under(X, "identifier[0].type.coding[0].system", W),
            )
        });
    } rows }

    rule_table! { fn cpts_005_exactly_one_identifier("RO1-CPTS-005") {
        // The SIRET comes first: it is the extra one, the FINESS is kept.
        let finess = doc(CPTS)["entry"][7]["resource"]["identifier"][0].clone();
        let mut siret = finess.clone();
        siret["value"] = json!("334173748400020");
    } [
        case(CPTS, I, Some(json!([siret, finess])), under(X, "identifier[0]", E)),
        case(CPTS, "", None, vec![]),
        // The SOS association (3 + SIRET) is judged by the SOS rules only.
        case(SOS, "", None, vec![]),
    ] }
}

mod ro1_cpts_006 {
    use crate::rules::testutil::{CPTS, SOS, W, case, rule_table, under};

    rule_table! { fn cpts_006_name_and_telecom("RO1-CPTS-006") {} [
        case(CPTS, "/entry/7/resource/name", None, under("Bundle.entry[7].resource", "name", W)),
        case(CPTS, "/entry/7/resource/telecom", None, under("Bundle.entry[7].resource", "telecom", W)),
        case(CPTS, "", None, vec![]),
        case(SOS, "", None, vec![]),
    ] }
}

mod ro1_cpts_007 {
    use serde_json::json;

    use crate::rules::testutil::{CPTS, W, doc, of_rule, set, text};

    #[test]
    fn cpts_007_one_service_per_organization() {
        let mut v = doc(CPTS);
        let mut hs = v["entry"][6].clone();
        set(&mut hs, "/resource/id", Some(json!("hs-2")));
        set(
            &mut hs,
            "/fullUrl",
            Some(json!("https://agenda.exemple-editeur.fr/fhir/HealthcareService/hs-2")),
        );
        v["entry"].as_array_mut().unwrap().push(hs);
        set(
            &mut v,
            "/entry/1/resource/serviceType/2/extension/0/valueReference/reference",
            Some(json!("HealthcareService/hs-2")),
        );
        assert_eq!(
            of_rule(&text(&v), None, "RO1-CPTS-007"),
            [
                ("Bundle.entry".to_string(), W),
                ("Bundle.entry[8].resource.providedBy.reference".to_string(), W)
            ]
        );
    }
}

mod ro1_cpts_008 {
    use crate::finding::Severity;
    use crate::rules::support::terminology as term;
    use crate::rules::testutil::{CPTS, doc, of_rule, patch};
    use serde_json::{Value as Json, json};

    const WARN: Severity = Severity::Warning;

    fn coding(system: &str, code: &str) -> Json {
        json!({"system": system, "code": code})
    }

    #[test]
    fn cpts_008_no_cpts_service_without_label() {
        let st = doc(CPTS)["entry"][0]["resource"]["serviceType"][1].clone();
        let e2 = "Bundle.entry[2].resource";
        let d = patch(
            CPTS,
            "/entry/2/resource/serviceType",
            Some(json!([{"coding": [coding(term::V3_ACT_CODE, "AMB")]}, st])),
        );
        assert_eq!(of_rule(&d, None, "RO1-CPTS-008"), [(format!("{e2}.serviceType[1]"), WARN)]);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-001"), []);
        let ext = st["extension"].clone();
        let d = patch(
            CPTS,
            "/entry/2/resource/serviceType",
            Some(
                json!([{"coding": [coding(term::V3_ACT_CODE, "AMB")]}, {"text": "CPTS", "extension": ext}]),
            ),
        );
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-008"),
            [(format!("{e2}.serviceType[1].extension[0]"), WARN)]
        );
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-008"), []);
    }
}

mod ro1_cpts_009 {
    use serde_json::json;

    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, of_rule, patch};

    #[test]
    fn cpts_slot_with_the_ps_profile() {
        let src = patch(
            CPTS,
            "/entry/0/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"])),
        );
        assert_eq!(
            of_rule(&src, Some(UseCase::CPTS), "RO1-CPTS-009"),
            [("Bundle.entry[0].resource.meta.profile[0]".into(), Severity::Warning)]
        );
        assert!(of_rule(&src, Some(UseCase::CPTS), "RO1-META-001").is_empty());
        // Not labelled CPTS (entry 2): the PS profile is fine.
        let src = patch(
            CPTS,
            "/entry/2/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"])),
        );
        assert!(of_rule(&src, Some(UseCase::CPTS), "RO1-CPTS-009").is_empty());
    }
}
