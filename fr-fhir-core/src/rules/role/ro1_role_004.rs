//! RO1-ROLE-004 `role-organization-identifier`.
//!
//! PractitionerRole.organization.identifier (national structure id) is present.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::{Identifier, PractitionerRole};
use crate::rules::{Emitter, Scope};

/// RO1-ROLE-004 `role-organization-identifier`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ROLE-004",
    name: "role-organization-identifier",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "agg-psindiv #20 (SHALL); profile keeps it optional — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "PractitionerRole.organization.identifier (identifiant national de structure) est présent.",
    summary_en: "PractitionerRole.organization.identifier (national structure id) is present.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque PractitionerRole porte organization.identifier, la référence logique à la structure d'exercice.",
        why_fr: "Exigence agg-psindiv #20 (SHALL, FINESS/SIRET) alors que le profil le laisse facultatif ; lecture AMB-22 : l'absence est une erreur. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"PractitionerRole\",\"organization\":{\"display\":\"Cabinet médical\"}}",
        fix_fr: "Ajoutez \"organization\":{\"identifier\":{\"type\":…IDNST…,\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"1<FINESS>\"}}.",
        what_en: "Checks that every PractitionerRole carries organization.identifier, the logical reference to the place of practice structure.",
        why_en: "Requirement agg-psindiv #20 (SHALL, FINESS/SIRET) although the profile keeps it optional; reading AMB-22: absence is an error. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"PractitionerRole\",\"organization\":{\"display\":\"Cabinet médical\"}}",
        fix_en: "Add \"organization\":{\"identifier\":{\"type\":…IDNST…,\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"1<FINESS>\"}}.",
    },
};

/// What RO1-ROLE-004 says whichever part is missing.
const MISSING: (&str, &str) = (
    "identifiant national de la structure d'exercice absent (FINESS, SIRET ou RPPS-rang préfixé)",
    "national id of the practice structure missing (prefixed FINESS, SIRET or RPPS-rang)",
);

/// Checks that a PractitionerRole names its structure by a logical
/// reference with an identifier.
pub(crate) fn check_organization(r: &PractitionerRole<'_>, em: &mut Emitter<'_>) {
    let (fr, en) = MISSING;
    match &r.organization {
        None => em.missing(
            Scope::PS_CPTS,
            &RULE,
            r.span,
            "organization.identifier",
            fr.into(),
            en.into(),
        ),
        Some(org) if org.identifier.is_none() => {
            em.missing(Scope::PS_CPTS, &RULE, org.span, "identifier", fr.into(), en.into());
        }
        Some(_) => {}
    }
}

/// Checks that the structure identifier has a value.
pub(crate) fn check_value(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    if id.value.is_none() {
        let (fr, en) = MISSING;
        em.missing(Scope::PS_CPTS, &RULE, id.span, "value", fr.into(), en.into());
    }
}
