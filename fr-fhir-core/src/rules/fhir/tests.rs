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
    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, PS, SOS, of_rule, patch};
    use serde_json::json;

    const RULE: &str = "RO1-FHIR-005";

    fn one(path: &str) -> Vec<(String, Severity)> {
        vec![(path.to_string(), Severity::Error)]
    }

    #[test]
    fn valid_examples_are_clean() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(of_rule(src, None, RULE), []);
        }
    }

    #[test]
    fn contact_point_system_and_use() {
        let doc = patch(PS, "/entry/11/resource/telecom/0/system", Some(json!("mobile")));
        assert_eq!(of_rule(&doc, None, RULE), one("Bundle.entry[11].resource.telecom[0].system"));
        let doc = patch(PS, "/entry/13/resource/telecom/0/use", Some(json!("pro")));
        assert_eq!(of_rule(&doc, None, RULE), one("Bundle.entry[13].resource.telecom[0].use"));
        let doc = patch(PS, "/entry/13/resource/telecom/0/use", Some(json!("work")));
        assert_eq!(of_rule(&doc, None, RULE), []);
    }

    #[test]
    fn identifier_use_everywhere_but_slots() {
        let doc = patch(PS, "/entry/13/resource/organization/identifier/use", Some(json!("main")));
        assert_eq!(
            of_rule(&doc, None, RULE),
            one("Bundle.entry[13].resource.organization.identifier.use")
        );
        let doc = patch(PS, "/entry/13/resource/contained/0/identifier/0/use", Some(json!("main")));
        assert_eq!(
            of_rule(&doc, None, RULE),
            one("Bundle.entry[13].resource.contained[0].identifier[0].use")
        );
        // RO1-SLOT-016 reports the Slot's own identifiers.
        let doc =
            patch(PS, "/entry/0/resource/identifier", Some(json!([{"use": "main", "value": "x"}])));
        assert_eq!(of_rule(&doc, None, RULE), []);
    }

    #[test]
    fn address_name_gender_narrative() {
        let doc = patch(PS, "/entry/13/resource/contained/0/address/use", Some(json!("pro")));
        assert_eq!(
            of_rule(&doc, None, RULE),
            one("Bundle.entry[13].resource.contained[0].address.use")
        );
        let doc = patch(PS, "/entry/13/resource/contained/0/address/type", Some(json!("postale")));
        assert_eq!(
            of_rule(&doc, None, RULE),
            one("Bundle.entry[13].resource.contained[0].address.type")
        );
        let doc = patch(PS, "/entry/11/resource/name/0/use", Some(json!("exercice")));
        assert_eq!(of_rule(&doc, None, RULE), one("Bundle.entry[11].resource.name[0].use"));
        let doc = patch(PS, "/entry/11/resource/gender", Some(json!("F")));
        assert_eq!(of_rule(&doc, None, RULE), one("Bundle.entry[11].resource.gender"));
        let text =
            json!({"status": "done", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"});
        let doc = patch(PS, "/entry/8/resource/text", Some(text));
        assert_eq!(of_rule(&doc, None, RULE), one("Bundle.entry[8].resource.text.status"));
        let doc = patch(PS, "/entry/11/resource/gender", Some(json!("female")));
        assert_eq!(of_rule(&doc, None, RULE), []);
    }

    #[test]
    fn location_codes() {
        let doc = patch(SOS, "/entry/6/resource/status", Some(json!("open")));
        assert_eq!(of_rule(&doc, None, RULE), one("Bundle.entry[6].resource.status"));
        let doc = patch(SOS, "/entry/6/resource/mode", Some(json!("physical")));
        assert_eq!(of_rule(&doc, None, RULE), one("Bundle.entry[6].resource.mode"));
        // Days of an entry Location: RO1-SOS-006 in SOS, this rule elsewhere.
        let doc =
            patch(SOS, "/entry/6/resource/hoursOfOperation/0/daysOfWeek/0", Some(json!("Mon")));
        assert_eq!(of_rule(&doc, Some(UseCase::SOS), RULE), []);
        assert_eq!(
            of_rule(&doc, Some(UseCase::PS), RULE),
            one("Bundle.entry[6].resource.hoursOfOperation[0].daysOfWeek[0]")
        );
        let hours = json!([{"daysOfWeek": ["lun"]}]);
        let doc = patch(PS, "/entry/13/resource/contained/0/hoursOfOperation", Some(hours));
        assert_eq!(
            of_rule(&doc, None, RULE),
            one("Bundle.entry[13].resource.contained[0].hoursOfOperation[0].daysOfWeek[0]")
        );
    }

    #[test]
    fn extension_values() {
        let ext = json!([{"url": "http://example.org/x", "valueContactPoint": {"system": "tel", "value": "+33465712040"}}]);
        let doc = patch(PS, "/entry/13/resource/extension", Some(ext));
        assert_eq!(
            of_rule(&doc, None, RULE),
            one("Bundle.entry[13].resource.extension[0].valueContactPoint.system")
        );
    }
}

mod ro1_fhir_006 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, at, of_rule, patch};

    #[test]
    fn fhir_006_invariants() {
        let src = patch(PS, "/type", Some(json!("collection")));
        let got = of_rule(&src, None, "RO1-FHIR-006");
        assert_eq!(got.len(), 17, "{got:?}");
        assert!(got.contains(&("Bundle.total".into(), E)));
        assert!(got.contains(&("Bundle.entry[15].search".into(), E)));
        let src = patch(PS, "/entry/0/request", Some(json!({"method": "GET", "url": "Slot/1"})));
        assert_eq!(of_rule(&src, None, "RO1-FHIR-006"), at("Bundle.entry[0].request", E));
        let src = patch(PS, "/entry/0/resource", None);
        assert_eq!(of_rule(&src, None, "RO1-FHIR-006"), at("Bundle.entry[0].resource", E));
        let url = "https://agenda.exemple-editeur.fr/fhir/Slot/crn-90001/_history/2";
        let src = patch(PS, "/entry/0/fullUrl", Some(json!(url)));
        assert_eq!(of_rule(&src, None, "RO1-FHIR-006"), at("Bundle.entry[0].fullUrl", E));
        assert!(of_rule(&src, None, "RO1-BUNDLE-007").is_empty());
    }
}

mod ro1_fhir_007 {
    use serde_json::json;

    use crate::finding::Severity;
    use crate::rules::testutil::{PS, doc, of_rule, patch};

    const E: Severity = Severity::Error;

    fn at(path: &str) -> Vec<(String, Severity)> {
        vec![(path.to_string(), E)]
    }

    #[test]
    fn fhir_007_contained() {
        let loc = doc(PS)["entry"][13]["resource"]["contained"][0].clone();
        let src =
            patch(PS, "/entry/13/resource/contained", Some(json!([loc.clone(), loc.clone()])));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-007"),
            at("Bundle.entry[13].resource.contained[1].id")
        );
        let src = patch(PS, "/entry/13/resource/contained/0/contained", Some(json!([loc])));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-007"),
            at("Bundle.entry[13].resource.contained[0].contained[0]")
        );
        let src = patch(PS, "/entry/13/resource/contained/0/id", None);
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-007"),
            at("Bundle.entry[13].resource.contained[0].id")
        );
        // An invalid id: RO1-FHIR-007 replaces the generic RO1-FHIR-003.
        let src = patch(PS, "/entry/13/resource/contained/0/id", Some(json!("lieu lyon")));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-007"),
            at("Bundle.entry[13].resource.contained[0].id")
        );
        assert!(of_rule(&src, None, "RO1-FHIR-003").is_empty());
    }
}

mod ro1_fhir_008 {
    use serde_json::json;

    use crate::finding::Severity;
    use crate::rules::testutil::{CPTS, PS, of_rule, patch};

    const E: Severity = Severity::Error;

    fn at(path: &str) -> Vec<(String, Severity)> {
        vec![(path.to_string(), E)]
    }

    #[test]
    fn fhir_008_extensions() {
        let p = "/entry/0/resource/serviceType/1/extension/0";
        let src = patch(CPTS, &format!("{p}/valueReference"), None);
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-008"),
            at("Bundle.entry[0].resource.serviceType[1].extension[0]")
        );
        let src =
            patch(CPTS, &format!("{p}/extension"), Some(json!([{"url": "x", "valueString": "y"}])));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-008"),
            at("Bundle.entry[0].resource.serviceType[1].extension[0]")
        );
        let src = patch(PS, "/entry/0/resource/extension", Some(json!([{"valueString": "y"}])));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-008"),
            at("Bundle.entry[0].resource.extension[0].url")
        );
        let ext = json!([{"url": "https://exemple.fr/ext", "valueBoolean": true}]);
        let src = patch(PS, "/entry/13/resource/contained/0/modifierExtension", Some(ext.clone()));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-008"),
            at("Bundle.entry[13].resource.contained[0].modifierExtension[0]")
        );
        let src = patch(PS, "/entry/0/modifierExtension", Some(ext));
        assert_eq!(of_rule(&src, None, "RO1-FHIR-008"), at("Bundle.entry[0].modifierExtension[0]"));
    }
}
