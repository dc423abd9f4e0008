//! string, markdown, code, id, uri/url/canonical, oid, uuid, base64Binary.

use super::{ok, reason};
use crate::primitives::{PrimitiveKind as K, Reason as R};

const MB: usize = 1024 * 1024;

#[test]
fn string() {
    ok(K::String, &["a", " spaces around are allowed ", "line\nbreak\ttab\r", "é", "\u{1F600}"]);
    assert_eq!(reason(K::String, ""), R::Empty);
    assert_eq!(
        reason(K::String, "a\u{0B}b"),
        R::InvalidChar {
            at: 1,
            found: '\u{0B}',
            allowed: "text without vertical tab or form feed"
        }
    );
    assert!(matches!(reason(K::String, "ab\u{0C}"), R::InvalidChar { at: 2, found: '\u{0C}', .. }));
}

#[test]
fn string_size_is_counted_in_characters() {
    // 2 MB of bytes but exactly 1 Mi characters: allowed.
    ok(K::String, &["é".repeat(MB).as_str()]);
    assert_eq!(reason(K::String, &"a".repeat(MB + 1)), R::TooLong { len: MB + 1, max: MB });
    assert_eq!(reason(K::Markdown, &"é".repeat(MB + 1)), R::TooLong { len: MB + 1, max: MB });
}

#[test]
fn markdown() {
    ok(K::Markdown, &["# Titre\n\n* item", " ", "\u{0B}"]);
    assert_eq!(reason(K::Markdown, ""), R::Empty);
}

#[test]
fn code() {
    ok(K::Code, &["ROUTINE", "free", "a b", "a\tb", "application/fhir+json", "é"]);
    assert_eq!(reason(K::Code, ""), R::Empty);
    assert_eq!(reason(K::Code, " a"), R::LeadingWhitespace);
    assert_eq!(reason(K::Code, "a "), R::TrailingWhitespace);
    assert_eq!(reason(K::Code, "a\n"), R::TrailingWhitespace);
    assert_eq!(reason(K::Code, "a  b"), R::RepeatedWhitespace { at: 2 });
    assert_eq!(reason(K::Code, "a \tb"), R::RepeatedWhitespace { at: 2 });
}

#[test]
fn id() {
    ok(K::Id, &["abc-123.X", "a", "1", &"a".repeat(64)]);
    assert_eq!(reason(K::Id, &"a".repeat(65)), R::TooLong { len: 65, max: 64 });
    assert_eq!(reason(K::Id, &"a".repeat(70)), R::TooLong { len: 70, max: 64 });
    assert_eq!(
        reason(K::Id, "a_b"),
        R::InvalidChar { at: 1, found: '_', allowed: "A-Z a-z 0-9 - ." }
    );
    assert_eq!(
        reason(K::Id, "aé"),
        R::InvalidChar { at: 1, found: 'é', allowed: "A-Z a-z 0-9 - ." }
    );
    assert_eq!(
        reason(K::Id, "a b"),
        R::InvalidChar { at: 1, found: ' ', allowed: "A-Z a-z 0-9 - ." }
    );
    assert_eq!(reason(K::Id, " a"), R::LeadingWhitespace);
    assert_eq!(reason(K::Id, ""), R::Empty);
}

#[test]
fn uri_url_canonical() {
    for kind in [K::Uri, K::Url, K::Canonical] {
        ok(kind, &["https://sas.fr/fhir/Slot?x=1&y=%20", "urn:oid:1.2", "a", "https://x/y|1.0"]);
        assert_eq!(reason(kind, "http://a b"), R::Whitespace { at: 8 });
        assert_eq!(reason(kind, "http://a\tb"), R::Whitespace { at: 8 });
        assert_eq!(reason(kind, " http://a"), R::LeadingWhitespace);
        assert_eq!(reason(kind, "http://a "), R::TrailingWhitespace);
        assert_eq!(reason(kind, ""), R::Empty);
    }
}

#[test]
fn oid() {
    ok(K::Oid, &["urn:oid:1.2.250.1.71.4.2.2", "urn:oid:2.0", "urn:oid:0.10.200"]);
    assert_eq!(reason(K::Oid, "1.2.250"), R::MissingPrefix { expected: "urn:oid:" });
    assert_eq!(reason(K::Oid, "URN:OID:1.2"), R::MissingPrefix { expected: "urn:oid:" });
    assert_eq!(
        reason(K::Oid, "urn:oid:3.1"),
        R::Expected { at: 8, expected: "`0`, `1` or `2`", found: Some('3') }
    );
    assert_eq!(reason(K::Oid, "urn:oid:1"), R::Expected { at: 9, expected: "`.`", found: None });
    assert_eq!(
        reason(K::Oid, "urn:oid:12.1"),
        R::Expected { at: 9, expected: "`.`", found: Some('2') }
    );
    assert_eq!(reason(K::Oid, "urn:oid:1.02"), R::LeadingZero { at: 10 });
    assert_eq!(
        reason(K::Oid, "urn:oid:1..2"),
        R::Expected { at: 10, expected: "a digit", found: Some('.') }
    );
    assert_eq!(
        reason(K::Oid, "urn:oid:1.2."),
        R::Expected { at: 12, expected: "a digit", found: None }
    );
    assert_eq!(
        reason(K::Oid, "urn:oid:1.2a"),
        R::Expected { at: 11, expected: "a digit or `.`", found: Some('a') }
    );
}

#[test]
fn uuid() {
    ok(K::Uuid, &["urn:uuid:c757873d-ec9a-4326-a141-556f43239520"]);
    assert_eq!(
        reason(K::Uuid, "urn:uuid:C757873d-ec9a-4326-a141-556f43239520"),
        R::UppercaseHex { at: 9 }
    );
    assert_eq!(
        reason(K::Uuid, "c757873d-ec9a-4326-a141-556f43239520"),
        R::MissingPrefix { expected: "urn:uuid:" }
    );
    assert_eq!(
        reason(K::Uuid, "urn:uuid:c757873d-ec9a-4326-a141-556f4323952"),
        R::Expected { at: 44, expected: "a hexadecimal digit", found: None }
    );
    assert_eq!(
        reason(K::Uuid, "urn:uuid:c757873d-ec9a-4326-a141-556f432395200"),
        R::TrailingCharacters { at: 45 }
    );
    assert_eq!(
        reason(K::Uuid, "urn:uuid:c757873dec9a-4326-a141-556f432395200"),
        R::Expected { at: 17, expected: "`-`", found: Some('e') }
    );
    assert_eq!(
        reason(K::Uuid, "urn:uuid:g757873d-ec9a-4326-a141-556f43239520"),
        R::Expected { at: 9, expected: "a hexadecimal digit", found: Some('g') }
    );
}

#[test]
fn base64() {
    ok(K::Base64Binary, &["SGVsbG8=", "SGVs bG8=\n", "AA==", "ab/+", " QUJD "]);
    assert_eq!(reason(K::Base64Binary, "SGVsbG8"), R::Base64Length { len: 7 });
    assert_eq!(reason(K::Base64Binary, "AA=A"), R::Base64Padding { at: 3 });
    assert_eq!(reason(K::Base64Binary, "A==="), R::Base64Padding { at: 3 });
    assert_eq!(
        reason(K::Base64Binary, "SGV*"),
        R::InvalidChar { at: 3, found: '*', allowed: "A-Z a-z 0-9 + / = or whitespace" }
    );
    assert_eq!(reason(K::Base64Binary, ""), R::Empty);
    assert_eq!(reason(K::Base64Binary, "   "), R::Empty);
}
