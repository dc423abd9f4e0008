//! RO1-WIN-003 `request-bounds-paris-time`.
//!
//! Bounds without offset are read as Europe/Paris wall-clock time, and a space before the offset in a captured URL is read as '+'.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use crate::request::DateParam;
use crate::request::query::{ParsedQuery, RepairSource};
use crate::rules::support::findings;
use fr_fhir_core::finding::{Finding, Message};

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

/// How the bound `date` of parameter `name` was read: a restored offset
/// sign, or a bound read as Paris time.
pub(crate) fn check(name: &str, date: &DateParam, raw: &ParsedQuery<'_>, out: &mut Vec<Finding>) {
    let value = date.value();
    let mut push = |severity, span, message| {
        out.push(findings::request(&RULE, severity, span, name, message));
    };
    if let Some(repair) = date.repair {
        let (severity, fr, en) = match repair.source {
            RepairSource::RawPlus => (
                Severity::Information,
                "`+` non encodé lu comme signe du décalage (encoder `%2B` pour lever l'ambiguïté)",
                "unencoded `+` read as the offset sign (encode it as `%2B` to be unambiguous)",
            ),
            RepairSource::EncodedSpace | RepairSource::RawSpace => (
                Severity::Warning,
                "espace avant le décalage lue comme `+` (le `+` n'a pas été encodé `%2B`)",
                "space before the offset read as `+` (the `+` was not encoded as `%2B`)",
            ),
        };
        push(
            severity,
            repair.span,
            Message::new(format!("`{name}={value}` : {fr}"), format!("`{name}={value}`: {en}")),
        );
    }
    if let Ok(bound) = &date.bound
        && !bound.had_zone
    {
        push(
            Severity::Information,
            date.span.unwrap_or(raw.query),
            Message::new(
                format!(
                    "`{name}={value}` sans décalage horaire : lu en heure de Paris (Europe/Paris)"
                ),
                format!("`{name}={value}` has no offset: read as Europe/Paris wall-clock time"),
            ),
        );
    }
}
