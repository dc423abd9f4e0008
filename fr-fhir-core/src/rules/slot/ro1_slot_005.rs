//! RO1-SLOT-005 `slot-start-before-end`.
//!
//! Slot.start is strictly before Slot.end.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::slot::Checked;
use crate::rules::{Emitter, Scope, quote};

/// RO1-SLOT-005 `slot-start-before-end`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-005",
    name: "slot-start-before-end",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "Kit validate_dates",
    summary_fr: "Slot.start est strictement antérieur à Slot.end.",
    summary_en: "Slot.start is strictly before Slot.end.",
    doc: RuleDoc {
        what_fr: "Compare les instants start et end de chaque Slot (décalages pris en compte) et signale, sur l'élément end, un créneau de durée nulle ou négative.",
        why_fr: "Contrôle du kit officiel (validate_dates) ; un créneau qui finit avant de commencer ne peut pas être proposé. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Slot\",\"start\":\"2024-06-12T08:20:00.000+02:00\",\"end\":\"2024-06-12T08:00:00.000+02:00\"}",
        fix_fr: "Vérifiez le calcul de la fin du créneau (durée positive, même fuseau).",
        what_en: "Compares the start and end instants of every Slot (offsets taken into account) and reports, on the end element, a slot of zero or negative length.",
        why_en: "Check of the official kit (validate_dates); a slot that ends before it starts cannot be offered. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Slot\",\"start\":\"2024-06-12T08:20:00.000+02:00\",\"end\":\"2024-06-12T08:00:00.000+02:00\"}",
        fix_en: "Check how the slot end is computed (positive length, same time zone).",
    },
};

/// Slot.end is after Slot.start, when both are valid instants.
pub(crate) fn check(
    start: Option<Checked<'_, '_>>,
    end: Option<Checked<'_, '_>>,
    em: &mut Emitter<'_>,
) {
    if let (Some(a), Some(b)) = (start, end)
        && !is_before(a, b)
    {
        let (sa, sb) = (a.value, b.value);
        let (qa, qb) = (quote(sa.as_str()), quote(sb.as_str()));
        em.at(
            Scope::ALL,
            &RULE,
            sb.span,
            format!("Slot.end {qb} n'est pas postérieur à Slot.start {qa}"),
            format!("Slot.end {qb} is not after Slot.start {qa}"),
        );
    }
}

/// `a < b` for two valid instants, offsets applied, from the fields
/// RO1-SLOT-003/004 scanned: nothing is parsed again.
pub(super) fn is_before(a: Checked<'_, '_>, b: Checked<'_, '_>) -> bool {
    a.at.is_before(&b.at)
}
