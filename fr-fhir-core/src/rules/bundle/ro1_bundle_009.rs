//! RO1-BUNDLE-009 `entry-search-mode-match-include`.
//!
//! entry.search.mode is match on the searched resource (Slot for PS/CPTS, Schedule for SOS) and include on the others; absent everywhere (1.1.0 style): one information.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Bundle;
use crate::rules::fhir::ro1_fhir_005;
use crate::rules::index::{EntryInfo, Index, SearchMode};
use crate::rules::{Emitter, Finish, Scope, quote};

/// RO1-BUNDLE-009 `entry-search-mode-match-include`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-009",
    name: "entry-search-mode-match-include",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "IG main (1.2.0) examples; FHIR validator warning on 1.1.0 examples; revised 2026-12 (AMB-28)",
    summary_fr: "entry.search.mode vaut match sur la ressource cherchée (Slot en PS/CPTS, Schedule en SOS) et include sur les autres ; absent partout (style 1.1.0) : une seule information.",
    summary_en: "entry.search.mode is match on the searched resource (Slot for PS/CPTS, Schedule for SOS) and include on the others; absent everywhere (1.1.0 style): one information.",
    doc: RuleDoc {
        what_fr: "Quand des entrées portent search.mode, vérifie qu'il vaut match pour les ressources cherchées (Slot en PS et CPTS, Schedule en SOS) et include pour les ressources incluses, et qu'aucune entrée ne l'omet (avertissement par entrée). Quand aucune entrée ne le porte (style IG 1.1.0), une seule information sur Bundle.entry. Un code hors du jeu de valeurs search-entry-mode relève de RO1-FHIR-005.",
        why_fr: "Les exemples de l'IG main (1.2.0) l'ajoutent et le validateur FHIR avertit sur les exemples 1.1.0 qui ne l'ont pas ; les profils 1.1.0 le permettent (entry.search 0..1) : une réponse 1.1.0 sans aucun search.mode est conforme, d'où une seule information (AMB-28) ; un Bundle qui l'écrit sur certaines entrées seulement est incohérent. Kit officiel ANS : non vérifié.",
        example_fr: "{\"entry\":[{\"fullUrl\":\"…/Schedule/s1\",\"resource\":{\"resourceType\":\"Schedule\",…},\"search\":{\"mode\":\"match\"}}]}   (PS)",
        fix_fr: "Ajoutez \"search\":{\"mode\":\"match\"} aux Slot (Schedule en SOS) et \"search\":{\"mode\":\"include\"} aux autres entrées.",
        what_en: "When entries carry search.mode, checks that it is match for the searched resources (Slot for PS and CPTS, Schedule for SOS) and include for the included resources, and that no entry omits it (a warning per entry). When no entry carries it (IG 1.1.0 style), one information at Bundle.entry. A code outside the search-entry-mode value set is RO1-FHIR-005's.",
        why_en: "The IG main (1.2.0) examples add it and the FHIR validator warns on the 1.1.0 examples that lack it; the 1.1.0 profiles allow its absence (entry.search 0..1): a 1.1.0 response without any search.mode conforms, hence a single information (AMB-28); a Bundle writing it on some entries only is inconsistent. Official ANS kit: not checked.",
        example_en: "{\"entry\":[{\"fullUrl\":\"…/Schedule/s1\",\"resource\":{\"resourceType\":\"Schedule\",…},\"search\":{\"mode\":\"match\"}}]}   (PS)",
        fix_en: "Add \"search\":{\"mode\":\"match\"} to the Slots (Schedules for SOS) and \"search\":{\"mode\":\"include\"} to the other entries.",
    },
};

/// What the rule decides once per Bundle before looking at each entry.
pub(crate) struct SearchModes {
    /// Some entries carry a search.mode: then every entry must.
    per_entry: bool,
    /// The resource type of the matches.
    searched: &'static str,
}

/// Search modes of the Bundle as a whole; the per-entry part is
/// [`SearchModes::check_index_entry`].
pub(crate) fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) -> SearchModes {
    let ix = f.index;
    let searchset = super::is_searchset(f.bundle);
    // AMB-28: a Bundle in the IG 1.1.0 style has no search.mode at all,
    // which 1.1.0 allows: said once, not per entry.
    let with_resource = |e: &&EntryInfo| e.span != e.entry_span;
    let modes_written = ix.entries.iter().filter(with_resource).any(|e| e.mode != SearchMode::None);
    if searchset && !modes_written && ix.entries.iter().any(|e| with_resource(&e)) {
        no_search_mode(f.bundle, em);
    }
    SearchModes {
        per_entry: searchset && modes_written,
        searched: super::searched_type(f.use_case),
    }
}

impl SearchModes {
    /// The search.mode of the entry `e` of the index, when some entries carry one.
    pub(crate) fn check_index_entry(&self, ix: &Index<'_>, e: &EntryInfo, em: &mut Emitter<'_>) {
        if self.per_entry && e.span != e.entry_span {
            check_mode(e, ix.rtype(e), ix.mode(e), self.searched, em);
        }
    }
}

/// No entry has a search.mode: one information at `Bundle.entry`.
fn no_search_mode(b: &Bundle<'_>, em: &mut Emitter<'_>) {
    let Some(at) = b.entry_span else { return };
    em.at_sev(
        Scope::ALL,
        &RULE,
        Severity::Information,
        at,
        "aucune entrée ne porte `search.mode` (style IG 1.1.0, permis) : l'IG 1.2.0 l'ajoute (`match` sur la ressource cherchée, `include` sur les autres)".into(),
        "no entry carries `search.mode` (IG 1.1.0 style, allowed): IG 1.2.0 adds it (`match` on the searched resource, `include` on the others)".into(),
    );
}

/// Some entries have a search.mode: `match` on the searched type, `include`
/// on the others, on every entry. A code outside the search-entry-mode value
/// set is a base R4 binding error, reported as RO1-FHIR-005 instead: this
/// rule is the one reading search.mode, so it decides which rule a code goes to.
fn check_mode(
    e: &EntryInfo,
    rtype: &str,
    mode: Option<&str>,
    searched: &str,
    em: &mut Emitter<'_>,
) {
    if e.mode == SearchMode::Other
        && let Some(m) = mode
    {
        em.at(
            Scope::ALL,
            &ro1_fhir_005::RULE,
            e.mode_span,
            format!("search.mode vaut {} : hors du jeu de valeurs requis search-entry-mode (match | include | outcome)", quote(m)),
            format!("search.mode is {}: not in the required value set search-entry-mode (match | include | outcome)", quote(m)),
        );
        return;
    }
    let expected = if rtype == "OperationOutcome" {
        "outcome"
    } else if rtype == searched {
        "match"
    } else {
        "include"
    };
    match mode {
        None => {
            // Without `search`, the entry lacks `search`; else `search` lacks `mode`.
            let (parent, child) = if e.search_span.is_empty() {
                (e.entry_span, "search")
            } else {
                (e.search_span, "mode")
            };
            em.missing(
                Scope::ALL,
                &RULE,
                parent,
                child,
                format!("entrée {} sans `search.mode` (`{expected}` attendu)", rtype),
                format!("{} entry without `search.mode` (`{expected}` expected)", rtype),
            );
        }
        Some(m) if m != expected => em.at(
            Scope::ALL,
            &RULE,
            e.mode_span,
            format!(
                "search.mode vaut {} pour une entrée {} : `{expected}` attendu",
                quote(m),
                rtype
            ),
            format!("search.mode is {} for a {} entry: `{expected}` expected", quote(m), rtype),
        ),
        Some(_) => {}
    }
}
