//! RO1-PROF-001 `profile-cardinality`.
//!
//! The cardinalities (min and max) of a profile, slices included, hold.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-PROF-001 `profile-cardinality`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-001",
    name: "profile-cardinality",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (snapshot min/max)",
    summary_fr: "Les cardinalités (min et max) d'un profil, tranches comprises, sont respectées.",
    summary_en: "The cardinalities (min and max) of a profile, slices included, hold.",
    doc: RuleDoc {
        what_fr: "Les cardinalités (min et max) d'un profil, tranches comprises, sont respectées.",
        why_fr: "Snapshots des StructureDefinitions de l'IG SAS 1.1.0 (min et max de chaque élément et de chaque tranche), par exemple Practitioner.identifier 1..* et Practitioner.identifier.system 1..1 dans FrPractitionerAgregateur, Slot.schedule 1..1 dans FrSlotAgregateur. Le `source` du constat nomme l'URL du profil et l'id de l'élément (par exemple http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur#Practitioner.identifier.system). Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Practitioner\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur\"]},\"identifier\":[{\"value\":\"810002909371\"}],…}",
        fix_fr: "Renseignez les éléments que le profil rend obligatoires (ici identifier.system = \"urn:oid:1.2.250.1.71.4.2.1\" et identifier.type IDNPS) et n'envoyez pas plus de valeurs que son max.",
        what_en: "The cardinalities (min and max) of a profile, slices included, hold.",
        why_en: "Snapshots of the SAS IG 1.1.0 StructureDefinitions (min and max of every element and every slice), for example Practitioner.identifier 1..* and Practitioner.identifier.system 1..1 in FrPractitionerAgregateur, Slot.schedule 1..1 in FrSlotAgregateur. The finding's own `source` names the profile URL and the element id (for example http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur#Practitioner.identifier.system). Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Practitioner\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur\"]},\"identifier\":[{\"value\":\"810002909371\"}],…}",
        fix_en: "Fill in the elements the profile makes mandatory (here identifier.system = \"urn:oid:1.2.250.1.71.4.2.1\" and identifier.type IDNPS) and send no more values than its max.",
    },
};
