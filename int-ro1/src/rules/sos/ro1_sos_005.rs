//! RO1-SOS-005 `sos-organization-was-requested`.
//!
//! Every SOS Organization returned is one of the requested SIRET tokens, and every Slot belongs to a requested association.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use std::collections::HashSet;

use fr_fhir_core::finding::Cause;
use fr_fhir_core::ids::Idnst;
use fr_fhir_core::json::Span;
use fr_fhir_core::rules::Emitter;

use crate::rules::support::knock_on::{self, Defect, Holders, Unrequested};
use crate::rules::support::requested;

/// RO1-SOS-005 `sos-organization-was-requested`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SOS-005",
    name: "sos-organization-was-requested",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "Derived from request semantics",
    summary_fr: "Chaque Organization SOS renvoyée fait partie des SIRET demandés, et chaque Slot appartient à une association demandée.",
    summary_en: "Every SOS Organization returned is one of the requested SIRET tokens, and every Slot belongs to a requested association.",
    doc: RuleDoc {
        what_fr: "Compare l'identifiant de chaque Organization aux jetons de actor:Location.organization.identifier de la requête, puis suit Slot → Schedule → Location → Organization pour vérifier que chaque créneau appartient à une association demandée.",
        why_fr: "Règle déduite de la sémantique de la requête : le serveur filtre sur les associations demandées. Kit officiel ANS : non vérifié.",
        example_fr: "requête : …organization.identifier=urn:oid:1.2.250.1.71.4.2.2|334173748400020   réponse : Organization de valeur 392080466300010",
        fix_fr: "Filtrez les agendas sur les SIRET reçus dans la requête.",
        what_en: "Compares every Organization identifier with the actor:Location.organization.identifier tokens of the request, then follows Slot → Schedule → Location → Organization to check that every slot belongs to a requested association.",
        why_en: "Derived from the request semantics: the server filters on the requested associations. Official ANS kit: not checked.",
        example_en: "request: …organization.identifier=urn:oid:1.2.250.1.71.4.2.2|334173748400020   response: Organization with value 392080466300010",
        fix_en: "Filter the schedules on the SIRET numbers received in the request.",
    },
};

/// First half: every IDNST of a returned Organization (`ids`: span and
/// value) is one of the `wanted` identifiers of the request.
pub(crate) fn check_identifiers<'v>(
    ids: impl Iterator<Item = (Span, &'v str)>,
    wanted: &HashSet<&str>,
    em: &mut Emitter<'_>,
) {
    let noun = ("identifiant d'association", "association identifier");
    requested::report_unrequested(ids, wanted, (Scope::SOS, &RULE), noun, em);
}

/// The associations of the knock-ons, by their IDNST.
const ASSOCIATIONS: Holders =
    Holders { what: ("association", "association"), defect: Defect::of_id::<Idnst> };

/// Why the slots of a schedule are reported: none of its associations,
/// `unrequested`, was requested.
pub(crate) fn cause(unrequested: &[Unrequested<'_>]) -> Cause {
    knock_on::cause(unrequested, &ASSOCIATIONS)
}

/// Second half: the slot at `span` (its reference as written, `slot`) belongs
/// to a schedule whose association was not requested, for `cause`.
pub(crate) fn check_slot(em: &mut Emitter<'_>, slot: &str, span: Span, cause: Cause) {
    let whose = ("l'association n'est pas parmi celles demandées", "association");
    knock_on::report_slot(em, (Scope::SOS, &RULE), (slot, span), whose, cause);
}
