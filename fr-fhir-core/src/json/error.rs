//! Syntax errors of the JSON reader: the input cannot be read past them.

use crate::finding::Message;

/// Why the JSON text could not be read.
///
/// ```
/// use fr_fhir_core::json::{JsonErrorKind, Reader};
/// let mut r = Reader::new("[1, 2] 3");
/// r.skip_value().unwrap();
/// assert_eq!(r.finish().unwrap_err().kind, JsonErrorKind::Trailing);
/// let err = Reader::new(r#""a\qb""#).string().unwrap_err();
/// assert_eq!(err.kind, JsonErrorKind::InvalidEscape);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonErrorKind {
    /// The text ended inside a value.
    #[error("unexpected end of input")]
    Eof,
    /// A character that cannot start or continue the expected token.
    #[error("unexpected {found:?}, expected {expected}")]
    Unexpected {
        /// The character found.
        found: char,
        /// What the grammar allows here.
        expected: &'static str,
    },
    /// An invalid `\` escape in a string.
    #[error("invalid escape sequence in string")]
    InvalidEscape,
    /// A `\u` escape that is not a valid Unicode scalar (lone surrogate...).
    #[error("invalid \\u escape (lone surrogate or bad hex digits)")]
    InvalidUnicode,
    /// A raw control character (below U+0020) inside a string.
    #[error("raw control character U+{0:04X} in string (must be escaped)")]
    ControlChar(u32),
    /// A number that does not follow the JSON grammar.
    #[error("invalid number")]
    InvalidNumber,
    /// Nesting beyond the reader's limit (protects the stack).
    #[error("nesting deeper than {0} levels")]
    TooDeep(u32),
    /// Something after the top-level value.
    #[error("trailing characters after the JSON value")]
    Trailing,
    /// The input is larger than the 4 GiB the reader can address.
    #[error("input larger than 4 GiB")]
    TooLarge,
    /// A UTF-8 byte order mark (U+FEFF) before the JSON text.
    #[error(
        "UTF-8 byte order mark (BOM, U+FEFF) before the JSON text: FHIR JSON must not start with one"
    )]
    Bom,
}

/// The French for the `expected` part of [`JsonErrorKind::Unexpected`].
fn expected_fr(expected: &str) -> &str {
    match expected {
        "a JSON value" => "une valeur JSON",
        "a string key" => "une clé (chaîne)",
        "a string" => "une chaîne",
        "true or false" => "true ou false",
        "',' or ']'" => "',' ou ']'",
        "',' or '}'" => "',' ou '}'",
        other => other,
    }
}

/// A JSON syntax error at a byte offset.
///
/// ```
/// use fr_fhir_core::json::Reader;
/// let err = Reader::new("{\"a\": tru}").skip_value().unwrap_err();
/// assert_eq!(err.offset, 6);
/// assert!(err.to_string().contains("offset 6"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} at byte offset {offset}")]
pub struct JsonError {
    /// What went wrong.
    pub kind: JsonErrorKind,
    /// Byte offset in the input where it was detected.
    pub offset: usize,
}

impl JsonError {
    /// Bilingual description (without the location, which the renderer adds).
    pub fn message(&self) -> Message {
        let fr = match &self.kind {
            JsonErrorKind::Eof => "fin inattendue du texte JSON (fichier tronqué ?)".to_string(),
            JsonErrorKind::Unexpected { found, expected } => {
                format!("caractère {found:?} inattendu, attendu : {}", expected_fr(expected))
            }
            JsonErrorKind::InvalidEscape => {
                "séquence d'échappement invalide dans une chaîne".into()
            }
            JsonErrorKind::InvalidUnicode => {
                "échappement \\u invalide (surrogate isolé ou chiffres hexadécimaux incorrects)"
                    .into()
            }
            JsonErrorKind::ControlChar(c) => {
                format!("caractère de contrôle U+{c:04X} non échappé dans une chaîne")
            }
            JsonErrorKind::InvalidNumber => "nombre JSON invalide".into(),
            JsonErrorKind::TooDeep(n) => format!("imbrication JSON au-delà de {n} niveaux"),
            JsonErrorKind::Trailing => "caractères après la fin de la valeur JSON".into(),
            JsonErrorKind::TooLarge => "fichier de plus de 4 Gio".into(),
            JsonErrorKind::Bom => {
                "marque d'ordre des octets UTF-8 (BOM, U+FEFF) avant le texte JSON : \
                le JSON FHIR ne doit pas commencer par elle"
                    .into()
            }
        };
        Message::new(fr, self.kind.to_string())
    }
}
