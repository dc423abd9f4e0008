//! Canonical URLs of the SAS profiles (SPEC §2.0) and which one each
//! resource should declare in `meta.profile`.

use super::UseCase;

/// `http://sas.fr/fhir/StructureDefinition/` (PS profiles, legacy prefix).
const SAS_LEGACY: &str = "http://sas.fr/fhir/StructureDefinition/";
/// `https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/` (CPTS, SOS).
const SAS_IG: &str = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/";

/// PS Bundle.
pub const BUNDLE_PS: &str = "http://sas.fr/fhir/StructureDefinition/BundleAgregateur";
/// PS Slot.
pub const SLOT_PS: &str = "http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur";
/// PS/CPTS Schedule.
pub const SCHEDULE_PS: &str = "http://sas.fr/fhir/StructureDefinition/FrScheduleAgregateur";
/// PS/CPTS Practitioner.
pub const PRACTITIONER_PS: &str = "http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur";
/// PS/CPTS PractitionerRole.
pub const ROLE_PS: &str =
    "http://sas.fr/fhir/StructureDefinition/FrPractitionerRoleExerciceAgregateur";
/// PS/CPTS contained Location.
pub const LOCATION_PS: &str = "http://sas.fr/fhir/StructureDefinition/FrLocationAgregateur";
/// CPTS Bundle.
pub const BUNDLE_CPTS: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-bundle-aggregator";
/// CPTS Slot.
pub const SLOT_CPTS: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator";
/// CPTS HealthcareService.
pub const HEALTHCARE_SERVICE_CPTS: &str = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-healthcareservice-aggregator";
/// CPTS Organization.
pub const ORGANIZATION_CPTS: &str = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-organization-aggregator";
/// SOS Bundle.
pub const BUNDLE_SOS: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-sos-bundle-aggregator";
/// SOS Slot.
pub const SLOT_SOS: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-sos-slot-aggregator";
/// SOS Schedule.
pub const SCHEDULE_SOS: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-sos-schedule-aggregator";
/// SOS Location.
pub const LOCATION_SOS: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-sos-location-aggregator";
/// SOS Organization.
pub const ORGANIZATION_SOS: &str = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-sos-organization-aggregator";

/// The use case a profile canonical belongs to, when it says one
/// (PS/CPTS-shared profiles say nothing). A `|version` suffix is ignored.
///
/// ```
/// use fr_fhir_core::rules::{profiles, UseCase};
/// assert_eq!(profiles::use_case_of_profile(profiles::SLOT_CPTS), Some(UseCase::CPTS));
/// assert_eq!(profiles::use_case_of_profile(profiles::SCHEDULE_PS), None);
/// ```
pub fn use_case_of_profile(url: &str) -> Option<UseCase> {
    // Without its `|version`.
    let url = memchr::memchr(b'|', url.as_bytes()).and_then(|i| url.get(..i)).unwrap_or(url);
    match url {
        BUNDLE_PS | SLOT_PS => Some(UseCase::PS),
        BUNDLE_CPTS | SLOT_CPTS | HEALTHCARE_SERVICE_CPTS | ORGANIZATION_CPTS => {
            Some(UseCase::CPTS)
        }
        BUNDLE_SOS | SLOT_SOS | SCHEDULE_SOS | LOCATION_SOS | ORGANIZATION_SOS => {
            Some(UseCase::SOS)
        }
        _ => None,
    }
}

/// The profiles accepted in `meta.profile` for a resource type in a use case
/// (`contained`: a Location contained in a PractitionerRole). Empty when the
/// type is not expected at all.
///
/// A CPTS response carries CPTS-labelled slots (sas-cpts-slot-aggregator) and
/// plain PS slots (FrSlotAgregateur): both are accepted there.
pub fn expected_profiles(rtype: &str, uc: UseCase, contained: bool) -> &'static [&'static str] {
    match (rtype, uc) {
        ("Bundle", UseCase::PS) => &[BUNDLE_PS],
        ("Bundle", UseCase::CPTS) => &[BUNDLE_CPTS],
        ("Bundle", UseCase::SOS) => &[BUNDLE_SOS],
        ("Slot", UseCase::PS) => &[SLOT_PS],
        ("Slot", UseCase::CPTS) => &[SLOT_CPTS, SLOT_PS],
        ("Slot", UseCase::SOS) => &[SLOT_SOS],
        ("Schedule", UseCase::PS | UseCase::CPTS) => &[SCHEDULE_PS],
        ("Schedule", UseCase::SOS) => &[SCHEDULE_SOS],
        ("Practitioner", UseCase::PS | UseCase::CPTS) => &[PRACTITIONER_PS],
        ("PractitionerRole", UseCase::PS | UseCase::CPTS) => &[ROLE_PS],
        ("Location", UseCase::PS | UseCase::CPTS) if contained => &[LOCATION_PS],
        ("Location", UseCase::SOS) => &[LOCATION_SOS],
        ("HealthcareService", UseCase::CPTS) => &[HEALTHCARE_SERVICE_CPTS],
        ("Organization", UseCase::CPTS) => &[ORGANIZATION_CPTS],
        ("Organization", UseCase::SOS) => &[ORGANIZATION_SOS],
        _ => &[],
    }
}

/// True for a canonical under one of the two SAS prefixes.
pub fn is_sas_profile(url: &str) -> bool {
    url.starts_with(SAS_LEGACY) || url.starts_with(SAS_IG)
}
