//! RO1-ID-*: French national identifiers.

use crate::finding::RuleMeta;
use crate::finding::Severity;
use crate::ids::{IDNPS, IDNST, OID_IDNPS, OID_IDNST};
use crate::json::Span;
use crate::model::{CodeableConcept, Identifier};
use crate::rules::{Emitter, Scope, quote};

pub mod ro1_id_001;
pub mod ro1_id_002;
pub mod ro1_id_003;
pub mod ro1_id_004;
pub mod ro1_id_005;
pub mod ro1_id_006;
pub mod ro1_id_007;
pub mod ro1_id_008;
pub mod ro1_id_009;
pub mod ro1_id_010;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_id_001::RULE,
    &ro1_id_002::RULE,
    &ro1_id_003::RULE,
    &ro1_id_004::RULE,
    &ro1_id_005::RULE,
    &ro1_id_006::RULE,
    &ro1_id_007::RULE,
    &ro1_id_008::RULE,
    &ro1_id_009::RULE,
    &ro1_id_010::RULE,
];

/// The national kinds whose values have a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A person: `8` + RPPS, `0` + ADELI.
    Idnps,
    /// A structure: `1` + FINESS, `3` + SIRET, `4` + RPPS-rang, `0` + ADELI-rang.
    Idnst,
}

/// Which national identifier `id` holds, decided by `system` (the national
/// OIDs, also written without `urn:oid:`), or by the type code when `system`
/// is absent. A value under another system is not a national identifier here:
/// the resource rules report the system.
pub(crate) fn national_kind(id: &Identifier<'_>) -> Option<Kind> {
    match id.system.as_ref().map(|s| strip_urn(s.as_str())) {
        Some(s) if s == strip_urn(OID_IDNPS) => Some(Kind::Idnps),
        Some(s) if s == strip_urn(OID_IDNST) => Some(Kind::Idnst),
        Some(_) => None,
        None => type_codes(id.type_.as_ref()).find_map(|c| match c {
            IDNPS => Some(Kind::Idnps),
            IDNST => Some(Kind::Idnst),
            _ => None,
        }),
    }
}

fn strip_urn(s: &str) -> &str {
    s.strip_prefix("urn:oid:").unwrap_or(s)
}

fn type_codes<'t>(ty: Option<&'t CodeableConcept<'_>>) -> impl Iterator<Item = &'t str> {
    ty.into_iter().flat_map(|t| t.coding.iter()).filter_map(|c| c.code.as_ref().map(|c| c.as_str()))
}

/// Reports a malformed value or a wrong key for `rule` (RO1-ID-002..009
/// share this message), at `sev` or the rule's severity.
pub(super) fn form_error(
    em: &mut Emitter<'_>,
    rule: &'static RuleMeta,
    sev: Option<Severity>,
    span: Span,
    v: &str,
    e: crate::ids::IdError,
) {
    let m = e.message();
    let sev = sev.unwrap_or(rule.severity);
    em.at_sev(
        Scope::ALL,
        rule,
        sev,
        span,
        format!("identifiant {} : {}", quote(v), m.fr),
        format!("identifier {}: {}", quote(v), m.en),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{CPTS, PS, SOS, of_rule, patch, run};
    use serde_json::json;

    const ORG0: &str = "/entry/13/resource/organization/identifier";

    fn id_findings(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| f.0.starts_with("RO1-ID-")).collect()
    }

    #[test]
    fn valid_examples_have_no_identifier_finding() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(id_findings(src), []);
        }
    }

    #[test]
    fn id_005_and_006_finess() {
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("16900412")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-005"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Error)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("12A0000014")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-005").len(),
            1,
            "Corsican FINESS fails the SAS pattern"
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("1690041271")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-006"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Warning)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("1690041272")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-006"), []);
    }

    #[test]
    fn id_007_and_008_siret() {
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("38531204670001")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-007"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Error)]
        );
        let doc = patch(PS, &format!("{ORG0}/value"), Some(json!("385312046700017")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ID-008"),
            [("Bundle.entry[13].resource.organization.identifier.value".into(), Severity::Warning)]
        );
    }

    #[test]
    fn kind_from_type_when_system_is_absent() {
        let doc = patch(PS, &format!("{ORG0}/system"), None);
        let doc = patch(&doc, &format!("{ORG0}/value"), Some(json!("1690041271")));
        assert_eq!(of_rule(&doc, None, "RO1-ID-006").len(), 1);
    }

    #[test]
    fn contained_identifiers_are_visited() {
        let p = "/entry/13/resource/contained/0/identifier/0";
        let doc = patch(PS, &format!("{p}/system"), Some(json!(OID_IDNPS)));
        let doc = patch(&doc, &format!("{p}/value"), Some(json!("8123")));
        let found = of_rule(&doc, None, "RO1-ID-002");
        assert_eq!(
            found,
            [(
                "Bundle.entry[13].resource.contained[0].identifier[0].value".into(),
                Severity::Error
            )]
        );
        // The INTRN type does not go with the IDNPS system.
        assert_eq!(of_rule(&doc, None, "RO1-ID-001").len(), 1);
    }
}
