//! The `Location` header of a create or conditional-update answer:
//! `[base]/Type/id` or `[base]/Type/id/_history/vid` (FHIR R4 RESTful API,
//! "create": the server returns the new logical id and version).

/// The resource type and logical id a `Location` value names, or why it
/// names none.
///
/// ```
/// use sas_exchange::location::parse;
/// assert_eq!(parse("https://h/fhir/Practitioner/p1/_history/1"), Ok(("Practitioner", "p1")));
/// assert_eq!(parse("Appointment/42"), Ok(("Appointment", "42")));
/// assert!(parse("https://h/fhir/Practitioner").is_err());
/// assert!(parse("").is_err());
/// ```
pub fn parse(value: &str) -> Result<(&str, &str), &'static str> {
    let path = value.trim().split(['?', '#']).next().unwrap_or("");
    let mut segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    if segments.len() >= 4 && segments.get(segments.len() - 2) == Some(&"_history") {
        segments.truncate(segments.len() - 2);
    }
    let id = segments.pop().unwrap_or("");
    let rtype = segments.pop().unwrap_or("");
    let is_type = rtype.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && rtype.bytes().all(|b| b.is_ascii_alphabetic());
    let is_id = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if is_type && is_id { Ok((rtype, id)) } else { Err("no [base]/Type/id") }
}
