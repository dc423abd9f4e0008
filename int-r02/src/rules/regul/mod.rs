//! RO1-REGUL-*: regulator accounts (INT_R02).

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_regul_001;
pub mod ro1_regul_002;
pub mod ro1_regul_003;
pub mod ro1_regul_004;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] =
    &[&ro1_regul_001::RULE, &ro1_regul_002::RULE, &ro1_regul_003::RULE, &ro1_regul_004::RULE];

#[cfg(test)]
mod tests;
