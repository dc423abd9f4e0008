//! RO1-SCHED-001 `schedule-actor-practitioner-and-role`.
//!
//! Schedule.actor references exactly one Practitioner and at least one PractitionerRole.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::RefField;
use crate::rules::support::graph::{Expect, Graph};
use crate::rules::{Emitter, Scope};

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
        example_fr: "{\"resourceType\":\"Schedule\",\"actor\":[{\"reference\":\"PractitionerRole/role1\"}]}",
        fix_fr: "Mettez dans Schedule.actor la référence au Practitioner et celle au PractitionerRole du lieu.",
        what_en: "Counts the actors of every Schedule by target type: exactly one Practitioner reference and at least one PractitionerRole reference (one Schedule per place of consultation).",
        why_en: "PS FAQ ('ressource discriminante'), IG section 'Structure de la réponse' and kit (validate_schedule_practitioner_ref, validate_ref); the FSH target restriction is commented out, reading AMB-24: the narrative is enforced. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Schedule\",\"actor\":[{\"reference\":\"PractitionerRole/role1\"}]}",
        fix_en: "Put both the Practitioner reference and the reference to the place's PractitionerRole in Schedule.actor.",
    },
};

/// `Schedule.actor` is present (PS, CPTS); [`check_graph`] judges the
/// types of the actors.
pub(crate) static EXPECT: Expect = Expect {
    rule: &RULE,
    scope: Scope::PS_CPTS,
    field: RefField::ScheduleActor,
    what: "Schedule.actor",
    rtype: None,
};

/// The actors of each Schedule (PS, CPTS): one Practitioner and one
/// PractitionerRole, nothing else.
pub(crate) fn check_graph(g: &Graph<'_, '_>, em: &mut Emitter<'_>) {
    let actors = g.schedule_actors();
    for schedule in actors.chunk_by(|a, b| a.0.from == b.0.from) {
        let (mut practitioners, mut roles) = (0u32, 0u32);
        for &(r, t) in schedule {
            match g.named_type(r, t).as_deref() {
                Some("Practitioner") => {
                    practitioners += 1;
                    if practitioners == 2 {
                        em.at(
                            Scope::PS_CPTS,
                            &RULE,
                            r.element,
                            "second Practitioner dans Schedule.actor : un agenda appartient à un seul praticien".into(),
                            "second Practitioner in Schedule.actor: a schedule belongs to one practitioner".into(),
                        );
                    }
                }
                Some("PractitionerRole") => roles += 1,
                Some(other) => em.at(
                    Scope::PS_CPTS,
                    &RULE,
                    r.element,
                    format!("acteur de type {other} : Schedule.actor désigne un Practitioner et un PractitionerRole"),
                    format!("actor of type {other}: Schedule.actor names one Practitioner and one PractitionerRole"),
                ),
                None => {}
            }
        }
        let Some(e) = schedule.first().and_then(|(r, _)| g.ix.entry(r.from)) else { continue };
        for (count, t) in [(practitioners, "Practitioner"), (roles, "PractitionerRole")] {
            if count == 0 {
                em.missing(
                    Scope::PS_CPTS,
                    &RULE,
                    e.span,
                    "actor",
                    format!("Schedule.actor ne désigne aucun {t} (un Practitioner et un PractitionerRole attendus)"),
                    format!("Schedule.actor names no {t} (one Practitioner and one PractitionerRole expected)"),
                );
            }
        }
    }
}
