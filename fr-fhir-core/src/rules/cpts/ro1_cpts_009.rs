//! RO1-CPTS-009 `cpts-slot-profile`.
//!
//! A CPTS Slot declares the sas-cpts-slot-aggregator profile in meta.profile.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

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
        example_fr: r#"{"resourceType":"Slot","meta":{"profile":["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"],"security":[{…,"code":"CPTS"}]}}"#,
        fix_fr: r#"Déclarez "profile":["https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator"] sur les Slot CPTS."#,
        what_en: "For Slots labelled CPTS, checks that meta.profile contains https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator.",
        why_en: "'Validateur ressources' section of the CPTS page; in CPTS mode the kit finds Slots only through that URL (SLOT_PROFILE_URL). Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"resourceType":"Slot","meta":{"profile":["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"],"security":[{…,"code":"CPTS"}]}}"#,
        fix_en: r#"Declare "profile":["https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator"] on CPTS Slots."#,
    },
};
