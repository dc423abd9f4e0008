//! RO1-REF-005 `slot-of-requested-practitioner`.
//!
//! Every Slot belongs, through Schedule.actor, to one of the requested practitioners.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use fr_fhir_core::finding::Cause;
use fr_fhir_core::ids::Idnps;
use fr_fhir_core::json::Span;
use fr_fhir_core::rules::Emitter;

use crate::rules::support::knock_on::{self, Defect, Holders, Unrequested};

/// RO1-REF-005 `slot-of-requested-practitioner`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REF-005",
    name: "slot-of-requested-practitioner",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "Request semantics; kit (single-practitioner scenarios)",
    summary_fr: "Chaque Slot appartient, via Schedule.actor, à l'un des praticiens demandés.",
    summary_en: "Every Slot belongs, through Schedule.actor, to one of the requested practitioners.",
    doc: RuleDoc {
        what_fr: "Suit Slot → Schedule → Practitioner et vérifie que l'identifiant du praticien figure parmi les jetons de schedule.actor:Practitioner.identifier de la requête.",
        why_fr: "Sémantique de la requête (le serveur filtre sur les praticiens demandés) ; scénarios à un praticien du kit. Kit officiel ANS : vérifié en partie.",
        example_fr: "requête : …|810101215225   réponse : Slot → Schedule s2 → Practitioner 810002909371",
        fix_fr: "Filtrez les agendas sur les identifiants reçus dans la requête.",
        what_en: "Follows Slot → Schedule → Practitioner and checks that the practitioner identifier is among the schedule.actor:Practitioner.identifier tokens of the request.",
        why_en: "Request semantics (the server filters on the requested practitioners); the kit's single-practitioner scenarios. Official ANS kit: partly checked.",
        example_en: "request: …|810101215225   response: Slot → Schedule s2 → Practitioner 810002909371",
        fix_en: "Filter the schedules on the identifiers received in the request.",
    },
};

/// The practitioners of the knock-ons, by their IDNPS.
const PRACTITIONERS: Holders =
    Holders { what: ("praticien", "practitioner"), defect: Defect::of_id::<Idnps> };

/// Why the slots of a schedule are reported: none of its practitioners,
/// `unrequested`, was requested.
pub(crate) fn cause(unrequested: &[Unrequested<'_>]) -> Cause {
    knock_on::cause(unrequested, &PRACTITIONERS)
}

/// The slot at `span` (its reference as written, `slot`) belongs to a schedule
/// whose practitioner was not requested, for `cause`.
pub(crate) fn check_slot(em: &mut Emitter<'_>, slot: &str, span: Span, cause: Cause) {
    let whose = ("le praticien n'est pas parmi ceux demandés", "practitioner");
    knock_on::report_slot(em, (Scope::PS_CPTS, &RULE), (slot, span), whose, cause);
}
