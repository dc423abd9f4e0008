//! RO1-SCHED-001 `schedule-actor-practitioner-and-role`.
//!
//! Schedule.actor references exactly one Practitioner and at least one PractitionerRole.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-SCHED-001 `schedule-actor-practitioner-and-role`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SCHED-001",
    name: "schedule-actor-practitioner-and-role",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FAQ PS 'ressource discriminante'; kit validate_schedule_practitioner_ref / validate_ref; IG 'Structure de la réponse' — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Schedule.actor référence exactement un Practitioner et au moins un PractitionerRole.",
    summary_en: "Schedule.actor references exactly one Practitioner and at least one PractitionerRole.",
    doc: RuleDoc {
        what_fr: "Compte les acteurs de chaque Schedule par type de cible : exactement une référence Practitioner et au moins une référence PractitionerRole (un Schedule par lieu de consultation).",
        why_fr: "FAQ PS (« ressource discriminante »), section « Structure de la réponse » de l'IG et kit (validate_schedule_practitioner_ref, validate_ref) ; la restriction de cibles du FSH est commentée, lecture AMB-24 : on applique le texte. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r#"{"resourceType":"Schedule","actor":[{"reference":"PractitionerRole/role1"}]}"#,
        fix_fr: "Mettez dans Schedule.actor la référence au Practitioner et celle au PractitionerRole du lieu.",
        what_en: "Counts the actors of every Schedule by target type: exactly one Practitioner reference and at least one PractitionerRole reference (one Schedule per place of consultation).",
        why_en: "PS FAQ ('ressource discriminante'), IG section 'Structure de la réponse' and kit (validate_schedule_practitioner_ref, validate_ref); the FSH target restriction is commented out, reading AMB-24: the narrative is enforced. Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"resourceType":"Schedule","actor":[{"reference":"PractitionerRole/role1"}]}"#,
        fix_en: "Put both the Practitioner reference and the reference to the place's PractitionerRole in Schedule.actor.",
    },
};
