//! RO1-SOS-*: the SOS Médecins search.

use crate::finding::RuleMeta;

pub mod ro1_sos_001;
pub mod ro1_sos_002;
pub mod ro1_sos_003;
pub mod ro1_sos_004;
pub mod ro1_sos_006;
pub mod ro1_sos_007;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_sos_001::RULE,
    &ro1_sos_002::RULE,
    &ro1_sos_003::RULE,
    &ro1_sos_004::RULE,
    &ro1_sos_006::RULE,
];

/// Rules of the catalogue declared here and not checked yet.
pub const PLANNED: &[&RuleMeta] = &[&ro1_sos_007::RULE];

#[cfg(test)]
mod tests;
