//! RO1-SOS-003 `sos-location-identifier`.
//!
//! The SOS Location has a complete identifier of type INTRN with a vendor system; an IDNST with urn:oid:1.2.250.1.71.4.2.2 is accepted with a warning.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::{
    IDNST, INTRN, IdError, Idnst, OID_IDNST, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_LOCATION_ID_TYPE,
    SYSTEM_FR_V2_0203,
};
use crate::model::{CodeableConcept, Identifier, Location};
use crate::rules::support::identifier_type::{TypeMatch, match_type, report_type};
use crate::rules::support::location::identifier_parts;
use crate::rules::{Emitter, Scope, quote};

/// RO1-SOS-003 `sos-location-identifier`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SOS-003",
    name: "sos-location-identifier",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "sas-sos-location-aggregator pattern INTRN vs IG SOS nomenclature (AMB-11) — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-location-aggregator.html",
    summary_fr: "Le Location SOS a un identifiant complet de type INTRN avec un système éditeur ; un IDNST avec urn:oid:1.2.250.1.71.4.2.2 est accepté avec un avertissement.",
    summary_en: "The SOS Location has a complete identifier of type INTRN with a vendor system; an IDNST with urn:oid:1.2.250.1.71.4.2.2 is accepted with a warning.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque Location SOS a un identifier avec type, system et value, de type INTRN (motif 1.1.0) et d'un système de l'éditeur ; un identifiant de type IDNST, de système urn:oid:1.2.250.1.71.4.2.2 et de valeur préfixée est accepté mais signalé en avertissement.",
        why_fr: "sas-sos-location-aggregator impose le motif INTRN alors que la nomenclature SOS de l'IG permet l'IDNST quand le lieu en a un ; lecture AMB-11 : les deux sont acceptés, avertissement sur IDNST. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Location\",\"identifier\":[{\"value\":\"PFG-RENNES-1\"}]}",
        fix_fr: "Envoyez {\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type\",\"code\":\"INTRN\"}]},\"system\":\"<OID ou URL éditeur>\",\"value\":\"<id>\"}.",
        what_en: "Checks that every SOS Location has an identifier with type, system and value, of type INTRN (1.1.0 pattern) and a vendor system; an identifier of type IDNST, with system urn:oid:1.2.250.1.71.4.2.2 and a prefixed value is accepted but reported as a warning.",
        why_en: "sas-sos-location-aggregator imposes the INTRN pattern while the IG SOS nomenclature allows IDNST when the place has one; reading AMB-11: both are accepted, warning on IDNST. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Location\",\"identifier\":[{\"value\":\"PFG-RENNES-1\"}]}",
        fix_en: "Send {\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type\",\"code\":\"INTRN\"}]},\"system\":\"<vendor OID or URL>\",\"value\":\"<id>\"}.",
    },
};

/// RO1-SOS-003 (AMB-11): INTRN with the vendor's system, or IDNST with the
/// structure OID and a prefixed value, accepted with a warning.
pub(crate) fn check(l: &Location<'_>, em: &mut Emitter<'_>) {
    if l.identifier.is_empty() {
        em.missing(
            Scope::SOS,
            &RULE,
            l.span,
            "identifier",
            "lieu SOS sans identifiant : identifiant technique INTRN (type, system, value) attendu".into(),
            "SOS place without an identifier: technical INTRN identifier (type, system, value) expected".into(),
        );
    }
    for id in &l.identifier {
        identifier_parts(
            id,
            Scope::SOS,
            &RULE,
            ("identifiant du lieu SOS", "SOS place identifier"),
            em,
        );
        if let Some(ty) = &id.type_ {
            check_type(id, ty, em);
        }
    }
}

fn check_type(id: &Identifier<'_>, ty: &CodeableConcept<'_>, em: &mut Emitter<'_>) {
    let intrn = match_type(ty, SYSTEM_FR_LOCATION_ID_TYPE, INTRN, &[]);
    if matches!(intrn, TypeMatch::Exact(_)) {
        return;
    }
    let idnst_systems = [SYSTEM_FR_V2_0203, SYSTEM_FR_CORE_V2_0203];
    let idnst = match_type(ty, SYSTEM_FR_LOCATION_ID_TYPE, IDNST, &idnst_systems);
    let coding = match idnst {
        TypeMatch::Exact(k) => ty.coding.get(k),
        TypeMatch::Tolerated(c) => Some(c),
        // Neither INTRN nor IDNST: the pattern of the profile is INTRN.
        _ => {
            report_type(em, Scope::SOS, &RULE, ty, intrn, SYSTEM_FR_LOCATION_ID_TYPE, INTRN);
            return;
        }
    };
    match &id.system {
        Some(s) if s != OID_IDNST => {
            em.at(
                Scope::SOS,
                &RULE,
                s.span,
                format!(
                    "identifiant IDNST du lieu avec le système {} : {OID_IDNST} attendu",
                    quote(s.as_str())
                ),
                format!(
                    "IDNST place identifier with system {}: {OID_IDNST} expected",
                    quote(s.as_str())
                ),
            );
            return;
        }
        None => return,
        Some(_) => {}
    }
    // Malformed values of a known prefix are RO1-ID-0xx findings; an
    // unknown prefix means the value is not a national id at all.
    if let Some(v) = &id.value
        && let Err(e @ IdError::UnknownPrefix { .. }) = Idnst::parse_form(v.as_str())
    {
        let m = e.message();
        em.at(
            Scope::SOS,
            &RULE,
            v.span,
            format!("{} n'est pas un IDNST préfixé : {}", quote(v.as_str()), m.fr),
            format!("{} is not a prefixed IDNST: {}", quote(v.as_str()), m.en),
        );
        return;
    }
    let span = coding.and_then(|c| c.code.as_ref()).map_or(ty.span, |k| k.span);
    em.at_sev(
        Scope::SOS,
        &RULE,
        Severity::Warning,
        span,
        "identifiant IDNST du lieu admis par la page SOS, mais le profil sas-sos-location-aggregator 1.1.0 impose le type INTRN".into(),
        "IDNST place identifier allowed by the SOS page, but the sas-sos-location-aggregator 1.1.0 profile requires type INTRN".into(),
    );
}
