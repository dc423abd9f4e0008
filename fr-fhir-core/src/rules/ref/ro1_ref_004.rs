//! RO1-REF-004 `no-orphan-include`.
//!
//! No orphan include: every include entry is reachable from a match entry, and every Schedule has at least one Slot.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-REF-004 `no-orphan-include`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REF-004",
    name: "no-orphan-include",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "FHIR _include semantics; FAQ structure — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Aucune inclusion orpheline : chaque entrée incluse est atteignable depuis une entrée match, et chaque Schedule a au moins un Slot.",
    summary_en: "No orphan include: every include entry is reachable from a match entry, and every Schedule has at least one Slot.",
    doc: RuleDoc {
        what_fr: "Part des entrées match et suit les références de la chaîne d'inclusion ; avertit pour une entrée incluse qu'aucun chemin n'atteint et pour un Schedule sans Slot.",
        why_fr: "Sémantique de _include en FHIR et structure décrite par la FAQ : une ressource incluse n'est là que parce qu'un résultat la référence. Kit officiel ANS : non vérifié.",
        example_fr: r#"{"entry":[…,{"fullUrl":"…/Schedule/s-vide","resource":{"resourceType":"Schedule","id":"s-vide",…},"search":{"mode":"include"}}]}   (aucun Slot)"#,
        fix_fr: "N'incluez que les ressources référencées par les créneaux renvoyés.",
        what_en: "Starts from the match entries and follows the references of the include chain; warns about an included entry no path reaches and about a Schedule without Slots.",
        why_en: "FHIR _include semantics and the structure the FAQ describes: an included resource is there only because a match references it. Official ANS kit: not checked.",
        example_en: r#"{"entry":[…,{"fullUrl":"…/Schedule/s-vide","resource":{"resourceType":"Schedule","id":"s-vide",…},"search":{"mode":"include"}}]}   (no Slot)"#,
        fix_en: "Include only the resources referenced by the returned slots.",
    },
};
