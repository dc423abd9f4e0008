//! The identifiers of a search as national identifiers: each token of the
//! identifier parameter read with the form check of its use case (IDNPS for
//! PS and CPTS, IDNST for SOS), the check digit kept apart.
//!
//! The form is what the SAS requires; the check digit only earns a warning
//! (SPEC §3.2, AMB-20): most official examples fail it, and a connector must
//! still answer them. So a token whose form is right is usable
//! ([`RequestedIdentifier::national`] is `Ok`) whatever
//! [`RequestedIdentifier::check_key`] says.

use fr_fhir_core::ids::{IdError, Idnps, Idnst};

use super::params::{Token, UseCase};

/// A national identifier named by a search: a person (PS, CPTS) or a
/// structure (SOS).
///
/// ```
/// use fr_fhir_core::ids::Idnst;
/// use int_ro1::request::NationalId;
/// let id = NationalId::Idnst(Idnst::parse_form("334173748400020")?);
/// assert_eq!((id.to_string(), id.system()), ("334173748400020".into(), "urn:oid:1.2.250.1.71.4.2.2"));
/// # Ok::<(), fr_fhir_core::ids::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NationalId {
    /// A practitioner (`schedule.actor:Practitioner.identifier`).
    Idnps(Idnps),
    /// An association, by its prefixed SIRET, or another structure form
    /// (`actor:Location.organization.identifier`).
    Idnst(Idnst),
}

impl NationalId {
    /// Reads `value` with the form check of `use_case`'s identifier
    /// parameter; the check digit is not looked at.
    ///
    /// ```
    /// use int_ro1::request::{NationalId, UseCase};
    /// let ps = NationalId::parse_form(UseCase::PS, "810002909371")?;
    /// assert!(ps.as_idnps().is_some());
    /// assert!(NationalId::parse_form(UseCase::SOS, "810002909371").is_err());
    /// # Ok::<(), fr_fhir_core::ids::IdError>(())
    /// ```
    pub fn parse_form(use_case: UseCase, value: &str) -> Result<Self, IdError> {
        match use_case {
            UseCase::PS | UseCase::CPTS => Idnps::parse_form(value).map(NationalId::Idnps),
            _ /* SOS */ => Idnst::parse_form(value).map(NationalId::Idnst),
        }
    }

    /// The check-digit verdict (Luhn for RPPS, FINESS, SIREN, SIRET; none
    /// known for the other forms). For SAS a failure is a warning, not a
    /// reason to refuse the identifier.
    ///
    /// ```
    /// use int_ro1::request::{NationalId, UseCase};
    /// let id = NationalId::parse_form(UseCase::PS, "810100050075")?;
    /// assert!(id.check_key().unwrap_err().is_check_digit());
    /// # Ok::<(), fr_fhir_core::ids::IdError>(())
    /// ```
    pub fn check_key(&self) -> Result<(), IdError> {
        match self {
            NationalId::Idnps(id) => id.check_key(),
            NationalId::Idnst(id) => id.check_key(),
        }
    }

    /// The `identifier.system` of this kind of identifier.
    pub fn system(&self) -> &'static str {
        match self {
            NationalId::Idnps(_) => Idnps::SYSTEM,
            NationalId::Idnst(_) => Idnst::SYSTEM,
        }
    }

    /// The person identifier, when it is one.
    pub fn as_idnps(&self) -> Option<&Idnps> {
        match self {
            NationalId::Idnps(id) => Some(id),
            NationalId::Idnst(_) => None,
        }
    }

    /// The structure identifier, when it is one.
    pub fn as_idnst(&self) -> Option<&Idnst> {
        match self {
            NationalId::Idnst(id) => Some(id),
            NationalId::Idnps(_) => None,
        }
    }
}

impl std::fmt::Display for NationalId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NationalId::Idnps(id) => id.fmt(f),
            NationalId::Idnst(id) => id.fmt(f),
        }
    }
}

/// One identifier of a search: the token as written (system, value, its
/// positions, which the request rules report on) and its typed reading.
///
/// The typed reading looks at the value only, with the form of the use
/// case's parameter: a token with a wrong system still gets one (the system
/// is RO1-REQ-007's business, not the reader's).
///
/// ```
/// use int_ro1::request::{SearchRequest, UseCase};
/// // The RPPS of the IG examples: right form, wrong check digit.
/// let req = SearchRequest::parse(
///     "Slot?schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810100050075,x",
/// );
/// let first = &req.identifiers[0];
/// assert_eq!(first.idnps().map(|id| id.registry_number()), Some("10100050075"));
/// assert!(first.check_key().unwrap().unwrap_err().is_check_digit());
/// assert!(req.identifiers[1].national.is_err());
/// assert_eq!(req.identifiers[1].token.value, "x");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestedIdentifier {
    /// The token as parsed or built: raw text and positions.
    pub token: Token,
    /// The value read with the use case's form check ([`NationalId::parse_form`]),
    /// or why its form is wrong.
    pub national: Result<NationalId, IdError>,
}

impl RequestedIdentifier {
    /// Types `token` for a search of `use_case`.
    ///
    /// ```
    /// use int_ro1::request::{RequestedIdentifier, Token, UseCase};
    /// let t = Token::new("urn:oid:1.2.250.1.71.4.2.2", "334173748400020");
    /// let id = RequestedIdentifier::new(UseCase::SOS, t);
    /// assert_eq!(id.idnst().map(|s| s.kind_name()), Some("SIRET"));
    /// assert_eq!(id.check_key(), Some(Ok(())));
    /// ```
    pub fn new(use_case: UseCase, token: Token) -> Self {
        let national = NationalId::parse_form(use_case, &token.value);
        RequestedIdentifier { token, national }
    }

    /// The identifier of `national`, with its system, for a built request.
    ///
    /// ```
    /// use fr_fhir_core::ids::Idnps;
    /// use int_ro1::request::{NationalId, RequestedIdentifier};
    /// let id = RequestedIdentifier::from_national(NationalId::Idnps("810002909371".parse()?));
    /// assert_eq!(id.token.to_query_text(), "urn:oid:1.2.250.1.71.4.2.1|810002909371");
    /// # Ok::<(), fr_fhir_core::ids::IdError>(())
    /// ```
    pub fn from_national(national: NationalId) -> Self {
        let token = Token::new(national.system(), national.to_string());
        RequestedIdentifier { token, national: Ok(national) }
    }

    /// The check-digit verdict, apart from the form: `None` when the form is
    /// already wrong.
    pub fn check_key(&self) -> Option<Result<(), IdError>> {
        self.national.as_ref().ok().map(NationalId::check_key)
    }

    /// The practitioner identifier (PS, CPTS) when the form is right.
    pub fn idnps(&self) -> Option<&Idnps> {
        self.national.as_ref().ok().and_then(NationalId::as_idnps)
    }

    /// The structure identifier (SOS) when the form is right.
    pub fn idnst(&self) -> Option<&Idnst> {
        self.national.as_ref().ok().and_then(NationalId::as_idnst)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::request::SearchRequest;

    #[test]
    fn the_official_sos_example_is_typed() {
        let req = SearchRequest::parse(
            "Schedule?actor:Location.organization.identifier=\
             urn:oid:1.2.250.1.71.4.2.2%7C334173748400020,urn:oid:1.2.250.1.71.4.2.2%7C1950047225,\
             urn:oid:1.2.250.1.71.4.2.2%7C33417374840002",
        );
        let kinds: Vec<_> =
            req.identifiers.iter().map(|i| i.idnst().map(Idnst::kind_name)).collect();
        assert_eq!(kinds, [Some("SIRET"), Some("FINESS"), None]);
        assert!(req.identifiers[2].national.is_err());
        assert_eq!(req.identifiers[2].check_key(), None);
    }

    #[test]
    fn a_wrong_key_is_a_separate_verdict() {
        let t = Token::new(Idnps::SYSTEM, "810100050075");
        let id = RequestedIdentifier::new(UseCase::CPTS, t);
        assert_eq!(id.idnps().unwrap().to_string(), "810100050075");
        assert!(id.check_key().unwrap().unwrap_err().is_check_digit());
    }
}
