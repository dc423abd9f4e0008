//! RO1-SOS-004 `sos-organization-siret`.
//!
//! The SOS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 3 + SIRET (^3\[0-9\]{14}$).

use crate::finding::{Finding, Message, RuleDoc, RuleMeta, Severity};
use crate::ids::{
    IDNST, OID_IDNST, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_LOCATION_ID_TYPE, SYSTEM_FR_V2_0203,
};
use crate::model::Organization;
use crate::rules::support::identifier_type::{match_type, report_type};
use crate::rules::{Emitter, Scope, quote};

/// RO1-SOS-004 `sos-organization-siret`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SOS-004",
    name: "sos-organization-siret",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "sas-sos-organization-aggregator SIRET-invariant — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-organization-aggregator.html",
    summary_fr: "L'Organization SOS a exactement un identifiant : système urn:oid:1.2.250.1.71.4.2.2, type IDNST, valeur 3 + SIRET (^3[0-9]{14}$).",
    summary_en: "The SOS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 3 + SIRET (^3[0-9]{14}$).",
    doc: RuleDoc {
        what_fr: "Vérifie que l'Organization SOS a un seul identifier, de système urn:oid:1.2.250.1.71.4.2.2, de type IDNST et de valeur conforme à ^3[0-9]{14}$ (SIRET préfixé).",
        why_fr: "Profil sas-sos-organization-aggregator (invariant SIRET-invariant) ; lecture AMB-10 pour le système de code du type IDNST. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"34173748400020\",…}]}",
        fix_fr: "Envoyez le SIRET de l'association préfixé par 3 (334173748400020), avec le système et le type IDNST.",
        what_en: "Checks that the SOS Organization has a single identifier, with system urn:oid:1.2.250.1.71.4.2.2, type IDNST and a value matching ^3[0-9]{14}$ (prefixed SIRET).",
        why_en: "sas-sos-organization-aggregator profile (SIRET-invariant); reading AMB-10 for the code system of the IDNST type. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"34173748400020\",…}]}",
        fix_en: "Send the association's SIRET prefixed with 3 (334173748400020), with the IDNST system and type.",
    },
};

/// The SOS association has one identifier: 3 + SIRET under the IDNST OID.
pub(crate) fn check_organization(o: &Organization<'_>, em: &mut Emitter<'_>) {
    let Some(id) = o.identifier.first() else {
        em.missing(
            Scope::SOS,
            &RULE,
            o.span,
            "identifier",
            "association SOS sans identifiant : 3 + SIRET sous urn:oid:1.2.250.1.71.4.2.2 attendu".into(),
            "SOS association without an identifier: 3 + SIRET under urn:oid:1.2.250.1.71.4.2.2 expected".into(),
        );
        return;
    };
    for extra in o.identifier.iter().skip(1) {
        em.at(
            Scope::SOS,
            &RULE,
            extra.span,
            "identifiant en trop : l'association SOS a un seul identifiant (3 + SIRET)".into(),
            "extra identifier: the SOS association has a single identifier (3 + SIRET)".into(),
        );
    }
    let missing = |em: &mut Emitter<'_>, part: &'static str| {
        em.push(
            Scope::SOS,
            Finding::missing(
                &RULE,
                id.span,
                part,
                Message::new(
                    format!("identifiant de l'association sans `{part}` (type, system et value sont obligatoires)"),
                    format!("association identifier without `{part}` (type, system and value are mandatory)"),
                ),
            ),
        );
    };
    match &id.system {
        None => missing(em, "system"),
        Some(s) if s != OID_IDNST => em.at(
            Scope::SOS,
            &RULE,
            s.span,
            format!("system {} : {OID_IDNST} attendu", quote(s.as_str())),
            format!("system {}: {OID_IDNST} expected", quote(s.as_str())),
        ),
        Some(_) => {}
    }
    match &id.type_ {
        None => missing(em, "type"),
        Some(ty) => {
            let tolerated = [SYSTEM_FR_V2_0203, SYSTEM_FR_CORE_V2_0203];
            let m = match_type(ty, SYSTEM_FR_LOCATION_ID_TYPE, IDNST, &tolerated);
            report_type(em, Scope::SOS, &RULE, ty, m, SYSTEM_FR_LOCATION_ID_TYPE, IDNST);
        }
    }
    match &id.value {
        None => missing(em, "value"),
        Some(v) => {
            let s = v.as_str();
            let siret_form =
                s.len() == 15 && s.starts_with('3') && s.bytes().all(|b| b.is_ascii_digit());
            if !siret_form {
                em.at(
                    Scope::SOS,
                    &RULE,
                    v.span,
                    format!(
                        "{} : 3 suivi des 14 chiffres du SIRET attendu (^3[0-9]{{14}}$)",
                        quote(s)
                    ),
                    format!(
                        "{}: 3 followed by the 14 SIRET digits expected (^3[0-9]{{14}}$)",
                        quote(s)
                    ),
                );
            }
        }
    }
}
