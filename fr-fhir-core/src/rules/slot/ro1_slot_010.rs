//! RO1-SLOT-010 `slot-consultation-type-present`.
//!
//! At least one serviceType carries a consultation type coding (AMB, HH or VR).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-SLOT-010 `slot-consultation-type-present`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-010",
    name: "slot-consultation-type-present",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "agg-psindiv #24, #48; FAQ PS #5 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Au moins un serviceType porte un type de consultation (AMB, HH ou VR).",
    summary_en: "At least one serviceType carries a consultation type coding (AMB, HH or VR).",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque Slot a au moins un serviceType dont un codage v3-ActCode vaut AMB, HH ou VR.",
        why_fr: "Exigences agg-psindiv #24 et #48, FAQ PS n° 5 ; le kit compare les types renvoyés à ceux déclarés par l'éditeur ; les profils ne l'imposent pas, d'où l'avertissement. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r#"{"resourceType":"Slot","serviceType":[{"text":"Consultation"}],…}"#,
        fix_fr: r#"Ajoutez un serviceType {"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}]} (ou HH, VR)."#,
        what_en: "Checks that every Slot has at least one serviceType with a v3-ActCode coding equal to AMB, HH or VR.",
        why_en: "Requirements agg-psindiv #24 and #48, PS FAQ #5; the kit compares the returned types with those the vendor declares; the profiles do not require it, hence the warning. Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"resourceType":"Slot","serviceType":[{"text":"Consultation"}],…}"#,
        fix_en: r#"Add a serviceType {"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}]} (or HH, VR)."#,
    },
};
