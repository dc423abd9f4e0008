//! RO1-ID-010 `identifier-national-prefix`.
//!
//! National identifiers are returned with their prefix, never a bare RPPS, FINESS or SIRET.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-ID-010 `identifier-national-prefix`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-010",
    name: "identifier-national-prefix",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "FAQ PS #1, SOS #1 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Les identifiants nationaux sont renvoyés avec leur préfixe, jamais un RPPS, FINESS ou SIRET nu.",
    summary_en: "National identifiers are returned with their prefix, never a bare RPPS, FINESS or SIRET.",
    doc: RuleDoc {
        what_fr: "Repère les valeurs sous les OID nationaux qui ressemblent à un numéro nu (11 chiffres pour un RPPS, 9 pour un FINESS, 14 pour un SIRET) et avertit qu'il manque le préfixe.",
        why_fr: "FAQ PS n° 1 et SOS n° 1 (« gestion des préfixes ») : le préfixe est ajouté même si l'éditeur stocke le numéro nu. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: r#"{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"10101215225"}"#,
        fix_fr: "Ajoutez le préfixe au moment de produire la réponse : 8 + RPPS, 1 + FINESS, 3 + SIRET.",
        what_en: "Spots values under the national OIDs that look like a bare number (11 digits for an RPPS, 9 for a FINESS, 14 for a SIRET) and warns that the prefix is missing.",
        why_en: "PS FAQ #1 and SOS FAQ #1 ('gestion des préfixes'): the prefix is added even when the vendor stores the bare number. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"10101215225"}"#,
        fix_en: "Add the prefix when building the answer: 8 + RPPS, 1 + FINESS, 3 + SIRET.",
    },
};
