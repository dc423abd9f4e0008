//! The Luhn ("mod 10") check digit over ASCII digits (SPEC §3.2).
//!
//! It is the key of SIREN and SIRET (INSEE rule) and, by the reading adopted in
//! SPEC §3.2, of RPPS and FINESS. It always runs on the registry number
//! *without* the national prefix.

/// Luhn sum of `digits`, doubling the digits at the odd positions from the
/// right (1st, 3rd...) when `double_first` is true, the even ones otherwise.
/// `None` when a byte is not an ASCII digit.
fn sum(digits: &[u8], double_first: bool) -> Option<u32> {
    let mut total = 0u32;
    let mut double = double_first;
    for &b in digits.iter().rev() {
        let d = u32::from(b.checked_sub(b'0').filter(|d| *d <= 9)?);
        total += match (double, d * 2) {
            (false, _) => d,
            (true, twice) if twice > 9 => twice - 9,
            (true, twice) => twice,
        };
        double = !double;
    }
    Some(total)
}

/// Whether `digits` (ASCII, key included as the last digit) passes the Luhn
/// check. False when `digits` is empty or holds anything but ASCII digits.
///
/// ```
/// use fr_fhir_core::ids::luhn;
/// assert!(luhn::is_valid(b"10002909371"));
/// assert!(!luhn::is_valid(b"10100050075"));
/// assert!(!luhn::is_valid(b"1000290937X"));
/// ```
pub fn is_valid(digits: &[u8]) -> bool {
    !digits.is_empty() && sum(digits, false).is_some_and(|s| s % 10 == 0)
}

/// The Luhn key (0–9) that completes `body` (ASCII digits, key not included).
/// `None` when `body` holds anything but ASCII digits; the key of an empty
/// body is 0.
///
/// ```
/// use fr_fhir_core::ids::luhn;
/// assert_eq!(luhn::check_digit(b"1010005007"), Some(8));
/// assert_eq!(luhn::check_digit(b"81000442"), Some(4));
/// assert_eq!(luhn::check_digit(b"81O00442"), None);
/// ```
pub fn check_digit(body: &[u8]) -> Option<u8> {
    let rem = sum(body, true)? % 10;
    // `rem` < 10, so the narrowing is lossless.
    Some(((10 - rem) % 10) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spec_worked_totals() {
        // Totals of SPEC §3.2, with the key left in place.
        assert_eq!(sum(b"10002909371", false), Some(30));
        assert_eq!(sum(b"10100050075", false), Some(17));
        assert_eq!(sum(b"10101215225", false), Some(20));
        assert_eq!(sum(b"950047225", false), Some(30));
        assert_eq!(sum(b"810004421", false), Some(27));
        assert_eq!(sum(b"34173748400020", false), Some(60));
        assert_eq!(sum(b"341737484", false), Some(40));
    }

    #[test]
    fn keys_given_by_the_spec() {
        assert_eq!(check_digit(b"1010005007"), Some(8));
        assert_eq!(check_digit(b"81000442"), Some(4));
        assert_eq!(check_digit(b"1000290937"), Some(1));
        assert_eq!(check_digit(b"95004722"), Some(5));
    }

    #[test]
    fn rejects_non_digits_and_empty() {
        assert!(!is_valid(b""));
        assert!(!is_valid(b"0 "));
        assert!(!is_valid(b"/0"));
        assert!(!is_valid(b":0"));
        assert!(is_valid(b"0"));
        assert_eq!(check_digit(b"12a"), None);
        assert_eq!(check_digit(b""), Some(0));
    }

    proptest! {
        #[test]
        fn computed_key_validates(body in proptest::collection::vec(b'0'..=b'9', 0..40)) {
            let key = check_digit(&body).unwrap();
            prop_assert!(key <= 9);
            let mut full = body.clone();
            full.push(b'0' + key);
            prop_assert!(is_valid(&full));
        }

        #[test]
        fn one_changed_digit_fails(
            body in proptest::collection::vec(b'0'..=b'9', 1..40),
            at in any::<prop::sample::Index>(),
            delta in 1u8..=9,
        ) {
            let mut full = body.clone();
            full.push(b'0' + check_digit(&body).unwrap());
            let i = at.index(full.len());
            full[i] = b'0' + (full[i] - b'0' + delta) % 10;
            prop_assert!(!is_valid(&full));
        }
    }
}
