//! RO1-LOC-005 `location-identifier-type-binding`.
//!
//! Location.identifier.type comes from fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::SYSTEM_FR_LOCATION_ID_TYPE;
use crate::model::Identifier;
use crate::rules::{Emitter, Scope, quote};

/// RO1-LOC-005 `location-identifier-type-binding`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-LOC-005",
    name: "location-identifier-type-binding",
    severity: Severity::Warning,
    scope: Scope::PS_CPTS,
    source: "FrLocation extensible binding",
    summary_fr: "Location.identifier.type vient de fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST).",
    summary_en: "Location.identifier.type comes from fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST).",
    doc: RuleDoc {
        what_fr: "Vérifie que le type de chaque identifiant du Location contenu est codé dans fr-location-identifier-type : INTRN, EXTRN, GLBL ou IDNST.",
        why_fr: "Liaison extensible de FrLocation : un autre code est permis mais inattendu, d'où l'avertissement. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"identifier\":[{\"type\":{\"text\":\"identifiant du cabinet\"},\"system\":\"urn:oid:1.2.3.4\",\"value\":\"CAB-12\"}]}",
        fix_fr: "Codez le type avec http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type, en général INTRN.",
        what_en: "Checks that the type of every identifier of the contained Location is coded in fr-location-identifier-type: INTRN, EXTRN, GLBL or IDNST.",
        why_en: "Extensible binding of FrLocation: another code is allowed but unexpected, hence the warning. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"identifier\":[{\"type\":{\"text\":\"identifiant du cabinet\"},\"system\":\"urn:oid:1.2.3.4\",\"value\":\"CAB-12\"}]}",
        fix_en: "Code the type with http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type, usually INTRN.",
    },
};

/// Location identifier types of FR Core (`fr-location-identifier-type`).
const LOCATION_ID_TYPES: &[&str] = &["INTRN", "EXTRN", "GLBL", "IDNST"];

/// Checks the type of a place identifier against fr-location-identifier-type:
/// an extensible binding, hence a warning. A missing type is RO1-LOC-001's.
pub(crate) fn check_identifier(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    let Some(ty) = &id.type_ else { return };
    let ok = ty.coding.iter().any(|c| {
        c.system.as_ref().is_some_and(|s| s == SYSTEM_FR_LOCATION_ID_TYPE)
            && c.code.as_ref().is_some_and(|k| LOCATION_ID_TYPES.contains(&k.as_str()))
    });
    if ok {
        return;
    }
    let expected = "fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST)";
    let (span, found_fr, found_en) = match ty.coding.first() {
        None => (ty.span, "texte seul".to_owned(), "text only".to_owned()),
        Some(c) => match (&c.system, &c.code) {
            (Some(s), _) if s != SYSTEM_FR_LOCATION_ID_TYPE => {
                (s.span, quote(s.as_str()), quote(s.as_str()))
            }
            (None, _) => {
                (c.span, "codage sans système".to_owned(), "coding without a system".to_owned())
            }
            (_, Some(k)) => (k.span, quote(k.as_str()), quote(k.as_str())),
            (_, None) => {
                (c.span, "codage sans code".to_owned(), "coding without a code".to_owned())
            }
        },
    };
    em.at(
        Scope::PS_CPTS,
        &RULE,
        span,
        format!("type d'identifiant du lieu {found_fr} : attendu {expected}"),
        format!("place identifier type {found_en}: expected {expected}"),
    );
}
