//! RO1-SLOT-017 `slot-not-in-past`.
//!
//! Slot.start is not earlier than the moment the response was produced.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::primitives::UtcStamp;
use crate::rules::slot::Checked;
use crate::rules::{Emitter, Scope, quote};

/// RO1-SLOT-017 `slot-not-in-past`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-017",
    name: "slot-not-in-past",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "agg-psindiv #5; kit validate_dates (start < now() must not occur)",
    summary_fr: "Slot.start n'est pas antérieur au moment où la réponse a été produite.",
    summary_en: "Slot.start is not earlier than the moment the response was produced.",
    doc: RuleDoc {
        what_fr: "Compare chaque Slot.start à l'heure de capture de l'échange (HAR startedDateTime, ou --now) et avertit pour un créneau déjà commencé ; une information signale un startedDateTime illisible, qui empêche la vérification.",
        why_fr: "Exigence agg-psindiv #5 et kit (validate_dates : aucun start avant maintenant) ; lecture AMB-32 : vérifié contre l'heure de capture ici, contre la borne ge dans RO1-WIN-001. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "capture à 2024-06-12T10:00:00+02:00, créneau : {\"resourceType\":\"Slot\",\"start\":\"2024-06-12T08:00:00.000+02:00\",…}",
        fix_fr: "Excluez les créneaux déjà commencés au moment de la réponse.",
        what_en: "Compares every Slot.start with the capture time of the exchange (HAR startedDateTime, or --now) and warns about a slot that has already started; an information says so when startedDateTime cannot be read and the check cannot run.",
        why_en: "Requirement agg-psindiv #5 and kit (validate_dates: no start before now); reading AMB-32: checked against the capture time here, against the ge bound in RO1-WIN-001. Official ANS kit: checked by a dedicated assertion.",
        example_en: "captured at 2024-06-12T10:00:00+02:00, slot: {\"resourceType\":\"Slot\",\"start\":\"2024-06-12T08:00:00.000+02:00\",…}",
        fix_en: "Exclude the slots that have already started when the answer is built.",
    },
};

/// Slot.start is not earlier than the moment of the response (when known).
pub(crate) fn check(start: Option<Checked<'_, '_>>, em: &mut Emitter<'_>) {
    if let (Some(now), Some(start)) = (em.opts.now, start)
        && start.at.utc() < UtcStamp::of(now)
    {
        let sa = start.value;
        let (q, now) = (quote(sa.as_str()), now.to_rfc3339());
        em.at(
            Scope::ALL,
            &RULE,
            sa.span,
            format!("Slot.start {q} est antérieur au moment de la réponse ({now}) : créneau déjà commencé"),
            format!("Slot.start {q} is earlier than the moment of the response ({now}): the slot has already started"),
        );
    }
}
