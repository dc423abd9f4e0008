//! RO1-SLOT-005 `slot-start-before-end`.
//!
//! Slot.start is strictly before Slot.end.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::primitives::parse_instant;
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
        example_fr: r#"{"resourceType":"Slot","start":"2024-06-12T08:20:00.000+02:00","end":"2024-06-12T08:00:00.000+02:00"}"#,
        fix_fr: "Vérifiez le calcul de la fin du créneau (durée positive, même fuseau).",
        what_en: "Compares the start and end instants of every Slot (offsets taken into account) and reports, on the end element, a slot of zero or negative length.",
        why_en: "Check of the official kit (validate_dates); a slot that ends before it starts cannot be offered. Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"resourceType":"Slot","start":"2024-06-12T08:20:00.000+02:00","end":"2024-06-12T08:00:00.000+02:00"}"#,
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

/// `a < b` for two valid instants. Two values in the SAS form
/// (`YYYY-MM-DDThh:mm:ss.sss±hh:mm`, fixed width) with the same offset compare
/// as text, which spares two calendar parses per Slot on the usual path.
fn is_before(a: Checked<'_, '_>, b: Checked<'_, '_>) -> bool {
    let (ta, tb) = (a.value.as_str(), b.value.as_str());
    if a.sas && b.sas && ta.len() == tb.len() && ta.get(23..) == tb.get(23..) {
        return ta < tb;
    }
    match (parse_instant(ta), parse_instant(tb)) {
        (Ok(x), Ok(y)) => x < y,
        // Not comparable: RO1-SLOT-003 already reported the invalid one.
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use crate::primitives::check_sas_instant;
    use crate::rules::slot::Checked;
    use crate::rules::slot::testing::{ERR, PS, at, p};
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn instants_compare_as_text_only_with_equal_offsets() {
        use crate::model::Instant;
        let before = |a: &str, b: &str| {
            let (a, b) = (Instant::new(a), Instant::new(b));
            let checked = |v| Checked { value: v, sas: check_sas_instant(v.as_str()).is_ok() };
            super::is_before(checked(&a), checked(&b))
        };
        assert!(before("2026-11-26T09:00:00.000+01:00", "2026-11-26T09:20:00.000+01:00"));
        assert!(!before("2026-11-26T09:20:00.000+01:00", "2026-11-26T09:20:00.000+01:00"));
        // Different offsets: 10:00+02:00 is 08:00Z, before 09:30+01:00 (08:30Z).
        assert!(before("2026-11-26T10:00:00.000+02:00", "2026-11-26T09:30:00.000+01:00"));
        assert!(!before("2026-11-26T09:30:00.000+01:00", "2026-11-26T10:00:00.000+02:00"));
        // Other FHIR forms go through the calendar.
        assert!(before("2026-11-26T08:00:00Z", "2026-11-26T09:30:00.000+01:00"));
        assert!(!before("2026-11-26T08:45:00Z", "2026-11-26T09:30:00.000+01:00"));
    }

    #[test]
    fn slot_005_start_before_end() {
        let d = p(PS, "end", Some(json!("2026-11-26T14:00:00.000+01:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), at("end", ERR));
        // Offsets are taken into account: the start 14:00+01:00 is 13:00Z.
        let d = p(PS, "end", Some(json!("2026-11-26T12:55:00.000+00:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), at("end", ERR));
        let d = p(PS, "end", Some(json!("2026-11-26T13:05:00.000+00:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), []);
    }
}
