//! RO1-LOC-001 `location-identifier-complete`.
//!
//! The contained Location has an identifier, and every identifier has a type, a system and a value.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::{Identifier, Location};
use crate::rules::support::location::identifier_parts;
use crate::rules::{Emitter, Scope};

/// RO1-LOC-001 `location-identifier-complete`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-LOC-001",
    name: "location-identifier-complete",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FrLocation identifier 1..*, type/system/value 1..1; FAQ — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Le Location contenu a un identifier, et chaque identifiant a un type, un système et une valeur.",
    summary_en: "The contained Location has an identifier, and every identifier has a type, a system and a value.",
    doc: RuleDoc {
        what_fr: "Vérifie que le Location contenu dans le PractitionerRole a au moins un identifier et que chacun porte type, system et value.",
        why_fr: "FrLocation (identifier 1..*, type, system et value 1..1) et FAQ. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Location\",\"id\":\"lieu1\",\"address\":{…}}",
        fix_fr: "Ajoutez l'identifiant technique du lieu : type INTRN, system = OID ou URL de l'éditeur, value = identifiant.",
        what_en: "Checks that the Location contained in the PractitionerRole has at least one identifier and that each carries type, system and value.",
        why_en: "FrLocation (identifier 1..*, type, system and value 1..1) and FAQ. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Location\",\"id\":\"lieu1\",\"address\":{…}}",
        fix_en: "Add the place's technical id: type INTRN, system = vendor OID or URL, value = the id.",
    },
};

/// Checks that a contained Location has an identifier.
pub(crate) fn check_identifiers(loc: &Location<'_>, em: &mut Emitter<'_>) {
    if loc.identifier.is_empty() {
        em.missing(
            Scope::PS_CPTS,
            &RULE,
            loc.span,
            "identifier",
            "Location sans identifiant : un identifiant du lieu (type, system, value) est obligatoire".into(),
            "Location without an identifier: an id of the place (type, system, value) is mandatory".into(),
        );
    }
}

/// Checks that a place identifier has its type, system and value.
pub(crate) fn check_identifier(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    identifier_parts(id, Scope::PS_CPTS, &RULE, ("identifiant du lieu", "place identifier"), em);
}
