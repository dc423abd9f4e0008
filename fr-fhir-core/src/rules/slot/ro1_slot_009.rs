//! RO1-SLOT-009 `sos-slot-service-type-amb-hh-vr`.
//!
//! For SOS, every Slot.serviceType coding is AMB, HH or VR from the v3-ActCode system.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Coding;
use crate::rules::support::coding::is_act_code;
use crate::rules::{Emitter, Scope};

use super::{coded_elsewhere, off_list_act_code};

/// RO1-SLOT-009 `sos-slot-service-type-amb-hh-vr`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-009",
    name: "sos-slot-service-type-amb-hh-vr",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "sas-sos-slot-aggregator required sas-valueset-typeconsultation — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-slot-aggregator.html",
    summary_fr: "En SOS, chaque codage de Slot.serviceType est AMB, HH ou VR du système v3-ActCode.",
    summary_en: "For SOS, every Slot.serviceType coding is AMB, HH or VR from the v3-ActCode system.",
    doc: RuleDoc {
        what_fr: "Vérifie que tous les codages de Slot.serviceType d'un Slot SOS ont le système http://terminology.hl7.org/CodeSystem/v3-ActCode et l'un des codes AMB, HH, VR ; aucune tranche ne laisse passer d'autre codage.",
        why_fr: "sas-sos-slot-aggregator lie obligatoirement serviceType.coding à sas-valueset-typeconsultation, sans découpage. Kit officiel ANS : non vérifié.",
        example_fr: "{\"serviceType\":[{\"coding\":[{\"system\":\"https://editeur.example/motifs\",\"code\":\"visite\"}]}]}   (SOS)",
        fix_fr: "N'envoyez en SOS que des codages v3-ActCode AMB, HH ou VR dans serviceType.",
        what_en: "Checks that every Slot.serviceType coding of an SOS Slot has the system http://terminology.hl7.org/CodeSystem/v3-ActCode and one of the codes AMB, HH, VR; no slice lets another coding through.",
        why_en: "sas-sos-slot-aggregator has a required binding of serviceType.coding to sas-valueset-typeconsultation, with no slicing. Official ANS kit: not checked.",
        example_en: "{\"serviceType\":[{\"coding\":[{\"system\":\"https://editeur.example/motifs\",\"code\":\"visite\"}]}]}   (SOS)",
        fix_en: "For SOS, send only v3-ActCode AMB, HH or VR codings in serviceType.",
    },
};

/// SOS (sas-valueset-typeconsultation): a serviceType coding is v3-ActCode
/// AMB, HH or VR, nothing else.
/// `act` is `is_act_code(c)`, worked out once per coding by the Slot visitor.
#[inline]
pub(crate) fn check_service_coding(c: &Coding<'_>, act: bool, em: &mut Emitter<'_>) {
    debug_assert_eq!(act, is_act_code(c));
    if !act {
        let fr = "en SOS, seuls les types v3-ActCode AMB, HH, VR sont permis";
        let en = "for SOS, only v3-ActCode AMB, HH, VR are allowed";
        return coded_elsewhere(Scope::SOS, &RULE, c, (fr, en), em);
    }
    let Some((code, q)) = off_list_act_code(Scope::SOS, &RULE, c, em) else { return };
    em.at(
        Scope::SOS,
        &RULE,
        code.span,
        format!("type de consultation {q} non autorisé en SOS : attendu AMB, HH ou VR"),
        format!("consultation type {q} is not allowed for SOS: expected AMB, HH or VR"),
    );
}
