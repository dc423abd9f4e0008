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

    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, PS, SOS, of_rule, patch};

    #[test]
    fn wrong_profile_points_at_the_declared_one() {
        let src = patch(
            PS,
            "/entry/8/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"])),
        );
        assert_eq!(
            of_rule(&src, Some(UseCase::PS), "RO1-META-001"),
            [("Bundle.entry[8].resource.meta.profile[0]".into(), Severity::Error)]
        );
    }

    #[test]
    fn missing_meta_and_missing_profile() {
        let src = patch(PS, "/entry/0/resource/meta/profile", None);
        assert_eq!(
            of_rule(&src, Some(UseCase::PS), "RO1-META-001"),
            [("Bundle.entry[0].resource.meta.profile".into(), Severity::Error)]
        );
        let src = patch(PS, "/entry/11/resource/meta", None);
        assert_eq!(
            of_rule(&src, Some(UseCase::PS), "RO1-META-001"),
            [("Bundle.entry[11].resource.meta.profile".into(), Severity::Error)]
        );
        let src = patch(PS, "/meta/profile", None);
        assert_eq!(
            of_rule(&src, Some(UseCase::PS), "RO1-META-001"),
            [("Bundle.meta.profile".into(), Severity::Error)]
        );
    }

    #[test]
    fn contained_location_is_checked() {
        let src = patch(PS, "/entry/13/resource/contained/0/meta", None);
        assert_eq!(
            of_rule(&src, Some(UseCase::PS), "RO1-META-001"),
            [("Bundle.entry[13].resource.contained[0].meta.profile".into(), Severity::Error)]
        );
    }

    #[test]
    fn profile_of_another_use_case() {
        // A PS Slot profile in a SOS response.
        let src = patch(
            SOS,
            "/entry/2/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"])),
        );
        assert_eq!(
            of_rule(&src, Some(UseCase::SOS), "RO1-META-001"),
            [("Bundle.entry[2].resource.meta.profile[0]".into(), Severity::Error)]
        );
        // Accepted in CPTS, with a version suffix too.
        let src = patch(
            CPTS,
            "/entry/2/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur|1.1.0"])),
        );
        assert!(of_rule(&src, Some(UseCase::CPTS), "RO1-META-001").is_empty());
    }
}
