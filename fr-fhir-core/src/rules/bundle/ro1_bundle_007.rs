//! RO1-BUNDLE-007 `fullurl-ends-with-type-id`.
//!
//! A RESTful fullUrl (absolute http(s) URL) ends with /\<resourceType\>/\<id\> of its resource; different bases across entries are a warning.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-BUNDLE-007 `fullurl-ends-with-type-id`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-007",
    name: "fullurl-ends-with-type-id",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 bundle rules; IG examples (https://exemple.com/ans-sas/Slot/ExampleSlotPSIndiv1)",
    summary_fr: "Un fullUrl RESTful (URL http(s) absolue) se termine par /<resourceType>/<id> de sa ressource ; des bases différentes entre entrées sont un avertissement.",
    summary_en: "A RESTful fullUrl (absolute http(s) URL) ends with /<resourceType>/<id> of its resource; different bases across entries are a warning.",
    doc: RuleDoc {
        what_fr: "Pour chaque fullUrl http(s), vérifie que ses deux derniers segments sont le type et l'id de la ressource de l'entrée (erreur sinon), puis avertit quand toutes les entrées ne partagent pas la même base.",
        why_fr: "Règles de Bundle FHIR R4 et exemples de l'IG (https://exemple.com/ans-sas/Slot/ExampleSlotPSIndiv1) ; un fullUrl incohérent fait échouer la résolution des références relatives. Kit officiel ANS : non vérifié.",
        example_fr: r#"{"fullUrl":"https://exemple.com/ans-sas/Slot/42","resource":{"resourceType":"Slot","id":"43",…}}"#,
        fix_fr: "Construisez fullUrl = [base]/<resourceType>/<id> avec la même base pour toutes les entrées.",
        what_en: "For every http(s) fullUrl, checks that its last two segments are the type and id of the entry's resource (error otherwise), then warns when the entries do not all share the same base.",
        why_en: "FHIR R4 Bundle rules and the IG examples (https://exemple.com/ans-sas/Slot/ExampleSlotPSIndiv1); an inconsistent fullUrl breaks the resolution of relative references. Official ANS kit: not checked.",
        example_en: r#"{"fullUrl":"https://exemple.com/ans-sas/Slot/42","resource":{"resourceType":"Slot","id":"43",…}}"#,
        fix_en: "Build fullUrl = [base]/<resourceType>/<id> with the same base for every entry.",
    },
};
