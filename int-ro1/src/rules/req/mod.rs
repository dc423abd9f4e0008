//! RO1-REQ-*: the search request.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_req_001;
pub mod ro1_req_002;
pub mod ro1_req_003;
pub mod ro1_req_004;
pub mod ro1_req_005;
pub mod ro1_req_006;
pub mod ro1_req_007;
pub mod ro1_req_008;
pub mod ro1_req_009;
pub mod ro1_req_010;
pub mod ro1_req_011;
pub mod ro1_req_012;
pub mod ro1_req_013;
pub mod ro1_req_014;
pub mod ro1_req_015;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_req_001::RULE,
    &ro1_req_002::RULE,
    &ro1_req_003::RULE,
    &ro1_req_004::RULE,
    &ro1_req_005::RULE,
    &ro1_req_006::RULE,
    &ro1_req_007::RULE,
    &ro1_req_008::RULE,
    &ro1_req_009::RULE,
    &ro1_req_010::RULE,
    &ro1_req_011::RULE,
    &ro1_req_012::RULE,
    &ro1_req_013::RULE,
    &ro1_req_014::RULE,
    &ro1_req_015::RULE,
];
