//! RO1-REGUL-*: regulator accounts (INT_R02).

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_regul_001;
pub mod ro1_regul_002;
pub mod ro1_regul_003;
pub mod ro1_regul_004;

/// Rules of the catalogue declared here and not checked yet.
pub const PLANNED: &[&RuleMeta] =
    &[&ro1_regul_001::RULE, &ro1_regul_002::RULE, &ro1_regul_003::RULE, &ro1_regul_004::RULE];
