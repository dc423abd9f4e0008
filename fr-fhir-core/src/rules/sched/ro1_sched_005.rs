//! RO1-SCHED-005 `sos-schedule-actor-location`.
//!
//! For SOS, Schedule.actor has exactly one reference, to a Location of the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-SCHED-005 `sos-schedule-actor-location`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SCHED-005",
    name: "sos-schedule-actor-location",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "sas-sos-schedule-aggregator; FAQ SOS — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-schedule-aggregator.html",
    summary_fr: "En SOS, Schedule.actor a exactement une référence, vers un Location du Bundle.",
    summary_en: "For SOS, Schedule.actor has exactly one reference, to a Location of the Bundle.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque Schedule SOS a un seul acteur et que celui-ci se résout vers une entrée Location (un Schedule par point fixe de garde).",
        why_fr: "Profil sas-sos-schedule-aggregator (actor de type FrLocation) et FAQ SOS. Kit officiel ANS : non vérifié.",
        example_fr: r#"{"resourceType":"Schedule","actor":[{"reference":"Location/pfg1"},{"reference":"Organization/sos1"}]}"#,
        fix_fr: "Ne gardez que la référence au Location du point fixe dans Schedule.actor.",
        what_en: "Checks that every SOS Schedule has a single actor and that it resolves to a Location entry (one Schedule per fixed consultation place).",
        why_en: "sas-sos-schedule-aggregator profile (actor typed FrLocation) and SOS FAQ. Official ANS kit: not checked.",
        example_en: r#"{"resourceType":"Schedule","actor":[{"reference":"Location/pfg1"},{"reference":"Organization/sos1"}]}"#,
        fix_en: "Keep only the reference to the fixed place's Location in Schedule.actor.",
    },
};
