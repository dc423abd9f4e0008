//! SIREN (9 digits, a legal unit) and SIRET (14 digits: SIREN + NIC, an
//! establishment), both keyed with Luhn (INSEE rule, SPEC §3.2).
//!
//! La Poste exception: its establishments share SIREN 356000000 and INSEE
//! keys them so that the sum of the 14 digits is a multiple of 5. The head
//! office (`35600000000048`) passes plain Luhn instead, so a La Poste SIRET is
//! accepted when either rule holds.
//!
//! [`Siret::check_key`] checks the SIRET key only, as SPEC §3.2 and
//! RO1-ID-008 say; the SIREN part has its own key, reachable through
//! [`Siret::siren`].

use super::IdError;
use super::form::{ascii_str, check_luhn, digit_array, with_luhn_key};

/// The SIREN of La Poste, whose SIRETs follow the digit-sum rule.
pub const LA_POSTE_SIREN: &str = "356000000";

/// A SIREN number: 9 ASCII digits, the last one a Luhn key.
///
/// ```
/// use fr_fhir_core::ids::Siren;
/// let siren: Siren = "341737484".parse()?;
/// assert_eq!(siren.to_string(), "341737484");
/// # Ok::<(), fr_fhir_core::ids::IdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Siren([u8; 9]);

impl Siren {
    /// Name in messages.
    pub const KIND: &'static str = "SIREN";

    /// Checks the form (9 ASCII digits), not the key.
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Siren};
    /// assert_eq!(
    ///     Siren::parse_form("34173748"),
    ///     Err(IdError::Length { kind: "SIREN", expected: "9", found: 8 })
    /// );
    /// ```
    pub fn parse_form(s: &str) -> Result<Self, IdError> {
        digit_array(s, Self::KIND, "9").map(Siren)
    }

    /// Completes an 8-digit body with its Luhn key.
    ///
    /// ```
    /// use fr_fhir_core::ids::Siren;
    /// assert_eq!(Siren::from_body("34173748")?.as_str(), "341737484");
    /// # Ok::<(), fr_fhir_core::ids::IdError>(())
    /// ```
    pub fn from_body(body: &str) -> Result<Self, IdError> {
        with_luhn_key(body, Self::KIND, "8").map(Siren)
    }

    /// Checks the Luhn key.
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Siren};
    /// assert_eq!(
    ///     Siren::parse_form("341737485")?.check_key(),
    ///     Err(IdError::CheckDigit { kind: "SIREN", found: 5, expected: 4 })
    /// );
    /// # Ok::<(), IdError>(())
    /// ```
    pub fn check_key(&self) -> Result<(), IdError> {
        check_luhn(&self.0, Self::KIND)
    }

    /// Whether this is La Poste's SIREN (356000000).
    pub fn is_la_poste(&self) -> bool {
        self.as_str() == LA_POSTE_SIREN
    }

    /// The 9 digits.
    pub fn as_str(&self) -> &str {
        ascii_str(&self.0)
    }
}

super::registry_impls!(Siren, Siren::KIND);

/// A SIRET number: 14 ASCII digits (SIREN + NIC), the last one a Luhn key,
/// except for La Poste (see the module documentation). Without the `3` of the
/// national form.
///
/// ```
/// use fr_fhir_core::ids::Siret;
/// let siret: Siret = "34173748400020".parse()?;
/// assert_eq!(siret.siren().as_str(), "341737484");
/// assert_eq!(siret.nic(), "00020");
/// # Ok::<(), fr_fhir_core::ids::IdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Siret([u8; 14]);

impl Siret {
    /// Name in messages.
    pub const KIND: &'static str = "SIRET";

    /// Checks the form (14 ASCII digits), not the key.
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Siret};
    /// assert_eq!(
    ///     Siret::parse_form("341737484 00020"),
    ///     Err(IdError::Length { kind: "SIRET", expected: "14", found: 15 })
    /// );
    /// ```
    pub fn parse_form(s: &str) -> Result<Self, IdError> {
        digit_array(s, Self::KIND, "14").map(Siret)
    }

    /// Completes a 13-digit body with its Luhn key (the SIREN part is taken
    /// as given: build it with [`Siren::from_body`] for a fully valid value).
    ///
    /// ```
    /// use fr_fhir_core::ids::Siret;
    /// assert_eq!(Siret::from_body("3417374840002")?.as_str(), "34173748400020");
    /// # Ok::<(), fr_fhir_core::ids::IdError>(())
    /// ```
    pub fn from_body(body: &str) -> Result<Self, IdError> {
        with_luhn_key(body, Self::KIND, "13").map(Siret)
    }

    /// Checks the SIRET key: Luhn, or for La Poste Luhn or a digit sum that
    /// is a multiple of 5 ([`IdError::LaPosteSum`] when both fail).
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Siret};
    /// assert!(Siret::parse_form("35600000000001")?.check_key().is_ok());
    /// assert_eq!(
    ///     Siret::parse_form("35600000000002")?.check_key(),
    ///     Err(IdError::LaPosteSum { kind: "SIRET", sum: 16 })
    /// );
    /// # Ok::<(), IdError>(())
    /// ```
    pub fn check_key(&self) -> Result<(), IdError> {
        let luhn = check_luhn(&self.0, Self::KIND);
        if luhn.is_err() && self.siren().is_la_poste() {
            let sum: u32 = self.0.iter().map(|b| u32::from(b.wrapping_sub(b'0'))).sum();
            if sum.is_multiple_of(5) {
                return Ok(());
            }
            return Err(IdError::LaPosteSum { kind: Self::KIND, sum });
        }
        luhn
    }

    /// The SIREN of the legal unit (first 9 digits; its key is not checked).
    pub fn siren(&self) -> Siren {
        let mut siren = [0u8; 9];
        for (dst, src) in siren.iter_mut().zip(self.0) {
            *dst = src;
        }
        Siren(siren)
    }

    /// The NIC: establishment number and SIRET key (last 5 digits).
    pub fn nic(&self) -> &str {
        ascii_str(self.0.get(9..).unwrap_or_default())
    }

    /// The 14 digits.
    pub fn as_str(&self) -> &str {
        ascii_str(&self.0)
    }
}

super::registry_impls!(Siret, Siret::KIND);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::test_util::round_trip;
    use proptest::prelude::*;

    #[test]
    fn spec_sos_sirets_and_their_sirens_are_valid() {
        for s in ["34173748400020", "92080466300010", "40426662900033"] {
            let siret: Siret = s.parse().unwrap();
            assert!(siret.siren().check_key().is_ok(), "{s}");
            assert!(!siret.siren().is_la_poste());
        }
        assert!("341737484".parse::<Siren>().is_ok());
    }

    #[test]
    fn wrong_keys() {
        assert_eq!(
            "34173748400021".parse::<Siret>(),
            Err(IdError::CheckDigit { kind: "SIRET", found: 1, expected: 0 })
        );
        assert_eq!(
            "341737480".parse::<Siren>(),
            Err(IdError::CheckDigit { kind: "SIREN", found: 0, expected: 4 })
        );
    }

    #[test]
    fn la_poste_exception() {
        // Digit sum 15, Luhn total 15: valid by the La Poste rule only.
        let sum_rule = Siret::parse_form("35600000000001").unwrap();
        assert!(!crate::ids::luhn::is_valid(sum_rule.as_str().as_bytes()));
        assert!(sum_rule.check_key().is_ok());
        // The head office passes Luhn, not the digit sum (26).
        assert!("35600000000048".parse::<Siret>().is_ok());
        // Both rules fail.
        assert_eq!(
            "35600000000002".parse::<Siret>(),
            Err(IdError::LaPosteSum { kind: "SIRET", sum: 16 })
        );
        // The same digits with another SIREN get plain Luhn.
        assert_eq!(
            "35700000000001".parse::<Siret>().unwrap_err(),
            IdError::CheckDigit { kind: "SIRET", found: 1, expected: 4 }
        );
        assert!("356000000".parse::<Siren>().unwrap().is_la_poste());
    }

    #[test]
    fn form_errors() {
        assert_eq!(Siret::parse_form(""), Err(IdError::Empty));
        assert_eq!(
            Siret::parse_form("3417374840002"),
            Err(IdError::Length { kind: "SIRET", expected: "14", found: 13 })
        );
        assert_eq!(
            Siret::parse_form("3417374840002-"),
            Err(IdError::Char { kind: "SIRET", position: 14, found: '-', expected: "[0-9]" })
        );
        assert_eq!(
            Siren::parse_form("3417A7484"),
            Err(IdError::Char { kind: "SIREN", position: 5, found: 'A', expected: "[0-9]" })
        );
    }

    proptest! {
        #[test]
        fn computed_keys_validate_and_round_trip(siren in "[0-9]{8}", nic in "[0-9]{4}") {
            let siren = Siren::from_body(&siren).unwrap();
            prop_assert!(siren.check_key().is_ok());
            round_trip(&siren);
            let siret = Siret::from_body(&format!("{siren}{nic}")).unwrap();
            prop_assert!(siret.check_key().is_ok());
            prop_assert_eq!(siret.siren(), siren);
            round_trip(&siret);
        }

        #[test]
        fn one_changed_digit_fails(body in "[0-9]{13}", at in 0usize..14, delta in 1u8..=9) {
            let mut bytes = Siret::from_body(&body).unwrap().0;
            bytes[at] = b'0' + (bytes[at] - b'0' + delta) % 10;
            let changed = Siret::parse_form(std::str::from_utf8(&bytes).unwrap()).unwrap();
            // La Poste's digit-sum rule tolerates changes by 5: not a Luhn case.
            prop_assume!(!changed.siren().is_la_poste());
            prop_assert!(changed.check_key().unwrap_err().is_check_digit());
        }

        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = s.parse::<Siret>();
            let _ = s.parse::<Siren>();
        }
    }
}
