//! CPTS rules on HealthcareService and Organization: RO1-CPTS-004/005/006.
//!
//! Every Organization entry goes through these checks with the CPTS scope:
//! in a CPTS Bundle the only Organization entries are the CPTS ones (the
//! practitioner's structure is a logical reference), and the findings are
//! dropped for the other use cases. Whether `providedBy` resolves is a
//! cross-resource rule ([`super::graph`]).

use crate::finding::RuleMeta;
use crate::ids::{
    IDNST, OID_IDNST, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_LOCATION_ID_TYPE, SYSTEM_FR_V2_0203,
};
use crate::model::{CodeableConcept, HealthcareService, Identifier, Organization};
use crate::rules::cpts::ro1_cpts_004;
use crate::rules::cpts::ro1_cpts_005;
use crate::rules::cpts::ro1_cpts_006;
use crate::rules::support::identifier_type::{match_type, report_type};
use crate::rules::support::presence::missing;
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[&ro1_cpts_004::RULE, &ro1_cpts_005::RULE, &ro1_cpts_006::RULE];

/// CPTS Organization (RO1-CPTS-005, RO1-CPTS-006).
pub fn check_organization(o: &Organization<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    identifiers(o, e.src, em);
    if o.name.is_none() {
        missing(
            em,
            e.src,
            Scope::CPTS,
            &ro1_cpts_006::RULE,
            None,
            o.span,
            "name",
            "Organization CPTS sans name (élément must-support, affiché par le SAS)".into(),
            "CPTS Organization without a name (must-support element, shown by the SAS)".into(),
        );
    }
    if o.telecom.is_empty() {
        missing(
            em,
            e.src,
            Scope::CPTS,
            &ro1_cpts_006::RULE,
            None,
            o.span,
            "telecom",
            "Organization CPTS sans telecom (élément must-support : le téléphone de la CPTS)"
                .into(),
            "CPTS Organization without a telecom (must-support element: the CPTS phone number)"
                .into(),
        );
    }
}

/// CPTS HealthcareService (RO1-CPTS-004 local part: id and providedBy.reference present).
pub fn check_healthcare_service(
    h: &HealthcareService<'_>,
    e: &EntryCx<'_, '_>,
    em: &mut Emitter<'_>,
) {
    if h.id.is_none() {
        missing(
            em,
            e.src,
            Scope::CPTS,
            &ro1_cpts_004::RULE,
            None,
            h.span,
            "id",
            "HealthcareService sans id : le Slot le référence par `HealthcareService/<id>`".into(),
            "HealthcareService without an id: the Slot references it as `HealthcareService/<id>`"
                .into(),
        );
    }
    match &h.provided_by {
        None => missing(
            em,
            e.src,
            Scope::CPTS,
            &ro1_cpts_004::RULE,
            None,
            h.span,
            "providedBy",
            "HealthcareService sans providedBy : attendu `Organization/<id>` de la CPTS".into(),
            "HealthcareService without providedBy: expected `Organization/<id>` of the CPTS".into(),
        ),
        Some(r) if r.reference.is_none() => missing(
            em,
            e.src,
            Scope::CPTS,
            &ro1_cpts_004::RULE,
            None,
            r.span,
            "reference",
            "HealthcareService.providedBy sans reference : attendu `Organization/<id>` de la CPTS".into(),
            "HealthcareService.providedBy without a reference: expected `Organization/<id>` of the CPTS".into(),
        ),
        Some(_) => {}
    }
}

/// `^1[0-9]{9}$`: the SAS FINESS-invariant (Corsican FINESS `2A`/`2B` fail it, AMB-20).
fn is_prefixed_finess(v: &str) -> bool {
    v.len() == 10 && v.starts_with('1') && v.bytes().all(|b| b.is_ascii_digit())
}

/// Exactly one identifier. The one kept is the first FINESS-shaped one (else
/// the first): the others are reported whole, not field by field.
fn identifiers(o: &Organization<'_>, src: &str, em: &mut Emitter<'_>) {
    if o.identifier.is_empty() {
        missing(
            em,
            src,
            Scope::CPTS,
            &ro1_cpts_005::RULE,
            None,
            o.span,
            "identifier",
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
                &ro1_cpts_005::RULE,
                id.span,
                format!("identifiant en trop ({n} au total) : l'Organization CPTS a exactement un identifiant, l'IDNST 1 + FINESS"),
                format!("extra identifier ({n} in all): the CPTS Organization has exactly one identifier, the IDNST 1 + FINESS"),
            );
        }
    }
}

fn identifier(id: &Identifier<'_>, src: &str, em: &mut Emitter<'_>) {
    match &id.system {
        None => missing(
            em,
            src,
            Scope::CPTS,
            &ro1_cpts_005::RULE,
            None,
            id.span,
            "system",
            format!("identifiant de l'Organization CPTS sans system : attendu {OID_IDNST}"),
            format!("CPTS Organization identifier without a system: expected {OID_IDNST}"),
        ),
        Some(s) if s != OID_IDNST => em.at(
            Scope::CPTS,
            &ro1_cpts_005::RULE,
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
        None => missing(
            em,
            src,
            Scope::CPTS,
            &ro1_cpts_005::RULE,
            None,
            id.span,
            "type",
            format!(
                "identifiant de l'Organization CPTS sans type : attendu {SYSTEM_FR_LOCATION_ID_TYPE}#IDNST"
            ),
            format!(
                "CPTS Organization identifier without a type: expected {SYSTEM_FR_LOCATION_ID_TYPE}#IDNST"
            ),
        ),
        Some(t) => id_type(t, em),
    }
    match &id.value {
        None => missing(
            em,
            src,
            Scope::CPTS,
            &ro1_cpts_005::RULE,
            None,
            id.span,
            "value",
            "identifiant de l'Organization CPTS sans value : attendu 1 + FINESS".into(),
            "CPTS Organization identifier without a value: expected 1 + FINESS".into(),
        ),
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
                &ro1_cpts_005::RULE,
                v.span,
                format!("valeur {q} hors du motif ^1[0-9]{{9}}$ : attendu le FINESS préfixé par 1{fr_note}"),
                format!("value {q} does not match ^1[0-9]{{9}}$: expected the FINESS prefixed with 1{en_note}"),
            );
        }
        Some(_) => {}
    }
}

/// Type IDNST under the 1.1.0 system; the fr-v2-0203 systems of the FAQ and
/// of the main branch are accepted with a warning (AMB-10).
fn id_type(t: &CodeableConcept<'_>, em: &mut Emitter<'_>) {
    let tolerated = [SYSTEM_FR_V2_0203, SYSTEM_FR_CORE_V2_0203];
    let m = match_type(t, SYSTEM_FR_LOCATION_ID_TYPE, IDNST, &tolerated);
    report_type(em, Scope::CPTS, &ro1_cpts_005::RULE, t, m, SYSTEM_FR_LOCATION_ID_TYPE, IDNST);
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::ids::{IDNST, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_V2_0203};
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, SOS, doc, of_rule, patch};
    use serde_json::json;

    const HS: &str = "/entry/6/resource";
    const HS_E: &str = "Bundle.entry[6].resource";
    const ORG: &str = "/entry/7/resource";
    const ORG_E: &str = "Bundle.entry[7].resource";
    const ERR: Severity = Severity::Error;
    const WARN: Severity = Severity::Warning;

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn cpts_004_id_and_provided_by_reference() {
        let d = patch(CPTS, &format!("{HS}/id"), None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-004"), at(HS_E, "id", ERR));
        let d = patch(CPTS, &format!("{HS}/providedBy"), None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-004"), at(HS_E, "providedBy", ERR));
        let d = patch(CPTS, &format!("{HS}/providedBy"), Some(json!({"display": "CPTS"})));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-004"), at(HS_E, "providedBy.reference", ERR));
        assert_eq!(of_rule(&d, Some(UseCase::PS), "RO1-CPTS-004"), []);
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-004"), []);
    }

    #[test]
    fn cpts_005_identifier_parts() {
        let d = patch(CPTS, &format!("{ORG}/identifier"), None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-005"), at(ORG_E, "identifier", ERR));
        for part in ["system", "type", "value"] {
            let d = patch(CPTS, &format!("{ORG}/identifier/0/{part}"), None);
            assert_eq!(
                of_rule(&d, None, "RO1-CPTS-005"),
                at(ORG_E, &format!("identifier[0].{part}"), ERR)
            );
        }
        let d = patch(CPTS, &format!("{ORG}/identifier/0/value"), Some(json!("950047225")));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-005"), at(ORG_E, "identifier[0].value", ERR));
        let d = patch(CPTS, &format!("{ORG}/identifier/0/value"), Some(json!("12A0000014")));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-005"), at(ORG_E, "identifier[0].value", ERR));
        let d = patch(
            CPTS,
            &format!("{ORG}/identifier/0/system"),
            Some(json!("urn:oid:1.2.250.1.71.4.2.1")),
        );
        assert_eq!(of_rule(&d, None, "RO1-CPTS-005"), at(ORG_E, "identifier[0].system", ERR));
        let d =
            patch(CPTS, &format!("{ORG}/identifier/0/type/coding/0/code"), Some(json!("INTRN")));
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-005"),
            at(ORG_E, "identifier[0].type.coding[0].code", ERR)
        );
        let d = patch(
            CPTS,
            &format!("{ORG}/identifier/0/type/coding/0/system"),
            Some(json!("http://x.example/cs")),
        );
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-005"),
            at(ORG_E, "identifier[0].type.coding[0].system", ERR)
        );
    }

    #[test]
    fn cpts_005_amb_10_tolerated_systems() {
        for sys in [SYSTEM_FR_V2_0203, SYSTEM_FR_CORE_V2_0203] {
            let d = patch(
                CPTS,
                &format!("{ORG}/identifier/0/type/coding/0"),
                Some(json!({"system": sys, "code": IDNST})),
            );
            assert_eq!(
                of_rule(&d, None, "RO1-CPTS-005"),
                at(ORG_E, "identifier[0].type.coding[0].system", WARN)
            );
        }
    }

    #[test]
    fn cpts_005_exactly_one_identifier() {
        // The SIRET comes first: it is the extra one, the FINESS is kept.
        let finess = doc(CPTS)["entry"][7]["resource"]["identifier"][0].clone();
        let mut siret = finess.clone();
        siret["value"] = json!("334173748400020");
        let d = patch(CPTS, &format!("{ORG}/identifier"), Some(json!([siret, finess])));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-005"), at(ORG_E, "identifier[0]", ERR));
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-005"), []);
        // The SOS association (3 + SIRET) is judged by the SOS rules only.
        assert_eq!(of_rule(SOS, None, "RO1-CPTS-005"), []);
    }

    #[test]
    fn cpts_006_name_and_telecom() {
        for el in ["name", "telecom"] {
            let d = patch(CPTS, &format!("{ORG}/{el}"), None);
            assert_eq!(of_rule(&d, None, "RO1-CPTS-006"), at(ORG_E, el, WARN));
        }
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-006"), []);
        assert_eq!(of_rule(SOS, None, "RO1-CPTS-006"), []);
    }
}
