//! `meta.profile` expectations: RO1-META-001, RO1-CPTS-009.

use crate::model::Resource;
use crate::rules::{Emitter, Finish};

/// The catalogue rules this family implements.
pub const RULES: &[&crate::finding::RuleMeta] = &[];

/// Per resource (entries and contained ones).
pub fn check_resource(_res: &Resource<'_>, _contained: bool, _em: &mut Emitter<'_>) {}

/// The Bundle's own `meta.profile`.
pub fn check_bundle(_f: &Finish<'_, '_>, _em: &mut Emitter<'_>) {}
