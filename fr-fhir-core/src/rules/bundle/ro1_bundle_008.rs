//! RO1-BUNDLE-008 `fullurl-unique`.
//!
//! fullUrl values are unique within the Bundle (bdl-7), and so are the resource type + id pairs.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::Index;
use crate::rules::{Emitter, Scope, quote};

/// RO1-BUNDLE-008 `fullurl-unique`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-008",
    name: "fullurl-unique",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 invariant bdl-7",
    summary_fr: "Les fullUrl sont uniques dans le Bundle (bdl-7), ainsi que les couples type de ressource + id.",
    summary_en: "fullUrl values are unique within the Bundle (bdl-7), and so are the resource type + id pairs.",
    doc: RuleDoc {
        what_fr: "Signale deux entrées de même fullUrl, ou deux ressources de même type et même id.",
        why_fr: "Invariant bdl-7 de FHIR R4 ; une même ressource incluse deux fois (par exemple un Practitioner commun à deux Schedule) doit n'apparaître qu'une fois. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"entry\":[{\"fullUrl\":\"https://exemple.com/ans-sas/Practitioner/p1\",…},{\"fullUrl\":\"https://exemple.com/ans-sas/Practitioner/p1\",…}]}",
        fix_fr: "Dédoublonnez les ressources incluses avant de construire le Bundle.",
        what_en: "Reports two entries with the same fullUrl, or two resources with the same type and id.",
        why_en: "FHIR R4 invariant bdl-7; a resource included twice (for example a Practitioner shared by two Schedules) must appear only once. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"entry\":[{\"fullUrl\":\"https://exemple.com/ans-sas/Practitioner/p1\",…},{\"fullUrl\":\"https://exemple.com/ans-sas/Practitioner/p1\",…}]}",
        fix_en: "Deduplicate the included resources before building the Bundle.",
    },
};

/// fullUrl and type/id are unique; a repeated entry is reported once.
pub(crate) fn check_bundle(ix: &Index<'_>, em: &mut Emitter<'_>) {
    let mut reported = std::collections::HashSet::new();
    for d in &ix.dup_full_url {
        let Some(e) = ix.entry(d.second) else { continue };
        reported.insert(d.second);
        let url = ix.full_url(e);
        let url = url.as_deref().unwrap_or_default();
        em.at(
            Scope::ALL,
            &RULE,
            e.full_url_span,
            format!(
                "fullUrl {} déjà utilisé par l'entrée {}",
                quote(url),
                first_index(ix, d.first)
            ),
            format!("fullUrl {} already used by entry {}", quote(url), first_index(ix, d.first)),
        );
    }
    for d in &ix.dup_type_id {
        if reported.contains(&d.second) {
            continue;
        }
        let Some(e) = ix.entry(d.second) else { continue };
        let id = ix.id(e);
        let id = id.as_deref().unwrap_or_default();
        let rtype = ix.rtype(e);
        em.missing(
            Scope::ALL,
            &RULE,
            e.span,
            "id",
            format!("{rtype}/{id} figure déjà à l'entrée {}", first_index(ix, d.first)),
            format!("{rtype}/{id} already appears at entry {}", first_index(ix, d.first)),
        );
    }
}

fn first_index(ix: &Index<'_>, pos: u32) -> u32 {
    ix.entry(pos).map_or(pos, |e| e.index)
}
