//! Visits each entry for the base R4 structure rules: RO1-FHIR-007
//! (contained resources: ids, dom-2) and RO1-FHIR-008 (ext-1,
//! modifierExtension), in the order they were always reported: the entry's
//! modifier extensions, the resource's extensions and modifier extensions,
//! then each contained resource.

use std::collections::HashSet;

use crate::model::Resource;
use crate::rules::fhir::ro1_fhir_007;
use crate::rules::fhir::ro1_fhir_008;
use crate::rules::{Emitter, EntryCx};

/// Checks the entry's resource (contained ones included) and the entry's own
/// modifier extensions.
pub fn check_entry(e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    ro1_fhir_008::check_entry_modifiers(e.entry, em);
    if let Some(res) = &e.entry.resource {
        check_resource(res, em);
    }
}

/// FHIR-007 and FHIR-008 on one resource and its contained resources.
pub fn check_resource(res: &Resource<'_>, em: &mut Emitter<'_>) {
    ro1_fhir_008::check_extensions(res, em);
    ro1_fhir_008::check_modifiers(res, em);
    let contained = res.contained();
    let mut seen: HashSet<&str> = HashSet::new();
    for c in contained {
        ro1_fhir_008::check_modifiers(c, em);
        ro1_fhir_007::check_contained(c, contained.len(), &mut seen, em);
    }
}
