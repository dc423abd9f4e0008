//! RO1-CPTS-001 `cpts-slot-service-type-reference`.
//!
//! A Slot labelled CPTS carries, for each CPTS, a serviceType TRE_R66#604 with the R5 serviceType extension referencing HealthcareService/\<id\>.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::{CodeableConcept, Slot, Value};
use crate::rules::cpts::{is_labelled_cpts, is_r5_service_type};
use crate::rules::support::coding::is_cpts_coding;
use crate::rules::support::presence::missing;
use crate::rules::support::terminology as term;
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// RO1-CPTS-001 `cpts-slot-service-type-reference`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-001",
    name: "cpts-slot-service-type-reference",
    severity: Severity::Error,
    scope: Scope::CPTS,
    source: "IG CPTS nomenclature; FAQ PS #6, #11; sas-cpts-slot-aggregator — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-slot-aggregator.html",
    summary_fr: "Un Slot étiqueté CPTS porte, pour chaque CPTS, un serviceType TRE_R66#604 avec l'extension serviceType R5 qui référence HealthcareService/<id>.",
    summary_en: "A Slot labelled CPTS carries, for each CPTS, a serviceType TRE_R66#604 with the R5 serviceType extension referencing HealthcareService/<id>.",
    doc: RuleDoc {
        what_fr: "Pour chaque Slot dont meta.security contient CPTS, vérifie qu'il a au moins un serviceType portant le codage TRE_R66 604 et l'extension http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType dont valueReference vaut HealthcareService/<id>, un par CPTS ; le constat pointe sur le serviceType ou sur l'extension fautive.",
        why_fr: "Nomenclature CPTS de l'IG, FAQ PS n° 6 et n° 11, profil sas-cpts-slot-aggregator (tranche referencecpts) ; vérifié par le kit (cpts_validate_service_type). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"meta\":{\"security\":[{\"system\":\"…TRE-R314-TypeCreneau\",\"code\":\"CPTS\"}]},\"serviceType\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"}]}]}",
        fix_fr: "Ajoutez un serviceType {\"extension\":[{\"url\":\"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType\",\"valueReference\":{\"reference\":\"HealthcareService/<id>\"}}],\"coding\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement\",\"code\":\"604\"}]} par CPTS.",
        what_en: "For every Slot whose meta.security contains CPTS, checks that it has at least one serviceType with the TRE_R66 604 coding and the http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType extension whose valueReference is HealthcareService/<id>, one per CPTS; the finding points at the serviceType or at the faulty extension.",
        why_en: "IG CPTS nomenclature, PS FAQ #6 and #11, sas-cpts-slot-aggregator profile (referencecpts slice); checked by the kit (cpts_validate_service_type). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"meta\":{\"security\":[{\"system\":\"…TRE-R314-TypeCreneau\",\"code\":\"CPTS\"}]},\"serviceType\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"}]}]}",
        fix_en: "Add one serviceType {\"extension\":[{\"url\":\"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType\",\"valueReference\":{\"reference\":\"HealthcareService/<id>\"}}],\"coding\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement\",\"code\":\"604\"}]} per CPTS.",
    },
};

/// A Slot labelled CPTS carries, per CPTS, a TRE_R66 604 serviceType with the
/// R5 extension pointing at the HealthcareService. Whether the reference
/// resolves is RO1-CPTS-003.
pub(crate) fn check_slot(s: &Slot<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    if !is_labelled_cpts(s) {
        return;
    }
    let mut cpts_types = 0usize;
    for st in s.service_type.iter().filter(|st| st.coding.iter().any(is_cpts_coding)) {
        cpts_types += 1;
        check_extension(st, e.src, em);
    }
    if cpts_types == 0 {
        em.missing(
            Scope::CPTS,
            &RULE,
            s.span,
            "serviceType",
            format!("Slot étiqueté CPTS sans serviceType {}#604 portant l'extension {} vers le HealthcareService de la CPTS", term::TRE_R66, term::EXT_SLOT_SERVICE_TYPE_R5),
            format!("Slot labelled CPTS without a {}#604 serviceType carrying the {} extension to the CPTS HealthcareService", term::TRE_R66, term::EXT_SLOT_SERVICE_TYPE_R5),
        );
    }
}

/// The R5 extension of one CPTS serviceType: exactly one, with a valueReference
/// that has a `reference`.
fn check_extension(st: &CodeableConcept<'_>, src: &str, em: &mut Emitter<'_>) {
    let mut r5 = st.extension.iter().filter(|x| is_r5_service_type(x));
    let Some(x) = r5.next() else {
        match st.extension.first() {
            Some(other) => {
                let (span, shown) = match &other.url {
                    Some(u) => (u.span, quote(u.as_str())),
                    None => (other.span, "`?`".to_string()),
                };
                em.at(
                    Scope::CPTS,
                    &RULE,
                    span,
                    format!(
                        "extension {shown} sur le serviceType CPTS : attendu {}",
                        term::EXT_SLOT_SERVICE_TYPE_R5
                    ),
                    format!(
                        "extension {shown} on the CPTS serviceType: expected {}",
                        term::EXT_SLOT_SERVICE_TYPE_R5
                    ),
                );
            }
            None => missing(
                em,
                src,
                Scope::CPTS,
                &RULE,
                None,
                st.span,
                "extension",
                format!(
                    "serviceType CPTS (604) sans l'extension {} qui référence le HealthcareService de la CPTS",
                    term::EXT_SLOT_SERVICE_TYPE_R5
                ),
                format!(
                    "CPTS serviceType (604) without the {} extension referencing the CPTS HealthcareService",
                    term::EXT_SLOT_SERVICE_TYPE_R5
                ),
            ),
        }
        return;
    };
    match &x.value {
        Some(Value::Reference(r)) => {
            if r.reference.is_none() {
                missing(
                    em,
                    src,
                    Scope::CPTS,
                    &RULE,
                    None,
                    r.span,
                    "reference",
                    "valueReference sans `reference` : attendu `HealthcareService/<id>`".into(),
                    "valueReference without `reference`: expected `HealthcareService/<id>`".into(),
                );
            }
        }
        Some(v) => em.at(
            Scope::CPTS,
            &RULE,
            x.value_span,
            format!("extension serviceType R5 avec {} : attendu valueReference vers `HealthcareService/<id>`", v.key()),
            format!("R5 serviceType extension with {}: expected a valueReference to `HealthcareService/<id>`", v.key()),
        ),
        None => em.missing(
            Scope::CPTS,
            &RULE,
            x.span,
            "valueReference",
            "extension serviceType R5 sans valueReference : attendu `HealthcareService/<id>`".into(),
            "R5 serviceType extension without valueReference: expected `HealthcareService/<id>`".into(),
        ),
    }
    for extra in r5 {
        em.at(
            Scope::CPTS,
            &RULE,
            extra.span,
            "plusieurs extensions serviceType R5 sur un même serviceType : un serviceType 604 par CPTS".into(),
            "several R5 serviceType extensions on one serviceType: one 604 serviceType per CPTS".into(),
        );
    }
}
