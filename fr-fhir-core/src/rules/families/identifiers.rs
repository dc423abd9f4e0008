//! Identifier rules wherever an identifier occurs: RO1-ID-*.

use crate::model::Resource;
use crate::rules::Emitter;

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// Checks every identifier of a resource (contained ones included).
pub fn check_resource(_res: &Resource<'_>, _em: &mut Emitter<'_>) {}
