//! FHIR R4 primitive types: lexical checks, instants, search date bounds and
//! Europe/Paris time (SPEC §4, rules RO1-FHIR-003, RO1-SLOT-003/004,
//! RO1-WIN-001..003).
//!
//! [`check`] is the hot path: hand-written byte scans, no regular expression
//! and no allocation on success, since every date, code, id and uri of a
//! bundle goes through it. Errors carry a [`Reason`] saying what is wrong and
//! at which byte of the value.
//!
//! ```
//! use fr_fhir_core::primitives::{check, PrimitiveKind, Reason};
//! assert!(check(PrimitiveKind::Instant, "2024-06-12T16:40:00.000+02:00").is_ok());
//! let err = check(PrimitiveKind::Instant, "2024-06-12T16:40:00").unwrap_err();
//! assert_eq!(err.reason, Reason::MissingTimeZone { at: 19 });
//! ```

mod datetime;
mod error;
mod kind;
mod number;
pub mod paris;
mod sas;
mod search;
mod text;

#[cfg(test)]
mod tests;

pub use datetime::{Precision, parse_instant};
pub(crate) use datetime::{Scanned, UtcStamp, scan_instant};
pub use error::{Field, PrimitiveError, Reason};
pub use kind::{JsonKind, PrimitiveKind};
pub(crate) use sas::sas_form;
pub use sas::{SasInstantError, check_sas_instant};
pub use search::{DateBound, parse_search_date, parse_search_date_lenient};

use datetime::{Form, sas_shape_valid, scan};

/// Checks `text` against the lexical rule of `kind` (FHIR R4 datatypes),
/// calendar validity included for date, dateTime and instant.
///
/// `text` is the decoded value for string-typed primitives and the raw JSON
/// token for numbers and booleans (`1.50`, `true`). Whether the JSON value
/// has the right type ([`PrimitiveKind::json_kind`]) is the caller's check.
///
/// ```
/// use fr_fhir_core::primitives::{check, PrimitiveKind, Reason};
/// assert!(check(PrimitiveKind::Date, "2024-02-29").is_ok());
/// assert_eq!(
///     check(PrimitiveKind::Date, "2023-02-29").unwrap_err().reason,
///     Reason::DayNotInMonth { day: 29, month: 2, year: 2023 }
/// );
/// assert_eq!(check(PrimitiveKind::Integer, "01").unwrap_err().reason, Reason::LeadingZero { at: 0 });
/// assert!(check(PrimitiveKind::Decimal, "1e999999").is_ok());
/// ```
pub fn check(kind: PrimitiveKind, text: &str) -> Result<(), PrimitiveError> {
    check_reason(kind, text).map_err(|reason| PrimitiveError { kind, reason })
}

fn check_reason(kind: PrimitiveKind, text: &str) -> Result<(), Reason> {
    use PrimitiveKind as K;
    match kind {
        K::Boolean => number::boolean(text),
        K::Integer => number::integer(text, number::INT_MIN, number::INT_MAX),
        K::PositiveInt => number::integer(text, 1, number::INT_MAX),
        K::UnsignedInt => number::integer(text, 0, number::INT_MAX),
        K::Decimal => number::decimal(text),
        K::String => text::string(text),
        K::Markdown => text::markdown(text),
        K::Code => text::code(text),
        K::Id => text::id(text),
        K::Uri | K::Url | K::Canonical => text::uri(text),
        K::Oid => text::oid(text),
        K::Uuid => text::uuid(text),
        K::Base64Binary => text::base64(text),
        // The SAS shape, nearly every value, judged without its fields.
        K::Instant | K::DateTime if sas_shape_valid(text) => Ok(()),
        K::Instant => scan(text, Form::Instant).map(drop),
        K::DateTime => scan(text, Form::DateTime).map(drop),
        K::Date => scan(text, Form::Date).map(drop),
        K::Time => scan(text, Form::Time).map(drop),
    }
}
