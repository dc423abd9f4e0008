//! RO1-BUNDLE-002 `bundle-total-present`.
//!
//! Bundle.total is present and is 0 when nothing matches.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::{Emitter, Finish, Scope};

/// RO1-BUNDLE-002 `bundle-total-present`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-002",
    name: "bundle-total-present",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "sas-cpts/sos-bundle-aggregator total 1..1; IG 'Le service indique le total' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-bundle-aggregator.html",
    summary_fr: "Bundle.total est présent et vaut 0 quand rien ne correspond.",
    summary_en: "Bundle.total is present and is 0 when nothing matches.",
    doc: RuleDoc {
        what_fr: "Vérifie la présence de Bundle.total, y compris pour un résultat vide ; obligatoire dans les profils CPTS et SOS (1..1), exigé par le texte de l'IG pour les PS.",
        why_fr: "sas-cpts-bundle-aggregator et sas-sos-bundle-aggregator déclarent total 1..1 ; l'IG écrit « Le service indique le total » pour tous les cas d'usage. Kit officiel ANS : vérifié en partie.",
        example_fr: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[…],\"entry\":[…]}",
        fix_fr: "Ajoutez \"total\": <nombre de résultats>, ou \"total\": 0 pour une recherche sans résultat.",
        what_en: "Checks that Bundle.total is present, including for an empty result; mandatory in the CPTS and SOS profiles (1..1), required by the IG narrative for PS.",
        why_en: "sas-cpts-bundle-aggregator and sas-sos-bundle-aggregator declare total 1..1; the IG says 'Le service indique le total' for every use case. Official ANS kit: partly checked.",
        example_en: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[…],\"entry\":[…]}",
        fix_en: "Add \"total\": <number of matches>, or \"total\": 0 for a search with no match.",
    },
};

/// A searchset Bundle gives its total.
pub(crate) fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let b = f.bundle;
    if b.total.is_none() && super::is_searchset(b) && !super::bundle_has_key(f, "total") {
        em.missing(
            Scope::ALL,
            &RULE,
            b.span,
            "total",
            "Bundle.total est absent : il doit indiquer le nombre de résultats (0 si aucun)".into(),
            "Bundle.total is missing: it must give the number of matches (0 when none)".into(),
        );
    }
}
