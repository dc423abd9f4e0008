//! RO1-OO-002 `outcome-issue-severity-code`.
//!
//! OperationOutcome.issue has at least one element, each with a severity and an IssueType code.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

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
        example_fr: r#"{"resourceType":"OperationOutcome","issue":[{"diagnostics":"paramètre start manquant"}]}"#,
        fix_fr: r#"Ajoutez "severity":"error" et un code IssueType (invalid, required, value, exception…) à chaque issue."#,
        what_en: "Checks that issue is not empty and that every issue carries severity (fatal, error, warning or information) and code (IssueType).",
        why_en: "FHIR R4 OperationOutcome (issue 1..*, severity and code 1..1, required bindings). Official ANS kit: not checked.",
        example_en: r#"{"resourceType":"OperationOutcome","issue":[{"diagnostics":"paramètre start manquant"}]}"#,
        fix_en: r#"Add "severity":"error" and an IssueType code (invalid, required, value, exception…) to every issue."#,
    },
};
