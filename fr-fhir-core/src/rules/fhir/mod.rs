//! RO1-FHIR-*: FHIR structure.

use crate::finding::RuleMeta;

pub mod ro1_fhir_001;
pub mod ro1_fhir_002;
pub mod ro1_fhir_003;
pub mod ro1_fhir_004;
pub mod ro1_fhir_005;
pub mod ro1_fhir_006;
pub mod ro1_fhir_007;
pub mod ro1_fhir_008;
pub mod ro1_fhir_009;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_fhir_001::RULE,
    &ro1_fhir_002::RULE,
    &ro1_fhir_003::RULE,
    &ro1_fhir_004::RULE,
    &ro1_fhir_005::RULE,
    &ro1_fhir_006::RULE,
    &ro1_fhir_007::RULE,
    &ro1_fhir_008::RULE,
    &ro1_fhir_009::RULE,
];

#[cfg(test)]
mod tests;
