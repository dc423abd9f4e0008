//! RO1-SLOT-006 `slot-schedule-resolves`.
//!
//! Slot.schedule.reference is present and points to a Schedule entry of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;
use crate::rules::index::RefField;
use crate::rules::support::graph::Expect;

/// RO1-SLOT-006 `slot-schedule-resolves`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-006",
    name: "slot-schedule-resolves",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FrSlotAgregateur aggregation referenced+bundled; agg-psindiv #12 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Slot.schedule.reference est présent et désigne un Schedule du Bundle.",
    summary_en: "Slot.schedule.reference is present and points to a Schedule entry of the Bundle.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque Slot porte schedule.reference et que cette référence se résout vers une entrée Schedule du même Bundle.",
        why_fr: "FrSlotAgregateur impose l'agrégation referenced + bundled sur schedule ; exigence agg-psindiv #12. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Slot\",\"schedule\":{\"reference\":\"Schedule/agenda-inconnu\"},…}",
        fix_fr: "Référencez le Schedule par \"Schedule/<id>\" et incluez-le dans le Bundle.",
        what_en: "Checks that every Slot carries schedule.reference and that this reference resolves to a Schedule entry of the same Bundle.",
        why_en: "FrSlotAgregateur imposes the referenced + bundled aggregation on schedule; requirement agg-psindiv #12. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Slot\",\"schedule\":{\"reference\":\"Schedule/agenda-inconnu\"},…}",
        fix_en: "Reference the Schedule as \"Schedule/<id>\" and include it in the Bundle.",
    },
};

/// `Slot.schedule`: present, with a `reference` naming a Schedule entry.
pub(crate) static EXPECT: Expect = Expect {
    rule: &RULE,
    scope: Scope::ALL,
    field: RefField::SlotSchedule,
    what: "Slot.schedule",
    rtype: Some("Schedule"),
};
