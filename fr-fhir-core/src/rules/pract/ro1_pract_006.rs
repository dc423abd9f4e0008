//! RO1-PRACT-006 `practitioner-unique-per-id`.
//!
//! There is at most one Practitioner resource per national identifier.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use std::collections::HashMap;

use crate::rules::support::graph::Graph;
use crate::rules::{Emitter, Scope, quote};

/// RO1-PRACT-006 `practitioner-unique-per-id`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PRACT-006",
    name: "practitioner-unique-per-id",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "kit validate_cardinality / multi-place (exactly 1 Practitioner per RPPS)",
    summary_fr: "Il y a au plus un Practitioner par identifiant national.",
    summary_en: "There is at most one Practitioner resource per national identifier.",
    doc: RuleDoc {
        what_fr: "Signale deux ressources Practitioner qui portent la même valeur d'identifiant national.",
        why_fr: "Kit (validate_cardinality, scénario multi-lieux : exactement un Practitioner par RPPS) ; un praticien à deux lieux a deux PractitionerRole mais un seul Practitioner. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Practitioner\",\"id\":\"p1\",\"identifier\":[{\"value\":\"810101215225\",…}]} + {\"resourceType\":\"Practitioner\",\"id\":\"p1-lieu2\",\"identifier\":[{\"value\":\"810101215225\",…}]}",
        fix_fr: "Fusionnez les Practitioner d'un même praticien et faites pointer ses rôles et agendas vers cette seule ressource.",
        what_en: "Reports two Practitioner resources that carry the same national identifier value.",
        why_en: "Kit (validate_cardinality, multi-place scenario: exactly one Practitioner per RPPS); a practitioner with two places has two PractitionerRoles but a single Practitioner. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Practitioner\",\"id\":\"p1\",\"identifier\":[{\"value\":\"810101215225\",…}]} + {\"resourceType\":\"Practitioner\",\"id\":\"p1-lieu2\",\"identifier\":[{\"value\":\"810101215225\",…}]}",
        fix_en: "Merge the Practitioners of one practitioner and point their roles and schedules at that single resource.",
    },
};

/// One Practitioner entry per national identifier.
pub(crate) fn check_graph(g: &Graph<'_, '_>, em: &mut Emitter<'_>) {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for id in &g.ix.practitioner_ids {
        let first = *seen.entry(&id.value).or_insert(id.from);
        if first == id.from {
            continue;
        }
        // The same resource included twice is RO1-BUNDLE-008's.
        let same = match (g.ix.entry(first), g.ix.entry(id.from)) {
            (Some(a), Some(b)) => {
                let id = g.ix.id(a);
                id.is_some() && id == g.ix.id(b)
            }
            _ => false,
        };
        if !same {
            em.at(
                Scope::PS_CPTS,
                &RULE,
                id.span,
                format!("l'identifiant {} est déjà celui du Practitioner de l'entrée {} : un seul Practitioner par praticien", quote(&id.value), g.entry_no(first)),
                format!("identifier {} already belongs to the Practitioner of entry {}: one Practitioner per practitioner", quote(&id.value), g.entry_no(first)),
            );
        }
    }
}
