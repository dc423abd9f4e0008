//! RO1-ROLE-008 `role-code-specialty-bindings`.
//!
//! PractitionerRole.code comes from fr-practioner-role-exercice and coded specialties from TRE_R38.
//!
//! The specialties are checked against TRE_R38 only: the content of the
//! value set `fr-practioner-role-exercice` (PractitionerRole.code) is not
//! among the sources (FR Core 1.1.0 package not found), so `code` is not
//! judged.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::CodeableConcept;
use crate::rules::support::specialties::{Fault, check_specialties_saying};
use crate::rules::support::terminology::TRE_R38;
use crate::rules::{Emitter, Scope, quote};

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
        example_fr: "{\"resourceType\":\"PractitionerRole\",\"specialty\":[{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"394814009\"}]}]}",
        fix_fr: "Utilisez les codes des nomenclatures françaises (TRE_R38 pour la spécialité).",
        what_en: "Checks that the PractitionerRole.code codings belong to the fr-practioner-role-exercice ValueSet and the PractitionerRole.specialty codings to TRE_R38-SpecialiteOrdinale.",
        why_en: "Required bindings of FrPractitionerRoleExercice (FR Core). Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"PractitionerRole\",\"specialty\":[{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"394814009\"}]}]}",
        fix_en: "Use the codes of the French terminologies (TRE_R38 for the specialty).",
    },
};

/// Checks the specialties of a PractitionerRole: each coded specialty has a TRE_R38
/// coding; text only is a warning (AMB-08), an unknown TRE_R38 code too
/// (newer NOS releases add codes).
pub(crate) fn check_specialties(list: &[CodeableConcept<'_>], em: &mut Emitter<'_>) {
    check_specialties_saying(list, Scope::PS_CPTS, &RULE, em, |f| {
        match f {
        Fault::TextOnly => (
            "spécialité en texte seul : la liaison obligatoire fr-practitioner-specialty attend un code TRE_R38".into(),
            "text-only specialty: the required binding fr-practitioner-specialty expects a TRE_R38 code".into(),
        ),
        Fault::OtherSystem(sys) => (
            format!("spécialité codée dans {} : un codage TRE_R38-SpecialiteOrdinale ({TRE_R38}) est obligatoire", quote(sys)),
            format!("specialty coded in {}: a TRE_R38-SpecialiteOrdinale coding ({TRE_R38}) is required", quote(sys)),
        ),
        Fault::NoSystem => (
            format!("spécialité codée sans système : {TRE_R38} attendu"),
            format!("specialty coded without a system: {TRE_R38} expected"),
        ),
        Fault::NoCode => (
            "spécialité TRE_R38 sans code (par ex. SM54)".into(),
            "TRE_R38 specialty without a code (e.g. SM54)".into(),
        ),
    }
    });
}
