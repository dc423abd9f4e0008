#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::borrow::Cow;

use super::*;

fn fv(mode: FixedMode, type_name: &'static str, json: &str) -> FixedValue {
    FixedValue { mode, type_name: Cow::Borrowed(type_name), json: Cow::Owned(json.to_string()) }
}

const IDNPS: &str = r#"{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]}"#;

#[test]
fn pattern_codeable_concept_idnps_is_containment() {
    // Practitioner.identifier:IdentifiantNatPS.type (FrPractitionerRegul).
    let p = fv(FixedMode::Pattern, "CodeableConcept", IDNPS);
    // Extra display, extra coding, text: still contained.
    let ok = r#"{"coding":[{"system":"urn:other","code":"X"},{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS","display":"IDNPS"}],"text":"RPPS"}"#;
    assert_eq!(check_fixed(&p, ok), Ok(()));
    // Key order and whitespace do not matter.
    let reordered = r#"{ "coding" : [ { "code" : "IDNPS", "system" : "http://interopsante.org/fhir/CodeSystem/fr-v2-0203" } ] }"#;
    assert_eq!(check_fixed(&p, reordered), Ok(()));
    let wrong_code = r#"{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"INTRN"}]}"#;
    let e = check_fixed(&p, wrong_code).unwrap_err();
    assert_eq!(e.expected, "http://interopsante.org/fhir/CodeSystem/fr-v2-0203|IDNPS");
    assert_eq!(e.actual, "http://interopsante.org/fhir/CodeSystem/fr-v2-0203|INTRN");
    // The code is in a coding of another system: not contained (both keys
    // must match within one coding).
    let split = r#"{"coding":[{"system":"urn:x","code":"IDNPS"},{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"X"}]}"#;
    assert!(check_fixed(&p, split).is_err());
    // Text only.
    let e = check_fixed(&p, r#"{"text":"IDNPS"}"#).unwrap_err();
    assert_eq!(e.actual, r#"{"text":"IDNPS"}"#);
    // Codes are case sensitive.
    assert!(check_fixed(&p, &IDNPS.replace("IDNPS", "idnps")).is_err());
}

#[test]
fn fixed_codeable_concept_is_exact() {
    let f = fv(FixedMode::Fixed, "CodeableConcept", IDNPS);
    assert_eq!(check_fixed(&f, IDNPS), Ok(()));
    let with_display = r#"{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS","display":"x"}]}"#;
    assert!(check_fixed(&f, with_display).is_err());
    let with_text = r#"{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}],"text":"t"}"#;
    assert!(check_fixed(&f, with_text).is_err());
    // Same content, keys reordered: equal.
    let reordered = r#"{"coding":[{"code":"IDNPS","system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203"}]}"#;
    assert_eq!(check_fixed(&f, reordered), Ok(()));
    // Array order matters for fixed.
    let two = fv(FixedMode::Fixed, "CodeableConcept", r#"{"coding":[{"code":"a"},{"code":"b"}]}"#);
    assert!(check_fixed(&two, r#"{"coding":[{"code":"b"},{"code":"a"}]}"#).is_err());
    let two_p =
        fv(FixedMode::Pattern, "CodeableConcept", r#"{"coding":[{"code":"a"},{"code":"b"}]}"#);
    assert_eq!(
        check_fixed(&two_p, r#"{"coding":[{"code":"b"},{"code":"c"},{"code":"a"}]}"#),
        Ok(())
    );
    assert!(check_fixed(&two_p, r#"{"coding":[{"code":"b"}]}"#).is_err());
}

#[test]
fn uri_and_code_strings() {
    // patternUri (Practitioner.identifier:IdentifiantNatPS.system).
    let p = fv(FixedMode::Pattern, "Uri", r#""urn:oid:1.2.250.1.71.4.2.1""#);
    assert_eq!(check_fixed(&p, r#""urn:oid:1.2.250.1.71.4.2.1""#), Ok(()));
    let e = check_fixed(&p, r#""urn:oid:1.2.250.1.213.3.6""#).unwrap_err();
    assert_eq!(
        e,
        Mismatch {
            expected: "urn:oid:1.2.250.1.71.4.2.1".into(),
            actual: "urn:oid:1.2.250.1.213.3.6".into()
        }
    );
    // fixedUri (an extension's url).
    let f = fv(
        FixedMode::Fixed,
        "Uri",
        r#""http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType""#,
    );
    assert_eq!(
        check_fixed(
            &f,
            r#""http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType""#
        ),
        Ok(())
    );
    // Escapes are decoded before comparing.
    assert_eq!(
        check_fixed(
            &f,
            r#""http:\/\/hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType""#
        ),
        Ok(())
    );
    // Whitespace inside is a difference; trailing spaces too.
    assert!(
        check_fixed(
            &f,
            r#""http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType ""#
        )
        .is_err()
    );
    // patternCode / fixedCode: case sensitive.
    let c = fv(FixedMode::Pattern, "Code", r#""free""#);
    assert_eq!(check_fixed(&c, r#""free""#), Ok(()));
    let e = check_fixed(&c, r#""Free""#).unwrap_err();
    assert_eq!((e.expected.as_str(), e.actual.as_str()), ("free", "Free"));
    // A number where a string is fixed.
    let e = check_fixed(&c, "12").unwrap_err();
    assert_eq!((e.expected.as_str(), e.actual.as_str()), ("free", "12"));
}

#[test]
fn pattern_coding() {
    // patternCoding: extra keys allowed, fixed keys must match.
    let p = fv(
        FixedMode::Pattern,
        "Coding",
        r#"{"system":"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau","code":"PUBLIC"}"#,
    );
    assert_eq!(
        check_fixed(
            &p,
            r#"{"code":"PUBLIC","display":"Public","system":"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau"}"#
        ),
        Ok(())
    );
    let e = check_fixed(&p, r#"{"code":"CPTS","system":"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau"}"#).unwrap_err();
    assert!(e.actual.ends_with("|CPTS"), "{e:?}");
    let e = check_fixed(&p, r#"{"code":"PUBLIC"}"#).unwrap_err();
    assert_eq!(e.actual, "PUBLIC");
}

#[test]
fn numbers_and_booleans() {
    let f = fv(FixedMode::Fixed, "Decimal", "1.0");
    assert_eq!(check_fixed(&f, "1"), Ok(()));
    assert_eq!(check_fixed(&f, "1.00"), Ok(()));
    assert!(check_fixed(&f, "1.5").is_err());
    assert!(check_fixed(&f, "\"1.0\"").is_err());
    let b = fv(FixedMode::Fixed, "Boolean", "true");
    assert_eq!(check_fixed(&b, "true"), Ok(()));
    assert!(check_fixed(&b, "false").is_err());
    let i = fv(FixedMode::Pattern, "Integer", "-3");
    assert_eq!(check_fixed(&i, "-3"), Ok(()));
    assert!(check_fixed(&i, "3").is_err());
}

#[test]
fn invalid_json_is_a_mismatch() {
    let p = fv(FixedMode::Pattern, "CodeableConcept", IDNPS);
    for bad in ["", "{", r#"{"coding":[}"#, "nul", r#""unterminated"#, "[1,]"] {
        let e = check_fixed(&p, bad).unwrap_err();
        assert!(e.actual.contains("invalid JSON"), "{bad:?} -> {e:?}");
    }
    let u = fv(FixedMode::Fixed, "Uri", r#""urn:x""#);
    assert!(check_fixed(&u, r#""urn:x"#).is_err());
    assert!(check_fixed(&u, r#""urn:x" trailing"#).is_err());
    // A broken table value is a mismatch too.
    let broken = fv(FixedMode::Fixed, "Uri", "{");
    assert!(check_fixed(&broken, r#""urn:x""#).is_err());
}

#[test]
fn long_values_are_abbreviated() {
    let p = fv(FixedMode::Pattern, "String", r#""short""#);
    let long = format!("\"{}\"", "é".repeat(500));
    let e = check_fixed(&p, &long).unwrap_err();
    assert_eq!(e.actual.chars().count(), MAX_FORM + 1);
    assert!(e.actual.ends_with('…'));
}

#[test]
fn nested_pattern_arrays() {
    // A combined pattern (two extension items) must find each one.
    let p = fv(FixedMode::Pattern, "CodeableConcept", r#"{"extension":[{"url":"a"},{"url":"b"}]}"#);
    assert_eq!(
        check_fixed(&p, r#"{"extension":[{"url":"b","valueString":"x"},{"url":"a"}],"text":"t"}"#),
        Ok(())
    );
    assert!(check_fixed(&p, r#"{"extension":[{"url":"b"}]}"#).is_err());
    assert!(check_fixed(&p, r#"{"extension":{"url":"c"}}"#).is_err());
}

#[test]
fn plain_strings_and_the_identical_text_fast_path() {
    assert_eq!(plain_string(r#""urn:x""#), Some("urn:x"));
    for not_plain in
        [r#""a\"b""#, r#""a\u0062""#, "\"a\tb\"", r#" "a""#, r#""a"#, "1", r#""a","b""#]
    {
        assert_eq!(plain_string(not_plain), None, "{not_plain}");
    }
    assert!(string_is(r#""a\u0062""#, "ab"));
    assert!(!string_is("1", "1"));
    let f = fv(FixedMode::Fixed, "uri", r#""urn:a\u0062""#);
    // Same text, same value; other texts with the same value still equal.
    assert_eq!(check_fixed(&f, r#""urn:a\u0062""#), Ok(()));
    assert_eq!(check_fixed(&f, r#""urn:ab""#), Ok(()));
    let e = check_fixed(&f, r#""urn:ac""#).unwrap_err();
    assert_eq!((e.expected.as_str(), e.actual.as_str()), ("urn:ab", "urn:ac"));
    // Identical but not a well-formed string: no match.
    let broken = fv(FixedMode::Fixed, "uri", "\"a\u{1}\"");
    assert!(check_fixed(&broken, "\"a\u{1}\"").is_err());
}
