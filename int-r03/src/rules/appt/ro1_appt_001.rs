//! RO1-APPT-001 `appointment-operator-extension`.
//!
//! The appointment carries exactly one FrAppointmentOperator extension whose valueReference.identifier is complete.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-APPT-001 `appointment-operator-extension`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-APPT-001",
    name: "appointment-operator-extension",
    severity: Severity::Error,
    scope: Scope::APPT,
    source: "FrAppointmentSAS; sas-sos-appointment — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrAppointmentSAS.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-appointment.html",
    summary_fr: "Le rendez-vous porte exactement une extension FrAppointmentOperator dont valueReference.identifier est complet.",
    summary_en: "The appointment carries exactly one FrAppointmentOperator extension whose valueReference.identifier is complete.",
    doc: RuleDoc {
        what_fr: "Vérifie qu'Appointment a une seule extension http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator, avec valueReference.identifier portant un type à un codage (système fr-v2-0203 et code), un system et une value.",
        why_fr: "Profils FrAppointmentSAS et sas-sos-appointment : l'extension désigne le régulateur qui a pris le rendez-vous. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Appointment\",\"extension\":[{\"url\":\"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator\",\"valueReference\":{\"display\":\"Régulateur\"}}]}",
        fix_fr: "Identifiez le régulateur par valueReference.identifier (type, system, value), sans display seul.",
        what_en: "Checks that the Appointment has a single http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator extension, with valueReference.identifier carrying a type with one coding (fr-v2-0203 system and a code), a system and a value.",
        why_en: "FrAppointmentSAS and sas-sos-appointment profiles: the extension names the regulator who booked. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Appointment\",\"extension\":[{\"url\":\"http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator\",\"valueReference\":{\"display\":\"Régulateur\"}}]}",
        fix_en: "Identify the regulator through valueReference.identifier (type, system, value), not a display alone.",
    },
};

use fr_fhir_core::model::{Extension, Value};
use fr_fhir_core::rules::Emitter;
use fr_fhir_core::vocab::systems::SYSTEM_FR_V2_0203;

use crate::model::{Appointment, OPERATOR_URL};

const S: Scope = Scope::APPT;

/// Exactly one operator extension, with a complete `valueReference.identifier`.
pub(crate) fn check(appt: &Appointment<'_>, em: &mut Emitter<'_>) {
    let ops: Vec<&Extension<'_>> = appt.operators().collect();
    let Some(first) = ops.first() else {
        em.missing(
            S,
            &RULE,
            appt.span,
            "extension",
            format!("extension {OPERATOR_URL} absente : le régulateur qui a pris le rendez-vous n'est pas désigné (attendu : exactement une)"),
            format!("no {OPERATOR_URL} extension: the regulator who booked is not named (expected: exactly one)"),
        );
        return;
    };
    for extra in ops.iter().skip(1) {
        em.at(
            S,
            &RULE,
            extra.span,
            format!("{} extensions FrAppointmentOperator, attendu exactement une", ops.len()),
            format!("{} FrAppointmentOperator extensions, expected exactly one", ops.len()),
        );
    }
    operator(first, em);
}

fn operator(ext: &Extension<'_>, em: &mut Emitter<'_>) {
    let reference = match &ext.value {
        Some(Value::Reference(r)) => r,
        Some(_) => {
            em.at(
                S,
                &RULE,
                ext.value_span,
                "l'extension FrAppointmentOperator porte une valeur d'un autre type, attendu valueReference".into(),
                "the FrAppointmentOperator extension carries a value of another type, expected valueReference".into(),
            );
            return;
        }
        None => {
            em.missing(
                S,
                &RULE,
                ext.span,
                "valueReference",
                "extension FrAppointmentOperator sans valueReference".into(),
                "FrAppointmentOperator extension without valueReference".into(),
            );
            return;
        }
    };
    let Some(id) = &reference.identifier else {
        em.missing(
            S,
            &RULE,
            reference.span,
            "identifier",
            "valueReference sans identifier : le régulateur est désigné par son identifiant (type, system, value)".into(),
            "valueReference without identifier: the regulator is named by its identifier (type, system, value)".into(),
        );
        return;
    };
    match &id.type_ {
        None => em.missing(
            S,
            &RULE,
            id.span,
            "type",
            "identifiant du régulateur sans type (attendu fr-v2-0203 IDNPS ou INTRN)".into(),
            "regulator identifier without type (expected fr-v2-0203 IDNPS or INTRN)".into(),
        ),
        Some(t) => match t.coding.as_slice() {
            [] => em.missing(
                S,
                &RULE,
                t.span,
                "coding",
                "type de l'identifiant du régulateur sans coding (attendu exactement un)".into(),
                "regulator identifier type without coding (expected exactly one)".into(),
            ),
            [c] => {
                match &c.system {
                    None => em.missing(
                        S,
                        &RULE,
                        c.span,
                        "system",
                        format!("coding du type sans system, attendu {SYSTEM_FR_V2_0203}"),
                        format!("type coding without system, expected {SYSTEM_FR_V2_0203}"),
                    ),
                    Some(sys) if sys.as_str() != SYSTEM_FR_V2_0203 => em.at(
                        S,
                        &RULE,
                        sys.span,
                        format!("system du type {}, attendu {SYSTEM_FR_V2_0203}", sys.as_str()),
                        format!("type system {}, expected {SYSTEM_FR_V2_0203}", sys.as_str()),
                    ),
                    Some(_) => {}
                }
                if c.code.is_none() {
                    em.missing(
                        S,
                        &RULE,
                        c.span,
                        "code",
                        "coding du type sans code (attendu IDNPS ou INTRN)".into(),
                        "type coding without code (expected IDNPS or INTRN)".into(),
                    );
                }
            }
            [_, second, ..] => em.at(
                S,
                &RULE,
                second.span,
                format!("{} codings dans le type, attendu exactement un", t.coding.len()),
                format!("{} codings in the type, expected exactly one", t.coding.len()),
            ),
        },
    }
    if id.system.is_none() {
        em.missing(
            S,
            &RULE,
            id.span,
            "system",
            "identifiant du régulateur sans system".into(),
            "regulator identifier without system".into(),
        );
    }
    if id.value.is_none() {
        em.missing(
            S,
            &RULE,
            id.span,
            "value",
            "identifiant du régulateur sans value".into(),
            "regulator identifier without value".into(),
        );
    }
}
