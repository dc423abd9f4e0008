//! RO1-FHIR-005 `fhir-required-binding`.
//!
//! Codes bound with strength 'required' in base FHIR R4 come from their value set (administrative gender, identifier use, contact point system and use, days of week, search mode, slot status…).
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) for
//! every element of every resource with a required binding in base R4, from
//! the value sets of the definitions (`conformance/generated/value_sets.rs`).
//! The hand-copied value sets of release 0.1 are gone. Where a specific rule
//! reports the same code (`Slot.status`: RO1-SLOT-001, `Slot.identifier.use`:
//! RO1-SLOT-016, the SOS Location days: RO1-SOS-006), it replaces this one.

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-FHIR-005 `fhir-required-binding`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-005",
    name: "fhir-required-binding",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 required bindings",
    summary_fr: "Les codes liés en force « required » dans FHIR R4 viennent de leur jeu de valeurs (genre administratif, usage d'identifiant, système et usage de ContactPoint, jours de la semaine, search.mode, statut de Slot…).",
    summary_en: "Codes bound with strength 'required' in base FHIR R4 come from their value set (administrative gender, identifier use, contact point system and use, days of week, search mode, slot status…).",
    doc: RuleDoc {
        what_fr: "Vérifie que les codes des éléments à liaison obligatoire de FHIR R4 appartiennent à leur ValueSet : administrative-gender, identifier-use, contact-point-system/use, address-use, days-of-week, search-entry-mode, slot-status, bundle-type, issue-severity, issue-type ; link.relation est une chaîne libre.",
        why_fr: "Liaisons « required » de FHIR R4 : un code hors du jeu de valeurs rend la ressource invalide quel que soit le profil. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"telecom\":[{\"system\":\"mobile\",\"value\":\"+33612345678\"}]}",
        fix_fr: "Employez un code du jeu de valeurs (ici system = \"phone\", et use = \"mobile\" pour dire qu'il s'agit d'un portable).",
        what_en: "Checks that the codes of base FHIR R4 elements with a required binding belong to their ValueSet: administrative-gender, identifier-use, contact-point-system/use, address-use, days-of-week, search-entry-mode, slot-status, bundle-type, issue-severity, issue-type; link.relation is a free string.",
        why_en: "FHIR R4 required bindings: a code outside the value set makes the resource invalid whatever the profile. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"telecom\":[{\"system\":\"mobile\",\"value\":\"+33612345678\"}]}",
        fix_en: "Use a code of the value set (here system = \"phone\", and use = \"mobile\" to say it is a mobile number).",
    },
};
