//! RO1-PROF-002 `profile-fixed-value`.
//!
//! An element with a fixed value (`fixed[x]`) or a pattern (`pattern[x]`) in the profile carries that value.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-PROF-002 `profile-fixed-value`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-002",
    name: "profile-fixed-value",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (fixed[x], pattern[x])",
    summary_fr: "Un élément qui a une valeur fixe (fixed[x]) ou un motif (pattern[x]) dans le profil porte cette valeur.",
    summary_en: "An element with a fixed value (fixed[x]) or a pattern (pattern[x]) in the profile carries that value.",
    doc: RuleDoc {
        what_fr: "Un élément qui a une valeur fixe (fixed[x]) ou un motif (pattern[x]) dans le profil porte cette valeur.",
        why_fr: "Snapshots des StructureDefinitions de l'IG SAS 1.1.0 : fixed[x] impose la valeur exacte (fixedCode free sur Slot.status dans FrSlotAgregateur), pattern[x] impose au moins les parties données (patternCodeableConcept IDNPS du système fr-v2-0203 sur Practitioner.identifier.type, patternUri urn:oid:1.2.250.1.71.4.2.1 sur Practitioner.identifier.system dans FrPractitionerAgregateur). Le `source` du constat nomme l'URL du profil et l'id de l'élément. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Practitioner\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur\"]},\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"RPPS\"}]},\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"810002909371\"}],…}",
        fix_fr: "Envoyez la valeur du profil : ici identifier.type avec le coding {system fr-v2-0203, code IDNPS} (d'autres codings peuvent s'y ajouter, c'est un motif) ; pour une valeur fixe comme Slot.status, exactement \"free\".",
        what_en: "An element with a fixed value (fixed[x]) or a pattern (pattern[x]) in the profile carries that value.",
        why_en: "Snapshots of the SAS IG 1.1.0 StructureDefinitions: fixed[x] imposes the exact value (fixedCode free on Slot.status in FrSlotAgregateur), pattern[x] imposes at least the parts it gives (patternCodeableConcept IDNPS of the fr-v2-0203 system on Practitioner.identifier.type, patternUri urn:oid:1.2.250.1.71.4.2.1 on Practitioner.identifier.system in FrPractitionerAgregateur). The finding's own `source` names the profile URL and the element id. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Practitioner\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur\"]},\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"RPPS\"}]},\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"810002909371\"}],…}",
        fix_en: "Send the profile's value: here identifier.type with the coding {system fr-v2-0203, code IDNPS} (other codings may be added, it is a pattern); for a fixed value such as Slot.status, exactly \"free\".",
    },
};
