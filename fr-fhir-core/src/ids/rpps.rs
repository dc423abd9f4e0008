//! RPPS: the 11-digit number of the Répertoire partagé des professionnels de
//! santé, keyed with Luhn (SPEC §3.2).

use super::IdError;
use super::form::{ascii_str, check_luhn, digit_array, with_luhn_key};

/// An RPPS number: 11 ASCII digits, the last one a Luhn key. Without the `8`
/// of the national form (see [`super::Idnps`]).
///
/// ```
/// use fr_fhir_core::ids::Rpps;
/// let rpps: Rpps = "10002909371".parse()?;
/// assert_eq!(rpps.as_str(), "10002909371");
/// // The PS example of the IG has a wrong key: a well-formed value all the same.
/// assert!(Rpps::parse_form("10100050075")?.check_key().is_err());
/// # Ok::<(), fr_fhir_core::ids::IdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rpps([u8; 11]);

impl Rpps {
    /// Name in messages.
    pub const KIND: &'static str = "RPPS";
    const LENGTH: &'static str = "11";

    /// Checks the form (11 ASCII digits), not the key.
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Rpps};
    /// assert_eq!(
    ///     Rpps::parse_form("1000290937"),
    ///     Err(IdError::Length { kind: "RPPS", expected: "11", found: 10 })
    /// );
    /// ```
    pub fn parse_form(s: &str) -> Result<Self, IdError> {
        digit_array(s, Self::KIND, Self::LENGTH).map(Rpps)
    }

    /// Completes a 10-digit body with its Luhn key (for fixtures and tests).
    ///
    /// ```
    /// use fr_fhir_core::ids::Rpps;
    /// assert_eq!(Rpps::from_body("1010005007")?.as_str(), "10100050078");
    /// # Ok::<(), fr_fhir_core::ids::IdError>(())
    /// ```
    pub fn from_body(body: &str) -> Result<Self, IdError> {
        with_luhn_key(body, Self::KIND, "10").map(Rpps)
    }

    /// Checks the Luhn key.
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Rpps};
    /// let rpps = Rpps::parse_form("10100050075")?;
    /// assert_eq!(rpps.check_key(), Err(IdError::CheckDigit { kind: "RPPS", found: 5, expected: 8 }));
    /// # Ok::<(), IdError>(())
    /// ```
    pub fn check_key(&self) -> Result<(), IdError> {
        check_luhn(&self.0, Self::KIND)
    }

    /// The 11 digits.
    pub fn as_str(&self) -> &str {
        ascii_str(&self.0)
    }
}

super::registry_impls!(Rpps, Rpps::KIND);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::test_util::round_trip;
    use proptest::prelude::*;

    #[test]
    fn spec_valid_rpps() {
        for s in ["10002909371", "10101215225", "10005173140"] {
            let rpps: Rpps = s.parse().unwrap();
            assert_eq!(rpps.as_str(), s);
            assert_eq!(rpps.to_string(), s);
        }
    }

    #[test]
    fn spec_fictitious_rpps_fail_the_key() {
        // (value, last digit, key computed by hand); the first key is the one
        // SPEC §3.2 gives.
        let cases = [
            ("10100050075", 5, 8),
            ("10002673899", 9, 4),
            ("10101201234", 4, 3),
            ("10102727017", 7, 2),
            ("10003461033", 3, 4),
        ];
        for (s, found, expected) in cases {
            let rpps = Rpps::parse_form(s).unwrap();
            assert_ne!(found, expected);
            assert_eq!(
                rpps.check_key(),
                Err(IdError::CheckDigit { kind: "RPPS", found, expected }),
                "{s}"
            );
            assert_eq!(
                s.parse::<Rpps>(),
                Err(IdError::CheckDigit { kind: "RPPS", found, expected })
            );
        }
    }

    #[test]
    fn form_errors() {
        assert_eq!(Rpps::parse_form(""), Err(IdError::Empty));
        assert_eq!(
            Rpps::parse_form("810002909371"),
            Err(IdError::Length { kind: "RPPS", expected: "11", found: 12 })
        );
        assert_eq!(
            Rpps::parse_form("1000290937A"),
            Err(IdError::Char { kind: "RPPS", position: 11, found: 'A', expected: "[0-9]" })
        );
        assert_eq!(
            Rpps::parse_form(" 1000290937"),
            Err(IdError::Char { kind: "RPPS", position: 1, found: ' ', expected: "[0-9]" })
        );
        assert_eq!(
            Rpps::parse_form("100029０9371"),
            Err(IdError::Char { kind: "RPPS", position: 7, found: '０', expected: "[0-9]" })
        );
    }

    #[test]
    fn debug_shows_the_text() {
        let rpps = Rpps::parse_form("10002909371").unwrap();
        assert_eq!(format!("{rpps:?}"), "Rpps(\"10002909371\")");
    }

    proptest! {
        #[test]
        fn computed_key_validates_and_round_trips(body in "[0-9]{10}") {
            let rpps = Rpps::from_body(&body).unwrap();
            prop_assert!(rpps.check_key().is_ok());
            round_trip(&rpps);
        }

        #[test]
        fn one_changed_digit_fails(body in "[0-9]{10}", at in 0usize..11, delta in 1u8..=9) {
            let mut bytes = Rpps::from_body(&body).unwrap().0;
            if let Some(b) = bytes.get_mut(at) {
                *b = b'0' + (*b - b'0' + delta) % 10;
            }
            let changed = Rpps::parse_form(std::str::from_utf8(&bytes).unwrap()).unwrap();
            prop_assert!(changed.check_key().unwrap_err().is_check_digit());
        }

        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = s.parse::<Rpps>();
        }
    }
}
