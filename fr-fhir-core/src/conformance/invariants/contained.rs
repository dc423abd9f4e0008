//! The invariants of a whole resource: its contained resources (dom-2,
//! dom-3, dom-4, dom-5) and its local references (ref-1), from the
//! [`ResourceFacts`] the walker gathers.

use super::view::fails;
use super::{ContainedFacts, ResourceFacts, Verdict};
use crate::json::Span;

/// One verdict per failure of `key`, or a single `Holds`.
fn verdicts(key: &'static str, failures: Vec<Verdict>) -> Vec<(&'static str, Verdict)> {
    if failures.is_empty() {
        vec![(key, Verdict::Holds)]
    } else {
        failures.into_iter().map(|f| (key, f)).collect()
    }
}

/// How a contained resource is named in messages.
fn label(c: &ContainedFacts<'_>) -> String {
    c.id.as_deref().map_or_else(|| "(sans id / no id)".to_string(), |id| format!("#{id}"))
}

/// dom-2 `contained.contained.empty()`.
pub(super) fn dom_2(f: &ResourceFacts<'_>) -> Vec<(&'static str, Verdict)> {
    let failures = f
        .contained
        .iter()
        .filter_map(|c| {
            let at = c.nested_contained?;
            let name = label(c);
            Some(fails(
                at,
                format!("La ressource contenue {name} contient elle-même des ressources (contained) ; attendu : aucune ressource imbriquée (dom-2)"),
                format!("Contained resource {name} has contained resources of its own; expected no nested resources (dom-2)"),
            ))
        })
        .collect();
    verdicts("dom-2", failures)
}

/// dom-3: every contained resource is referenced from elsewhere in the
/// resource (`'#'+id` among the references of `%resource.descendants()`,
/// the contained resources included), or refers to its container (a
/// reference `#` inside it). A contained resource without id makes the
/// FHIRPath test empty, which `where` drops: it holds.
pub(super) fn dom_3(f: &ResourceFacts<'_>) -> Vec<(&'static str, Verdict)> {
    let failures = f
        .contained
        .iter()
        .filter_map(|c| {
            let id = c.id.as_deref()?;
            let named = f.local_refs.iter().any(|(r, _)| r.strip_prefix('#') == Some(id));
            let to_container =
                f.local_refs.iter().any(|(r, at)| &**r == "#" && within(*at, c.span));
            if named || to_container {
                return None;
            }
            Some(fails(
                c.span,
                format!("La ressource contenue #{id} n'est référencée nulle part dans la ressource et ne référence pas son conteneur ; attendu : une référence #{id} ailleurs dans la ressource, ou une référence # vers le conteneur (dom-3)"),
                format!("Contained resource #{id} is referenced nowhere in the resource and does not refer to its container; expected a reference #{id} elsewhere in the resource, or a reference # to the container (dom-3)"),
            ))
        })
        .collect();
    verdicts("dom-3", failures)
}

fn within(inner: Span, outer: Span) -> bool {
    inner.start >= outer.start && inner.end <= outer.end
}

/// dom-4 `contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()`.
pub(super) fn dom_4(f: &ResourceFacts<'_>) -> Vec<(&'static str, Verdict)> {
    let failures = f
        .contained
        .iter()
        .filter_map(|c| {
            let at = c.meta_version?;
            let name = label(c);
            Some(fails(
                at,
                format!("La ressource contenue {name} a meta.versionId ou meta.lastUpdated ; attendu : ni l'un ni l'autre dans une ressource contenue (dom-4)"),
                format!("Contained resource {name} has meta.versionId or meta.lastUpdated; expected neither in a contained resource (dom-4)"),
            ))
        })
        .collect();
    verdicts("dom-4", failures)
}

/// dom-5 `contained.meta.security.empty()`.
pub(super) fn dom_5(f: &ResourceFacts<'_>) -> Vec<(&'static str, Verdict)> {
    let failures = f
        .contained
        .iter()
        .filter_map(|c| {
            let at = c.meta_security?;
            let name = label(c);
            Some(fails(
                at,
                format!("La ressource contenue {name} a meta.security ; attendu : pas d'étiquette de sécurité dans une ressource contenue (dom-5)"),
                format!("Contained resource {name} has meta.security; expected no security label in a contained resource (dom-5)"),
            ))
        })
        .collect();
    verdicts("dom-5", failures)
}

/// ref-1 `reference.startsWith('#').not() or (reference.substring(1) in
/// %rootResource.contained.id)`, for every local reference of the resource.
/// `#` alone names the container itself (FHIR R4 §2.6.2.3, "references to
/// the container"): it holds, although the literal expression would look
/// for a contained resource with an empty id.
pub(super) fn ref_1(f: &ResourceFacts<'_>) -> Vec<(&'static str, Verdict)> {
    let ids: Vec<&str> = f.contained.iter().filter_map(|c| c.id.as_deref()).collect();
    let failures = f
        .local_refs
        .iter()
        .filter_map(|(r, at)| {
            let id = r.strip_prefix('#')?;
            if id.is_empty() || ids.contains(&id) {
                return None;
            }
            let known = if ids.is_empty() {
                ("aucune".to_string(), "none".to_string())
            } else {
                let list = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
                (list.clone(), list)
            };
            Some(fails(
                *at,
                format!("La référence locale {} ne désigne aucune ressource contenue (contained : {}) ; attendu : l'id d'une ressource de contained (ref-1)", &**r, known.0),
                format!("Local reference {} names no contained resource (contained: {}); expected the id of a contained resource (ref-1)", &**r, known.1),
            ))
        })
        .collect();
    verdicts("ref-1", failures)
}
