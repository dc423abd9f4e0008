//! RO1-BUNDLE-007 `fullurl-ends-with-type-id`.
//!
//! A RESTful fullUrl (absolute http(s) URL) ends with /\<resourceType\>/\<id\> of its resource; different bases across entries are a warning.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::{EntryInfo, Index, restful_base, restful_tail};
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// RO1-BUNDLE-007 `fullurl-ends-with-type-id`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-007",
    name: "fullurl-ends-with-type-id",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 bundle rules; IG examples (https://exemple.com/ans-sas/Slot/ExampleSlotPSIndiv1)",
    summary_fr: "Un fullUrl RESTful (URL http(s) absolue) se termine par /<resourceType>/<id> de sa ressource ; des bases différentes entre entrées sont un avertissement.",
    summary_en: "A RESTful fullUrl (absolute http(s) URL) ends with /<resourceType>/<id> of its resource; different bases across entries are a warning.",
    doc: RuleDoc {
        what_fr: "Pour chaque fullUrl http(s), vérifie que ses deux derniers segments sont le type et l'id de la ressource de l'entrée (erreur sinon), puis avertit quand toutes les entrées ne partagent pas la même base.",
        why_fr: "Règles de Bundle FHIR R4 et exemples de l'IG (https://exemple.com/ans-sas/Slot/ExampleSlotPSIndiv1) ; un fullUrl incohérent fait échouer la résolution des références relatives. Kit officiel ANS : non vérifié.",
        example_fr: r#"{"fullUrl":"https://exemple.com/ans-sas/Slot/42","resource":{"resourceType":"Slot","id":"43",…}}"#,
        fix_fr: "Construisez fullUrl = [base]/<resourceType>/<id> avec la même base pour toutes les entrées.",
        what_en: "For every http(s) fullUrl, checks that its last two segments are the type and id of the entry's resource (error otherwise), then warns when the entries do not all share the same base.",
        why_en: "FHIR R4 Bundle rules and the IG examples (https://exemple.com/ans-sas/Slot/ExampleSlotPSIndiv1); an inconsistent fullUrl breaks the resolution of relative references. Official ANS kit: not checked.",
        example_en: r#"{"fullUrl":"https://exemple.com/ans-sas/Slot/42","resource":{"resourceType":"Slot","id":"43",…}}"#,
        fix_en: "Build fullUrl = [base]/<resourceType>/<id> with the same base for every entry.",
    },
};

/// A RESTful fullUrl ends with `/{type}/{id}` of its resource.
pub(crate) fn check_entry(e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    let entry = e.entry;
    let Some(url) = &entry.full_url else { return };
    let url_text = url.as_str();
    let Some(res) = &entry.resource else { return };
    if !(url_text.starts_with("http://") || url_text.starts_with("https://")) {
        return;
    }
    let Some(id) = res.id().map(|i| i.as_str()) else { return };
    let rtype = res.resource_type();
    let ok = restful_tail(url_text).is_some_and(|(t, i)| t == rtype && i == id);
    if !ok {
        em.at(
            Scope::ALL,
            &RULE,
            url.span,
            format!(
                "fullUrl {} ne se termine pas par `/{rtype}/{id}` (type et id de la ressource)",
                quote(url_text)
            ),
            format!(
                "fullUrl {} does not end with `/{rtype}/{id}` (the resource's type and id)",
                quote(url_text)
            ),
        );
    }
}

/// The warning part: the entry `e` at `pos`, whose RESTful fullUrl has
/// another base than the first one (the index found it while reading).
/// Called in entry order so that, under the cap, the first ones are kept.
pub(crate) fn check_index_entry(ix: &Index<'_>, pos: usize, e: &EntryInfo, em: &mut Emitter<'_>) {
    if ix.other_base.binary_search_by(|&p| (p as usize).cmp(&pos)).is_err() {
        return;
    }
    let Some(first) = ix.first_base() else { return };
    let url = ix.full_url(e);
    if let Some(base) = url.as_deref().and_then(restful_base) {
        em.at_sev(
            Scope::ALL,
            &RULE,
            Severity::Warning,
            e.full_url_span,
            format!(
                "fullUrl de base {} alors que les entrées précédentes ont la base {}",
                quote(base),
                quote(first)
            ),
            format!(
                "fullUrl with base {} while the previous entries have base {}",
                quote(base),
                quote(first)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::rules::testutil::{E, PS, W, at, of_rule, patch};

    #[test]
    fn bundle_007_restful_full_url() {
        let url = "https://agenda.exemple-editeur.fr/fhir/Slot/crn-90002";
        let src = patch(PS, "/entry/0/fullUrl", Some(json!(url)));
        let got = of_rule(&src, None, "RO1-BUNDLE-007");
        assert_eq!(got, at("Bundle.entry[0].fullUrl", E));
        let url = "https://autre-serveur.fr/fhir/Slot/crn-90002";
        let src = patch(PS, "/entry/1/fullUrl", Some(json!(url)));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-007"), at("Bundle.entry[1].fullUrl", W));
        let src = patch(
            PS,
            "/entry/1/fullUrl",
            Some(json!("urn:uuid:5b0b2c5e-1111-4a00-8000-000000000001")),
        );
        assert!(of_rule(&src, None, "RO1-BUNDLE-007").is_empty());
    }

    #[test]
    fn bundle_007_bases_come_in_entry_order_under_the_cap() {
        // Six Patients on alternating bases: each has findings of its own
        // (unexpected type, mode); with a cap of 4, the first base mismatch
        // (entry 1) is among the first findings and must be kept.
        let entries: Vec<serde_json::Value> = (0..6)
            .map(|i| {
                let host = if i % 2 == 0 { "x" } else { "y" };
                json!({"fullUrl": format!("https://{host}.fr/fhir/Patient/p{i}"),
                       "resource": {"resourceType": "Patient", "id": format!("p{i}")},
                       "search": {"mode": "match"}})
            })
            .collect();
        let src = patch(PS, "/entry", Some(serde_json::Value::Array(entries)));
        let opts = crate::rules::Options { max_findings: 4, ..Default::default() };
        let report = crate::rules::validate(&src, &opts).unwrap();
        assert!(report.dropped.total() > 0);
        let kept: Vec<(&str, String)> = report
            .findings
            .iter()
            .map(|f| (f.rule.id, f.resolved.as_ref().unwrap().expression.clone()))
            .collect();
        assert!(
            kept.contains(&("RO1-BUNDLE-007", "Bundle.entry[1].fullUrl".to_string())),
            "{kept:?}"
        );
    }
}
