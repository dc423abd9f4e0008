//! RO1-SLOT-008 `slot-consultation-type-actencounter`.
//!
//! A serviceType coded in v3-ActCode is an ActEncounterCode; the SAS only uses AMB, HH and VR (warning for the others).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Coding;
use crate::rules::support::coding::is_act_code;
use crate::rules::support::terminology as term;
use crate::rules::{Emitter, Scope};

use super::off_list_act_code;

/// RO1-SLOT-008 `slot-consultation-type-actencounter`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-008",
    name: "slot-consultation-type-actencounter",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FrSlotAgregateur slice TypeConsultation (required v3-ActEncounterCode); IG nomenclature — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Un serviceType codé dans v3-ActCode est un ActEncounterCode ; le SAS n'utilise que AMB, HH et VR (avertissement pour les autres).",
    summary_en: "A serviceType coded in v3-ActCode is an ActEncounterCode; the SAS only uses AMB, HH and VR (warning for the others).",
    doc: RuleDoc {
        what_fr: "Pour chaque codage de Slot.serviceType dont le système est http://terminology.hl7.org/CodeSystem/v3-ActCode (tranche TypeConsultation), vérifie que le code appartient à v3-ActEncounterCode (erreur sinon) et avertit s'il n'est pas AMB, HH ou VR.",
        why_fr: "La tranche TypeConsultation de FrSlotAgregateur lie obligatoirement v3-ActEncounterCode ; la nomenclature de l'IG ne retient que AMB (cabinet), HH (domicile) et VR (téléconsultation). Kit officiel ANS : vérifié en partie.",
        example_fr: "{\"serviceType\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"TELE\"}]}]}",
        fix_fr: "Utilisez AMB (au cabinet), HH (à domicile) ou VR (téléconsultation).",
        what_en: "For every Slot.serviceType coding whose system is http://terminology.hl7.org/CodeSystem/v3-ActCode (TypeConsultation slice), checks that the code belongs to v3-ActEncounterCode (error otherwise) and warns when it is not AMB, HH or VR.",
        why_en: "The TypeConsultation slice of FrSlotAgregateur has a required binding to v3-ActEncounterCode; the IG nomenclature only keeps AMB (practice), HH (home) and VR (teleconsultation). Official ANS kit: partly checked.",
        example_en: "{\"serviceType\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"TELE\"}]}]}",
        fix_en: "Use AMB (at the practice), HH (at home) or VR (teleconsultation).",
    },
};

/// A v3-ActCode serviceType coding (TypeConsultation slice) has a code among
/// AMB, HH, VR; another ActEncounterCode is only a warning.
/// `act` is `is_act_code(c)`, worked out once per coding by the Slot visitor.
#[inline]
pub(crate) fn check_service_coding(c: &Coding<'_>, act: bool, em: &mut Emitter<'_>) {
    debug_assert_eq!(act, is_act_code(c));
    if !act {
        return;
    }
    let Some((code, q)) = off_list_act_code(Scope::PS_CPTS, &RULE, c, em) else { return };
    let (severity, fr, en) = if term::is_act_encounter_code(code.as_str()) {
        (
            Severity::Warning,
            format!(
                "type de consultation {q} : ActEncounterCode valide mais non utilisé par le SAS (AMB, HH, VR)"
            ),
            format!(
                "consultation type {q}: a valid ActEncounterCode the SAS does not use (AMB, HH, VR)"
            ),
        )
    } else {
        (
            RULE.severity,
            format!(
                "type de consultation {q} absent de v3-ActEncounterCode : attendu AMB, HH ou VR"
            ),
            format!("consultation type {q} is not in v3-ActEncounterCode: expected AMB, HH or VR"),
        )
    };
    em.at_sev(Scope::PS_CPTS, &RULE, severity, code.span, fr, en);
}
