//! RO1-PROF-*: the constraints of a profile (SAS IG, or an IG loaded with
//! `--ig`) applied by the structural validator: cardinalities, fixed and
//! pattern values, bindings, slices, types, profile invariants.

use crate::finding::RuleMeta;

pub mod ro1_prof_001;
pub mod ro1_prof_002;
pub mod ro1_prof_003;
pub mod ro1_prof_004;
pub mod ro1_prof_005;
pub mod ro1_prof_006;
pub mod ro1_prof_007;
pub mod ro1_prof_008;
pub mod ro1_prof_009;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_prof_001::RULE,
    &ro1_prof_002::RULE,
    &ro1_prof_003::RULE,
    &ro1_prof_004::RULE,
    &ro1_prof_005::RULE,
    &ro1_prof_006::RULE,
    &ro1_prof_007::RULE,
    &ro1_prof_008::RULE,
    &ro1_prof_009::RULE,
];
