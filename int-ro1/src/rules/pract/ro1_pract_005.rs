//! RO1-PRACT-005 `practitioner-was-requested`.
//!
//! Every Practitioner identifier value returned is one of the identifiers of the request (exact string, prefixed).

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use std::collections::HashSet;

use fr_fhir_core::json::Span;
use fr_fhir_core::rules::Emitter;

use crate::rules::support::requested;

/// RO1-PRACT-005 `practitioner-was-requested`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PRACT-005",
    name: "practitioner-was-requested",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "agg-psindiv #18; kit validate_rpps (returned == requested) — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Chaque identifiant de Practitioner renvoyé fait partie des identifiants demandés (chaîne exacte, préfixée).",
    summary_en: "Every Practitioner identifier value returned is one of the identifiers of the request (exact string, prefixed).",
    doc: RuleDoc {
        what_fr: "Compare chaque Practitioner.identifier.value aux valeurs des jetons de schedule.actor:Practitioner.identifier de la requête capturée, en égalité exacte de chaîne.",
        why_fr: "Exigence agg-psindiv #18 et kit (validate_rpps : identifiant renvoyé == identifiant demandé). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "requête : …|810101215225   réponse : {\"resourceType\":\"Practitioner\",\"identifier\":[{\"value\":\"810002909371\",…}]}",
        fix_fr: "Ne renvoyez que les praticiens demandés, avec l'identifiant exactement tel qu'il a été demandé.",
        what_en: "Compares every Practitioner.identifier.value with the token values of schedule.actor:Practitioner.identifier in the captured request, as exact string equality.",
        why_en: "Requirement agg-psindiv #18 and kit (validate_rpps: returned id == requested id). Official ANS kit: checked by a dedicated assertion.",
        example_en: "request: …|810101215225   response: {\"resourceType\":\"Practitioner\",\"identifier\":[{\"value\":\"810002909371\",…}]}",
        fix_en: "Return only the requested practitioners, with the identifier exactly as requested.",
    },
};

/// Every IDNPS of a returned Practitioner (`ids`: span and value) is one of
/// the `wanted` identifiers of the request.
pub(crate) fn check<'v>(
    ids: impl Iterator<Item = (Span, &'v str)>,
    wanted: &HashSet<&str>,
    em: &mut Emitter<'_>,
) {
    let noun = ("identifiant", "identifier");
    requested::report_unrequested(ids, wanted, (Scope::PS_CPTS, &RULE), noun, em);
}
