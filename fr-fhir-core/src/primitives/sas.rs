//! The SAS instant format of requirement agg-psindiv #45 (rule RO1-SLOT-004):
//! `YYYY-MM-DDThh:mm:ss.sss±hh:mm`, stricter than a FHIR instant.

use crate::finding::{Lang, Message};

use super::datetime::{Scanned, scan_instant};
use super::error::{PrimitiveError, quote};

/// Why a value is not in the SAS instant format.
///
/// ```
/// use fr_fhir_core::primitives::{check_sas_instant, SasInstantError};
/// let err = check_sas_instant("2024-06-12T16:40:00Z").unwrap_err();
/// assert_eq!(err, SasInstantError::Deviates { fraction_digits: 0, zulu: true });
/// assert_eq!(
///     err.to_string(),
///     "not in the SAS format YYYY-MM-DDThh:mm:ss.sss±hh:mm: no fraction of seconds; `Z` instead of a numeric offset"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum SasInstantError {
    /// Not even a FHIR instant (rule RO1-SLOT-003 reports it; a caller
    /// reporting both rules may skip this one).
    #[error(transparent)]
    NotInstant(#[from] PrimitiveError),
    /// A valid FHIR instant written differently from the SAS format. At
    /// least one of the two fields deviates.
    #[error("not in the SAS format YYYY-MM-DDThh:mm:ss.sss±hh:mm: {}", Deviation(*fraction_digits, *zulu, Lang::En))]
    Deviates {
        /// Fraction digits as written (SAS: exactly 3; 0 = no fraction).
        fraction_digits: usize,
        /// The zone is `Z` instead of a numeric offset.
        zulu: bool,
    },
}

struct Deviation(usize, bool, Lang);

impl std::fmt::Display for Deviation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Deviation(digits, zulu, lang) = *self;
        let mut sep = "";
        if digits != 3 {
            match (digits, lang) {
                (0, Lang::En) => f.write_str("no fraction of seconds")?,
                (0, Lang::Fr) => f.write_str("pas de fraction de seconde")?,
                (1, Lang::En) => f.write_str("1 fraction digit instead of 3")?,
                (1, Lang::Fr) => f.write_str("1 chiffre après la virgule au lieu de 3")?,
                (n, Lang::En) => write!(f, "{n} fraction digits instead of 3")?,
                (n, Lang::Fr) => write!(f, "{n} chiffres après la virgule au lieu de 3")?,
            }
            sep = "; ";
        }
        if zulu {
            f.write_str(sep)?;
            f.write_str(match lang {
                Lang::En => "`Z` instead of a numeric offset",
                Lang::Fr => "`Z` au lieu d'un décalage numérique",
            })?;
        }
        Ok(())
    }
}

/// Checks the SAS instant format (agg-psindiv #45, SPEC §4, AMB-04): exactly
/// three fraction digits and a numeric offset, never `Z`. Any `±hh:mm`
/// offset is accepted (overseas departments use others than +01:00/+02:00).
///
/// ```
/// use fr_fhir_core::primitives::check_sas_instant;
/// assert!(check_sas_instant("2021-11-05T09:00:00.000+00:00").is_ok());
/// assert!(check_sas_instant("2024-06-12T16:40:00.000-04:00").is_ok());
/// assert!(check_sas_instant("2024-06-12T16:40:00+02:00").is_err());
/// ```
pub fn check_sas_instant(text: &str) -> Result<(), SasInstantError> {
    sas_form(&scan_instant(text)?)
}

/// The SAS form of a scanned instant ([`check_sas_instant`] without the
/// scan, for a caller that keeps the scanned fields).
pub(crate) fn sas_form(s: &Scanned) -> Result<(), SasInstantError> {
    if s.frac_digits == 3 && !s.zulu {
        Ok(())
    } else {
        Err(SasInstantError::Deviates { fraction_digits: s.frac_digits, zulu: s.zulu })
    }
}

impl SasInstantError {
    /// Bilingual message naming the deviation and the expected format.
    ///
    /// ```
    /// use fr_fhir_core::primitives::check_sas_instant;
    /// let m = check_sas_instant("2024-06-12T16:40:00.0+02:00").unwrap_err().message();
    /// assert_eq!(m.fr, "format SAS AAAA-MM-JJThh:mm:ss.sss±hh:mm exigé (agg-psindiv #45) : 1 chiffre après la virgule au lieu de 3 ; attendu par ex. 2024-06-12T16:40:00.000+02:00");
    /// ```
    pub fn message(&self) -> Message {
        match *self {
            SasInstantError::NotInstant(e) => e.message(),
            SasInstantError::Deviates { fraction_digits, zulu } => {
                let fr =
                    Deviation(fraction_digits, zulu, Lang::Fr).to_string().replace("; ", " ; ");
                Message::new(
                    format!(
                        "format SAS AAAA-MM-JJThh:mm:ss.sss±hh:mm exigé (agg-psindiv #45) : {fr} ; attendu par ex. 2024-06-12T16:40:00.000+02:00"
                    ),
                    format!(
                        "SAS format YYYY-MM-DDThh:mm:ss.sss±hh:mm required (agg-psindiv #45): {}; expected e.g. 2024-06-12T16:40:00.000+02:00",
                        Deviation(fraction_digits, zulu, Lang::En)
                    ),
                )
            }
        }
    }

    /// Same as [`message`](Self::message), quoting the value.
    ///
    /// ```
    /// use fr_fhir_core::primitives::check_sas_instant;
    /// let text = "2024-06-12T14:40:00.000Z";
    /// let m = check_sas_instant(text).unwrap_err().message_with_value(text);
    /// assert!(m.en.starts_with("`2024-06-12T14:40:00.000Z`: SAS format"));
    /// ```
    pub fn message_with_value(&self, text: &str) -> Message {
        match self {
            SasInstantError::NotInstant(e) => e.message_with_value(text),
            SasInstantError::Deviates { .. } => {
                let m = self.message();
                let q = quote(text);
                Message::new(format!("{q} : {}", m.fr), format!("{q}: {}", m.en))
            }
        }
    }
}
