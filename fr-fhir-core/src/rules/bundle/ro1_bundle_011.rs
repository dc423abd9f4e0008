//! RO1-BUNDLE-011 `bundle-slice-minimums`.
//!
//! A non-empty CPTS Bundle holds at least one Slot, Schedule, Practitioner and PractitionerRole; a non-empty SOS Bundle at least one Slot, Schedule, Location and Organization.

use super::Counts;
use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::{Emitter, Finish, Scope, UseCase};

/// RO1-BUNDLE-011 `bundle-slice-minimums`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-011",
    name: "bundle-slice-minimums",
    severity: Severity::Error,
    scope: Scope::CPTS_SOS,
    source: "sas-cpts/sos-bundle-aggregator slice minimums (entry 4..*) — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-bundle-aggregator.html",
    summary_fr: "Un Bundle CPTS non vide contient au moins un Slot, un Schedule, un Practitioner et un PractitionerRole ; un Bundle SOS non vide, au moins un Slot, un Schedule, un Location et une Organization.",
    summary_en: "A non-empty CPTS Bundle holds at least one Slot, Schedule, Practitioner and PractitionerRole; a non-empty SOS Bundle at least one Slot, Schedule, Location and Organization.",
    doc: RuleDoc {
        what_fr: "Quand le Bundle n'est pas vide, vérifie les minimums des tranches : CPTS = au moins 1 Slot, 1 Schedule, 1 Practitioner, 1 PractitionerRole ; SOS = au moins 1 Slot, 1 Schedule, 1 Location, 1 Organization ; soit au moins 4 entrées.",
        why_fr: "Minimums des tranches de sas-cpts-bundle-aggregator et sas-sos-bundle-aggregator (entry 4..*) ; le profil les impose aussi à un Bundle vide, ce que contredisent la FAQ et l'exigence #8 : lecture AMB-03, ils ne s'appliquent que si total > 0. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1,\"entry\":[{\"resource\":{\"resourceType\":\"Slot\",…}},{\"resource\":{\"resourceType\":\"Schedule\",…}}]}   (CPTS)",
        fix_fr: "Incluez toutes les ressources référencées (Schedule, Practitioner, PractitionerRole en CPTS ; Schedule, Location, Organization en SOS).",
        what_en: "When the Bundle is not empty, checks the slice minimums: CPTS = at least 1 Slot, 1 Schedule, 1 Practitioner, 1 PractitionerRole; SOS = at least 1 Slot, 1 Schedule, 1 Location, 1 Organization; that is at least 4 entries.",
        why_en: "Slice minimums of sas-cpts-bundle-aggregator and sas-sos-bundle-aggregator (entry 4..*); the profile also imposes them on an empty Bundle, which the FAQ and requirement #8 contradict: reading AMB-03, they apply only when total > 0. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1,\"entry\":[{\"resource\":{\"resourceType\":\"Slot\",…}},{\"resource\":{\"resourceType\":\"Schedule\",…}}]}   (CPTS)",
        fix_en: "Include every referenced resource (Schedule, Practitioner, PractitionerRole for CPTS; Schedule, Location, Organization for SOS).",
    },
};

/// A non-empty CPTS or SOS response holds every mandatory slice of its
/// Bundle profile (AMB-03: an empty result needs none).
pub(crate) fn check_bundle(f: &Finish<'_, '_>, counts: &Counts, em: &mut Emitter<'_>) {
    let b = f.bundle;
    let uc = f.use_case;
    let total = b.total.as_ref().and_then(|t| t.as_str().parse::<u64>().ok()).unwrap_or(0);
    if uc == UseCase::PS || (b.entry_count == 0 && total == 0) {
        return;
    }
    let needed: &[&str] = if uc == UseCase::SOS {
        &["Slot", "Schedule", "Location", "Organization"]
    } else {
        &["Slot", "Schedule", "Practitioner", "PractitionerRole"]
    };
    for t in needed.iter().filter(|t| counts.get(t) == 0) {
        super::at_entries(
            em,
            f,
            &RULE,
            format!(
                "réponse {} non vide sans aucune entrée {t} (tranche obligatoire du profil de Bundle)",
                uc.as_str()
            ),
            format!(
                "non-empty {} response without any {t} entry (mandatory slice of the Bundle profile)",
                uc.as_str()
            ),
        );
    }
}
