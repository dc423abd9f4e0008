//! RO1-CPTS-*: the CPTS search.

use crate::finding::RuleMeta;
use crate::model::{CodeableConcept, Extension, Slot};
use crate::rules::support::terminology as term;

pub mod ro1_cpts_001;
pub mod ro1_cpts_002;
pub mod ro1_cpts_003;
pub mod ro1_cpts_004;
pub mod ro1_cpts_005;
pub mod ro1_cpts_006;
pub mod ro1_cpts_007;
pub mod ro1_cpts_008;
pub mod ro1_cpts_009;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_cpts_001::RULE,
    &ro1_cpts_002::RULE,
    &ro1_cpts_003::RULE,
    &ro1_cpts_004::RULE,
    &ro1_cpts_005::RULE,
    &ro1_cpts_006::RULE,
    &ro1_cpts_007::RULE,
    &ro1_cpts_008::RULE,
    &ro1_cpts_009::RULE,
];

/// True when the Slot is labelled CPTS in meta.security (RO1-CPTS-001/008).
#[inline]
pub(crate) fn is_labelled_cpts(s: &Slot<'_>) -> bool {
    s.meta.as_ref().is_some_and(|m| {
        m.security.iter().any(|c| c.code.as_ref().is_some_and(|k| k == term::SLOT_TYPE_CPTS))
    })
}

/// True when a coding of `cc` has `system`.
#[inline]
pub(crate) fn has_system(cc: &CodeableConcept<'_>, system: &str) -> bool {
    cc.coding.iter().any(|c| c.system.as_ref().is_some_and(|s| s == system))
}

/// True for the R5 serviceType extension that points a Slot at its CPTS
/// HealthcareService.
#[inline]
pub(crate) fn is_r5_service_type(x: &Extension<'_>) -> bool {
    x.url.as_ref().is_some_and(|u| u == term::EXT_SLOT_SERVICE_TYPE_R5)
}

#[cfg(test)]
mod tests;
