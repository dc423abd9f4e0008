//! RO1-REQ-005 `request-window-at-most-72h`.
//!
//! The search window does not exceed 72 hours.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use chrono::TimeDelta;

use super::check_window;
use crate::request::SearchRequest;
use crate::request::query::ParsedQuery;
use fr_fhir_core::finding::Finding;

/// RO1-REQ-005 `request-window-at-most-72h`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-005",
    name: "request-window-at-most-72h",
    severity: Severity::Warning,
    scope: Scope::SLOT_SEARCHES,
    source: "Test kit lib/sas_test_kit/aggregation/setup_helper.rb (not stated in the IG)",
    summary_fr: "La fenêtre de recherche ne dépasse pas 72 heures.",
    summary_en: "The search window does not exceed 72 hours.",
    doc: RuleDoc {
        what_fr: "Calcule la durée entre les bornes ge et le de la requête et avertit au-delà de 72 heures ; le kit officiel demande [maintenant, min(maintenant + 72 h, fin de la journée J+2)].",
        why_fr: "Ce plafond ne figure pas dans l'IG : il vient du comportement du kit de test officiel (setup_helper.rb), d'où le niveau avertissement ; les exemples de l'IG utilisent des fenêtres plus larges.",
        example_fr: "GET /fhir/Slot?start=ge2024-06-12T08:00:00.000+02:00&start=le2024-06-19T08:00:00.000+02:00&…   (7 jours)",
        fix_fr: "Pour reproduire les appels du SAS, limitez la fenêtre à 72 heures au plus (au maximum jusqu'à 23:59:59 du surlendemain).",
        what_en: "Computes the time between the ge and le bounds of the request and warns above 72 hours; the official kit asks for [now, min(now + 72 h, end of day now + 2 days)].",
        why_en: "This ceiling is not in the IG: it comes from the official test kit's behaviour (setup_helper.rb), hence the warning level; the IG examples use wider windows.",
        example_en: "GET /fhir/Slot?start=ge2024-06-12T08:00:00.000+02:00&start=le2024-06-19T08:00:00.000+02:00&…   (7 days)",
        fix_en: "To reproduce the SAS calls, keep the window to 72 hours at most (at the latest 23:59:59 on the day after tomorrow).",
    },
};

/// Longest window before the rule warns; one second of slack lets an
/// upper bound written to the second or millisecond close an exact 72 h.
const MAX_WINDOW: TimeDelta = TimeDelta::hours(72);
const WINDOW_SLACK: TimeDelta = TimeDelta::seconds(1);

/// The window is longer than 72 h. An empty window (RO1-REQ-004) has no
/// positive length, so it never reaches this rule.
pub(crate) fn check(req: &SearchRequest, raw: &ParsedQuery<'_>, out: &mut Vec<Finding>) {
    check_window(&RULE, req, raw, out, |length, ge, le| {
        let hours = length.num_minutes() as f64 / 60.0;
        (length > MAX_WINDOW + WINDOW_SLACK).then(|| {
            (
                format!("fenêtre de {hours:.1} h (`{ge}` à `{le}`) : au plus 72 h attendues (kit officiel)"),
                format!("window of {hours:.1} h (`{ge}` to `{le}`): at most 72 h expected (official kit)"),
            )
        })
    });
}
