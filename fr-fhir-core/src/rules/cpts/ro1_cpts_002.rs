//! RO1-CPTS-002 `cpts-tre-r66-604-canonical`.
//!
//! The CPTS coding uses the canonical TRE_R66 system and code 604; a v3-ActCode serviceType carries no such extension.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::{CodeableConcept, Coding};
use crate::rules::cpts::{has_system, is_r5_service_type};
use crate::rules::support::coding::{CodingDefect, check_coding};
use crate::rules::support::coding::{is_act_code, is_cpts_coding};
use crate::rules::support::terminology as term;
use crate::rules::{Emitter, Scope};

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
        example_fr: "{\"coding\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement\",\"code\":\"604\"}]}",
        fix_fr: "Écrivez le système exactement https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement et retirez l'extension des serviceType AMB/HH/VR.",
        what_en: "Checks that the CPTS coding has the system https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement and code 604, and that no consultation-type serviceType (v3-ActCode) carries the R5 serviceType extension.",
        why_en: "ValueSet sas-valueset-categorieetablissement and TypeConsultation slice (extension 0..0); the CPTS page and the FAQ write other URLs, reading AMB-12: only the canonical URL is accepted, as in the kit. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"coding\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement\",\"code\":\"604\"}]}",
        fix_en: "Write the system exactly as https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement and remove the extension from AMB/HH/VR serviceTypes.",
    },
};

/// The CPTS serviceType coding (outside v3-ActCode) is written
/// `TRE_R66#604` with the canonical system.
/// `act` is `is_act_code(c)`, worked out once per coding by the Slot visitor.
#[inline]
pub(crate) fn check_service_coding(c: &Coding<'_>, act: bool, em: &mut Emitter<'_>) {
    debug_assert_eq!(act, is_act_code(c));
    if act || !is_cpts_coding(c) {
        return;
    }
    let is_cpts = |k: &str| k == term::TRE_R66_CPTS;
    check_coding(c, (Scope::CPTS, &RULE), term::TRE_R66, is_cpts, words, em);
}

/// The wording of RO1-CPTS-002 for each defect of the CPTS coding.
fn words(defect: CodingDefect) -> (String, String) {
    match defect {
        CodingDefect::NoSystem => (
            format!("code CPTS `604` sans système : attendu {}", term::TRE_R66),
            format!("CPTS code `604` without a system: expected {}", term::TRE_R66),
        ),
        CodingDefect::System(q) => (
            format!("système TRE_R66 non canonique {q} : attendu {}", term::TRE_R66),
            format!("non-canonical TRE_R66 system {q}: expected {}", term::TRE_R66),
        ),
        CodingDefect::NoCode => (
            "codage TRE_R66 sans code : attendu `604` (CPTS)".into(),
            "TRE_R66 coding without a code: expected `604` (CPTS)".into(),
        ),
        CodingDefect::Code(q) => (
            format!("catégorie TRE_R66 {q} : attendu `604` (CPTS)"),
            format!("TRE_R66 category {q}: expected `604` (CPTS)"),
        ),
    }
}

/// The TypeConsultation slice forbids the R5 serviceType extension (0..0):
/// it belongs only on the TRE_R66 604 serviceType.
#[inline]
pub(crate) fn check_service_type(st: &CodeableConcept<'_>, em: &mut Emitter<'_>) {
    if !has_system(st, term::V3_ACT_CODE) || st.coding.iter().any(is_cpts_coding) {
        return;
    }
    for x in st.extension.iter().filter(|x| is_r5_service_type(x)) {
        em.at(
            Scope::CPTS,
            &RULE,
            x.span,
            "extension serviceType R5 sur un type de consultation v3-ActCode : elle n'est permise que sur le serviceType TRE_R66 604".into(),
            "R5 serviceType extension on a v3-ActCode consultation type: it belongs only on the TRE_R66 604 serviceType".into(),
        );
    }
}
