//! RO1-LOC-003 `location-postal-code-5-digits`.
//!
//! The Location postal code is exactly 5 digits.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Location;
use crate::rules::Scope;
use crate::rules::{Emitter, quote};

/// RO1-LOC-003 `location-postal-code-5-digits`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-LOC-003",
    name: "location-postal-code-5-digits",
    severity: Severity::Error,
    scope: Scope::SLOT_SEARCHES,
    source: "agg-psindiv #40; sas-sos-location maxLength 5 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-location-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "Le code postal du Location compte exactement 5 chiffres.",
    summary_en: "The Location postal code is exactly 5 digits.",
    doc: RuleDoc {
        what_fr: "Vérifie que Location.address.postalCode est fait de 5 chiffres exactement, sans espace.",
        why_fr: "Exigence agg-psindiv #40 ([0-9]{5}), maxLength 5 de sas-sos-location-aggregator ; vérifié par le kit. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"address\":{\"line\":[\"12 rue de la Paix\"],\"city\":\"Paris\",\"postalCode\":\"75 002\"}}",
        fix_fr: "Envoyez le code postal sur 5 chiffres (75002, 97400…).",
        what_en: "Checks that Location.address.postalCode is exactly 5 digits, with no spaces.",
        why_en: "Requirement agg-psindiv #40 ([0-9]{5}), maxLength 5 in sas-sos-location-aggregator; checked by the kit. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"address\":{\"line\":[\"12 rue de la Paix\"],\"city\":\"Paris\",\"postalCode\":\"75 002\"}}",
        fix_en: "Send the postal code as 5 digits (75002, 97400…).",
    },
};

/// The postal code of a Location address has five digits (the address
/// itself is RO1-LOC-002's).
pub(crate) fn check_postal_code(loc: &Location<'_>, scope: Scope, em: &mut Emitter<'_>) {
    let Some(addr) = &loc.address else { return };
    if let Some(pc) = &addr.postal_code {
        let s = pc.as_str();
        if !(s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())) {
            em.at(
                scope,
                &RULE,
                pc.span,
                format!("code postal {} : 5 chiffres attendus", quote(s)),
                format!("postal code {}: 5 digits expected", quote(s)),
            );
        }
    }
}
