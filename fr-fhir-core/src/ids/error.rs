//! What is wrong with an identifier.
//!
//! Errors never carry the identifier itself: RPPS numbers are personal data,
//! and the caller already holds the value (and its span) if it wants to show
//! it. The `expected` texts are written in a language-neutral notation (counts,
//! character classes, regexes) so that the same text serves both languages.

use crate::finding::Message;

/// Why a string is not a well-formed (or not a valid) national identifier.
///
/// ```
/// use fr_fhir_core::ids::{IdError, Rpps};
/// let err = "10100050075".parse::<Rpps>().unwrap_err();
/// assert_eq!(err, IdError::CheckDigit { kind: "RPPS", found: 5, expected: 8 });
/// assert!(err.is_check_digit());
/// assert_eq!(err.to_string(), "RPPS: check digit (Luhn) is 5, expected 8");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum IdError {
    /// The value is the empty string.
    #[error("empty identifier")]
    Empty,
    /// Wrong number of characters.
    #[error("{kind}: {found} characters, expected {expected}")]
    Length {
        /// What was parsed (`RPPS`, `IDNST SIRET`...).
        kind: &'static str,
        /// The allowed length(s), e.g. `11` or `12 (8 + 11)`.
        expected: &'static str,
        /// The number of characters found.
        found: usize,
    },
    /// A character outside the allowed set.
    #[error("{kind}: character `{}` at position {position}, expected {expected}", found.escape_debug())]
    Char {
        /// What was parsed.
        kind: &'static str,
        /// 1-based position in characters, counted from the start of the
        /// parsed value (the national prefix is position 1 for IDNPS/IDNST).
        position: usize,
        /// The offending character.
        found: char,
        /// The allowed characters, e.g. `[0-9]`.
        expected: &'static str,
    },
    /// The first character of an IDNPS/IDNST is not a known prefix.
    #[error("{kind}: unknown prefix `{}`, expected {expected}", found.escape_debug())]
    UnknownPrefix {
        /// `IDNPS` or `IDNST`.
        kind: &'static str,
        /// The first character of the value.
        found: char,
        /// The known prefixes, e.g. `0, 1, 3, 4, 5, 6, 8`.
        expected: &'static str,
    },
    /// The Luhn key is wrong.
    #[error("{kind}: check digit (Luhn) is {found}, expected {expected}")]
    CheckDigit {
        /// What was checked.
        kind: &'static str,
        /// The last digit of the value.
        found: u8,
        /// The key that would make the value valid.
        expected: u8,
    },
    /// A SIRET of La Poste (SIREN 356000000) fails both Luhn and the La Poste
    /// rule (sum of the digits a multiple of 5).
    #[error(
        "{kind}: La Poste SIRET (SIREN 356000000) with digit sum {sum}, expected a multiple of 5 (or a valid Luhn key)"
    )]
    LaPosteSum {
        /// What was checked.
        kind: &'static str,
        /// The plain sum of the 14 digits.
        sum: u32,
    },
    /// An internal IDNPS form (prefixes 1, 3, 4, 5, 6) without a registry
    /// number, a `/`, or an internal id after it.
    #[error("{kind}: expected the form <prefix><registry number>/<internal id>")]
    InternalForm {
        /// What was parsed.
        kind: &'static str,
    },
    /// The registry accepts the form but the SAS pattern rejects it: Corsican
    /// FINESS (`2A`/`2B`, AMB-20), RPPS-rang not in the kit form (AMB-21).
    #[error("{kind}: form accepted by the registry but rejected by the SAS pattern `{pattern}`")]
    NotSasForm {
        /// What was checked.
        kind: &'static str,
        /// The SAS pattern, e.g. `^1[0-9]{9}$`.
        pattern: &'static str,
    },
}

impl IdError {
    /// True for the key errors ([`IdError::CheckDigit`], [`IdError::LaPosteSum`]),
    /// which SAS reports as warnings by default (SPEC §3.2).
    ///
    /// ```
    /// use fr_fhir_core::ids::IdError;
    /// assert!(!IdError::Empty.is_check_digit());
    /// ```
    pub fn is_check_digit(&self) -> bool {
        matches!(self, IdError::CheckDigit { .. } | IdError::LaPosteSum { .. })
    }

    /// The bilingual user message, naming the actual and the expected value.
    ///
    /// ```
    /// use fr_fhir_core::ids::Idnps;
    /// let err = "81000290937".parse::<Idnps>().unwrap_err();
    /// let m = err.message();
    /// assert_eq!(m.fr, "IDNPS RPPS : 11 caractères, attendu 12 (8 + 11)");
    /// assert_eq!(m.en, "IDNPS RPPS: 11 characters, expected 12 (8 + 11)");
    /// ```
    pub fn message(&self) -> Message {
        let fr = match *self {
            IdError::Empty => "identifiant vide".to_owned(),
            IdError::Length { kind, expected, found } => {
                format!("{kind} : {found} caractères, attendu {expected}")
            }
            IdError::Char { kind, position, found, expected } => format!(
                "{kind} : caractère `{}` en position {position}, attendu {expected}",
                found.escape_debug()
            ),
            IdError::UnknownPrefix { kind, found, expected } => {
                format!("{kind} : préfixe `{}` inconnu, attendu {expected}", found.escape_debug())
            }
            IdError::CheckDigit { kind, found, expected } => {
                format!("{kind} : clé de contrôle (Luhn) {found}, attendu {expected}")
            }
            IdError::LaPosteSum { kind, sum } => format!(
                "{kind} : SIRET de La Poste (SIREN 356000000) de somme des chiffres {sum}, \
                 attendu un multiple de 5 (ou une clé Luhn valide)"
            ),
            IdError::InternalForm { kind } => format!(
                "{kind} : forme attendue <préfixe><numéro du registre>/<identifiant interne>"
            ),
            IdError::NotSasForm { kind, pattern } => format!(
                "{kind} : forme admise par le registre mais refusée par le motif SAS `{pattern}`"
            ),
        };
        Message::new(fr, self.to_string())
    }

    /// The same error seen through a national identifier: the prefix adds one
    /// character, so positions and lengths shift by one.
    pub(crate) fn in_national(self, kind: &'static str, length: &'static str) -> IdError {
        match self {
            IdError::Empty => IdError::Length { kind, expected: length, found: 1 },
            IdError::Length { found, .. } => {
                IdError::Length { kind, expected: length, found: found.saturating_add(1) }
            }
            IdError::Char { position, found, expected, .. } => {
                IdError::Char { kind, position: position.saturating_add(1), found, expected }
            }
            IdError::UnknownPrefix { found, expected, .. } => {
                IdError::UnknownPrefix { kind, found, expected }
            }
            IdError::CheckDigit { found, expected, .. } => {
                IdError::CheckDigit { kind, found, expected }
            }
            IdError::LaPosteSum { sum, .. } => IdError::LaPosteSum { kind, sum },
            IdError::InternalForm { .. } => IdError::InternalForm { kind },
            IdError::NotSasForm { pattern, .. } => IdError::NotSasForm { kind, pattern },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_actual_and_expected() {
        let e = IdError::Char { kind: "RPPS", position: 3, found: 'x', expected: "[0-9]" };
        assert_eq!(e.to_string(), "RPPS: character `x` at position 3, expected [0-9]");
        assert_eq!(e.message().fr, "RPPS : caractère `x` en position 3, attendu [0-9]");
        let e = IdError::CheckDigit { kind: "FINESS", found: 1, expected: 4 };
        assert_eq!(e.message().fr, "FINESS : clé de contrôle (Luhn) 1, attendu 4");
        let e = IdError::UnknownPrefix { kind: "IDNST", found: '9', expected: "0, 1, 2, 3, 4" };
        assert_eq!(e.to_string(), "IDNST: unknown prefix `9`, expected 0, 1, 2, 3, 4");
        assert_eq!(e.message().fr, "IDNST : préfixe `9` inconnu, attendu 0, 1, 2, 3, 4");
        let e = IdError::LaPosteSum { kind: "SIRET", sum: 16 };
        assert!(e.message().fr.contains("somme des chiffres 16"));
        assert!(e.to_string().contains("digit sum 16"));
        assert_eq!(IdError::Empty.message().en, "empty identifier");
    }

    #[test]
    fn control_characters_are_escaped() {
        let e = IdError::Char { kind: "RPPS", position: 1, found: '\n', expected: "[0-9]" };
        assert_eq!(e.to_string(), "RPPS: character `\\n` at position 1, expected [0-9]");
    }

    #[test]
    fn check_digit_classification() {
        assert!(IdError::CheckDigit { kind: "RPPS", found: 1, expected: 2 }.is_check_digit());
        assert!(IdError::LaPosteSum { kind: "SIRET", sum: 1 }.is_check_digit());
        assert!(!IdError::NotSasForm { kind: "FINESS", pattern: "x" }.is_check_digit());
        assert!(!IdError::Length { kind: "RPPS", expected: "11", found: 1 }.is_check_digit());
    }

    #[test]
    fn national_view_shifts_by_one() {
        let e = IdError::Char { kind: "RPPS", position: 3, found: 'x', expected: "[0-9]" };
        assert_eq!(
            e.in_national("IDNPS RPPS", "12"),
            IdError::Char { kind: "IDNPS RPPS", position: 4, found: 'x', expected: "[0-9]" }
        );
        let e = IdError::Length { kind: "RPPS", expected: "11", found: 10 };
        assert_eq!(
            e.in_national("IDNPS RPPS", "12 (8 + 11)"),
            IdError::Length { kind: "IDNPS RPPS", expected: "12 (8 + 11)", found: 11 }
        );
        assert_eq!(
            IdError::Empty.in_national("IDNPS RPPS", "12"),
            IdError::Length { kind: "IDNPS RPPS", expected: "12", found: 1 }
        );
    }
}
