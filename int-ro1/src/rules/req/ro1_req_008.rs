//! RO1-REQ-008 `request-status-free`.
//!
//! The request carries status=free, exactly that value.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REQ-008 `request-status-free`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-008",
    name: "request-status-free",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "IG search table id 4; agg-psindiv #27 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "La requête porte status=free, exactement cette valeur.",
    summary_en: "The request carries status=free, exactly that value.",
    doc: RuleDoc {
        what_fr: "Vérifie que le paramètre status est présent et vaut exactement free (pas de liste, pas d'autre code de statut).",
        why_fr: "Tableau de recherche de l'IG (ligne 4) et exigence agg-psindiv #27 : le SAS ne cherche que des créneaux libres. Kit officiel ANS : implicite, le kit construit toujours la requête ainsi.",
        example_fr: "GET /fhir/Slot?status=free,busy&…",
        fix_fr: "Ajoutez status=free à la requête.",
        what_en: "Checks that the status parameter is present and equals exactly free (no list, no other status code).",
        why_en: "IG search table (row 4) and requirement agg-psindiv #27: the SAS only searches for free slots. Official ANS kit: implicit, the kit always builds the request that way.",
        example_en: "GET /fhir/Slot?status=free,busy&…",
        fix_en: "Add status=free to the request.",
    },
};
