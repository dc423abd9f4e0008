//! RO1-WIN-001 `slot-start-after-ge-bound`.
//!
//! Slot.start is at or after the ge bound of the request.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-WIN-001 `slot-start-after-ge-bound`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-WIN-001",
    name: "slot-start-after-ge-bound",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "agg-psindiv #5, #7; SearchParameter slot-sp-start — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Slot.start n'est pas antérieur à la borne ge de la requête.",
    summary_en: "Slot.start is at or after the ge bound of the request.",
    doc: RuleDoc {
        what_fr: "Compare chaque Slot.start à la borne basse de la requête (début de l'intervalle de la borne, heure de Paris si elle n'a pas de décalage) et signale un créneau qui commence avant.",
        why_fr: "Exigences agg-psindiv #5 et #7, SearchParameter slot-sp-start ; le kit compare à « maintenant » (lecture AMB-32, voir aussi RO1-SLOT-017). Kit officiel ANS : vérifié en partie.",
        example_fr: "requête : start=ge2024-06-12T08:00:00.000+02:00   Slot.start: 2024-06-12T07:40:00.000+02:00",
        fix_fr: "Appliquez la borne ge au début du créneau, en tenant compte du décalage horaire.",
        what_en: "Compares every Slot.start with the lower bound of the request (start of the bound's interval, Paris time when it has no offset) and reports a slot that starts before it.",
        why_en: "Requirements agg-psindiv #5 and #7, SearchParameter slot-sp-start; the kit compares with 'now' (reading AMB-32, see also RO1-SLOT-017). Official ANS kit: partly checked.",
        example_en: "request: start=ge2024-06-12T08:00:00.000+02:00   Slot.start: 2024-06-12T07:40:00.000+02:00",
        fix_en: "Apply the ge bound to the slot start, taking the offset into account.",
    },
};
