//! RO1-REF-004 `no-orphan-include`.
//!
//! No orphan include: every include entry is reachable from a match entry, and every Schedule has at least one Slot.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::{EntryType, NOT_FOUND, RefField, SearchMode};
use crate::rules::support::graph::Graph;
use crate::rules::{Emitter, Scope, UseCase};

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
        example_fr: "{\"entry\":[…,{\"fullUrl\":\"…/Schedule/s-vide\",\"resource\":{\"resourceType\":\"Schedule\",\"id\":\"s-vide\",…},\"search\":{\"mode\":\"include\"}}]}   (aucun Slot)",
        fix_fr: "N'incluez que les ressources référencées par les créneaux renvoyés.",
        what_en: "Starts from the match entries and follows the references of the include chain; warns about an included entry no path reaches and about a Schedule without Slots.",
        why_en: "FHIR _include semantics and the structure the FAQ describes: an included resource is there only because a match references it. Official ANS kit: not checked.",
        example_en: "{\"entry\":[…,{\"fullUrl\":\"…/Schedule/s-vide\",\"resource\":{\"resourceType\":\"Schedule\",\"id\":\"s-vide\",…},\"search\":{\"mode\":\"include\"}}]}   (no Slot)",
        fix_en: "Include only the resources referenced by the returned slots.",
    },
};

/// Every included entry is reachable from a match, every Schedule has a
/// Slot. `skip`: entries already reported as unreachable.
pub(crate) fn check_graph(g: &Graph<'_, '_>, skip: &[bool], em: &mut Emitter<'_>) {
    let ix = g.ix;
    let n = ix.entries.len();
    let searched = if g.uc == UseCase::SOS { EntryType::Schedule } else { EntryType::Slot };
    let any_match = ix.entries.iter().any(|e| e.mode == SearchMode::Match);
    // Forward edges: the references of each entry are contiguous.
    let mut first_ref = vec![0u32; n + 1];
    for r in &ix.refs {
        if let Some(c) = first_ref.get_mut(r.from as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..first_ref.len() {
        let prev = first_ref.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = first_ref.get_mut(i) {
            *c += prev;
        }
    }
    // Reverse Slot -> Schedule edges (a SOS Slot is reached from its Schedule).
    let mut slots_of = vec![0u32; n + 1];
    let slot_refs = || {
        ix.refs
            .iter()
            .zip(g.target.iter())
            .filter(|(r, t)| r.field == RefField::SlotSchedule && (**t as usize) < n)
            .map(|(r, &t)| (r.from, t))
    };
    for (_, t) in slot_refs() {
        if let Some(c) = slots_of.get_mut(t as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..slots_of.len() {
        let prev = slots_of.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = slots_of.get_mut(i) {
            *c += prev;
        }
    }
    let mut fill = slots_of.clone();
    let mut rev = vec![0u32; slots_of.last().copied().unwrap_or(0) as usize];
    for (from, t) in slot_refs() {
        if let Some(at) = fill.get_mut(t as usize) {
            if let Some(x) = rev.get_mut(*at as usize) {
                *x = from;
            }
            *at += 1;
        }
    }
    let mut seen = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    for (pos, e) in ix.entries.iter().enumerate() {
        let root = if any_match { e.mode == SearchMode::Match } else { e.kind == searched };
        if root {
            if let Some(s) = seen.get_mut(pos) {
                *s = true;
            }
            stack.push(u32::try_from(pos).unwrap_or(NOT_FOUND));
        }
    }
    while let Some(p) = stack.pop() {
        let i = p as usize;
        let fwd = first_ref.get(i).copied().unwrap_or(0) as usize
            ..first_ref.get(i + 1).copied().unwrap_or(0) as usize;
        let back = slots_of.get(i).copied().unwrap_or(0) as usize
            ..slots_of.get(i + 1).copied().unwrap_or(0) as usize;
        let next =
            g.target.get(fwd).unwrap_or_default().iter().chain(rev.get(back).unwrap_or_default());
        for &q in next {
            if let Some(s) = seen.get_mut(q as usize)
                && !*s
            {
                *s = true;
                stack.push(q);
            }
        }
    }
    for (pos, e) in ix.entries.iter().enumerate() {
        if e.span == e.entry_span || e.mode == SearchMode::Outcome {
            continue;
        }
        let no_slot = e.kind == EntryType::Schedule && slots_of.get(pos) == slots_of.get(pos + 1);
        if no_slot {
            em.at_sev(
                Scope::ALL,
                &RULE,
                Severity::Warning,
                e.entry_span,
                "Schedule sans aucun Slot dans le Bundle".into(),
                "Schedule without any Slot in the Bundle".into(),
            );
        } else if !seen.get(pos).copied().unwrap_or(true)
            && !skip.get(pos).copied().unwrap_or(false)
        {
            em.at_sev(
                Scope::ALL,
                &RULE,
                Severity::Warning,
                e.entry_span,
                format!(
                    "entrée {} inutile : aucun résultat (`match`) n'y mène par les références",
                    ix.rtype(e)
                ),
                format!("useless {} entry: no match leads to it through references", ix.rtype(e)),
            );
        }
    }
}
