//! RO1-APPT-004 `appointment-participant-idnps`.
//!
//! participant.actor.identifier is an IDNPS: type fr-v2-0203#IDNPS, system urn:oid:1.2.250.1.71.4.2.1, value 8 + RPPS or 0 + ADELI.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-APPT-004 `appointment-participant-idnps`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-APPT-004",
    name: "appointment-participant-idnps",
    severity: Severity::Error,
    scope: Scope::APPT,
    source: "FrAppointmentSAS — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrAppointmentSAS.html",
    summary_fr: "participant.actor.identifier est un IDNPS : type fr-v2-0203#IDNPS, système urn:oid:1.2.250.1.71.4.2.1, valeur 8 + RPPS ou 0 + ADELI.",
    summary_en: "participant.actor.identifier is an IDNPS: type fr-v2-0203#IDNPS, system urn:oid:1.2.250.1.71.4.2.1, value 8 + RPPS or 0 + ADELI.",
    doc: RuleDoc {
        what_fr: "Vérifie que l'identifiant du praticien participant a le type IDNPS (système fr-v2-0203), le système urn:oid:1.2.250.1.71.4.2.1 et une valeur 8 + RPPS ou 0 + ADELI.",
        why_fr: "Motifs de FrAppointmentSAS sur participant.actor.identifier. Kit officiel ANS : non vérifié.",
        example_fr: "{\"participant\":[{\"actor\":{\"identifier\":{\"system\":\"https://rpps.esante.gouv.fr\",\"value\":\"10101215225\"}},\"status\":\"accepted\"}]}",
        fix_fr: "Identifiez le praticien par son IDNPS préfixé sous urn:oid:1.2.250.1.71.4.2.1.",
        what_en: "Checks that the participating practitioner's identifier has type IDNPS (fr-v2-0203 system), system urn:oid:1.2.250.1.71.4.2.1 and a value 8 + RPPS or 0 + ADELI.",
        why_en: "FrAppointmentSAS patterns on participant.actor.identifier. Official ANS kit: not checked.",
        example_en: "{\"participant\":[{\"actor\":{\"identifier\":{\"system\":\"https://rpps.esante.gouv.fr\",\"value\":\"10101215225\"}},\"status\":\"accepted\"}]}",
        fix_en: "Identify the practitioner by the prefixed IDNPS under urn:oid:1.2.250.1.71.4.2.1.",
    },
};
