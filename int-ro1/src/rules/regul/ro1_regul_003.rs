//! RO1-REGUL-003 `regul-active-name-email`.
//!
//! The regulator has active, name.family, exactly one name.given and an email telecom with its value.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REGUL-003 `regul-active-name-email`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REGUL-003",
    name: "regul-active-name-email",
    severity: Severity::Error,
    scope: Scope::REGUL,
    source: "FrPractitionerRegul — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRegul.html",
    summary_fr: "Le régulateur a active, name.family, exactement un name.given et un telecom email avec sa valeur.",
    summary_en: "The regulator has active, name.family, exactly one name.given and an email telecom with its value.",
    doc: RuleDoc {
        what_fr: "Vérifie la présence de Practitioner.active, de name.family, d'un et un seul name.given et d'un telecom de system email portant une value.",
        why_fr: "Profil FrPractitionerRegul (active 1..1, family 1..1, given 1..1, telecom email) ; le kit attend un refus 4xx/5xx quand un champ manque. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Practitioner\",\"active\":true,\"name\":[{\"family\":\"DURAND\"}],\"telecom\":[{\"system\":\"email\"}]}",
        fix_fr: "Refusez (4xx + OperationOutcome) une ressource incomplète ; côté émetteur, renseignez tous ces champs.",
        what_en: "Checks that Practitioner.active, name.family, exactly one name.given and a telecom with system email carrying a value are present.",
        why_en: "FrPractitionerRegul profile (active 1..1, family 1..1, given 1..1, email telecom); the kit expects a 4xx/5xx refusal when a field is missing. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Practitioner\",\"active\":true,\"name\":[{\"family\":\"DURAND\"}],\"telecom\":[{\"system\":\"email\"}]}",
        fix_en: "Refuse (4xx + OperationOutcome) an incomplete resource; on the sender side, fill in all these fields.",
    },
};
