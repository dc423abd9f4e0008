//! RO1-META-*: declared profiles.

use crate::finding::RuleMeta;

pub mod ro1_meta_001;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_meta_001::RULE];

#[cfg(test)]
mod tests {
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, EMPTY, PS, SOS, of_rule};

    #[test]
    fn valid_examples_declare_their_profiles() {
        for (src, uc) in
            [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)]
        {
            assert!(of_rule(src, Some(uc), "RO1-META-001").is_empty(), "{uc:?}");
            assert!(of_rule(src, Some(uc), "RO1-CPTS-009").is_empty(), "{uc:?}");
        }
    }
}
