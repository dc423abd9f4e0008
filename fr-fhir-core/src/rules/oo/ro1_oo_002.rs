//! RO1-OO-002 `outcome-issue-severity-code`.
//!
//! OperationOutcome.issue has at least one element, each with a severity and an IssueType code.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::OperationOutcome;
use crate::rules::{Emitter, Scope, quote};

/// RO1-OO-002 `outcome-issue-severity-code`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-OO-002",
    name: "outcome-issue-severity-code",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 OperationOutcome",
    summary_fr: "OperationOutcome.issue a au moins un élément, chacun avec une sévérité et un code IssueType.",
    summary_en: "OperationOutcome.issue has at least one element, each with a severity and an IssueType code.",
    doc: RuleDoc {
        what_fr: "Vérifie que issue n'est pas vide et que chaque issue porte severity (fatal, error, warning ou information) et code (IssueType).",
        why_fr: "OperationOutcome de FHIR R4 (issue 1..*, severity et code 1..1, liaisons obligatoires). Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"paramètre start manquant\"}]}",
        fix_fr: "Ajoutez \"severity\":\"error\" et un code IssueType (invalid, required, value, exception…) à chaque issue.",
        what_en: "Checks that issue is not empty and that every issue carries severity (fatal, error, warning or information) and code (IssueType).",
        why_en: "FHIR R4 OperationOutcome (issue 1..*, severity and code 1..1, required bindings). Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"paramètre start manquant\"}]}",
        fix_en: "Add \"severity\":\"error\" and an IssueType code (invalid, required, value, exception…) to every issue.",
    },
};

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

/// Checks the issues of an OperationOutcome body: at least one, each with a
/// known severity and IssueType code.
pub(crate) fn check(oo: &OperationOutcome<'_>, em: &mut Emitter<'_>) {
    if oo.issue.is_empty() {
        em.missing(
            Scope::ALL,
            &RULE,
            oo.span,
            "issue",
            "OperationOutcome sans `issue` : au moins un problème doit être décrit".into(),
            "OperationOutcome without `issue`: at least one issue must be described".into(),
        );
        return;
    }
    for issue in &oo.issue {
        match &issue.severity {
            None => em.missing(
                Scope::ALL,
                &RULE,
                issue.span,
                "severity",
                "issue sans `severity` (fatal, error, warning ou information)".into(),
                "issue without `severity` (fatal, error, warning or information)".into(),
            ),
            Some(s) if !ISSUE_SEVERITY.contains(&s.as_str()) => em.at(
                Scope::ALL,
                &RULE,
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
            Some(_) => {}
        }
        match &issue.code {
            None => em.missing(
                Scope::ALL,
                &RULE,
                issue.span,
                "code",
                "issue sans `code` (IssueType, par exemple `invalid` ou `required`)".into(),
                "issue without `code` (IssueType, e.g. `invalid` or `required`)".into(),
            ),
            Some(c) if !ISSUE_TYPE.contains(&c.as_str()) => em.at(
                Scope::ALL,
                &RULE,
                c.span,
                format!("issue.code {} n'est pas un code IssueType FHIR R4", quote(c.as_str())),
                format!("issue.code {} is not a FHIR R4 IssueType code", quote(c.as_str())),
            ),
            Some(_) => {}
        }
    }
}
