//! RO1-PRACT-002 `practitioner-identifier-type-idnps`.
//!
//! Each Practitioner identifier.type holds the coding fr-v2-0203#IDNPS and has a single coding.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-PRACT-002 `practitioner-identifier-type-idnps`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PRACT-002",
    name: "practitioner-identifier-type-idnps",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FrPractitionerAgregateur pattern + coding ..1 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Chaque identifier.type du Practitioner contient le codage fr-v2-0203#IDNPS et n'a qu'un codage.",
    summary_en: "Each Practitioner identifier.type holds the coding fr-v2-0203#IDNPS and has a single coding.",
    doc: RuleDoc {
        what_fr: "Vérifie que identifier.type de chaque identifiant du Practitioner a exactement un codage, de système http://interopsante.org/fhir/CodeSystem/fr-v2-0203 et de code IDNPS.",
        why_fr: "Motif et cardinalité coding 0..1 de FrPractitionerAgregateur ; sans découpage, chaque identifiant doit être l'IDNPS. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: r#"{"identifier":[{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"RPPS"}]},…}]}"#,
        fix_fr: r#"Mettez "type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]}."#,
        what_en: "Checks that identifier.type of every Practitioner identifier has exactly one coding, with system http://interopsante.org/fhir/CodeSystem/fr-v2-0203 and code IDNPS.",
        why_en: "Pattern and coding 0..1 cardinality of FrPractitionerAgregateur; with no slicing, every identifier must be the IDNPS one. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"identifier":[{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"RPPS"}]},…}]}"#,
        fix_en: r#"Set "type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]}."#,
    },
};
