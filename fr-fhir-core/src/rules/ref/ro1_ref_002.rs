//! RO1-REF-002 `reference-relative-form`.
//!
//! References use the relative form Type/id.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::{RefForm, RefInfo};
use crate::rules::support::graph::Graph;
use crate::rules::{Emitter, Scope, quote};

/// RO1-REF-002 `reference-relative-form`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REF-002",
    name: "reference-relative-form",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "IG examples; kit string comparisons",
    summary_fr: "Les références ont la forme relative Type/id.",
    summary_en: "References use the relative form Type/id.",
    doc: RuleDoc {
        what_fr: "Avertit pour une référence absolue (https://…/Type/id) ou d'une autre forme que Type/id (les références locales #id vers une ressource contenue restent admises).",
        why_fr: "Tous les exemples SAS et le kit utilisent la forme relative ; le kit compare des chaînes, une référence absolue pourtant valide le fait échouer. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"schedule\":{\"reference\":\"https://exemple.com/ans-sas/Schedule/s1\"}}",
        fix_fr: "Écrivez \"reference\":\"Schedule/s1\".",
        what_en: "Warns about an absolute reference (https://…/Type/id) or any form other than Type/id (local #id references to a contained resource remain allowed).",
        why_en: "Every SAS example and the kit use the relative form; the kit compares strings, so a valid absolute reference still makes it fail. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"schedule\":{\"reference\":\"https://exemple.com/ans-sas/Schedule/s1\"}}",
        fix_en: "Write \"reference\":\"Schedule/s1\".",
    },
};

/// A reference not written in the relative form `Type/id` (a warning, in
/// every use case, whatever rule judges where it leads).
pub(crate) fn check_graph_reference(g: &Graph<'_, '_>, r: &RefInfo, em: &mut Emitter<'_>) {
    if matches!(r.form, RefForm::Absolute | RefForm::Other) {
        em.at(
            Scope::ALL,
            &RULE,
            r.span,
            format!("référence {} : la forme relative `Type/id` est attendue", quote(&g.text(r))),
            format!("reference {}: the relative form `Type/id` is expected", quote(&g.text(r))),
        );
    }
}
