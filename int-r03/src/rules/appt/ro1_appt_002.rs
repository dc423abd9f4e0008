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

use fr_fhir_core::ids::Idnps;
use fr_fhir_core::model::{Identifier, Value};
use fr_fhir_core::rules::Emitter;
use fr_fhir_core::vocab::systems::{OID_IDNPS, OID_SAS_INTRN};

use super::single_coding;
use crate::model::Appointment;

const S: Scope = Scope::APPT;

/// The identifier of the operator (first extension; RO1-APPT-001 says
/// what is missing) is one of the two SAS forms.
pub(crate) fn check(appt: &Appointment<'_>, em: &mut Emitter<'_>) {
    let Some(ext) = appt.operators().next() else { return };
    let Some(Value::Reference(r)) = &ext.value else { return };
    let Some(id) = r.identifier.as_deref() else { return };
    check_identifier(id, em);
}

/// IDNPS + `urn:oid:1.2.250.1.71.4.2.1` + prefixed national id, or INTRN +
/// `urn:oid:1.2.250.1.213.3.6` + UUID.
pub(crate) fn check_identifier(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    let (Some(code), Some(system), Some(value)) =
        (single_coding(id).and_then(|c| c.code.as_ref()), &id.system, &id.value)
    else {
        return;
    };
    let (expected, well_formed) = match code.as_str() {
        "IDNPS" => {
            (OID_IDNPS, Idnps::parse_form(value.as_str()).map(|_| ()).map_err(|e| e.message()))
        }
        "INTRN" => (
            OID_SAS_INTRN,
            if sas_exchange::is_uuid(value.as_str()) {
                Ok(())
            } else {
                Err(fr_fhir_core::finding::Message::new(
                    "UUID attendu (8-4-4-4-12 chiffres hexadécimaux)",
                    "a UUID expected (8-4-4-4-12 hexadecimal digits)",
                ))
            },
        ),
        other => {
            em.at(
                S,
                &RULE,
                code.span,
                format!("type d'identifiant du régulateur {other}, attendu IDNPS (identifiant national) ou INTRN (identifiant technique SAS)"),
                format!("regulator identifier type {other}, expected IDNPS (national id) or INTRN (SAS technical id)"),
            );
            return;
        }
    };
    if system.as_str() != expected {
        em.at(
            S,
            &RULE,
            system.span,
            format!(
                "system {} pour un identifiant {}, attendu {expected}",
                system.as_str(),
                code.as_str()
            ),
            format!(
                "system {} for an {} identifier, expected {expected}",
                system.as_str(),
                code.as_str()
            ),
        );
    }
    if let Err(m) = well_formed {
        em.at(
            S,
            &RULE,
            value.span,
            format!("valeur `{}` de l'identifiant {} : {}", value.as_str(), code.as_str(), m.fr),
            format!("value `{}` of the {} identifier: {}", value.as_str(), code.as_str(), m.en),
        );
    }
}
