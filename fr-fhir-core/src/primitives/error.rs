//! What is wrong with a primitive value, in both languages.
//!
//! [`Reason`] is `Copy` and holds no text of the value, so a failed check
//! costs no allocation until a message is rendered.

use std::fmt;

use crate::finding::{Lang, Message};

use super::kind::PrimitiveKind;

/// A numbered part of a date, time or offset (for "month must have 2 digits").
///
/// ```
/// use fr_fhir_core::primitives::{Field, PrimitiveKind, Reason, check};
/// let err = check(PrimitiveKind::Date, "2024-6-12").unwrap_err();
/// assert_eq!(err.reason, Reason::FieldDigits { field: Field::Month, at: 5, expected: 2 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `YYYY`.
    Year,
    /// `MM`.
    Month,
    /// `DD`.
    Day,
    /// `hh`.
    Hour,
    /// `mm`.
    Minute,
    /// `ss`.
    Second,
    /// `hh` of a `±hh:mm` offset.
    OffsetHour,
    /// `mm` of a `±hh:mm` offset.
    OffsetMinute,
}

impl Field {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Year, Lang::En) => "year",
            (Field::Year, Lang::Fr) => "l'année",
            (Field::Month, Lang::En) => "month",
            (Field::Month, Lang::Fr) => "le mois",
            (Field::Day, Lang::En) => "day",
            (Field::Day, Lang::Fr) => "le jour",
            (Field::Hour, Lang::En) => "hour",
            (Field::Hour, Lang::Fr) => "l'heure",
            (Field::Minute, Lang::En) => "minute",
            (Field::Minute, Lang::Fr) => "la minute",
            (Field::Second, Lang::En) => "second",
            (Field::Second, Lang::Fr) => "la seconde",
            (Field::OffsetHour, Lang::En) => "offset hour",
            (Field::OffsetHour, Lang::Fr) => "l'heure du décalage",
            (Field::OffsetMinute, Lang::En) => "offset minute",
            (Field::OffsetMinute, Lang::Fr) => "la minute du décalage",
        }
    }
}

/// Exactly what is wrong with a value. Positions (`at`) are byte offsets
/// inside the value text (add the value's own span start to locate them in a file).
///
/// ```
/// use fr_fhir_core::primitives::{check, PrimitiveKind, Reason};
/// let err = check(PrimitiveKind::Date, "2023-02-30").unwrap_err();
/// assert_eq!(err.reason, Reason::DayNotInMonth { day: 30, month: 2, year: 2023 });
/// assert_eq!(err.reason.to_string(), "day 30 does not exist in February 2023");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The value is empty (FHIR forbids empty primitives).
    Empty,
    /// The value starts with whitespace.
    LeadingWhitespace,
    /// The value ends with whitespace.
    TrailingWhitespace,
    /// Whitespace where none is allowed (uri, url, canonical).
    Whitespace {
        /// Byte position.
        at: usize,
    },
    /// Two whitespace characters in a row (code).
    RepeatedWhitespace {
        /// Byte position of the second one.
        at: usize,
    },
    /// A character outside the allowed set.
    InvalidChar {
        /// Byte position.
        at: usize,
        /// The character found.
        found: char,
        /// The allowed set, in English.
        allowed: &'static str,
    },
    /// Something else than the expected character (or the end of the value).
    Expected {
        /// Byte position.
        at: usize,
        /// What was expected (English; backquoted literals or "a digit").
        expected: &'static str,
        /// The character found, `None` at the end of the value.
        found: Option<char>,
    },
    /// Too many characters.
    TooLong {
        /// Actual length in characters.
        len: usize,
        /// Maximum length in characters.
        max: usize,
    },
    /// A date or time field without its fixed number of digits (`2024-5-1`).
    FieldDigits {
        /// The field.
        field: Field,
        /// Byte position of the field.
        at: usize,
        /// The number of digits it needs.
        expected: u8,
    },
    /// Year `0000` (excluded by the FHIR regular expressions).
    YearZero,
    /// Month outside 01..12.
    MonthOutOfRange {
        /// The month read.
        month: u32,
    },
    /// Day outside 01..31.
    DayOutOfRange {
        /// The day read.
        day: u32,
    },
    /// A day that does not exist in its month (`2023-02-29`).
    DayNotInMonth {
        /// The day read.
        day: u32,
        /// The month (1-12).
        month: u32,
        /// The year.
        year: i32,
    },
    /// Hour outside 00..23 (`24:00` included).
    HourOutOfRange {
        /// The hour read.
        hour: u32,
    },
    /// Minute outside 00..59.
    MinuteOutOfRange {
        /// The minute read.
        minute: u32,
    },
    /// Second outside 00..60 (60 is a leap second).
    SecondOutOfRange {
        /// The second read.
        second: u32,
    },
    /// An offset outside -14:00..+14:00 or with minutes above 59 (`+14:30`).
    OffsetOutOfRange {
        /// Byte position of the sign.
        at: usize,
        /// True for `-`.
        negative: bool,
        /// Hours read.
        hours: u32,
        /// Minutes read.
        minutes: u32,
    },
    /// A lowercase `t` or `z` where FHIR needs the uppercase letter.
    Lowercase {
        /// Byte position.
        at: usize,
        /// The uppercase letter expected (`T` or `Z`).
        expected: char,
    },
    /// A space between date and time instead of `T`.
    SpaceInsteadOfT {
        /// Byte position.
        at: usize,
    },
    /// A space before `hh:mm` where the offset sign belongs: usually a `+`
    /// decoded as a space from a URL.
    SpaceInsteadOfPlus {
        /// Byte position.
        at: usize,
    },
    /// An instant with a date but no time.
    MissingTime {
        /// Byte position where `Thh:mm:ss` should start.
        at: usize,
    },
    /// `hh:mm` without `:ss`.
    MissingSeconds {
        /// Byte position where `:ss` should be.
        at: usize,
    },
    /// A time without `Z` or `±hh:mm`.
    MissingTimeZone {
        /// Byte position where the zone should be.
        at: usize,
    },
    /// A time part in a `date`.
    TimeNotAllowed {
        /// Byte position of the time part.
        at: usize,
    },
    /// `.` not followed by a digit.
    EmptyFraction {
        /// Byte position after the `.`.
        at: usize,
    },
    /// Characters after a complete value.
    TrailingCharacters {
        /// Byte position of the first extra character.
        at: usize,
    },
    /// A number (or oid arc) starting with `0` followed by more digits.
    LeadingZero {
        /// Byte position of the `0`.
        at: usize,
    },
    /// A fraction or exponent in an integer type (`1.0`, `1e3`).
    NotAnInteger {
        /// Byte position of the `.`, `e` or `E`.
        at: usize,
    },
    /// `e` not followed by digits.
    EmptyExponent {
        /// Byte position after the `e` and its sign.
        at: usize,
    },
    /// An integer outside the range of its type.
    OutOfRange {
        /// The value read, when it fits in 64 bits.
        value: Option<i64>,
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// Anything but `true` or `false`.
    NotBoolean,
    /// The fixed prefix (`urn:oid:`, `urn:uuid:`) is missing.
    MissingPrefix {
        /// The prefix needed.
        expected: &'static str,
    },
    /// An uppercase hexadecimal digit in a uuid.
    UppercaseHex {
        /// Byte position.
        at: usize,
    },
    /// Base64 text whose significant length is not a multiple of 4.
    Base64Length {
        /// Number of base64 characters (whitespace excluded).
        len: usize,
    },
    /// A base64 character after the `=` padding, or more than two `=`.
    Base64Padding {
        /// Byte position.
        at: usize,
    },
    /// Lexically valid but outside what the date library represents.
    Unrepresentable,
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

fn month_name(month: u32, lang: Lang) -> &'static str {
    let names = match lang {
        Lang::En => &MONTHS_EN,
        Lang::Fr => &MONTHS_FR,
    };
    month.checked_sub(1).and_then(|i| names.get(i as usize)).copied().unwrap_or("?")
}

/// Translates the few English fragments stored in [`Reason`] (`expected`, `allowed`).
fn fragment_fr(en: &'static str) -> &'static str {
    match en {
        "a digit" => "un chiffre",
        "a digit or `.`" => "un chiffre ou `.`",
        "`0`, `1` or `2`" => "`0`, `1` ou `2`",
        "`Z`, `+` or `-`" => "`Z`, `+` ou `-`",
        "a hexadecimal digit" => "un chiffre hexadécimal",
        "A-Z a-z 0-9 - ." => "A-Z a-z 0-9 - .",
        "text without vertical tab or form feed" => {
            "du texte sans tabulation verticale ni saut de page"
        }
        "A-Z a-z 0-9 + / = or whitespace" => "A-Z a-z 0-9 + / = ou un espace",
        other => other,
    }
}

struct Found(Option<char>);

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(c) => write!(f, "`{}`", c.escape_debug()),
            None => f.write_str("the end"),
        }
    }
}

struct FoundFr(Option<char>);

impl fmt::Display for FoundFr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(c) => write!(f, "`{}`", c.escape_debug()),
            None => f.write_str("la fin"),
        }
    }
}

impl Reason {
    /// The byte position inside the value, when the reason has one.
    ///
    /// ```
    /// use fr_fhir_core::primitives::{check, PrimitiveKind};
    /// let err = check(PrimitiveKind::Instant, "2024-06-12T16:20Z").unwrap_err();
    /// assert_eq!(err.reason.position(), Some(16));
    /// ```
    pub fn position(&self) -> Option<usize> {
        match *self {
            Reason::Whitespace { at }
            | Reason::RepeatedWhitespace { at }
            | Reason::InvalidChar { at, .. }
            | Reason::Expected { at, .. }
            | Reason::FieldDigits { at, .. }
            | Reason::OffsetOutOfRange { at, .. }
            | Reason::Lowercase { at, .. }
            | Reason::SpaceInsteadOfT { at }
            | Reason::SpaceInsteadOfPlus { at }
            | Reason::MissingTime { at }
            | Reason::MissingSeconds { at }
            | Reason::MissingTimeZone { at }
            | Reason::TimeNotAllowed { at }
            | Reason::EmptyFraction { at }
            | Reason::TrailingCharacters { at }
            | Reason::LeadingZero { at }
            | Reason::NotAnInteger { at }
            | Reason::EmptyExponent { at }
            | Reason::UppercaseHex { at }
            | Reason::Base64Padding { at } => Some(at),
            _ => None,
        }
    }

    /// The reason in `lang`, without allocating.
    ///
    /// ```
    /// use fr_fhir_core::finding::Lang;
    /// use fr_fhir_core::primitives::Reason;
    /// let r = Reason::MonthOutOfRange { month: 13 };
    /// assert_eq!(r.in_lang(Lang::Fr).to_string(), "mois 13 hors de 01..12");
    /// ```
    pub fn in_lang(&self, lang: Lang) -> impl fmt::Display + '_ {
        Localized { reason: self, lang }
    }

    fn write_en(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Reason::Empty => f.write_str("empty value"),
            Reason::LeadingWhitespace => f.write_str("leading whitespace"),
            Reason::TrailingWhitespace => f.write_str("trailing whitespace"),
            Reason::Whitespace { at } => write!(f, "whitespace at byte {at}"),
            Reason::RepeatedWhitespace { at } => {
                write!(f, "more than one whitespace character in a row at byte {at}")
            }
            Reason::InvalidChar { at, found, allowed } => write!(
                f,
                "character `{}` at byte {at} is not allowed (allowed: {allowed})",
                found.escape_debug()
            ),
            Reason::Expected { at, expected, found } => {
                write!(f, "expected {expected} at byte {at}, found {}", Found(found))
            }
            Reason::TooLong { len, max } => write!(f, "too long ({len} > {max} characters)"),
            Reason::FieldDigits { field, at, expected } => {
                write!(f, "{} at byte {at} must have {expected} digits", field.name(Lang::En))
            }
            Reason::YearZero => f.write_str("year 0000 is not allowed"),
            Reason::MonthOutOfRange { month } => write!(f, "month {month} out of range 01..12"),
            Reason::DayOutOfRange { day } => write!(f, "day {day} out of range 01..31"),
            Reason::DayNotInMonth { day, month, year } => {
                write!(f, "day {day} does not exist in {} {year}", month_name(month, Lang::En))
            }
            Reason::HourOutOfRange { hour } => write!(f, "hour {hour} out of range 00..23"),
            Reason::MinuteOutOfRange { minute } => {
                write!(f, "minute {minute} out of range 00..59")
            }
            Reason::SecondOutOfRange { second } => {
                write!(f, "second {second} out of range 00..60")
            }
            Reason::OffsetOutOfRange { at, negative, hours, minutes } => write!(
                f,
                "offset {}{hours:02}:{minutes:02} at byte {at} out of range -14:00..+14:00",
                if negative { '-' } else { '+' }
            ),
            Reason::Lowercase { at, expected } => write!(
                f,
                "lowercase `{}` at byte {at} instead of `{expected}`",
                expected.to_ascii_lowercase()
            ),
            Reason::SpaceInsteadOfT { at } => {
                write!(f, "space at byte {at} instead of `T` between date and time")
            }
            Reason::SpaceInsteadOfPlus { at } => write!(
                f,
                "space at byte {at} instead of `+` before the offset (a `+` decoded as a space from a URL?)"
            ),
            Reason::MissingTime { at } => {
                write!(f, "missing time (`Thh:mm:ss` and zone) at byte {at}")
            }
            Reason::MissingSeconds { at } => write!(f, "missing seconds at byte {at}"),
            Reason::MissingTimeZone { at } => {
                write!(f, "missing time zone (`Z` or `±hh:mm`) at byte {at}")
            }
            Reason::TimeNotAllowed { at } => {
                write!(f, "a date cannot have a time (byte {at})")
            }
            Reason::EmptyFraction { at } => {
                write!(f, "missing digits after `.` at byte {at}")
            }
            Reason::TrailingCharacters { at } => {
                write!(f, "unexpected characters from byte {at}")
            }
            Reason::LeadingZero { at } => write!(f, "leading zero at byte {at}"),
            Reason::NotAnInteger { at } => {
                write!(f, "fraction or exponent at byte {at} in an integer")
            }
            Reason::EmptyExponent { at } => {
                write!(f, "missing exponent digits at byte {at}")
            }
            Reason::OutOfRange { value: Some(v), min, max } => {
                write!(f, "integer {v} out of range {min}..{max}")
            }
            Reason::OutOfRange { value: None, min, max } => {
                write!(f, "integer out of range {min}..{max}")
            }
            Reason::NotBoolean => f.write_str("not `true` or `false`"),
            Reason::MissingPrefix { expected } => write!(f, "does not start with `{expected}`"),
            Reason::UppercaseHex { at } => {
                write!(f, "uppercase hexadecimal digit at byte {at}")
            }
            Reason::Base64Length { len } => {
                write!(f, "{len} base64 characters, not a multiple of 4")
            }
            Reason::Base64Padding { at } => write!(f, "misplaced `=` padding at byte {at}"),
            Reason::Unrepresentable => f.write_str("date outside the supported range"),
        }
    }

    fn write_fr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Reason::Empty => f.write_str("valeur vide"),
            Reason::LeadingWhitespace => f.write_str("espace au début"),
            Reason::TrailingWhitespace => f.write_str("espace à la fin"),
            Reason::Whitespace { at } => write!(f, "espace à l'octet {at}"),
            Reason::RepeatedWhitespace { at } => {
                write!(f, "plusieurs espaces consécutifs à l'octet {at}")
            }
            Reason::InvalidChar { at, found, allowed } => write!(
                f,
                "caractère `{}` non autorisé à l'octet {at} (autorisés : {})",
                found.escape_debug(),
                fragment_fr(allowed)
            ),
            Reason::Expected { at, expected, found } => write!(
                f,
                "{} attendu à l'octet {at}, trouvé {}",
                fragment_fr(expected),
                FoundFr(found)
            ),
            Reason::TooLong { len, max } => write!(f, "trop long ({len} > {max} caractères)"),
            Reason::FieldDigits { field, at, expected } => {
                write!(f, "{} à l'octet {at} doit avoir {expected} chiffres", field.name(Lang::Fr))
            }
            Reason::YearZero => f.write_str("l'année 0000 n'est pas autorisée"),
            Reason::MonthOutOfRange { month } => write!(f, "mois {month} hors de 01..12"),
            Reason::DayOutOfRange { day } => write!(f, "jour {day} hors de 01..31"),
            Reason::DayNotInMonth { day, month, year } => {
                write!(f, "le jour {day} n'existe pas en {} {year}", month_name(month, Lang::Fr))
            }
            Reason::HourOutOfRange { hour } => write!(f, "heure {hour} hors de 00..23"),
            Reason::MinuteOutOfRange { minute } => write!(f, "minute {minute} hors de 00..59"),
            Reason::SecondOutOfRange { second } => write!(f, "seconde {second} hors de 00..60"),
            Reason::OffsetOutOfRange { at, negative, hours, minutes } => write!(
                f,
                "décalage {}{hours:02}:{minutes:02} à l'octet {at} hors de -14:00..+14:00",
                if negative { '-' } else { '+' }
            ),
            Reason::Lowercase { at, expected } => write!(
                f,
                "`{}` minuscule à l'octet {at} au lieu de `{expected}`",
                expected.to_ascii_lowercase()
            ),
            Reason::SpaceInsteadOfT { at } => {
                write!(f, "espace à l'octet {at} au lieu de `T` entre la date et l'heure")
            }
            Reason::SpaceInsteadOfPlus { at } => write!(
                f,
                "espace à l'octet {at} au lieu de `+` avant le décalage (un `+` décodé en espace depuis une URL ?)"
            ),
            Reason::MissingTime { at } => {
                write!(f, "heure manquante (`Thh:mm:ss` et fuseau) à l'octet {at}")
            }
            Reason::MissingSeconds { at } => write!(f, "secondes manquantes à l'octet {at}"),
            Reason::MissingTimeZone { at } => {
                write!(f, "fuseau horaire manquant (`Z` ou `±hh:mm`) à l'octet {at}")
            }
            Reason::TimeNotAllowed { at } => {
                write!(f, "une date ne peut pas contenir d'heure (octet {at})")
            }
            Reason::EmptyFraction { at } => {
                write!(f, "chiffres manquants après `.` à l'octet {at}")
            }
            Reason::TrailingCharacters { at } => {
                write!(f, "caractères inattendus à partir de l'octet {at}")
            }
            Reason::LeadingZero { at } => write!(f, "zéro initial à l'octet {at}"),
            Reason::NotAnInteger { at } => {
                write!(f, "partie décimale ou exposant à l'octet {at} dans un entier")
            }
            Reason::EmptyExponent { at } => {
                write!(f, "chiffres de l'exposant manquants à l'octet {at}")
            }
            Reason::OutOfRange { value: Some(v), min, max } => {
                write!(f, "entier {v} hors de {min}..{max}")
            }
            Reason::OutOfRange { value: None, min, max } => {
                write!(f, "entier hors de {min}..{max}")
            }
            Reason::NotBoolean => f.write_str("ni `true` ni `false`"),
            Reason::MissingPrefix { expected } => write!(f, "ne commence pas par `{expected}`"),
            Reason::UppercaseHex { at } => {
                write!(f, "chiffre hexadécimal en majuscule à l'octet {at}")
            }
            Reason::Base64Length { len } => {
                write!(f, "{len} caractères base64, pas un multiple de 4")
            }
            Reason::Base64Padding { at } => {
                write!(f, "remplissage `=` mal placé à l'octet {at}")
            }
            Reason::Unrepresentable => f.write_str("date hors de l'intervalle pris en charge"),
        }
    }
}

struct Localized<'a> {
    reason: &'a Reason,
    lang: Lang,
}

impl fmt::Display for Localized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lang {
            Lang::En => self.reason.write_en(f),
            Lang::Fr => self.reason.write_fr(f),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_en(f)
    }
}

/// A value that breaks the lexical rule of its FHIR primitive type.
///
/// ```
/// use fr_fhir_core::primitives::{check, PrimitiveKind};
/// let err = check(PrimitiveKind::Id, &"a".repeat(70)).unwrap_err();
/// assert_eq!(err.to_string(), "invalid FHIR id: too long (70 > 64 characters)");
/// assert!(err.message().fr.contains("trop long (70 > 64 caractères)"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("invalid FHIR {kind}: {reason}")]
pub struct PrimitiveError {
    /// The type whose rule is broken.
    pub kind: PrimitiveKind,
    /// What is wrong, and where.
    pub reason: Reason,
}

/// Longest excerpt of a value quoted in a message.
const QUOTE_MAX_CHARS: usize = 64;

/// The value as quoted in messages: at most [`QUOTE_MAX_CHARS`] characters.
pub(crate) fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_MAX_CHARS) {
        Some((cut, _)) => format!("`{}…`", text.get(..cut).unwrap_or(text).escape_debug()),
        None => format!("`{}`", text.escape_debug()),
    }
}

impl PrimitiveError {
    /// Bilingual message naming what was found and what the type expects.
    ///
    /// ```
    /// use fr_fhir_core::primitives::{check, PrimitiveKind};
    /// let m = check(PrimitiveKind::Date, "2024-13-01").unwrap_err().message();
    /// assert_eq!(m.en, "invalid FHIR date: month 13 out of range 01..12; expected YYYY, YYYY-MM or YYYY-MM-DD");
    /// assert_eq!(m.fr, "valeur FHIR date invalide : mois 13 hors de 01..12 ; attendu : AAAA, AAAA-MM ou AAAA-MM-JJ");
    /// ```
    pub fn message(&self) -> Message {
        Message::new(
            format!(
                "valeur FHIR {} invalide : {} ; attendu : {}",
                self.kind,
                self.reason.in_lang(Lang::Fr),
                self.kind.expected_fr()
            ),
            format!(
                "invalid FHIR {}: {}; expected {}",
                self.kind,
                self.reason,
                self.kind.expected_en()
            ),
        )
    }

    /// Same as [`message`](Self::message), quoting the value (cut after 64
    /// characters). Use it only where the value may be shown: free text can
    /// hold personal data.
    ///
    /// ```
    /// use fr_fhir_core::primitives::{check, PrimitiveKind};
    /// let err = check(PrimitiveKind::Integer, "01").unwrap_err();
    /// assert!(err.message_with_value("01").en.starts_with("`01` is not a valid FHIR integer: leading zero"));
    /// ```
    pub fn message_with_value(&self, text: &str) -> Message {
        let q = quote(text);
        Message::new(
            format!(
                "{q} n'est pas une valeur FHIR {} valide : {} ; attendu : {}",
                self.kind,
                self.reason.in_lang(Lang::Fr),
                self.kind.expected_fr()
            ),
            format!(
                "{q} is not a valid FHIR {}: {}; expected {}",
                self.kind,
                self.reason,
                self.kind.expected_en()
            ),
        )
    }
}
