//! RO1-FHIR-006 `bundle-invariants-bdl`.
//!
//! The FHIR R4 Bundle invariants (bdl-1 to bdl-5, bdl-7, bdl-8) hold.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-FHIR-006 `bundle-invariants-bdl`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-006",
    name: "bundle-invariants-bdl",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 Bundle invariants",
    summary_fr: "Les invariants du Bundle FHIR R4 (bdl-1 à bdl-5, bdl-7, bdl-8) sont respectés.",
    summary_en: "The FHIR R4 Bundle invariants (bdl-1 to bdl-5, bdl-7, bdl-8) hold.",
    doc: RuleDoc {
        what_fr: "Vérifie bdl-1 (total seulement en searchset/history), bdl-2 (entry.search seulement en searchset), bdl-3 et bdl-4 (entry.request et entry.response seulement en batch/transaction/history), bdl-5 (une entrée a une ressource, une request ou une response), bdl-7 (fullUrl unique) et bdl-8 (fullUrl sans version).",
        why_fr: "Invariants du Bundle FHIR R4, appliqués par le validateur HL7 que le kit exécute sur tout le Bundle. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: r#"{"resourceType":"Bundle","type":"searchset","entry":[{"request":{"method":"GET","url":"Slot/1"}}]}"#,
        fix_fr: "Dans un searchset, chaque entrée porte resource (et search), jamais request ni response ; les fullUrl sont uniques et sans /_history/.",
        what_en: "Checks bdl-1 (total only for searchset/history), bdl-2 (entry.search only in searchsets), bdl-3 and bdl-4 (entry.request and entry.response only in batch/transaction/history), bdl-5 (an entry has a resource, a request or a response), bdl-7 (fullUrl unique) and bdl-8 (fullUrl without version).",
        why_en: "FHIR R4 Bundle invariants, applied by the HL7 validator the kit runs on the whole Bundle. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"resourceType":"Bundle","type":"searchset","entry":[{"request":{"method":"GET","url":"Slot/1"}}]}"#,
        fix_en: "In a searchset, every entry carries resource (and search), never request or response; fullUrls are unique and have no /_history/.",
    },
};
