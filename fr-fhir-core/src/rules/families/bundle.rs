//! Bundle-level rules: RO1-BUNDLE-*, RO1-FHIR-006 (bdl-*).

use crate::model::Resource;
use crate::rules::{EntryCx, Emitter, Finish};

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// Per-entry Bundle rules (fullUrl form, search.mode, bdl-2..5, entry types).
pub fn check_entry(_e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}

/// Bundle rules needing the whole Bundle (type, total, link, duplicates, slices).
pub fn check_bundle(_f: &Finish<'_, '_>, _em: &mut Emitter<'_>) {}

/// The document is not a Bundle (RO1-BUNDLE-001).
pub fn check_not_a_bundle(_res: Option<&Resource<'_>>, _src: &str, _em: &mut Emitter<'_>) {}
