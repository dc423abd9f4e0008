//! RO1-SOS-002 `sos-location-name-address`.
//!
//! The SOS Location has a name and an address with one line, a city and a postalCode (at most 5 characters).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Location;
use crate::rules::{Emitter, Scope};

/// RO1-SOS-002 `sos-location-name-address`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SOS-002",
    name: "sos-location-name-address",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "sas-sos-location-aggregator — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-location-aggregator.html",
    summary_fr: "Le Location SOS a un name et une adresse avec une ligne, une ville et un code postal (5 caractères au plus).",
    summary_en: "The SOS Location has a name and an address with one line, a city and a postalCode (at most 5 characters).",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque Location SOS porte name et address, avec exactement un line, un city et un postalCode d'au plus 5 caractères.",
        why_fr: "Profil sas-sos-location-aggregator (name 1..1, address 1..1, line 1..1, postalCode maxLength 5). Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Location\",\"id\":\"pfg1\",\"address\":{\"city\":\"Rennes\",\"postalCode\":\"35000\"}}",
        fix_fr: "Ajoutez le nom du point fixe de garde et son adresse complète.",
        what_en: "Checks that every SOS Location carries name and address, with exactly one line, a city and a postalCode of at most 5 characters.",
        why_en: "sas-sos-location-aggregator profile (name 1..1, address 1..1, line 1..1, postalCode maxLength 5). Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Location\",\"id\":\"pfg1\",\"address\":{\"city\":\"Rennes\",\"postalCode\":\"35000\"}}",
        fix_en: "Add the name of the fixed consultation place and its full address.",
    },
};

/// The fixed consultation place has a name.
pub(crate) fn check(l: &Location<'_>, em: &mut Emitter<'_>) {
    if l.name.is_none() {
        em.missing(
            Scope::SOS,
            &RULE,
            l.span,
            "name",
            "lieu fixe de consultation sans nom (Location.name est obligatoire)".into(),
            "fixed consultation place without a name (Location.name is mandatory)".into(),
        );
    }
}
