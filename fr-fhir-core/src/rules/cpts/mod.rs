//! RO1-CPTS-*: the CPTS search.

use crate::finding::RuleMeta;

pub mod ro1_cpts_001;
pub mod ro1_cpts_002;
pub mod ro1_cpts_003;
pub mod ro1_cpts_004;
pub mod ro1_cpts_005;
pub mod ro1_cpts_006;
pub mod ro1_cpts_007;
pub mod ro1_cpts_008;
pub mod ro1_cpts_009;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_cpts_001::RULE,
    &ro1_cpts_002::RULE,
    &ro1_cpts_003::RULE,
    &ro1_cpts_004::RULE,
    &ro1_cpts_005::RULE,
    &ro1_cpts_006::RULE,
    &ro1_cpts_007::RULE,
    &ro1_cpts_008::RULE,
    &ro1_cpts_009::RULE,
];

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, of_rule, patch};
    use serde_json::json;

    const HS: &str = "/entry/6/resource";
    const HS_E: &str = "Bundle.entry[6].resource";
    const ERR: Severity = Severity::Error;

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn cpts_004_id_and_provided_by_reference() {
        let d = patch(CPTS, &format!("{HS}/id"), None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-004"), at(HS_E, "id", ERR));
        let d = patch(CPTS, &format!("{HS}/providedBy"), None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-004"), at(HS_E, "providedBy", ERR));
        let d = patch(CPTS, &format!("{HS}/providedBy"), Some(json!({"display": "CPTS"})));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-004"), at(HS_E, "providedBy.reference", ERR));
        assert_eq!(of_rule(&d, Some(UseCase::PS), "RO1-CPTS-004"), []);
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-004"), []);
    }
}
