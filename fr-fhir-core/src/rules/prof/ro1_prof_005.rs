//! RO1-PROF-005 `profile-slice`.
//!
//! Every value of an element with closed slicing matches a slice (its discriminator holds).
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-PROF-005 `profile-slice`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-005",
    name: "profile-slice",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (slicing)",
    summary_fr: "Chaque valeur d'un élément découpé en tranches fermées correspond à une tranche (discriminant satisfait).",
    summary_en: "Every value of an element with closed slicing matches a slice (its discriminator holds).",
    doc: RuleDoc {
        what_fr: "Chaque valeur d'un élément découpé en tranches fermées correspond à une tranche (discriminant satisfait).",
        why_fr: "Snapshots des StructureDefinitions de l'IG SAS 1.1.0 (slicing : discriminateurs et rules) : avec rules = closed, une valeur qui ne correspond à aucune tranche est interdite. Dans l'IG 1.1.0, le value[x] de l'extension appointmentOperator (FrAppointmentSAS, sas-sos-appointment) est découpé fermé par type, avec la seule tranche valueReference ; un IG chargé avec --ig peut fermer d'autres découpages (Bundle.entry, extension, identifier). Le message dit quel discriminateur a échoué ; le `source` du constat nomme l'URL du profil et l'id de l'élément découpé. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Appointment\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrAppointmentSAS\"]},\"extension\":[{\"url\":\"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator\",\"valueIdentifier\":{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"810100050075\"}}],…}",
        fix_fr: "Faites correspondre chaque valeur à une tranche du profil selon son discriminateur (ici valueReference avec un identifier IDNPS : {\"valueReference\":{\"identifier\":{…}}}), ou retirez les valeurs qu'aucune tranche n'admet.",
        what_en: "Every value of an element with closed slicing matches a slice (its discriminator holds).",
        why_en: "Snapshots of the SAS IG 1.1.0 StructureDefinitions (slicing: discriminators and rules): with rules = closed, a value that matches no slice is forbidden. In IG 1.1.0, value[x] of the appointmentOperator extension (FrAppointmentSAS, sas-sos-appointment) is sliced closed by type, with valueReference as its only slice; an IG loaded with --ig may close other slicings (Bundle.entry, extension, identifier). The message says which discriminator failed; the finding's own `source` names the profile URL and the id of the sliced element. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Appointment\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrAppointmentSAS\"]},\"extension\":[{\"url\":\"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator\",\"valueIdentifier\":{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"810100050075\"}}],…}",
        fix_en: "Make every value match a slice of the profile by its discriminator (here valueReference with an IDNPS identifier: {\"valueReference\":{\"identifier\":{…}}}), or remove the values no slice admits.",
    },
};
