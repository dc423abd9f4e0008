//! The INT_R03 requests: `POST [base]/Appointment` (create) and
//! `PUT [base]/Appointment?identifier=system|value` (update or cancel, by
//! the vendor's identifier of the appointment), read from a capture and
//! built by the vendor's side.
//!
//! ```
//! use int_r03::request::AppointmentRequest;
//! let put = AppointmentRequest::update("https://sas.fr/fhir", "urn:oid:1.1.111", "b6e3");
//! assert_eq!(put.method(), "PUT");
//! assert_eq!(put.url(), "https://sas.fr/fhir/Appointment?identifier=urn:oid:1.1.111|b6e3");
//! assert_eq!(AppointmentRequest::parse("PUT", &put.url()).unwrap(), put);
//! ```

use sas_exchange::write::{Request, Written};

/// The resource type of the flow.
pub const TYPE: &str = "Appointment";

/// The INT_R03 flow, as what it writes.
///
/// ```
/// use int_r03::request::Appointments;
/// use sas_exchange::write::Written;
/// assert_eq!(Appointments::TYPE, "Appointment");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Appointments;

impl Written for Appointments {
    const TYPE: &'static str = TYPE;
}

/// One INT_R03 request line.
///
/// ```
/// use int_r03::request::AppointmentRequest;
/// let put = AppointmentRequest::update("https://sas.fr/fhir", "urn:oid:1.2", "rdv-1");
/// assert_eq!(put.url(), "https://sas.fr/fhir/Appointment?identifier=urn:oid:1.2|rdv-1");
/// ```
pub type AppointmentRequest = Request<Appointments>;

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
            let req = if update { AppointmentRequest::update(&base, &system, &value) } else { AppointmentRequest::create(&base) };
            let url = req.url();
            let back = AppointmentRequest::parse(req.method(), &url).unwrap();
            prop_assert_eq!(&back, &req);
            prop_assert_eq!(back.url(), url);
        }
    }
}
