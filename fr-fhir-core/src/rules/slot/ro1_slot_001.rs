//! RO1-SLOT-001 `slot-status-free`.
//!
//! Every Slot has status free.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Slot;
use crate::rules::support::presence::missing;
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// RO1-SLOT-001 `slot-status-free`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-001",
    name: "slot-status-free",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FrSlotAgregateur fixed free, CPTS/SOS pattern free; agg-psindiv #10; IG nomenclature 'statut du créneau' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-slot-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-slot-aggregator.html",
    summary_fr: "Chaque Slot a le statut free.",
    summary_en: "Every Slot has status free.",
    doc: RuleDoc {
        what_fr: "Vérifie que Slot.status vaut free pour chaque créneau renvoyé.",
        why_fr: "FrSlotAgregateur fixe free, les profils CPTS et SOS imposent le motif free ; exigence agg-psindiv #10 ; nomenclature « statut du créneau » de l'IG. Les indisponibilités ne doivent pas être transmises. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Slot\",\"status\":\"busy\",…}",
        fix_fr: "Filtrez les créneaux non libres côté serveur et n'envoyez que \"status\":\"free\".",
        what_en: "Checks that Slot.status is free for every slot returned.",
        why_en: "FrSlotAgregateur fixes free, the CPTS and SOS profiles impose the free pattern; requirement agg-psindiv #10; IG nomenclature 'statut du créneau'. Unavailable time must not be sent. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Slot\",\"status\":\"busy\",…}",
        fix_en: "Filter out non-free slots on the server side and send only \"status\":\"free\".",
    },
};

/// Slot.status is `free`.
pub(crate) fn check(s: &Slot<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    match &s.status {
        Some(st) if st == "free" => {}
        Some(st) => em.at(
            Scope::ALL,
            &RULE,
            st.span,
            format!(
                "Slot.status vaut {} : seuls les créneaux libres (`free`) sont transmis",
                quote(st.as_str())
            ),
            format!("Slot.status is {}: only free slots (`free`) may be sent", quote(st.as_str())),
        ),
        None => {
            let fr = "Slot.status est absent : attendu `free`";
            let en = "Slot.status is missing: expected `free`";
            missing(em, e.src, Scope::ALL, &RULE, None, s.span, "status", fr.into(), en.into());
        }
    }
}
