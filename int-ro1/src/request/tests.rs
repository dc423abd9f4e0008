//! Tests of the request module on the IG examples (SPEC §1.2–1.4) and on a
//! failing and a passing case of every rule.

use chrono::{DateTime, FixedOffset, TimeZone};
use fr_fhir_core::finding::{Finding, Severity, Target};
use fr_fhir_core::ids::{Idnps, Idnst, luhn};
use fr_fhir_core::json::Span;
use proptest::prelude::*;

use super::query::{ParsedQuery, RepairSource};
use super::*;
use crate::rules::visit::request::{check_accept, check_method};

const RPPS_OK: &str = "810002909371";
const RPPS_OK_2: &str = "810101215225";
const SIRET_OK: &str = "334173748400020";
const SIRET_OK_2: &str = "392080466300010";

/// IG PS page example, with the space after a comma that the page has.
const IG_PS_PAGE: &str = "Slot?_include=Slot:schedule&_include:iterate=Schedule:actor\
    &start=ge2021-01-02T10:00:00&start=le2021-01-06T10:00:00\
    &schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|810101288385, \
    urn:oid:1.2.250.1.71.4.2.1|800001288385,urn:oid:1.2.250.1.71.4.2.1|810106738385&status=free";

/// IG FAQ SOS self link (SOS example Bundle of the package).
const FAQ_SOS: &str = "https://editeur.fr/Schedule?_revinclude=Slot:schedule\
    &_include=Schedule:actor:Location&_include:iterate=Location:organization\
    &_has:Slot:schedule:start=ge2023-08-18T09:00:00+02:00&_has:Slot:schedule:start=le2023-08-20T08:00:00+02:00\
    &_has:Slot:schedule:status=free\
    &actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2%7C334173748400020,urn:oid:1.2.250.1.71.4.2.2%7C392080466300010\
    &_count=1000";

/// IG PS example Bundle self link: trailing slash, the kit's `+00:00` form.
const IG_PS_SELF: &str = "https://exemple.com/ans-sas/Slot/?_include=Slot:schedule&_include:iterate=Schedule:actor\
    &status=free&start=ge2021-11-04T14:19:35.760+00:00&start=le2021-11-06T23:59:59.999+00:00\
    &schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810002673899,urn:oid:1.2.250.1.71.4.2.1%7C810100050075\
    &_count=1000";

/// IG CPTS example Bundle self link: the second CPTS include is missing.
const IG_CPTS_SELF: &str = "http://hapi.fhir.org/baseR4/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor\
    &start=ge2024-06-12T16:20:00.000+02:00&start=le2024-06-12T17:20:00.000+02:00\
    &schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|810002909371&status=free\
    &_include=Slot:service-type-reference";

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn ps_url(ids: &[&str]) -> String {
    let ids: Vec<Idnps> = ids.iter().map(|s| Idnps::parse_form(s).unwrap()).collect();
    SearchRequest::ps(at("2024-06-12T16:20:00+02:00"), at("2024-06-14T23:59:59.999+02:00"), &ids)
        .to_url(Some("https://h/fhir"))
}

fn sos_url(ids: &[String]) -> String {
    let ids: Vec<Idnst> = ids.iter().map(|s| Idnst::parse_form(s).unwrap()).collect();
    SearchRequest::sos(at("2023-08-18T09:00:00+02:00"), at("2023-08-20T08:00:00+02:00"), &ids)
        .to_url(Some("https://editeur.fr"))
}

fn check(url: &str) -> Vec<Finding> {
    let raw = ParsedQuery::parse(url);
    SearchRequest::from_query(&raw).check(&raw)
}

fn ids_of(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule.id).collect()
}

fn only<'f>(findings: &'f [Finding], id: &str) -> Vec<&'f Finding> {
    findings.iter().filter(|f| f.rule.id == id).collect()
}

/// The text a request finding points at.
fn pointed<'a>(url: &'a str, f: &Finding) -> &'a str {
    match &f.target {
        Target::Request { span, .. } => span.slice(url).unwrap(),
        other => panic!("not a request target: {other:?}"),
    }
}

fn siret(n: u64) -> String {
    let body = format!("{n:013}");
    let key = luhn::check_digit(body.as_bytes()).unwrap();
    format!("3{body}{key}")
}

/// Replaces `from` by `to` once in `url` (test fixture edits).
fn edit(url: &str, from: &str, to: &str) -> String {
    assert!(url.contains(from), "{from} not in {url}");
    url.replacen(from, to, 1)
}

#[test]
fn canonical_requests_pass_every_rule() {
    assert_eq!(ids_of(&check(&ps_url(&[RPPS_OK, RPPS_OK_2]))), Vec::<&str>::new());
    assert_eq!(ids_of(&check(&sos_url(&[SIRET_OK.into(), SIRET_OK_2.into()]))), Vec::<&str>::new());
    let t = at("2024-06-12T16:20:00+02:00");
    let cpts = SearchRequest::cpts(t, t, &[RPPS_OK.parse().unwrap()]).to_url(None);
    assert_eq!(ids_of(&check(&cpts)), Vec::<&str>::new());
}

#[test]
fn ig_ps_page_example() {
    let raw = ParsedQuery::parse(IG_PS_PAGE);
    let req = SearchRequest::from_query(&raw);
    assert_eq!(req.use_case, UseCase::PS);
    assert_eq!(req.base, None);
    let values: Vec<&str> = req.identifiers.iter().map(|i| i.token.value.as_str()).collect();
    assert_eq!(values, ["810101288385", "800001288385", "810106738385"]);
    assert!(req.identifiers.iter().all(|i| i.token.system.as_deref() == Some(values::PS_SYSTEM)));
    assert_eq!(
        req.identifiers.iter().map(|i| i.token.padded).collect::<Vec<_>>(),
        [false, true, false]
    );
    assert_eq!(
        req.identifiers[1].token.span.unwrap().slice(IG_PS_PAGE),
        Some("urn:oid:1.2.250.1.71.4.2.1|800001288385")
    );

    let f = req.check(&raw);
    // The space: a warning on the padded token, pointing at it.
    let padded = only(&f, "RO1-REQ-007");
    assert_eq!(padded.len(), 1);
    assert_eq!(padded[0].severity, Severity::Warning);
    assert_eq!(pointed(IG_PS_PAGE, padded[0]), "urn:oid:1.2.250.1.71.4.2.1|800001288385");
    // Bounds without offset are read as Paris time.
    let paris = only(&f, "RO1-WIN-003");
    assert_eq!(paris.len(), 2);
    assert!(paris.iter().all(|p| p.severity == Severity::Information));
    assert_eq!(pointed(IG_PS_PAGE, paris[0]), "ge2021-01-02T10:00:00");
    // A 4-day window, and RPPS that fail Luhn (fictitious IG fixtures).
    let long = only(&f, "RO1-REQ-005");
    assert_eq!(long.len(), 1);
    assert!(long[0].message.en.contains("96.0 h"), "{}", long[0].message.en);
    assert_eq!(only(&f, "RO1-ID-003").len(), 3);
    assert_eq!(f.len(), 7, "{:#?}", f);
}

#[test]
fn faq_sos_self_link() {
    let raw = ParsedQuery::parse(FAQ_SOS);
    let req = SearchRequest::from_query(&raw);
    assert_eq!(req.use_case, UseCase::SOS);
    assert_eq!(req.base.as_deref(), Some("https://editeur.fr"));
    assert_eq!(req.count, Some(1000));
    assert_eq!(req.identifiers.len(), 2);
    assert_eq!(req.identifiers[1].token.value, SIRET_OK_2);
    assert_eq!(
        req.identifiers[0].token.span.unwrap().slice(FAQ_SOS),
        Some("urn:oid:1.2.250.1.71.4.2.2%7C334173748400020")
    );
    let ge = req.ge.as_ref().unwrap();
    assert_eq!(ge.text, "2023-08-18T09:00:00+02:00");
    assert_eq!(ge.repair.unwrap().source, RepairSource::RawPlus);
    assert_eq!(ge.bound.as_ref().unwrap().lower, at("2023-08-18T07:00:00Z"));

    let f = req.check(&raw);
    assert_eq!(ids_of(&f), ["RO1-WIN-003", "RO1-WIN-003", "RO1-REQ-014"]);
    assert_eq!(pointed(FAQ_SOS, &f[0]), "+");
    assert_eq!(f[0].severity, Severity::Information);
    assert_eq!(pointed(FAQ_SOS, &f[2]), "_count=1000");
    assert!(f[2].message.en.contains("_count=1000"));
}

#[test]
fn ig_ps_self_link_with_kit_offsets() {
    let raw = ParsedQuery::parse(IG_PS_SELF);
    let req = SearchRequest::from_query(&raw);
    assert_eq!(req.use_case, UseCase::PS);
    assert!(raw.path.as_ref().unwrap().trailing_slash);
    let ge = req.ge.as_ref().unwrap().bound.clone().unwrap();
    let le = req.le.as_ref().unwrap().bound.clone().unwrap();
    assert!(ge.had_zone && le.had_zone);
    assert_eq!(ge.lower, at("2021-11-04T14:19:35.760Z"));
    assert_eq!(le.upper, at("2021-11-07T00:00:00Z"));
    let f = req.check(&raw);
    // No REQ-001 (trailing slash tolerated), no REQ-005 (57 h window).
    assert_eq!(
        ids_of(&f),
        ["RO1-WIN-003", "RO1-WIN-003", "RO1-ID-003", "RO1-ID-003", "RO1-REQ-014"]
    );
}

#[test]
fn ig_cpts_self_link_lacks_an_include() {
    let raw = ParsedQuery::parse(IG_CPTS_SELF);
    let req = SearchRequest::from_query(&raw);
    assert_eq!(req.use_case, UseCase::CPTS);
    let f = req.check(&raw);
    let missing = only(&f, "RO1-REQ-010");
    assert_eq!(missing.len(), 1);
    assert!(missing[0].message.en.contains("`_include:iterate=HealthcareService:organization`"));
    assert_eq!(pointed(IG_CPTS_SELF, missing[0]), raw.query.slice(IG_CPTS_SELF).unwrap());
    assert!(only(&f, "RO1-REQ-014").is_empty());
}

#[test]
fn req_001_path_of_slot_searches() {
    let url = edit(&ps_url(&[RPPS_OK]), "/Slot?", "/Practitioner?");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-001"]);
    assert_eq!(pointed(&url, &f[0]), "Practitioner");
    assert!(f[0].message.en.contains("expected `[base]/Slot`"));
    assert!(check(&edit(&ps_url(&[RPPS_OK]), "/Slot?", "/Slot/?")).is_empty());
    // Without a path there is nothing to check.
    let query = ps_url(&[RPPS_OK]).split_once('?').unwrap().1.to_owned();
    assert!(check(&query).is_empty());
}

#[test]
fn req_002_path_of_sos_searches() {
    let url = edit(&sos_url(&[SIRET_OK.into()]), "/Schedule?", "/Location?");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-002"]);
    assert_eq!(pointed(&url, &f[0]), "Location");
}

#[test]
fn method_and_body() {
    assert!(check_method(UseCase::PS, "GET", 0).is_empty());
    let f = check_method(UseCase::PS, "POST", 0);
    assert_eq!(ids_of(&f), ["RO1-REQ-001"]);
    assert!(f[0].message.en.contains("`POST`"));
    assert_eq!(f[0].target, Target::Exchange { part: "method".into() });
    assert_eq!(ids_of(&check_method(UseCase::SOS, "GET", 3)), ["RO1-REQ-002"]);
}

#[test]
fn req_003_bounds() {
    let ok = ps_url(&[RPPS_OK]);
    let le = "&start=le2024-06-14T23:59:59.999%2B02:00";
    let f = check(&edit(&ok, le, ""));
    assert_eq!(ids_of(&f), ["RO1-REQ-003"]);
    assert!(f[0].message.en.contains("`start=le…` is missing"));

    let url = edit(&ok, le, &format!("{le}{le}"));
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-003"]);
    assert!(f[0].message.en.starts_with("second bound"));
    assert_eq!(f[0].target, Target::Request { span: raw_span(&url, le, 1), param: "start".into() });

    let url = edit(&ok, "start=le", "start=gt");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-003", "RO1-REQ-003"]);
    assert!(f[0].message.en.contains("prefix gt, expected `ge` or `le`"));
    assert_eq!(pointed(&url, &f[0]), "gt2024-06-14T23:59:59.999%2B02:00");

    let url = edit(&ok, "ge2024-06-12", "ge2024-06-32");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-003"]);
    assert!(f[0].message.en.starts_with("invalid `ge` bound `2024-06-32T16:20:00.000+02:00`"));
    assert_eq!(pointed(&url, &f[0]), "ge2024-06-32T16:20:00.000%2B02:00");
}

/// Span of the `n`-th (0-based) occurrence of `&name=value` without its `&`.
fn raw_span(url: &str, piece: &str, n: usize) -> Span {
    let start = url.match_indices(piece).nth(n).unwrap().0 + 1;
    Span::new(start as u32, (start + piece.len() - 1) as u32)
}

#[test]
fn req_004_empty_window() {
    let t1 = at("2024-06-12T16:20:00+02:00");
    let t0 = at("2024-06-12T16:19:59.999+02:00");
    let id: Idnps = RPPS_OK.parse().unwrap();
    let url = SearchRequest::ps(t1, t0, std::slice::from_ref(&id)).to_url(None);
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-004"]);
    assert_eq!(pointed(&url, &f[0]), "le2024-06-12T16:19:59.999%2B02:00");
    // A one-millisecond window is not empty.
    assert!(check(&SearchRequest::ps(t0, t0, &[id]).to_url(None)).is_empty());
}

#[test]
fn req_005_window_length() {
    let id: Idnps = RPPS_OK.parse().unwrap();
    let from = at("2024-06-12T00:00:00+02:00");
    let exact = at("2024-06-15T00:00:00+02:00");
    assert!(
        check(&SearchRequest::ps(from, exact, std::slice::from_ref(&id)).to_url(None)).is_empty()
    );
    let f = check(&SearchRequest::ps(from, at("2024-06-15T01:00:00+02:00"), &[id]).to_url(None));
    assert_eq!(ids_of(&f), ["RO1-REQ-005"]);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(f[0].message.en.contains("window of 73.0 h"));
}

#[test]
fn req_006_identifier_list() {
    let ok = ps_url(&[RPPS_OK]);
    let param = "&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810002909371";
    let f = check(&edit(&ok, param, ""));
    assert_eq!(ids_of(&f), ["RO1-REQ-006"]);
    assert!(f[0].message.en.contains("is missing"));

    let url = edit(&ok, param, &format!("{param}{param}"));
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-006"]);
    assert!(f[0].message.en.contains("present 2 times"));
    assert_eq!(
        f[0].target,
        Target::Request { span: raw_span(&url, param, 1), param: names::PS_IDENTIFIER.into() }
    );

    let many: Vec<&str> = std::iter::repeat_n(RPPS_OK, 26).collect();
    let f = check(&ps_url(&many));
    assert_eq!(ids_of(&f), ["RO1-REQ-006"]);
    assert!(f[0].message.en.starts_with("26 identifiers: at most 25"));
    let many: Vec<&str> = std::iter::repeat_n(RPPS_OK, 25).collect();
    assert!(check(&ps_url(&many)).is_empty());

    let url = edit(&ok, "810002909371", "810002909371,");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-006"]);
    assert!(f[0].message.en.starts_with("empty token"));
}

#[test]
fn req_007_tokens() {
    let ok = ps_url(&[RPPS_OK]);
    let cases = [
        (
            "urn:oid:1.2.250.1.71.4.2.1%7C810002909371",
            "urn:oid:1.2.250.1.71.4.2.2%7C810002909371",
            "system `urn:oid:1.2.250.1.71.4.2.2`, expected `urn:oid:1.2.250.1.71.4.2.1`",
        ),
        ("urn:oid:1.2.250.1.71.4.2.1%7C810002909371", "810002909371", "has no system"),
        ("%7C810002909371", "%7C10002909371", "a prefixed IDNPS"),
        ("%7C810002909371", "%7C3456780581/11242343", "internal form"),
    ];
    for (from, to, expected) in cases {
        let url = edit(&ok, from, to);
        let f = check(&url);
        assert_eq!(ids_of(&f), ["RO1-REQ-007"], "{to}");
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0].message.en.contains(expected), "{}", f[0].message.en);
        assert!(pointed(&url, &f[0]).ends_with(to.trim_start_matches("%7C")), "{to}");
    }
    // ADELI is accepted; a wrong RPPS key is only a warning.
    assert!(check(&ps_url(&["0123456789"])).is_empty());
    let url = ps_url(&["810100050075"]);
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-ID-003"]);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].message.en,
        "identifier `810100050075`: IDNPS RPPS: check digit (Luhn) is 5, expected 8"
    );
    assert_eq!(
        f[0].message.fr,
        "identifiant `810100050075` : IDNPS RPPS : clé de contrôle (Luhn) 5, attendu 8"
    );
    assert_eq!(pointed(&url, &f[0]), "810100050075");
}

/// Every finding about an identifier of the request quotes the value and
/// the defect (length, character and position, prefix, key), and points at
/// the value inside the list, whichever token of the list it is.
#[test]
fn identifier_findings_name_the_value_and_point_at_it() {
    let ok = ps_url(&[RPPS_OK, RPPS_OK_2]);
    let cases = [
        (
            RPPS_OK_2,
            "8101012152",
            "`8101012152`",
            "IDNPS RPPS: 10 characters, expected 12 (8 + 11)",
        ),
        (RPPS_OK_2, "8101O1215225", "`8101O1215225`", "character `O` at position 5"),
        (RPPS_OK_2, "910101215225", "`910101215225`", "unknown prefix `9`"),
        (RPPS_OK_2, "810101215226", "`810101215226`", "check digit (Luhn) is 6, expected 5"),
    ];
    for (from, to, quoted, defect) in cases {
        let url = edit(&ok, from, to);
        let f = check(&url);
        assert_eq!(f.len(), 1, "{to}: {f:?}");
        let m = &f[0].message;
        assert!(m.en.contains(quoted) && m.en.contains(defect), "{}", m.en);
        assert!(m.fr.contains(quoted), "{}", m.fr);
        assert_eq!(pointed(&url, &f[0]), to);
        let Target::Request { param, .. } = &f[0].target else { panic!("{:?}", f[0].target) };
        assert_eq!(param, "schedule.actor:Practitioner.identifier");
    }
}

#[test]
fn req_008_status() {
    let ok = ps_url(&[RPPS_OK]);
    let f = check(&edit(&ok, "&status=free", ""));
    assert_eq!(ids_of(&f), ["RO1-REQ-008"]);
    assert!(f[0].message.en.contains("expected `status=free`"));
    let url = edit(&ok, "status=free", "status=free,busy");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-008"]);
    assert!(f[0].message.en.contains("is `free,busy`, expected `free`"));
    assert_eq!(pointed(&url, &f[0]), "free,busy");
}

#[test]
fn req_009_ps_includes() {
    let ok = ps_url(&[RPPS_OK]);
    let f = check(&edit(&ok, "_include=Slot:schedule&", ""));
    assert_eq!(ids_of(&f), ["RO1-REQ-009"]);
    let url = edit(&ok, "_include:iterate=Schedule:actor", "_include=Schedule:actor");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-009", "RO1-REQ-014"]);
    assert!(f[0].message.en.contains("(found `_include=Schedule:actor`)"));
    assert_eq!(pointed(&url, &f[0]), "_include=Schedule:actor");
}

#[test]
fn req_010_cpts_includes() {
    let t = at("2024-06-12T16:20:00+02:00");
    let ok = SearchRequest::cpts(t, t, &[RPPS_OK.parse().unwrap()]).to_url(None);
    let url = edit(&ok, "&_include=Slot:service-type-reference", "");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-010"]);
    assert!(f[0].message.en.contains("for a CPTS search"));
}

#[test]
fn req_011_sos_includes() {
    let ok = sos_url(&[SIRET_OK.into()]);
    let f = check(&edit(&ok, "_revinclude=Slot:schedule&", ""));
    assert_eq!(ids_of(&f), ["RO1-REQ-011"]);
    assert!(f[0].message.en.contains("`_revinclude=Slot:schedule` is missing"));
    let f = check(&edit(&ok, "&_include:iterate=Location:organization", ""));
    assert_eq!(ids_of(&f), ["RO1-REQ-011"]);
}

#[test]
fn req_012_sos_has_parameters() {
    let ok = sos_url(&[SIRET_OK.into()]);
    let f = check(&edit(&ok, "&_has:Slot:schedule:status=free", ""));
    assert_eq!(ids_of(&f), ["RO1-REQ-012"]);
    let f = check(&edit(&ok, "_has:Slot:schedule:start=ge", "start=ge"));
    assert_eq!(ids_of(&f), ["RO1-REQ-012", "RO1-REQ-014"]);
    assert!(f[0].message.en.contains("`_has:Slot:schedule:start=ge…` is missing"));
    assert!(f[1].message.en.contains("expected here `_has:Slot:schedule:start`"));
}

#[test]
fn req_013_sos_identifiers() {
    let ten: Vec<String> = (1..=10).map(siret).collect();
    assert!(check(&sos_url(&ten)).is_empty());
    let eleven: Vec<String> = (1..=11).map(siret).collect();
    let f = check(&sos_url(&eleven));
    assert_eq!(ids_of(&f), ["RO1-REQ-013"]);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(f[0].message.en.contains("AMB-02"));
    let many: Vec<String> = (1..=26).map(siret).collect();
    let f = check(&sos_url(&many));
    assert_eq!(ids_of(&f), ["RO1-REQ-013"]);
    assert_eq!(f[0].severity, Severity::Error);

    let ok = sos_url(&[SIRET_OK.into()]);
    let url = edit(&ok, SIRET_OK, "1950047225");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-013"]);
    assert!(f[0].message.en.contains("found an IDNST FINESS"));
    // A defect of the value points at the value, not at its system.
    assert_eq!(pointed(&url, &f[0]), "1950047225");
    let url = edit(&ok, SIRET_OK, "334173748400021");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-ID-008"]);
    assert_eq!(pointed(&url, &f[0]), "334173748400021");
    assert!(f[0].message.en.starts_with("identifier `334173748400021`: IDNST SIRET: "));
    assert!(f[0].message.fr.starts_with("identifiant `334173748400021` : IDNST SIRET : "));
    let f = check(&edit(&ok, "4.2.2%7C", "4.2.1%7C"));
    assert_eq!(ids_of(&f), ["RO1-REQ-013"]);
}

#[test]
fn req_014_unlisted_parameters() {
    let ok = ps_url(&[RPPS_OK]);
    assert!(check(&format!("{ok}&_format=json")).is_empty());
    let url = format!("{ok}&SPDateDebutSlot=ge2024-06-12&_include=Slot:*");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-014", "RO1-REQ-014"]);
    assert!(f.iter().all(|f| f.severity == Severity::Warning));
    assert!(f[0].message.en.contains("AMB-30"));
    assert_eq!(pointed(&url, &f[0]), "SPDateDebutSlot=ge2024-06-12");
    assert_eq!(pointed(&url, &f[1]), "_include=Slot:*");
}

#[test]
fn req_015_accept_header() {
    assert!(check_accept(Some("application/json+fhir")).is_none());
    assert!(check_accept(Some("text/html, application/fhir+json;q=0.9")).is_none());
    let f = check_accept(Some("*/*")).unwrap();
    assert_eq!(f.rule.id, "RO1-REQ-015");
    assert!(f.message.en.contains("`*/*`"));
    assert!(check_accept(None).unwrap().message.en.contains("(absent)"));
}

#[test]
fn win_003_space_before_offset() {
    let ok = ps_url(&[RPPS_OK]);
    for (sign, severity) in
        [("%20", Severity::Warning), (" ", Severity::Warning), ("+", Severity::Information)]
    {
        let url = edit(&ok, "16:20:00.000%2B02:00", &format!("16:20:00.000{sign}02:00"));
        let raw = ParsedQuery::parse(&url);
        let req = SearchRequest::from_query(&raw);
        assert_eq!(req.ge.as_ref().unwrap().text, "2024-06-12T16:20:00.000+02:00");
        let f = req.check(&raw);
        assert_eq!(ids_of(&f), ["RO1-WIN-003"], "{sign}");
        assert_eq!(f[0].severity, severity);
        assert_eq!(pointed(&url, &f[0]), sign);
    }
}

#[test]
fn decoding_errors_become_findings() {
    let ok = ps_url(&[RPPS_OK]);
    let url = edit(&ok, "status=free", "status=fr%zzee");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-008", "RO1-REQ-008"]);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(pointed(&url, &f[0]), "%zz");
    let url = format!("{ok}&x=%C3%28");
    let f = check(&url);
    assert_eq!(ids_of(&f), ["RO1-REQ-014", "RO1-REQ-014"]);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(pointed(&url, &f[0]), "%C3");
}

#[test]
fn self_link_matches_and_differs() {
    let request = ParsedQuery::parse(FAQ_SOS);
    let same = ParsedQuery::parse(FAQ_SOS);
    assert_eq!(compare_self_link(&request, &same), SelfLinkDiff::default());
    assert!(compare_self_link(&request, &same).findings(Span::new(0, 1)).is_empty());

    // Values are compared as text, like the kit: `.000` makes a difference.
    let canonical = sos_url(&[SIRET_OK.into(), SIRET_OK_2.into()]);
    let diff = compare_self_link(&ParsedQuery::parse(&canonical), &request);
    assert_eq!(diff.missing.len(), 2);
    assert_eq!(diff.missing[0].1, "ge2023-08-18T09:00:00.000+02:00");

    // The request without `_count` against the FAQ link.
    let sent = FAQ_SOS.replace("&_count=1000", "");
    let sent = ParsedQuery::parse(&sent);
    let diff = compare_self_link(&sent, &request);
    assert!(diff.missing.is_empty(), "{diff:?}");
    assert_eq!(diff.extra, [("_count".to_owned(), "1000".to_owned())]);
    let f = diff.findings(Span::new(5, 9));
    assert_eq!(ids_of(&f), ["RO1-BUNDLE-005"]);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(f[0].message.en.contains("AMB-17"));
    assert_eq!(f[0].target, Target::Body { span: Span::new(5, 9), child: None });

    // Reordered and re-encoded: same parameters, different text.
    let reordered = ParsedQuery::parse(
        "Schedule?_count=1000&_has%3ASlot%3Aschedule%3Astatus=free&_revinclude=Slot:schedule\
         &_include=Schedule:actor:Location&_include:iterate=Location:organization\
         &_has:Slot:schedule:start=le2023-08-20T08:00:00%2B02:00&_has:Slot:schedule:start=ge2023-08-18T09:00:00 02:00\
         &actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2|334173748400020,urn:oid:1.2.250.1.71.4.2.2|392080466300010",
    );
    let diff = compare_self_link(&request, &reordered);
    assert!(diff.same_params() && diff.text_differs, "{diff:?}");
    let f = diff.findings(Span::new(0, 1));
    assert_eq!(f.len(), 1);
    assert!(f[0].message.en.contains("different text"));

    // A missing and a changed parameter.
    let changed = FAQ_SOS
        .replace("&_has:Slot:schedule:status=free", "")
        .replace("le2023-08-20", "le2023-08-21");
    let changed = ParsedQuery::parse(&changed);
    let diff = compare_self_link(&request, &changed);
    assert_eq!(diff.missing.len(), 2);
    assert_eq!(
        diff.extra,
        [("_has:Slot:schedule:start".to_owned(), "le2023-08-21T08:00:00+02:00".to_owned())]
    );
    let f = diff.findings(Span::new(0, 1));
    assert_eq!(f.len(), 3);
    assert!(f.iter().any(|f| {
        f.message.en.contains("lacks the request parameter `_has:Slot:schedule:status=free`")
    }));
}

#[test]
fn canonical_url_order_and_encoding() {
    let req = SearchRequest::parse(FAQ_SOS);
    assert_eq!(
        req.to_url(None),
        "https://editeur.fr/Schedule?_revinclude=Slot:schedule&_include=Schedule:actor:Location\
         &_include:iterate=Location:organization&_has:Slot:schedule:start=ge2023-08-18T09:00:00%2B02:00\
         &_has:Slot:schedule:start=le2023-08-20T08:00:00%2B02:00&_has:Slot:schedule:status=free\
         &actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2%7C334173748400020,urn:oid:1.2.250.1.71.4.2.2%7C392080466300010\
         &_count=1000"
    );
    let req = SearchRequest::parse(IG_PS_PAGE);
    assert!(req.to_url(None).contains(
        "schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810101288385,urn:oid:1.2.250.1.71.4.2.1%7C800001288385,"
    ));
    let mut odd = SearchRequest::empty(UseCase::PS);
    odd.identifiers.push(RequestedIdentifier::new(UseCase::PS, Token::new("s,|", "v é&=")));
    odd.other.push(("a b".into(), "100%+".into()));
    assert_eq!(
        odd.to_query(),
        "schedule.actor:Practitioner.identifier=s%5C,%5C%7C%7Cv%20%C3%A9%26%3D&a%20b=100%25%2B"
    );
}

/// The typed content of a request, positions left out.
fn without_spans(mut r: SearchRequest) -> SearchRequest {
    for d in [&mut r.ge, &mut r.le].into_iter().flatten() {
        d.span = None;
        d.repair = None;
    }
    for i in &mut r.identifiers {
        i.token.span = None;
        i.token.value_span = None;
    }
    for i in &mut r.includes {
        i.span = None;
    }
    r
}

fn datetime() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // 1970..2100, offsets of whole quarter hours in ±14 h.
    (0i64..4_102_444_800_000, -56i32..=56).prop_map(|(ms, quarters)| {
        let offset = FixedOffset::east_opt(quarters * 900).unwrap();
        offset.timestamp_millis_opt(ms).unwrap()
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![".{0,12}", "[a-zA-Z0-9|,\\\\$%+&=#? :/.-]{0,12}"]
}

fn token() -> impl Strategy<Value = Token> {
    (proptest::option::of(text()), text()).prop_map(|(system, value)| Token {
        system: system.map(|s| s.trim().to_owned()),
        value: value.trim().to_owned(),
        span: None,
        value_span: None,
        padded: false,
    })
}

fn request() -> impl Strategy<Value = SearchRequest> {
    let ids = prop_oneof![
        proptest::collection::vec("8[0-9]{11}", 0..4).prop_map(|v| {
            v.iter().map(|s| Token::new(values::PS_SYSTEM, s.clone())).collect::<Vec<_>>()
        }),
        proptest::collection::vec(token(), 0..4),
    ];
    let uc = prop_oneof![Just(UseCase::PS), Just(UseCase::CPTS), Just(UseCase::SOS)];
    let other = proptest::collection::vec(
        (
            "[a-z][a-z0-9.]{0,8}".prop_filter("typed name", |n| n != "start" && n != "status"),
            text(),
        ),
        0..3,
    );
    (
        uc,
        (datetime(), datetime()),
        ids,
        proptest::option::of("(https://[a-z]{1,8}(/[a-z0-9]{1,5})?|/[a-z]{1,5})"),
        (
            proptest::option::of(text()),
            proptest::option::of(any::<u32>()),
            proptest::option::of(text()),
        ),
        proptest::collection::vec(text(), 0..2),
        other,
    )
        .prop_map(
            |(uc, (from, to), ids, base, (status, count, format), extra_includes, other)| {
                let idnps: [Idnps; 0] = [];
                let mut r = match uc {
                    UseCase::PS => SearchRequest::ps(from, to, &idnps),
                    UseCase::CPTS => SearchRequest::cpts(from, to, &idnps),
                    _ /* SOS */ => SearchRequest::sos(from, to, &[]),
                };
                r.identifiers = ids.into_iter().map(|t| RequestedIdentifier::new(uc, t)).collect();
                r.base = base;
                r.status = status;
                r.count = count;
                r.format = format;
                r.includes.extend(extra_includes.into_iter().map(|value| IncludeParam {
                    value,
                    iterate: false,
                    span: None,
                }));
                r.other = other;
                r
            },
        )
}

proptest! {
    #[test]
    fn build_parse_build_is_identity(req in request()) {
        let url = req.to_url(None);
        let parsed = SearchRequest::parse(&url);
        prop_assert_eq!(parsed.to_url(None), url.clone());
        prop_assert_eq!(without_spans(parsed), req);
    }

    #[test]
    fn typed_constructors_pass_the_rules(
        (from, hours) in (datetime(), 0i64..72),
        n in 1usize..=25,
    ) {
        let to = from + chrono::TimeDelta::hours(hours);
        let ids: Vec<Idnps> = std::iter::repeat_n(RPPS_OK.parse().unwrap(), n).collect();
        for req in [SearchRequest::ps(from, to, &ids), SearchRequest::cpts(from, to, &ids)] {
            let url = req.to_url(Some("https://h/fhir/"));
            prop_assert!(check(&url).is_empty(), "{}", url);
        }
    }

    #[test]
    fn no_panic_on_any_input(input in ".{0,300}", link in ".{0,100}") {
        let raw = ParsedQuery::parse(&input);
        let req = SearchRequest::from_query(&raw);
        for f in req.check(&raw) {
            if let Target::Request { span, .. } = f.target {
                prop_assert!(span.slice(&input).is_some(), "{:?}", span);
            }
        }
        let _ = req.to_url(None);
        let _ = compare_self_link(&raw, &ParsedQuery::parse(&link)).findings(Span::default());
    }

    #[test]
    fn no_panic_on_url_like_input(input in "(https://h/Slot\\?|Schedule\\?|)([a-z_:.|%0-9A-F+ =&,\\\\-]{0,200})") {
        let raw = ParsedQuery::parse(&input);
        let req = SearchRequest::from_query(&raw);
        for f in req.check(&raw) {
            if let Target::Request { span, .. } = f.target {
                prop_assert!(span.slice(&input).is_some(), "{:?}", span);
            }
        }
        let again = SearchRequest::parse(&req.to_url(None));
        prop_assert_eq!(again.to_url(None), req.to_url(None));
    }
}

#[test]
fn hostile_comma_lists_are_bounded() {
    let url = edit(&ps_url(&[RPPS_OK]), RPPS_OK, &format!("{RPPS_OK}{}", ",".repeat(5000)));
    let raw = ParsedQuery::parse(&url);
    let req = SearchRequest::from_query(&raw);
    assert_eq!(req.identifiers.len(), params::MAX_TOKENS);
    let f = req.check(&raw);
    assert!(f[0].message.en.starts_with("5001 identifiers: at most 25"), "{}", f[0].message.en);
}
