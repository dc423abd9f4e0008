//! The `type` of an identifier against the system it declares (IDNPS,
//! IDNST, FINESS, SIRET...): shared by the identifier rules of every resource.

use crate::finding::{RuleMeta, Severity};
use crate::model::{CodeableConcept, Coding};
use crate::rules::{Emitter, Scope, quote};

/// How an `identifier.type` relates to an expected coding (shared by the
/// resource rules: RO1-PRACT-002, RO1-ROLE-005, RO1-SOS-003, RO1-SOS-004,
/// RO1-CPTS-005).
#[derive(Debug, Clone, Copy)]
pub(crate) enum TypeMatch<'t, 'a> {
    /// The expected code in the expected system, at this index of `coding`.
    Exact(usize),
    /// The expected code in a tolerated system (AMB-10).
    Tolerated(&'t Coding<'a>),
    /// The expected code in a system that is not accepted.
    WrongSystem(&'t Coding<'a>),
    /// No coding carries the expected code: the first coding.
    WrongCode(&'t Coding<'a>),
    /// No coding at all (text only).
    NoCoding,
}

/// Finds the coding `system#code` (or `code` in one of `tolerated`) in `ty`.
pub(crate) fn match_type<'t, 'a>(
    ty: &'t CodeableConcept<'a>,
    system: &str,
    code: &str,
    tolerated: &[&str],
) -> TypeMatch<'t, 'a> {
    let mut soft = None;
    let mut wrong_system = None;
    for (i, c) in ty.coding.iter().enumerate() {
        if c.code.as_ref().is_none_or(|k| k != code) {
            continue;
        }
        let sys = c.system.as_ref().map(|s| s.as_str());
        match sys {
            Some(s) if s == system => return TypeMatch::Exact(i),
            Some(s) if tolerated.contains(&s) => {
                soft.get_or_insert(c);
            }
            _ => {
                wrong_system.get_or_insert(c);
            }
        }
    }
    if let Some(c) = soft {
        TypeMatch::Tolerated(c)
    } else if let Some(c) = wrong_system {
        TypeMatch::WrongSystem(c)
    } else if let Some(c) = ty.coding.first() {
        TypeMatch::WrongCode(c)
    } else {
        TypeMatch::NoCoding
    }
}

/// Reports a [`TypeMatch`] that is not exact: a tolerated system as a
/// warning, everything else with the rule's severity, on the most specific
/// element (the coding's system or code, or the missing `coding`).
pub(crate) fn report_type(
    em: &mut Emitter<'_>,
    scope: Scope,
    rule: &'static RuleMeta,
    ty: &CodeableConcept<'_>,
    m: TypeMatch<'_, '_>,
    system: &str,
    code: &str,
) {
    match m {
        TypeMatch::Exact(_) => {}
        TypeMatch::Tolerated(c) => {
            let found = c.system.as_ref().map(|s| s.as_str()).unwrap_or_default();
            let span = c.system.as_ref().map_or(c.span, |s| s.span);
            em.at_sev(
                scope,
                rule,
                Severity::Warning,
                span,
                format!(
                    "code {code} admis dans le système {found}, mais le profil attend {system}"
                ),
                format!("code {code} accepted in system {found}, but the profile expects {system}"),
            );
        }
        TypeMatch::WrongSystem(c) => match &c.system {
            Some(s) => em.at(
                scope,
                rule,
                s.span,
                format!(
                    "type d'identifiant {code} dans le système {}, attendu {system}",
                    quote(s.as_str())
                ),
                format!(
                    "identifier type {code} in system {}, expected {system}",
                    quote(s.as_str())
                ),
            ),
            None => em.missing(
                scope,
                rule,
                c.span,
                "system",
                format!(
                    "le codage {code} du type d'identifiant n'a pas de système : {system} attendu"
                ),
                format!(
                    "the {code} coding of the identifier type has no system: {system} expected"
                ),
            ),
        },
        TypeMatch::WrongCode(c) => match &c.code {
            Some(k) => em.at(
                scope,
                rule,
                k.span,
                format!("type d'identifiant {}, attendu {system}#{code}", quote(k.as_str())),
                format!("identifier type {}, expected {system}#{code}", quote(k.as_str())),
            ),
            None => em.missing(
                scope,
                rule,
                c.span,
                "code",
                format!("type d'identifiant sans code : {system}#{code} attendu"),
                format!("identifier type without a code: {system}#{code} expected"),
            ),
        },
        TypeMatch::NoCoding => em.missing(
            scope,
            rule,
            ty.span,
            "coding",
            format!("type d'identifiant sans codage : {system}#{code} attendu"),
            format!("identifier type without a coding: {system}#{code} expected"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::IDNPS;
    use crate::model::Resource;
    use serde_json::json;

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
