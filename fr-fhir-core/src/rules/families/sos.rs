//! SOS rules on Location and Organization: RO1-SOS-002/003/004/006.
//!
//! The address of an SOS place is checked by the shared RO1-LOC-002/003
//! check (scope SOS here); RO1-SOS-002 keeps `name` and the presence of the
//! place's own elements.

use crate::finding::{Finding, Message, RuleMeta, Severity};
use crate::ids::{
    IDNST, INTRN, Idnst, OID_IDNST, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_LOCATION_ID_TYPE,
    SYSTEM_FR_V2_0203,
};
use crate::model::{Identifier, Location, Organization};
use crate::primitives::{PrimitiveKind, check as check_primitive};
use crate::rules::sos::ro1_sos_002;
use crate::rules::sos::ro1_sos_003;
use crate::rules::sos::ro1_sos_004;
use crate::rules::sos::ro1_sos_006;
use crate::rules::support::identifier_type::{TypeMatch, match_type, report_type};
use crate::rules::support::location::{DAYS_OF_WEEK, check_address, identifier_parts};
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] =
    &[&ro1_sos_002::RULE, &ro1_sos_003::RULE, &ro1_sos_004::RULE, &ro1_sos_006::RULE];

const SCOPE: Scope = Scope::SOS;

/// SOS fixed consultation place.
pub fn check_location(l: &Location<'_>, _e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    if l.name.is_none() {
        em.missing(
            SCOPE,
            &ro1_sos_002::RULE,
            l.span,
            "name",
            "lieu fixe de consultation sans nom (Location.name est obligatoire)".into(),
            "fixed consultation place without a name (Location.name is mandatory)".into(),
        );
    }
    check_address(l, SCOPE, em);
    check_place_identifiers(l, em);
    check_hours(l, em);
}

/// RO1-SOS-003 (AMB-11): INTRN with the vendor's system, or IDNST with the
/// structure OID and a prefixed value, accepted with a warning.
fn check_place_identifiers(l: &Location<'_>, em: &mut Emitter<'_>) {
    if l.identifier.is_empty() {
        em.missing(
            SCOPE,
            &ro1_sos_003::RULE,
            l.span,
            "identifier",
            "lieu SOS sans identifiant : identifiant technique INTRN (type, system, value) attendu".into(),
            "SOS place without an identifier: technical INTRN identifier (type, system, value) expected".into(),
        );
    }
    for id in &l.identifier {
        identifier_parts(
            id,
            SCOPE,
            &ro1_sos_003::RULE,
            ("identifiant du lieu SOS", "SOS place identifier"),
            em,
        );
        if let Some(ty) = &id.type_ {
            check_place_identifier_type(id, ty, em);
        }
    }
}

fn check_place_identifier_type(
    id: &Identifier<'_>,
    ty: &crate::model::CodeableConcept<'_>,
    em: &mut Emitter<'_>,
) {
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
            report_type(
                em,
                SCOPE,
                &ro1_sos_003::RULE,
                ty,
                intrn,
                SYSTEM_FR_LOCATION_ID_TYPE,
                INTRN,
            );
            return;
        }
    };
    match &id.system {
        Some(s) if s != OID_IDNST => {
            em.at(
                SCOPE,
                &ro1_sos_003::RULE,
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
        && let Err(e @ crate::ids::IdError::UnknownPrefix { .. }) = Idnst::parse_form(v.as_str())
    {
        let m = e.message();
        em.at(
            SCOPE,
            &ro1_sos_003::RULE,
            v.span,
            format!("{} n'est pas un IDNST préfixé : {}", quote(v.as_str()), m.fr),
            format!("{} is not a prefixed IDNST: {}", quote(v.as_str()), m.en),
        );
        return;
    }
    let span = coding.and_then(|c| c.code.as_ref()).map_or(ty.span, |k| k.span);
    em.at_sev(
        SCOPE,
        &ro1_sos_003::RULE,
        Severity::Warning,
        span,
        "identifiant IDNST du lieu admis par la page SOS, mais le profil sas-sos-location-aggregator 1.1.0 impose le type INTRN".into(),
        "IDNST place identifier allowed by the SOS page, but the sas-sos-location-aggregator 1.1.0 profile requires type INTRN".into(),
    );
}

/// RO1-SOS-006: days mon..sun, times hh:mm:ss.
fn check_hours(l: &Location<'_>, em: &mut Emitter<'_>) {
    for h in &l.hours_of_operation {
        for d in &h.days_of_week {
            if !DAYS_OF_WEEK.contains(&d.as_str()) {
                em.at(
                    SCOPE,
                    &ro1_sos_006::RULE,
                    d.span,
                    format!(
                        "jour {} : attendu mon, tue, wed, thu, fri, sat ou sun",
                        quote(d.as_str())
                    ),
                    format!(
                        "day {}: expected mon, tue, wed, thu, fri, sat or sun",
                        quote(d.as_str())
                    ),
                );
            }
        }
        for t in [&h.opening_time, &h.closing_time].into_iter().flatten() {
            let s = t.as_str();
            let lexical = check_primitive(PrimitiveKind::Time, s).err();
            if lexical.is_none() && s.len() == 8 {
                continue;
            }
            let detail = lexical.map(|e| e.message()).unwrap_or_else(|| {
                Message::new("fraction de seconde en trop", "extra fraction of a second")
            });
            em.at(
                SCOPE,
                &ro1_sos_006::RULE,
                t.span,
                format!("heure {} : forme hh:mm:ss attendue ({})", quote(s), detail.fr),
                format!("time {}: hh:mm:ss form expected ({})", quote(s), detail.en),
            );
        }
    }
}

/// SOS association: RO1-SOS-004.
pub fn check_organization(o: &Organization<'_>, _e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    let Some(id) = o.identifier.first() else {
        em.missing(
            SCOPE,
            &ro1_sos_004::RULE,
            o.span,
            "identifier",
            "association SOS sans identifiant : 3 + SIRET sous urn:oid:1.2.250.1.71.4.2.2 attendu".into(),
            "SOS association without an identifier: 3 + SIRET under urn:oid:1.2.250.1.71.4.2.2 expected".into(),
        );
        return;
    };
    for extra in o.identifier.iter().skip(1) {
        em.at(
            SCOPE,
            &ro1_sos_004::RULE,
            extra.span,
            "identifiant en trop : l'association SOS a un seul identifiant (3 + SIRET)".into(),
            "extra identifier: the SOS association has a single identifier (3 + SIRET)".into(),
        );
    }
    let missing = |em: &mut Emitter<'_>, part: &'static str| {
        em.push(
            SCOPE,
            Finding::missing(
                &ro1_sos_004::RULE,
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
            SCOPE,
            &ro1_sos_004::RULE,
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
            report_type(em, SCOPE, &ro1_sos_004::RULE, ty, m, SYSTEM_FR_LOCATION_ID_TYPE, IDNST);
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
                    SCOPE,
                    &ro1_sos_004::RULE,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::UseCase;
    use crate::rules::testutil::{SOS, of_rule, patch, run};
    use serde_json::json;

    const L: &str = "/entry/6/resource";
    const EL: &str = "Bundle.entry[6].resource";
    const O: &str = "/entry/8/resource";
    const EO: &str = "Bundle.entry[8].resource";

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn valid_example_is_clean() {
        let mine: Vec<_> = run(SOS, None)
            .into_iter()
            .filter(|f| RULES.iter().any(|r| r.id == f.0) || f.0.starts_with("RO1-LOC-"))
            .collect();
        assert_eq!(mine, []);
    }

    #[test]
    fn sos_002_name() {
        let doc = patch(SOS, &format!("{L}/name"), None);
        assert_eq!(of_rule(&doc, None, "RO1-SOS-002"), at(EL, "name", Severity::Error));
        // Only in SOS.
        assert_eq!(of_rule(&doc, Some(UseCase::PS), "RO1-SOS-002"), []);
    }

    #[test]
    fn sos_address_uses_the_loc_rules() {
        let doc = patch(SOS, &format!("{L}/address/postalCode"), Some(json!("5680")));
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-003"),
            at(EL, "address.postalCode", Severity::Error)
        );
        let doc = patch(SOS, &format!("{L}/address/line"), None);
        assert_eq!(of_rule(&doc, None, "RO1-LOC-002"), at(EL, "address.line", Severity::Error));
        assert_eq!(of_rule(&doc, Some(UseCase::PS), "RO1-LOC-002"), []);
    }

    #[test]
    fn sos_003_place_identifier() {
        let doc = patch(SOS, &format!("{L}/identifier"), None);
        assert_eq!(of_rule(&doc, None, "RO1-SOS-003"), at(EL, "identifier", Severity::Error));
        let doc = patch(SOS, &format!("{L}/identifier/0/value"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-003"),
            at(EL, "identifier[0].value", Severity::Error)
        );
        let doc = patch(SOS, &format!("{L}/identifier/0/type/coding/0/code"), Some(json!("EXTRN")));
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-003"),
            at(EL, "identifier[0].type.coding[0].code", Severity::Error)
        );
        // IDNST with the structure OID and a prefixed SIRET: accepted, warning.
        let idnst = json!({
            "type": {"coding": [{"system": SYSTEM_FR_LOCATION_ID_TYPE, "code": "IDNST"}]},
            "system": OID_IDNST,
            "value": "334173748400020"
        });
        let doc = patch(SOS, &format!("{L}/identifier/0"), Some(idnst.clone()));
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-003"),
            at(EL, "identifier[0].type.coding[0].code", Severity::Warning)
        );
        let doc = patch(
            &doc,
            &format!("{L}/identifier/0/system"),
            Some(json!("https://agenda.exemple-editeur.fr/lieux")),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-003"),
            at(EL, "identifier[0].system", Severity::Error)
        );
        let doc = patch(SOS, &format!("{L}/identifier/0"), Some(idnst));
        let doc = patch(&doc, &format!("{L}/identifier/0/value"), Some(json!("PFG-56-01")));
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-003"),
            at(EL, "identifier[0].value", Severity::Error)
        );
    }

    #[test]
    fn sos_004_association_identifier() {
        let doc = patch(SOS, &format!("{O}/identifier"), None);
        assert_eq!(of_rule(&doc, None, "RO1-SOS-004"), at(EO, "identifier", Severity::Error));
        let doc = patch(SOS, &format!("{O}/identifier/0/value"), Some(json!("1950047225")));
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-004"),
            at(EO, "identifier[0].value", Severity::Error)
        );
        let doc = patch(
            SOS,
            &format!("{O}/identifier/0/system"),
            Some(json!("urn:oid:1.2.250.1.71.4.2.1")),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-004"),
            at(EO, "identifier[0].system", Severity::Error)
        );
        let doc = patch(
            SOS,
            &format!("{O}/identifier/0/type/coding/0/system"),
            Some(json!(SYSTEM_FR_V2_0203)),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-004"),
            at(EO, "identifier[0].type.coding[0].system", Severity::Warning)
        );
        let doc = patch(
            SOS,
            &format!("{O}/identifier/0/type/coding/0/system"),
            Some(json!("http://terminology.hl7.org/CodeSystem/v2-0203")),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-004"),
            at(EO, "identifier[0].type.coding[0].system", Severity::Error)
        );
        let doc = patch(SOS, &format!("{O}/identifier/0/type"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-004"),
            at(EO, "identifier[0].type", Severity::Error)
        );
        let mut ids =
            crate::rules::testutil::doc(SOS)["entry"][8]["resource"]["identifier"].clone();
        ids.as_array_mut().unwrap().push(json!({"system": OID_IDNST, "value": "334173748400020"}));
        let doc = patch(SOS, &format!("{O}/identifier"), Some(ids));
        assert_eq!(of_rule(&doc, None, "RO1-SOS-004"), at(EO, "identifier[1]", Severity::Error));
        // A CPTS Organization is not judged by the SOS rule.
        let doc = patch(SOS, &format!("{O}/identifier/0/value"), Some(json!("1950047225")));
        assert_eq!(of_rule(&doc, Some(UseCase::CPTS), "RO1-SOS-004"), []);
    }

    #[test]
    fn sos_006_hours() {
        let h = format!("{L}/hoursOfOperation/0");
        let doc = patch(SOS, &format!("{h}/daysOfWeek/0"), Some(json!("lundi")));
        assert_eq!(
            of_rule(&doc, None, "RO1-SOS-006"),
            at(EL, "hoursOfOperation[0].daysOfWeek[0]", Severity::Error)
        );
        // The binding finding of another use case is not repeated in SOS.
        assert_eq!(of_rule(&doc, None, "RO1-FHIR-005"), []);
        for bad in ["8h00", "19:00", "19:00:00.000"] {
            let doc = patch(SOS, &format!("{h}/openingTime"), Some(json!(bad)));
            assert_eq!(
                of_rule(&doc, None, "RO1-SOS-006"),
                at(EL, "hoursOfOperation[0].openingTime", Severity::Error),
                "{bad}"
            );
        }
    }
}
