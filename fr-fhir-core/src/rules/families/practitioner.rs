//! Practitioner rules: RO1-PRACT-001..004, 007..009.
//!
//! RO1-PRACT-005 needs the request (int-ro1) and RO1-PRACT-006 the whole
//! Bundle (graph): not here.

use crate::finding::RuleMeta;
use crate::ids::{IDNPS, Idnps, OID_IDNPS, SYSTEM_FR_V2_0203};
use crate::model::{CodeableConcept, Practitioner};
use crate::rules::pract::ro1_pract_001;
use crate::rules::pract::ro1_pract_002;
use crate::rules::pract::ro1_pract_003;
use crate::rules::pract::ro1_pract_004;
use crate::rules::pract::ro1_pract_007;
use crate::rules::pract::ro1_pract_008;
use crate::rules::pract::ro1_pract_009;
use crate::rules::support::identifier_type::{TypeMatch, match_type, report_type};
use crate::rules::support::phone::check_phone;
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[
    &ro1_pract_001::RULE,
    &ro1_pract_002::RULE,
    &ro1_pract_003::RULE,
    &ro1_pract_004::RULE,
    &ro1_pract_007::RULE,
    &ro1_pract_008::RULE,
    &ro1_pract_009::RULE,
];

/// Practitioner profiles are PS/CPTS ones.
const SCOPE: Scope = Scope::PS_CPTS;

/// Checks one Practitioner.
pub fn check(p: &Practitioner<'_>, _e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    check_identifiers(p, em);
    check_names(p, em);
    check_telecoms(p, em);
}

fn check_identifiers(p: &Practitioner<'_>, em: &mut Emitter<'_>) {
    if p.identifier.is_empty() {
        em.missing(
            SCOPE,
            &ro1_pract_001::RULE,
            p.span,
            "identifier",
            "Practitioner sans identifiant : l'IDNPS (8 + RPPS ou 0 + ADELI) est obligatoire"
                .into(),
            "Practitioner without an identifier: the IDNPS (8 + RPPS or 0 + ADELI) is mandatory"
                .into(),
        );
    }
    for id in &p.identifier {
        match &id.type_ {
            None => missing_part(em, id.span, "type"),
            Some(ty) => check_type(ty, em),
        }
        match &id.system {
            None => missing_part(em, id.span, "system"),
            Some(s) if s != OID_IDNPS => em.at(
                SCOPE,
                &ro1_pract_003::RULE,
                s.span,
                format!("système d'identifiant {}, attendu {OID_IDNPS}", quote(s.as_str())),
                format!("identifier system {}, expected {OID_IDNPS}", quote(s.as_str())),
            ),
            Some(_) => {}
        }
        match &id.value {
            None => missing_part(em, id.span, "value"),
            Some(v) => {
                let problem = match Idnps::parse_form(v.as_str()) {
                    Ok(Idnps::Rpps(_) | Idnps::Adeli(_)) => None,
                    Ok(other) => Some(crate::finding::Message::new(
                        format!("forme interne {} non admise pour un praticien", other.kind_name()),
                        format!(
                            "internal form {} not accepted for a practitioner",
                            other.kind_name()
                        ),
                    )),
                    Err(e) => Some(e.message()),
                };
                if let Some(m) = problem {
                    em.at(
                        SCOPE,
                        &ro1_pract_004::RULE,
                        v.span,
                        format!(
                            "{} n'est pas un IDNPS 8 + RPPS (11 chiffres) ou 0 + ADELI : {}",
                            quote(v.as_str()),
                            m.fr
                        ),
                        format!(
                            "{} is not an IDNPS 8 + RPPS (11 digits) or 0 + ADELI: {}",
                            quote(v.as_str()),
                            m.en
                        ),
                    );
                }
            }
        }
    }
}

fn missing_part(em: &mut Emitter<'_>, span: crate::json::Span, part: &'static str) {
    em.missing(
        SCOPE,
        &ro1_pract_001::RULE,
        span,
        part,
        format!("identifiant du praticien sans `{part}` (type, system et value sont obligatoires)"),
        format!("practitioner identifier without `{part}` (type, system and value are mandatory)"),
    );
}

/// RO1-PRACT-002: the IDNPS coding, and no other (coding 0..1).
fn check_type(ty: &CodeableConcept<'_>, em: &mut Emitter<'_>) {
    let m = match_type(ty, SYSTEM_FR_V2_0203, IDNPS, &[]);
    let TypeMatch::Exact(k) = m else {
        report_type(em, SCOPE, &ro1_pract_002::RULE, ty, m, SYSTEM_FR_V2_0203, IDNPS);
        return;
    };
    for (i, c) in ty.coding.iter().enumerate() {
        if i != k {
            em.at(
                SCOPE,
                &ro1_pract_002::RULE,
                c.span,
                "codage en trop : identifier.type n'admet qu'un codage, fr-v2-0203#IDNPS".into(),
                "extra coding: identifier.type allows one coding only, fr-v2-0203#IDNPS".into(),
            );
        }
    }
}

/// RO1-PRACT-007: family and given, when known (hence a warning).
fn check_names(p: &Practitioner<'_>, em: &mut Emitter<'_>) {
    if p.name.is_empty() {
        em.missing(
            SCOPE,
            &ro1_pract_007::RULE,
            p.span,
            "name",
            "Practitioner sans nom : name.family et name.given sont attendus s'ils sont connus"
                .into(),
            "Practitioner without a name: name.family and name.given are expected when known"
                .into(),
        );
    }
    for n in &p.name {
        if n.family.is_none() {
            em.missing(
                SCOPE,
                &ro1_pract_007::RULE,
                n.span,
                "family",
                "nom du praticien sans `family` (nom d'exercice)".into(),
                "practitioner name without `family`".into(),
            );
        }
        if n.given.is_empty() {
            em.missing(
                SCOPE,
                &ro1_pract_007::RULE,
                n.span,
                "given",
                "nom du praticien sans `given` (prénom)".into(),
                "practitioner name without `given` (first name)".into(),
            );
        }
    }
}

fn check_telecoms(p: &Practitioner<'_>, em: &mut Emitter<'_>) {
    for t in &p.telecom {
        for (present, part) in [(t.system.is_some(), "system"), (t.value.is_some(), "value")] {
            if !present {
                em.missing(
                    SCOPE,
                    &ro1_pract_008::RULE,
                    t.span,
                    part,
                    format!("telecom sans `{part}` : omettre telecom si le numéro n'est pas connu"),
                    format!("telecom without `{part}`: omit telecom when the number is unknown"),
                );
            }
        }
        check_phone(t, SCOPE, &ro1_pract_009::RULE, em);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::rules::testutil::{CPTS, PS, of_rule, patch, run};
    use serde_json::json;

    const P: &str = "/entry/11/resource";
    const E: &str = "Bundle.entry[11].resource";

    fn pract_findings(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| f.0.starts_with("RO1-PRACT-")).collect()
    }

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn valid_examples_are_clean() {
        assert_eq!(pract_findings(PS), []);
        assert_eq!(pract_findings(CPTS), []);
    }

    #[test]
    fn pract_001_identifier_and_parts() {
        let doc = patch(PS, &format!("{P}/identifier"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-001"), at("identifier", Severity::Error));
        for part in ["type", "system", "value"] {
            let doc = patch(PS, &format!("{P}/identifier/0/{part}"), None);
            assert_eq!(
                of_rule(&doc, None, "RO1-PRACT-001"),
                at(&format!("identifier[0].{part}"), Severity::Error),
                "{part}"
            );
        }
    }

    #[test]
    fn pract_002_idnps_coding() {
        let extra = json!([
            {"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MD"},
            {"system": SYSTEM_FR_V2_0203, "code": "IDNPS"}
        ]);
        let doc = patch(PS, &format!("{P}/identifier/0/type/coding"), Some(extra));
        assert_eq!(
            of_rule(&doc, None, "RO1-PRACT-002"),
            at("identifier[0].type.coding[0]", Severity::Error)
        );
        let doc = patch(PS, &format!("{P}/identifier/0/type/coding/0/code"), Some(json!("RPPS")));
        assert_eq!(
            of_rule(&doc, None, "RO1-PRACT-002"),
            at("identifier[0].type.coding[0].code", Severity::Error)
        );
        let doc =
            patch(PS, &format!("{P}/identifier/0/type/coding/0/system"), Some(json!("urn:x")));
        assert_eq!(
            of_rule(&doc, None, "RO1-PRACT-002"),
            at("identifier[0].type.coding[0].system", Severity::Error)
        );
        let doc = patch(PS, &format!("{P}/identifier/0/type"), Some(json!({"text": "RPPS"})));
        assert_eq!(
            of_rule(&doc, None, "RO1-PRACT-002"),
            at("identifier[0].type.coding", Severity::Error)
        );
    }

    #[test]
    fn pract_003_system() {
        let doc = patch(PS, &format!("{P}/identifier/0/system"), Some(json!("1.2.250.1.71.4.2.1")));
        assert_eq!(
            of_rule(&doc, None, "RO1-PRACT-003"),
            at("identifier[0].system", Severity::Error)
        );
    }

    #[test]
    fn pract_004_value_forms() {
        for bad in ["81010387452", "10103874524", "3456780581/11242343", "X"] {
            let doc = patch(PS, &format!("{P}/identifier/0/value"), Some(json!(bad)));
            assert_eq!(
                of_rule(&doc, None, "RO1-PRACT-004"),
                at("identifier[0].value", Severity::Error),
                "{bad}"
            );
        }
        // ADELI is accepted (AMB-23); a wrong RPPS key is not this rule's business.
        for good in ["0751234567", "810103874525"] {
            let doc = patch(PS, &format!("{P}/identifier/0/value"), Some(json!(good)));
            assert_eq!(of_rule(&doc, None, "RO1-PRACT-004"), [], "{good}");
        }
    }

    #[test]
    fn pract_007_names() {
        let doc = patch(PS, &format!("{P}/name"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-007"), at("name", Severity::Warning));
        let doc = patch(PS, &format!("{P}/name/0/given"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-007"), at("name[0].given", Severity::Warning));
        let doc = patch(PS, &format!("{P}/name/0/family"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-007"), at("name[0].family", Severity::Warning));
    }

    #[test]
    fn pract_008_telecom_parts() {
        let doc = patch(PS, &format!("{P}/telecom/0/value"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-008"), at("telecom[0].value", Severity::Error));
        let doc = patch(PS, &format!("{P}/telecom/0/system"), None);
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-008"), at("telecom[0].system", Severity::Error));
    }

    #[test]
    fn pract_009_phone_form() {
        for bad in ["04 65 71 20 40", "0465712040", "+330465712040", "+3346571204"] {
            let doc = patch(PS, &format!("{P}/telecom/0/value"), Some(json!(bad)));
            assert_eq!(
                of_rule(&doc, None, "RO1-PRACT-009"),
                at("telecom[0].value", Severity::Warning),
                "{bad}"
            );
        }
        for good in ["+262262123456", "+596696123456"] {
            let doc = patch(PS, &format!("{P}/telecom/0/value"), Some(json!(good)));
            assert_eq!(of_rule(&doc, None, "RO1-PRACT-009"), [], "{good}");
        }
        // Not a phone: not judged.
        let doc = patch(
            PS,
            &format!("{P}/telecom/0"),
            Some(json!({"system": "email", "value": "a@b.fr"})),
        );
        assert_eq!(of_rule(&doc, None, "RO1-PRACT-009"), []);
    }

    #[test]
    fn practitioner_rules_do_not_apply_to_sos() {
        let doc = patch(PS, &format!("{P}/identifier"), None);
        assert_eq!(of_rule(&doc, Some(crate::rules::UseCase::SOS), "RO1-PRACT-001"), []);
    }
}
