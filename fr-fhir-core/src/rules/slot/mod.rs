//! RO1-SLOT-*: Slot.

use crate::finding::RuleMeta;

pub mod ro1_slot_001;
pub mod ro1_slot_002;
pub mod ro1_slot_003;
pub mod ro1_slot_004;
pub mod ro1_slot_005;
pub mod ro1_slot_006;
pub mod ro1_slot_007;
pub mod ro1_slot_008;
pub mod ro1_slot_009;
pub mod ro1_slot_010;
pub mod ro1_slot_011;
pub mod ro1_slot_012;
pub mod ro1_slot_013;
pub mod ro1_slot_014;
pub mod ro1_slot_015;
pub mod ro1_slot_016;
pub mod ro1_slot_017;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_slot_001::RULE,
    &ro1_slot_002::RULE,
    &ro1_slot_003::RULE,
    &ro1_slot_004::RULE,
    &ro1_slot_005::RULE,
    &ro1_slot_006::RULE,
    &ro1_slot_007::RULE,
    &ro1_slot_008::RULE,
    &ro1_slot_009::RULE,
    &ro1_slot_010::RULE,
    &ro1_slot_011::RULE,
    &ro1_slot_012::RULE,
    &ro1_slot_013::RULE,
    &ro1_slot_014::RULE,
    &ro1_slot_015::RULE,
    &ro1_slot_016::RULE,
    &ro1_slot_017::RULE,
];
