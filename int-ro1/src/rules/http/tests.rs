//! Tests of RO1-HTTP-*, one module per rule (the layout of ruff's rule
//! folders): each runs its rule on official examples patched to fail and to pass.

mod ro1_http_003 {
    use crate::rules::http::ro1_http_003::*;
    use fr_fhir_core::finding::Severity;

    fn content_type(ct: Option<&str>) -> Vec<Severity> {
        let mut out = Vec::new();
        check(ct, &mut out);
        assert!(out.iter().all(|f| f.rule.id == "RO1-HTTP-003"));
        out.iter().map(|f| f.severity).collect()
    }

    #[test]
    fn http_003_media_type_and_charset() {
        assert_eq!(content_type(Some("application/fhir+json;charset=utf-8")), []);
        assert_eq!(content_type(Some("Application/FHIR+JSON; charset=\"UTF-8\"")), []);
        assert_eq!(content_type(Some("application/fhir+json")), [Severity::Warning]);
        assert_eq!(content_type(Some("application/json")), [Severity::Warning, Severity::Warning]);
        assert_eq!(content_type(Some("application/json+fhir; charset=utf-8")), [Severity::Warning]);
        assert_eq!(content_type(Some("text/html; charset=utf-8")), [Severity::Error]);
        assert_eq!(content_type(Some("application/fhir+xml")), [Severity::Error]);
        assert_eq!(
            content_type(Some("application/fhir+json; charset=iso-8859-1")),
            [Severity::Error]
        );
        assert_eq!(content_type(None), [Severity::Error]);
    }
}

mod ro1_http_005 {
    use crate::rules::http::ro1_http_005::*;
    use fr_fhir_core::finding::Severity;

    #[test]
    fn http_005_thresholds() {
        let run = |ms: f64| {
            let mut out = Vec::new();
            check(ms, &mut out);
            out.iter().map(|f| f.severity).collect::<Vec<_>>()
        };
        assert_eq!(run(412.7), []);
        assert_eq!(run(1000.0), []);
        assert_eq!(run(1000.5), [Severity::Information]);
        assert_eq!(run(7000.0), [Severity::Information]);
        assert_eq!(run(7001.0), [Severity::Error]);
        assert_eq!(run(-1.0), []);
        assert_eq!(run(f64::NAN), []);
    }
}
