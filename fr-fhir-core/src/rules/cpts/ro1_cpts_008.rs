//! RO1-CPTS-008 `non-cpts-slot-no-cpts-service`.
//!
//! A Slot without the CPTS label carries no TRE_R66 serviceType nor HealthcareService reference.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Slot;
use crate::rules::cpts::{has_system, is_labelled_cpts, is_r5_service_type};
use crate::rules::support::coding::is_cpts_coding;
use crate::rules::support::terminology as term;
use crate::rules::{Emitter, Scope};

/// RO1-CPTS-008 `non-cpts-slot-no-cpts-service`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-008",
    name: "non-cpts-slot-no-cpts-service",
    severity: Severity::Warning,
    scope: Scope::CPTS,
    source: "FAQ PS #12 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Un Slot sans étiquette CPTS ne porte ni serviceType TRE_R66 ni référence à un HealthcareService.",
    summary_en: "A Slot without the CPTS label carries no TRE_R66 serviceType nor HealthcareService reference.",
    doc: RuleDoc {
        what_fr: "Pour chaque Slot dont meta.security ne contient pas CPTS, signale un serviceType TRE_R66 ou une extension serviceType R5.",
        why_fr: "FAQ PS n° 12 : un créneau non ouvert aux CPTS est un créneau PS ordinaire. Kit officiel ANS : non vérifié.",
        example_fr: "{\"meta\":{\"security\":[{\"system\":\"…TRE-R314-TypeCreneau\",\"code\":\"PUBLIC\"}]},\"serviceType\":[{\"coding\":[{\"system\":\"…TRE-R66-CategorieEtablissement\",\"code\":\"604\"}],\"extension\":[…]}]}",
        fix_fr: "Ajoutez l'étiquette CPTS dans meta.security si le créneau est ouvert à la CPTS, sinon retirez le serviceType 604.",
        what_en: "For every Slot whose meta.security does not contain CPTS, reports a TRE_R66 serviceType or an R5 serviceType extension.",
        why_en: "PS FAQ #12: a slot not open to CPTS is a plain PS slot. Official ANS kit: not checked.",
        example_en: "{\"meta\":{\"security\":[{\"system\":\"…TRE-R314-TypeCreneau\",\"code\":\"PUBLIC\"}]},\"serviceType\":[{\"coding\":[{\"system\":\"…TRE-R66-CategorieEtablissement\",\"code\":\"604\"}],\"extension\":[…]}]}",
        fix_en: "Add the CPTS label to meta.security if the slot is open to the CPTS, otherwise remove the 604 serviceType.",
    },
};

/// A Slot without the CPTS label carries neither the CPTS serviceType nor
/// the R5 extension to a HealthcareService.
#[inline]
pub(crate) fn check_slot(s: &Slot<'_>, em: &mut Emitter<'_>) {
    if is_labelled_cpts(s) {
        return;
    }
    for st in &s.service_type {
        if st.coding.iter().any(is_cpts_coding) {
            em.at(
                Scope::CPTS,
                &RULE,
                st.span,
                "serviceType CPTS (TRE_R66 604) sur un Slot sans l'étiquette CPTS dans meta.security".into(),
                "CPTS serviceType (TRE_R66 604) on a Slot without the CPTS label in meta.security".into(),
            );
        } else if !has_system(st, term::V3_ACT_CODE) {
            // On a v3-ActCode serviceType, CPTS-002 already reports the extension.
            for x in st.extension.iter().filter(|x| is_r5_service_type(x)) {
                em.at(
                    Scope::CPTS,
                    &RULE,
                    x.span,
                    "référence à un HealthcareService sur un Slot sans l'étiquette CPTS dans meta.security".into(),
                    "HealthcareService reference on a Slot without the CPTS label in meta.security".into(),
                );
            }
        }
    }
}
