//! OperationOutcome body rules: RO1-OO-002, RO1-OO-003 (RO1-OO-001 needs
//! the HTTP status and lives in int-ro1).

use crate::finding::RuleMeta;
use crate::model::OperationOutcome;
use crate::rules::oo::ro1_oo_002;
use crate::rules::oo::ro1_oo_003;
use crate::rules::{Emitter, Scope, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[&ro1_oo_002::RULE, &ro1_oo_003::RULE];

/// FHIR R4 `issue-severity` codes.
const ISSUE_SEVERITY: &[&str] = &["fatal", "error", "warning", "information"];

/// FHIR R4 `issue-type` codes (the whole hierarchy).
const ISSUE_TYPE: &[&str] = &[
    "invalid",
    "structure",
    "required",
    "value",
    "invariant",
    "security",
    "login",
    "unknown",
    "expired",
    "forbidden",
    "suppressed",
    "processing",
    "not-supported",
    "duplicate",
    "multiple-matches",
    "not-found",
    "deleted",
    "too-long",
    "code-invalid",
    "extension",
    "too-costly",
    "business-rule",
    "conflict",
    "transient",
    "lock-error",
    "no-store",
    "exception",
    "timeout",
    "incomplete",
    "throttled",
    "informational",
];

/// Checks an OperationOutcome body.
pub fn check(oo: &OperationOutcome<'_>, em: &mut Emitter<'_>) {
    if oo.issue.is_empty() {
        em.missing(
            Scope::ALL,
            &ro1_oo_002::RULE,
            oo.span,
            "issue",
            "OperationOutcome sans `issue` : au moins un problème doit être décrit".into(),
            "OperationOutcome without `issue`: at least one issue must be described".into(),
        );
        return;
    }
    let mut failure = false;
    let mut explained = false;
    for issue in &oo.issue {
        match &issue.severity {
            None => em.missing(
                Scope::ALL,
                &ro1_oo_002::RULE,
                issue.span,
                "severity",
                "issue sans `severity` (fatal, error, warning ou information)".into(),
                "issue without `severity` (fatal, error, warning or information)".into(),
            ),
            Some(s) if !ISSUE_SEVERITY.contains(&s.as_str()) => em.at(
                Scope::ALL,
                &ro1_oo_002::RULE,
                s.span,
                format!(
                    "issue.severity {} inconnu : fatal, error, warning ou information attendu",
                    quote(s.as_str())
                ),
                format!(
                    "unknown issue.severity {}: fatal, error, warning or information expected",
                    quote(s.as_str())
                ),
            ),
            Some(s) => failure |= matches!(s.as_str(), "fatal" | "error"),
        }
        match &issue.code {
            None => em.missing(
                Scope::ALL,
                &ro1_oo_002::RULE,
                issue.span,
                "code",
                "issue sans `code` (IssueType, par exemple `invalid` ou `required`)".into(),
                "issue without `code` (IssueType, e.g. `invalid` or `required`)".into(),
            ),
            Some(c) if !ISSUE_TYPE.contains(&c.as_str()) => em.at(
                Scope::ALL,
                &ro1_oo_002::RULE,
                c.span,
                format!("issue.code {} n'est pas un code IssueType FHIR R4", quote(c.as_str())),
                format!("issue.code {} is not a FHIR R4 IssueType code", quote(c.as_str())),
            ),
            Some(_) => {}
        }
        explained |=
            issue.diagnostics.is_some() || issue.details.as_ref().is_some_and(|d| d.text.is_some());
    }
    if !failure {
        em.missing(
            Scope::ALL,
            &ro1_oo_003::RULE,
            oo.span,
            "issue",
            "aucun issue de sévérité `error` ou `fatal` : l'échec de la recherche n'est pas signalé".into(),
            "no issue of severity `error` or `fatal`: the failure of the search is not stated".into(),
        );
    }
    if !explained && let Some(first) = oo.issue.first() {
        em.missing(
            Scope::ALL,
            &ro1_oo_003::RULE,
            first.span,
            "diagnostics",
            "aucun issue n'explique la cause (`details.text` ou `diagnostics`)".into(),
            "no issue explains the cause (`details.text` or `diagnostics`)".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::finding::Severity;
    use crate::rules::testutil::{of_rule, patch};

    const OO: &str = include_str!("../../../../examples/valid/error-400.json");

    #[test]
    fn valid_error_body_is_clean() {
        assert!(of_rule(OO, None, "RO1-OO-002").is_empty());
        assert!(of_rule(OO, None, "RO1-OO-003").is_empty());
        assert!(of_rule(OO, None, "RO1-BUNDLE-001").is_empty());
    }

    #[test]
    fn issue_needs_severity_and_code() {
        let src = patch(OO, "/issue/0/severity", None);
        assert!(
            of_rule(&src, None, "RO1-OO-002")
                .contains(&("OperationOutcome.issue[0].severity".into(), Severity::Error))
        );
        let src = patch(OO, "/issue/0/code", Some(json!("missing-param")));
        assert_eq!(
            of_rule(&src, None, "RO1-OO-002"),
            [("OperationOutcome.issue[0].code".into(), Severity::Error)]
        );
        let src = patch(OO, "/issue/0/severity", Some(json!("critical")));
        assert!(
            of_rule(&src, None, "RO1-OO-002")
                .contains(&("OperationOutcome.issue[0].severity".into(), Severity::Error))
        );
        let src = patch(OO, "/issue", None);
        assert_eq!(
            of_rule(&src, None, "RO1-OO-002"),
            [("OperationOutcome.issue".into(), Severity::Error)]
        );
    }

    #[test]
    fn failure_must_be_stated_and_explained() {
        let src = patch(OO, "/issue/0/severity", Some(json!("warning")));
        assert_eq!(
            of_rule(&src, None, "RO1-OO-003"),
            [("OperationOutcome.issue".into(), Severity::Warning)]
        );
        let mut v: serde_json::Value = serde_json::from_str(OO).unwrap();
        let issue = v["issue"][0].as_object_mut().unwrap();
        issue.remove("details");
        issue.remove("diagnostics");
        let src = serde_json::to_string(&v).unwrap();
        assert_eq!(
            of_rule(&src, None, "RO1-OO-003"),
            [("OperationOutcome.issue[0].diagnostics".into(), Severity::Warning)]
        );
        // details.text alone explains.
        let src = patch(OO, "/issue/0/diagnostics", None);
        assert!(of_rule(&src, None, "RO1-OO-003").is_empty());
    }
}
