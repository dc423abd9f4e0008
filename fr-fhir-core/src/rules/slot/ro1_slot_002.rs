//! RO1-SLOT-002 `slot-start-end-present`.
//!
//! Every Slot has a start and an end.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::rules::support::presence::missing;
use crate::rules::{Emitter, EntryCx, Scope};

/// RO1-SLOT-002 `slot-start-end-present`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-002",
    name: "slot-start-end-present",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 Slot (1..1); agg-psindiv #11 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Chaque Slot a un start et un end.",
    summary_en: "Every Slot has a start and an end.",
    doc: RuleDoc {
        what_fr: "Vérifie la présence de Slot.start et de Slot.end.",
        why_fr: "Cardinalité 1..1 de FHIR R4 pour Slot.start et Slot.end ; exigence agg-psindiv #11. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Slot\",\"status\":\"free\",\"start\":\"2024-06-12T08:00:00.000+02:00\"}",
        fix_fr: "Renseignez l'heure de fin du créneau dans end.",
        what_en: "Checks that Slot.start and Slot.end are present.",
        why_en: "FHIR R4 cardinality 1..1 for Slot.start and Slot.end; requirement agg-psindiv #11. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Slot\",\"status\":\"free\",\"start\":\"2024-06-12T08:00:00.000+02:00\"}",
        fix_en: "Fill in the end time of the slot in end.",
    },
};

/// Reports Slot.`name` (start or end) as missing from the Slot at `slot`.
pub(crate) fn report_missing(
    name: &'static str,
    slot: Span,
    e: &EntryCx<'_, '_>,
    em: &mut Emitter<'_>,
) {
    missing(
        em,
        e.src,
        Scope::ALL,
        &RULE,
        None,
        slot,
        name,
        format!("Slot.{name} est absent (obligatoire, 1..1)"),
        format!("Slot.{name} is missing (mandatory, 1..1)"),
    );
}
