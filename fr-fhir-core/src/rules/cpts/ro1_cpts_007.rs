//! RO1-CPTS-007 `cpts-one-service-per-organization`.
//!
//! There is one HealthcareService per CPTS Organization (equal counts, distinct providedBy targets).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-CPTS-007 `cpts-one-service-per-organization`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-007",
    name: "cpts-one-service-per-organization",
    severity: Severity::Warning,
    scope: Scope::CPTS,
    source: "FAQ PS; kit validate_cardinality_cpts — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Il y a un HealthcareService par Organization CPTS (mêmes nombres, cibles de providedBy distinctes).",
    summary_en: "There is one HealthcareService per CPTS Organization (equal counts, distinct providedBy targets).",
    doc: RuleDoc {
        what_fr: "Compare le nombre de HealthcareService et d'Organization CPTS et vérifie que les providedBy désignent des Organization distinctes.",
        why_fr: "FAQ PS et kit (validate_cardinality_cpts). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "2 HealthcareService (providedBy Organization/o1, Organization/o1) + 2 Organization (o1, o2)",
        fix_fr: "Créez un HealthcareService par CPTS, chacun pointant vers l'Organization de sa CPTS.",
        what_en: "Compares the numbers of HealthcareService and CPTS Organization entries and checks that the providedBy references point to distinct Organizations.",
        why_en: "PS FAQ and kit (validate_cardinality_cpts). Official ANS kit: checked by a dedicated assertion.",
        example_en: "2 HealthcareService (providedBy Organization/o1, Organization/o1) + 2 Organization (o1, o2)",
        fix_en: "Create one HealthcareService per CPTS, each pointing at its CPTS Organization.",
    },
};
