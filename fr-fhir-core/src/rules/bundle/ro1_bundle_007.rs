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
        example_fr: "{\"fullUrl\":\"https://exemple.com/ans-sas/Slot/42\",\"resource\":{\"resourceType\":\"Slot\",\"id\":\"43\",…}}",
        fix_fr: "Construisez fullUrl = [base]/<resourceType>/<id> avec la même base pour toutes les entrées.",
        what_en: "For every http(s) fullUrl, checks that its last two segments are the type and id of the entry's resource (error otherwise), then warns when the entries do not all share the same base.",
        why_en: "FHIR R4 Bundle rules and the IG examples (https://exemple.com/ans-sas/Slot/ExampleSlotPSIndiv1); an inconsistent fullUrl breaks the resolution of relative references. Official ANS kit: not checked.",
        example_en: "{\"fullUrl\":\"https://exemple.com/ans-sas/Slot/42\",\"resource\":{\"resourceType\":\"Slot\",\"id\":\"43\",…}}",
        fix_en: "Build fullUrl = [base]/<resourceType>/<id> with the same base for every entry.",
    },
};

/// A RESTful fullUrl ends with `/{type}/{id}` of its resource; when `names`
/// is known, the index has already compared the fullUrl's tail with the
/// resource's type and id.
pub(crate) fn check_entry_known(e: &EntryCx<'_, '_>, names: Option<bool>, em: &mut Emitter<'_>) {
    let entry = e.entry;
    let Some(url) = &entry.full_url else { return };
    let url_text = url.as_str();
    let Some(res) = &entry.resource else { return };
    if !(url_text.starts_with("http://") || url_text.starts_with("https://")) {
        return;
    }
    let Some(id) = res.id().map(|i| i.as_str()) else { return };
    let rtype = res.resource_type();
    let ok =
        names.unwrap_or_else(|| restful_tail(url_text).is_some_and(|(t, i)| t == rtype && i == id));
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
