//! RO1-SOS-*: the SOS Médecins search.

use crate::finding::RuleMeta;

pub mod ro1_sos_001;
pub mod ro1_sos_002;
pub mod ro1_sos_003;
pub mod ro1_sos_004;
pub mod ro1_sos_006;
pub mod ro1_sos_007;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_sos_001::RULE,
    &ro1_sos_002::RULE,
    &ro1_sos_003::RULE,
    &ro1_sos_004::RULE,
    &ro1_sos_006::RULE,
];

/// Rules of the catalogue declared here and not checked yet.
pub const PLANNED: &[&RuleMeta] = &[&ro1_sos_007::RULE];

#[cfg(test)]
mod tests {
    use super::RULES;
    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{SOS, of_rule, patch, run};
    use serde_json::json;

    const L: &str = "/entry/6/resource";
    const EL: &str = "Bundle.entry[6].resource";

    fn at(base: &str, path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{base}.{path}"), sev)]
    }

    #[test]
    fn valid_example_is_clean() {
        let mine: Vec<_> = run(SOS, None)
            .into_iter()
            .filter(|f| RULES.iter().any(|r| r.id == f.0) || f.0.starts_with("RO1-LOC-"))
            .collect();
        assert_eq!(mine, []);
    }

    #[test]
    fn sos_address_uses_the_loc_rules() {
        let doc = patch(SOS, &format!("{L}/address/postalCode"), Some(json!("5680")));
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-003"),
            at(EL, "address.postalCode", Severity::Error)
        );
        let doc = patch(SOS, &format!("{L}/address/line"), None);
        assert_eq!(of_rule(&doc, None, "RO1-LOC-002"), at(EL, "address.line", Severity::Error));
        assert_eq!(of_rule(&doc, Some(UseCase::PS), "RO1-LOC-002"), []);
    }
}
