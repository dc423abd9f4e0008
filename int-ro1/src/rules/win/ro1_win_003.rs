//! RO1-WIN-003 `request-bounds-paris-time`.
//!
//! Bounds without offset are read as Europe/Paris wall-clock time, and a space before the offset in a captured URL is read as '+'.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-WIN-003 `request-bounds-paris-time`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-WIN-003",
    name: "request-bounds-paris-time",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "FHIR search date rule (server local time); kit sends Paris time",
    summary_fr: "Une borne sans décalage se lit en heure de Paris, et un espace avant le décalage dans une URL capturée se lit comme un +.",
    summary_en: "Bounds without offset are read as Europe/Paris wall-clock time, and a space before the offset in a captured URL is read as '+'.",
    doc: RuleDoc {
        what_fr: "Signale les bornes de la requête qui ont dû être interprétées : sans décalage, elles sont lues en heure de Paris ; un espace devant hh:mm (un + décodé comme espace) est relu comme +.",
        why_fr: "Règle de recherche FHIR (heure locale du serveur) et kit, qui envoie l'heure de Paris ; lecture AMB-05.",
        example_fr: "GET /fhir/Slot?start=ge2024-06-12T16:20:00.000 02:00&start=le2024-06-15T16:20:00&…",
        fix_fr: "Envoyez des bornes avec décalage explicite et encodez le + en %2B.",
        what_en: "Reports the request bounds that had to be interpreted: without offset they are read as Paris time; a space before hh:mm (a + decoded as a space) is read back as +.",
        why_en: "FHIR search date rule (server local time) and the kit, which sends Paris time; reading AMB-05.",
        example_en: "GET /fhir/Slot?start=ge2024-06-12T16:20:00.000 02:00&start=le2024-06-15T16:20:00&…",
        fix_en: "Send bounds with an explicit offset and encode + as %2B.",
    },
};
