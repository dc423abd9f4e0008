//! RO1-BUNDLE-010 `bundle-expected-resource-types`.
//!
//! Only the resource types expected for the use case appear in the Bundle (plus an OperationOutcome in outcome mode).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::EntryInfo;
use crate::rules::{Emitter, Finish, Scope, UseCase, quote};

/// RO1-BUNDLE-010 `bundle-expected-resource-types`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-010",
    name: "bundle-expected-resource-types",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "Bundle profiles (open slicing) + narrative",
    summary_fr: "Seuls les types de ressources attendus pour le cas d'usage apparaissent dans le Bundle (plus un OperationOutcome en mode outcome).",
    summary_en: "Only the resource types expected for the use case appear in the Bundle (plus an OperationOutcome in outcome mode).",
    doc: RuleDoc {
        what_fr: "Signale toute entrée d'un type inattendu : PS = Slot, Schedule, Practitioner, PractitionerRole ; CPTS = les mêmes plus HealthcareService et Organization ; SOS = Slot, Schedule, Location, Organization. Un OperationOutcome de search.mode outcome est admis.",
        why_fr: "Les profils de Bundle ont un découpage ouvert (donc pas d'erreur stricte), mais le texte de l'IG ne prévoit que ces ressources ; en PS le lieu est contenu dans le PractitionerRole, jamais une entrée. Kit officiel ANS : non vérifié.",
        example_fr: "{\"entry\":[{\"resource\":{\"resourceType\":\"Location\",\"id\":\"cabinet\",…},\"search\":{\"mode\":\"include\"}}]}   (PS)",
        fix_fr: "Retirez les ressources non prévues ; en PS, placez le Location dans PractitionerRole.contained.",
        what_en: "Reports every entry of an unexpected type: PS = Slot, Schedule, Practitioner, PractitionerRole; CPTS = the same plus HealthcareService and Organization; SOS = Slot, Schedule, Location, Organization. An OperationOutcome with search.mode outcome is allowed.",
        why_en: "The Bundle profiles use open slicing (so no strict error), but the IG narrative only provides for these resources; for PS the place is contained in the PractitionerRole, never an entry. Official ANS kit: not checked.",
        example_en: "{\"entry\":[{\"resource\":{\"resourceType\":\"Location\",\"id\":\"cabinet\",…},\"search\":{\"mode\":\"include\"}}]}   (PS)",
        fix_en: "Remove the resources not provided for; for PS, put the Location in PractitionerRole.contained.",
    },
};

/// The resource of the entry `e` of the index is of a type the use case's
/// response may hold (an OperationOutcome with mode `outcome` always may).
pub(crate) fn check_index_entry(f: &Finish<'_, '_>, e: &EntryInfo, em: &mut Emitter<'_>) {
    let ix = f.index;
    let uc = f.use_case;
    let rtype = ix.rtype(e);
    if e.span == e.entry_span || expected_type(rtype, uc) {
        return;
    }
    let outcome = rtype == "OperationOutcome" && ix.mode(e) == Some("outcome");
    if !outcome {
        em.missing(
            uc.scope(),
            &RULE,
            e.span,
            "resourceType",
            format!("ressource {} inattendue dans une réponse {}", quote(rtype), uc.as_str()),
            format!("unexpected {} resource in a {} response", quote(rtype), uc.as_str()),
        );
    }
}

/// Resource types a response of the use case may hold as entries.
fn expected_type(rtype: &str, uc: UseCase) -> bool {
    match uc {
        UseCase::PS => matches!(rtype, "Slot" | "Schedule" | "Practitioner" | "PractitionerRole"),
        UseCase::CPTS => matches!(
            rtype,
            "Slot"
                | "Schedule"
                | "Practitioner"
                | "PractitionerRole"
                | "HealthcareService"
                | "Organization"
        ),
        UseCase::SOS => matches!(rtype, "Slot" | "Schedule" | "Location" | "Organization"),
        _ => false,
    }
}
