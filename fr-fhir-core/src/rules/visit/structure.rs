//! Visits each entry for the base R4 structure rules: RO1-FHIR-007
//! (contained resources: ids, dom-2) and RO1-FHIR-008 (ext-1,
//! modifierExtension), in the order they were always reported: the entry's
//! modifier extensions, the resource's extensions and modifier extensions,
//! then each contained resource.

use std::collections::HashSet;

use crate::engine::index::Walked;
use crate::model::Resource;
use crate::rules::fhir::ro1_fhir_007;
use crate::rules::fhir::ro1_fhir_008;
use crate::rules::{Emitter, EntryCx};

/// Checks the entry's resource (contained ones included) and the entry's own
/// modifier extensions.
pub fn check_entry(e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    check_entry_walked(e, None, em);
}

/// [`check_entry`], telling whether the resource holds an Identifier (when
/// it holds none, the RO1-ID-* walk would see nothing). When `walked` (what
/// a walk of the same resource met) says it holds no Extension, the ext-1
/// walk is skipped: it would report nothing.
pub(crate) fn check_entry_walked(
    e: &EntryCx<'_, '_>,
    walked: Option<Walked>,
    em: &mut Emitter<'_>,
) -> bool {
    ro1_fhir_008::check_entry_modifiers(e.entry, em);
    e.entry.resource.as_ref().is_some_and(|res| check_resource_walked(res, walked, em))
}

/// FHIR-007 and FHIR-008 on one resource and its contained resources.
pub fn check_resource(res: &Resource<'_>, em: &mut Emitter<'_>) {
    check_resource_walked(res, None, em);
}

/// [`check_resource`], telling whether the resource holds an Identifier.
fn check_resource_walked(res: &Resource<'_>, walked: Option<Walked>, em: &mut Emitter<'_>) -> bool {
    let ids = match walked {
        Some(w) if !w.extensions => w.identifiers,
        _ => ro1_fhir_008::check_extensions(res, em),
    };
    ro1_fhir_008::check_modifiers(res, em);
    let contained = res.contained();
    let mut seen: HashSet<&str> = HashSet::new();
    for c in contained {
        ro1_fhir_008::check_modifiers(c, em);
        ro1_fhir_007::check_contained(c, contained.len(), &mut seen, em);
    }
    ids
}
