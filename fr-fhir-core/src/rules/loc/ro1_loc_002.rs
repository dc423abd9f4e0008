//! RO1-LOC-002 `location-address-line-city-cp`.
//!
//! Location.address is present with exactly one line, a city and a postalCode.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Location;
use crate::rules::Scope;
use crate::rules::{Emitter, quote};

/// RO1-LOC-002 `location-address-line-city-cp`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-LOC-002",
    name: "location-address-line-city-cp",
    severity: Severity::Error,
    scope: Scope::SLOT_SEARCHES,
    source: "FrLocationAgregateur / sas-sos-location-aggregator; agg-psindiv #38-#40 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrLocationAgregateur.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-location-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "Location.address est présente avec exactement une ligne, une ville et un code postal.",
    summary_en: "Location.address is present with exactly one line, a city and a postalCode.",
    doc: RuleDoc {
        what_fr: "Vérifie que le Location (contenu en PS/CPTS, entrée en SOS) a une address avec exactement un élément line, un city et un postalCode.",
        why_fr: "FrLocationAgregateur et sas-sos-location-aggregator (address 1..1, line 1..1, city et postalCode 1..1) ; exigences agg-psindiv #38 à #40 ; vérifié par le kit (validate_location). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Location\",\"address\":{\"line\":[\"12 rue de la Paix\",\"Bâtiment B\"],\"postalCode\":\"75002\"}}",
        fix_fr: "Regroupez l'adresse sur une seule ligne et renseignez city et postalCode.",
        what_en: "Checks that the Location (contained for PS/CPTS, an entry for SOS) has an address with exactly one line element, a city and a postalCode.",
        why_en: "FrLocationAgregateur and sas-sos-location-aggregator (address 1..1, line 1..1, city and postalCode 1..1); requirements agg-psindiv #38 to #40; checked by the kit (validate_location). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Location\",\"address\":{\"line\":[\"12 rue de la Paix\",\"Bâtiment B\"],\"postalCode\":\"75002\"}}",
        fix_en: "Put the street address on a single line and fill in city and postalCode.",
    },
};

/// The address of a place of consultation, contained (PS/CPTS) or an entry
/// (SOS): present, with exactly one line, a city and a postal code (whose
/// form is RO1-LOC-003's).
pub(crate) fn check_address(loc: &Location<'_>, scope: Scope, em: &mut Emitter<'_>) {
    let Some(addr) = &loc.address else {
        em.missing(
            scope,
            &RULE,
            loc.span,
            "address",
            "Location sans adresse : line, city et postalCode sont obligatoires".into(),
            "Location without an address: line, city and postalCode are mandatory".into(),
        );
        return;
    };
    for (present, part) in [
        (!addr.line.is_empty(), "line"),
        (addr.city.is_some(), "city"),
        (addr.postal_code.is_some(), "postalCode"),
    ] {
        if !present {
            em.missing(
                scope,
                &RULE,
                addr.span,
                part,
                format!(
                    "adresse du lieu sans `{part}` (line, city et postalCode sont obligatoires)"
                ),
                format!("place address without `{part}` (line, city and postalCode are mandatory)"),
            );
        }
    }
    for extra in addr.line.iter().skip(1) {
        em.at(
            scope,
            &RULE,
            extra.span,
            format!(
                "ligne d'adresse en trop {} : une seule ligne est admise",
                quote(extra.as_str())
            ),
            format!("extra address line {}: a single line is allowed", quote(extra.as_str())),
        );
    }
}
