//! Identifier rules wherever an identifier occurs: RO1-ID-*.
//!
//! Every Identifier of a resource is visited (contained resources, logical
//! references such as `PractitionerRole.organization.identifier` and
//! extension values included). These rules judge the identifier alone; the
//! resource rules (RO1-PRACT-004, RO1-ROLE-006, RO1-CPTS-005, RO1-SOS-004)
//! judge what the resource expects, so both may report the same value
//! (examples/README.md: "distinct findings").
//!
//! Which value rules apply is decided by `system` (the national OIDs, also
//! written without `urn:oid:`), or by the type code when `system` is absent.
//! A value under another system is not a national identifier here: the
//! resource rules report the system.

use crate::finding::{RuleMeta, Severity};
use crate::ids::{
    Adeli, IDNPS, IDNST, INTRN, Idnps, Idnst, OID_IDNPS, OID_IDNST, OID_SAS_INTRN, Rpps, Siret,
};
use crate::json::Span;
use crate::model::{CodeableConcept, Identifier, Resource, Visitor, Walk};
use crate::rules::id::ro1_id_001;
use crate::rules::id::ro1_id_002;
use crate::rules::id::ro1_id_003;
use crate::rules::id::ro1_id_004;
use crate::rules::id::ro1_id_005;
use crate::rules::id::ro1_id_006;
use crate::rules::id::ro1_id_007;
use crate::rules::id::ro1_id_008;
use crate::rules::id::ro1_id_009;
use crate::rules::id::ro1_id_010;
use crate::rules::{Emitter, Scope, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[
    &ro1_id_001::RULE,
    &ro1_id_002::RULE,
    &ro1_id_003::RULE,
    &ro1_id_004::RULE,
    &ro1_id_005::RULE,
    &ro1_id_006::RULE,
    &ro1_id_007::RULE,
    &ro1_id_008::RULE,
    &ro1_id_009::RULE,
    &ro1_id_010::RULE,
];

/// Checks every identifier of a resource (contained ones included).
pub fn check_resource(res: &Resource<'_>, em: &mut Emitter<'_>) {
    res.walk(&mut IdVisitor { em });
}

struct IdVisitor<'e, 'o> {
    em: &'e mut Emitter<'o>,
}

impl<'a> Visitor<'a> for IdVisitor<'_, '_> {
    fn identifier(&mut self, id: &Identifier<'a>) {
        check_identifier(id, self.em);
    }
}

/// The national kinds whose values have a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Idnps,
    Idnst,
}

fn check_identifier(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    let system = id.system.as_ref().map(|s| s.as_str());
    check_system_type_agree(id, system, em);
    let kind = match system.map(strip_urn) {
        Some(s) if s == strip_urn(OID_IDNPS) => Some(Kind::Idnps),
        Some(s) if s == strip_urn(OID_IDNST) => Some(Kind::Idnst),
        Some(_) => None,
        None => type_codes(id.type_.as_ref()).find_map(|c| match c {
            IDNPS => Some(Kind::Idnps),
            IDNST => Some(Kind::Idnst),
            _ => None,
        }),
    };
    let Some(value) = &id.value else { return };
    match kind {
        Some(Kind::Idnps) => check_idnps_value(value.as_str(), value.span, em),
        Some(Kind::Idnst) => check_idnst_value(value.as_str(), value.span, em),
        None => {}
    }
}

fn strip_urn(s: &str) -> &str {
    s.strip_prefix("urn:oid:").unwrap_or(s)
}

fn type_codes<'t>(ty: Option<&'t CodeableConcept<'_>>) -> impl Iterator<Item = &'t str> {
    ty.into_iter().flat_map(|t| t.coding.iter()).filter_map(|c| c.code.as_ref().map(|c| c.as_str()))
}

/// RO1-ID-001: only the three OIDs of SAS say which type they go with; an
/// identifier whose type carries no code at all is left to the resource
/// rules (missing type).
fn check_system_type_agree(id: &Identifier<'_>, system: Option<&str>, em: &mut Emitter<'_>) {
    let expected = match system {
        Some(OID_IDNPS) => IDNPS,
        Some(OID_IDNST) => IDNST,
        Some(OID_SAS_INTRN) => INTRN,
        _ => return,
    };
    let Some(ty) = &id.type_ else { return };
    let mut coded = ty.coding.iter().filter_map(|c| c.code.as_ref());
    let Some(first) = coded.next() else { return };
    if first == expected || coded.any(|c| c == expected) {
        return;
    }
    let sys = system.unwrap_or_default();
    em.at(
        Scope::ALL,
        &ro1_id_001::RULE,
        first.span,
        format!(
            "type d'identifiant {} incompatible avec le système {sys} : {expected} attendu",
            quote(first.as_str())
        ),
        format!(
            "identifier type {} does not go with system {sys}: {expected} expected",
            quote(first.as_str())
        ),
    );
}

/// The value of an IDNPS: `8` + RPPS, `0` + ADELI; a bare registry number is
/// reported as such rather than as a malformed prefixed value.
fn check_idnps_value(v: &str, span: Span, em: &mut Emitter<'_>) {
    match v.as_bytes().first() {
        Some(b'8') => match Idnps::parse_form(v) {
            Err(e) => form_error(em, &ro1_id_002::RULE, None, span, v, e),
            Ok(id) => {
                if let Err(e) = id.check_key() {
                    let sev = em.check_digit_severity();
                    form_error(em, &ro1_id_003::RULE, Some(sev), span, v, e);
                }
            }
        },
        Some(b'0') => {
            if let Err(e) = Idnps::parse_form(v) {
                form_error(em, &ro1_id_004::RULE, None, span, v, e);
            }
        }
        _ => {
            let bare = if Rpps::parse_form(v).is_ok_and(|r| r.check_key().is_ok()) {
                Some(("RPPS", "8"))
            } else if Adeli::parse_form(v).is_ok() {
                Some(("ADELI", "0"))
            } else {
                None
            };
            if let Some((what, prefix)) = bare {
                bare_number(em, span, v, what, prefix);
            }
        }
    }
}

/// The value of an IDNST: `1` + FINESS, `3` + SIRET, `4` + RPPS-rang, `0` +
/// ADELI-rang. SIREN (`2`) and unknown prefixes are left to the resource
/// rules, which know whether the structure may be one.
fn check_idnst_value(v: &str, span: Span, em: &mut Emitter<'_>) {
    match v.as_bytes().first() {
        Some(b'1') => match Idnst::parse_form(v) {
            Err(e) => form_error(em, &ro1_id_005::RULE, None, span, v, e),
            Ok(id) => {
                if let Err(e) = id.check_sas_form() {
                    form_error(em, &ro1_id_005::RULE, None, span, v, e);
                } else if let Err(e) = id.check_key() {
                    let sev = em.check_digit_severity();
                    form_error(em, &ro1_id_006::RULE, Some(sev), span, v, e);
                }
            }
        },
        Some(b'3') => match Idnst::parse_form(v) {
            Err(e) => form_error(em, &ro1_id_007::RULE, None, span, v, e),
            Ok(id) => {
                if let Err(e) = id.check_key() {
                    let sev = em.check_digit_severity();
                    form_error(em, &ro1_id_008::RULE, Some(sev), span, v, e);
                }
            }
        },
        Some(b'4') => match Idnst::parse_form(v) {
            Err(e) => form_error(em, &ro1_id_009::RULE, None, span, v, e),
            Ok(id) => {
                if let Err(e) = id.check_sas_form() {
                    form_error(em, &ro1_id_009::RULE, None, span, v, e);
                }
            }
        },
        Some(b'0') => {
            if let Err(e) = Idnst::parse_form(v) {
                form_error(em, &ro1_id_009::RULE, None, span, v, e);
            }
        }
        _ => {
            let bare = if is_keyed::<9>(v) {
                Some(("FINESS", "1"))
            } else if Siret::parse_form(v).is_ok_and(|s| s.check_key().is_ok()) {
                Some(("SIRET", "3"))
            } else {
                None
            };
            if let Some((what, prefix)) = bare {
                bare_number(em, span, v, what, prefix);
            }
        }
    }
}

/// `N` ASCII digits passing Luhn.
fn is_keyed<const N: usize>(v: &str) -> bool {
    v.len() == N
        && v.bytes().all(|b| b.is_ascii_digit())
        && crate::ids::luhn::is_valid(v.as_bytes())
}

fn form_error(
    em: &mut Emitter<'_>,
    rule: &'static RuleMeta,
    sev: Option<Severity>,
    span: Span,
    v: &str,
    e: crate::ids::IdError,
) {
    let m = e.message();
    let sev = sev.unwrap_or(rule.severity);
    em.at_sev(
        Scope::ALL,
        rule,
        sev,
        span,
        format!("identifiant {} : {}", quote(v), m.fr),
        format!("identifier {}: {}", quote(v), m.en),
    );
}

fn bare_number(em: &mut Emitter<'_>, span: Span, v: &str, what: &str, prefix: &str) {
    em.at(
        Scope::ALL,
        &ro1_id_010::RULE,
        span,
        format!(
            "{} ressemble à un numéro {what} sans préfixe national : envoyer {prefix}{v}",
            quote(v)
        ),
        format!(
            "{} looks like a bare {what} number without its national prefix: send {prefix}{v}",
            quote(v)
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::support::identifier_type::{TypeMatch, match_type};
    use crate::rules::testutil::{CPTS, PS, SOS, of_rule, patch, run};
    use serde_json::json;

    const PRACT0: &str = "/entry/11/resource/identifier/0";
    const ORG0: &str = "/entry/13/resource/organization/identifier";

    fn id_findings(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| f.0.starts_with("RO1-ID-")).collect()
    }

    #[test]
    fn valid_examples_have_no_identifier_finding() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(id_findings(src), []);
        }
    }

    #[test]
    fn id_001_system_and_type_disagree() {
        let doc = patch(PS, &format!("{PRACT0}/system"), Some(json!(OID_IDNST)));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-001"),
            [(
                "Bundle.entry[11].resource.identifier[0].type.coding[0].code".into(),
                Severity::Error
            )]
        );
        // A type without any code is the resource rules' business.
        let doc = patch(PS, &format!("{PRACT0}/type"), Some(json!({"text": "RPPS"})));
        assert_eq!(of_rule(&doc, None, "RO1-ID-001"), []);
        // Another system: not judged here.
        let doc =
            patch(PS, &format!("{PRACT0}/system"), Some(json!("https://rpps.esante.gouv.fr")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-001"), []);
    }

    #[test]
    fn id_002_rpps_form() {
        let doc = patch(PS, &format!("{PRACT0}/value"), Some(json!("81010387452")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-002"),
            [("Bundle.entry[11].resource.identifier[0].value".into(), Severity::Error)]
        );
        // Truncated, not bare: no ID-010 on top.
        assert_eq!(of_rule(&doc, None, "RO1-ID-010"), []);
    }

    #[test]
    fn id_003_rpps_key_is_a_warning_or_an_error_when_strict() {
        let doc = patch(PS, &format!("{PRACT0}/value"), Some(json!("810103874525")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-003"),
            [("Bundle.entry[11].resource.identifier[0].value".into(), Severity::Warning)]
        );
        let opts = crate::rules::Options { strict: true, ..Default::default() };
        let report = crate::rules::validate(&doc, &opts).unwrap();
        let sev: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule.id == "RO1-ID-003")
            .map(|f| f.severity)
            .collect();
        assert_eq!(sev, [Severity::Error]);
    }

    #[test]
    fn id_004_adeli_form() {
        let doc = patch(PS, &format!("{PRACT0}/value"), Some(json!("07512345")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-004"),
            [("Bundle.entry[11].resource.identifier[0].value".into(), Severity::Warning)]
        );
        let doc = patch(PS, &format!("{PRACT0}/value"), Some(json!("0751234567")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-004"), []);
    }

    #[test]
    fn id_005_and_006_finess() {
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("16900412")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-005"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Error)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("12A0000014")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-005").len(),
            1,
            "Corsican FINESS fails the SAS pattern"
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("1690041271")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-006"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Warning)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("1690041272")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-006"), []);
    }

    #[test]
    fn id_007_and_008_siret() {
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("38531204670001")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-007"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Error)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("385312046700017")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-008"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Warning)]
        );
    }

    #[test]
    fn id_009_rang_forms() {
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("4F58000880311022013")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-009"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Warning)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("412345678912345")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-009"), []);
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("0")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-009").len(), 1);
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("0751234567")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-009"), []);
    }

    #[test]
    fn id_010_bare_numbers() {
        let doc = patch(PS, &format!("{PRACT0}/value"), Some(json!("10103874524")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-010"),
            [("Bundle.entry[11].resource.identifier[0].value".into(), Severity::Warning)]
        );
        assert_eq!(of_rule(&doc, None, "RO1-ID-002"), []);
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("85312046700016")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-010").len(), 1, "bare SIRET");
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("690041272")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-010").len(), 1, "bare FINESS");
        // Not keyed: just a wrong value, not a bare number.
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("690041273")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-010"), []);
    }

    #[test]
    fn kind_from_type_when_system_is_absent() {
        let doc = patch(PS, &format!("{ORG0}/system"), None);
        let doc = patch(&doc, &format!("{ORG0}/value"), Some(json!("1690041271")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-006").len(), 1);
    }

    #[test]
    fn contained_identifiers_are_visited() {
        let p = "/entry/13/resource/contained/0/identifier/0";
        let doc = patch(PS, &format!("{p}/system"), Some(json!(OID_IDNPS)));
        let doc = patch(&doc, &format!("{p}/value"), Some(json!("8123")));
        let found = of_rule(&doc, None, "RO1-ID-002");
        assert_eq!(
            found,
            [(
                "Bundle.entry[13].resource.contained[0].identifier[0].value".into(),
                Severity::Error
            )]
        );
        // The INTRN type does not go with the IDNPS system.
        assert_eq!(of_rule(&doc, None, "RO1-ID-001").len(), 1);
    }

    #[test]
    fn match_type_cases() {
        let sys = crate::ids::SYSTEM_FR_V2_0203;
        let cc = |codings: serde_json::Value| {
            json!({"resourceType": "Practitioner", "identifier": [{"type": {"coding": codings}}]})
                .to_string()
        };
        let check = |text: &str, tolerated: &[&str]| -> &'static str {
            let (res, _) = crate::model::parse_resource(text).unwrap();
            let Resource::Practitioner(p) = res else { return "not a practitioner" };
            let ty = p.identifier[0].type_.as_ref().unwrap();
            match match_type(ty, sys, IDNPS, tolerated) {
                TypeMatch::Exact(_) => "exact",
                TypeMatch::Tolerated(_) => "tolerated",
                TypeMatch::WrongSystem(_) => "system",
                TypeMatch::WrongCode(_) => "code",
                TypeMatch::NoCoding => "none",
            }
        };
        let other = "http://terminology.hl7.org/CodeSystem/v2-0203";
        assert_eq!(
            check(
                &cc(json!([{"system": other, "code": "MD"}, {"system": sys, "code": "IDNPS"}])),
                &[]
            ),
            "exact"
        );
        assert_eq!(check(&cc(json!([{"system": other, "code": "IDNPS"}])), &[other]), "tolerated");
        assert_eq!(check(&cc(json!([{"system": other, "code": "IDNPS"}])), &[]), "system");
        assert_eq!(check(&cc(json!([{"code": "IDNPS"}])), &[]), "system");
        assert_eq!(check(&cc(json!([{"system": sys, "code": "RPPS"}])), &[]), "code");
    }
}
