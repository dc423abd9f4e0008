//! Tests of RO1-META-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, EMPTY, PS, SOS, of_rule};

    #[test]
    fn valid_examples_declare_their_profiles() {
        for (src, uc) in
            [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)]
        {
            assert!(of_rule(src, Some(uc), "RO1-META-001").is_empty(), "{uc:?}");
            assert!(of_rule(src, Some(uc), "RO1-CPTS-009").is_empty(), "{uc:?}");
        }
    }
}

mod ro1_meta_001 {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, E, PS, SOS, at, case, rule_table};

    const AGREGATEUR: &str = "http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur";

    rule_table! { fn wrong_profile_points_at_the_declared_one("RO1-META-001") {
        let p = "/entry/8/resource/meta/profile";
        let row = case(
            PS,
            p,
            Some(json!([AGREGATEUR])),
            at("Bundle.entry[8].resource.meta.profile[0]", E),
        );
    } [row.uc(UseCase::PS)] }

    rule_table! { fn missing_meta_and_missing_profile("RO1-META-001") {
        let rows = [
            ("/entry/0/resource/meta/profile", "Bundle.entry[0].resource.meta.profile"),
            ("/entry/11/resource/meta", "Bundle.entry[11].resource.meta.profile"),
            ("/meta/profile", "Bundle.meta.profile"),
            // A contained Location is checked too.
            (
                "/entry/13/resource/contained/0/meta",
                "Bundle.entry[13].resource.contained[0].meta.profile",
            ),
        ]
        .map(|(p, x)| case(PS, p, None, at(x, E)).uc(UseCase::PS));
    } rows }

    rule_table! { fn profile_of_another_use_case("RO1-META-001") {
        let versioned = format!("{AGREGATEUR}|1.1.0");
    } [
        // A PS Slot profile in a SOS response.
        case(SOS, "/entry/2/resource/meta/profile", Some(json!([AGREGATEUR])), at("Bundle.entry[2].resource.meta.profile[0]", E)).uc(UseCase::SOS),
        // Accepted in CPTS, with a version suffix too.
        case(CPTS, "/entry/2/resource/meta/profile", Some(json!([versioned])), vec![]).uc(UseCase::CPTS),
    ] }
}
