//! ADELI: the older 9-character number of health professionals (and of their
//! practices, the ADELI-rang). No key algorithm is documented in the sources
//! (SPEC §3.1), so only the form is checked.
//!
//! Allowed characters. SPEC: "9 characters, digits in practice". An ADELI
//! number starts with the department code, and Corsica's are `2A`/`2B` (as in
//! FINESS), so the accepted form is 9 digits, or `2A`/`2B` followed by 7
//! digits. Any other letter is rejected.

use super::IdError;
use super::form::{InlineStr, ascii_array, ascii_str, corsican_or_digits};

const ADELI_CHARS: &str = "[0-9] (2A/2B first)";

/// An ADELI number: 9 characters (see the module documentation for the
/// charset). Without the `0` of the national form.
///
/// ```
/// use fr_fhir_core::ids::Adeli;
/// let adeli: Adeli = "751234567".parse()?;
/// assert_eq!(adeli.as_str(), "751234567");
/// assert!(Adeli::parse_form("2A1234567")?.is_corsican());
/// # Ok::<(), fr_fhir_core::ids::IdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Adeli([u8; 9]);

impl Adeli {
    /// Name in messages.
    pub const KIND: &'static str = "ADELI";

    /// Checks the form: 9 digits, or `2A`/`2B` and 7 digits.
    ///
    /// ```
    /// use fr_fhir_core::ids::{Adeli, IdError};
    /// assert_eq!(
    ///     Adeli::parse_form("75123456X"),
    ///     Err(IdError::Char { kind: "ADELI", position: 9, found: 'X', expected: "[0-9]" })
    /// );
    /// ```
    pub fn parse_form(s: &str) -> Result<Self, IdError> {
        let bytes = ascii_array::<9>(s, Self::KIND, "9", ADELI_CHARS)?;
        corsican_or_digits(&bytes, Self::KIND)?;
        Ok(Adeli(bytes))
    }

    /// Always `Ok`: no ADELI key algorithm is known (SPEC §3.1).
    ///
    /// ```
    /// use fr_fhir_core::ids::Adeli;
    /// assert!(Adeli::parse_form("000000000")?.check_key().is_ok());
    /// # Ok::<(), fr_fhir_core::ids::IdError>(())
    /// ```
    pub fn check_key(&self) -> Result<(), IdError> {
        Ok(())
    }

    /// Whether the number starts with a Corsican department code `2A`/`2B`.
    pub fn is_corsican(&self) -> bool {
        matches!(self.0, [b'2', b'A' | b'B', ..])
    }

    /// The 9 characters.
    pub fn as_str(&self) -> &str {
        ascii_str(&self.0)
    }
}

super::registry_impls!(Adeli, Adeli::KIND);

/// Most characters kept for an ADELI-rang (the form is unspecified: bound it
/// to keep the value inline).
const ADELI_RANG_MAX: usize = 32;

/// An ADELI-rang (practice ADELI id, IDNST prefix `0`). The sources specify
/// no form (SPEC §3.1), so this accepts 1 to 32 characters of `[0-9A-Z]`;
/// [`AdeliRang::is_adeli_form`] tells whether it looks like an ADELI number.
///
/// ```
/// use fr_fhir_core::ids::AdeliRang;
/// let rang = AdeliRang::parse_form("751234567")?;
/// assert!(rang.is_adeli_form());
/// # Ok::<(), fr_fhir_core::ids::IdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AdeliRang(InlineStr<ADELI_RANG_MAX>);

impl AdeliRang {
    /// Name in messages.
    pub const KIND: &'static str = "ADELI-rang";

    /// Checks the form: 1 to 32 characters of `[0-9A-Z]`.
    ///
    /// ```
    /// use fr_fhir_core::ids::{AdeliRang, IdError};
    /// assert_eq!(
    ///     AdeliRang::parse_form("75-1"),
    ///     Err(IdError::Char { kind: "ADELI-rang", position: 3, found: '-', expected: "[0-9A-Z]" })
    /// );
    /// ```
    pub fn parse_form(s: &str) -> Result<Self, IdError> {
        InlineStr::upper_alnum(s, Self::KIND, "1-32", "[0-9A-Z]").map(AdeliRang)
    }

    /// Always `Ok`: no key is known.
    pub fn check_key(&self) -> Result<(), IdError> {
        Ok(())
    }

    /// Whether the value has the form of an ADELI number.
    pub fn is_adeli_form(&self) -> bool {
        Adeli::parse_form(self.as_str()).is_ok()
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

super::registry_impls!(AdeliRang, AdeliRang::KIND);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::test_util::round_trip;
    use proptest::prelude::*;

    #[test]
    fn adeli_forms() {
        assert!(!Adeli::parse_form("751234567").unwrap().is_corsican());
        assert!(Adeli::parse_form("2B1234567").unwrap().is_corsican());
        assert_eq!(
            Adeli::parse_form("75123456"),
            Err(IdError::Length { kind: "ADELI", expected: "9", found: 8 })
        );
        assert_eq!(
            Adeli::parse_form("2C1234567"),
            Err(IdError::Char { kind: "ADELI", position: 2, found: 'C', expected: "[0-9AB]" })
        );
        assert_eq!(
            Adeli::parse_form("75123é567"),
            Err(IdError::Char { kind: "ADELI", position: 6, found: 'é', expected: ADELI_CHARS })
        );
        assert_eq!(Adeli::parse_form(""), Err(IdError::Empty));
    }

    #[test]
    fn adeli_rang_forms() {
        let rang = AdeliRang::parse_form("F12").unwrap();
        assert!(!rang.is_adeli_form());
        assert_eq!(format!("{rang:?}"), "AdeliRang(\"F12\")");
        assert_eq!(
            AdeliRang::parse_form(&"1".repeat(33)),
            Err(IdError::Length { kind: "ADELI-rang", expected: "1-32", found: 33 })
        );
        assert!(AdeliRang::parse_form(&"1".repeat(32)).is_ok());
        assert!(AdeliRang::parse_form("12345678901234567890").unwrap().check_key().is_ok());
    }

    proptest! {
        #[test]
        fn adeli_round_trip(s in "(2[AB][0-9]{7})|[0-9]{9}") {
            round_trip(&Adeli::parse_form(&s).unwrap());
        }

        #[test]
        fn adeli_rang_round_trip(s in "[0-9A-Z]{1,32}") {
            round_trip(&AdeliRang::parse_form(&s).unwrap());
        }

        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = s.parse::<Adeli>();
            let _ = s.parse::<AdeliRang>();
        }
    }
}
