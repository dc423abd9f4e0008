//! RO1-REF-003 `contained-location-referenced`.
//!
//! The contained Location is referenced from its container (#id) and nothing outside the container refers to it.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-REF-003 `contained-location-referenced`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REF-003",
    name: "contained-location-referenced",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FHIR dom-3",
    summary_fr: "Le Location contenu est référencé depuis son conteneur (#id) et rien hors du conteneur ne le référence.",
    summary_en: "The contained Location is referenced from its container (#id) and nothing outside the container refers to it.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque ressource contenue dans un PractitionerRole est citée par une référence #id de ce PractitionerRole et qu'aucune autre ressource ne la cite.",
        why_fr: "Règle dom-3 de FHIR R4 : une ressource contenue n'existe que pour son conteneur ; vérifié par le kit. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r##"{"resourceType":"PractitionerRole","contained":[{"resourceType":"Location","id":"lieu1",…}],"location":[{"reference":"#lieu2"}]}"##,
        fix_fr: "Faites correspondre l'id du Location contenu et la référence #id de PractitionerRole.location.",
        what_en: "Checks that every resource contained in a PractitionerRole is named by an #id reference of that PractitionerRole and that no other resource names it.",
        why_en: "FHIR R4 rule dom-3: a contained resource exists only for its container; checked by the kit. Official ANS kit: checked by a dedicated assertion.",
        example_en: r##"{"resourceType":"PractitionerRole","contained":[{"resourceType":"Location","id":"lieu1",…}],"location":[{"reference":"#lieu2"}]}"##,
        fix_en: "Make the contained Location id and the #id reference of PractitionerRole.location match.",
    },
};
