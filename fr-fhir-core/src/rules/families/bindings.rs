//! Base R4 required bindings wherever the coded element occurs: RO1-FHIR-005.

use crate::model::Resource;
use crate::rules::Emitter;

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// Checks the required-binding codes of a resource (contained ones included).
pub fn check_resource(_res: &Resource<'_>, _em: &mut Emitter<'_>) {}
