//! RO1-BUNDLE-004 `bundle-single-self-link`.
//!
//! For CPTS and SOS, Bundle.link holds exactly one link, the self link; it is recommended for PS.

use super::missing_sev;
use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::{Emitter, Finish, Scope, quote};

/// RO1-BUNDLE-004 `bundle-single-self-link`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-004",
    name: "bundle-single-self-link",
    severity: Severity::Error,
    scope: Scope::CPTS_SOS,
    source: "sas-cpts/sos-bundle-aggregator link 1..1 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-bundle-aggregator.html",
    summary_fr: "En CPTS et SOS, Bundle.link contient exactement un lien, le lien self ; il est recommandé en PS.",
    summary_en: "For CPTS and SOS, Bundle.link holds exactly one link, the self link; it is recommended for PS.",
    doc: RuleDoc {
        what_fr: "Vérifie que Bundle.link a exactement un élément, de relation self : aucun lien, plusieurs liens ou des liens de pagination (next, previous) sont signalés.",
        why_fr: "sas-cpts-bundle-aggregator et sas-sos-bundle-aggregator déclarent link 1..1 ; le SAS ne pagine pas (lecture AMB-29) ; le kit exige aussi link.url en PS. Kit officiel ANS : vérifié en partie.",
        example_fr: "{\"link\":[{\"relation\":\"self\",\"url\":\"https://…/Slot?…\"},{\"relation\":\"next\",\"url\":\"https://…/Slot?…&page=2\"}]}",
        fix_fr: "Renvoyez un seul lien {\"relation\":\"self\",\"url\":\"<URL de la requête>\"} et tous les résultats dans une seule page.",
        what_en: "Checks that Bundle.link has exactly one element, with relation self: no link, several links or paging links (next, previous) are reported.",
        why_en: "sas-cpts-bundle-aggregator and sas-sos-bundle-aggregator declare link 1..1; the SAS does not page (reading AMB-29); the kit also requires link.url for PS. Official ANS kit: partly checked.",
        example_en: "{\"link\":[{\"relation\":\"self\",\"url\":\"https://…/Slot?…\"},{\"relation\":\"next\",\"url\":\"https://…/Slot?…&page=2\"}]}",
        fix_en: "Return a single link {\"relation\":\"self\",\"url\":\"<request URL>\"} and every match in a single page.",
    },
};

/// Exactly one link, the self link (AMB-29).
pub(crate) fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let b = f.bundle;
    let here = f.use_case.scope();
    let sev = super::ps_warning(f.use_case);
    if b.link.is_empty() {
        if super::bundle_has_key(f, "link") {
            return;
        }
        missing_sev(
            em,
            here,
            &RULE,
            sev,
            b.span,
            "link",
            "Bundle.link est absent : un lien `self` qui reprend la requête est attendu",
            "Bundle.link is missing: a `self` link repeating the request is expected",
        );
        return;
    }
    let mut selves = 0u32;
    for link in &b.link {
        match &link.relation {
            Some(r) if r.as_str() == "self" => {
                selves += 1;
                if selves > 1 {
                    em.at_sev(
                        here,
                        &RULE,
                        sev,
                        link.span,
                        "second lien `self` : un seul lien est attendu".into(),
                        "second `self` link: exactly one link is expected".into(),
                    );
                } else if link.url.is_none() {
                    missing_sev(
                        em,
                        here,
                        &RULE,
                        sev,
                        link.span,
                        "url",
                        "le lien `self` n'a pas d'url",
                        "the `self` link has no url",
                    );
                }
            }
            Some(r) => em.at_sev(
                here,
                &RULE,
                sev,
                r.span,
                format!(
                    "lien {} inattendu : le SAS ne pagine pas, seul le lien `self` est attendu",
                    quote(r.as_str())
                ),
                format!(
                    "unexpected {} link: the SAS does not page, only the `self` link is expected",
                    quote(r.as_str())
                ),
            ),
            None => missing_sev(
                em,
                here,
                &RULE,
                sev,
                link.span,
                "relation",
                "lien sans `relation` : `self` attendu",
                "link without `relation`: `self` expected",
            ),
        }
    }
}
