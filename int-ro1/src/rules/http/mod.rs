//! RO1-HTTP-*: the HTTP exchange.

use fr_fhir_core::finding::RuleMeta;

pub mod ro1_http_001;
pub mod ro1_http_002;
pub mod ro1_http_003;
pub mod ro1_http_004;
pub mod ro1_http_005;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_http_001::RULE,
    &ro1_http_002::RULE,
    &ro1_http_003::RULE,
    &ro1_http_004::RULE,
    &ro1_http_005::RULE,
];

#[cfg(test)]
mod tests;
