//! Tests of RO1-SCHED-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on a table of official examples patched to fail and to pass.

mod ro1_sched_001 {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{E, PS, at, case, rule_table};

    rule_table! { fn sched_001_actors("RO1-SCHED-001") {
        let a = "/entry/8/resource/actor";
        let x = "Bundle.entry[8].resource.actor";
        let actors = json!([{"reference": "Practitioner/prat-4821"}, {"reference": "Practitioner/prat-5307"},
            {"reference": "PractitionerRole/role-4821-lyon3"}]);
    } [
        case(PS, &format!("{a}/0"), None, at(x, E)),
        case(PS, a, Some(actors), at("Bundle.entry[8].resource.actor[1]", E)),
        case(PS, a, None, at(x, E)),
        // Not a SOS rule.
        case(PS, a, None, vec![]).uc(UseCase::SOS),
    ] }
}

mod ro1_sched_002 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, SOS, at, case, rule_table};

    rule_table! { fn sched_002_actor_resolves("RO1-SCHED-002") {
        let r = "/entry/8/resource/actor/1/reference";
        let old = Some(json!("PractitionerRole/ancien"));
    } [
        case(PS, r, old.clone(), at("Bundle.entry[8].resource.actor[1].reference", E)),
        case(PS, r, old.clone(), vec![]).rule("RO1-SCHED-001"),
        case(PS, r, old, vec![]).rule("RO1-REF-001"),
        case(SOS, "/entry/0/resource/actor/0", Some(json!({"display": "lieu"})), at("Bundle.entry[0].resource.actor[0].reference", E)),
    ] }
}

mod ro1_sched_003 {
    use crate::rules::testutil::{E, PS, SOS, W, case, rule_table, under};
    use serde_json::json;

    const SCH: &str = "/entry/8/resource";
    const X: &str = "Bundle.entry[8].resource";
    const V3: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    rule_table! { fn sched_003_no_service_type("RO1-SCHED-003") {
        let st = json!([{"coding": [{"system": V3, "code": "AMB"}]}]);
    } [
        case(PS, &format!("{SCH}/serviceType"), Some(st), under(X, "serviceType[0]", E)),
        case(PS, "", None, vec![]),
        case(SOS, "", None, vec![]),
    ] }

    rule_table! { fn sched_003_one_service_category("RO1-SCHED-003") {
        let sc = format!("{SCH}/serviceCategory");
    } [
        case(PS, &sc, Some(json!([{"text": "a"}, {"text": "b"}])), under(X, "serviceCategory[1]", E)),
        case(PS, &sc, Some(json!([{"text": "a"}])), vec![]),
    ] }

    rule_table! { fn sched_003_specialty_tre_r38("RO1-SCHED-003") {
        let r38 = "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
        let sp = json!([{"coding": [{"system": "https://x.example/spe", "code": "MG"}]}]);
        let s = format!("{SCH}/specialty");
    } [
        case(PS, &s, Some(sp), under(X, "specialty[0].coding[0].system", E)),
        case(PS, &s, Some(json!([{"text": "Pédiatrie"}])), under(X, "specialty[0]", W)),
        case(PS, &s, Some(json!([{"coding": [{"system": r38, "code": "SM54"}]}])), vec![]),
    ] }
}

mod ro1_sched_004 {
    use serde_json::json;

    use crate::rules::testutil::{PS, W, case, rule_table};

    rule_table! { fn sched_004_one_schedule_per_role("RO1-SCHED-004") {
        let r = "/entry/9/resource/actor/1/reference";
        let role = Some(json!("PractitionerRole/role-4821-lyon3"));
        let both = vec![
            ("Bundle.entry[9].resource.actor[1]".to_string(), W),
            ("Bundle.entry[14].resource".to_string(), W),
        ];
    } [
        case(PS, r, role.clone(), both),
        // The unnamed role is not reported again as an orphan.
        case(PS, r, role, vec![]).rule("RO1-REF-004"),
    ] }
}

mod ro1_sched_005 {
    use serde_json::json;

    use crate::rules::testutil::{E, SOS, at, case, doc, rule_table, text};

    rule_table! { fn sched_005_sos_actor("RO1-SCHED-005") {
        let mut v = doc(SOS);
        v["entry"][0]["resource"]["actor"]
            .as_array_mut()
            .unwrap()
            .push(json!({"reference": "Location/lieu-sos-montauban"}));
        let a = "/entry/0/resource/actor";
    } [
        case(&text(&v), "", None, at("Bundle.entry[0].resource.actor[1]", E)),
        case(SOS, &format!("{a}/0/reference"), Some(json!("Organization/org-sos-broceliande")), at("Bundle.entry[0].resource.actor[0].reference", E)),
        case(SOS, a, None, at("Bundle.entry[0].resource.actor", E)),
    ] }
}

mod ro1_sched_006 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, at, case, rule_table};

    rule_table! { fn sched_006_role_of_another_practitioner("RO1-SCHED-006") {} [
        case(PS, "/entry/8/resource/actor/1/reference", Some(json!("PractitionerRole/role-5307-lyon7")), at("Bundle.entry[8].resource.actor[1]", E)),
        // Broken role link: not reported again.
        case(PS, "/entry/15/resource/practitioner/reference", Some(json!("Practitioner/inconnu")), vec![]),
    ] }
}
