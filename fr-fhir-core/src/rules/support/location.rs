//! Location parts shared by the contained Location of a PractitionerRole
//! (RO1-LOC-*) and the SOS Médecins Location (RO1-SOS-*), and the days of
//! the week of opening hours (RO1-SOS-006, RO1-FHIR-005).

use crate::finding::RuleMeta;
use crate::model::Identifier;
use crate::rules::{Emitter, Scope};

/// A place identifier needs its type, system and value (FrLocation 1..1 each):
/// one finding per missing part. `label` names the identifier in messages
/// (French, English). Shared with the SOS places.
pub(crate) fn identifier_parts(
    id: &Identifier<'_>,
    scope: Scope,
    rule: &'static RuleMeta,
    label: (&str, &str),
    em: &mut Emitter<'_>,
) {
    for (present, part) in [
        (id.type_.is_some(), "type"),
        (id.system.is_some(), "system"),
        (id.value.is_some(), "value"),
    ] {
        if !present {
            em.missing(
                scope,
                rule,
                id.span,
                part,
                format!("{} sans `{part}` (type, system et value sont obligatoires)", label.0),
                format!("{} without `{part}` (type, system and value are mandatory)", label.1),
            );
        }
    }
}

/// Days of the week (FHIR R4 required binding `days-of-week`).
pub(crate) const DAYS_OF_WEEK: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
