//! RO1-SLOT-012 `slot-specialty-tre-r38`.
//!
//! Each coded Slot.specialty has a TRE_R38-SpecialiteOrdinale coding; a text-only specialty is a warning.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Slot;
use crate::rules::support::specialties::check_specialties;
use crate::rules::{Emitter, Scope};

/// RO1-SLOT-012 `slot-specialty-tre-r38`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-012",
    name: "slot-specialty-tre-r38",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FrSlot (FR Core) required binding; IG nomenclature 'Spécialités'; FAQ PS #3 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Chaque Slot.specialty codée a un codage TRE_R38-SpecialiteOrdinale ; une spécialité en texte seul est un avertissement.",
    summary_en: "Each coded Slot.specialty has a TRE_R38-SpecialiteOrdinale coding; a text-only specialty is a warning.",
    doc: RuleDoc {
        what_fr: "Pour chaque Slot.specialty qui porte des codages, vérifie qu'au moins un vient de TRE_R38-SpecialiteOrdinale (erreur si tous viennent d'autres systèmes) ; une spécialité sans codage, en texte seul, est acceptée par le SAS mais échoue à la validation stricte du profil (avertissement).",
        why_fr: "Liaison obligatoire fr-practitioner-specialty de FrSlot (FR Core), nomenclature « Spécialités » et FAQ PS n° 3 ; le kit masque ce message du validateur ; lecture AMB-08. Kit officiel ANS : non vérifié.",
        example_fr: "{\"specialty\":[{\"coding\":[{\"system\":\"https://editeur.example/specialites\",\"code\":\"MG\"}]}]}",
        fix_fr: "Codez la spécialité avec TRE_R38, par exemple {\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale\",\"code\":\"SM54\"} (médecine générale).",
        what_en: "For every Slot.specialty that carries codings, checks that at least one comes from TRE_R38-SpecialiteOrdinale (error when all come from other systems); a specialty with no coding, text only, is accepted by the SAS but fails strict profile validation (warning).",
        why_en: "Required binding fr-practitioner-specialty of FrSlot (FR Core), IG nomenclature 'Spécialités' and PS FAQ #3; the kit silences that validator message; reading AMB-08. Official ANS kit: not checked.",
        example_en: "{\"specialty\":[{\"coding\":[{\"system\":\"https://editeur.example/specialites\",\"code\":\"MG\"}]}]}",
        fix_en: "Code the specialty with TRE_R38, for example {\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale\",\"code\":\"SM54\"} (general medicine).",
    },
};

/// Slot.specialty coded in TRE_R38-SpecialiteOrdinale.
pub(crate) fn check(s: &Slot<'_>, em: &mut Emitter<'_>) {
    check_specialties(&s.specialty, &RULE, "Slot", em);
}
