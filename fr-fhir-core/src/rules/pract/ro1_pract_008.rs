//! RO1-PRACT-008 `practitioner-telecom-system-value`.
//!
//! Each Practitioner.telecom has both system and value; no telecom element when the vendor has no number.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::ContactPoint;
use crate::rules::{Emitter, Scope};

/// RO1-PRACT-008 `practitioner-telecom-system-value`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PRACT-008",
    name: "practitioner-telecom-system-value",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FrPractitioner; agg-psindiv #35, #36 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Chaque Practitioner.telecom a un system et une value ; pas de telecom quand l'éditeur n'a pas de numéro.",
    summary_en: "Each Practitioner.telecom has both system and value; no telecom element when the vendor has no number.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque élément de Practitioner.telecom porte system et value ; un telecom sans valeur (numéro inconnu) est signalé.",
        why_fr: "FrPractitioner (system et value 1..1 dans FrContactPoint) ; exigences agg-psindiv #35 et #36. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Practitioner\",\"telecom\":[{\"system\":\"phone\"}]}",
        fix_fr: "Omettez telecom quand le numéro est inconnu, sinon envoyez {\"system\":\"phone\",\"value\":\"+33…\"}.",
        what_en: "Checks that every Practitioner.telecom element carries system and value; a telecom without a value (unknown number) is reported.",
        why_en: "FrPractitioner (system and value 1..1 in FrContactPoint); requirements agg-psindiv #35 and #36. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Practitioner\",\"telecom\":[{\"system\":\"phone\"}]}",
        fix_en: "Leave telecom out when the number is unknown, otherwise send {\"system\":\"phone\",\"value\":\"+33…\"}.",
    },
};

/// Checks that a telecom has its `system` and `value`.
pub(crate) fn check_telecom(t: &ContactPoint<'_>, em: &mut Emitter<'_>) {
    for (present, part) in [(t.system.is_some(), "system"), (t.value.is_some(), "value")] {
        if !present {
            em.missing(
                Scope::PS_CPTS,
                &RULE,
                t.span,
                part,
                format!("telecom sans `{part}` : omettre telecom si le numéro n'est pas connu"),
                format!("telecom without `{part}`: omit telecom when the number is unknown"),
            );
        }
    }
}
