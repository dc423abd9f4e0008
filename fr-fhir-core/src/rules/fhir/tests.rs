//! Tests of RO1-FHIR-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, EMPTY, PS, SOS, of_rule};

    #[test]
    fn valid_examples_are_clean() {
        for (src, uc) in
            [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)]
        {
            assert!(of_rule(src, Some(uc), "RO1-FHIR-007").is_empty());
            assert!(of_rule(src, Some(uc), "RO1-FHIR-008").is_empty());
        }
    }
}

mod ro1_fhir_005 {
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, E, PS, SOS, at, case, rule_table};
    use serde_json::json;

    const RULE: &str = "RO1-FHIR-005";

    rule_table! { fn valid_examples_are_clean(RULE) {} [PS, CPTS, SOS].map(|src| case(src, "", None, vec![])) }

    rule_table! { fn contact_point_system_and_use(RULE) {} [
        case(PS, "/entry/11/resource/telecom/0/system", Some(json!("mobile")), at("Bundle.entry[11].resource.telecom[0].system", E)),
        case(PS, "/entry/13/resource/telecom/0/use", Some(json!("pro")), at("Bundle.entry[13].resource.telecom[0].use", E)),
        case(PS, "/entry/13/resource/telecom/0/use", Some(json!("work")), vec![]),
    ] }

    rule_table! { fn identifier_use_everywhere_but_slots(RULE) {
        let main = Some(json!("main"));
    } [
        case(PS, "/entry/13/resource/organization/identifier/use", main.clone(), at("Bundle.entry[13].resource.organization.identifier.use", E)),
        case(PS, "/entry/13/resource/contained/0/identifier/0/use", main, at("Bundle.entry[13].resource.contained[0].identifier[0].use", E)),
        // RO1-SLOT-016 reports the Slot's own identifiers.
        case(PS, "/entry/0/resource/identifier", Some(json!([{"use": "main", "value": "x"}])), vec![]),
    ] }

    rule_table! { fn address_name_gender_narrative(RULE) {
        let a = "/entry/13/resource/contained/0/address";
        let x = "Bundle.entry[13].resource.contained[0].address";
        let text =
            json!({"status": "done", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"});
    } [
        case(PS, &format!("{a}/use"), Some(json!("pro")), at(&format!("{x}.use"), E)),
        case(PS, &format!("{a}/type"), Some(json!("postale")), at(&format!("{x}.type"), E)),
        case(PS, "/entry/11/resource/name/0/use", Some(json!("exercice")), at("Bundle.entry[11].resource.name[0].use", E)),
        case(PS, "/entry/11/resource/gender", Some(json!("F")), at("Bundle.entry[11].resource.gender", E)),
        case(PS, "/entry/8/resource/text", Some(text), at("Bundle.entry[8].resource.text.status", E)),
        case(PS, "/entry/11/resource/gender", Some(json!("female")), vec![]),
    ] }

    rule_table! { fn location_codes(RULE) {
        let day = "/entry/6/resource/hoursOfOperation/0/daysOfWeek/0";
        let hours = json!([{"daysOfWeek": ["lun"]}]);
    } [
        case(SOS, "/entry/6/resource/status", Some(json!("open")), at("Bundle.entry[6].resource.status", E)),
        case(SOS, "/entry/6/resource/mode", Some(json!("physical")), at("Bundle.entry[6].resource.mode", E)),
        // Days of an entry Location: RO1-SOS-006 in SOS, this rule elsewhere.
        case(SOS, day, Some(json!("Mon")), vec![]).uc(UseCase::SOS),
        case(SOS, day, Some(json!("Mon")), at("Bundle.entry[6].resource.hoursOfOperation[0].daysOfWeek[0]", E)).uc(UseCase::PS),
        case(PS, "/entry/13/resource/contained/0/hoursOfOperation", Some(hours), at("Bundle.entry[13].resource.contained[0].hoursOfOperation[0].daysOfWeek[0]", E)),
    ] }

    rule_table! { fn extension_values(RULE) {
        let ext = json!([{"url": "http://example.org/x", "valueContactPoint": {"system": "tel", "value": "+33465712040"}}]);
    } [
        case(PS, "/entry/13/resource/extension", Some(ext), at("Bundle.entry[13].resource.extension[0].valueContactPoint.system", E))
    ] }
}

mod ro1_fhir_006 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, at, case, of_rule, patch, rule_table};

    rule_table! { fn fhir_006_invariants("RO1-FHIR-006") {
        let src = patch(PS, "/type", Some(json!("collection")));
        let got = of_rule(&src, None, "RO1-FHIR-006");
        assert_eq!(got.len(), 17, "{got:?}");
        assert!(got.contains(&("Bundle.total".into(), E)));
        assert!(got.contains(&("Bundle.entry[15].search".into(), E)));
        let history =
            Some(json!("https://agenda.exemple-editeur.fr/fhir/Slot/crn-90001/_history/2"));
    } [
        case(PS, "/entry/0/request", Some(json!({"method": "GET", "url": "Slot/1"})), at("Bundle.entry[0].request", E)),
        case(PS, "/entry/0/resource", None, at("Bundle.entry[0].resource", E)),
        case(PS, "/entry/0/fullUrl", history.clone(), at("Bundle.entry[0].fullUrl", E)),
        case(PS, "/entry/0/fullUrl", history, vec![]).rule("RO1-BUNDLE-007"),
    ] }
}

mod ro1_fhir_007 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, at, case, doc, rule_table};

    rule_table! { fn fhir_007_contained("RO1-FHIR-007") {
        let loc = doc(PS)["entry"][13]["resource"]["contained"][0].clone();
        let c0 = "/entry/13/resource/contained/0";
        let x = "Bundle.entry[13].resource.contained";
        let bad_id = Some(json!("lieu lyon"));
    } [
        case(PS, "/entry/13/resource/contained", Some(json!([loc.clone(), loc.clone()])), at(&format!("{x}[1].id"), E)),
        // Nested contained (dom-2) in a place: RO1-LOC-004 says it too.
        case(PS, &format!("{c0}/contained"), Some(json!([loc.clone()])), at(&format!("{x}[0].contained[0]"), E)),
        case(PS, &format!("{c0}/contained"), Some(json!([loc])), at(&format!("{x}[0].contained[0]"), E)).rule("RO1-LOC-004"),
        case(PS, &format!("{c0}/id"), None, at(&format!("{x}[0].id"), E)),
        // An invalid id: RO1-FHIR-007 replaces the generic RO1-FHIR-003.
        case(PS, &format!("{c0}/id"), bad_id.clone(), at(&format!("{x}[0].id"), E)),
        case(PS, &format!("{c0}/id"), bad_id, vec![]).rule("RO1-FHIR-003"),
    ] }
}

mod ro1_fhir_008 {
    use serde_json::json;

    use crate::rules::testutil::{CPTS, E, PS, at, case, rule_table};

    rule_table! { fn fhir_008_extensions("RO1-FHIR-008") {
        let p = "/entry/0/resource/serviceType/1/extension/0";
        let x = "Bundle.entry[0].resource.serviceType[1].extension[0]";
        let ext = json!([{"url": "https://exemple.fr/ext", "valueBoolean": true}]);
    } [
        case(CPTS, &format!("{p}/valueReference"), None, at(x, E)),
        case(CPTS, &format!("{p}/extension"), Some(json!([{"url": "x", "valueString": "y"}])), at(x, E)),
        case(PS, "/entry/0/resource/extension", Some(json!([{"valueString": "y"}])), at("Bundle.entry[0].resource.extension[0].url", E)),
        case(PS, "/entry/13/resource/contained/0/modifierExtension", Some(ext.clone()), at("Bundle.entry[13].resource.contained[0].modifierExtension[0]", E)),
        case(PS, "/entry/0/modifierExtension", Some(ext), at("Bundle.entry[0].modifierExtension[0]", E)),
    ] }
}
