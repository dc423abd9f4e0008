//! Telephone numbers in the form the SAS displays.

use crate::finding::RuleMeta;
use crate::model::ContactPoint;
use crate::rules::{Emitter, Scope, quote};

/// Country codes of the phone numbers SAS accepts: France and the overseas
/// departments with their own code.
const PHONE_COUNTRY_CODES: &[&str] = &["+33", "+262", "+590", "+594", "+596"];

/// True for `+33` (or an overseas code) followed by exactly 9 digits, e.g.
/// `+33465712040` (not `04 65 71 20 40`).
pub(crate) fn is_sas_phone(s: &str) -> bool {
    PHONE_COUNTRY_CODES.iter().any(|cc| {
        s.strip_prefix(cc)
            .is_some_and(|rest| rest.len() == 9 && rest.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Warns on a `phone` telecom whose value is not in the international form
/// (RO1-PRACT-009 for Practitioner, RO1-ROLE-007 for PractitionerRole).
pub(crate) fn check_phone(
    t: &ContactPoint<'_>,
    scope: Scope,
    rule: &'static RuleMeta,
    em: &mut Emitter<'_>,
) {
    let is_phone = t.system.as_ref().is_some_and(|s| s == "phone");
    let Some(v) = t.value.as_ref().filter(|_| is_phone) else { return };
    if !is_sas_phone(v.as_str()) {
        em.at(
            scope,
            rule,
            v.span,
            format!("téléphone {} : forme internationale attendue, +33 suivi de 9 chiffres (ou +262, +590, +594, +596)", quote(v.as_str())),
            format!("phone {}: international form expected, +33 followed by 9 digits (or +262, +590, +594, +596)", quote(v.as_str())),
        );
    }
}
