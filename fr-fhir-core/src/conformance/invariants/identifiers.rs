//! The SAS IG's own identifier invariants (`FINESS-invariant`,
//! `SIRET-invariant`, on Organization.identifier).

use super::view::{fails, holds_if};
use super::{ObjectView, Verdict};

/// `value.matches('^<first>[0-9]{<digits>}$')`: `first` then `digits` ASCII
/// digits. An absent value holds (the profiles make it 1..1: its
/// cardinality reports it).
pub(super) fn prefixed_number(
    v: &ObjectView<'_, '_>,
    key: &str,
    what: &str,
    first: u8,
    digits: usize,
) -> Verdict {
    let Some(value) = v.text("value") else { return Verdict::Holds };
    let b = value.as_bytes();
    let ok = b.len() == digits + 1
        && b.first() == Some(&first)
        && b.iter().skip(1).all(u8::is_ascii_digit);
    holds_if(ok, || {
        let first = char::from(first);
        fails(
            v.span_of("value"),
            format!(
                "Identifier.value {value} n'est pas un numéro {what} : attendu {first} suivi de {digits} chiffres ({key} : ^{first}[0-9]{{{digits}}}$)"
            ),
            format!(
                "Identifier.value {value} is not a {what} number: expected {first} followed by {digits} digits ({key}: ^{first}[0-9]{{{digits}}}$)"
            ),
        )
    })
}
