//! The FHIR R4 primitive types and the JSON value each one is written as.

use std::fmt;

/// The JSON value type a primitive must be written as (FHIR R4 JSON format).
///
/// ```
/// use fr_fhir_core::primitives::{JsonKind, PrimitiveKind};
/// assert_eq!(PrimitiveKind::Decimal.json_kind(), JsonKind::Number);
/// assert_eq!(JsonKind::Number.as_str(), "number");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonKind {
    /// A JSON string.
    String,
    /// A JSON number (its raw text is what [`check`](super::check) reads).
    Number,
    /// `true` or `false`.
    Boolean,
}

impl JsonKind {
    /// The JSON name of the value type.
    pub fn as_str(self) -> &'static str {
        match self {
            JsonKind::String => "string",
            JsonKind::Number => "number",
            JsonKind::Boolean => "boolean",
        }
    }
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A FHIR R4 primitive data type.
///
/// ```
/// use fr_fhir_core::primitives::PrimitiveKind;
/// assert_eq!(PrimitiveKind::DateTime.name(), "dateTime");
/// assert_eq!(PrimitiveKind::from_name("positiveInt"), Some(PrimitiveKind::PositiveInt));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrimitiveKind {
    /// `boolean`: `true` or `false`.
    Boolean,
    /// `integer`: 32-bit signed.
    Integer,
    /// `positiveInt`: 1 to 2^31-1.
    PositiveInt,
    /// `unsignedInt`: 0 to 2^31-1.
    UnsignedInt,
    /// `decimal`: kept as text, never rounded through a float.
    Decimal,
    /// `string`: at most 1 MiB of characters.
    String,
    /// `markdown`.
    Markdown,
    /// `code`: tokens separated by single whitespace.
    Code,
    /// `id`: 1 to 64 characters of `[A-Za-z0-9.-]`.
    Id,
    /// `uri`.
    Uri,
    /// `url`.
    Url,
    /// `canonical`.
    Canonical,
    /// `oid`: `urn:oid:` and dotted numbers.
    Oid,
    /// `uuid`: `urn:uuid:` and a lowercase UUID.
    Uuid,
    /// `base64Binary`.
    Base64Binary,
    /// `instant`: full date and time with seconds and a zone.
    Instant,
    /// `dateTime`: year, year-month, date, or date and time with a zone.
    DateTime,
    /// `date`: year, year-month or date.
    Date,
    /// `time`: `hh:mm:ss` with an optional fraction, no zone.
    Time,
}

impl PrimitiveKind {
    /// Every primitive type, in declaration order.
    pub const ALL: [PrimitiveKind; 19] = [
        PrimitiveKind::Boolean,
        PrimitiveKind::Integer,
        PrimitiveKind::PositiveInt,
        PrimitiveKind::UnsignedInt,
        PrimitiveKind::Decimal,
        PrimitiveKind::String,
        PrimitiveKind::Markdown,
        PrimitiveKind::Code,
        PrimitiveKind::Id,
        PrimitiveKind::Uri,
        PrimitiveKind::Url,
        PrimitiveKind::Canonical,
        PrimitiveKind::Oid,
        PrimitiveKind::Uuid,
        PrimitiveKind::Base64Binary,
        PrimitiveKind::Instant,
        PrimitiveKind::DateTime,
        PrimitiveKind::Date,
        PrimitiveKind::Time,
    ];

    /// The FHIR name of the type (`dateTime`, `positiveInt`...).
    pub fn name(self) -> &'static str {
        match self {
            PrimitiveKind::Boolean => "boolean",
            PrimitiveKind::Integer => "integer",
            PrimitiveKind::PositiveInt => "positiveInt",
            PrimitiveKind::UnsignedInt => "unsignedInt",
            PrimitiveKind::Decimal => "decimal",
            PrimitiveKind::String => "string",
            PrimitiveKind::Markdown => "markdown",
            PrimitiveKind::Code => "code",
            PrimitiveKind::Id => "id",
            PrimitiveKind::Uri => "uri",
            PrimitiveKind::Url => "url",
            PrimitiveKind::Canonical => "canonical",
            PrimitiveKind::Oid => "oid",
            PrimitiveKind::Uuid => "uuid",
            PrimitiveKind::Base64Binary => "base64Binary",
            PrimitiveKind::Instant => "instant",
            PrimitiveKind::DateTime => "dateTime",
            PrimitiveKind::Date => "date",
            PrimitiveKind::Time => "time",
        }
    }

    /// The type named `name` in FHIR (case-sensitive), if it is a primitive handled here.
    pub fn from_name(name: &str) -> Option<Self> {
        PrimitiveKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The JSON value type the primitive must be written as: numbers for
    /// `integer`, `positiveInt`, `unsignedInt` and `decimal`, a boolean for
    /// `boolean`, a string for everything else.
    pub fn json_kind(self) -> JsonKind {
        match self {
            PrimitiveKind::Integer
            | PrimitiveKind::PositiveInt
            | PrimitiveKind::UnsignedInt
            | PrimitiveKind::Decimal => JsonKind::Number,
            PrimitiveKind::Boolean => JsonKind::Boolean,
            _ => JsonKind::String,
        }
    }

    /// What a valid value looks like, in English (for messages).
    pub fn expected_en(self) -> &'static str {
        match self {
            PrimitiveKind::Boolean => "true or false",
            PrimitiveKind::Integer => {
                "an integer from -2147483648 to 2147483647, without leading zero, fraction or exponent"
            }
            PrimitiveKind::PositiveInt => "an integer from 1 to 2147483647",
            PrimitiveKind::UnsignedInt => "an integer from 0 to 2147483647",
            PrimitiveKind::Decimal => "a decimal number such as -12.50 or 1.5e3",
            PrimitiveKind::String => "non-empty text of at most 1048576 characters",
            PrimitiveKind::Markdown => "non-empty markdown text of at most 1048576 characters",
            PrimitiveKind::Code => {
                "non-empty words separated by single spaces, without leading or trailing whitespace"
            }
            PrimitiveKind::Id => "1 to 64 characters among A-Z a-z 0-9 - .",
            PrimitiveKind::Uri | PrimitiveKind::Url | PrimitiveKind::Canonical => {
                "a non-empty URI without whitespace"
            }
            PrimitiveKind::Oid => "urn:oid: followed by dotted numbers, e.g. urn:oid:1.2.250.1.71",
            PrimitiveKind::Uuid => {
                "urn:uuid: followed by a lowercase UUID (8-4-4-4-12 hexadecimal digits)"
            }
            PrimitiveKind::Base64Binary => {
                "base64 text (A-Z a-z 0-9 + / =, a multiple of 4 characters)"
            }
            PrimitiveKind::Instant => "YYYY-MM-DDThh:mm:ss[.fff] followed by Z or ±hh:mm",
            PrimitiveKind::DateTime => {
                "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.fff] followed by Z or ±hh:mm"
            }
            PrimitiveKind::Date => "YYYY, YYYY-MM or YYYY-MM-DD",
            PrimitiveKind::Time => "hh:mm:ss[.fff] without time zone",
        }
    }

    /// What a valid value looks like, in French (for messages).
    pub fn expected_fr(self) -> &'static str {
        match self {
            PrimitiveKind::Boolean => "true ou false",
            PrimitiveKind::Integer => {
                "un entier de -2147483648 à 2147483647, sans zéro initial, partie décimale ni exposant"
            }
            PrimitiveKind::PositiveInt => "un entier de 1 à 2147483647",
            PrimitiveKind::UnsignedInt => "un entier de 0 à 2147483647",
            PrimitiveKind::Decimal => "un nombre décimal comme -12.50 ou 1.5e3",
            PrimitiveKind::String => "un texte non vide d'au plus 1048576 caractères",
            PrimitiveKind::Markdown => "un texte markdown non vide d'au plus 1048576 caractères",
            PrimitiveKind::Code => {
                "des mots non vides séparés par un seul espace, sans espace au début ni à la fin"
            }
            PrimitiveKind::Id => "1 à 64 caractères parmi A-Z a-z 0-9 - .",
            PrimitiveKind::Uri | PrimitiveKind::Url | PrimitiveKind::Canonical => {
                "une URI non vide sans espace"
            }
            PrimitiveKind::Oid => {
                "urn:oid: suivi de nombres séparés par des points, par ex. urn:oid:1.2.250.1.71"
            }
            PrimitiveKind::Uuid => {
                "urn:uuid: suivi d'un UUID en minuscules (8-4-4-4-12 chiffres hexadécimaux)"
            }
            PrimitiveKind::Base64Binary => {
                "du texte base64 (A-Z a-z 0-9 + / =, un multiple de 4 caractères)"
            }
            PrimitiveKind::Instant => "AAAA-MM-JJThh:mm:ss[.fff] suivi de Z ou ±hh:mm",
            PrimitiveKind::DateTime => {
                "AAAA, AAAA-MM, AAAA-MM-JJ ou AAAA-MM-JJThh:mm:ss[.fff] suivi de Z ou ±hh:mm"
            }
            PrimitiveKind::Date => "AAAA, AAAA-MM ou AAAA-MM-JJ",
            PrimitiveKind::Time => "hh:mm:ss[.fff] sans fuseau horaire",
        }
    }
}

impl fmt::Display for PrimitiveKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
