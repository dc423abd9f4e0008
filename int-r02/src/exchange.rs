//! The vendor's answers in INT_R02 (RO1-REGUL-004, RO1-OO-004) and the
//! rules over a capture. The SAS sends, the vendor answers: the account the
//! SAS sent says what the answer must be (a complete new account: 201 +
//! `Location`; an update: 200, 201 when the PUT creates; a duplicate create
//! or an incomplete account: 4xx/5xx + OperationOutcome, 400 or 422).
//!
//! Over a capture ([`Accounts`]): a PUT on an identifier created earlier
//! answers 200, not 201; a second POST of the same identifier is refused;
//! `Location` names a Practitioner.
//!
//! ```
//! use int_r02::exchange::{Accounts, Answer, check};
//! let body = r#"{"resourceType":"Practitioner","identifier":[{"system":"urn:oid:1.2.250.1.213.3.6","value":"u1"}]}"#;
//! let post = Answer { method: "POST", url: "https://v/fhir/Practitioner", status: Some(201),
//!     location: Some("https://v/fhir/Practitioner/7"), request_body: Some(body), request_invalid: false,
//!     response_type: None, response_unusable: false };
//! let (mut accounts, mut out) = (Accounts::default(), Vec::new());
//! check(&post, &mut accounts, &mut out);
//! assert!(out.is_empty());
//! check(&post, &mut accounts, &mut out); // the same account created twice: 4xx expected
//! assert_eq!(out[0].rule.id, "RO1-REGUL-004");
//! ```

use std::collections::{HashMap, HashSet};

use fr_fhir_core::finding::{Finding, Message, Severity};
use fr_fhir_core::model::{Resource, parse_resource};
use fr_fhir_core::rules::oo::ro1_oo_004::{self, Refusal};
use sas_exchange::{exchange_finding, location, parts};

use crate::request::PractitionerRequest;
use crate::rules::regul::ro1_regul_004::RULE;

/// One captured INT_R02 exchange, as the answer rules see it.
///
/// ```
/// use int_r02::exchange::{Accounts, Answer, check};
/// // A create answered 201 without `Location`.
/// let post = Answer { method: "POST", url: "https://v/fhir/Practitioner", status: Some(201),
///     location: None, request_body: None, request_invalid: false,
///     response_type: None, response_unusable: false };
/// let mut out = Vec::new();
/// check(&post, &mut Accounts::default(), &mut out);
/// assert!(out.iter().any(|f| f.rule.id == "RO1-REGUL-004"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    /// Request method.
    pub method: &'a str,
    /// Request URL.
    pub url: &'a str,
    /// The vendor's status, when captured.
    pub status: Option<u16>,
    /// The vendor's `Location` header.
    pub location: Option<&'a str>,
    /// The account the SAS sent, when the request body is JSON.
    pub request_body: Option<&'a str>,
    /// The account breaks the REGUL rules or its profile (the kit's
    /// "missing or invalid field" tests): the vendor must refuse it.
    pub request_invalid: bool,
    /// `resourceType` of the vendor's response body (`None`: no usable body).
    pub response_type: Option<&'a str>,
    /// The response body is there but is not usable FHIR JSON (reported
    /// as such by the capture layer): not said again here.
    pub response_unusable: bool,
}

/// The accounts created so far in a capture (`system|value` → position of
/// the exchange that created it), and the identifiers of deactivated ones
/// (`active=false`): the kit re-assigns a national identifier after a
/// deactivation, and that creation must succeed.
///
/// ```
/// use int_r02::exchange::Accounts;
/// // One per capture, handed to `int_r02::exchange::check` for each exchange in file order.
/// let mut accounts = Accounts::default();
/// ```
#[derive(Debug, Clone, Default)]
pub struct Accounts {
    created: HashMap<(String, String), usize>,
    inactive: HashSet<(String, String)>,
    seen: usize,
}

/// `system|value` of every identifier of the account sent, and its `active`.
fn body_keys(body: Option<&str>) -> (Vec<(String, String)>, Option<bool>) {
    let Some(Ok((Resource::Practitioner(p), _))) = body.map(parse_resource) else {
        return (Vec::new(), None);
    };
    let keys = p
        .identifier
        .iter()
        .filter_map(|id| Some((id.system.as_ref()?.to_string(), id.value.as_ref()?.to_string())))
        .collect();
    (keys, p.active.as_ref().map(|a| a.as_str() == "true"))
}

fn push(out: &mut Vec<Finding>, severity: Severity, part: &'static str, fr: String, en: String) {
    out.push(exchange_finding(&RULE, severity, part, Message::new(fr, en)));
}

/// Checks the vendor's answer to one account operation; records what it created.
pub fn check(a: &Answer<'_>, accounts: &mut Accounts, out: &mut Vec<Finding>) {
    let at = accounts.seen;
    accounts.seen += 1;
    let req = match PractitionerRequest::parse(a.method, a.url) {
        Ok(r) => r,
        Err(e) => {
            // The SAS's request line: said, not held against the vendor.
            out.push(exchange_finding(&RULE, Severity::Information, e.part, e.message));
            return;
        }
    };
    let Some(status) = a.status else { return };
    let (keys, active) = body_keys(a.request_body);
    let earlier = |k: &(String, String)| accounts.created.get(k).copied();
    // Creating an identifier only a deactivated account holds is a re-assignment.
    let duplicate = match req.identifier() {
        None => keys
            .iter()
            .filter(|k| !accounts.inactive.contains(*k))
            .find_map(|k| earlier(k).map(|n| (k.clone(), n))),
        Some(_) => None,
    };
    let existing = req
        .identifier()
        .map(|(s, v)| (s.to_owned(), v.to_owned()))
        .and_then(|k| earlier(&k).map(|n| (k, n)));
    let what = match req.identifier() {
        None => "POST [base]/Practitioner".to_owned(),
        Some((s, v)) => format!("`PUT [base]/Practitioner?identifier={s}|{v}`"),
    };
    match status {
        200..=299 => {
            // Accepting what had to be refused is one defect, whatever the reasons.
            let mut why: Vec<(String, String)> = Vec::new();
            if a.request_invalid {
                why.push((
                    "compte incomplet ou invalide (voir les constats sur la requête)".into(),
                    "an incomplete or invalid account (see the findings on the request)".into(),
                ));
            }
            if let Some(((s, v), n)) = &duplicate {
                why.push((
                    format!("seconde création du compte `{s}|{v}` (créé par l'échange {n})"),
                    format!("second creation of account `{s}|{v}` (created by exchange {n})"),
                ));
            }
            if !why.is_empty() {
                let (fr, en): (Vec<String>, Vec<String>) = why.into_iter().unzip();
                push(
                    out,
                    Severity::Error,
                    parts::STATUS,
                    format!(
                        "{what} : {} acceptée ({status}) ; attendu un refus 4xx (400 ou 422) + OperationOutcome",
                        fr.join(" et ")
                    ),
                    format!(
                        "{what}: {} accepted ({status}); expected a 4xx refusal (400 or 422) + OperationOutcome",
                        en.join(" and ")
                    ),
                );
            }
            let created = match req.identifier() {
                None => {
                    if status != 201 {
                        // One defect, one finding: the Location a wrong
                        // status lacks too is said with it.
                        let (fr, en) = match a.location {
                            None => (" sans Location", " without Location"),
                            Some(_) => ("", ""),
                        };
                        let plus = if a.location.is_none() { " + Location" } else { "" };
                        push(
                            out,
                            Severity::Error,
                            parts::STATUS,
                            format!("{what} : statut {status}{fr}, attendu 201 Created{plus}"),
                            format!("{what}: status {status}{en}, expected 201 Created{plus}"),
                        );
                        if a.location.is_none() {
                            return record(
                                a,
                                &req,
                                (keys, active),
                                accounts,
                                at,
                                duplicate.is_none(),
                            );
                        }
                    }
                    true
                }
                Some(_) => match (&existing, status) {
                    (Some(((s, v), n)), 201) => {
                        push(
                            out,
                            Severity::Error,
                            parts::STATUS,
                            format!(
                                "le compte `{s}|{v}` existe depuis l'échange {n} : la mise à jour répond 200, pas 201"
                            ),
                            format!(
                                "account `{s}|{v}` exists since exchange {n}: the update answers 200, not 201"
                            ),
                        );
                        false
                    }
                    (_, 200 | 201) => status == 201,
                    _ => {
                        push(
                            out,
                            Severity::Error,
                            parts::STATUS,
                            format!(
                                "{what} : statut {status}, attendu 200 (201 quand le PUT crée le compte)"
                            ),
                            format!(
                                "{what}: status {status}, expected 200 (201 when the PUT creates the account)"
                            ),
                        );
                        false
                    }
                },
            };
            check_location(a, &what, status, created, out);
            record(a, &req, (keys, active), accounts, at, duplicate.is_none());
        }
        400..=599 => {
            if a.response_type != Some("OperationOutcome") && !a.response_unusable {
                push(
                    out,
                    Severity::Error,
                    parts::RESPONSE_BODY,
                    format!(
                        "refus {status} sans OperationOutcome : le SAS lit la cause du refus dans un OperationOutcome"
                    ),
                    format!(
                        "{status} refusal without an OperationOutcome: the SAS reads the cause of the refusal from an OperationOutcome"
                    ),
                );
            }
            if !a.request_invalid && duplicate.is_none() && a.request_body.is_some() {
                push(
                    out,
                    Severity::Error,
                    parts::STATUS,
                    format!(
                        "{what} : compte complet refusé ({status}) ; attendu {}",
                        if req.identifier().is_some() {
                            "200 (201 s'il est créé)"
                        } else {
                            "201 + Location"
                        }
                    ),
                    format!(
                        "{what}: a complete account refused ({status}); expected {}",
                        if req.identifier().is_some() {
                            "200 (201 when created)"
                        } else {
                            "201 + Location"
                        }
                    ),
                );
            }
            let why = if a.request_body.is_none() {
                Refusal::Malformed
            } else if duplicate.is_some() {
                Refusal::Business
            } else {
                Refusal::Unknown
            };
            if let Some(m) = ro1_oo_004::check(status, why) {
                out.push(exchange_finding(&ro1_oo_004::RULE, Severity::Warning, parts::STATUS, m));
            }
        }
        _ => push(
            out,
            Severity::Error,
            parts::STATUS,
            format!(
                "{what} : statut {status}, attendu 201/200 ou un refus 4xx/5xx + OperationOutcome"
            ),
            format!(
                "{what}: status {status}, expected 201/200 or a 4xx/5xx refusal + OperationOutcome"
            ),
        ),
    }
}

/// Records the account an accepted, valid, new operation created or
/// updated, and whether it is now deactivated.
fn record(
    a: &Answer<'_>,
    req: &PractitionerRequest,
    (keys, active): (Vec<(String, String)>, Option<bool>),
    accounts: &mut Accounts,
    at: usize,
    new: bool,
) {
    if a.request_invalid || !new {
        return;
    }
    let url_key = req.identifier().map(|(s, v)| (s.to_owned(), v.to_owned()));
    let create = url_key.is_none();
    for k in keys.into_iter().chain(url_key) {
        if create && accounts.inactive.remove(&k) {
            // A re-assignment: the identifier names the new account now.
            accounts.created.insert(k.clone(), at);
        }
        accounts.created.entry(k.clone()).or_insert(at);
        match active {
            Some(false) => {
                accounts.inactive.insert(k);
            }
            Some(true) => {
                accounts.inactive.remove(&k);
            }
            None => {}
        }
    }
}

/// 201 carries `Location: [base]/Practitioner/<id>`; an update should too.
fn check_location(a: &Answer<'_>, what: &str, status: u16, created: bool, out: &mut Vec<Finding>) {
    match a.location {
        None if created || status == 201 => push(
            out,
            Severity::Error,
            parts::STATUS,
            format!(
                "{what} : {status} sans en-tête Location ; attendu Location: [base]/Practitioner/<id>"
            ),
            format!(
                "{what}: {status} without a Location header; expected Location: [base]/Practitioner/<id>"
            ),
        ),
        None => push(
            out,
            Severity::Warning,
            parts::STATUS,
            format!(
                "{what} : {status} sans en-tête Location (l'IG l'attend aussi sur la mise à jour)"
            ),
            format!("{what}: {status} without a Location header (the IG expects it on update too)"),
        ),
        Some(l) => match location::parse(l) {
            Ok(("Practitioner", _)) => {}
            Ok((other, _)) => push(
                out,
                Severity::Error,
                parts::LOCATION,
                format!(
                    "Location {l} désigne une ressource {other}, attendu [base]/Practitioner/<id>"
                ),
                format!(
                    "Location {l} names a resource of type {other}, expected [base]/Practitioner/<id>"
                ),
            ),
            Err(_) => push(
                out,
                Severity::Error,
                parts::LOCATION,
                format!(
                    "Location {l} ne désigne pas une ressource, attendu [base]/Practitioner/<id>"
                ),
                format!("Location {l} names no resource, expected [base]/Practitioner/<id>"),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const ACCOUNT: &str = r#"{"resourceType":"Practitioner","identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810002673899"}]}"#;
    const BASE: &str = "https://v/fhir/Practitioner";
    const PUT: &str =
        "https://v/fhir/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|810002673899";

    fn answer<'a>(
        method: &'a str,
        url: &'a str,
        status: u16,
        location: Option<&'a str>,
    ) -> Answer<'a> {
        Answer {
            method,
            url,
            status: Some(status),
            location,
            request_body: Some(ACCOUNT),
            request_invalid: false,
            response_type: (status >= 400).then_some("OperationOutcome"),
            response_unusable: false,
        }
    }

    fn run(seq: &[Answer<'_>]) -> Vec<Vec<(&'static str, Severity, String)>> {
        let mut accounts = Accounts::default();
        seq.iter()
            .map(|a| {
                let mut out = Vec::new();
                check(a, &mut accounts, &mut out);
                out.into_iter()
                    .map(|f| {
                        let part = match f.target {
                            fr_fhir_core::finding::Target::Exchange { part } => part.to_string(),
                            _ => String::new(),
                        };
                        (f.rule.id, f.severity, part)
                    })
                    .collect()
            })
            .collect()
    }

    const LOC: Option<&str> = Some("https://v/fhir/Practitioner/7");

    #[test]
    fn regul_004_create_update_and_sequences() {
        let e = |part: &str| ("RO1-REGUL-004", Severity::Error, part.to_owned());
        let r = run(&[
            answer("POST", BASE, 201, LOC),
            answer("PUT", PUT, 200, LOC),
            answer("PUT", PUT, 201, LOC),
            answer("POST", BASE, 201, LOC),
            answer("POST", BASE, 422, None),
        ]);
        assert_eq!(r[0], []);
        assert_eq!(r[1], []);
        assert_eq!(r[2], [e(parts::STATUS)]); // exists: 200, not 201
        assert_eq!(r[3], [e(parts::STATUS)]); // second POST accepted
        assert_eq!(r[4], []); // second POST refused with 422: right
        let r = run(&[answer("POST", BASE, 200, LOC)]);
        assert_eq!(r[0], [e(parts::STATUS)]);
        let r = run(&[answer("POST", BASE, 201, None)]);
        assert_eq!(r[0], [e(parts::STATUS)]);
        let r = run(&[answer("POST", BASE, 201, Some("https://v/fhir/Appointment/7"))]);
        assert_eq!(r[0], [e(parts::LOCATION)]);
        // A PUT creating an unknown account may answer 201.
        let r = run(&[answer("PUT", PUT, 201, LOC)]);
        assert_eq!(r[0], []);
        let mut invalid = answer("POST", BASE, 201, LOC);
        invalid.request_invalid = true;
        assert_eq!(run(&[invalid])[0], [e(parts::STATUS)]);
        let mut html = answer("POST", BASE, 400, None);
        html.request_invalid = true;
        html.response_type = None;
        assert_eq!(run(&[html])[0], [e(parts::RESPONSE_BODY)]);
    }

    #[test]
    fn a_national_id_is_reassigned_after_a_deactivation() {
        let off = ACCOUNT.replace("\"identifier\"", "\"active\":false,\"identifier\"");
        let mut deactivate = answer("PUT", PUT, 200, LOC);
        deactivate.request_body = Some(&off);
        let r = run(&[answer("POST", BASE, 201, LOC), deactivate, answer("POST", BASE, 201, LOC)]);
        assert_eq!(r, [vec![], vec![], vec![]]);
    }

    #[test]
    fn oo_004_400_or_422() {
        let w = ("RO1-OO-004", Severity::Warning, parts::STATUS.to_owned());
        let mut dup = run(&[answer("POST", BASE, 201, LOC), answer("POST", BASE, 409, None)]);
        assert_eq!(dup.pop().unwrap(), std::slice::from_ref(&w));
        let mut missing = answer("POST", BASE, 500, None);
        missing.request_invalid = true;
        assert_eq!(run(&[missing])[0], [w]);
        let mut missing = answer("POST", BASE, 400, None);
        missing.request_invalid = true;
        assert_eq!(run(&[missing])[0], []);
    }
}
