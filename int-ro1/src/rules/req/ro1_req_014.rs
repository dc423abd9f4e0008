//! RO1-REQ-014 `request-params-listed-by-ig`.
//!
//! A parameter the IG does not list (_count, _format…) is tolerated: it is reported as a warning, not as an error.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REQ-014 `request-params-listed-by-ig`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-014",
    name: "request-params-listed-by-ig",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "FAQ examples carry `_count=1000`; base URL template allows `_format` — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Un paramètre non listé par l'IG (_count, _format…) est toléré : il est signalé en avertissement, pas en erreur.",
    summary_en: "A parameter the IG does not list (_count, _format…) is tolerated: it is reported as a warning, not as an error.",
    doc: RuleDoc {
        what_fr: "Signale en avertissement chaque paramètre de requête qui ne figure pas dans la recherche de l'IG pour le cas d'usage (par exemple _count ou _format), sans en faire une erreur.",
        why_fr: "Les liens self de la FAQ portent _count=1000 et le gabarit d'URL de l'IG autorise _format : ces paramètres existent en pratique, mais le SAS ne les envoie pas. Kit officiel ANS : non vérifié.",
        example_fr: "GET /fhir/Slot?_count=1000&_include=Slot:schedule&…",
        fix_fr: "Rien d'obligatoire ; pour coller aux appels du SAS, retirez les paramètres que l'IG ne liste pas.",
        what_en: "Reports as a warning each request parameter that is not part of the IG search for the use case (for example _count or _format), without making it an error.",
        why_en: "The FAQ self links carry _count=1000 and the IG URL template allows _format: these parameters exist in practice, but the SAS does not send them. Official ANS kit: not checked.",
        example_en: "GET /fhir/Slot?_count=1000&_include=Slot:schedule&…",
        fix_en: "Nothing mandatory; to match the SAS calls, drop the parameters the IG does not list.",
    },
};
