//! RO1-CPTS-001 `cpts-slot-service-type-reference`.
//!
//! A Slot labelled CPTS carries, for each CPTS, a serviceType TRE_R66#604 with the R5 serviceType extension referencing HealthcareService/\<id\>.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

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
        example_fr: r#"{"meta":{"security":[{"system":"…TRE-R314-TypeCreneau","code":"CPTS"}]},"serviceType":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}]}]}"#,
        fix_fr: r#"Ajoutez un serviceType {"extension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType","valueReference":{"reference":"HealthcareService/<id>"}}],"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement","code":"604"}]} par CPTS."#,
        what_en: "For every Slot whose meta.security contains CPTS, checks that it has at least one serviceType with the TRE_R66 604 coding and the http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType extension whose valueReference is HealthcareService/<id>, one per CPTS; the finding points at the serviceType or at the faulty extension.",
        why_en: "IG CPTS nomenclature, PS FAQ #6 and #11, sas-cpts-slot-aggregator profile (referencecpts slice); checked by the kit (cpts_validate_service_type). Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"meta":{"security":[{"system":"…TRE-R314-TypeCreneau","code":"CPTS"}]},"serviceType":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}]}]}"#,
        fix_en: r#"Add one serviceType {"extension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType","valueReference":{"reference":"HealthcareService/<id>"}}],"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement","code":"604"}]} per CPTS."#,
    },
};
