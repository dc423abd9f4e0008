//! RO1-PRACT-001 `practitioner-identifier-complete`.
//!
//! Practitioner.identifier is present and every identifier has a type, a system and a value.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::{Identifier, Practitioner};
use crate::rules::{Emitter, Scope};

/// RO1-PRACT-001 `practitioner-identifier-complete`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PRACT-001",
    name: "practitioner-identifier-complete",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FrPractitionerAgregateur identifier 1..*; FrPractitioner type/system/value 1..1; FAQ — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Practitioner.identifier est présent et chaque identifiant a un type, un système et une valeur.",
    summary_en: "Practitioner.identifier is present and every identifier has a type, a system and a value.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque Practitioner a au moins un identifier et que chacun porte type, system et value.",
        why_fr: "FrPractitionerAgregateur (identifier 1..*) et FrPractitioner (type, system, value 1..1) ; FAQ. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Practitioner\",\"identifier\":[{\"value\":\"810101215225\"}]}",
        fix_fr: "Complétez l'identifiant : type IDNPS, system urn:oid:1.2.250.1.71.4.2.1 et value préfixée.",
        what_en: "Checks that every Practitioner has at least one identifier and that each carries type, system and value.",
        why_en: "FrPractitionerAgregateur (identifier 1..*) and FrPractitioner (type, system, value 1..1); FAQ. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Practitioner\",\"identifier\":[{\"value\":\"810101215225\"}]}",
        fix_en: "Complete the identifier: type IDNPS, system urn:oid:1.2.250.1.71.4.2.1 and a prefixed value.",
    },
};

/// Checks that a Practitioner has an identifier.
pub(crate) fn check_identifiers(p: &Practitioner<'_>, em: &mut Emitter<'_>) {
    if p.identifier.is_empty() {
        em.missing(
            Scope::PS_CPTS,
            &RULE,
            p.span,
            "identifier",
            "Practitioner sans identifiant : l'IDNPS (8 + RPPS ou 0 + ADELI) est obligatoire"
                .into(),
            "Practitioner without an identifier: the IDNPS (8 + RPPS or 0 + ADELI) is mandatory"
                .into(),
        );
    }
}

/// Checks that a practitioner identifier has a `type`.
pub(crate) fn check_type(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    if id.type_.is_none() {
        missing_part(em, id.span, "type");
    }
}

/// Checks that a practitioner identifier has a `system`.
pub(crate) fn check_system(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    if id.system.is_none() {
        missing_part(em, id.span, "system");
    }
}

/// Checks that a practitioner identifier has a `value`.
pub(crate) fn check_value(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    if id.value.is_none() {
        missing_part(em, id.span, "value");
    }
}

fn missing_part(em: &mut Emitter<'_>, span: Span, part: &'static str) {
    em.missing(
        Scope::PS_CPTS,
        &RULE,
        span,
        part,
        format!("identifiant du praticien sans `{part}` (type, system et value sont obligatoires)"),
        format!("practitioner identifier without `{part}` (type, system and value are mandatory)"),
    );
}
