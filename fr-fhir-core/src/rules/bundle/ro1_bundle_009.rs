//! RO1-BUNDLE-009 `entry-search-mode-match-include`.
//!
//! entry.search.mode is match on the searched resource (Slot for PS/CPTS, Schedule for SOS) and include on the others; absent everywhere (1.1.0 style): one information.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

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
        example_fr: r#"{"entry":[{"fullUrl":"…/Schedule/s1","resource":{"resourceType":"Schedule",…},"search":{"mode":"match"}}]}   (PS)"#,
        fix_fr: r#"Ajoutez "search":{"mode":"match"} aux Slot (Schedule en SOS) et "search":{"mode":"include"} aux autres entrées."#,
        what_en: "When entries carry search.mode, checks that it is match for the searched resources (Slot for PS and CPTS, Schedule for SOS) and include for the included resources, and that no entry omits it (a warning per entry). When no entry carries it (IG 1.1.0 style), one information at Bundle.entry. A code outside the search-entry-mode value set is RO1-FHIR-005's.",
        why_en: "The IG main (1.2.0) examples add it and the FHIR validator warns on the 1.1.0 examples that lack it; the 1.1.0 profiles allow its absence (entry.search 0..1): a 1.1.0 response without any search.mode conforms, hence a single information (AMB-28); a Bundle writing it on some entries only is inconsistent. Official ANS kit: not checked.",
        example_en: r#"{"entry":[{"fullUrl":"…/Schedule/s1","resource":{"resourceType":"Schedule",…},"search":{"mode":"match"}}]}   (PS)"#,
        fix_en: r#"Add "search":{"mode":"match"} to the Slots (Schedules for SOS) and "search":{"mode":"include"} to the other entries."#,
    },
};
