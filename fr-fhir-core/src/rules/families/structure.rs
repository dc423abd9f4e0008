//! Base R4 structure rules on each entry: RO1-FHIR-007 (contained
//! resources: ids, dom-2) and RO1-FHIR-008 (ext-1, modifierExtension).

use std::collections::HashSet;

use crate::finding::RuleMeta;
use crate::model::{Extension, Resource, Visitor, Walk};
use crate::rules::fhir::ro1_fhir_007;
use crate::rules::fhir::ro1_fhir_008;
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[&ro1_fhir_007::RULE, &ro1_fhir_008::RULE];

/// Checks the entry's resource (contained ones included) and the entry's own
/// modifier extensions.
pub fn check_entry(e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    let entry = e.entry;
    modifiers(&entry.modifier_extension, em);
    if let Some(s) = &entry.search {
        modifiers(&s.modifier_extension, em);
    }
    if let Some(r) = &entry.request {
        modifiers(&r.modifier_extension, em);
    }
    if let Some(r) = &entry.response {
        modifiers(&r.modifier_extension, em);
    }
    if let Some(res) = &entry.resource {
        check_resource(res, em);
    }
}

/// FHIR-007 and FHIR-008 on one resource and its contained resources.
pub fn check_resource(res: &Resource<'_>, em: &mut Emitter<'_>) {
    res.walk(&mut ExtensionCheck { em: &mut *em });
    resource_modifiers(res, em);
    let contained = res.contained();
    let mut ids: HashSet<&str> = HashSet::new();
    for c in contained {
        resource_modifiers(c, em);
        for nested in c.contained() {
            em.at(
                Scope::ALL,
                &ro1_fhir_007::RULE,
                nested.span(),
                "dom-2 : une ressource contenue ne peut pas contenir d'autres ressources".into(),
                "dom-2: a contained resource cannot contain other resources".into(),
            );
        }
        // Resources this crate does not model keep no parsed id.
        if matches!(c, Resource::Other(_)) {
            continue;
        }
        match c.id() {
            None => em.missing(
                Scope::ALL,
                &ro1_fhir_007::RULE,
                c.span(),
                "id",
                format!(
                    "ressource contenue {} sans id : elle ne peut pas être référencée par `#id`",
                    c.resource_type()
                ),
                format!(
                    "contained {} without id: it cannot be referenced by `#id`",
                    c.resource_type()
                ),
            ),
            Some(id) if !id.is_valid() => em.at(
                Scope::ALL,
                &ro1_fhir_007::RULE,
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
                if contained.len() > 1 && !ids.insert(id.as_str()) {
                    em.at(
                        Scope::ALL,
                        &ro1_fhir_007::RULE,
                        id.span,
                        format!("id {} déjà utilisé par une autre ressource contenue de la même ressource", quote(id.as_str())),
                        format!("id {} already used by another contained resource of the same resource", quote(id.as_str())),
                    );
                }
            }
        }
    }
}

/// The modifier extensions of a resource and of its backbone elements.
fn resource_modifiers(res: &Resource<'_>, em: &mut Emitter<'_>) {
    match res {
        Resource::Slot(x) => modifiers(&x.modifier_extension, em),
        Resource::Schedule(x) => modifiers(&x.modifier_extension, em),
        Resource::Practitioner(x) => modifiers(&x.modifier_extension, em),
        Resource::PractitionerRole(x) => modifiers(&x.modifier_extension, em),
        Resource::Location(x) => {
            modifiers(&x.modifier_extension, em);
            for h in &x.hours_of_operation {
                modifiers(&h.modifier_extension, em);
            }
        }
        Resource::Organization(x) => modifiers(&x.modifier_extension, em),
        Resource::HealthcareService(x) => modifiers(&x.modifier_extension, em),
        Resource::OperationOutcome(x) => {
            modifiers(&x.modifier_extension, em);
            for i in &x.issue {
                modifiers(&i.modifier_extension, em);
            }
        }
        Resource::Bundle(_) | Resource::Other(_) => {}
    }
}

/// No modifier extension is known to the SAS profiles: none can be ignored.
fn modifiers(exts: &[Extension<'_>], em: &mut Emitter<'_>) {
    for x in exts {
        let url = x.url.as_ref().map_or("", |u| u.as_str());
        em.at(
            Scope::ALL,
            &ro1_fhir_008::RULE,
            x.span,
            format!("modifierExtension {} inconnue : elle change le sens de la ressource et ne peut pas être ignorée", quote(url)),
            format!("unknown modifierExtension {}: it changes the meaning of the resource and cannot be ignored", quote(url)),
        );
    }
}

/// ext-1 on every extension met by the walk.
struct ExtensionCheck<'e, 'o> {
    em: &'e mut Emitter<'o>,
}

impl<'a> Visitor<'a> for ExtensionCheck<'_, '_> {
    fn extension(&mut self, x: &Extension<'a>) {
        if x.url.is_none() {
            self.em.missing(
                Scope::ALL,
                &ro1_fhir_008::RULE,
                x.span,
                "url",
                "extension sans `url`".into(),
                "extension without `url`".into(),
            );
        }
        let url = x.url.as_ref().map_or("", |u| u.as_str());
        // An unknown `valueXxx` is kept raw (and reported by RO1-FHIR-002).
        let value = x.value.is_some() || x.extras.raw().iter().any(|r| r.name.starts_with("value"));
        match (value, x.extension.is_empty()) {
            (true, false) => self.em.at(
                Scope::ALL,
                &ro1_fhir_008::RULE,
                x.span,
                format!(
                    "ext-1 : l'extension {} a à la fois une valeur et des sous-extensions",
                    quote(url)
                ),
                format!("ext-1: extension {} has both a value and sub-extensions", quote(url)),
            ),
            (false, true) => self.em.at(
                Scope::ALL,
                &ro1_fhir_008::RULE,
                x.span,
                format!(
                    "ext-1 : l'extension {} n'a ni valeur (`value[x]`) ni sous-extension",
                    quote(url)
                ),
                format!(
                    "ext-1: extension {} has neither a value (`value[x]`) nor sub-extensions",
                    quote(url)
                ),
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, EMPTY, PS, SOS, doc, of_rule, patch};

    const E: Severity = Severity::Error;

    fn at(path: &str) -> Vec<(String, Severity)> {
        vec![(path.to_string(), E)]
    }

    #[test]
    fn valid_examples_are_clean() {
        for (src, uc) in
            [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)]
        {
            assert!(of_rule(src, Some(uc), "RO1-FHIR-007").is_empty());
            assert!(of_rule(src, Some(uc), "RO1-FHIR-008").is_empty());
        }
    }

    #[test]
    fn fhir_007_contained() {
        let loc = doc(PS)["entry"][13]["resource"]["contained"][0].clone();
        let src =
            patch(PS, "/entry/13/resource/contained", Some(json!([loc.clone(), loc.clone()])));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-007"),
            at("Bundle.entry[13].resource.contained[1].id")
        );
        let src = patch(PS, "/entry/13/resource/contained/0/contained", Some(json!([loc])));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-007"),
            at("Bundle.entry[13].resource.contained[0].contained[0]")
        );
        let src = patch(PS, "/entry/13/resource/contained/0/id", None);
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-007"),
            at("Bundle.entry[13].resource.contained[0].id")
        );
        // An invalid id: RO1-FHIR-007 replaces the generic RO1-FHIR-003.
        let src = patch(PS, "/entry/13/resource/contained/0/id", Some(json!("lieu lyon")));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-007"),
            at("Bundle.entry[13].resource.contained[0].id")
        );
        assert!(of_rule(&src, None, "RO1-FHIR-003").is_empty());
    }

    #[test]
    fn fhir_008_extensions() {
        let p = "/entry/0/resource/serviceType/1/extension/0";
        let src = patch(CPTS, &format!("{p}/valueReference"), None);
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-008"),
            at("Bundle.entry[0].resource.serviceType[1].extension[0]")
        );
        let src =
            patch(CPTS, &format!("{p}/extension"), Some(json!([{"url": "x", "valueString": "y"}])));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-008"),
            at("Bundle.entry[0].resource.serviceType[1].extension[0]")
        );
        let src = patch(PS, "/entry/0/resource/extension", Some(json!([{"valueString": "y"}])));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-008"),
            at("Bundle.entry[0].resource.extension[0].url")
        );
        let ext = json!([{"url": "https://exemple.fr/ext", "valueBoolean": true}]);
        let src = patch(PS, "/entry/13/resource/contained/0/modifierExtension", Some(ext.clone()));
        assert_eq!(
            of_rule(&src, None, "RO1-FHIR-008"),
            at("Bundle.entry[13].resource.contained[0].modifierExtension[0]")
        );
        let src = patch(PS, "/entry/0/modifierExtension", Some(ext));
        assert_eq!(of_rule(&src, None, "RO1-FHIR-008"), at("Bundle.entry[0].modifierExtension[0]"));
    }
}
