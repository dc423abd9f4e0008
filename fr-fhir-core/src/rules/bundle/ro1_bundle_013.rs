//! RO1-BUNDLE-013 `bundle-practitioner-with-slots`.
//!
//! As soon as it holds a Slot, the Bundle holds at least one Practitioner and one PractitionerRole.

use super::Counts;
use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::{Emitter, Finish, Scope, UseCase};

/// RO1-BUNDLE-013 `bundle-practitioner-with-slots`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-013",
    name: "bundle-practitioner-with-slots",
    severity: Severity::Warning,
    scope: Scope::PS_CPTS,
    source: "agg-psindiv #15, #19 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Dès qu'il contient un Slot, le Bundle contient au moins un Practitioner et un PractitionerRole.",
    summary_en: "As soon as it holds a Slot, the Bundle holds at least one Practitioner and one PractitionerRole.",
    doc: RuleDoc {
        what_fr: "Si le Bundle contient au moins un Slot, vérifie qu'il contient aussi au moins un Practitioner et au moins un PractitionerRole.",
        why_fr: "Exigences agg-psindiv #15 et #19, vérifiées par le kit (validate_cardinality) ; le profil PS n'impose pas de minimum, d'où l'avertissement. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"entry\":[{\"resource\":{\"resourceType\":\"Slot\",…}},{\"resource\":{\"resourceType\":\"Schedule\",…}}]}",
        fix_fr: "Vérifiez que la requête porte bien _include:iterate=Schedule:actor et que votre serveur inclut le Practitioner et le PractitionerRole acteurs du Schedule.",
        what_en: "If the Bundle holds at least one Slot, checks that it also holds at least one Practitioner and at least one PractitionerRole.",
        why_en: "Requirements agg-psindiv #15 and #19, checked by the kit (validate_cardinality); the PS profile sets no minimum, hence the warning. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"entry\":[{\"resource\":{\"resourceType\":\"Slot\",…}},{\"resource\":{\"resourceType\":\"Schedule\",…}}]}",
        fix_en: "Make sure the request carries _include:iterate=Schedule:actor and that your server includes the Practitioner and PractitionerRole that are the Schedule actors.",
    },
};

/// A PS or CPTS Bundle holding Slots holds a Practitioner and a PractitionerRole.
pub(crate) fn check_bundle(f: &Finish<'_, '_>, counts: &Counts, em: &mut Emitter<'_>) {
    if f.use_case == UseCase::SOS || counts.slot == 0 {
        return;
    }
    for (n, t) in [(counts.practitioner, "Practitioner"), (counts.role, "PractitionerRole")] {
        if n == 0 {
            super::at_entries(
                em,
                f,
                &RULE,
                format!("le Bundle contient des Slot mais aucun {t}"),
                format!("the Bundle holds Slots but no {t}"),
            );
        }
    }
}
