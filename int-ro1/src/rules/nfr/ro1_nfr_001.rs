//! RO1-NFR-001 `peak-load-3000-per-hour`.
//!
//! The server sustains a peak load of about 3000 searches per hour.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-NFR-001 `peak-load-3000-per-hour`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-NFR-001",
    name: "peak-load-3000-per-hour",
    severity: Severity::Information,
    scope: Scope::ALL,
    source: "IG annexes.md 'Hypothèses de volumétrie' — https://interop.esante.gouv.fr/ig/fhir/sas/annexes.html",
    summary_fr: "Le serveur tient une charge de pointe d'environ 3000 recherches par heure.",
    summary_en: "The server sustains a peak load of about 3000 searches per hour.",
    doc: RuleDoc {
        what_fr: "Information seulement : rappelle l'hypothèse de volumétrie de l'IG, qui ne peut pas se vérifier sur un échange capturé.",
        why_fr: "Annexes de l'IG, « Hypothèses de volumétrie » : 125 000 appels SAMU par jour, 4 recherches par appel, marge de 15 %. Kit officiel ANS : non vérifié.",
        example_fr: "(sans objet hors ligne)",
        fix_fr: "Testez en charge votre point d'accès à 3000 recherches par heure au moins.",
        what_en: "Information only: recalls the IG volume assumption, which cannot be checked on a captured exchange.",
        why_en: "IG annexes, 'Hypothèses de volumétrie': 125,000 SAMU calls a day, 4 searches per call, 15 % margin. Official ANS kit: not checked.",
        example_en: "(not applicable offline)",
        fix_en: "Load-test your endpoint at 3000 searches per hour or more.",
    },
};
