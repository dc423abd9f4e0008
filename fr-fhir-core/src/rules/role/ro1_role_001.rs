//! RO1-ROLE-001 `role-contains-location`.
//!
//! PractitionerRole.contained holds the consultation Location.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::{PractitionerRole, Resource};
use crate::rules::{Emitter, Scope};

/// RO1-ROLE-001 `role-contains-location`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ROLE-001",
    name: "role-contains-location",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FrPractitionerRoleExerciceAgregateur contained 1..*; agg-psindiv #22; FAQ — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "PractitionerRole.contained contient le Location du lieu de consultation.",
    summary_en: "PractitionerRole.contained holds the consultation Location.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque PractitionerRole a au moins une ressource contenue et qu'il s'agit d'un Location.",
        why_fr: "FrPractitionerRoleExerciceAgregateur (contained 1..*), exigence agg-psindiv #22 et FAQ : en PS le lieu n'est jamais une entrée du Bundle. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"PractitionerRole\",\"location\":[{\"reference\":\"Location/cabinet\"}]}",
        fix_fr: "Placez le Location dans \"contained\":[{\"resourceType\":\"Location\",\"id\":\"lieu1\",…}].",
        what_en: "Checks that every PractitionerRole has at least one contained resource and that it is a Location.",
        why_en: "FrPractitionerRoleExerciceAgregateur (contained 1..*), requirement agg-psindiv #22 and FAQ: for PS the place is never a Bundle entry. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"PractitionerRole\",\"location\":[{\"reference\":\"Location/cabinet\"}]}",
        fix_en: "Put the Location in \"contained\":[{\"resourceType\":\"Location\",\"id\":\"lieu1\",…}].",
    },
};

/// Checks that a PractitionerRole contains resources and a Location among
/// them.
pub(crate) fn check_contained(r: &PractitionerRole<'_>, em: &mut Emitter<'_>) {
    if r.contained.is_empty() {
        em.missing(
            Scope::PS_CPTS,
            &RULE,
            r.span,
            "contained",
            "PractitionerRole sans ressource contenue : le lieu de consultation (Location) doit y figurer".into(),
            "PractitionerRole without contained resources: the place of consultation (Location) belongs there".into(),
        );
    } else if !r.contained.iter().any(|c| matches!(c, Resource::Location(_)))
        && let Some(first) = r.contained.first()
    {
        em.at(
                Scope::PS_CPTS,
                &RULE,
                first.span(),
                format!("ressource contenue {} : le lieu de consultation (Location) est attendu dans contained", first.resource_type()),
                format!("contained {}: the place of consultation (Location) is expected in contained", first.resource_type()),
            );
    }
}
