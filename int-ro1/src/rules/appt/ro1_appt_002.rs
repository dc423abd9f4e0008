//! RO1-APPT-002 `appointment-operator-identifier`.
//!
//! The operator identifier is an IDNPS (urn:oid:1.2.250.1.71.4.2.1, prefixed value) or an INTRN (urn:oid:1.2.250.1.213.3.6, UUID).

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-APPT-002 `appointment-operator-identifier`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-APPT-002",
    name: "appointment-operator-identifier",
    severity: Severity::Error,
    scope: Scope::APPT,
    source: "IG gestion_rdv nomenclature; sas-valueset-typeidentifiant — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-gestion_rdv.html",
    summary_fr: "L'identifiant de l'opérateur est un IDNPS (urn:oid:1.2.250.1.71.4.2.1, valeur préfixée) ou un INTRN (urn:oid:1.2.250.1.213.3.6, UUID).",
    summary_en: "The operator identifier is an IDNPS (urn:oid:1.2.250.1.71.4.2.1, prefixed value) or an INTRN (urn:oid:1.2.250.1.213.3.6, UUID).",
    doc: RuleDoc {
        what_fr: "Vérifie que l'identifiant de l'opérateur a soit le type IDNPS, le système urn:oid:1.2.250.1.71.4.2.1 et un identifiant national préfixé, soit le type INTRN, le système urn:oid:1.2.250.1.213.3.6 et un UUID.",
        why_fr: "Nomenclature de la page gestion de rendez-vous et ValueSet sas-valueset-typeidentifiant (IDNPS, INTRN). Kit officiel ANS : non vérifié.",
        example_fr: "{\"identifier\":{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"INTRN\"}]},\"system\":\"urn:oid:1.2.250.1.213.3.6\",\"value\":\"régulateur-42\"}}",
        fix_fr: "Reprenez l'identifiant tel que transmis par le SAS lors de la création du compte régulateur (UUID ou IDNPS).",
        what_en: "Checks that the operator identifier has either type IDNPS, system urn:oid:1.2.250.1.71.4.2.1 and a prefixed national id, or type INTRN, system urn:oid:1.2.250.1.213.3.6 and a UUID.",
        why_en: "Appointment page nomenclature and ValueSet sas-valueset-typeidentifiant (IDNPS, INTRN). Official ANS kit: not checked.",
        example_en: "{\"identifier\":{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"INTRN\"}]},\"system\":\"urn:oid:1.2.250.1.213.3.6\",\"value\":\"régulateur-42\"}}",
        fix_en: "Reuse the identifier as the SAS sent it when the regulator account was created (UUID or IDNPS).",
    },
};
