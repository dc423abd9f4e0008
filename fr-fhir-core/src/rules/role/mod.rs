//! RO1-ROLE-*: PractitionerRole.

use crate::finding::RuleMeta;

pub mod ro1_role_001;
pub mod ro1_role_002;
pub mod ro1_role_003;
pub mod ro1_role_004;
pub mod ro1_role_005;
pub mod ro1_role_006;
pub mod ro1_role_007;
pub mod ro1_role_008;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_role_001::RULE,
    &ro1_role_002::RULE,
    &ro1_role_003::RULE,
    &ro1_role_004::RULE,
    &ro1_role_005::RULE,
    &ro1_role_006::RULE,
    &ro1_role_007::RULE,
    &ro1_role_008::RULE,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::rules::testutil::{CPTS, PS, SOS, run};

    fn mine(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| RULES.iter().any(|r| r.id == f.0)).collect()
    }

    #[test]
    fn valid_examples_are_clean() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(mine(src), []);
        }
    }
}
