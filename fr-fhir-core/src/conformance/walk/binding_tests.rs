#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::borrow::Cow;

use super::*;
use crate::conformance::table::{Concept, Strength};

fn vs(url: &str, codes: &[(&str, &str)], complete: bool) -> ValueSetTable {
    ValueSetTable {
        url: Cow::Owned(url.to_string()),
        version: Cow::Borrowed(""),
        name: Cow::Borrowed("T"),
        codes: Cow::Owned(
            codes
                .iter()
                .map(|(s, c)| Concept {
                    system: Cow::Owned(s.to_string()),
                    code: Cow::Owned(c.to_string()),
                    display: Cow::Borrowed(""),
                })
                .collect(),
        ),
        complete,
    }
}

fn bind(url: &str) -> Binding {
    Binding { strength: Strength::Required, value_set: Cow::Owned(url.to_string()) }
}

const R314: &str = "https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau";

fn hand_defs() -> Definitions {
    let mut d = Definitions::new();
    d.add_value_set(vs(
        "urn:vs:slotstatus",
        &[("http://hl7.org/fhir/slotstatus", "busy"), ("http://hl7.org/fhir/slotstatus", "free")],
        true,
    ));
    d.add_value_set(vs(
        "urn:vs:typecreneau",
        &[(R314, "PUBLIC"), (R314, "SNP"), (R314, "PRO")],
        true,
    ));
    d.add_value_set(vs("urn:vs:two-systems", &[("urn:a", "x"), ("urn:b", "y")], true));
    d.add_value_set(vs("urn:vs:partial", &[("urn:a", "x")], false));
    d.add_value_set(vs(
        "urn:vs:ucum",
        &[("http://unitsofmeasure.org", "min"), ("http://unitsofmeasure.org", "h")],
        true,
    ));
    d.add_value_set(vs("urn:vs:many", &(0..20).map(|_| ("urn:a", "c")).collect::<Vec<_>>(), true));
    d
}

#[test]
fn code_in_out_and_case() {
    let t = Terminology::new(&hand_defs());
    let b = bind("urn:vs:slotstatus");
    assert_eq!(t.check(&b, "code", r#""free""#), BindingOutcome::InValueSet);
    assert_eq!(
        t.check(&b, "code", r#""Free""#),
        BindingOutcome::NotInValueSet {
            actual: "Free".into(),
            value_set: "urn:vs:slotstatus".into(),
            expected: vec!["busy".into(), "free".into()]
        }
    );
    // Whitespace is part of the code.
    assert!(matches!(t.check(&b, "code", r#"" free""#), BindingOutcome::NotInValueSet { .. }));
    // Escapes are decoded.
    assert_eq!(t.check(&b, "code", r#""fr\u0065e""#), BindingOutcome::InValueSet);
    // `string` and `uri` read the string the same way.
    assert_eq!(t.check(&b, "string", r#""busy""#), BindingOutcome::InValueSet);
    assert_eq!(t.check(&b, "uri", r#""busy""#), BindingOutcome::InValueSet);
    // Not a string: the shape checks report it.
    assert_eq!(t.check(&b, "code", "12"), BindingOutcome::Undecidable);
    assert_eq!(t.check(&b, "code", r#""free"#), BindingOutcome::Undecidable);
    // A version suffix on the binding is ignored.
    assert_eq!(
        t.check(&bind("urn:vs:slotstatus|4.0.1"), "code", r#""busy""#),
        BindingOutcome::InValueSet
    );
}

#[test]
fn coding_system_and_code() {
    let t = Terminology::new(&hand_defs());
    let b = bind("urn:vs:typecreneau");
    let ok = format!(r#"{{"system":"{R314}","code":"PUBLIC","display":"Public"}}"#);
    assert_eq!(t.check(&b, "Coding", &ok), BindingOutcome::InValueSet);
    let wrong_code = format!(r#"{{"system":"{R314}","code":"CPTS"}}"#);
    let BindingOutcome::NotInValueSet { actual, expected, .. } = t.check(&b, "Coding", &wrong_code)
    else {
        panic!()
    };
    assert_eq!(actual, format!("{R314}|CPTS"));
    assert_eq!(expected, ["PUBLIC", "SNP", "PRO"]);
    // Right code, wrong system.
    assert!(matches!(
        t.check(&b, "Coding", r#"{"system":"urn:other","code":"PUBLIC"}"#),
        BindingOutcome::NotInValueSet { .. }
    ));
    // Missing system: the value set has one system, so the code decides.
    assert_eq!(t.check(&b, "Coding", r#"{"code":"SNP"}"#), BindingOutcome::InValueSet);
    // Missing system with a value set of two systems: not matched.
    let BindingOutcome::NotInValueSet { actual, expected, .. } =
        t.check(&bind("urn:vs:two-systems"), "Coding", r#"{"code":"x"}"#)
    else {
        panic!()
    };
    assert_eq!(actual, "x");
    assert_eq!(expected, ["urn:a|x", "urn:b|y"]);
    assert_eq!(
        t.check(&bind("urn:vs:two-systems"), "Coding", r#"{"system":"urn:b","code":"y"}"#),
        BindingOutcome::InValueSet
    );
    // No code: undecidable.
    assert_eq!(
        t.check(&b, "Coding", &format!(r#"{{"system":"{R314}"}}"#)),
        BindingOutcome::Undecidable
    );
    assert_eq!(t.check(&b, "Coding", r#"{"system":"x","code":1}"#), BindingOutcome::Undecidable);
    assert_eq!(t.check(&b, "Coding", r#""PUBLIC""#), BindingOutcome::Undecidable);
}

#[test]
fn codeable_concept_any_coding() {
    let t = Terminology::new(&hand_defs());
    let b = bind("urn:vs:typecreneau");
    let one_of_two = format!(
        r#"{{"coding":[{{"system":"urn:local","code":"X"}},{{"system":"{R314}","code":"PRO"}}],"text":"t"}}"#
    );
    assert_eq!(t.check(&b, "CodeableConcept", &one_of_two), BindingOutcome::InValueSet);
    let none = format!(
        r#"{{"coding":[{{"system":"urn:local","code":"X"}},{{"system":"{R314}","code":"CPTS"}}]}}"#
    );
    let BindingOutcome::NotInValueSet { actual, value_set, .. } =
        t.check(&b, "CodeableConcept", &none)
    else {
        panic!()
    };
    assert_eq!(actual, format!("urn:local|X, {R314}|CPTS"));
    assert_eq!(value_set, "urn:vs:typecreneau");
    // Text only, empty coding, codings without code: undecidable.
    assert_eq!(t.check(&b, "CodeableConcept", r#"{"text":"Public"}"#), BindingOutcome::Undecidable);
    assert_eq!(t.check(&b, "CodeableConcept", r#"{"coding":[]}"#), BindingOutcome::Undecidable);
    assert_eq!(
        t.check(&b, "CodeableConcept", r#"{"coding":[{"display":"x"}]}"#),
        BindingOutcome::Undecidable
    );
    assert_eq!(
        t.check(&b, "CodeableConcept", r#"{"coding":[{"code":"PUBLIC"}"#),
        BindingOutcome::Undecidable
    );
}

#[test]
fn quantity_system_and_code() {
    let t = Terminology::new(&hand_defs());
    let b = bind("urn:vs:ucum");
    assert_eq!(
        t.check(
            &b,
            "Quantity",
            r#"{"value":15,"unit":"minutes","system":"http://unitsofmeasure.org","code":"min"}"#
        ),
        BindingOutcome::InValueSet
    );
    let BindingOutcome::NotInValueSet { actual, .. } =
        t.check(&b, "Quantity", r#"{"value":15,"system":"http://unitsofmeasure.org","code":"mn"}"#)
    else {
        panic!()
    };
    assert_eq!(actual, "http://unitsofmeasure.org|mn");
    assert_eq!(
        t.check(&b, "Quantity", r#"{"value":15,"unit":"min"}"#),
        BindingOutcome::Undecidable
    );
}

#[test]
fn undecidable_value_sets() {
    let t = Terminology::new(&hand_defs());
    // Unknown value set, no value set.
    assert_eq!(t.check(&bind("urn:vs:unknown"), "code", r#""x""#), BindingOutcome::Undecidable);
    assert_eq!(t.check(&bind(""), "code", r#""x""#), BindingOutcome::Undecidable);
    // Incomplete: a code found is in, a code not found is undecidable.
    assert_eq!(t.check(&bind("urn:vs:partial"), "code", r#""x""#), BindingOutcome::InValueSet);
    assert_eq!(t.check(&bind("urn:vs:partial"), "code", r#""z""#), BindingOutcome::Undecidable);
    assert_eq!(
        t.check(&bind("urn:vs:partial"), "Coding", r#"{"system":"urn:a","code":"z"}"#),
        BindingOutcome::Undecidable
    );
    // A type without a code.
    assert_eq!(
        t.check(&bind("urn:vs:slotstatus"), "Reference", r#"{"reference":"x"}"#),
        BindingOutcome::Undecidable
    );
}

#[test]
fn expected_list_is_short() {
    let t = Terminology::new(&hand_defs());
    let BindingOutcome::NotInValueSet { expected, .. } =
        t.check(&bind("urn:vs:many"), "code", r#""z""#)
    else {
        panic!()
    };
    assert_eq!(expected.len(), EXPECTED_SHOWN + 1);
    assert_eq!(expected.last().unwrap(), "…");
}

#[test]
fn free_function_and_sync() {
    fn is_sync<T: Sync + Send>() {}
    is_sync::<Terminology>();
    assert_eq!(
        check_binding(&hand_defs(), &bind("urn:vs:slotstatus"), "code", r#""busy""#),
        BindingOutcome::InValueSet
    );
}

#[test]
fn official_value_sets() {
    let defs = Definitions::builtin();
    let t = Terminology::new(&defs);
    // Slot.status (R4 required binding, value set including a whole code system).
    let status = bind("http://hl7.org/fhir/ValueSet/slotstatus|4.0.1");
    for c in ["busy", "free", "busy-unavailable", "busy-tentative", "entered-in-error"] {
        assert_eq!(
            t.check(&status, "code", &format!("\"{c}\"")),
            BindingOutcome::InValueSet,
            "{c}"
        );
    }
    let BindingOutcome::NotInValueSet { expected, .. } = t.check(&status, "code", r#""libre""#)
    else {
        panic!()
    };
    assert!(expected.contains(&"free".to_string()), "{expected:?}");
    // Slot.meta.security of the SOS slot: PUBLIC/SNP only.
    let sos =
        bind("https://interop.esante.gouv.fr/ig/fhir/sas/ValueSet/sas-sos-valueset-typecreneau");
    assert_eq!(
        t.check(&sos, "Coding", &format!(r#"{{"system":"{R314}","code":"SNP"}}"#)),
        BindingOutcome::InValueSet
    );
    assert!(matches!(
        t.check(&sos, "Coding", &format!(r#"{{"system":"{R314}","code":"PRO"}}"#)),
        BindingOutcome::NotInValueSet { .. }
    ));
    // Slot.serviceType:TypeConsultation of the CPTS slot is bound to an HL7
    // value set the IG package does not hold: undecidable without it, decided
    // with the built-in tables (which take it from the HL7 code lists).
    let enc = bind("http://terminology.hl7.org/ValueSet/v3-ActEncounterCode");
    let amb = r#"{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}]}"#;
    let mut without = Definitions::new();
    for v in defs.value_sets().iter().filter(|v| v.url != enc.value_set) {
        without.add_value_set(v.clone());
    }
    assert_eq!(
        Terminology::new(&without).check(&enc, "CodeableConcept", amb),
        BindingOutcome::Undecidable
    );
    assert_eq!(t.check(&enc, "CodeableConcept", amb), BindingOutcome::InValueSet);
    // Slot.serviceType.coding of the SOS slot.
    let tc =
        bind("https://interop.esante.gouv.fr/ig/fhir/sas/ValueSet/sas-valueset-typeconsultation");
    assert_eq!(
        t.check(
            &tc,
            "Coding",
            r#"{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"VR"}"#
        ),
        BindingOutcome::InValueSet
    );
    assert!(matches!(
        t.check(
            &tc,
            "Coding",
            r#"{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"vr"}"#
        ),
        BindingOutcome::NotInValueSet { .. }
    ));
}

/// The walker's pre-resolved look-up gives what [`Terminology::check`] gives.
#[test]
fn check_at_agrees_with_check() {
    let mut d = hand_defs();
    // The same code in two systems, sorted apart from the others.
    d.add_value_set(vs("urn:vs:dup", &[("urn:b", "k"), ("urn:a", "a"), ("urn:a", "k")], true));
    let t = Terminology::new(&d);
    let cases: &[(&str, &str, &str)] = &[
        ("urn:vs:slotstatus|4.0.1", "code", r#""free""#),
        ("urn:vs:slotstatus", "code", r#""fr\u0065e""#),
        ("urn:vs:slotstatus", "code", r#""Free""#),
        ("urn:vs:dup", "Coding", r#"{"system":"urn:a","code":"k"}"#),
        ("urn:vs:dup", "Coding", r#"{"system":"urn:c","code":"k"}"#),
        (
            "urn:vs:dup",
            "CodeableConcept",
            r#"{"coding":[{"system":"urn:c","code":"k"},{"system":"urn:b","code":"k"}]}"#,
        ),
        (
            "urn:vs:dup",
            "CodeableConcept",
            r#"{"coding":[{"system":"urn:c","code":"k"}],"text":"t"}"#,
        ),
        ("urn:vs:dup", "CodeableConcept", r#"{"coding":[{"system":"urn:a","code":"k"}],"text":1"#),
        ("urn:vs:partial", "code", r#""y""#),
        ("urn:vs:unknown", "code", r#""x""#),
        ("", "code", r#""x""#),
    ];
    for &(url, ty, json) in cases {
        let at = value_set_index(&d, url);
        assert_eq!(t.check_at(at, ty, json), t.check(&bind(url), ty, json), "{url} {json}");
    }
    assert_eq!(value_set_index(&d, "urn:vs:unknown"), None);
    assert!(matches!(
        t.check(&bind("urn:vs:dup"), "Coding", r#"{"system":"urn:c","code":"k"}"#),
        BindingOutcome::NotInValueSet { .. }
    ));
}

#[test]
fn scanning_a_short_value_set_agrees_with_its_index() {
    // Every built-in value set, short (scanned) or long (searched): its
    // codes are in it, and codes one byte off are in it only if listed.
    let defs = Definitions::builtin();
    let mut checked = 0;
    for vs in defs.value_sets().iter() {
        let index = VsIndex::build(vs);
        for c in vs.codes.iter() {
            let code: &str = &c.code;
            let shorter = code.get(..code.len().saturating_sub(1)).unwrap_or_default();
            for probe in
                [code.to_string(), format!("{code}x"), shorter.to_string(), code.to_uppercase()]
            {
                let listed = !index.positions(vs, &probe).is_empty();
                assert_eq!(index.has(vs, &probe), listed, "{} {probe}", vs.url);
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}
