//! RO1-ROLE-002 `role-location-contained-ref`.
//!
//! PractitionerRole.location has exactly one element, whose reference is #\<id\> of the contained Location.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::{PractitionerRole, Resource};
use crate::rules::{Emitter, Scope, quote};

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
        example_fr: "{\"contained\":[{\"resourceType\":\"Location\",\"id\":\"lieu1\",…}],\"location\":[{\"reference\":\"Location/lieu1\"}]}",
        fix_fr: "Écrivez \"location\":[{\"reference\":\"#lieu1\"}].",
        what_en: "Checks that PractitionerRole.location has a single element and that its reference is local (#id) and names a Location in contained.",
        why_en: "FrPractitionerRoleExerciceAgregateur (location 1..1, contained aggregation) and FHIR rule dom-3; the kit checks the reference (validate_ref). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"contained\":[{\"resourceType\":\"Location\",\"id\":\"lieu1\",…}],\"location\":[{\"reference\":\"Location/lieu1\"}]}",
        fix_en: "Write \"location\":[{\"reference\":\"#lieu1\"}].",
    },
};

/// Checks the `location` of a PractitionerRole: one, a `#id` naming a
/// contained Location.
pub(crate) fn check_location(r: &PractitionerRole<'_>, em: &mut Emitter<'_>) {
    let Some(first) = r.location.first() else {
        em.missing(
            Scope::PS_CPTS,
            &RULE,
            r.span,
            "location",
            "PractitionerRole sans location : une référence `#id` vers la Location contenue est attendue".into(),
            "PractitionerRole without location: a `#id` reference to the contained Location is expected".into(),
        );
        return;
    };
    for extra in r.location.iter().skip(1) {
        em.at(
            Scope::PS_CPTS,
            &RULE,
            extra.span,
            "location en trop : un PractitionerRole par lieu de consultation, donc une seule location".into(),
            "extra location: one PractitionerRole per place of consultation, so a single location".into(),
        );
    }
    let Some(text) = &first.reference else {
        em.missing(
            Scope::PS_CPTS,
            &RULE,
            first.span,
            "reference",
            "location sans reference : `#id` de la Location contenue attendu".into(),
            "location without reference: `#id` of the contained Location expected".into(),
        );
        return;
    };
    let s = text.as_str();
    let problem = match s.strip_prefix('#') {
        None => Some((
            "référence non locale : la Location doit être contenue et référencée par `#id`"
                .to_owned(),
            "not a local reference: the Location must be contained and referenced as `#id`"
                .to_owned(),
        )),
        Some(id) => match r.contained.iter().find(|c| c.id().is_some_and(|i| i == id)) {
            None => Some((
                format!("aucune ressource contenue n'a l'id {}", quote(id)),
                format!("no contained resource has id {}", quote(id)),
            )),
            Some(Resource::Location(_)) => None,
            Some(other) => Some((
                format!(
                    "`#{id}` désigne un(e) {} contenu(e), pas une Location",
                    other.resource_type()
                ),
                format!("`#{id}` names a contained {}, not a Location", other.resource_type()),
            )),
        },
    };
    if let Some((fr, en)) = problem {
        em.at(
            Scope::PS_CPTS,
            &RULE,
            text.span,
            format!("location {} : {fr}", quote(s)),
            format!("location {}: {en}", quote(s)),
        );
    }
}
