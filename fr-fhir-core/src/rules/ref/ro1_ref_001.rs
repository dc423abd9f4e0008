//! RO1-REF-001 `reference-resolves`.
//!
//! Every literal reference in the Bundle resolves to exactly one entry.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::{NOT_FOUND, RefField, RefInfo};
use crate::rules::support::graph::Graph;
use crate::rules::{Emitter, Scope, UseCase, quote};

/// RO1-REF-001 `reference-resolves`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REF-001",
    name: "reference-resolves",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 bundle reference resolution; aggregation 'bundled' on SAS profiles",
    summary_fr: "Chaque référence littérale du Bundle désigne exactement une entrée.",
    summary_en: "Every literal reference in the Bundle resolves to exactly one entry.",
    doc: RuleDoc {
        what_fr: "Résout chaque Reference.reference : une référence relative Type/id se résout par rapport à la base du fullUrl de l'entrée qui la porte, une référence absolue par rapport aux fullUrl ; aucune ou plusieurs entrées trouvées est une erreur.",
        why_fr: "Résolution des références dans un Bundle selon FHIR R4 et agrégation « bundled » des profils SAS ; le kit compare des chaînes « Type/ » + id. Kit officiel ANS : vérifié en partie.",
        example_fr: "{\"resourceType\":\"PractitionerRole\",\"practitioner\":{\"reference\":\"Practitioner/p9\"}}   (aucune entrée Practitioner/p9)",
        fix_fr: "Incluez la ressource référencée ou corrigez son id dans la référence.",
        what_en: "Resolves every Reference.reference: a relative Type/id reference is resolved against the base of the fullUrl of the entry holding it, an absolute one against the fullUrls; zero or several entries found is an error.",
        why_en: "FHIR R4 reference resolution within a Bundle and 'bundled' aggregation on SAS profiles; the kit compares 'Type/' + id strings. Official ANS kit: partly checked.",
        example_en: "{\"resourceType\":\"PractitionerRole\",\"practitioner\":{\"reference\":\"Practitioner/p9\"}}   (no entry Practitioner/p9)",
        fix_en: "Include the referenced resource or fix its id in the reference.",
    },
};

/// A reference that names no entry, when no rule of its field covers it in
/// the use case (the caller asks them first).
pub(crate) fn check_graph_reference(g: &Graph<'_, '_>, r: &RefInfo, t: u32, em: &mut Emitter<'_>) {
    // PS/CPTS: the contained Location is RO1-ROLE-002's business.
    if r.field == RefField::RoleLocation && g.uc != UseCase::SOS {
        return;
    }
    if t == NOT_FOUND {
        em.at(
            g.uc.scope(),
            &RULE,
            r.span,
            format!("la référence {} ne correspond à aucune entrée du Bundle", quote(&g.text(r))),
            format!("reference {} matches no entry of the Bundle", quote(&g.text(r))),
        );
    }
}
