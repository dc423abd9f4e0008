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

mod ro1_slot_001 {
    use crate::rules::slot::testing::{ERR, PS, at, p};
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn slot_001_status() {
        let d = p(PS, "status", Some(json!("busy")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-001"), at("status", ERR));
        let d = p(PS, "status", None);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-001"), at("status", ERR));
        // A wrong JSON type is FHIR-001 alone, not also "missing".
        let d = p(PS, "status", Some(json!(["free"])));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-001"), []);
        assert!(!of_rule(&d, None, "RO1-FHIR-001").is_empty()); // Same for the other elements checked as missing (null is absent).
        for (el, rule) in
            [("comment", "RO1-SLOT-015"), ("meta", "RO1-SLOT-007"), ("start", "RO1-SLOT-002")]
        {
            for v in [json!(12), json!([]), json!(true)] {
                let d = p(PS, el, Some(v.clone()));
                assert_eq!(of_rule(&d, None, rule), [], "{el} = {v}");
            }
        }
    }
}

mod ro1_slot_002 {
    use crate::rules::slot::testing::{ERR, PS, at, p};
    use crate::rules::testutil::of_rule;

    #[test]
    fn slot_002_start_end_present() {
        for el in ["start", "end"] {
            let d = p(PS, el, None);
            assert_eq!(of_rule(&d, None, "RO1-SLOT-002"), at(el, ERR));
            assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), []);
        }
        assert_eq!(of_rule(PS, None, "RO1-SLOT-002"), []);
    }
}

mod ro1_slot_003 {
    use crate::rules::slot::testing::{ERR, PS, at, p};
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn slot_003_invalid_instant_only_once() {
        let d = p(PS, "start", Some(json!("2026-11-26T14:00:00.000")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-003"), at("start", ERR));
        for other in ["RO1-SLOT-004", "RO1-SLOT-005", "RO1-FHIR-003"] {
            assert_eq!(of_rule(&d, None, other), [], "{other}");
        }
        let d = p(PS, "end", Some(json!("2026-02-30T14:20:00.000+01:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-003"), at("end", ERR));
        assert_eq!(of_rule(PS, None, "RO1-SLOT-003"), []);
    }
}

mod ro1_slot_004 {
    use crate::rules::slot::testing::{ERR, PS, S0, at, p};
    use crate::rules::testutil::{of_rule, patch};
    use serde_json::json;

    #[test]
    fn slot_004_sas_format() {
        let d = p(PS, "start", Some(json!("2026-11-26T13:00:00Z")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-004"), at("start", ERR));
        let d = p(PS, "end", Some(json!("2026-11-26T14:20:00.00+01:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-004"), at("end", ERR));
        // Overseas offsets are fine.
        let d = p(PS, "start", Some(json!("2026-11-26T09:00:00.000-04:00")));
        let d = patch(&d, &format!("{S0}/end"), Some(json!("2026-11-26T09:20:00.000-04:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-004"), []);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), []);
    }
}

mod ro1_slot_005 {
    use crate::primitives::check_sas_instant;
    use crate::rules::slot::Checked;
    use crate::rules::slot::testing::{ERR, PS, at, p};
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn instants_compare_as_text_only_with_equal_offsets() {
        use crate::model::Instant;
        let before = |a: &str, b: &str| {
            let (a, b) = (Instant::new(a), Instant::new(b));
            let checked = |v| Checked { value: v, sas: check_sas_instant(v.as_str()).is_ok() };
            crate::rules::slot::ro1_slot_005::is_before(checked(&a), checked(&b))
        };
        assert!(before("2026-11-26T09:00:00.000+01:00", "2026-11-26T09:20:00.000+01:00"));
        assert!(!before("2026-11-26T09:20:00.000+01:00", "2026-11-26T09:20:00.000+01:00"));
        // Different offsets: 10:00+02:00 is 08:00Z, before 09:30+01:00 (08:30Z).
        assert!(before("2026-11-26T10:00:00.000+02:00", "2026-11-26T09:30:00.000+01:00"));
        assert!(!before("2026-11-26T09:30:00.000+01:00", "2026-11-26T10:00:00.000+02:00"));
        // Other FHIR forms go through the calendar.
        assert!(before("2026-11-26T08:00:00Z", "2026-11-26T09:30:00.000+01:00"));
        assert!(!before("2026-11-26T08:45:00Z", "2026-11-26T09:30:00.000+01:00"));
    }

    #[test]
    fn slot_005_start_before_end() {
        let d = p(PS, "end", Some(json!("2026-11-26T14:00:00.000+01:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), at("end", ERR));
        // Offsets are taken into account: the start 14:00+01:00 is 13:00Z.
        let d = p(PS, "end", Some(json!("2026-11-26T12:55:00.000+00:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), at("end", ERR));
        let d = p(PS, "end", Some(json!("2026-11-26T13:05:00.000+00:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), []);
    }
}

mod ro1_slot_006 {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, SOS, at, of_rule, patch};

    #[test]
    fn slot_006_schedule() {
        let src =
            patch(PS, "/entry/0/resource/schedule/reference", Some(json!("Schedule/inconnu")));
        assert_eq!(
            of_rule(&src, None, "RO1-SLOT-006"),
            at("Bundle.entry[0].resource.schedule.reference", E)
        );
        assert!(of_rule(&src, None, "RO1-REF-001").is_empty());
        let report = crate::rules::validate(&src, &crate::rules::Options::default()).unwrap();
        let cause = report.findings.iter().find_map(|f| f.cause.as_ref()).unwrap();
        assert_eq!(cause.message.en, "Schedule resource `Schedule/inconnu` is not in the Bundle");
        assert_eq!(cause.message.fr, "ressource Schedule `Schedule/inconnu` absente du Bundle");
        let src = patch(
            PS,
            "/entry/0/resource/schedule/reference",
            Some(json!("Practitioner/prat-4821")),
        );
        assert_eq!(
            of_rule(&src, None, "RO1-SLOT-006"),
            at("Bundle.entry[0].resource.schedule.reference", E)
        );
        let src = patch(PS, "/entry/0/resource/schedule", Some(json!({"display": "agenda"})));
        assert_eq!(
            of_rule(&src, None, "RO1-SLOT-006"),
            at("Bundle.entry[0].resource.schedule.reference", E)
        );
        let src = patch(SOS, "/entry/2/resource/schedule", None);
        assert_eq!(of_rule(&src, None, "RO1-SLOT-006"), at("Bundle.entry[2].resource.schedule", E));
        // Wrong JSON type: RO1-FHIR-001 only.
        let src =
            patch(PS, "/entry/0/resource/schedule", Some(json!("Schedule/agenda-4821-lyon3")));
        assert!(of_rule(&src, None, "RO1-SLOT-006").is_empty());
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
        let d = p(PS, "meta/security", Some(json!([coding(sys, "PRIVE")])));
        for uc in [UseCase::PS, UseCase::CPTS, UseCase::SOS] {
            assert_eq!(of_slot0(&d, Some(uc), "RO1-SLOT-007"), at("meta.security[0].code", ERR));
        }
        let d = p(PS, "meta/security", Some(json!([coding(sys, "PUBLIC"), coding(sys, "CPTS")])));
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), at("meta.security[1].code", WARN));
        assert_eq!(of_slot0(&d, Some(UseCase::CPTS), "RO1-SLOT-007"), []);
        assert_eq!(
            of_slot0(&d, Some(UseCase::SOS), "RO1-SLOT-007"),
            at("meta.security[1].code", ERR)
        );
        let d = p(PS, "meta/security", Some(json!([coding(sys, "PRO")])));
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), []);
        assert_eq!(
            of_slot0(&d, Some(UseCase::SOS), "RO1-SLOT-007"),
            at("meta.security[0].code", ERR)
        );
        let d = p(PS, "meta/security", Some(json!([coding("https://x.example/types", "PUBLIC")])));
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), at("meta.security[0].system", ERR));
        let d = p(PS, "meta/security", Some(json!([{"code": "PUBLIC"}])));
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), at("meta.security[0].system", ERR));
        let d = p(PS, "meta/security", None);
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), at("meta.security", ERR));
        let d = p(PS, "meta", None);
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), at("meta.security", ERR));
    }
}

mod ro1_slot_008 {
    use crate::rules::slot::testing::{ERR, PS, WARN, at, coding, p};
    use crate::rules::support::terminology as term;
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn slot_008_consultation_codes() {
        let v3 = term::V3_ACT_CODE;
        let d = p(PS, "serviceType/0/coding/0/code", Some(json!("CABINET")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-008"), at("serviceType[0].coding[0].code", ERR));
        let d = p(PS, "serviceType/1", Some(json!({"coding": [coding(v3, "EMER")]})));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-008"), at("serviceType[1].coding[0].code", WARN));
        let d = p(PS, "serviceType/1", Some(json!({"coding": [{"system": v3}]})));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-008"), at("serviceType[1].coding[0].code", ERR));
        assert_eq!(of_rule(PS, None, "RO1-SLOT-008"), []);
    }
}

mod ro1_slot_009 {
    use crate::rules::slot::testing::{ERR, OTHER_SYSTEM, coding};
    use crate::rules::support::terminology as term;
    use crate::rules::testutil::{SOS, of_rule, patch};
    use serde_json::json;

    #[test]
    fn slot_009_sos_only_amb_hh_vr() {
        const SOS2: &str = "/entry/2/resource/serviceType";
        let e = "Bundle.entry[2].resource.serviceType";
        let d = patch(SOS, &format!("{SOS2}/0/coding/0/code"), Some(json!("EMER")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-009"), [(format!("{e}[0].coding[0].code"), ERR)]);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-008"), []);
        let st = json!([{"coding": [coding(term::V3_ACT_CODE, "AMB")]}, {"coding": [coding(OTHER_SYSTEM, "M1")]}]);
        let d = patch(SOS, SOS2, Some(st));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-009"), [(format!("{e}[1].coding[0].system"), ERR)]);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-011"), []);
        assert_eq!(of_rule(SOS, None, "RO1-SLOT-009"), []);
    }
}

mod ro1_slot_010 {
    use crate::rules::slot::testing::{PS, WARN, at, p};
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn slot_010_consultation_type_present() {
        let d = p(PS, "serviceType", Some(json!([{"text": "Consultation"}])));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-010"), at("serviceType", WARN));
        let d = p(PS, "serviceType", None);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-010"), at("serviceType", WARN));
        assert_eq!(of_rule(PS, None, "RO1-SLOT-010"), []);
    }
}

mod ro1_slot_011 {
    use crate::rules::slot::testing::{OTHER_SYSTEM, PS, WARN, at, coding, p};
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn slot_011_coded_motif() {
        let motif = json!({"coding": [coding(OTHER_SYSTEM, "M12")], "text": "Renouvellement"});
        let d = p(PS, "serviceType/1", Some(motif));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-011"), at("serviceType[1].coding[0].system", WARN));
        let d = p(PS, "serviceType/1", Some(json!({"coding": [{"code": "M12"}]})));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-011"), at("serviceType[1].coding[0]", WARN));
        // Text only, the expected form.
        assert_eq!(of_rule(PS, None, "RO1-SLOT-011"), []);
    }
}

mod ro1_slot_012 {
    use crate::rules::slot::testing::{ERR, OTHER_SYSTEM, PS, WARN, at, coding, p};
    use crate::rules::support::terminology as term;
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn slot_012_specialty() {
        let d = p(PS, "specialty/0/coding/0/system", Some(json!("https://editeur.example/spe")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-012"), at("specialty[0].coding[0].system", ERR));
        let d = p(PS, "specialty/0", Some(json!({"text": "Médecine générale"})));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-012"), at("specialty[0]", WARN));
        let d = p(PS, "specialty/0/coding/0/code", Some(json!("SM99")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-012"), at("specialty[0].coding[0].code", WARN));
        // Another coding next to a TRE_R38 one is fine.
        let both = json!({"coding": [coding(OTHER_SYSTEM, "MG"), coding(term::TRE_R38, "SM54")]});
        let d = p(PS, "specialty/0", Some(both));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-012"), []);
        assert_eq!(of_rule(PS, None, "RO1-SLOT-012"), []);
    }
}

mod ro1_slot_013 {
    use crate::rules::slot::testing::{ERR, PS, at, p};
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn slot_013_appointment_type_codes() {
        let d = p(PS, "appointmentType/coding/0/code", Some(json!("EMERGENCY")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-013"), at("appointmentType.coding[0].code", ERR));
        let d = p(PS, "appointmentType/coding/0/system", Some(json!("http://x.example/cs")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-013"), at("appointmentType.coding[0].system", ERR));
        assert_eq!(of_rule(PS, None, "RO1-SLOT-013"), []);
    }
}

mod ro1_slot_014 {
    use crate::rules::slot::testing::{PS, WARN, at, p};
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn slot_014_appointment_type_present() {
        let d = p(PS, "appointmentType", None);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-014"), at("appointmentType", WARN));
        let d = p(PS, "appointmentType", Some(json!({"text": "avec RDV"})));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-014"), at("appointmentType.coding", WARN));
        assert_eq!(of_rule(PS, None, "RO1-SLOT-014"), []);
    }
}

mod ro1_slot_015 {
    use crate::rules::slot::ro1_slot_015::is_http_url;
    use crate::rules::slot::testing::{ERR, PS, S0, WARN, at, p};
    use crate::rules::testutil::{of_rule, patch};
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

    #[test]
    fn slot_015_comment_severity_follows_appointment_type() {
        // Slot 0 is ROUTINE, slot 2 WALKIN.
        let d = p(PS, "comment", None);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-015"), at("comment", ERR));
        let d = patch(PS, "/entry/2/resource/comment", None);
        assert_eq!(
            of_rule(&d, None, "RO1-SLOT-015"),
            [("Bundle.entry[2].resource.comment".to_string(), WARN)]
        );
        let d = p(PS, "appointmentType", None);
        let d = patch(&d, &format!("{S0}/comment"), None);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-015"), at("comment", WARN));
        for bad in [
            "Prendre RDV au 04 65 71 27 77",
            "   ",
            "ftp://x.example/a",
            "https:///agenda",
            "www.x.fr",
        ] {
            let d = p(PS, "comment", Some(json!(bad)));
            assert_eq!(of_rule(&d, None, "RO1-SLOT-015"), at("comment", ERR), "{bad}");
        }
        for good in ["HTTPS://agenda.example.fr", "http://x.fr:8080/a?b=c#d"] {
            let d = p(PS, "comment", Some(json!(good)));
            assert_eq!(of_rule(&d, None, "RO1-SLOT-015"), [], "{good}");
        }
    }
}

mod ro1_slot_016 {
    use crate::rules::slot::testing::{E0, ERR, PS, at, p};
    use crate::rules::testutil::of_rule;
    use serde_json::json;

    #[test]
    fn slot_016_fr_core() {
        let d =
            p(PS, "serviceCategory", Some(json!([{"text": "a"}, {"text": "b"}, {"text": "c"}])));
        assert_eq!(
            of_rule(&d, None, "RO1-SLOT-016"),
            [(format!("{E0}.serviceCategory[1]"), ERR), (format!("{E0}.serviceCategory[2]"), ERR)]
        );
        let d = p(PS, "serviceCategory", Some(json!([{"text": "a"}])));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-016"), []);
        let d = p(
            PS,
            "identifier",
            Some(json!([{"use": "primary", "value": "x"}, {"use": "official", "value": "y"}])),
        );
        assert_eq!(of_rule(&d, None, "RO1-SLOT-016"), at("identifier[0].use", ERR));
    }
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
}
