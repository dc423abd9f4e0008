//! Tests of RO1-SLOT-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

/// Tests about several rules of the folder.
mod folder {
    use crate::finding::Severity;
    use crate::json::Span;
    use crate::rules::UseCase;
    use crate::rules::slot::RULES;
    use crate::rules::support::presence::written;
    use crate::rules::testutil::{CPTS, PS, SOS, run};

    const WARN: Severity = Severity::Warning;
    /// The CPTS rules checked on each Slot.
    const CPTS_ON_SLOT: &[&str] = &["RO1-CPTS-001", "RO1-CPTS-002", "RO1-CPTS-008"];

    fn own_findings(src: &str, uc: Option<UseCase>) -> Vec<(String, String, Severity)> {
        run(src, uc)
            .into_iter()
            .filter(|f| RULES.iter().any(|r| r.id == f.0) || CPTS_ON_SLOT.contains(&f.0.as_str()))
            .filter(|f| f.2 >= WARN)
            .collect()
    }

    #[test]
    fn valid_examples_give_nothing() {
        assert_eq!(own_findings(PS, None), []);
        assert_eq!(own_findings(CPTS, None), []);
        assert_eq!(own_findings(SOS, None), []);
    }

    #[test]
    fn written_sees_keys_of_the_object_only() {
        let src = r#"{"a": {"end": 1}, "b": null, "c": [1]}"#;
        let span = Span::new(0, src.len() as u32);
        assert!(!written(src, span, "end"));
        assert!(!written(src, span, "b"));
        assert!(written(src, span, "c"));
        assert!(!written(src, Span::default(), "c"));
    }
}

/// The pointer of `path` in the first Slot.
fn s0(path: &str) -> String {
    format!("{}/{path}", crate::rules::slot::testing::S0)
}

mod ro1_slot_001 {
    use super::s0;
    use crate::rules::slot::testing::{ERR, PS, at};
    use crate::rules::testutil::{case, of_rule, patch, rule_table};
    use serde_json::json;

    rule_table! { fn slot_001_status("RO1-SLOT-001") {
        let mut rows = vec![
            case(PS, &s0("status"), Some(json!("busy")), at("status", ERR)),
            case(PS, &s0("status"), None, at("status", ERR)),
            // A wrong JSON type is FHIR-001 alone, not also "missing".
            case(PS, &s0("status"), Some(json!(["free"])), vec![]),
        ];
        let d = patch(PS, &s0("status"), Some(json!(["free"])));
        assert!(!of_rule(&d, None, "RO1-FHIR-001").is_empty());
        // Same for the other elements checked as missing (null is absent).
        for (el, rule) in
            [("comment", "RO1-SLOT-015"), ("meta", "RO1-SLOT-007"), ("start", "RO1-SLOT-002")]
        {
            for v in [json!(12), json!([]), json!(true)] {
                rows.push(case(PS, &s0(el), Some(v), vec![]).rule(rule));
            }
        }
    } rows }
}

mod ro1_slot_002 {
    use super::s0;
    use crate::rules::slot::testing::{ERR, PS, at};
    use crate::rules::testutil::{case, rule_table};

    rule_table! { fn slot_002_start_end_present("RO1-SLOT-002") {
        let mut rows = vec![];
        for el in ["start", "end"] {
            rows.push(case(PS, &s0(el), None, at(el, ERR)));
            rows.push(case(PS, &s0(el), None, vec![]).rule("RO1-SLOT-005"));
        }
        rows.push(case(PS, "", None, vec![]));
    } rows }
}

mod ro1_slot_003 {
    use super::s0;
    use crate::rules::slot::testing::{ERR, PS, at};
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    rule_table! { fn slot_003_invalid_instant_only_once("RO1-SLOT-003") {
        let local = Some(json!("2026-11-26T14:00:00.000"));
        let mut rows = vec![case(PS, &s0("start"), local.clone(), at("start", ERR))];
        for other in ["RO1-SLOT-004", "RO1-SLOT-005", "RO1-FHIR-003"] {
            rows.push(case(PS, &s0("start"), local.clone(), vec![]).rule(other));
        }
        rows.push(case(
            PS,
            &s0("end"),
            Some(json!("2026-02-30T14:20:00.000+01:00")),
            at("end", ERR),
        ));
        rows.push(case(PS, "", None, vec![]));
    } rows }
}

mod ro1_slot_004 {
    use super::s0;
    use crate::rules::slot::testing::{ERR, PS, at, p};
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    rule_table! { fn slot_004_sas_format("RO1-SLOT-004") {
        // Overseas offsets are fine.
        let start = p(PS, "start", Some(json!("2026-11-26T09:00:00.000-04:00")));
        let end = Some(json!("2026-11-26T09:20:00.000-04:00"));
    } [
        case(PS, &s0("start"), Some(json!("2026-11-26T13:00:00Z")), at("start", ERR)),
        case(PS, &s0("end"), Some(json!("2026-11-26T14:20:00.00+01:00")), at("end", ERR)),
        case(&start, &s0("end"), end.clone(), vec![]),
        case(&start, &s0("end"), end, vec![]).rule("RO1-SLOT-005"),
    ] }
}

mod ro1_slot_005 {
    use super::s0;
    use crate::primitives::{parse_instant, scan_instant};
    use crate::rules::slot::Checked;
    use crate::rules::slot::testing::{ERR, PS, at};
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    /// RO1-SLOT-005's comparison of the fields RO1-SLOT-003/004 scanned.
    fn before(a: &str, b: &str) -> bool {
        use crate::model::Instant;
        let (a, b) = (Instant::new(a), Instant::new(b));
        let checked = |v| Checked { value: v, at: scan_instant(v.as_str()).unwrap() };
        crate::rules::slot::ro1_slot_005::is_before(checked(&a), checked(&b))
    }

    #[test]
    fn instants_compare_on_the_time_line() {
        assert!(before("2026-11-26T09:00:00.000+01:00", "2026-11-26T09:20:00.000+01:00"));
        assert!(!before("2026-11-26T09:20:00.000+01:00", "2026-11-26T09:20:00.000+01:00"));
        // Different offsets: 10:00+02:00 is 08:00Z, before 09:30+01:00 (08:30Z).
        assert!(before("2026-11-26T10:00:00.000+02:00", "2026-11-26T09:30:00.000+01:00"));
        assert!(!before("2026-11-26T09:30:00.000+01:00", "2026-11-26T10:00:00.000+02:00"));
        // Other FHIR forms.
        assert!(before("2026-11-26T08:00:00Z", "2026-11-26T09:30:00.000+01:00"));
        assert!(!before("2026-11-26T08:45:00Z", "2026-11-26T09:30:00.000+01:00"));
        // The same instant written with two offsets is not before itself.
        assert!(!before("2026-11-26T09:00:00.000+01:00", "2026-11-26T08:00:00Z"));
        assert!(!before("2026-11-26T08:00:00Z", "2026-11-26T09:00:00.000+01:00"));
        // Across midnight and the year, ±14:00 and -12:00.
        assert!(before("2027-01-01T13:59:59.999+14:00", "2026-12-31T12:00:00.000-12:00"));
        assert!(!before("2027-01-01T14:00:00.000+14:00", "2026-12-31T12:00:00.000-12:00"));
        // A leap second sorts after :59.999 and before the next minute, with
        // the same offset and with another.
        assert!(before("2016-12-31T23:59:59.999Z", "2016-12-31T23:59:60.000Z"));
        assert!(before("2016-12-31T23:59:60.500Z", "2017-01-01T00:00:00.000Z"));
        assert!(before("2016-12-31T23:59:60.500Z", "2017-01-01T01:00:00.000+01:00"));
        assert!(!before("2017-01-01T00:59:60.500+01:00", "2016-12-31T23:59:60.500Z"));
    }

    /// The comparison RO1-SLOT-005 makes on its scanned fields is chrono's
    /// comparison of the parsed instants: a wrong reuse (a field, the offset
    /// or the fraction read wrongly) would show on one of these pairs.
    #[test]
    fn comparison_agrees_with_chrono() {
        let values = [
            "2024-02-29T23:30:00.000+01:00",
            "2024-02-29T22:30:00.000Z",
            "2024-02-29T22:30:00.001Z",
            "2024-02-29T22:30:00.0001+00:00",
            "2024-03-01T00:30:00.000+02:00",
            "2024-02-29T10:30:00.000-12:00",
            "2024-03-01T12:30:00.000+14:00",
            "2024-03-01T12:29:59.999999999+14:00",
            "2024-02-29T22:29:60.5Z",
            "2024-02-29T22:30:00Z",
            "2024-02-29T22:30:00.5-00:30",
            "0001-01-01T00:00:00.000+14:00",
            "9999-12-31T23:59:59.999-12:00",
        ];
        for a in values {
            for b in values {
                let chrono_says = parse_instant(a).unwrap() < parse_instant(b).unwrap();
                assert_eq!(before(a, b), chrono_says, "{a} < {b}");
            }
        }
    }

    rule_table! { fn slot_005_start_before_end("RO1-SLOT-005") {} [
        case(PS, &s0("end"), Some(json!("2026-11-26T14:00:00.000+01:00")), at("end", ERR)),
        // Offsets are taken into account: the start 14:00+01:00 is 13:00Z.
        case(PS, &s0("end"), Some(json!("2026-11-26T12:55:00.000+00:00")), at("end", ERR)),
        case(PS, &s0("end"), Some(json!("2026-11-26T13:05:00.000+00:00")), vec![]),
    ] }
}

mod ro1_slot_006 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, SOS, assert_cases, at, case, patch};

    #[test]
    fn slot_006_schedule() {
        let s = "/entry/0/resource/schedule";
        let r = "/entry/0/resource/schedule/reference";
        let x = "Bundle.entry[0].resource.schedule.reference";
        let unknown = Some(json!("Schedule/inconnu"));
        assert_cases(
            "RO1-SLOT-006",
            &[
                case(PS, r, unknown.clone(), at(x, E)),
                case(PS, r, unknown.clone(), vec![]).rule("RO1-REF-001"),
                case(PS, r, Some(json!("Practitioner/prat-4821")), at(x, E)),
                case(PS, s, Some(json!({"display": "agenda"})), at(x, E)),
                case(
                    SOS,
                    "/entry/2/resource/schedule",
                    None,
                    at("Bundle.entry[2].resource.schedule", E),
                ),
                // Wrong JSON type: RO1-FHIR-001 only.
                case(PS, s, Some(json!("Schedule/agenda-4821-lyon3")), vec![]),
            ],
        );
        let src = patch(PS, r, unknown);
        let report = crate::rules::validate(&src, &crate::rules::Options::default()).unwrap();
        let cause = report.findings.iter().find_map(|f| f.cause.as_ref()).unwrap();
        assert_eq!(cause.message.en, "Schedule resource `Schedule/inconnu` is not in the Bundle");
        assert_eq!(cause.message.fr, "ressource Schedule `Schedule/inconnu` absente du Bundle");
    }
}

mod ro1_slot_007 {
    use crate::rules::UseCase;
    use crate::rules::slot::testing::{ERR, PS, WARN, at, coding, of_slot0, p};
    use crate::rules::support::terminology as term;
    use serde_json::json;

    #[test]
    fn slot_007_security_per_use_case() {
        let sys = term::TRE_R314;
        let (ps, cpts, sos) = (Some(UseCase::PS), Some(UseCase::CPTS), Some(UseCase::SOS));
        let prive = Some(json!([coding(sys, "PRIVE")]));
        let public_cpts = Some(json!([coding(sys, "PUBLIC"), coding(sys, "CPTS")]));
        let pro = Some(json!([coding(sys, "PRO")]));
        let other = Some(json!([coding("https://x.example/types", "PUBLIC")]));
        // (meta/security or, for the last row, meta; use case; expected on the first Slot).
        let rows = [
            ("meta/security", prive.clone(), ps, at("meta.security[0].code", ERR)),
            ("meta/security", prive.clone(), cpts, at("meta.security[0].code", ERR)),
            ("meta/security", prive, sos, at("meta.security[0].code", ERR)),
            ("meta/security", public_cpts.clone(), None, at("meta.security[1].code", WARN)),
            ("meta/security", public_cpts.clone(), cpts, vec![]),
            ("meta/security", public_cpts, sos, at("meta.security[1].code", ERR)),
            ("meta/security", pro.clone(), None, vec![]),
            ("meta/security", pro, sos, at("meta.security[0].code", ERR)),
            ("meta/security", other, None, at("meta.security[0].system", ERR)),
            (
                "meta/security",
                Some(json!([{"code": "PUBLIC"}])),
                None,
                at("meta.security[0].system", ERR),
            ),
            ("meta/security", None, None, at("meta.security", ERR)),
            ("meta", None, None, at("meta.security", ERR)),
        ];
        // Findings on the first Slot only: the other slots of the PS example use PRO, which SOS forbids.
        for (i, (path, v, uc, want)) in rows.into_iter().enumerate() {
            let d = p(PS, path, v);
            assert_eq!(of_slot0(&d, uc, "RO1-SLOT-007"), want, "row {i}: {path} in {uc:?}");
        }
    }
}

mod ro1_slot_008 {
    use super::s0;
    use crate::rules::slot::testing::{ERR, PS, WARN, at, coding};
    use crate::rules::support::terminology as term;
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    rule_table! { fn slot_008_consultation_codes("RO1-SLOT-008") {
        let v3 = term::V3_ACT_CODE;
    } [
        case(PS, &s0("serviceType/0/coding/0/code"), Some(json!("CABINET")), at("serviceType[0].coding[0].code", ERR)),
        case(PS, &s0("serviceType/1"), Some(json!({"coding": [coding(v3, "EMER")]})), at("serviceType[1].coding[0].code", WARN)),
        case(PS, &s0("serviceType/1"), Some(json!({"coding": [{"system": v3}]})), at("serviceType[1].coding[0].code", ERR)),
        case(PS, "", None, vec![]),
    ] }
}

mod ro1_slot_009 {
    use crate::rules::slot::testing::{ERR, OTHER_SYSTEM, coding};
    use crate::rules::support::terminology as term;
    use crate::rules::testutil::{SOS, at, case, rule_table};
    use serde_json::json;

    rule_table! { fn slot_009_sos_only_amb_hh_vr("RO1-SLOT-009") {
        let emer = Some(json!("EMER"));
        let st = "/entry/2/resource/serviceType";
        let x = "Bundle.entry[2].resource.serviceType";
        let two = Some(
            json!([{"coding": [coding(term::V3_ACT_CODE, "AMB")]}, {"coding": [coding(OTHER_SYSTEM, "M1")]}]),
        );
        let code0 = format!("{st}/0/coding/0/code");
    } [
        case(SOS, &code0, emer.clone(), at(&format!("{x}[0].coding[0].code"), ERR)),
        case(SOS, &code0, emer, vec![]).rule("RO1-SLOT-008"),
        case(SOS, st, two.clone(), at(&format!("{x}[1].coding[0].system"), ERR)),
        case(SOS, st, two, vec![]).rule("RO1-SLOT-011"),
        case(SOS, "", None, vec![]),
    ] }
}

mod ro1_slot_010 {
    use super::s0;
    use crate::rules::slot::testing::{PS, WARN, at};
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    rule_table! { fn slot_010_consultation_type_present("RO1-SLOT-010") {
        let st = s0("serviceType");
    } [
        case(PS, &st, Some(json!([{"text": "Consultation"}])), at("serviceType", WARN)),
        case(PS, &st, None, at("serviceType", WARN)),
        case(PS, "", None, vec![]),
    ] }
}

mod ro1_slot_011 {
    use super::s0;
    use crate::rules::slot::testing::{OTHER_SYSTEM, PS, WARN, at, coding};
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    rule_table! { fn slot_011_coded_motif("RO1-SLOT-011") {
        let motif = json!({"coding": [coding(OTHER_SYSTEM, "M12")], "text": "Renouvellement"});
        let st1 = s0("serviceType/1");
    } [
        case(PS, &st1, Some(motif), at("serviceType[1].coding[0].system", WARN)),
        case(PS, &st1, Some(json!({"coding": [{"code": "M12"}]})), at("serviceType[1].coding[0]", WARN)),
        // Text only, the expected form.
        case(PS, "", None, vec![]),
    ] }
}

mod ro1_slot_012 {
    use super::s0;
    use crate::rules::slot::testing::{ERR, OTHER_SYSTEM, PS, WARN, at, coding};
    use crate::rules::support::terminology as term;
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    rule_table! { fn slot_012_specialty("RO1-SLOT-012") {
        // Another coding next to a TRE_R38 one is fine.
        let both = json!({"coding": [coding(OTHER_SYSTEM, "MG"), coding(term::TRE_R38, "SM54")]});
        // Any TRE_R38 coding with a known code will do, the first one included.
        let unknown_then_known = json!({"coding": [coding(term::TRE_R38, "SM99"), coding(term::TRE_R38, "SM54")]});
        let known_then_unknown = json!({"coding": [coding(term::TRE_R38, "SM54"), coding(term::TRE_R38, "SM99")]});
        let sp0 = s0("specialty/0");
    } [
        case(PS, &sp0, Some(unknown_then_known), vec![]),
        case(PS, &sp0, Some(known_then_unknown), vec![]),
        case(PS, &format!("{sp0}/coding/0/system"), Some(json!("https://editeur.example/spe")), at("specialty[0].coding[0].system", ERR)),
        case(PS, &sp0, Some(json!({"text": "Médecine générale"})), at("specialty[0]", WARN)),
        case(PS, &format!("{sp0}/coding/0/code"), Some(json!("SM99")), at("specialty[0].coding[0].code", WARN)),
        case(PS, &sp0, Some(both), vec![]),
        case(PS, "", None, vec![]),
    ] }
}

mod ro1_slot_013 {
    use super::s0;
    use crate::rules::slot::testing::{ERR, PS, at};
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    rule_table! { fn slot_013_appointment_type_codes("RO1-SLOT-013") {} [
        case(PS, &s0("appointmentType/coding/0/code"), Some(json!("EMERGENCY")), at("appointmentType.coding[0].code", ERR)),
        case(PS, &s0("appointmentType/coding/0/system"), Some(json!("http://x.example/cs")), at("appointmentType.coding[0].system", ERR)),
        case(PS, "", None, vec![]),
    ] }
}

mod ro1_slot_014 {
    use super::s0;
    use crate::rules::slot::testing::{PS, WARN, at};
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    rule_table! { fn slot_014_appointment_type_present("RO1-SLOT-014") {
        let at_ = s0("appointmentType");
    } [
        case(PS, &at_, None, at("appointmentType", WARN)),
        case(PS, &at_, Some(json!({"text": "avec RDV"})), at("appointmentType.coding", WARN)),
        case(PS, "", None, vec![]),
    ] }
}

mod ro1_slot_015 {
    use super::s0;
    use crate::rules::slot::ro1_slot_015::is_http_url;
    use crate::rules::slot::testing::{ERR, PS, WARN, at};
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    #[test]
    fn http_urls() {
        assert!(is_http_url("https://a.fr/rdv?x=1"));
        assert!(is_http_url("HTTP://a.fr"));
        assert!(is_http_url("https://a.fr/médecin"));
        assert!(!is_http_url("https://a.fr/x y"));
        assert!(!is_http_url("https://a.fr/x\u{2003}y"));
        assert!(!is_http_url("https://a.fr/x\u{85}"));
        assert!(!is_http_url("https:///x"));
        assert!(!is_http_url("https://:80/x"));
        assert!(!is_http_url("ftp://a.fr"));
    }

    rule_table! { fn slot_015_comment_severity_follows_appointment_type("RO1-SLOT-015") {
        // Slot 0 is ROUTINE, slot 2 WALKIN.
        let mut rows = vec![
            case(PS, &s0("comment"), None, at("comment", ERR)),
            case(
                PS,
                "/entry/2/resource/comment",
                None,
                vec![("Bundle.entry[2].resource.comment".to_string(), WARN)],
            ),
            case(PS, &s0("appointmentType"), None, at("comment", WARN)).then(&s0("comment"), None),
        ];
        let bad = [
            "Prendre RDV au 04 65 71 27 77",
            "   ",
            "ftp://x.example/a",
            "https:///agenda",
            "www.x.fr",
        ];
        rows.extend(bad.map(|b| case(PS, &s0("comment"), Some(json!(b)), at("comment", ERR))));
        let good = ["HTTPS://agenda.example.fr", "http://x.fr:8080/a?b=c#d"];
        rows.extend(good.map(|g| case(PS, &s0("comment"), Some(json!(g)), vec![])));
    } rows }
}

mod ro1_slot_016 {
    use super::s0;
    use crate::rules::slot::testing::{E0, ERR, PS, at};
    use crate::rules::testutil::{case, rule_table};
    use serde_json::json;

    rule_table! { fn slot_016_fr_core("RO1-SLOT-016") {
        let three = json!([{"text": "a"}, {"text": "b"}, {"text": "c"}]);
        let ids = json!([{"use": "primary", "value": "x"}, {"use": "official", "value": "y"}]);
        let sc = s0("serviceCategory");
    } [
        case(PS, &sc, Some(three), vec![(format!("{E0}.serviceCategory[1]"), ERR), (format!("{E0}.serviceCategory[2]"), ERR)]),
        case(PS, &sc, Some(json!([{"text": "a"}])), vec![]),
        case(PS, &s0("identifier"), Some(ids), at("identifier[0].use", ERR)),
    ] }
}

mod ro1_slot_017 {
    use crate::finding::Severity;
    use crate::rules::slot::testing::{PS, WARN, at};
    use crate::rules::{Options, validate};

    fn with_now(src: &str, now: Option<&str>) -> Vec<(String, Severity)> {
        let opts = Options { now: now.map(|n| n.parse().unwrap()), ..Options::default() };
        let report = validate(src, &opts).unwrap();
        report
            .findings
            .iter()
            .filter(|f| f.rule.id == "RO1-SLOT-017")
            .map(|f| (f.resolved.as_ref().unwrap().expression.clone(), f.severity))
            .collect()
    }

    #[test]
    fn slot_017_slot_in_the_past() {
        // Slot 0 starts at 13:00Z, slot 1 at 13:20Z, the others later.
        assert_eq!(with_now(PS, Some("2026-11-26T13:10:00Z")), at("start", WARN));
        assert_eq!(with_now(PS, Some("2026-11-26T13:00:00Z")), []);
        assert_eq!(with_now(PS, None), []);
    }

    /// The start is compared as scanned by RO1-SLOT-003/004: to the
    /// nanosecond, in any offset.
    #[test]
    fn slot_017_compares_to_the_nanosecond_in_any_offset() {
        use crate::rules::slot::testing::p;
        use serde_json::json;
        // 13:00:00.000000001Z.
        let start = p(PS, "start", Some(json!("2026-11-26T03:00:00.000000001-10:00")));
        assert_eq!(with_now(&start, Some("2026-11-26T13:00:00Z")), []);
        assert_eq!(with_now(&start, Some("2026-11-27T03:00:00.000000001+14:00")), []);
        assert_eq!(with_now(&start, Some("2026-11-26T13:00:00.000000002Z")), at("start", WARN));
        // 12:59:60.5Z: after :59.999, before the next minute.
        let leap = p(PS, "start", Some(json!("2026-11-26T13:59:60.5+01:00")));
        assert_eq!(with_now(&leap, Some("2026-11-26T12:59:59.999Z")), []);
        assert_eq!(with_now(&leap, Some("2026-11-26T13:00:00Z")), at("start", WARN));
    }
}
