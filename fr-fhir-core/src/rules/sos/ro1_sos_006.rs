//! RO1-SOS-006 `sos-opening-hours-valid`.
//!
//! Location.hoursOfOperation days are mon to sun and opening and closing times are FHIR times hh:mm:ss.

use crate::finding::{Message, RuleDoc, RuleMeta, Severity};
use crate::model::Location;
use crate::primitives::{PrimitiveKind, check as check_primitive};
use crate::rules::support::location::DAYS_OF_WEEK;
use crate::rules::{Emitter, Scope, quote};

/// RO1-SOS-006 `sos-opening-hours-valid`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SOS-006",
    name: "sos-opening-hours-valid",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "IG SOS nomenclature 'Horaires d'ouverture'; FHIR R4 required binding days-of-week — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html",
    summary_fr: "Les jours de Location.hoursOfOperation sont mon à sun et les heures d'ouverture et de fermeture sont des time FHIR hh:mm:ss.",
    summary_en: "Location.hoursOfOperation days are mon to sun and opening and closing times are FHIR times hh:mm:ss.",
    doc: RuleDoc {
        what_fr: "Vérifie que daysOfWeek ne contient que mon, tue, wed, thu, fri, sat, sun et que openingTime et closingTime ont la forme hh:mm:ss.",
        why_fr: "Nomenclature SOS « Horaires d'ouverture » de l'IG et liaison obligatoire days-of-week de FHIR R4. Kit officiel ANS : non vérifié.",
        example_fr: "{\"hoursOfOperation\":[{\"daysOfWeek\":[\"lundi\"],\"openingTime\":\"8h00\",\"closingTime\":\"20:00\"}]}",
        fix_fr: "Écrivez les jours en codes FHIR (mon…sun) et les heures sur le modèle 08:00:00.",
        what_en: "Checks that daysOfWeek holds only mon, tue, wed, thu, fri, sat, sun and that openingTime and closingTime have the hh:mm:ss form.",
        why_en: "IG SOS nomenclature 'Horaires d'ouverture' and FHIR R4 required binding days-of-week. Official ANS kit: not checked.",
        example_en: "{\"hoursOfOperation\":[{\"daysOfWeek\":[\"lundi\"],\"openingTime\":\"8h00\",\"closingTime\":\"20:00\"}]}",
        fix_en: "Write days as FHIR codes (mon…sun) and times as 08:00:00.",
    },
};

/// Days mon..sun, times hh:mm:ss.
pub(crate) fn check(l: &Location<'_>, em: &mut Emitter<'_>) {
    for h in &l.hours_of_operation {
        for d in &h.days_of_week {
            if !DAYS_OF_WEEK.contains(&d.as_str()) {
                em.at(
                    Scope::SOS,
                    &RULE,
                    d.span,
                    format!(
                        "jour {} : attendu mon, tue, wed, thu, fri, sat ou sun",
                        quote(d.as_str())
                    ),
                    format!(
                        "day {}: expected mon, tue, wed, thu, fri, sat or sun",
                        quote(d.as_str())
                    ),
                );
            }
        }
        for t in [&h.opening_time, &h.closing_time].into_iter().flatten() {
            let s = t.as_str();
            let lexical = check_primitive(PrimitiveKind::Time, s).err();
            if lexical.is_none() && s.len() == 8 {
                continue;
            }
            let detail = lexical.map(|e| e.message()).unwrap_or_else(|| {
                Message::new("fraction de seconde en trop", "extra fraction of a second")
            });
            em.at(
                Scope::SOS,
                &RULE,
                t.span,
                format!("heure {} : forme hh:mm:ss attendue ({})", quote(s), detail.fr),
                format!("time {}: hh:mm:ss form expected ({})", quote(s), detail.en),
            );
        }
    }
}
