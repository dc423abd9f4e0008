//! boolean, integer, positiveInt, unsignedInt, decimal.

use super::{ok, reason};
use crate::primitives::{PrimitiveKind as K, Reason as R};

const MIN: i64 = -2_147_483_648;
const MAX: i64 = 2_147_483_647;

#[test]
fn integer_valid() {
    ok(K::Integer, &["0", "-0", "42", "-42", "2147483647", "-2147483648"]);
}

#[test]
fn integer_invalid() {
    assert_eq!(reason(K::Integer, "01"), R::LeadingZero { at: 0 });
    assert_eq!(reason(K::Integer, "-01"), R::LeadingZero { at: 1 });
    assert_eq!(
        reason(K::Integer, "2147483648"),
        R::OutOfRange { value: Some(2_147_483_648), min: MIN, max: MAX }
    );
    assert_eq!(
        reason(K::Integer, "-2147483649"),
        R::OutOfRange { value: Some(-2_147_483_649), min: MIN, max: MAX }
    );
    assert_eq!(
        reason(K::Integer, "99999999999999999999999"),
        R::OutOfRange { value: None, min: MIN, max: MAX }
    );
    assert_eq!(reason(K::Integer, "1.0"), R::NotAnInteger { at: 1 });
    assert_eq!(reason(K::Integer, "1e3"), R::NotAnInteger { at: 1 });
    assert_eq!(reason(K::Integer, "1a"), R::TrailingCharacters { at: 1 });
    assert_eq!(reason(K::Integer, ""), R::Empty);
    assert_eq!(reason(K::Integer, " 1"), R::LeadingWhitespace);
    assert_eq!(reason(K::Integer, "-"), R::Expected { at: 1, expected: "a digit", found: None });
    assert_eq!(
        reason(K::Integer, "+1"),
        R::Expected { at: 0, expected: "a digit", found: Some('+') }
    );
}

#[test]
fn positive_int() {
    ok(K::PositiveInt, &["1", "2147483647"]);
    assert_eq!(reason(K::PositiveInt, "0"), R::OutOfRange { value: Some(0), min: 1, max: MAX });
    assert_eq!(reason(K::PositiveInt, "-5"), R::OutOfRange { value: Some(-5), min: 1, max: MAX });
    assert_eq!(
        reason(K::PositiveInt, "2147483648"),
        R::OutOfRange { value: Some(2_147_483_648), min: 1, max: MAX }
    );
    assert_eq!(reason(K::PositiveInt, "01"), R::LeadingZero { at: 0 });
}

#[test]
fn unsigned_int() {
    ok(K::UnsignedInt, &["0", "1", "2147483647"]);
    assert_eq!(reason(K::UnsignedInt, "-1"), R::OutOfRange { value: Some(-1), min: 0, max: MAX });
    assert_eq!(
        reason(K::UnsignedInt, "-0"),
        R::Expected { at: 0, expected: "a digit", found: Some('-') }
    );
    assert_eq!(reason(K::UnsignedInt, "1.5"), R::NotAnInteger { at: 1 });
}

#[test]
fn decimal_valid() {
    ok(
        K::Decimal,
        &[
            "0",
            "-0.0",
            "1.50",
            "1e999999",
            "1E-7",
            "-12.5e+3",
            "0.000000000000000000001",
            "123456789012345678901234567890.123456789",
        ],
    );
}

#[test]
fn decimal_invalid() {
    assert_eq!(reason(K::Decimal, "01"), R::LeadingZero { at: 0 });
    assert_eq!(reason(K::Decimal, "-01.5"), R::LeadingZero { at: 1 });
    assert_eq!(
        reason(K::Decimal, ".5"),
        R::Expected { at: 0, expected: "a digit", found: Some('.') }
    );
    assert_eq!(reason(K::Decimal, "1."), R::EmptyFraction { at: 2 });
    assert_eq!(reason(K::Decimal, "1e"), R::EmptyExponent { at: 2 });
    assert_eq!(reason(K::Decimal, "1e+"), R::EmptyExponent { at: 3 });
    assert_eq!(reason(K::Decimal, "1.5.2"), R::TrailingCharacters { at: 3 });
    assert_eq!(reason(K::Decimal, "1,5"), R::TrailingCharacters { at: 1 });
    assert_eq!(
        reason(K::Decimal, "NaN"),
        R::Expected { at: 0, expected: "a digit", found: Some('N') }
    );
    assert_eq!(
        reason(K::Decimal, "-Infinity"),
        R::Expected { at: 1, expected: "a digit", found: Some('I') }
    );
    assert_eq!(reason(K::Decimal, ""), R::Empty);
}

#[test]
fn boolean() {
    ok(K::Boolean, &["true", "false"]);
    for bad in ["True", "FALSE", "1", "0", "", "yes", "true "] {
        assert_eq!(reason(K::Boolean, bad), R::NotBoolean, "{bad}");
    }
}
