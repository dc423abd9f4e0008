//! RO1-REF-003 `contained-location-referenced`.
//!
//! The contained Location is referenced from its container (#id) and nothing outside the container refers to it.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::{PractitionerRole, Reference, Resource, Visitor, Walk};
use crate::rules::{Emitter, Scope, quote};

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
        example_fr: "{\"resourceType\":\"PractitionerRole\",\"contained\":[{\"resourceType\":\"Location\",\"id\":\"lieu1\",…}],\"location\":[{\"reference\":\"#lieu2\"}]}",
        fix_fr: "Faites correspondre l'id du Location contenu et la référence #id de PractitionerRole.location.",
        what_en: "Checks that every resource contained in a PractitionerRole is named by an #id reference of that PractitionerRole and that no other resource names it.",
        why_en: "FHIR R4 rule dom-3: a contained resource exists only for its container; checked by the kit. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"PractitionerRole\",\"contained\":[{\"resourceType\":\"Location\",\"id\":\"lieu1\",…}],\"location\":[{\"reference\":\"#lieu2\"}]}",
        fix_en: "Make the contained Location id and the #id reference of PractitionerRole.location match.",
    },
};

/// Checks that some `#id` of the container names the contained resource
/// (FHIR dom-3). Resources of types this crate does not model are skipped:
/// their id is not read.
pub(crate) fn check_contained(r: &PractitionerRole<'_>, c: &Resource<'_>, em: &mut Emitter<'_>) {
    if matches!(c, Resource::Other(_)) {
        return;
    }
    let Some(id) = c.id() else {
        em.at(
            Scope::PS_CPTS,
            &RULE,
            c.span(),
            format!(
                "{} contenu sans id : aucune référence #id ne peut le désigner",
                c.resource_type()
            ),
            format!("contained {} without an id: no #id reference can name it", c.resource_type()),
        );
        return;
    };
    let mut finder = LocalRef { id: id.as_str(), found: false };
    r.walk(&mut finder);
    if !finder.found {
        em.at(
            Scope::PS_CPTS,
            &RULE,
            c.span(),
            format!(
                "{} contenu {} : aucune référence `#{}` du PractitionerRole ne le désigne",
                c.resource_type(),
                quote(id.as_str()),
                id.as_str()
            ),
            format!(
                "contained {} {}: no `#{}` reference of the PractitionerRole names it",
                c.resource_type(),
                quote(id.as_str()),
                id.as_str()
            ),
        );
    }
}

/// Looks for a `#id` reference anywhere in the container.
struct LocalRef<'i> {
    id: &'i str,
    found: bool,
}

impl<'a> Visitor<'a> for LocalRef<'_> {
    fn reference(&mut self, r: &Reference<'a>) {
        if let Some(text) = &r.reference {
            self.found |= text.as_str().strip_prefix('#') == Some(self.id);
        }
    }
}
