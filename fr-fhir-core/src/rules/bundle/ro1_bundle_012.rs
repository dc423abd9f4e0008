//! RO1-BUNDLE-012 `empty-result-no-entry`.
//!
//! An empty result is a 200 with a searchset Bundle, total 0 and no entry element (not an empty array).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::{Emitter, Finish, Scope};

/// RO1-BUNDLE-012 `empty-result-no-entry`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-012",
    name: "empty-result-no-entry",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FAQ PS #9, SOS #5; agg-psindiv #8 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Un résultat vide est un 200 avec un Bundle searchset, total 0 et aucun élément entry (pas un tableau vide).",
    summary_en: "An empty result is a 200 with a searchset Bundle, total 0 and no entry element (not an empty array).",
    doc: RuleDoc {
        what_fr: "Quand aucun créneau ne correspond, vérifie que la réponse est 200, que le Bundle est de type searchset, que total vaut 0 et que l'élément entry est absent.",
        why_fr: "FAQ PS n° 9 et SOS n° 5, exigence agg-psindiv #8 ; le kit ne le vérifie pas, car il s'arrête sur un Bundle vide. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0,\"entry\":[]}",
        fix_fr: "Renvoyez {\"resourceType\":\"Bundle\",\"meta\":{…},\"type\":\"searchset\",\"total\":0,\"link\":[{\"relation\":\"self\",\"url\":\"…\"}]} sans entry.",
        what_en: "When no slot matches, checks that the answer is 200, that the Bundle is of type searchset, that total is 0 and that the entry element is absent.",
        why_en: "PS FAQ #9 and SOS FAQ #5, requirement agg-psindiv #8; the kit does not check it, as it stops on an empty Bundle. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0,\"entry\":[]}",
        fix_en: "Return {\"resourceType\":\"Bundle\",\"meta\":{…},\"type\":\"searchset\",\"total\":0,\"link\":[{\"relation\":\"self\",\"url\":\"…\"}]} without entry.",
    },
};

/// An empty result omits `entry` rather than giving an empty array.
pub(crate) fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let b = f.bundle;
    if let Some(sp) = b.entry_span
        && b.entry_count == 0
    {
        em.at(
            Scope::ALL,
            &RULE,
            sp,
            "résultat vide : l'élément `entry` doit être omis, pas donné comme tableau vide".into(),
            "empty result: the `entry` element must be omitted, not given as an empty array".into(),
        );
    }
}
