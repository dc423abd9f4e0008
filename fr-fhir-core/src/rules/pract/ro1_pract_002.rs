//! RO1-PRACT-002 `practitioner-identifier-type-idnps`.
//!
//! Each Practitioner identifier.type holds the coding fr-v2-0203#IDNPS and has a single coding.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::{IDNPS, SYSTEM_FR_V2_0203};
use crate::model::Identifier;
use crate::rules::support::identifier_type::{TypeMatch, match_type, report_type};
use crate::rules::{Emitter, Scope};

/// RO1-PRACT-002 `practitioner-identifier-type-idnps`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PRACT-002",
    name: "practitioner-identifier-type-idnps",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "FrPractitionerAgregateur pattern + coding ..1 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Chaque identifier.type du Practitioner contient le codage fr-v2-0203#IDNPS et n'a qu'un codage.",
    summary_en: "Each Practitioner identifier.type holds the coding fr-v2-0203#IDNPS and has a single coding.",
    doc: RuleDoc {
        what_fr: "Vérifie que identifier.type de chaque identifiant du Practitioner a exactement un codage, de système http://interopsante.org/fhir/CodeSystem/fr-v2-0203 et de code IDNPS.",
        why_fr: "Motif et cardinalité coding 0..1 de FrPractitionerAgregateur ; sans découpage, chaque identifiant doit être l'IDNPS. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"RPPS\"}]},…}]}",
        fix_fr: "Mettez \"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"IDNPS\"}]}.",
        what_en: "Checks that identifier.type of every Practitioner identifier has exactly one coding, with system http://interopsante.org/fhir/CodeSystem/fr-v2-0203 and code IDNPS.",
        why_en: "Pattern and coding 0..1 cardinality of FrPractitionerAgregateur; with no slicing, every identifier must be the IDNPS one. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"RPPS\"}]},…}]}",
        fix_en: "Set \"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"IDNPS\"}]}.",
    },
};

/// Checks the type of a practitioner identifier: the IDNPS coding, and no
/// other (coding 0..1). A missing type is RO1-PRACT-001's.
pub(crate) fn check_type(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    let Some(ty) = &id.type_ else { return };
    let m = match_type(ty, SYSTEM_FR_V2_0203, IDNPS, &[]);
    let TypeMatch::Exact(k) = m else {
        report_type(em, Scope::PS_CPTS, &RULE, ty, m, SYSTEM_FR_V2_0203, IDNPS);
        return;
    };
    for (i, c) in ty.coding.iter().enumerate() {
        if i != k {
            em.at(
                Scope::PS_CPTS,
                &RULE,
                c.span,
                "codage en trop : identifier.type n'admet qu'un codage, fr-v2-0203#IDNPS".into(),
                "extra coding: identifier.type allows one coding only, fr-v2-0203#IDNPS".into(),
            );
        }
    }
}
