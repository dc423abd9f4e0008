//! RPPS-rang: the id of a practice ("cabinet") in the RPPS registry (IDNST
//! prefix `4`).
//!
//! AMB-21: the kit demands 14 digits (`^4[0-9]{14}$` once prefixed), while the
//! Annuaire santé publishes alphanumeric values such as `F58000880311022013`.
//! Both parse; [`RppsRang::is_kit_form`] and [`RppsRang::check_sas_form`] tell
//! them apart so that the other forms can be reported as warnings. No key
//! algorithm is known.

use super::IdError;
use super::form::InlineStr;

/// The kit pattern of a prefixed RPPS-rang.
pub(crate) const SAS_RPPS_RANG_PATTERN: &str = "^4[0-9]{14}$";

/// Most characters kept (the Annuaire form is 18; bound it to stay inline).
const RPPS_RANG_MAX: usize = 32;

/// An RPPS-rang: the kit form (14 digits) or 1 to 32 characters of
/// `[0-9A-Z]`. Without the `4` of the national form.
///
/// ```
/// use fr_fhir_core::ids::RppsRang;
/// assert!(RppsRang::parse_form("12345678912345")?.is_kit_form());
/// assert!(!RppsRang::parse_form("F58000880311022013")?.is_kit_form());
/// # Ok::<(), fr_fhir_core::ids::IdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RppsRang(InlineStr<RPPS_RANG_MAX>);

impl RppsRang {
    /// Name in messages.
    pub const KIND: &'static str = "RPPS-rang";

    /// Checks the form: 1 to 32 characters of `[0-9A-Z]`.
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, RppsRang};
    /// assert_eq!(
    ///     RppsRang::parse_form("f58"),
    ///     Err(IdError::Char { kind: "RPPS-rang", position: 1, found: 'f', expected: "[0-9A-Z]" })
    /// );
    /// ```
    pub fn parse_form(s: &str) -> Result<Self, IdError> {
        InlineStr::upper_alnum(s, Self::KIND, "14 (kit) | 1-32", "[0-9A-Z]").map(RppsRang)
    }

    /// Always `Ok`: no RPPS-rang key is known.
    pub fn check_key(&self) -> Result<(), IdError> {
        Ok(())
    }

    /// Whether this is the kit form: exactly 14 digits.
    pub fn is_kit_form(&self) -> bool {
        let s = self.as_str();
        s.len() == 14 && s.bytes().all(|b| b.is_ascii_digit())
    }

    /// [`IdError::NotSasForm`] unless this is the kit form (AMB-21: warn).
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, RppsRang};
    /// assert_eq!(
    ///     RppsRang::parse_form("F58000880311022013")?.check_sas_form(),
    ///     Err(IdError::NotSasForm { kind: "RPPS-rang", pattern: "^4[0-9]{14}$" })
    /// );
    /// # Ok::<(), IdError>(())
    /// ```
    pub fn check_sas_form(&self) -> Result<(), IdError> {
        if self.is_kit_form() {
            Ok(())
        } else {
            Err(IdError::NotSasForm { kind: Self::KIND, pattern: SAS_RPPS_RANG_PATTERN })
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

super::registry_impls!(RppsRang, RppsRang::KIND);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::test_util::round_trip;
    use proptest::prelude::*;

    #[test]
    fn kit_and_annuaire_forms() {
        let kit: RppsRang = "12345678912345".parse().unwrap();
        assert!(kit.is_kit_form());
        assert!(kit.check_sas_form().is_ok());
        let annuaire: RppsRang = "F58000880311022013".parse().unwrap();
        assert!(!annuaire.is_kit_form());
        assert!(annuaire.check_key().is_ok());
        // 13 or 15 digits: well-formed, but not the kit form.
        assert!(!RppsRang::parse_form("1234567891234").unwrap().is_kit_form());
        assert!(!RppsRang::parse_form("123456789123456").unwrap().is_kit_form());
        assert_eq!(format!("{annuaire:?}"), "RppsRang(\"F58000880311022013\")");
    }

    #[test]
    fn form_errors() {
        assert_eq!(RppsRang::parse_form(""), Err(IdError::Empty));
        assert_eq!(
            RppsRang::parse_form(&"9".repeat(33)),
            Err(IdError::Length { kind: "RPPS-rang", expected: "14 (kit) | 1-32", found: 33 })
        );
        assert_eq!(
            RppsRang::parse_form("1234 678912345"),
            Err(IdError::Char { kind: "RPPS-rang", position: 5, found: ' ', expected: "[0-9A-Z]" })
        );
    }

    proptest! {
        #[test]
        fn round_trips(s in "[0-9]{14}|[0-9A-Z]{1,32}") {
            round_trip(&RppsRang::parse_form(&s).unwrap());
        }

        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = s.parse::<RppsRang>();
        }
    }
}
