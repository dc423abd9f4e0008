//! RO1-CPTS-009 `cpts-slot-profile`.
//!
//! A CPTS Slot declares the sas-cpts-slot-aggregator profile in meta.profile.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Slot;
use crate::rules::profiles::{SLOT_CPTS, SLOT_PS};
use crate::rules::support::coding::{declares_profile, report_profile};
use crate::rules::{Emitter, Scope, quote};

/// RO1-CPTS-009 `cpts-slot-profile`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-009",
    name: "cpts-slot-profile",
    severity: Severity::Warning,
    scope: Scope::CPTS,
    source: "IG CPTS 'Validateur ressources'; kit SLOT_PROFILE_URL — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html",
    summary_fr: "Un Slot CPTS déclare le profil sas-cpts-slot-aggregator dans meta.profile.",
    summary_en: "A CPTS Slot declares the sas-cpts-slot-aggregator profile in meta.profile.",
    doc: RuleDoc {
        what_fr: "Pour les Slot étiquetés CPTS, vérifie que meta.profile contient https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator.",
        why_fr: "Section « Validateur ressources » de la page CPTS ; en mode CPTS le kit ne trouve les Slot que par cette URL (SLOT_PROFILE_URL). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Slot\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur\"],\"security\":[{…,\"code\":\"CPTS\"}]}}",
        fix_fr: "Déclarez \"profile\":[\"https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator\"] sur les Slot CPTS.",
        what_en: "For Slots labelled CPTS, checks that meta.profile contains https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator.",
        why_en: "'Validateur ressources' section of the CPTS page; in CPTS mode the kit finds Slots only through that URL (SLOT_PROFILE_URL). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Slot\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur\"],\"security\":[{…,\"code\":\"CPTS\"}]}}",
        fix_en: "Declare \"profile\":[\"https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator\"] on CPTS Slots.",
    },
};

/// A Slot labelled CPTS declares the CPTS Slot profile (the kit finds CPTS
/// Slots only through it). A Slot without any accepted profile is already
/// reported by RO1-META-001.
pub(crate) fn check_slot(s: &Slot<'_>, em: &mut Emitter<'_>) {
    let meta = s.meta.as_ref();
    let Some(m) = meta else { return };
    let cpts = m.security.iter().any(|c| c.code.as_ref().is_some_and(|k| k.as_str() == "CPTS"));
    if cpts && !declares_profile(meta, &[SLOT_CPTS]) && declares_profile(meta, &[SLOT_PS]) {
        report_profile(
            em,
            Scope::CPTS,
            &RULE,
            s.span,
            meta,
            format!("Slot étiqueté CPTS sans le profil {} dans meta.profile", quote(SLOT_CPTS)),
            format!("Slot labelled CPTS without the profile {} in meta.profile", quote(SLOT_CPTS)),
        );
    }
}
