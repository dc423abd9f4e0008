//! RO1-PROF-006 `profile-type`.
//!
//! The type of a value (`value[x]` choice, entry resource, reference target) is one the profile allows.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-PROF-006 `profile-type`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-006",
    name: "profile-type",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (type, targetProfile)",
    summary_fr: "Le type d'une valeur (choix value[x], ressource d'une entrée, cible d'une référence) est l'un de ceux que le profil permet.",
    summary_en: "The type of a value (value[x] choice, entry resource, reference target) is one the profile allows.",
    doc: RuleDoc {
        what_fr: "Le type d'une valeur (choix value[x], ressource d'une entrée, cible d'une référence) est l'un de ceux que le profil permet.",
        why_fr: "Snapshots des StructureDefinitions de l'IG SAS 1.1.0 (type.code, type.targetProfile) : un profil restreint les types d'un choix value[x] et les cibles d'une référence, par exemple Slot.schedule vers FrScheduleAgregateur seulement dans FrSlotAgregateur, Schedule.actor vers FrLocation seulement dans sas-sos-schedule-aggregator, value[x] de l'extension appointmentOperator en Reference seulement. Le `source` du constat nomme l'URL du profil et l'id de l'élément. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Slot\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur\"]},\"schedule\":{\"reference\":\"Practitioner/ExamplePractitioner\"},\"status\":\"free\",…}",
        fix_fr: "Référencez une ressource du type que le profil permet (ici Slot.schedule → Schedule/…) et n'utilisez que les types de value[x] que le profil liste.",
        what_en: "The type of a value (value[x] choice, entry resource, reference target) is one the profile allows.",
        why_en: "Snapshots of the SAS IG 1.1.0 StructureDefinitions (type.code, type.targetProfile): a profile narrows the types of a value[x] choice and the targets of a reference, for example Slot.schedule to FrScheduleAgregateur only in FrSlotAgregateur, Schedule.actor to FrLocation only in sas-sos-schedule-aggregator, value[x] of the appointmentOperator extension to Reference only. The finding's own `source` names the profile URL and the element id. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Slot\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur\"]},\"schedule\":{\"reference\":\"Practitioner/ExamplePractitioner\"},\"status\":\"free\",…}",
        fix_en: "Reference a resource of the type the profile allows (here Slot.schedule → Schedule/…) and use only the value[x] types the profile lists.",
    },
};
