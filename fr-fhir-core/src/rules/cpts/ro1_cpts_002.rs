//! RO1-CPTS-002 `cpts-tre-r66-604-canonical`.
//!
//! The CPTS coding uses the canonical TRE_R66 system and code 604; a v3-ActCode serviceType carries no such extension.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-CPTS-002 `cpts-tre-r66-604-canonical`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-002",
    name: "cpts-tre-r66-604-canonical",
    severity: Severity::Error,
    scope: Scope::CPTS,
    source: "sas-valueset-categorieetablissement; slice TypeConsultation extension 0..0 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-slot-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/ValueSet-sas-valueset-categorieetablissement.html",
    summary_fr: "Le codage CPTS utilise le système canonique TRE_R66 et le code 604 ; un serviceType v3-ActCode ne porte pas l'extension.",
    summary_en: "The CPTS coding uses the canonical TRE_R66 system and code 604; a v3-ActCode serviceType carries no such extension.",
    doc: RuleDoc {
        what_fr: "Vérifie que le codage CPTS a le système https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement et le code 604, et qu'aucun serviceType de type de consultation (v3-ActCode) ne porte l'extension serviceType R5.",
        why_fr: "ValueSet sas-valueset-categorieetablissement et tranche TypeConsultation (extension 0..0) ; la page CPTS et la FAQ écrivent d'autres URL, lecture AMB-12 : seule l'URL canonique est acceptée, comme dans le kit. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r#"{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement","code":"604"}]}"#,
        fix_fr: "Écrivez le système exactement https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement et retirez l'extension des serviceType AMB/HH/VR.",
        what_en: "Checks that the CPTS coding has the system https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement and code 604, and that no consultation-type serviceType (v3-ActCode) carries the R5 serviceType extension.",
        why_en: "ValueSet sas-valueset-categorieetablissement and TypeConsultation slice (extension 0..0); the CPTS page and the FAQ write other URLs, reading AMB-12: only the canonical URL is accepted, as in the kit. Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement","code":"604"}]}"#,
        fix_en: "Write the system exactly as https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement and remove the extension from AMB/HH/VR serviceTypes.",
    },
};
