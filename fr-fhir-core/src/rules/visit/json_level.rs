//! Visits the notes the reader recorded and hands each to the JSON-level
//! rules: RO1-JSON-001 (empty values, nulls), RO1-FHIR-001 (JSON types),
//! RO1-FHIR-002 (unknown elements and resource types), RO1-FHIR-003 (lexical
//! rules of primitives), RO1-FHIR-004 (an element given twice).

use crate::finding::RuleMeta;
use crate::model::Cx;
use crate::rules::Emitter;
use crate::rules::fhir::ro1_fhir_001;
use crate::rules::fhir::ro1_fhir_002;
use crate::rules::fhir::ro1_fhir_003;
use crate::rules::fhir::ro1_fhir_004;
use crate::rules::fhir::ro1_fhir_005;
use crate::rules::fhir::ro1_fhir_009;
use crate::rules::json::ro1_json_001;

/// True for the generic rules a more specific finding on the same element replaces
/// (RO1-SLOT-003 on `Slot.start` makes RO1-FHIR-003 redundant there, RO1-SLOT-001
/// on `Slot.status` makes RO1-FHIR-005 and RO1-PROF-002 redundant): the base R4
/// checks the reader and the structural validator make, and every profile
/// constraint of the structural validator (a hand rule on the same element
/// says the same thing with the SAS reading).
pub fn is_generic(rule: &RuleMeta) -> bool {
    [
        ro1_fhir_001::RULE.id,
        ro1_fhir_003::RULE.id,
        ro1_fhir_004::RULE.id,
        ro1_fhir_005::RULE.id,
        ro1_fhir_009::RULE.id,
    ]
    .contains(&rule.id)
        || rule.id.starts_with("RO1-PROF-")
}

/// Turns every note into a finding: each note is offered to every JSON-level
/// rule, and the one whose note it is reports it.
pub fn notes_to_findings(cx: &Cx, em: &mut Emitter<'_>) {
    for note in &cx.notes {
        ro1_json_001::check_note(&note.kind, note.span, em);
        ro1_fhir_001::check_note(&note.kind, note.span, em);
        ro1_fhir_002::check_note(&note.kind, note.span, em);
        ro1_fhir_003::check_note(&note.kind, note.span, em);
        ro1_fhir_004::check_note(&note.kind, note.span, em);
    }
}
