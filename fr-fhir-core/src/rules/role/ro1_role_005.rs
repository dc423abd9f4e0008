//! RO1-ROLE-005 `role-organization-idnst-system`.
//!
//! organization.identifier has system urn:oid:1.2.250.1.71.4.2.2 and type fr-v2-0203#IDNST: a different one is an error; a missing one is a warning.

use crate::finding::{Finding, Message};
use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::{
    IDNST, OID_IDNST, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_LOCATION_ID_TYPE, SYSTEM_FR_V2_0203,
};
use crate::model::Identifier;
use crate::rules::support::identifier_type::{match_type, report_type};
use crate::rules::{Emitter, Scope, quote};

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
        example_fr: "{\"organization\":{\"identifier\":{\"system\":\"https://finess.esante.gouv.fr\",\"value\":\"950047225\"}}}",
        fix_fr: "Utilisez \"system\":\"urn:oid:1.2.250.1.71.4.2.2\" et \"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"IDNST\"}]}.",
        what_en: "Checks the system and type of PractitionerRole.organization.identifier: another system or type is an error; a missing system or type (value only, as in the official CPTS example) is a warning.",
        why_en: "FrPractitionerRoleExerciceAgregateur patterns; reading AMB-22. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"organization\":{\"identifier\":{\"system\":\"https://finess.esante.gouv.fr\",\"value\":\"950047225\"}}}",
        fix_en: "Use \"system\":\"urn:oid:1.2.250.1.71.4.2.2\" and \"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"IDNST\"}]}.",
    },
};

/// Checks the system and type of the structure identifier (AMB-22): missing
/// system/type is a warning, a different one
/// an error; the IDNST code in another FR code system is a warning (AMB-10).
pub(crate) fn check_system_type(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    match &id.system {
        None => em.push(
            Scope::PS_CPTS,
            Finding::missing(
                &RULE,
                id.span,
                "system",
                Message::new(
                    format!("organization.identifier sans system : {OID_IDNST} attendu"),
                    format!("organization.identifier without system: {OID_IDNST} expected"),
                ),
            )
            .with_severity(Severity::Warning),
        ),
        Some(s) if s != OID_IDNST => em.at(
            Scope::PS_CPTS,
            &RULE,
            s.span,
            format!(
                "system {} : {OID_IDNST} attendu (identifiant national de structure)",
                quote(s.as_str())
            ),
            format!("system {}: {OID_IDNST} expected (national structure id)", quote(s.as_str())),
        ),
        Some(_) => {}
    }
    match &id.type_ {
        None => em.push(
            Scope::PS_CPTS,
            Finding::missing(
                &RULE,
                id.span,
                "type",
                Message::new(
                    format!(
                        "organization.identifier sans type : {SYSTEM_FR_V2_0203}#IDNST attendu"
                    ),
                    format!(
                        "organization.identifier without type: {SYSTEM_FR_V2_0203}#IDNST expected"
                    ),
                ),
            )
            .with_severity(Severity::Warning),
        ),
        Some(ty) => {
            let tolerated = [SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_LOCATION_ID_TYPE];
            let m = match_type(ty, SYSTEM_FR_V2_0203, IDNST, &tolerated);
            report_type(em, Scope::PS_CPTS, &RULE, ty, m, SYSTEM_FR_V2_0203, IDNST);
        }
    }
}
