//! RO1-SLOT-016 `slot-fr-core-cardinalities`.
//!
//! Slot.serviceCategory has at most one element and Slot.identifier.use, if any, comes from IdentifierUse.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

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
        example_fr: r#"{"serviceCategory":[{"text":"Médecine générale"},{"text":"Pédiatrie"}]}"#,
        fix_fr: "N'envoyez qu'une serviceCategory par créneau.",
        what_en: "Checks the FR Core restrictions on Slot: serviceCategory 0..1 (instead of 0..* in R4) and identifier.use with a required binding to IdentifierUse.",
        why_en: "FR Core FrSlot profile (parent of the SAS profiles), applied by the HL7 validator. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"serviceCategory":[{"text":"Médecine générale"},{"text":"Pédiatrie"}]}"#,
        fix_en: "Send only one serviceCategory per slot.",
    },
};
