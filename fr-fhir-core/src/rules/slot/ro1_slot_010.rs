//! RO1-SLOT-010 `slot-consultation-type-present`.
//!
//! At least one serviceType carries a consultation type coding (AMB, HH or VR).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Slot;
use crate::rules::support::coding::is_act_code;
use crate::rules::support::terminology as term;
use crate::rules::{Emitter, Scope};

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
        example_fr: "{\"resourceType\":\"Slot\",\"serviceType\":[{\"text\":\"Consultation\"}],…}",
        fix_fr: "Ajoutez un serviceType {\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"}]} (ou HH, VR).",
        what_en: "Checks that every Slot has at least one serviceType with a v3-ActCode coding equal to AMB, HH or VR.",
        why_en: "Requirements agg-psindiv #24 and #48, PS FAQ #5; the kit compares the returned types with those the vendor declares; the profiles do not require it, hence the warning. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Slot\",\"serviceType\":[{\"text\":\"Consultation\"}],…}",
        fix_en: "Add a serviceType {\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"}]} (or HH, VR).",
    },
};

/// At least one serviceType carries a v3-ActCode consultation type AMB, HH or VR.
pub(crate) fn check(s: &Slot<'_>, em: &mut Emitter<'_>) {
    let consultation = s.service_type.iter().flat_map(|st| &st.coding).any(|c| {
        is_act_code(c)
            && c.code.as_ref().is_some_and(|k| term::is_sas_consultation_code(k.as_str()))
    });
    if !consultation {
        em.missing(
            Scope::ALL,
            &RULE,
            s.span,
            "serviceType",
            "aucun serviceType ne porte de type de consultation v3-ActCode AMB, HH ou VR".into(),
            "no serviceType carries a v3-ActCode consultation type AMB, HH or VR".into(),
        );
    }
}
