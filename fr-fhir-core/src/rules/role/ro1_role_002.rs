//! RO1-ROLE-002 `role-location-contained-ref`.
//!
//! PractitionerRole.location has exactly one element, whose reference is #\<id\> of the contained Location.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-ROLE-002 `role-location-contained-ref`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ROLE-002",
    name: "role-location-contained-ref",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "location 1..1, aggregation contained; FHIR dom-3 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "PractitionerRole.location a exactement un élément, dont la référence est #<id> du Location contenu.",
    summary_en: "PractitionerRole.location has exactly one element, whose reference is #<id> of the contained Location.",
    doc: RuleDoc {
        what_fr: "Vérifie que PractitionerRole.location a un seul élément et que sa référence est locale (#id) et désigne un Location de contained.",
        why_fr: "FrPractitionerRoleExerciceAgregateur (location 1..1, agrégation contained) et règle dom-3 de FHIR ; le kit vérifie la référence (validate_ref). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r#"{"contained":[{"resourceType":"Location","id":"lieu1",…}],"location":[{"reference":"Location/lieu1"}]}"#,
        fix_fr: r##"Écrivez "location":[{"reference":"#lieu1"}]."##,
        what_en: "Checks that PractitionerRole.location has a single element and that its reference is local (#id) and names a Location in contained.",
        why_en: "FrPractitionerRoleExerciceAgregateur (location 1..1, contained aggregation) and FHIR rule dom-3; the kit checks the reference (validate_ref). Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"contained":[{"resourceType":"Location","id":"lieu1",…}],"location":[{"reference":"Location/lieu1"}]}"#,
        fix_en: r##"Write "location":[{"reference":"#lieu1"}]."##,
    },
};
