//! Tests of RO1-SOS-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::sos::RULES;
    use crate::rules::testutil::{SOS, of_rule, patch, run};
    use serde_json::json;

    const L: &str = "/entry/6/resource";
    const EL: &str = "Bundle.entry[6].resource";

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn valid_example_is_clean() {
        let mine: Vec<_> = run(SOS, None)
            .into_iter()
            .filter(|f| RULES.iter().any(|r| r.id == f.0) || f.0.starts_with("RO1-LOC-"))
            .collect();
        assert_eq!(mine, []);
    }

    #[test]
    fn sos_address_uses_the_loc_rules() {
        let doc = patch(SOS, &format!("{L}/address/postalCode"), Some(json!("5680")));
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-003"),
            at(EL, "address.postalCode", Severity::Error)
        );
        let doc = patch(SOS, &format!("{L}/address/line"), None);
        assert_eq!(of_rule(&doc, None, "RO1-LOC-002"), at(EL, "address.line", Severity::Error));
        assert_eq!(of_rule(&doc, Some(UseCase::PS), "RO1-LOC-002"), []);
    }
}

mod ro1_sos_001 {
    use serde_json::json;

    use crate::rules::testutil::{E, SOS, at, of_rule, patch};

    #[test]
    fn sos_001_managing_organization() {
        let src = patch(
            SOS,
            "/entry/6/resource/managingOrganization/reference",
            Some(json!("Organization/inconnue")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SOS-001"),
            at("Bundle.entry[6].resource.managingOrganization.reference", E)
        );
        let src = patch(SOS, "/entry/6/resource/managingOrganization", None);
        assert_eq!(
            of_rule(&src, None, "RO1-SOS-001"),
            at("Bundle.entry[6].resource.managingOrganization", E)
        );
    }
}

mod ro1_sos_002 {
    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{SOS, of_rule, patch};

    const L: &str = "/entry/6/resource";
    const EL: &str = "Bundle.entry[6].resource";

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn sos_002_name() {
        let doc = patch(SOS, &format!("{L}/name"), None);
        assert_eq!(of_rule(&doc, None, "RO1-SOS-002"), at(EL, "name", Severity::Error));
        // Only in SOS.
        assert_eq!(of_rule(&doc, Some(UseCase::PS), "RO1-SOS-002"), []);
    }
}

mod ro1_sos_003 {
    use crate::finding::Severity;
    use crate::ids::{OID_IDNST, SYSTEM_FR_LOCATION_ID_TYPE};
    use crate::rules::testutil::{SOS, of_rule, patch};
    use serde_json::json;

    const L: &str = "/entry/6/resource";
    const EL: &str = "Bundle.entry[6].resource";

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn sos_003_place_identifier() {
        let doc = patch(SOS, &format!("{L}/identifier"), None);
        assert_eq!(of_rule(&doc, None, "RO1-SOS-003"), at(EL, "identifier", Severity::Error));
        let doc = patch(SOS, &format!("{L}/identifier/0/value"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-003"),
            at(EL, "identifier[0].value", Severity::Error)
        );
        let doc = patch(SOS, &format!("{L}/identifier/0/type/coding/0/code"), Some(json!("EXTRN")));
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-003"),
            at(EL, "identifier[0].type.coding[0].code", Severity::Error)
        );
        // IDNST with the structure OID and a prefixed SIRET: accepted, warning.
        let idnst = json!({
            "type": {"coding": [{"system": SYSTEM_FR_LOCATION_ID_TYPE, "code": "IDNST"}]},
            "system": OID_IDNST,
            "value": "334173748400020"
        });
        let doc = patch(SOS, &format!("{L}/identifier/0"), Some(idnst.clone()));
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-003"),
            at(EL, "identifier[0].type.coding[0].code", Severity::Warning)
        );
        let doc = patch(
            &doc,
            &format!("{L}/identifier/0/system"),
            Some(json!("https://agenda.exemple-editeur.fr/lieux")),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-003"),
            at(EL, "identifier[0].system", Severity::Error)
        );
        let doc = patch(SOS, &format!("{L}/identifier/0"), Some(idnst));
        let doc = patch(&doc, &format!("{L}/identifier/0/value"), Some(json!("PFG-56-01")));
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-003"),
            at(EL, "identifier[0].value", Severity::Error)
        );
    }
}

mod ro1_sos_004 {
    use crate::finding::Severity;
    use crate::ids::{OID_IDNST, SYSTEM_FR_V2_0203};
    use crate::rules::UseCase;
    use crate::rules::testutil::{SOS, of_rule, patch};
    use serde_json::json;

    const O: &str = "/entry/8/resource";
    const EO: &str = "Bundle.entry[8].resource";

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn sos_004_association_identifier() {
        let doc = patch(SOS, &format!("{O}/identifier"), None);
        assert_eq!(of_rule(&doc, None, "RO1-SOS-004"), at(EO, "identifier", Severity::Error));
        let doc = patch(SOS, &format!("{O}/identifier/0/value"), Some(json!("1950047225")));
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-004"),
            at(EO, "identifier[0].value", Severity::Error)
        );
        let doc = patch(
            SOS,
            &format!("{O}/identifier/0/system"),
            Some(json!("urn:oid:1.2.250.1.71.4.2.1")),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-004"),
            at(EO, "identifier[0].system", Severity::Error)
        );
        let doc = patch(
            SOS,
            &format!("{O}/identifier/0/type/coding/0/system"),
            Some(json!(SYSTEM_FR_V2_0203)),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-004"),
            at(EO, "identifier[0].type.coding[0].system", Severity::Warning)
        );
        let doc = patch(
            SOS,
            &format!("{O}/identifier/0/type/coding/0/system"),
            Some(json!("http://terminology.hl7.org/CodeSystem/v2-0203")),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-004"),
            at(EO, "identifier[0].type.coding[0].system", Severity::Error)
        );
        let doc = patch(SOS, &format!("{O}/identifier/0/type"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-004"),
            at(EO, "identifier[0].type", Severity::Error)
        );
        let mut ids =
            crate::rules::testutil::doc(SOS)["entry"][8]["resource"]["identifier"].clone();
        ids.as_array_mut().unwrap().push(json!({"system": OID_IDNST, "value": "334173748400020"}));
        let doc = patch(SOS, &format!("{O}/identifier"), Some(ids));
        assert_eq!(of_rule(&doc, None, "RO1-SOS-004"), at(EO, "identifier[1]", Severity::Error));
        // A CPTS Organization is not judged by the SOS rule.
        let doc = patch(SOS, &format!("{O}/identifier/0/value"), Some(json!("1950047225")));
        assert_eq!(of_rule(&doc, Some(UseCase::CPTS), "RO1-SOS-004"), []);
    }
}

mod ro1_sos_006 {
    use crate::finding::Severity;
    use crate::rules::testutil::{SOS, of_rule, patch};
    use serde_json::json;

    const L: &str = "/entry/6/resource";
    const EL: &str = "Bundle.entry[6].resource";

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn sos_006_hours() {
        let h = format!("{L}/hoursOfOperation/0");
        let doc = patch(SOS, &format!("{h}/daysOfWeek/0"), Some(json!("lundi")));
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-006"),
            at(EL, "hoursOfOperation[0].daysOfWeek[0]", Severity::Error)
        );
        // The binding finding of another use case is not repeated in SOS.
        assert_eq!(of_rule(&doc, None, "RO1-FHIR-005"), []);
        for bad in ["8h00", "19:00", "19:00:00.000"] {
            let doc = patch(SOS, &format!("{h}/openingTime"), Some(json!(bad)));
            assert_eq!(
                of_rule(&doc, None, "RO1-SOS-006"),
                at(EL, "hoursOfOperation[0].openingTime", Severity::Error),
                "{bad}"
            );
        }
    }
}
