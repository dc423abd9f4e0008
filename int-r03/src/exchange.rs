//! The INT_R03 exchange and the rules over a capture. The vendor sends, the
//! SAS answers: the request line and body are the vendor's (judged), the
//! SAS's answer is context (a refusal is said, as information).
//!
//! Over a capture ([`Ledger`]): a second POST of an identifier already
//! created is a defect (the update is a PUT), an update names an
//! identifier created earlier in the capture (warning otherwise: it may
//! predate the capture), and the identifier of the update URL is the one
//! of its body.
//!
//! ```
//! use int_r03::exchange::{Call, Ledger, check};
//! let body = r#"{"resourceType":"Appointment","identifier":[{"system":"urn:oid:1.2","value":"a1"}]}"#;
//! let mut ledger = Ledger::default();
//! let mut out = Vec::new();
//! let post = Call { method: "POST", url: "https://sas/fhir/Appointment", status: Some(201), body: Some(body) };
//! check(&post, &mut ledger, &mut out);
//! check(&post, &mut ledger, &mut out);
//! assert_eq!(out.len(), 1); // the second POST of a1
//! assert_eq!(out[0].rule.id, "RO1-APPT-003");
//! ```

use std::collections::HashMap;

use fr_fhir_core::finding::{Finding, Message, Severity};
use fr_fhir_core::rules::oo::ro1_oo_004;
use sas_exchange::{exchange_finding, parts};

use crate::model::Appointment;
use crate::request::AppointmentRequest;
use crate::rules::appt::ro1_appt_003;

/// One captured INT_R03 exchange, as the rules over a capture see it.
///
/// ```
/// use int_r03::exchange::{Call, Ledger, check};
/// let put = Call { method: "PUT", url: "https://sas.fr/fhir/Appointment", status: Some(200), body: None };
/// let mut out = Vec::new();
/// check(&put, &mut Ledger::default(), &mut out); // a PUT without `?identifier=`
/// assert_eq!(out[0].rule.id, "RO1-APPT-003");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    /// Request method.
    pub method: &'a str,
    /// Request URL.
    pub url: &'a str,
    /// The SAS's answer, when captured.
    pub status: Option<u16>,
    /// The request body (the vendor's Appointment), when usable JSON.
    pub body: Option<&'a str>,
}

/// The appointment identifiers created so far in a capture (`system|value`
/// → position of the exchange that created it).
///
/// ```
/// use int_r03::exchange::Ledger;
/// let ledger = Ledger::default();
/// assert!(!ledger.created("urn:oid:1.2.250.1.999.42.1", "rdv-1"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    created: HashMap<(String, String), usize>,
    seen: usize,
}

impl Ledger {
    /// True when `system|value` was created earlier in the capture.
    pub fn created(&self, system: &str, value: &str) -> bool {
        self.created.contains_key(&(system.to_owned(), value.to_owned()))
    }
}

/// Checks the request line and the sequence; records what was created.
pub fn check(call: &Call<'_>, ledger: &mut Ledger, out: &mut Vec<Finding>) {
    let at = ledger.seen;
    ledger.seen += 1;
    let req = match AppointmentRequest::parse(call.method, call.url) {
        Ok(r) => r,
        Err(e) => {
            out.push(exchange_finding(&ro1_appt_003::RULE, Severity::Error, e.part, e.message));
            return;
        }
    };
    let appt = call.body.and_then(|b| Appointment::read(b, 0).ok());
    let body_key = appt.as_ref().and_then(|a| a.key()).map(|(s, v)| (s.to_owned(), v.to_owned()));
    let accepted = call.status.is_none_or(|s| (200..300).contains(&s));
    match req.identifier() {
        None => {
            if let Some((s, v)) = &body_key {
                if let Some(first) = ledger.created.get(&(s.clone(), v.clone())) {
                    out.push(exchange_finding(
                        &ro1_appt_003::RULE,
                        Severity::Error,
                        parts::METHOD,
                        Message::new(
                            format!("second POST du rendez-vous `{s}|{v}`, déjà créé par l'échange {first} : la mise à jour est un `PUT [base]/Appointment?identifier={s}|{v}`"),
                            format!("second POST of appointment `{s}|{v}`, already created by exchange {first}: an update is `PUT [base]/Appointment?identifier={s}|{v}`"),
                        ),
                    ));
                } else if accepted {
                    ledger.created.insert((s.clone(), v.clone()), at);
                }
            }
        }
        Some((system, value)) => {
            if let Some((s, v)) = &body_key
                && (s != system || v != value)
            {
                out.push(exchange_finding(
                    &ro1_appt_003::RULE,
                    Severity::Error,
                    parts::URL,
                    Message::new(
                        format!("l'URL met à jour `{system}|{value}` mais le corps porte l'identifiant `{s}|{v}`"),
                        format!("the URL updates `{system}|{value}` but the body carries identifier `{s}|{v}`"),
                    ),
                ));
            }
            let key = (system.to_owned(), value.to_owned());
            if let std::collections::hash_map::Entry::Vacant(slot) = ledger.created.entry(key) {
                out.push(exchange_finding(
                    &ro1_appt_003::RULE,
                    Severity::Warning,
                    parts::URL,
                    Message::new(
                        format!(
                            "mise à jour de `{system}|{value}`, qu'aucun POST de la capture n'a créé (créé avant la capture ?)"
                        ),
                        format!(
                            "update of `{system}|{value}`, which no POST of the capture created (created before the capture?)"
                        ),
                    ),
                ));
                if accepted {
                    slot.insert(at);
                }
            }
        }
    }
    if let Some(status) = call.status.filter(|s| *s >= 400) {
        out.push(exchange_finding(
            &ro1_oo_004::RULE,
            Severity::Information,
            parts::STATUS,
            Message::new(
                format!("le SAS a refusé le rendez-vous ({status}) : voir les constats sur la requête et l'OperationOutcome de la réponse"),
                format!("the SAS refused the appointment ({status}): see the findings on the request and the response's OperationOutcome"),
            ),
        ));
    }
}
