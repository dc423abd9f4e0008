//! RO1-BUNDLE-005 `self-link-echoes-request`.
//!
//! The self link query parameters are those of the request (order-insensitive multiset after decoding); a different URL string is reported.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-BUNDLE-005 `self-link-echoes-request`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-005",
    name: "self-link-echoes-request",
    severity: Severity::Warning,
    scope: Scope::PS_CPTS,
    source: "Test kit bundle_url_equal_url (error on parameter mismatch, warning on string mismatch)",
    summary_fr: "Les paramètres du lien self sont ceux de la requête (multiensemble sans ordre, après décodage) ; une chaîne d'URL différente est signalée.",
    summary_en: "The self link query parameters are those of the request (order-insensitive multiset after decoding); a different URL string is reported.",
    doc: RuleDoc {
        what_fr: "Décode les paramètres de Bundle.link.where(relation='self').url et de la requête capturée, puis compare les deux multiensembles sans tenir compte de l'ordre ; un paramètre en plus ou en moins est signalé, et aussi une chaîne d'URL différente à paramètres égaux.",
        why_fr: "Le kit officiel (bundle_url_equal_url) échoue si les paramètres diffèrent et avertit si seule la chaîne diffère ; la règle reste un avertissement car l'IG ne l'écrit pas, et la FAQ montre des liens self avec un _count=1000 non demandé (lecture AMB-17). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "requête : /Slot?status=free&start=ge…&start=le…   self: /Slot?status=free&start=ge…&start=le…&_count=1000",
        fix_fr: "Recopiez dans le lien self l'URL exacte reçue, sans ajouter ni retirer de paramètre.",
        what_en: "Decodes the parameters of Bundle.link.where(relation='self').url and of the captured request, then compares both multisets regardless of order; a parameter added or missing is reported, and so is a different URL string with equal parameters.",
        why_en: "The official kit (bundle_url_equal_url) fails when the parameters differ and warns when only the string differs; the rule stays a warning because the IG does not state it, and the FAQ shows self links with an unrequested _count=1000 (reading AMB-17). Official ANS kit: checked by a dedicated assertion.",
        example_en: "request: /Slot?status=free&start=ge…&start=le…   self: /Slot?status=free&start=ge…&start=le…&_count=1000",
        fix_en: "Copy the exact URL received into the self link, without adding or dropping any parameter.",
    },
};
