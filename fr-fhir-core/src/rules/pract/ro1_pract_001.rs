//! RO1-PRACT-001 `practitioner-identifier-complete`.
//!
//! Practitioner.identifier is present and every identifier has a type, a system and a value.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

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
        example_fr: r#"{"resourceType":"Practitioner","identifier":[{"value":"810101215225"}]}"#,
        fix_fr: "Complétez l'identifiant : type IDNPS, system urn:oid:1.2.250.1.71.4.2.1 et value préfixée.",
        what_en: "Checks that every Practitioner has at least one identifier and that each carries type, system and value.",
        why_en: "FrPractitionerAgregateur (identifier 1..*) and FrPractitioner (type, system, value 1..1); FAQ. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"resourceType":"Practitioner","identifier":[{"value":"810101215225"}]}"#,
        fix_en: "Complete the identifier: type IDNPS, system urn:oid:1.2.250.1.71.4.2.1 and a prefixed value.",
    },
};
