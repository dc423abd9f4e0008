//! RO1-ID-001 `identifier-system-matches-type`.
//!
//! Identifier system and type agree: 4.2.1 with IDNPS, 4.2.2 with IDNST, 1.2.250.1.213.3.6 with INTRN.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::{IDNPS, IDNST, INTRN, OID_IDNPS, OID_IDNST, OID_SAS_INTRN};
use crate::model::Identifier;
use crate::rules::{Emitter, Scope, quote};

/// RO1-ID-001 `identifier-system-matches-type`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-ID-001",
    name: "identifier-system-matches-type",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "Profiles' patterns; FAQ OIDs — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Le système et le type d'un identifiant concordent : 4.2.1 avec IDNPS, 4.2.2 avec IDNST, 1.2.250.1.213.3.6 avec INTRN.",
    summary_en: "Identifier system and type agree: 4.2.1 with IDNPS, 4.2.2 with IDNST, 1.2.250.1.213.3.6 with INTRN.",
    doc: RuleDoc {
        what_fr: "Pour chaque identifiant, vérifie que urn:oid:1.2.250.1.71.4.2.1 va avec le type IDNPS, urn:oid:1.2.250.1.71.4.2.2 avec IDNST et urn:oid:1.2.250.1.213.3.6 (identifiant technique régulateur) avec INTRN.",
        why_fr: "Motifs des profils et OID de la FAQ ; un système et un type discordants rendent l'identifiant inexploitable. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"IDNPS\"}]},\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"810101215225\"}]}",
        fix_fr: "Alignez le système sur le type : un IDNPS se met sous urn:oid:1.2.250.1.71.4.2.1.",
        what_en: "For every identifier, checks that urn:oid:1.2.250.1.71.4.2.1 goes with type IDNPS, urn:oid:1.2.250.1.71.4.2.2 with IDNST and urn:oid:1.2.250.1.213.3.6 (regulator technical id) with INTRN.",
        why_en: "Profile patterns and the FAQ OIDs; a mismatched system and type make the identifier unusable. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"IDNPS\"}]},\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"810101215225\"}]}",
        fix_en: "Align the system with the type: an IDNPS goes under urn:oid:1.2.250.1.71.4.2.1.",
    },
};

/// Checks that the type of an identifier goes with its system. Only the
/// three OIDs of SAS say which type they go with; an identifier whose type
/// carries no code at all is left to the resource rules (missing type).
pub(crate) fn check(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    let system = id.system.as_ref().map(|s| s.as_str());
    let expected = match system {
        Some(OID_IDNPS) => IDNPS,
        Some(OID_IDNST) => IDNST,
        Some(OID_SAS_INTRN) => INTRN,
        _ => return,
    };
    let Some(ty) = &id.type_ else { return };
    let mut coded = ty.coding.iter().filter_map(|c| c.code.as_ref());
    let Some(first) = coded.next() else { return };
    if first == expected || coded.any(|c| c == expected) {
        return;
    }
    let sys = system.unwrap_or_default();
    em.at(
        Scope::ALL,
        &RULE,
        first.span,
        format!(
            "type d'identifiant {} incompatible avec le système {sys} : {expected} attendu",
            quote(first.as_str())
        ),
        format!(
            "identifier type {} does not go with system {sys}: {expected} expected",
            quote(first.as_str())
        ),
    );
}
