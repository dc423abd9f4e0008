//! RO1-APPT-003 `appointment-identifier-start-end`.
//!
//! Appointment.identifier is single with a system and a value, and start and end are present.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-APPT-003 `appointment-identifier-start-end`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-APPT-003",
    name: "appointment-identifier-start-end",
    severity: Severity::Error,
    scope: Scope::APPT,
    source: "FrAppointmentSAS — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrAppointmentSAS.html",
    summary_fr: "Appointment.identifier est unique avec un système et une valeur, et start et end sont présents.",
    summary_en: "Appointment.identifier is single with a system and a value, and start and end are present.",
    doc: RuleDoc {
        what_fr: "Vérifie que le rendez-vous a exactement un identifier avec system (OID ou URL de l'éditeur) et value (identifiant technique, un UUID par exemple), ainsi que start et end.",
        why_fr: "Profil FrAppointmentSAS (identifier 1..1, start et end 1..1) : l'identifiant sert aux mises à jour conditionnelles. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Appointment\",\"identifier\":[{\"value\":\"rdv-123\"}],\"start\":\"2024-06-12T08:00:00+02:00\"}",
        fix_fr: "Ajoutez le system de l'éditeur à l'identifiant et renseignez end.",
        what_en: "Checks that the appointment has exactly one identifier with system (vendor OID or URL) and value (technical id, for example a UUID), plus start and end.",
        why_en: "FrAppointmentSAS profile (identifier 1..1, start and end 1..1): the identifier drives conditional updates. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Appointment\",\"identifier\":[{\"value\":\"rdv-123\"}],\"start\":\"2024-06-12T08:00:00+02:00\"}",
        fix_en: "Add the vendor system to the identifier and fill in end.",
    },
};

use fr_fhir_core::model::Resource;
use fr_fhir_core::rules::Emitter;

use crate::model::Appointment;

const S: Scope = Scope::APPT;

/// One identifier with a system (OID or URL) and a value; start and end.
pub(crate) fn check(appt: &Appointment<'_>, em: &mut Emitter<'_>) {
    match appt.identifier.as_slice() {
        [] => em.missing(
            S,
            &RULE,
            appt.span,
            "identifier",
            "rendez-vous sans identifier : le SAS le retrouve par cet identifiant pour la mise à jour (attendu exactement un, system + value)".into(),
            "appointment without identifier: the SAS finds it by this identifier on update (expected exactly one, system + value)".into(),
        ),
        [id, rest @ ..] => {
            for extra in rest {
                em.at(
                    S,
                    &RULE,
                    extra.span,
                    format!("{} identifiants, attendu exactement un", appt.identifier.len()),
                    format!("{} identifiers, expected exactly one", appt.identifier.len()),
                );
            }
            match &id.system {
                None => em.missing(
                    S,
                    &RULE,
                    id.span,
                    "system",
                    "identifiant du rendez-vous sans system (OID ou URL de l'éditeur)".into(),
                    "appointment identifier without system (the vendor's OID or URL)".into(),
                ),
                Some(sys) if !is_oid_or_url(sys.as_str()) => em.at(
                    S,
                    &RULE,
                    sys.span,
                    format!("system {} : attendu un OID urn:oid:… ou une URL http(s) de l'éditeur", sys.as_str()),
                    format!("system {}: expected a urn:oid:… OID or an http(s) URL of the vendor", sys.as_str()),
                ),
                Some(_) => {}
            }
            if id.value.is_none() {
                em.missing(
                    S,
                    &RULE,
                    id.span,
                    "value",
                    "identifiant du rendez-vous sans value (identifiant technique, UUID conseillé)".into(),
                    "appointment identifier without value (technical id, UUID suggested)".into(),
                );
            }
        }
    }
    for (name, present) in [("start", appt.start.is_some()), ("end", appt.end.is_some())] {
        if !present {
            em.missing(
                S,
                &RULE,
                appt.span,
                name,
                format!("rendez-vous sans {name} (obligatoire dans FrAppointmentSAS)"),
                format!("appointment without {name} (mandatory in FrAppointmentSAS)"),
            );
        }
    }
}

/// An INT_R03 body that is not an Appointment.
pub(crate) fn not_an_appointment(res: &Resource<'_>, em: &mut Emitter<'_>) {
    em.at(
        S,
        &RULE,
        res.span(),
        format!(
            "ressource {} envoyée sur [base]/Appointment, attendu un Appointment",
            res.resource_type()
        ),
        format!(
            "a {} resource sent to [base]/Appointment, expected an Appointment",
            res.resource_type()
        ),
    );
}

/// `urn:oid:` followed by a dotted OID, or an absolute http(s) URL.
pub(crate) fn is_oid_or_url(s: &str) -> bool {
    if let Some(oid) = s.strip_prefix("urn:oid:") {
        return !oid.is_empty()
            && oid
                .split('.')
                .all(|arc| !arc.is_empty() && arc.bytes().all(|b| b.is_ascii_digit()));
    }
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(' '))
}
