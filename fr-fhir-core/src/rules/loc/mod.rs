//! RO1-LOC-*: the Location contained in PractitionerRole.

use crate::finding::RuleMeta;

pub mod ro1_loc_001;
pub mod ro1_loc_002;
pub mod ro1_loc_003;
pub mod ro1_loc_004;
pub mod ro1_loc_005;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_loc_001::RULE,
    &ro1_loc_002::RULE,
    &ro1_loc_003::RULE,
    &ro1_loc_004::RULE,
    &ro1_loc_005::RULE,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::rules::testutil::{CPTS, PS, SOS, of_rule, patch, run};
    use serde_json::json;

    const E: &str = "Bundle.entry[13].resource";
    const L: &str = "/entry/13/resource/contained/0";

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    fn mine(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| RULES.iter().any(|r| r.id == f.0)).collect()
    }

    #[test]
    fn valid_examples_are_clean() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(mine(src), []);
        }
    }

    #[test]
    fn loc_002_003_address() {
        let doc = patch(PS, &format!("{L}/address"), None);
        assert_eq!(of_rule(&doc, None, "RO1-LOC-002"), at("contained[0].address", Severity::Error));
        let doc = patch(PS, &format!("{L}/address/city"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-002"),
            at("contained[0].address.city", Severity::Error)
        );
        let doc = patch(
            PS,
            &format!("{L}/address/line"),
            Some(json!(["42 rue Paul Bert", "Bâtiment B"])),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-002"),
            at("contained[0].address.line[1]", Severity::Error)
        );
        let doc = patch(PS, &format!("{L}/address/postalCode"), Some(json!("6900A")));
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-003"),
            at("contained[0].address.postalCode", Severity::Error)
        );
    }
}
