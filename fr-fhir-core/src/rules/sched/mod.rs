//! RO1-SCHED-*: Schedule.

use crate::finding::RuleMeta;

pub mod ro1_sched_001;
pub mod ro1_sched_002;
pub mod ro1_sched_003;
pub mod ro1_sched_004;
pub mod ro1_sched_005;
pub mod ro1_sched_006;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_sched_001::RULE,
    &ro1_sched_002::RULE,
    &ro1_sched_003::RULE,
    &ro1_sched_004::RULE,
    &ro1_sched_005::RULE,
    &ro1_sched_006::RULE,
];

#[cfg(test)]
mod tests;
