//! RO1-CPTS-005 `cpts-organization-finess`.
//!
//! The CPTS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 1 + FINESS (^1\[0-9\]{9}$).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::{
    IDNST, OID_IDNST, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_LOCATION_ID_TYPE, SYSTEM_FR_V2_0203,
};
use crate::json::Span;
use crate::model::{CodeableConcept, Identifier, Organization};
use crate::rules::support::identifier_type::{match_type, report_type};
use crate::rules::support::presence::missing;
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// RO1-CPTS-005 `cpts-organization-finess`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-005",
    name: "cpts-organization-finess",
    severity: Severity::Error,
    scope: Scope::CPTS,
    source: "sas-cpts-organization-aggregator (FINESS-invariant); IG CPTS nomenclature — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-organization-aggregator.html",
    summary_fr: "L'Organization CPTS a exactement un identifiant : système urn:oid:1.2.250.1.71.4.2.2, type IDNST, valeur 1 + FINESS (^1[0-9]{9}$).",
    summary_en: "The CPTS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 1 + FINESS (^1[0-9]{9}$).",
    doc: RuleDoc {
        what_fr: "Vérifie que l'Organization CPTS a un seul identifier, de système urn:oid:1.2.250.1.71.4.2.2, de type IDNST et de valeur conforme à ^1[0-9]{9}$ (FINESS préfixé).",
        why_fr: "sas-cpts-organization-aggregator (invariant FINESS-invariant) et nomenclature CPTS ; vérifié par le kit (validate_cpts_id). Lectures AMB-10 (trois systèmes de code acceptés pour IDNST) et AMB-13 (profil CPTS, pas SOS). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"950047225\",…}]}",
        fix_fr: "Envoyez un seul identifiant, FINESS préfixé par 1 (1950047225), avec le système et le type IDNST.",
        what_en: "Checks that the CPTS Organization has a single identifier, with system urn:oid:1.2.250.1.71.4.2.2, type IDNST and a value matching ^1[0-9]{9}$ (prefixed FINESS).",
        why_en: "sas-cpts-organization-aggregator (FINESS-invariant) and CPTS nomenclature; checked by the kit (validate_cpts_id). Readings AMB-10 (three code systems accepted for IDNST) and AMB-13 (CPTS profile, not SOS). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"950047225\",…}]}",
        fix_en: "Send a single identifier, the FINESS prefixed with 1 (1950047225), with the IDNST system and type.",
    },
};

/// `^1[0-9]{9}$`: the SAS FINESS-invariant (Corsican FINESS `2A`/`2B` fail it, AMB-20).
fn is_prefixed_finess(v: &str) -> bool {
    v.len() == 10 && v.starts_with('1') && v.bytes().all(|b| b.is_ascii_digit())
}

/// Exactly one identifier. The one kept is the first FINESS-shaped one (else
/// the first): the others are reported whole, not field by field.
pub(crate) fn check_organization(o: &Organization<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    let src = e.src;
    if o.identifier.is_empty() {
        absent(
            em,
            src,
            (o.span, "identifier"),
            "Organization CPTS sans identifier : attendu l'IDNST 1 + FINESS (urn:oid:1.2.250.1.71.4.2.2)".into(),
            "CPTS Organization without an identifier: expected the IDNST 1 + FINESS (urn:oid:1.2.250.1.71.4.2.2)".into(),
        );
        return;
    }
    let kept = o
        .identifier
        .iter()
        .position(|i| i.value.as_ref().is_some_and(|v| is_prefixed_finess(v.as_str())))
        .unwrap_or(0);
    let n = o.identifier.len();
    for (k, id) in o.identifier.iter().enumerate() {
        if k == kept {
            identifier(id, src, em);
        } else {
            em.at(
                Scope::CPTS,
                &RULE,
                id.span,
                format!("identifiant en trop ({n} au total) : l'Organization CPTS a exactement un identifiant, l'IDNST 1 + FINESS"),
                format!("extra identifier ({n} in all): the CPTS Organization has exactly one identifier, the IDNST 1 + FINESS"),
            );
        }
    }
}

fn identifier(id: &Identifier<'_>, src: &str, em: &mut Emitter<'_>) {
    let absent_part = |em: &mut Emitter<'_>, child: &'static str, expected: &str| {
        absent(
            em,
            src,
            (id.span, child),
            format!("identifiant de l'Organization CPTS sans {child} : attendu {expected}"),
            format!("CPTS Organization identifier without a {child}: expected {expected}"),
        );
    };
    match &id.system {
        None => absent_part(em, "system", OID_IDNST),
        Some(s) if s != OID_IDNST => em.at(
            Scope::CPTS,
            &RULE,
            s.span,
            format!(
                "system {} : l'identifiant de l'Organization CPTS est un IDNST ({OID_IDNST})",
                quote(s.as_str())
            ),
            format!(
                "system {}: the CPTS Organization identifier is an IDNST ({OID_IDNST})",
                quote(s.as_str())
            ),
        ),
        Some(_) => {}
    }
    match &id.type_ {
        None => absent_part(em, "type", &format!("{SYSTEM_FR_LOCATION_ID_TYPE}#IDNST")),
        Some(t) => id_type(t, em),
    }
    match &id.value {
        None => absent_part(em, "value", "1 + FINESS"),
        Some(v) if !is_prefixed_finess(v.as_str()) => {
            let q = quote(v.as_str());
            let (fr_note, en_note) =
                if v.as_str().starts_with("12A") || v.as_str().starts_with("12B") {
                    (
                        " (les FINESS corses 2A/2B ne passent pas l'invariant du profil, AMB-20)",
                        " (Corsican FINESS 2A/2B fail the profile invariant, AMB-20)",
                    )
                } else {
                    ("", "")
                };
            em.at(
                Scope::CPTS,
                &RULE,
                v.span,
                format!("valeur {q} hors du motif ^1[0-9]{{9}}$ : attendu le FINESS préfixé par 1{fr_note}"),
                format!("value {q} does not match ^1[0-9]{{9}}$: expected the FINESS prefixed with 1{en_note}"),
            );
        }
        Some(_) => {}
    }
}

/// Reports `child` of `parent` missing for this rule (the Organization's
/// identifier, or a part of it).
fn absent(
    em: &mut Emitter<'_>,
    src: &str,
    (parent, child): (Span, &'static str),
    fr: String,
    en: String,
) {
    missing(em, src, Scope::CPTS, &RULE, None, parent, child, fr, en);
}

/// Type IDNST under the 1.1.0 system; the fr-v2-0203 systems of the FAQ and
/// of the main branch are accepted with a warning (AMB-10).
fn id_type(t: &CodeableConcept<'_>, em: &mut Emitter<'_>) {
    let tolerated = [SYSTEM_FR_V2_0203, SYSTEM_FR_CORE_V2_0203];
    let m = match_type(t, SYSTEM_FR_LOCATION_ID_TYPE, IDNST, &tolerated);
    report_type(em, Scope::CPTS, &RULE, t, m, SYSTEM_FR_LOCATION_ID_TYPE, IDNST);
}
