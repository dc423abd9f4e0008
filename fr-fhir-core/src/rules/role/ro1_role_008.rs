//! RO1-ROLE-008 `role-code-specialty-bindings`.
//!
//! PractitionerRole.code comes from fr-practioner-role-exercice and coded specialties from TRE_R38.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-ROLE-008 `role-code-specialty-bindings`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ROLE-008",
    name: "role-code-specialty-bindings",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FrPractitionerRoleExercice required bindings",
    summary_fr: "PractitionerRole.code vient de fr-practioner-role-exercice et les spécialités codées de TRE_R38.",
    summary_en: "PractitionerRole.code comes from fr-practioner-role-exercice and coded specialties from TRE_R38.",
    doc: RuleDoc {
        what_fr: "Vérifie que les codages de PractitionerRole.code appartiennent au ValueSet fr-practioner-role-exercice et ceux de PractitionerRole.specialty à TRE_R38-SpecialiteOrdinale.",
        why_fr: "Liaisons obligatoires de FrPractitionerRoleExercice (FR Core). Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: r#"{"resourceType":"PractitionerRole","specialty":[{"coding":[{"system":"http://snomed.info/sct","code":"394814009"}]}]}"#,
        fix_fr: "Utilisez les codes des nomenclatures françaises (TRE_R38 pour la spécialité).",
        what_en: "Checks that the PractitionerRole.code codings belong to the fr-practioner-role-exercice ValueSet and the PractitionerRole.specialty codings to TRE_R38-SpecialiteOrdinale.",
        why_en: "Required bindings of FrPractitionerRoleExercice (FR Core). Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"resourceType":"PractitionerRole","specialty":[{"coding":[{"system":"http://snomed.info/sct","code":"394814009"}]}]}"#,
        fix_en: "Use the codes of the French terminologies (TRE_R38 for the specialty).",
    },
};
