//! RO1-CPTS-007 `cpts-one-service-per-organization`.
//!
//! There is one HealthcareService per CPTS Organization (equal counts, distinct providedBy targets).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use std::collections::HashMap;

use crate::rules::index::{EntryType, RefField};
use crate::rules::support::graph::Graph;
use crate::rules::{Emitter, Scope, quote};

/// RO1-CPTS-007 `cpts-one-service-per-organization`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-007",
    name: "cpts-one-service-per-organization",
    severity: Severity::Warning,
    scope: Scope::CPTS,
    source: "FAQ PS; kit validate_cardinality_cpts — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Il y a un HealthcareService par Organization CPTS (mêmes nombres, cibles de providedBy distinctes).",
    summary_en: "There is one HealthcareService per CPTS Organization (equal counts, distinct providedBy targets).",
    doc: RuleDoc {
        what_fr: "Compare le nombre de HealthcareService et d'Organization CPTS et vérifie que les providedBy désignent des Organization distinctes.",
        why_fr: "FAQ PS et kit (validate_cardinality_cpts). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "2 HealthcareService (providedBy Organization/o1, Organization/o1) + 2 Organization (o1, o2)",
        fix_fr: "Créez un HealthcareService par CPTS, chacun pointant vers l'Organization de sa CPTS.",
        what_en: "Compares the numbers of HealthcareService and CPTS Organization entries and checks that the providedBy references point to distinct Organizations.",
        why_en: "PS FAQ and kit (validate_cardinality_cpts). Official ANS kit: checked by a dedicated assertion.",
        example_en: "2 HealthcareService (providedBy Organization/o1, Organization/o1) + 2 Organization (o1, o2)",
        fix_en: "Create one HealthcareService per CPTS, each pointing at its CPTS Organization.",
    },
};

/// One HealthcareService per CPTS Organization: as many of each, and no
/// Organization providing two.
pub(crate) fn check_graph(g: &Graph<'_, '_>, em: &mut Emitter<'_>) {
    let count = |t: EntryType| g.ix.entries.iter().filter(|e| e.kind == t).count();
    let (hs, org) = (count(EntryType::HealthcareService), count(EntryType::Organization));
    if hs != org {
        let fr =
            format!("{hs} HealthcareService pour {org} Organization : une offre par CPTS attendue");
        let en =
            format!("{hs} HealthcareService for {org} Organization: one service per CPTS expected");
        let at = g.bundle.entry_span.unwrap_or(g.bundle.span);
        em.at_sev(Scope::CPTS, &RULE, Severity::Warning, at, fr, en);
    }
    let mut providers: HashMap<u32, u32> = HashMap::new();
    for (r, t) in g.resolved() {
        if r.field != RefField::ProvidedBy || g.rtype(t) != Some("Organization") {
            continue;
        }
        let first = *providers.entry(t).or_insert(r.from);
        if first != r.from {
            em.at_sev(
                Scope::CPTS,
                &RULE,
                Severity::Warning,
                r.span,
                format!(
                    "{} est déjà l'Organization du HealthcareService de l'entrée {}",
                    quote(&g.text(r)),
                    g.entry_no(first)
                ),
                format!(
                    "{} is already the Organization of the HealthcareService of entry {}",
                    quote(&g.text(r)),
                    g.entry_no(first)
                ),
            );
        }
    }
}
