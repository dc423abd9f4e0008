//! RO1-SCHED-003 `schedule-no-service-type`.
//!
//! Schedule.serviceType is absent, serviceCategory has at most one element and coded specialties come from TRE_R38.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Schedule;
use crate::rules::support::coding::repeated_service_category;
use crate::rules::support::specialties::check_specialties;
use crate::rules::{Emitter, Scope};

/// RO1-SCHED-003 `schedule-no-service-type`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SCHED-003",
    name: "schedule-no-service-type",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FrSchedule (FR Core) serviceType 0..0",
    summary_fr: "Schedule.serviceType est absent, serviceCategory a au plus un élément et les spécialités codées viennent de TRE_R38.",
    summary_en: "Schedule.serviceType is absent, serviceCategory has at most one element and coded specialties come from TRE_R38.",
    doc: RuleDoc {
        what_fr: "Vérifie les restrictions FR Core du Schedule : serviceType interdit (0..0), serviceCategory 0..1, et codages de specialty pris dans TRE_R38-SpecialiteOrdinale.",
        why_fr: "Profil FrSchedule de FR Core (serviceType 0..0), parent des profils SAS ; le type de consultation se met sur le Slot. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Schedule\",\"serviceType\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"}]}]}",
        fix_fr: "Déplacez serviceType du Schedule vers les Slot.",
        what_en: "Checks the FR Core restrictions on Schedule: serviceType forbidden (0..0), serviceCategory 0..1, and specialty codings taken from TRE_R38-SpecialiteOrdinale.",
        why_en: "FR Core FrSchedule profile (serviceType 0..0), parent of the SAS profiles; the consultation type belongs on the Slot. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Schedule\",\"serviceType\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"}]}]}",
        fix_en: "Move serviceType from the Schedule to the Slots.",
    },
};

/// Checks one Schedule: serviceType forbidden, at most one serviceCategory,
/// specialties coded in TRE_R38.
pub(crate) fn check(s: &Schedule<'_>, em: &mut Emitter<'_>) {
    for st in &s.service_type {
        em.at(
            Scope::ALL,
            &RULE,
            st.span,
            "Schedule.serviceType est interdit (FR Core FrSchedule 0..0) : le type de consultation se porte sur chaque Slot".into(),
            "Schedule.serviceType is forbidden (FR Core FrSchedule 0..0): the consultation type belongs on each Slot".into(),
        );
    }
    repeated_service_category(&s.service_category, "Schedule", &RULE, em);
    check_specialties(&s.specialty, &RULE, "Schedule", em);
}
