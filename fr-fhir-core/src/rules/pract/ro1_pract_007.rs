//! RO1-PRACT-007 `practitioner-name-sent`.
//!
//! The Practitioner name.family and name.given are sent when known.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Practitioner;
use crate::rules::{Emitter, Scope};

/// RO1-PRACT-007 `practitioner-name-sent`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PRACT-007",
    name: "practitioner-name-sent",
    severity: Severity::Warning,
    scope: Scope::PS_CPTS,
    source: "agg-psindiv #33 (not verifiable) — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "name.family et name.given du Practitioner sont transmis quand ils sont connus.",
    summary_en: "The Practitioner name.family and name.given are sent when known.",
    doc: RuleDoc {
        what_fr: "Avertit quand un Practitioner n'a pas de name.family ou pas de name.given.",
        why_fr: "Exigence agg-psindiv #33 (non vérifiable hors ligne : on ne sait pas si le nom est connu), le kit vérifie la présence ; d'où l'avertissement. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Practitioner\",\"identifier\":[…],\"name\":[{\"family\":\"MARTIN\"}]}",
        fix_fr: "Renseignez le nom d'exercice dans name.family et le prénom dans name.given.",
        what_en: "Warns when a Practitioner has no name.family or no name.given.",
        why_en: "Requirement agg-psindiv #33 (not checkable offline: whether the name is known is unknown), the kit checks presence; hence the warning. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Practitioner\",\"identifier\":[…],\"name\":[{\"family\":\"MARTIN\"}]}",
        fix_en: "Fill in the practice name in name.family and the first name in name.given.",
    },
};

/// Checks the names of a Practitioner: family and given, when known (hence
/// a warning).
pub(crate) fn check_names(p: &Practitioner<'_>, em: &mut Emitter<'_>) {
    if p.name.is_empty() {
        em.missing(
            Scope::PS_CPTS,
            &RULE,
            p.span,
            "name",
            "Practitioner sans nom : name.family et name.given sont attendus s'ils sont connus"
                .into(),
            "Practitioner without a name: name.family and name.given are expected when known"
                .into(),
        );
    }
    for n in &p.name {
        if n.family.is_none() {
            em.missing(
                Scope::PS_CPTS,
                &RULE,
                n.span,
                "family",
                "nom du praticien sans `family` (nom d'exercice)".into(),
                "practitioner name without `family`".into(),
            );
        }
        if n.given.is_empty() {
            em.missing(
                Scope::PS_CPTS,
                &RULE,
                n.span,
                "given",
                "nom du praticien sans `given` (prénom)".into(),
                "practitioner name without `given` (first name)".into(),
            );
        }
    }
}
