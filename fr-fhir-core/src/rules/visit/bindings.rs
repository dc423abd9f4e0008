//! Visits each resource for RO1-FHIR-005, base R4 required bindings wherever
//! the coded element occurs (the rule file holds the value sets).

use crate::model::Resource;
use crate::rules::Emitter;
use crate::rules::fhir::ro1_fhir_005;

/// Checks the required-binding codes of a resource (contained ones included).
pub fn check_resource(res: &Resource<'_>, em: &mut Emitter<'_>) {
    ro1_fhir_005::check_resource(res, em);
}
