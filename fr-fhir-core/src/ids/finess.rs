//! FINESS: the 9-character number of health and social establishments, keyed
//! with Luhn (SPEC §3.2).
//!
//! Corsica (AMB-20): FINESS numbers start with the department, so Corsican
//! ones start with `2A`/`2B`. They are real FINESS numbers and parse, but the
//! SAS pattern `^1[0-9]{9}$` rejects them: [`Finess::check_sas_form`] reports
//! it. No source says how their key is computed, so [`Finess::check_key`]
//! does not judge it.

use super::IdError;
use super::form::{DIGITS, ascii_array, ascii_str, check_luhn, corsican_or_digits, with_luhn_key};

/// The SAS pattern of a prefixed FINESS (FINESS-invariant, kit).
pub(crate) const SAS_FINESS_PATTERN: &str = "^1[0-9]{9}$";

/// A FINESS number: 9 digits with a Luhn key, or the Corsican form `2A`/`2B`
/// + 7 digits. Without the `1` of the national form.
///
/// ```
/// use fr_fhir_core::ids::Finess;
/// let finess: Finess = "950047225".parse()?;
/// assert!(finess.check_sas_form().is_ok());
/// let corsican = Finess::parse_form("2A0000014")?;
/// assert!(corsican.is_corsican() && corsican.check_sas_form().is_err());
/// # Ok::<(), fr_fhir_core::ids::IdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Finess([u8; 9]);

impl Finess {
    /// Name in messages.
    pub const KIND: &'static str = "FINESS";

    /// Checks the form: 9 digits, or `2A`/`2B` + 7 digits.
    ///
    /// ```
    /// use fr_fhir_core::ids::{Finess, IdError};
    /// assert_eq!(
    ///     Finess::parse_form("95004722"),
    ///     Err(IdError::Length { kind: "FINESS", expected: "9", found: 8 })
    /// );
    /// ```
    pub fn parse_form(s: &str) -> Result<Self, IdError> {
        let bytes = ascii_array::<9>(s, Self::KIND, "9", DIGITS)?;
        corsican_or_digits(&bytes, Self::KIND)?;
        Ok(Finess(bytes))
    }

    /// Completes an 8-digit body with its Luhn key.
    ///
    /// ```
    /// use fr_fhir_core::ids::Finess;
    /// assert_eq!(Finess::from_body("81000442")?.as_str(), "810004424");
    /// # Ok::<(), fr_fhir_core::ids::IdError>(())
    /// ```
    pub fn from_body(body: &str) -> Result<Self, IdError> {
        with_luhn_key(body, Self::KIND, "8").map(Finess)
    }

    /// Checks the Luhn key; `Ok` for a Corsican number (no known algorithm).
    ///
    /// ```
    /// use fr_fhir_core::ids::{Finess, IdError};
    /// assert_eq!(
    ///     Finess::parse_form("810004421")?.check_key(),
    ///     Err(IdError::CheckDigit { kind: "FINESS", found: 1, expected: 4 })
    /// );
    /// # Ok::<(), IdError>(())
    /// ```
    pub fn check_key(&self) -> Result<(), IdError> {
        if self.is_corsican() {
            return Ok(());
        }
        check_luhn(&self.0, Self::KIND)
    }

    /// Whether the number starts with a Corsican department code `2A`/`2B`.
    pub fn is_corsican(&self) -> bool {
        matches!(self.0, [b'2', b'A' | b'B', ..])
    }

    /// Whether the SAS pattern `^1[0-9]{9}$` accepts the prefixed number,
    /// i.e. it is all digits.
    pub fn matches_sas_pattern(&self) -> bool {
        !self.is_corsican()
    }

    /// [`IdError::NotSasForm`] for a Corsican number, which the SAS pattern
    /// `^1[0-9]{9}$` rejects (AMB-20).
    ///
    /// ```
    /// use fr_fhir_core::ids::{Finess, IdError};
    /// assert_eq!(
    ///     Finess::parse_form("2B0000001")?.check_sas_form(),
    ///     Err(IdError::NotSasForm { kind: "FINESS", pattern: "^1[0-9]{9}$" })
    /// );
    /// # Ok::<(), IdError>(())
    /// ```
    pub fn check_sas_form(&self) -> Result<(), IdError> {
        if self.matches_sas_pattern() {
            Ok(())
        } else {
            Err(IdError::NotSasForm { kind: Self::KIND, pattern: SAS_FINESS_PATTERN })
        }
    }

    /// The 9 characters.
    pub fn as_str(&self) -> &str {
        ascii_str(&self.0)
    }
}

super::registry_impls!(Finess, Finess::KIND);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::test_util::round_trip;
    use proptest::prelude::*;

    #[test]
    fn spec_valid_finess() {
        for s in ["950047225", "950046227", "540002698", "580008803"] {
            let finess: Finess = s.parse().unwrap();
            assert_eq!(finess.as_str(), s);
            assert!(finess.check_sas_form().is_ok());
        }
    }

    #[test]
    fn spec_fictitious_finess_fail_the_key() {
        // (value, last digit, key); 810004421 → 4 is given by SPEC §3.2.
        for (s, found, expected) in [("810004421", 1, 4), ("810004956", 6, 2), ("458174839", 9, 6)]
        {
            assert_eq!(
                s.parse::<Finess>(),
                Err(IdError::CheckDigit { kind: "FINESS", found, expected }),
                "{s}"
            );
            assert!(Finess::parse_form(s).is_ok());
        }
    }

    #[test]
    fn corsican_finess() {
        let f = Finess::parse_form("2A0000014").unwrap();
        assert!(f.is_corsican());
        assert!(!f.matches_sas_pattern());
        assert!(f.check_key().is_ok());
        assert_eq!(
            f.check_sas_form(),
            Err(IdError::NotSasForm { kind: "FINESS", pattern: "^1[0-9]{9}$" })
        );
        round_trip(&f);
        assert!(!Finess::parse_form("200000014").unwrap().is_corsican());
    }

    #[test]
    fn form_errors() {
        assert_eq!(Finess::parse_form(""), Err(IdError::Empty));
        assert_eq!(
            Finess::parse_form("1950047225"),
            Err(IdError::Length { kind: "FINESS", expected: "9", found: 10 })
        );
        assert_eq!(
            Finess::parse_form("95004722O"),
            Err(IdError::Char { kind: "FINESS", position: 9, found: 'O', expected: "[0-9]" })
        );
        assert_eq!(
            Finess::parse_form("2a0000014"),
            Err(IdError::Char { kind: "FINESS", position: 2, found: 'a', expected: "[0-9AB]" })
        );
    }

    proptest! {
        #[test]
        fn computed_key_validates_and_round_trips(body in "[0-9]{8}") {
            let finess = Finess::from_body(&body).unwrap();
            prop_assert!(finess.check_key().is_ok());
            round_trip(&finess);
        }

        #[test]
        fn one_changed_digit_fails(body in "[0-9]{8}", at in 0usize..9, delta in 1u8..=9) {
            let mut bytes = Finess::from_body(&body).unwrap().0;
            if let Some(b) = bytes.get_mut(at) {
                *b = b'0' + (*b - b'0' + delta) % 10;
            }
            let changed = Finess::parse_form(std::str::from_utf8(&bytes).unwrap()).unwrap();
            prop_assert!(changed.check_key().unwrap_err().is_check_digit());
        }

        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = s.parse::<Finess>();
        }
    }
}
