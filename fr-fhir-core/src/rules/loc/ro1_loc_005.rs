//! RO1-LOC-005 `location-identifier-type-binding`.
//!
//! Location.identifier.type comes from fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-LOC-005 `location-identifier-type-binding`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-LOC-005",
    name: "location-identifier-type-binding",
    severity: Severity::Warning,
    scope: Scope::PS_CPTS,
    source: "FrLocation extensible binding",
    summary_fr: "Location.identifier.type vient de fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST).",
    summary_en: "Location.identifier.type comes from fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST).",
    doc: RuleDoc {
        what_fr: "Vérifie que le type de chaque identifiant du Location contenu est codé dans fr-location-identifier-type : INTRN, EXTRN, GLBL ou IDNST.",
        why_fr: "Liaison extensible de FrLocation : un autre code est permis mais inattendu, d'où l'avertissement. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: r#"{"identifier":[{"type":{"text":"identifiant du cabinet"},"system":"urn:oid:1.2.3.4","value":"CAB-12"}]}"#,
        fix_fr: "Codez le type avec http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type, en général INTRN.",
        what_en: "Checks that the type of every identifier of the contained Location is coded in fr-location-identifier-type: INTRN, EXTRN, GLBL or IDNST.",
        why_en: "Extensible binding of FrLocation: another code is allowed but unexpected, hence the warning. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"identifier":[{"type":{"text":"identifiant du cabinet"},"system":"urn:oid:1.2.3.4","value":"CAB-12"}]}"#,
        fix_en: "Code the type with http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type, usually INTRN.",
    },
};
