//! RO1-SLOT-006 `slot-schedule-resolves`.
//!
//! Slot.schedule.reference is present and points to a Schedule entry of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::{EntryInfo, MissingRef, RefField, RefInfo};
use crate::rules::support::graph::{
    Expect, FieldsSeen, Graph, check_resolves, no_reference, reference_element_absent,
};
use crate::rules::{Emitter, Scope};

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

static EXPECT: Expect =
    Expect { rule: &RULE, scope: Scope::ALL, rtype: "Schedule", what: "Slot.schedule" };

/// A `Slot.schedule` reference that names no Schedule entry; true when the
/// reference is this rule's (no other rule reports it).
pub(crate) fn check_graph_reference(
    g: &Graph<'_, '_>,
    r: &RefInfo,
    t: u32,
    em: &mut Emitter<'_>,
) -> bool {
    if r.field != RefField::SlotSchedule {
        return false;
    }
    check_resolves(g, r, t, &EXPECT, em);
    true
}

/// A `Slot.schedule` element without `reference`.
pub(crate) fn check_graph_bare_reference(m: &MissingRef, em: &mut Emitter<'_>) {
    if m.field == RefField::SlotSchedule {
        no_reference(m, Scope::ALL, &RULE, EXPECT.what, em);
    }
}

/// A Slot entry without `schedule`.
pub(crate) fn check_graph_entry(
    g: &Graph<'_, '_>,
    seen: &FieldsSeen,
    pos: usize,
    e: &EntryInfo,
    em: &mut Emitter<'_>,
) {
    if g.ix.rtype(e) == "Slot" {
        let field = RefField::SlotSchedule;
        reference_element_absent(g, seen, pos, e, field, "schedule", Scope::ALL, &RULE, em);
    }
}
