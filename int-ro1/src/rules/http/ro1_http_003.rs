//! RO1-HTTP-003 `response-content-type-json`.
//!
//! The response Content-Type declares JSON: a non-JSON type is an error, application/json instead of application/fhir+json or a missing charset is a warning.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use crate::exchange::parts;
use crate::rules::support::findings;
use fr_fhir_core::finding::{Finding, Message};

/// RO1-HTTP-003 `response-content-type-json`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-HTTP-003",
    name: "response-content-type-json",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "Test kit slot_search_setup (warning); IG encoding UTF-8 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Le Content-Type de la réponse déclare du JSON : un type non JSON est une erreur, application/json au lieu de application/fhir+json ou l'absence de charset un avertissement.",
    summary_en: "The response Content-Type declares JSON: a non-JSON type is an error, application/json instead of application/fhir+json or a missing charset is a warning.",
    doc: RuleDoc {
        what_fr: "Lit l'en-tête Content-Type de la réponse : text/html, application/fhir+xml, text/plain… sont des erreurs ; application/json (au lieu de application/fhir+json) ou un type sans charset=utf-8 sont des avertissements.",
        why_fr: "Le kit officiel (slot_search_setup) attend application/fhir+json en avertissement et l'IG impose l'encodage UTF-8 ; lecture AMB-27 : erreur dans le cas net (pas du JSON), avertissement sinon. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "Content-Type: text/html; charset=utf-8",
        fix_fr: "Renvoyez Content-Type: application/fhir+json; charset=utf-8.",
        what_en: "Reads the response Content-Type header: text/html, application/fhir+xml, text/plain… are errors; application/json (instead of application/fhir+json) or a type without charset=utf-8 are warnings.",
        why_en: "The official kit (slot_search_setup) expects application/fhir+json as a warning and the IG requires UTF-8; reading AMB-27: error in the clear-cut case (not JSON), warning otherwise. Official ANS kit: checked by a dedicated assertion.",
        example_en: "Content-Type: text/html; charset=utf-8",
        fix_en: "Send Content-Type: application/fhir+json; charset=utf-8.",
    },
};

/// The response media type: `application/fhir+json` with `charset=utf-8`;
/// other JSON types and a missing charset are warnings. `content_type` is
/// `None` when the response has no such header.
pub(crate) fn check(content_type: Option<&str>, out: &mut Vec<Finding>) {
    let rule = &RULE;
    let Some(ct) = content_type else {
        out.push(findings::exchange(
            rule,
            Severity::Error,
            parts::CONTENT_TYPE,
            Message::new(
                "en-tête Content-Type absent, attendu `application/fhir+json; charset=utf-8`",
                "no Content-Type header, expected `application/fhir+json; charset=utf-8`",
            ),
        ));
        return;
    };
    let mut items = ct.split(';');
    let media = items.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = items.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches('"').to_owned())
    });
    // `application/json+fhir` is the legacy FHIR type the IG itself shows (AMB-27).
    let json_like =
        media == "application/json" || media == "application/json+fhir" || media.ends_with("+json");
    if media != "application/fhir+json" {
        let (severity, fr, en) = if json_like {
            (
                Severity::Warning,
                format!(
                    "Content-Type `{ct}` : type JSON accepté, mais `application/fhir+json` est attendu"
                ),
                format!(
                    "Content-Type `{ct}`: a JSON type, but `application/fhir+json` is expected"
                ),
            )
        } else {
            (
                Severity::Error,
                format!(
                    "Content-Type `{ct}` : ce n'est pas du JSON, attendu `application/fhir+json`"
                ),
                format!("Content-Type `{ct}` is not JSON, expected `application/fhir+json`"),
            )
        };
        out.push(findings::exchange(rule, severity, parts::CONTENT_TYPE, Message::new(fr, en)));
        if !json_like {
            return;
        }
    }
    match charset {
        None => out.push(findings::exchange(
            rule,
            Severity::Warning,
            parts::CONTENT_TYPE,
            Message::new(
                format!("Content-Type `{ct}` sans `charset` : attendu `charset=utf-8`"),
                format!("Content-Type `{ct}` has no `charset`: expected `charset=utf-8`"),
            ),
        )),
        Some(cs) if !cs.eq_ignore_ascii_case("utf-8") && !cs.eq_ignore_ascii_case("utf8") => {
            out.push(findings::exchange(
                rule,
                Severity::Error,
                parts::CONTENT_TYPE,
                Message::new(
                    format!("jeu de caractères `{cs}`, attendu `utf-8`"),
                    format!("character set `{cs}`, expected `utf-8`"),
                ),
            ));
        }
        Some(_) => {}
    }
}
