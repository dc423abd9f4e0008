//! RO1-ROLE-005 `role-organization-idnst-system`.
//!
//! organization.identifier has system urn:oid:1.2.250.1.71.4.2.2 and type fr-v2-0203#IDNST: a different one is an error; a missing one is a warning.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-ROLE-005 `role-organization-idnst-system`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ROLE-005",
    name: "role-organization-idnst-system",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FrPractitionerRoleExerciceAgregateur patterns — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "organization.identifier a le système urn:oid:1.2.250.1.71.4.2.2 et le type fr-v2-0203#IDNST : différents, c'est une erreur ; absents, un avertissement.",
    summary_en: "organization.identifier has system urn:oid:1.2.250.1.71.4.2.2 and type fr-v2-0203#IDNST: a different one is an error; a missing one is a warning.",
    doc: RuleDoc {
        what_fr: "Vérifie le system et le type de PractitionerRole.organization.identifier : un autre système ou un autre type est une erreur ; un système ou un type absent (valeur seule, comme dans l'exemple CPTS officiel) est un avertissement.",
        why_fr: "Motifs de FrPractitionerRoleExerciceAgregateur ; lecture AMB-22. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: r#"{"organization":{"identifier":{"system":"https://finess.esante.gouv.fr","value":"950047225"}}}"#,
        fix_fr: r#"Utilisez "system":"urn:oid:1.2.250.1.71.4.2.2" et "type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNST"}]}."#,
        what_en: "Checks the system and type of PractitionerRole.organization.identifier: another system or type is an error; a missing system or type (value only, as in the official CPTS example) is a warning.",
        why_en: "FrPractitionerRoleExerciceAgregateur patterns; reading AMB-22. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"organization":{"identifier":{"system":"https://finess.esante.gouv.fr","value":"950047225"}}}"#,
        fix_en: r#"Use "system":"urn:oid:1.2.250.1.71.4.2.2" and "type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNST"}]}."#,
    },
};
