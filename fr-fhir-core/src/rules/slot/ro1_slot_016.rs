//! RO1-SLOT-016 `slot-fr-core-cardinalities`.
//!
//! Slot.serviceCategory has at most one element and Slot.identifier.use, if any, comes from IdentifierUse.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Slot;
use crate::rules::support::terminology as term;
use crate::rules::{Emitter, Scope, quote};

use crate::rules::support::coding::repeated_service_category;

/// RO1-SLOT-016 `slot-fr-core-cardinalities`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-016",
    name: "slot-fr-core-cardinalities",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FrSlot (FR Core) 0..1",
    summary_fr: "Slot.serviceCategory a au plus un élément et Slot.identifier.use, s'il existe, vient de IdentifierUse.",
    summary_en: "Slot.serviceCategory has at most one element and Slot.identifier.use, if any, comes from IdentifierUse.",
    doc: RuleDoc {
        what_fr: "Vérifie les restrictions FR Core du Slot : serviceCategory 0..1 (au lieu de 0..* en R4) et identifier.use lié obligatoirement à IdentifierUse.",
        why_fr: "Profil FrSlot de FR Core (parent des profils SAS), appliqué par le validateur HL7. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"serviceCategory\":[{\"text\":\"Médecine générale\"},{\"text\":\"Pédiatrie\"}]}",
        fix_fr: "N'envoyez qu'une serviceCategory par créneau.",
        what_en: "Checks the FR Core restrictions on Slot: serviceCategory 0..1 (instead of 0..* in R4) and identifier.use with a required binding to IdentifierUse.",
        why_en: "FR Core FrSlot profile (parent of the SAS profiles), applied by the HL7 validator. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"serviceCategory\":[{\"text\":\"Médecine générale\"},{\"text\":\"Pédiatrie\"}]}",
        fix_en: "Send only one serviceCategory per slot.",
    },
};

/// FR Core FrSlot restrictions: at most one serviceCategory, identifier.use
/// in IdentifierUse.
pub(crate) fn check(s: &Slot<'_>, em: &mut Emitter<'_>) {
    repeated_service_category(&s.service_category, "Slot", &RULE, em);
    for id in &s.identifier {
        if let Some(u) = &id.use_
            && !term::IDENTIFIER_USE_CODES.contains(&u.as_str())
        {
            em.at(
                Scope::ALL,
                &RULE,
                u.span,
                format!("Slot.identifier.use {} hors IdentifierUse (usual, official, temp, secondary, old)", quote(u.as_str())),
                format!("Slot.identifier.use {} is not in IdentifierUse (usual, official, temp, secondary, old)", quote(u.as_str())),
            );
        }
    }
}
