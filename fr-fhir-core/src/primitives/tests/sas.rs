//! SAS instant format (agg-psindiv #45, RO1-SLOT-004).

use crate::primitives::{
    PrimitiveError, PrimitiveKind as K, Reason as R, SasInstantError as E, check_sas_instant,
};

#[test]
fn sas_format_valid() {
    for text in [
        "2024-06-12T16:40:00.000+02:00",
        "2021-11-05T09:00:00.000+00:00",
        "2024-12-01T09:00:00.000+01:00",
        "2024-06-12T16:40:00.000-04:00",
        "2024-06-12T16:40:00.000+11:00",
        "2024-06-12T16:40:00.000-00:00",
    ] {
        assert_eq!(check_sas_instant(text), Ok(()), "{text}");
    }
}

#[test]
fn sas_format_deviations() {
    let dev = |text| check_sas_instant(text).unwrap_err();
    assert_eq!(dev("2024-06-12T16:40:00+02:00"), E::Deviates { fraction_digits: 0, zulu: false });
    assert_eq!(
        dev("2024-06-12T16:40:00.00+02:00"),
        E::Deviates { fraction_digits: 2, zulu: false }
    );
    assert_eq!(
        dev("2024-06-12T16:40:00.0000+02:00"),
        E::Deviates { fraction_digits: 4, zulu: false }
    );
    assert_eq!(dev("2024-06-12T14:40:00.000Z"), E::Deviates { fraction_digits: 3, zulu: true });
    assert_eq!(dev("2024-06-12T14:40:00Z"), E::Deviates { fraction_digits: 0, zulu: true });
}

#[test]
fn sas_format_not_an_instant() {
    assert_eq!(
        check_sas_instant("2024-06-12T16:40:00.000"),
        Err(E::NotInstant(PrimitiveError {
            kind: K::Instant,
            reason: R::MissingTimeZone { at: 23 }
        }))
    );
    assert!(matches!(
        check_sas_instant("2024-06-12T16:40:00.000+14:30"),
        Err(E::NotInstant(PrimitiveError { reason: R::OffsetOutOfRange { .. }, .. }))
    ));
    assert!(matches!(
        check_sas_instant("2024-06-12T16:40:00.000 02:00"),
        Err(E::NotInstant(PrimitiveError { reason: R::SpaceInsteadOfPlus { at: 23 }, .. }))
    ));
}

#[test]
fn sas_messages_name_each_deviation() {
    let m = check_sas_instant("2024-06-12T14:40:00Z").unwrap_err().message();
    assert_eq!(
        m.en,
        "SAS format YYYY-MM-DDThh:mm:ss.sss±hh:mm required (agg-psindiv #45): no fraction of seconds; `Z` instead of a numeric offset; expected e.g. 2024-06-12T16:40:00.000+02:00"
    );
    assert_eq!(
        m.fr,
        "format SAS AAAA-MM-JJThh:mm:ss.sss±hh:mm exigé (agg-psindiv #45) : pas de fraction de seconde ; `Z` au lieu d'un décalage numérique ; attendu par ex. 2024-06-12T16:40:00.000+02:00"
    );
    let m = check_sas_instant("2024-06-12T14:40:00.000Z").unwrap_err().message();
    assert!(m.en.contains("): `Z` instead of a numeric offset;"), "{}", m.en);
    let m = check_sas_instant("2024-06-12T14:40:00.12345+02:00").unwrap_err().message();
    assert!(m.en.contains("5 fraction digits instead of 3"), "{}", m.en);
    assert!(m.fr.contains("5 chiffres après la virgule au lieu de 3"), "{}", m.fr);
    let m = check_sas_instant("2024-06-12T14:40:00").unwrap_err().message();
    assert!(m.en.starts_with("invalid FHIR instant: missing time zone"), "{}", m.en);
}
