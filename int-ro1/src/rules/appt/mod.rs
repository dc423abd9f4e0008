//! RO1-APPT-*: appointments (INT_R03).

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_appt_001;
pub mod ro1_appt_002;
pub mod ro1_appt_003;
pub mod ro1_appt_004;
pub mod ro1_appt_005;
pub mod ro1_appt_006;

/// Rules of the catalogue declared here and not checked yet.
pub const PLANNED: &[&RuleMeta] = &[
    &ro1_appt_001::RULE,
    &ro1_appt_002::RULE,
    &ro1_appt_003::RULE,
    &ro1_appt_004::RULE,
    &ro1_appt_005::RULE,
    &ro1_appt_006::RULE,
];
