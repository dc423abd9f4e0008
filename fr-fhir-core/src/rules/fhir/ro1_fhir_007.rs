//! RO1-FHIR-007 `contained-resource-rules`.
//!
//! Contained resources have unique ids within their container, no nested contained (dom-2), and every id is a valid FHIR id.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::{Emitter, Scope, quote};
use std::collections::HashSet;

use crate::model::Resource;

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
        example_fr: "{\"resourceType\":\"PractitionerRole\",\"contained\":[{\"resourceType\":\"Location\",\"id\":\"lieu\"},{\"resourceType\":\"Location\",\"id\":\"lieu\"}]}",
        fix_fr: "Donnez à chaque ressource contenue un id distinct (lieu1, lieu2…) et ne mettez pas de contained dans une ressource contenue.",
        what_en: "For every contained array, checks that each contained resource has a valid FHIR id, that these ids are unique within the container and that no contained resource itself contains resources; no narrative is required.",
        why_en: "FHIR R4 rules dom-2 and dom-3 on contained resources: without a unique id, the local #id reference would be ambiguous. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"PractitionerRole\",\"contained\":[{\"resourceType\":\"Location\",\"id\":\"lieu\"},{\"resourceType\":\"Location\",\"id\":\"lieu\"}]}",
        fix_en: "Give every contained resource a distinct id (lieu1, lieu2…) and do not put contained inside a contained resource.",
    },
};

/// Checks one contained resource `c` of a container holding `siblings`
/// contained resources: no nested contained (dom-2), a valid id, unique among
/// its siblings. `seen` carries the ids of the siblings checked before it.
pub(crate) fn check_contained<'c>(
    c: &'c Resource<'_>,
    siblings: usize,
    seen: &mut HashSet<&'c str>,
    em: &mut Emitter<'_>,
) {
    for nested in c.contained() {
        em.at(
            Scope::ALL,
            &RULE,
            nested.span(),
            "dom-2 : une ressource contenue ne peut pas contenir d'autres ressources".into(),
            "dom-2: a contained resource cannot contain other resources".into(),
        );
    }
    // Resources this crate does not model keep no parsed id.
    if matches!(c, Resource::Other(_)) {
        return;
    }
    match c.id() {
        None => em.missing(
            Scope::ALL,
            &RULE,
            c.span(),
            "id",
            format!(
                "ressource contenue {} sans id : elle ne peut pas être référencée par `#id`",
                c.resource_type()
            ),
            format!("contained {} without id: it cannot be referenced by `#id`", c.resource_type()),
        ),
        Some(id) if !id.is_valid() => em.at(
            Scope::ALL,
            &RULE,
            id.span,
            format!(
                "id {} de ressource contenue invalide (1 à 64 caractères parmi [A-Za-z0-9.-])",
                quote(id.as_str())
            ),
            format!(
                "invalid contained resource id {} (1 to 64 characters of [A-Za-z0-9.-])",
                quote(id.as_str())
            ),
        ),
        Some(id) => {
            if siblings > 1 && !seen.insert(id.as_str()) {
                em.at(
                    Scope::ALL,
                    &RULE,
                    id.span,
                    format!(
                        "id {} déjà utilisé par une autre ressource contenue de la même ressource",
                        quote(id.as_str())
                    ),
                    format!(
                        "id {} already used by another contained resource of the same resource",
                        quote(id.as_str())
                    ),
                );
            }
        }
    }
}
