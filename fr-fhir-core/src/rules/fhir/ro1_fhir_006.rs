//! RO1-FHIR-006 `bundle-invariants-bdl`.
//!
//! The FHIR R4 Bundle invariants (bdl-1 to bdl-5, bdl-7, bdl-8) hold.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::find_history;
use crate::rules::{Emitter, EntryCx, Finish, Scope, quote};

/// RO1-FHIR-006 `bundle-invariants-bdl`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-006",
    name: "bundle-invariants-bdl",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 Bundle invariants",
    summary_fr: "Les invariants du Bundle FHIR R4 (bdl-1 à bdl-5, bdl-7, bdl-8) sont respectés.",
    summary_en: "The FHIR R4 Bundle invariants (bdl-1 to bdl-5, bdl-7, bdl-8) hold.",
    doc: RuleDoc {
        what_fr: "Vérifie bdl-1 (total seulement en searchset/history), bdl-2 (entry.search seulement en searchset), bdl-3 et bdl-4 (entry.request et entry.response seulement en batch/transaction/history), bdl-5 (une entrée a une ressource, une request ou une response), bdl-7 (fullUrl unique) et bdl-8 (fullUrl sans version).",
        why_fr: "Invariants du Bundle FHIR R4, appliqués par le validateur HL7 que le kit exécute sur tout le Bundle. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"Slot/1\"}}]}",
        fix_fr: "Dans un searchset, chaque entrée porte resource (et search), jamais request ni response ; les fullUrl sont uniques et sans /_history/.",
        what_en: "Checks bdl-1 (total only for searchset/history), bdl-2 (entry.search only in searchsets), bdl-3 and bdl-4 (entry.request and entry.response only in batch/transaction/history), bdl-5 (an entry has a resource, a request or a response), bdl-7 (fullUrl unique) and bdl-8 (fullUrl without version).",
        why_en: "FHIR R4 Bundle invariants, applied by the HL7 validator the kit runs on the whole Bundle. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"Slot/1\"}}]}",
        fix_en: "In a searchset, every entry carries resource (and search), never request or response; fullUrls are unique and have no /_history/.",
    },
};

/// bdl-5 and bdl-8, which need nothing but the entry; whether the fullUrl holds `/_history/` is
/// already known (by the index) when `versioned` says so.
pub(crate) fn check_entry_known(
    e: &EntryCx<'_, '_>,
    versioned: Option<bool>,
    em: &mut Emitter<'_>,
) {
    let entry = e.entry;
    if entry.resource.is_none()
        && entry.request.is_none()
        && entry.response.is_none()
        && !crate::rules::support::presence::has_key(e.src, entry.span, "resource", None)
    {
        em.missing(
            Scope::ALL,
            &RULE,
            entry.span,
            "resource",
            "bdl-5 : l'entrée n'a ni `resource`, ni `request`, ni `response`".into(),
            "bdl-5: the entry has no `resource`, `request` or `response`".into(),
        );
    }
    let Some(url) = &entry.full_url else { return };
    let url_text = url.as_str();
    if versioned.unwrap_or_else(|| find_history(url_text).is_some()) {
        em.at(
            Scope::ALL,
            &RULE,
            url.span,
            format!("bdl-8 : fullUrl {} désigne une version (`/_history/`)", quote(url_text)),
            format!("bdl-8: fullUrl {} is version-specific (`/_history/`)", quote(url_text)),
        );
    }
}

/// bdl-1..4, which depend on Bundle.type (bdl-5 and bdl-8 are per entry,
/// bdl-7 is RO1-BUNDLE-008).
pub(crate) fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let Some(t) = f.bundle.type_.as_ref().map(|t| t.as_str()) else { return };
    if let Some(total) = &f.bundle.total
        && t != "searchset"
        && t != "history"
    {
        em.at(
            Scope::ALL,
            &RULE,
            total.span,
            format!(
                "bdl-1 : `total` n'est permis que dans un Bundle searchset ou history (type {})",
                quote(t)
            ),
            format!(
                "bdl-1: `total` is only allowed in a searchset or history Bundle (type {})",
                quote(t)
            ),
        );
    }
    if t != "searchset" {
        for e in f.index.entries.iter().filter(|e| !e.search_span.is_empty()) {
            em.at(
                Scope::ALL,
                &RULE,
                e.search_span,
                format!(
                    "bdl-2 : `entry.search` n'est permis que dans un Bundle searchset (type {})",
                    quote(t)
                ),
                format!(
                    "bdl-2: `entry.search` is only allowed in a searchset Bundle (type {})",
                    quote(t)
                ),
            );
        }
    }
    for p in &f.index.entry_parts {
        let allowed: &[&str] = if p.name == "request" {
            &["batch", "transaction", "history"]
        } else {
            &["batch-response", "transaction-response", "history"]
        };
        if !allowed.contains(&t) {
            let inv = if p.name == "request" { "bdl-3" } else { "bdl-4" };
            em.at(
                Scope::ALL,
                &RULE,
                p.span,
                format!("{inv} : `entry.{}` n'est pas permis dans un Bundle {}", p.name, quote(t)),
                format!("{inv}: `entry.{}` is not allowed in a {} Bundle", p.name, quote(t)),
            );
        }
    }
}
