//! RO1-BUNDLE-008 `fullurl-unique`.
//!
//! fullUrl values are unique within the Bundle (bdl-7), and so are the resource type + id pairs.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-BUNDLE-008 `fullurl-unique`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-008",
    name: "fullurl-unique",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 invariant bdl-7",
    summary_fr: "Les fullUrl sont uniques dans le Bundle (bdl-7), ainsi que les couples type de ressource + id.",
    summary_en: "fullUrl values are unique within the Bundle (bdl-7), and so are the resource type + id pairs.",
    doc: RuleDoc {
        what_fr: "Signale deux entrées de même fullUrl, ou deux ressources de même type et même id.",
        why_fr: "Invariant bdl-7 de FHIR R4 ; une même ressource incluse deux fois (par exemple un Practitioner commun à deux Schedule) doit n'apparaître qu'une fois. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: r#"{"entry":[{"fullUrl":"https://exemple.com/ans-sas/Practitioner/p1",…},{"fullUrl":"https://exemple.com/ans-sas/Practitioner/p1",…}]}"#,
        fix_fr: "Dédoublonnez les ressources incluses avant de construire le Bundle.",
        what_en: "Reports two entries with the same fullUrl, or two resources with the same type and id.",
        why_en: "FHIR R4 invariant bdl-7; a resource included twice (for example a Practitioner shared by two Schedules) must appear only once. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"entry":[{"fullUrl":"https://exemple.com/ans-sas/Practitioner/p1",…},{"fullUrl":"https://exemple.com/ans-sas/Practitioner/p1",…}]}"#,
        fix_en: "Deduplicate the included resources before building the Bundle.",
    },
};
