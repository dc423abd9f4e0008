//! RO1-FHIR-007 `contained-resource-rules`.
//!
//! Contained resources have unique ids within their container, no nested contained (dom-2), and every id is a valid FHIR id.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-FHIR-007 `contained-resource-rules`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-007",
    name: "contained-resource-rules",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 dom-2, dom-3 and contained rules",
    summary_fr: "Les ressources contenues ont des id uniques dans leur conteneur, pas de contained imbriqué (dom-2), et chaque id est un id FHIR valide.",
    summary_en: "Contained resources have unique ids within their container, no nested contained (dom-2), and every id is a valid FHIR id.",
    doc: RuleDoc {
        what_fr: "Pour chaque tableau contained, vérifie que chaque ressource contenue a un id FHIR valide, que ces id sont uniques dans le conteneur et qu'aucune ressource contenue ne contient elle-même de ressources ; aucune narration n'est exigée.",
        why_fr: "Règles dom-2 et dom-3 de FHIR R4 sur les ressources contenues : sans id unique, la référence locale #id serait ambiguë. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: r#"{"resourceType":"PractitionerRole","contained":[{"resourceType":"Location","id":"lieu"},{"resourceType":"Location","id":"lieu"}]}"#,
        fix_fr: "Donnez à chaque ressource contenue un id distinct (lieu1, lieu2…) et ne mettez pas de contained dans une ressource contenue.",
        what_en: "For every contained array, checks that each contained resource has a valid FHIR id, that these ids are unique within the container and that no contained resource itself contains resources; no narrative is required.",
        why_en: "FHIR R4 rules dom-2 and dom-3 on contained resources: without a unique id, the local #id reference would be ambiguous. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"resourceType":"PractitionerRole","contained":[{"resourceType":"Location","id":"lieu"},{"resourceType":"Location","id":"lieu"}]}"#,
        fix_en: "Give every contained resource a distinct id (lieu1, lieu2…) and do not put contained inside a contained resource.",
    },
};
