//! The INT_R02 requests: `POST [base]/Practitioner` (create) and
//! `PUT [base]/Practitioner?identifier=system|value` (update, deactivation, or
//! create when unknown), read from a capture and
//! built by the SAS's side.
//!
//! ```
//! use int_r02::request::PractitionerRequest;
//! let put = PractitionerRequest::update("https://sas.fr/fhir", "urn:oid:1.1.111", "b6e3");
//! assert_eq!(put.method(), "PUT");
//! assert_eq!(put.url(), "https://sas.fr/fhir/Practitioner?identifier=urn:oid:1.1.111|b6e3");
//! assert_eq!(PractitionerRequest::parse("PUT", &put.url()).unwrap(), put);
//! ```

use sas_exchange::write::{Request, Written};

/// The resource type of the flow.
pub const TYPE: &str = "Practitioner";

/// The INT_R02 flow, as what it writes.
///
/// ```
/// use int_r02::request::Accounts;
/// use sas_exchange::write::Written;
/// assert_eq!(Accounts::TYPE, "Practitioner");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Accounts;

impl Written for Accounts {
    const TYPE: &'static str = TYPE;
}

/// One INT_R02 request line.
///
/// ```
/// use int_r02::request::PractitionerRequest;
/// let post = PractitionerRequest::create("https://sas.fr/fhir");
/// assert_eq!((post.method(), post.url()), ("POST", "https://sas.fr/fhir/Practitioner".to_owned()));
/// ```
pub type PractitionerRequest = Request<Accounts>;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// build → parse → build is the identity.
        #[test]
        fn build_parse_build(base in "https://[a-z]{1,10}\\.fr(/[a-z]{1,6}){0,2}",
                             system in "(urn:oid:[0-9.]{1,12}|https://[a-z./]{1,12})",
                             value in "[ -~]{1,36}", update in any::<bool>()) {
            let req = if update { PractitionerRequest::update(&base, &system, &value) } else { PractitionerRequest::create(&base) };
            let url = req.url();
            let back = PractitionerRequest::parse(req.method(), &url).unwrap();
            prop_assert_eq!(&back, &req);
            prop_assert_eq!(back.url(), url);
        }
    }
}
