//! RO1-REQ-014 `request-params-listed-by-ig`.
//!
//! A parameter the IG does not list (_count, _format…) is tolerated: it is reported as a warning, not as an error.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use super::{is_include_name, push};
use crate::request::params::{Include, UseCase, UseCaseParams, names, values};
use crate::request::query::ParsedQuery;
use fr_fhir_core::finding::{Finding, Message};

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

/// Parameters and include values the IG does not list for `uc`: tolerated.
pub(crate) fn check(uc: UseCase, raw: &ParsedQuery<'_>, out: &mut Vec<Finding>) {
    let search = uc.as_str();
    let known = [uc.start_param(), uc.identifier_param(), uc.status_param(), names::FORMAT];
    let allowed = uc.required_includes();
    for p in &raw.params {
        let name = p.name.as_ref();
        if known.contains(&name) {
            continue;
        }
        let (fr, en) = if is_include_name(name) {
            let listed = if name == names::REVINCLUDE {
                uc == UseCase::SOS && p.value == values::SLOT_SCHEDULE
            } else {
                allowed.contains(&Include::new(&p.value, name == names::INCLUDE_ITERATE))
            };
            if listed {
                continue;
            }
            (
                format!(
                    "`{name}={}` non prévu par l'IG pour une recherche {search} : toléré",
                    p.value
                ),
                format!(
                    "`{name}={}` is not listed by the IG for a {search} search: tolerated",
                    p.value
                ),
            )
        } else {
            let (fr_hint, en_hint) = unlisted_hint(uc, name);
            (
                format!(
                    "paramètre `{name}` non prévu par l'IG pour une recherche {search} : toléré{fr_hint}"
                ),
                format!(
                    "parameter `{name}` is not listed by the IG for a {search} search: tolerated{en_hint}"
                ),
            )
        };
        push(out, &RULE, p.span, name, Message::new(fr, en));
    }
}

/// A hint for the usual confusions: the OpenAPI parameter name (AMB-30) and
/// the parameters of the other search.
fn unlisted_hint(uc: UseCase, name: &str) -> (String, String) {
    let other = if uc == UseCase::SOS { UseCase::PS } else { UseCase::SOS };
    if name == names::OPENAPI_START {
        let expected = uc.start_param();
        return (
            format!(" ; nom issu de l'OpenAPI généré, le paramètre est `{expected}` (AMB-30)"),
            format!(
                "; name taken from the generated OpenAPI, the parameter is `{expected}` (AMB-30)"
            ),
        );
    }
    if name == names::COUNT {
        return (
            " (les liens self de la FAQ portent `_count=1000`)".to_owned(),
            " (the FAQ self links carry `_count=1000`)".to_owned(),
        );
    }
    let pairs = [
        (other.start_param(), uc.start_param()),
        (other.status_param(), uc.status_param()),
        (other.identifier_param(), uc.identifier_param()),
    ];
    match pairs.iter().find(|(theirs, _)| *theirs == name) {
        Some((_, ours)) => (
            format!(" ; paramètre de la recherche {}, attendu ici `{ours}`", other.as_str()),
            format!("; this is the {} search parameter, expected here `{ours}`", other.as_str()),
        ),
        None => (String::new(), String::new()),
    }
}
