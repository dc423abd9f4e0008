//! RO1-SOS-007 `sos-comment-agenda-url`.
//!
//! For SOS, Slot.comment links to the fixed-place agenda, ideally to the selected slot.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-SOS-007 `sos-comment-agenda-url`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SOS-007",
    name: "sos-comment-agenda-url",
    severity: Severity::Warning,
    scope: Scope::SOS,
    source: "FAQ SOS 'URL dans comment' — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "En SOS, Slot.comment renvoie vers l'agenda du point fixe, idéalement vers le créneau choisi.",
    summary_en: "For SOS, Slot.comment links to the fixed-place agenda, ideally to the selected slot.",
    doc: RuleDoc {
        what_fr: "Avertit quand le comment d'un Slot SOS n'est pas une URL http(s) absolue pouvant mener à l'agenda du point fixe de garde.",
        why_fr: "FAQ SOS « URL dans comment » ; la cible exacte de l'URL n'est pas vérifiable hors ligne, d'où l'avertissement. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Slot\",\"comment\":\"Appeler le 3624\"}",
        fix_fr: "Mettez dans comment l'URL de l'agenda du point fixe, de préférence celle du créneau.",
        what_en: "Warns when the comment of an SOS Slot is not an absolute http(s) URL that can lead to the fixed place's agenda.",
        why_en: "SOS FAQ 'URL dans comment'; the exact target of the URL cannot be checked offline, hence the warning. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Slot\",\"comment\":\"Appeler le 3624\"}",
        fix_en: "Put the fixed place's agenda URL in comment, preferably the slot's own URL.",
    },
};
