//! RO1-SLOT-011 `slot-motif-as-service-type-text`.
//!
//! Visit reasons (motifs) are sent as serviceType entries with text only (no coding).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Coding;
use crate::rules::support::coding::is_act_code;
use crate::rules::support::coding::is_cpts_coding;
use crate::rules::{Emitter, Scope};

use super::coded_elsewhere;

/// RO1-SLOT-011 `slot-motif-as-service-type-text`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-011",
    name: "slot-motif-as-service-type-text",
    severity: Severity::Warning,
    scope: Scope::PS_CPTS,
    source: "FAQ PS #5 (contradicted by agg-psindiv #41: see AMB-09) — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Les motifs de consultation sont transmis comme serviceType ne portant que du texte (sans coding).",
    summary_en: "Visit reasons (motifs) are sent as serviceType entries with text only (no coding).",
    doc: RuleDoc {
        what_fr: "Signale un serviceType qui ressemble à un motif (codage d'un système autre que v3-ActCode ou TRE_R66) : un motif doit être un serviceType avec text seul.",
        why_fr: "FAQ PS n° 5 : les motifs vont dans serviceType.text ; l'exigence agg-psindiv #41 dit Slot.specialty, ce que la lecture AMB-09 écarte ; règle en avertissement. Kit officiel ANS : non vérifié.",
        example_fr: "{\"serviceType\":[{\"coding\":[{\"system\":\"https://editeur.example/motifs\",\"code\":\"M12\"}],\"text\":\"Renouvellement d'ordonnance\"}]}",
        fix_fr: "Envoyez chaque motif comme {\"text\":\"Renouvellement d'ordonnance\"} dans serviceType, sans coding.",
        what_en: "Reports a serviceType that looks like a visit reason (a coding from a system other than v3-ActCode or TRE_R66): a reason must be a serviceType with text only.",
        why_en: "PS FAQ #5: reasons go in serviceType.text; requirement agg-psindiv #41 says Slot.specialty, which reading AMB-09 sets aside; the rule is a warning. Official ANS kit: not checked.",
        example_en: "{\"serviceType\":[{\"coding\":[{\"system\":\"https://editeur.example/motifs\",\"code\":\"M12\"}],\"text\":\"Renouvellement d'ordonnance\"}]}",
        fix_en: "Send each reason as {\"text\":\"Renouvellement d'ordonnance\"} in serviceType, without coding.",
    },
};

/// A serviceType coding outside v3-ActCode that is not the CPTS one is a
/// coded visit reason: PS/CPTS expect it as text only.
/// `act` is `is_act_code(c)`, worked out once per coding by the Slot visitor.
#[inline]
pub(crate) fn check_service_coding(c: &Coding<'_>, act: bool, em: &mut Emitter<'_>) {
    debug_assert_eq!(act, is_act_code(c));
    if act || is_cpts_coding(c) {
        return;
    }
    let fr = "un motif de consultation se transmet en texte seul (serviceType.text, sans coding)";
    let en = "a visit reason is sent as text only (serviceType.text, no coding)";
    coded_elsewhere(Scope::PS_CPTS, &RULE, c, (fr, en), em);
}
