//! RO1-NFR-*: non-functional requirements.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_nfr_001;
pub mod ro1_nfr_002;

/// Rules of the catalogue declared here and not checked yet.
pub const PLANNED: &[&RuleMeta] = &[&ro1_nfr_001::RULE, &ro1_nfr_002::RULE];
