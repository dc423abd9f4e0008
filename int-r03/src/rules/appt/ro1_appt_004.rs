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

use fr_fhir_core::ids::Idnps;
use fr_fhir_core::rules::Emitter;
use fr_fhir_core::vocab::systems::{OID_IDNPS, SYSTEM_FR_V2_0203};

use super::single_coding;
use crate::model::Appointment;

const S: Scope = Scope::APPT;

/// The practitioner is named by an IDNPS (8 + RPPS or 0 + ADELI) on every
/// participant that has an actor identifier; at least one participant has one.
pub(crate) fn check(appt: &Appointment<'_>, em: &mut Emitter<'_>) {
    let mut named = false;
    for p in &appt.participant {
        let Some(actor) = &p.actor else { continue };
        let Some(id) = actor.identifier.as_deref() else { continue };
        named = true;
        match single_coding(id) {
            Some(c)
                if c.system.as_ref().is_some_and(|s| s.as_str() == SYSTEM_FR_V2_0203)
                    && c.code.as_ref().is_some_and(|s| s.as_str() == "IDNPS") => {}
            Some(c) => em.at(
                S,
                &RULE,
                c.span,
                format!(
                    "type {}#{} du praticien, attendu {SYSTEM_FR_V2_0203}#IDNPS",
                    c.system.as_ref().map_or("-", |s| s.as_str()),
                    c.code.as_ref().map_or("-", |s| s.as_str())
                ),
                format!(
                    "practitioner type {}#{}, expected {SYSTEM_FR_V2_0203}#IDNPS",
                    c.system.as_ref().map_or("-", |s| s.as_str()),
                    c.code.as_ref().map_or("-", |s| s.as_str())
                ),
            ),
            None => match &id.type_ {
                Some(t) => em.at(
                    S,
                    &RULE,
                    t.span,
                    format!("type du praticien à {} codings, attendu un seul : {SYSTEM_FR_V2_0203}#IDNPS", t.coding.len()),
                    format!("practitioner type with {} codings, expected one: {SYSTEM_FR_V2_0203}#IDNPS", t.coding.len()),
                ),
                None => em.missing(
                    S,
                    &RULE,
                    id.span,
                    "type",
                    format!("identifiant du praticien sans type, attendu {SYSTEM_FR_V2_0203}#IDNPS"),
                    format!("practitioner identifier without type, expected {SYSTEM_FR_V2_0203}#IDNPS"),
                ),
            },
        }
        match &id.system {
            Some(s) if s.as_str() == OID_IDNPS => {}
            Some(s) => em.at(
                S,
                &RULE,
                s.span,
                format!("system {} du praticien, attendu {OID_IDNPS}", s.as_str()),
                format!("practitioner system {}, expected {OID_IDNPS}", s.as_str()),
            ),
            None => em.missing(
                S,
                &RULE,
                id.span,
                "system",
                format!("identifiant du praticien sans system, attendu {OID_IDNPS}"),
                format!("practitioner identifier without system, expected {OID_IDNPS}"),
            ),
        }
        match &id.value {
            None => em.missing(
                S,
                &RULE,
                id.span,
                "value",
                "identifiant du praticien sans value (8 + RPPS ou 0 + ADELI)".into(),
                "practitioner identifier without value (8 + RPPS or 0 + ADELI)".into(),
            ),
            Some(v) => match Idnps::parse_form(v.as_str()) {
                Ok(Idnps::Rpps(_) | Idnps::Adeli(_)) => {}
                Ok(other) => em.at(
                    S,
                    &RULE,
                    v.span,
                    format!(
                        "valeur `{}` : identifiant {} ; attendu 8 + RPPS ou 0 + ADELI",
                        v.as_str(),
                        other.kind_name()
                    ),
                    format!(
                        "value `{}`: a {} identifier; expected 8 + RPPS or 0 + ADELI",
                        v.as_str(),
                        other.kind_name()
                    ),
                ),
                Err(e) => {
                    let m = e.message();
                    em.at(
                        S,
                        &RULE,
                        v.span,
                        format!(
                            "valeur `{}` : {} ; attendu 8 + RPPS ou 0 + ADELI",
                            v.as_str(),
                            m.fr
                        ),
                        format!("value `{}`: {}; expected 8 + RPPS or 0 + ADELI", v.as_str(), m.en),
                    );
                }
            },
        }
    }
    if !named {
        let (span, child) = match appt.participant.first() {
            Some(p) => match &p.actor {
                Some(a) => (a.span, "identifier"),
                None => (p.span, "actor"),
            },
            None => (appt.span, "participant"),
        };
        em.missing(
            S,
            &RULE,
            span,
            child,
            "aucun participant n'a d'actor.identifier : le praticien du rendez-vous (IDNPS 8 + RPPS ou 0 + ADELI) n'est pas désigné".into(),
            "no participant has an actor.identifier: the practitioner of the appointment (IDNPS 8 + RPPS or 0 + ADELI) is not named".into(),
        );
    }
}
