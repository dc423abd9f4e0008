//! RO1-FHIR-*: FHIR structure.

use crate::finding::RuleMeta;

pub mod ro1_fhir_001;
pub mod ro1_fhir_002;
pub mod ro1_fhir_003;
pub mod ro1_fhir_004;
pub mod ro1_fhir_005;
pub mod ro1_fhir_006;
pub mod ro1_fhir_007;
pub mod ro1_fhir_008;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_fhir_001::RULE,
    &ro1_fhir_002::RULE,
    &ro1_fhir_003::RULE,
    &ro1_fhir_004::RULE,
    &ro1_fhir_005::RULE,
    &ro1_fhir_006::RULE,
    &ro1_fhir_007::RULE,
    &ro1_fhir_008::RULE,
];

#[cfg(test)]
mod tests {
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, EMPTY, PS, SOS, of_rule};

    #[test]
    fn valid_examples_are_clean() {
        for (src, uc) in
            [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)]
        {
            assert!(of_rule(src, Some(uc), "RO1-FHIR-007").is_empty());
            assert!(of_rule(src, Some(uc), "RO1-FHIR-008").is_empty());
        }
    }
}
