//! RO1-OO-*: OperationOutcome.

use crate::finding::RuleMeta;

pub mod ro1_oo_002;
pub mod ro1_oo_003;
pub mod ro1_oo_004;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[&ro1_oo_002::RULE, &ro1_oo_003::RULE];

/// Rules of the catalogue declared here and not checked yet.
pub const PLANNED: &[&RuleMeta] = &[&ro1_oo_004::RULE];

#[cfg(test)]
mod tests {
    use crate::rules::testutil::of_rule;

    const OO: &str = include_str!("../../../../examples/valid/error-400.json");

    #[test]
    fn valid_error_body_is_clean() {
        assert!(of_rule(OO, None, "RO1-OO-002").is_empty());
        assert!(of_rule(OO, None, "RO1-OO-003").is_empty());
        assert!(of_rule(OO, None, "RO1-BUNDLE-001").is_empty());
    }
}
