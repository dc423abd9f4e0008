//! RO1-OO-003 `outcome-issue-explains-error`.
//!
//! An error OperationOutcome holds at least one error or fatal issue whose details.text or diagnostics explains the cause.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::OperationOutcome;
use crate::rules::{Emitter, Scope};

/// RO1-OO-003 `outcome-issue-explains-error`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-OO-003",
    name: "outcome-issue-explains-error",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "IG 'détails sur la raison de l'échec' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Un OperationOutcome d'erreur contient au moins une issue error ou fatal dont details.text ou diagnostics explique la cause.",
    summary_en: "An error OperationOutcome holds at least one error or fatal issue whose details.text or diagnostics explains the cause.",
    doc: RuleDoc {
        what_fr: "Pour une réponse 4xx/5xx, vérifie qu'au moins une issue est de sévérité error ou fatal et qu'une issue porte details.text ou diagnostics.",
        why_fr: "L'IG demande des « détails sur la raison de l'échec » ; la forme n'étant pas imposée, la règle est un avertissement. Kit officiel ANS : non vérifié.",
        example_fr: "HTTP/1.1 500  {\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"information\",\"code\":\"informational\"}]}",
        fix_fr: "Décrivez la cause dans diagnostics (par exemple « paramètre start avec le préfixe le absent »).",
        what_en: "For a 4xx/5xx answer, checks that at least one issue has severity error or fatal and that an issue carries details.text or diagnostics.",
        why_en: "The IG asks for 'détails sur la raison de l'échec'; the form is not imposed, so the rule is a warning. Official ANS kit: not checked.",
        example_en: "HTTP/1.1 500  {\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"information\",\"code\":\"informational\"}]}",
        fix_en: "Describe the cause in diagnostics (for example 'parameter start with prefix le is missing').",
    },
};

/// Checks that an OperationOutcome body states the failure (an `error` or
/// `fatal` issue) and explains it. A body without issues is RO1-OO-002's.
pub(crate) fn check(oo: &OperationOutcome<'_>, em: &mut Emitter<'_>) {
    let Some(first) = oo.issue.first() else { return };
    // An unknown severity is RO1-OO-002's finding; it states no failure.
    let failure = oo
        .issue
        .iter()
        .any(|i| i.severity.as_ref().is_some_and(|s| matches!(s.as_str(), "fatal" | "error")));
    let explained = oo
        .issue
        .iter()
        .any(|i| i.diagnostics.is_some() || i.details.as_ref().is_some_and(|d| d.text.is_some()));
    if !failure {
        em.missing(
            Scope::ALL,
            &RULE,
            oo.span,
            "issue",
            "aucun issue de sévérité `error` ou `fatal` : l'échec de la recherche n'est pas signalé".into(),
            "no issue of severity `error` or `fatal`: the failure of the search is not stated".into(),
        );
    }
    if !explained {
        em.missing(
            Scope::ALL,
            &RULE,
            first.span,
            "diagnostics",
            "aucun issue n'explique la cause (`details.text` ou `diagnostics`)".into(),
            "no issue explains the cause (`details.text` or `diagnostics`)".into(),
        );
    }
}
