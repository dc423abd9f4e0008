//! Bilingual messages, kind metadata.

use crate::finding::Lang;
use crate::primitives::{JsonKind, PrimitiveKind as K, Reason as R, check};

#[test]
fn kinds_have_fhir_names_and_json_types() {
    for kind in K::ALL {
        assert_eq!(K::from_name(kind.name()), Some(kind));
        assert!(!kind.expected_en().is_empty() && !kind.expected_fr().is_empty());
    }
    assert_eq!(K::from_name("datetime"), None);
    assert_eq!(K::Base64Binary.name(), "base64Binary");
    assert_eq!(K::Integer.json_kind(), JsonKind::Number);
    assert_eq!(K::UnsignedInt.json_kind(), JsonKind::Number);
    assert_eq!(K::Boolean.json_kind(), JsonKind::Boolean);
    assert_eq!(K::Instant.json_kind(), JsonKind::String);
    assert_eq!(K::Code.json_kind(), JsonKind::String);
}

#[test]
fn reasons_read_well_in_both_languages() {
    let cases = [
        (
            R::DayNotInMonth { day: 30, month: 2, year: 2023 },
            "day 30 does not exist in February 2023",
            "le jour 30 n'existe pas en février 2023",
        ),
        (
            R::MissingSeconds { at: 16 },
            "missing seconds at byte 16",
            "secondes manquantes à l'octet 16",
        ),
        (
            R::MissingTimeZone { at: 19 },
            "missing time zone (`Z` or `±hh:mm`) at byte 19",
            "fuseau horaire manquant (`Z` ou `±hh:mm`) à l'octet 19",
        ),
        (
            R::MonthOutOfRange { month: 13 },
            "month 13 out of range 01..12",
            "mois 13 hors de 01..12",
        ),
        (R::LeadingWhitespace, "leading whitespace", "espace au début"),
        (
            R::TooLong { len: 70, max: 64 },
            "too long (70 > 64 characters)",
            "trop long (70 > 64 caractères)",
        ),
        (
            R::OutOfRange { value: Some(2_147_483_648), min: -2_147_483_648, max: 2_147_483_647 },
            "integer 2147483648 out of range -2147483648..2147483647",
            "entier 2147483648 hors de -2147483648..2147483647",
        ),
        (
            R::Expected { at: 4, expected: "`-`", found: None },
            "expected `-` at byte 4, found the end",
            "`-` attendu à l'octet 4, trouvé la fin",
        ),
        (
            R::Expected { at: 0, expected: "a digit", found: Some('x') },
            "expected a digit at byte 0, found `x`",
            "un chiffre attendu à l'octet 0, trouvé `x`",
        ),
        (
            R::OffsetOutOfRange { at: 19, negative: false, hours: 14, minutes: 30 },
            "offset +14:30 at byte 19 out of range -14:00..+14:00",
            "décalage +14:30 à l'octet 19 hors de -14:00..+14:00",
        ),
        (
            R::Lowercase { at: 10, expected: 'T' },
            "lowercase `t` at byte 10 instead of `T`",
            "`t` minuscule à l'octet 10 au lieu de `T`",
        ),
    ];
    for (reason, en, fr) in cases {
        assert_eq!(reason.to_string(), en);
        assert_eq!(reason.in_lang(Lang::En).to_string(), en);
        assert_eq!(reason.in_lang(Lang::Fr).to_string(), fr);
    }
}

#[test]
fn error_message_names_actual_and_expected() {
    let e = check(K::Instant, "2024-06-12T16:40").unwrap_err();
    let m = e.message();
    assert_eq!(
        m.en,
        "invalid FHIR instant: missing seconds at byte 16; expected YYYY-MM-DDThh:mm:ss[.fff] followed by Z or ±hh:mm"
    );
    assert_eq!(
        m.fr,
        "valeur FHIR instant invalide : secondes manquantes à l'octet 16 ; attendu : AAAA-MM-JJThh:mm:ss[.fff] suivi de Z ou ±hh:mm"
    );
    let m = e.message_with_value("2024-06-12T16:40");
    assert!(m.en.starts_with("`2024-06-12T16:40` is not a valid FHIR instant: missing seconds"));
    assert!(m.fr.starts_with("`2024-06-12T16:40` n'est pas une valeur FHIR instant valide"));
}

#[test]
fn quoted_values_are_cut() {
    let long = "x".repeat(500);
    let e = check(K::Id, &long).unwrap_err();
    let m = e.message_with_value(&long);
    assert!(m.en.starts_with(&format!("`{}…`", "x".repeat(64))), "{}", m.en);
    assert!(m.en.len() < 300);
    let e = check(K::String, "a\u{0B}").unwrap_err();
    assert!(e.message_with_value("a\u{0B}").en.starts_with("`a\\u{b}`"));
}
