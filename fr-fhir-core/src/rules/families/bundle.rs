//! Bundle-level rules: RO1-BUNDLE-* (but BUNDLE-005, which needs the
//! request), RO1-FHIR-006 (bdl-1..5, bdl-8; bdl-7 is reported as
//! RO1-BUNDLE-008).

use crate::finding::{Finding, Message, RuleMeta, Severity};
use crate::json::Span;
use crate::model::{Bundle, Resource};
use crate::rules::bundle::ro1_bundle_001;
use crate::rules::bundle::ro1_bundle_002;
use crate::rules::bundle::ro1_bundle_003;
use crate::rules::bundle::ro1_bundle_004;
use crate::rules::bundle::ro1_bundle_006;
use crate::rules::bundle::ro1_bundle_007;
use crate::rules::bundle::ro1_bundle_008;
use crate::rules::bundle::ro1_bundle_009;
use crate::rules::bundle::ro1_bundle_010;
use crate::rules::bundle::ro1_bundle_011;
use crate::rules::bundle::ro1_bundle_012;
use crate::rules::bundle::ro1_bundle_013;
use crate::rules::fhir::ro1_fhir_005;
use crate::rules::fhir::ro1_fhir_006;
use crate::rules::index::{EntryInfo, Index, SearchMode, find_history, restful_base, restful_tail};
use crate::rules::{Emitter, EntryCx, Finish, Scope, UseCase, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[
    &ro1_bundle_001::RULE,
    &ro1_bundle_002::RULE,
    &ro1_bundle_003::RULE,
    &ro1_bundle_004::RULE,
    &ro1_bundle_006::RULE,
    &ro1_bundle_007::RULE,
    &ro1_bundle_008::RULE,
    &ro1_bundle_009::RULE,
    &ro1_bundle_010::RULE,
    &ro1_bundle_011::RULE,
    &ro1_bundle_012::RULE,
    &ro1_bundle_013::RULE,
    &ro1_fhir_006::RULE,
];

/// Per-entry Bundle rules that need nothing but the entry: bdl-5, bdl-8 and
/// the `/{type}/{id}` ending of a RESTful fullUrl (RO1-BUNDLE-007).
pub fn check_entry(e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    let entry = e.entry;
    if entry.resource.is_none()
        && entry.request.is_none()
        && entry.response.is_none()
        && !crate::rules::support::presence::has_key(e.src, entry.span, "resource", None)
    {
        em.missing(
            Scope::ALL,
            &ro1_fhir_006::RULE,
            entry.span,
            "resource",
            "bdl-5 : l'entrée n'a ni `resource`, ni `request`, ni `response`".into(),
            "bdl-5: the entry has no `resource`, `request` or `response`".into(),
        );
    }
    let Some(url) = &entry.full_url else { return };
    let url_text = url.as_str();
    if find_history(url_text).is_some() {
        em.at(
            Scope::ALL,
            &ro1_fhir_006::RULE,
            url.span,
            format!("bdl-8 : fullUrl {} désigne une version (`/_history/`)", quote(url_text)),
            format!("bdl-8: fullUrl {} is version-specific (`/_history/`)", quote(url_text)),
        );
    }
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
            &ro1_bundle_007::RULE,
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

/// Severity of the rules that are profile constraints for CPTS/SOS and only
/// recommendations for PS.
fn ps_warning(uc: UseCase) -> Severity {
    if uc == UseCase::PS { Severity::Warning } else { Severity::Error }
}

/// A missing element with a severity other than the rule's.
#[allow(clippy::too_many_arguments)]
fn missing_sev(
    em: &mut Emitter<'_>,
    scope: Scope,
    rule: &'static RuleMeta,
    severity: Severity,
    parent: Span,
    child: &'static str,
    fr: &str,
    en: &str,
) {
    em.push(
        scope,
        Finding::missing(rule, parent, child, Message::new(fr, en)).with_severity(severity),
    );
}

/// The resource type the search is on (its entries are the matches).
fn searched_type(uc: UseCase) -> &'static str {
    if uc == UseCase::SOS { "Schedule" } else { "Slot" }
}

/// Entry counts by resource type.
#[derive(Debug, Default)]
struct Counts {
    slot: u32,
    schedule: u32,
    practitioner: u32,
    role: u32,
    location: u32,
    organization: u32,
    matches: u32,
    with_mode: u32,
}

impl Counts {
    fn of(ix: &Index<'_>) -> Counts {
        let mut c = Counts::default();
        for e in &ix.entries {
            match ix.rtype(e) {
                "Slot" => c.slot += 1,
                "Schedule" => c.schedule += 1,
                "Practitioner" => c.practitioner += 1,
                "PractitionerRole" => c.role += 1,
                "Location" => c.location += 1,
                "Organization" => c.organization += 1,
                _ => {}
            }
            if let Some(m) = ix.mode(e) {
                c.with_mode += 1;
                if m == "match" {
                    c.matches += 1;
                }
            }
        }
        c
    }

    fn get(&self, rtype: &str) -> u32 {
        match rtype {
            "Slot" => self.slot,
            "Schedule" => self.schedule,
            "Practitioner" => self.practitioner,
            "PractitionerRole" => self.role,
            "Location" => self.location,
            "Organization" => self.organization,
            _ => 0,
        }
    }
}

/// Bundle rules needing the whole Bundle (type, total, link, duplicates, slices).
pub fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let b = f.bundle;
    let ix = f.index;
    let uc = f.use_case;
    let here = uc.scope();
    let counts = Counts::of(ix);
    let btype = b.type_.as_ref().map(|t| t.as_str());
    let searchset = btype.is_none_or(|t| t == "searchset");

    let present =
        |key: &str| crate::rules::support::presence::has_key(f.src, b.span, key, b.entry_span);
    match &b.type_ {
        None if !present("type") => em.missing(
            Scope::ALL,
            &ro1_bundle_001::RULE,
            b.span,
            "type",
            "Bundle.type est absent : `searchset` attendu".into(),
            "Bundle.type is missing: `searchset` expected".into(),
        ),
        Some(t) if t.as_str() != "searchset" => em.at(
            Scope::ALL,
            &ro1_bundle_001::RULE,
            t.span,
            format!("Bundle.type vaut {} : `searchset` attendu", quote(t.as_str())),
            format!("Bundle.type is {}: `searchset` expected", quote(t.as_str())),
        ),
        _ => {}
    }
    bundle_invariants(f, btype, em);

    // Total and matches.
    match &b.total {
        None if searchset && !present("total") => em.missing(
            Scope::ALL,
            &ro1_bundle_002::RULE,
            b.span,
            "total",
            "Bundle.total est absent : il doit indiquer le nombre de résultats (0 si aucun)".into(),
            "Bundle.total is missing: it must give the number of matches (0 when none)".into(),
        ),
        Some(t) if searchset => {
            if let Ok(total) = t.as_str().parse::<u64>() {
                check_total(total, t.span, &counts, uc, em);
            }
        }
        _ => {}
    }

    check_links(f, em);

    // Entries.
    let sev = ps_warning(uc);
    let searched = searched_type(uc);
    // Positions of the entries on another base, in order: reported in the
    // loop so that the findings come in the same order as the entries (the
    // cap keeps the first ones).
    let mut other_base = ix.other_base.iter().copied().peekable();
    // RO1-BUNDLE-009 (AMB-28): a Bundle in the IG 1.1.0 style has no
    // search.mode at all, which 1.1.0 allows: said once, not per entry.
    let with_resource = |e: &&EntryInfo| e.span != e.entry_span;
    let modes_written = ix.entries.iter().filter(with_resource).any(|e| e.mode != SearchMode::None);
    if searchset && !modes_written && ix.entries.iter().any(|e| with_resource(&e)) {
        no_search_mode(b, em);
    }
    for (pos, e) in ix.entries.iter().enumerate() {
        let rtype = ix.rtype(e);
        if e.full_url_span.is_empty()
            && !crate::rules::support::presence::has_key(f.src, e.entry_span, "fullUrl", None)
        {
            missing_sev(
                em,
                here,
                &ro1_bundle_006::RULE,
                sev,
                e.entry_span,
                "fullUrl",
                "l'entrée n'a pas de fullUrl",
                "the entry has no fullUrl",
            );
        }
        if other_base.next_if(|&p| p as usize == pos).is_some() {
            check_base(ix, e, em);
        }
        if searchset && modes_written && e.span != e.entry_span {
            check_mode(e, rtype, ix.mode(e), searched, em);
        }
        if e.span != e.entry_span && !expected_type(rtype, uc) {
            let outcome = rtype == "OperationOutcome" && ix.mode(e) == Some("outcome");
            if !outcome {
                em.missing(
                    here,
                    &ro1_bundle_010::RULE,
                    e.span,
                    "resourceType",
                    format!(
                        "ressource {} inattendue dans une réponse {}",
                        quote(rtype),
                        uc.as_str()
                    ),
                    format!("unexpected {} resource in a {} response", quote(rtype), uc.as_str()),
                );
            }
        }
    }
    check_duplicates(ix, em);

    // Slices and cardinalities.
    let total = b.total.as_ref().and_then(|t| t.as_str().parse::<u64>().ok()).unwrap_or(0);
    let entry_at = |em: &mut Emitter<'_>, rule: &'static RuleMeta, fr: String, en: String| match b
        .entry_span
    {
        Some(sp) => em.at(here, rule, sp, fr, en),
        None => em.missing(here, rule, b.span, "entry", fr, en),
    };
    if uc != UseCase::PS && (b.entry_count > 0 || total > 0) {
        let needed: &[&str] = if uc == UseCase::SOS {
            &["Slot", "Schedule", "Location", "Organization"]
        } else {
            &["Slot", "Schedule", "Practitioner", "PractitionerRole"]
        };
        for t in needed.iter().filter(|t| counts.get(t) == 0) {
            entry_at(
                em,
                &ro1_bundle_011::RULE,
                format!(
                    "réponse {} non vide sans aucune entrée {t} (tranche obligatoire du profil de Bundle)",
                    uc.as_str()
                ),
                format!(
                    "non-empty {} response without any {t} entry (mandatory slice of the Bundle profile)",
                    uc.as_str()
                ),
            );
        }
    }
    if let Some(sp) = b.entry_span
        && b.entry_count == 0
    {
        em.at(
            Scope::ALL,
            &ro1_bundle_012::RULE,
            sp,
            "résultat vide : l'élément `entry` doit être omis, pas donné comme tableau vide".into(),
            "empty result: the `entry` element must be omitted, not given as an empty array".into(),
        );
    }
    if uc != UseCase::SOS && counts.slot > 0 {
        for (n, t) in [(counts.practitioner, "Practitioner"), (counts.role, "PractitionerRole")] {
            if n == 0 {
                entry_at(
                    em,
                    &ro1_bundle_013::RULE,
                    format!("le Bundle contient des Slot mais aucun {t}"),
                    format!("the Bundle holds Slots but no {t}"),
                );
            }
        }
    }
}

/// bdl-1..4 (bdl-5 and bdl-8 are per entry, bdl-7 is RO1-BUNDLE-008).
fn bundle_invariants(f: &Finish<'_, '_>, btype: Option<&str>, em: &mut Emitter<'_>) {
    let Some(t) = btype else { return };
    if let Some(total) = &f.bundle.total
        && t != "searchset"
        && t != "history"
    {
        em.at(
            Scope::ALL,
            &ro1_fhir_006::RULE,
            total.span,
            format!(
                "bdl-1 : `total` n'est permis que dans un Bundle searchset ou history (type {})",
                quote(t)
            ),
            format!(
                "bdl-1: `total` is only allowed in a searchset or history Bundle (type {})",
                quote(t)
            ),
        );
    }
    if t != "searchset" {
        for e in f.index.entries.iter().filter(|e| !e.search_span.is_empty()) {
            em.at(
                Scope::ALL,
                &ro1_fhir_006::RULE,
                e.search_span,
                format!(
                    "bdl-2 : `entry.search` n'est permis que dans un Bundle searchset (type {})",
                    quote(t)
                ),
                format!(
                    "bdl-2: `entry.search` is only allowed in a searchset Bundle (type {})",
                    quote(t)
                ),
            );
        }
    }
    for p in &f.index.entry_parts {
        let allowed: &[&str] = if p.name == "request" {
            &["batch", "transaction", "history"]
        } else {
            &["batch-response", "transaction-response", "history"]
        };
        if !allowed.contains(&t) {
            let inv = if p.name == "request" { "bdl-3" } else { "bdl-4" };
            em.at(
                Scope::ALL,
                &ro1_fhir_006::RULE,
                p.span,
                format!("{inv} : `entry.{}` n'est pas permis dans un Bundle {}", p.name, quote(t)),
                format!("{inv}: `entry.{}` is not allowed in a {} Bundle", p.name, quote(t)),
            );
        }
    }
}

/// RO1-BUNDLE-003 (AMB-07: for SOS the Slot count is accepted too).
fn check_total(total: u64, span: Span, c: &Counts, uc: UseCase, em: &mut Emitter<'_>) {
    let matches = u64::from(if c.with_mode > 0 {
        c.matches
    } else if uc == UseCase::SOS {
        c.schedule
    } else {
        c.slot
    });
    if total == matches || (uc == UseCase::SOS && total == u64::from(c.slot)) {
        return;
    }
    let what = if c.with_mode > 0 { "entrées `match`" } else { searched_type(uc) };
    let what_en = if c.with_mode > 0 { "`match` entries" } else { searched_type(uc) };
    let (sev, fr_tail, en_tail) = if total < matches {
        (
            Severity::Error,
            "le SAS ne pagine pas : total ne peut être inférieur",
            "the SAS does not page: total cannot be smaller",
        )
    } else {
        (
            Severity::Warning,
            "total dépasse le nombre de résultats renvoyés",
            "total exceeds the number of matches returned",
        )
    };
    em.at_sev(
        uc.scope(),
        &ro1_bundle_003::RULE,
        sev,
        span,
        format!("Bundle.total vaut {total} pour {matches} {what} ({fr_tail})"),
        format!("Bundle.total is {total} for {matches} {what_en} ({en_tail})"),
    );
}

/// RO1-BUNDLE-004: exactly one link, the self link (AMB-29).
fn check_links(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let b = f.bundle;
    let here = f.use_case.scope();
    let sev = ps_warning(f.use_case);
    if b.link.is_empty() {
        if crate::rules::support::presence::has_key(f.src, b.span, "link", b.entry_span) {
            return;
        }
        missing_sev(
            em,
            here,
            &ro1_bundle_004::RULE,
            sev,
            b.span,
            "link",
            "Bundle.link est absent : un lien `self` qui reprend la requête est attendu",
            "Bundle.link is missing: a `self` link repeating the request is expected",
        );
        return;
    }
    let mut selves = 0u32;
    for link in &b.link {
        match &link.relation {
            Some(r) if r.as_str() == "self" => {
                selves += 1;
                if selves > 1 {
                    em.at_sev(
                        here,
                        &ro1_bundle_004::RULE,
                        sev,
                        link.span,
                        "second lien `self` : un seul lien est attendu".into(),
                        "second `self` link: exactly one link is expected".into(),
                    );
                } else if link.url.is_none() {
                    missing_sev(
                        em,
                        here,
                        &ro1_bundle_004::RULE,
                        sev,
                        link.span,
                        "url",
                        "le lien `self` n'a pas d'url",
                        "the `self` link has no url",
                    );
                }
            }
            Some(r) => em.at_sev(
                here,
                &ro1_bundle_004::RULE,
                sev,
                r.span,
                format!(
                    "lien {} inattendu : le SAS ne pagine pas, seul le lien `self` est attendu",
                    quote(r.as_str())
                ),
                format!(
                    "unexpected {} link: the SAS does not page, only the `self` link is expected",
                    quote(r.as_str())
                ),
            ),
            None => missing_sev(
                em,
                here,
                &ro1_bundle_004::RULE,
                sev,
                link.span,
                "relation",
                "lien sans `relation` : `self` attendu",
                "link without `relation`: `self` expected",
            ),
        }
    }
}

/// RO1-BUNDLE-007 (warning part): the entry `e`, whose RESTful fullUrl has
/// another base than the first one (the index found it while reading).
fn check_base(ix: &Index<'_>, e: &EntryInfo, em: &mut Emitter<'_>) {
    let Some(first) = ix.first_base() else { return };
    let url = ix.full_url(e);
    if let Some(base) = url.as_deref().and_then(restful_base) {
        em.at_sev(
            Scope::ALL,
            &ro1_bundle_007::RULE,
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

/// RO1-BUNDLE-009 when no entry has a search.mode: one information at
/// `Bundle.entry`.
fn no_search_mode(b: &Bundle<'_>, em: &mut Emitter<'_>) {
    let Some(at) = b.entry_span else { return };
    em.at_sev(
        Scope::ALL,
        &ro1_bundle_009::RULE,
        Severity::Information,
        at,
        "aucune entrée ne porte `search.mode` (style IG 1.1.0, permis) : l'IG 1.2.0 l'ajoute (`match` sur la ressource cherchée, `include` sur les autres)".into(),
        "no entry carries `search.mode` (IG 1.1.0 style, allowed): IG 1.2.0 adds it (`match` on the searched resource, `include` on the others)".into(),
    );
}

/// RO1-BUNDLE-009 when some entries have a search.mode: `match` on the
/// searched type, `include` on the others, on every entry. A code outside
/// the search-entry-mode value set is a base R4 binding error (RO1-FHIR-005).
fn check_mode(
    e: &EntryInfo,
    rtype: &str,
    mode: Option<&str>,
    searched: &str,
    em: &mut Emitter<'_>,
) {
    if e.mode == SearchMode::Other
        && let Some(m) = mode
    {
        em.at(
            Scope::ALL,
            &ro1_fhir_005::RULE,
            e.mode_span,
            format!("search.mode vaut {} : hors du jeu de valeurs requis search-entry-mode (match | include | outcome)", quote(m)),
            format!("search.mode is {}: not in the required value set search-entry-mode (match | include | outcome)", quote(m)),
        );
        return;
    }
    let expected = if rtype == "OperationOutcome" {
        "outcome"
    } else if rtype == searched {
        "match"
    } else {
        "include"
    };
    match mode {
        None if e.search_span.is_empty() => em.missing(
            Scope::ALL,
            &ro1_bundle_009::RULE,
            e.entry_span,
            "search",
            format!("entrée {} sans `search.mode` (`{expected}` attendu)", rtype),
            format!("{} entry without `search.mode` (`{expected}` expected)", rtype),
        ),
        None => em.missing(
            Scope::ALL,
            &ro1_bundle_009::RULE,
            e.search_span,
            "mode",
            format!("entrée {} sans `search.mode` (`{expected}` attendu)", rtype),
            format!("{} entry without `search.mode` (`{expected}` expected)", rtype),
        ),
        Some(m) if m != expected => em.at(
            Scope::ALL,
            &ro1_bundle_009::RULE,
            e.mode_span,
            format!(
                "search.mode vaut {} pour une entrée {} : `{expected}` attendu",
                quote(m),
                rtype
            ),
            format!("search.mode is {} for a {} entry: `{expected}` expected", quote(m), rtype),
        ),
        Some(_) => {}
    }
}

/// Resource types a response of the use case may hold as entries (RO1-BUNDLE-010).
fn expected_type(rtype: &str, uc: UseCase) -> bool {
    match uc {
        UseCase::PS => matches!(rtype, "Slot" | "Schedule" | "Practitioner" | "PractitionerRole"),
        UseCase::CPTS => matches!(
            rtype,
            "Slot"
                | "Schedule"
                | "Practitioner"
                | "PractitionerRole"
                | "HealthcareService"
                | "Organization"
        ),
        UseCase::SOS => matches!(rtype, "Slot" | "Schedule" | "Location" | "Organization"),
        _ => false,
    }
}

/// RO1-BUNDLE-008: fullUrl and type/id unique; a repeated entry is reported once.
fn check_duplicates(ix: &Index<'_>, em: &mut Emitter<'_>) {
    let mut reported = std::collections::HashSet::new();
    for d in &ix.dup_full_url {
        let Some(e) = ix.entry(d.second) else { continue };
        reported.insert(d.second);
        let url = ix.full_url(e);
        let url = url.as_deref().unwrap_or_default();
        em.at(
            Scope::ALL,
            &ro1_bundle_008::RULE,
            e.full_url_span,
            format!(
                "fullUrl {} déjà utilisé par l'entrée {}",
                quote(url),
                first_index(ix, d.first)
            ),
            format!("fullUrl {} already used by entry {}", quote(url), first_index(ix, d.first)),
        );
    }
    for d in &ix.dup_type_id {
        if reported.contains(&d.second) {
            continue;
        }
        let Some(e) = ix.entry(d.second) else { continue };
        let id = ix.id(e);
        let id = id.as_deref().unwrap_or_default();
        let rtype = ix.rtype(e);
        em.missing(
            Scope::ALL,
            &ro1_bundle_008::RULE,
            e.span,
            "id",
            format!("{rtype}/{id} figure déjà à l'entrée {}", first_index(ix, d.first)),
            format!("{rtype}/{id} already appears at entry {}", first_index(ix, d.first)),
        );
    }
}

fn first_index(ix: &Index<'_>, pos: u32) -> u32 {
    ix.entry(pos).map_or(pos, |e| e.index)
}

/// The document is not a Bundle (RO1-BUNDLE-001).
pub fn check_not_a_bundle(res: Option<&Resource<'_>>, src: &str, em: &mut Emitter<'_>) {
    let whole = Span::new(0, u32::try_from(src.len()).unwrap_or(u32::MAX));
    match res {
        Some(r) if r.resource_type().is_empty() => em.at(
            Scope::ALL,
            &ro1_bundle_001::RULE,
            r.span(),
            "la réponse n'a pas de `resourceType` : un Bundle searchset est attendu".into(),
            "the answer has no `resourceType`: a searchset Bundle is expected".into(),
        ),
        Some(r) => em.missing(
            Scope::ALL,
            &ro1_bundle_001::RULE,
            r.span(),
            "resourceType",
            format!(
                "la réponse est une ressource {} : un Bundle searchset est attendu",
                quote(r.resource_type())
            ),
            format!(
                "the answer is a {} resource: a searchset Bundle is expected",
                quote(r.resource_type())
            ),
        ),
        None => em.at(
            Scope::ALL,
            &ro1_bundle_001::RULE,
            whole,
            "la réponse n'est pas une ressource FHIR : un Bundle searchset est attendu".into(),
            "the answer is not a FHIR resource: a searchset Bundle is expected".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::rules::UseCase;
    use crate::rules::testutil::{
        CPTS, E, EMPTY, PS, SOS, W, at, doc, of_rule, patch, run, set, text,
    };

    #[test]
    fn valid_examples_are_clean_for_bundle_rules() {
        for (src, uc) in
            [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)]
        {
            let bad: Vec<_> = run(src, Some(uc))
                .into_iter()
                .filter(|f| f.0.starts_with("RO1-BUNDLE") || f.0 == "RO1-FHIR-006")
                .collect();
            assert!(bad.is_empty(), "{uc:?}: {bad:?}");
        }
    }

    #[test]
    fn bundle_009_absent_everywhere_is_one_information() {
        // IG 1.1.0 style: no entry carries search.mode (allowed, AMB-28).
        let mut v = doc(PS);
        for e in v["entry"].as_array_mut().unwrap() {
            e.as_object_mut().unwrap().remove("search");
        }
        let src = text(&v);
        let i = crate::finding::Severity::Information;
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-009"), at("Bundle.entry", i));
        // `search` written without `mode` counts as absent too.
        for e in v["entry"].as_array_mut().unwrap() {
            e["search"] = json!({"score": 1});
        }
        assert_eq!(of_rule(&text(&v), None, "RO1-BUNDLE-009"), at("Bundle.entry", i));
    }

    #[test]
    fn bundle_009_absent_on_some_entries_is_a_warning_each() {
        let mut v = doc(PS);
        v["entry"][1].as_object_mut().unwrap().remove("search");
        v["entry"][3]["search"].as_object_mut().unwrap().remove("mode");
        let mut expected = at("Bundle.entry[1].search", W);
        expected.extend(at("Bundle.entry[3].search.mode", W));
        assert_eq!(of_rule(&text(&v), None, "RO1-BUNDLE-009"), expected);
    }

    #[test]
    fn bundle_009_wrong_value_and_unknown_code() {
        // Slot entries are `match` in PS: `include` is the wrong search mode.
        let src = patch(PS, "/entry/0/search/mode", Some(json!("include")));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-009"), at("Bundle.entry[0].search.mode", W));
        // A code outside search-entry-mode: the base R4 binding, not this rule.
        let src = patch(PS, "/entry/0/search/mode", Some(json!("matched")));
        assert!(of_rule(&src, None, "RO1-BUNDLE-009").is_empty());
        assert_eq!(of_rule(&src, None, "RO1-FHIR-005"), at("Bundle.entry[0].search.mode", E));
    }

    #[test]
    fn bundle_001_type() {
        let src = patch(PS, "/type", Some(json!("collection")));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-001"), at("Bundle.type", E));
        let src = patch(PS, "/type", None);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-001"), at("Bundle.type", E));
        // Wrong JSON type: RO1-FHIR-001 only.
        let src = patch(PS, "/type", Some(json!(1)));
        assert!(of_rule(&src, None, "RO1-BUNDLE-001").is_empty());
    }

    #[test]
    fn bundle_001_not_a_bundle() {
        let slot = text(&doc(PS)["entry"][0]["resource"]);
        assert_eq!(of_rule(&slot, None, "RO1-BUNDLE-001"), at("Slot.resourceType", E));
    }

    #[test]
    fn fhir_006_invariants() {
        let src = patch(PS, "/type", Some(json!("collection")));
        let got = of_rule(&src, None, "RO1-FHIR-006");
        assert_eq!(got.len(), 17, "{got:?}");
        assert!(got.contains(&("Bundle.total".into(), E)));
        assert!(got.contains(&("Bundle.entry[15].search".into(), E)));
        let src = patch(PS, "/entry/0/request", Some(json!({"method": "GET", "url": "Slot/1"})));
        assert_eq!(of_rule(&src, None, "RO1-FHIR-006"), at("Bundle.entry[0].request", E));
        let src = patch(PS, "/entry/0/resource", None);
        assert_eq!(of_rule(&src, None, "RO1-FHIR-006"), at("Bundle.entry[0].resource", E));
        let url = "https://agenda.exemple-editeur.fr/fhir/Slot/crn-90001/_history/2";
        let src = patch(PS, "/entry/0/fullUrl", Some(json!(url)));
        assert_eq!(of_rule(&src, None, "RO1-FHIR-006"), at("Bundle.entry[0].fullUrl", E));
        assert!(of_rule(&src, None, "RO1-BUNDLE-007").is_empty());
    }

    #[test]
    fn bundle_002_total() {
        let src = patch(CPTS, "/total", None);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-002"), at("Bundle.total", E));
        let src = patch(PS, "/total", Some(json!("8")));
        assert!(of_rule(&src, None, "RO1-BUNDLE-002").is_empty());
    }

    #[test]
    fn bundle_003_total_against_matches() {
        let src = patch(PS, "/total", Some(json!(7)));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-003"), at("Bundle.total", E));
        let src = patch(PS, "/total", Some(json!(9)));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-003"), at("Bundle.total", W));
        // Without search.mode, the Slots are the matches.
        let mut v = doc(PS);
        for e in v["entry"].as_array_mut().unwrap() {
            e.as_object_mut().unwrap().remove("search");
        }
        set(&mut v, "/total", Some(json!(7)));
        assert_eq!(of_rule(&text(&v), None, "RO1-BUNDLE-003"), at("Bundle.total", E));
        // SOS (AMB-07): the Schedules or the Slots.
        for ok in [2, 4] {
            let src = patch(SOS, "/total", Some(json!(ok)));
            assert!(of_rule(&src, None, "RO1-BUNDLE-003").is_empty());
        }
        let src = patch(SOS, "/total", Some(json!(3)));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-003"), at("Bundle.total", W));
        let src = patch(SOS, "/total", Some(json!(1)));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-003"), at("Bundle.total", E));
    }

    #[test]
    fn bundle_004_links() {
        let src = patch(CPTS, "/link", None);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-004"), at("Bundle.link", E));
        let src = patch(PS, "/link", None);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-004"), at("Bundle.link", W));
        let next = json!({"relation": "next", "url": "https://agenda.exemple-editeur.fr/fhir/Slot?page=2"});
        let mut v = doc(SOS);
        v["link"].as_array_mut().unwrap().push(next);
        let src = text(&v);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-004"), at("Bundle.link[1].relation", E));
        let src = patch(SOS, "/link/0/url", None);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-004"), at("Bundle.link[0].url", E));
    }

    #[test]
    fn bundle_006_full_url() {
        let src = patch(CPTS, "/entry/3/fullUrl", None);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-006"), at("Bundle.entry[3].fullUrl", E));
        let src = patch(PS, "/entry/3/fullUrl", None);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-006"), at("Bundle.entry[3].fullUrl", W));
        // Wrong JSON type: RO1-FHIR-001 only.
        let src = patch(PS, "/entry/3/fullUrl", Some(json!(3)));
        assert!(of_rule(&src, None, "RO1-BUNDLE-006").is_empty());
        let src = patch(PS, "/entry/3/resource", Some(json!("Schedule/agenda-4821-lyon3")));
        assert!(of_rule(&src, None, "RO1-FHIR-006").is_empty());
    }

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

    #[test]
    fn bundle_008_duplicates() {
        let url = "https://agenda.exemple-editeur.fr/fhir/Slot/crn-90001";
        let src = patch(PS, "/entry/1/fullUrl", Some(json!(url)));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-008"), at("Bundle.entry[1].fullUrl", E));
        let src = patch(PS, "/entry/1/resource/id", Some(json!("crn-90001")));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-008"), at("Bundle.entry[1].resource.id", E));
        // The same entry twice: one finding.
        let mut v = doc(PS);
        let copy = v["entry"][11].clone();
        v["entry"].as_array_mut().unwrap().push(copy);
        assert_eq!(of_rule(&text(&v), None, "RO1-BUNDLE-008"), at("Bundle.entry[16].fullUrl", E));
    }

    #[test]
    fn bundle_009_search_mode() {
        let src = patch(PS, "/entry/0/search/mode", Some(json!("include")));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-009"), at("Bundle.entry[0].search.mode", W));
        let src = patch(PS, "/entry/8/search", None);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-009"), at("Bundle.entry[8].search", W));
        let src = patch(PS, "/entry/8/search", Some(json!({"score": 1})));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-009"), at("Bundle.entry[8].search.mode", W));
        // SOS: the Schedules are the matches.
        let src = patch(SOS, "/entry/2/search/mode", Some(json!("match")));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-009"), at("Bundle.entry[2].search.mode", W));
    }

    #[test]
    fn bundle_010_unexpected_types() {
        // A Location entry: expected in SOS, not in PS.
        let mut v = doc(PS);
        let loc = doc(SOS)["entry"][6].clone();
        v["entry"].as_array_mut().unwrap().push(loc);
        assert_eq!(
            of_rule(&text(&v), None, "RO1-BUNDLE-010"),
            at("Bundle.entry[16].resource.resourceType", W)
        );
        assert!(of_rule(SOS, None, "RO1-BUNDLE-010").is_empty());
        // An OperationOutcome with mode outcome is allowed.
        let mut v = doc(PS);
        let oo = json!({"resource": {"resourceType": "OperationOutcome",
            "issue": [{"severity": "information", "code": "informational"}]},
            "search": {"mode": "outcome"}});
        v["entry"].as_array_mut().unwrap().push(oo);
        assert!(of_rule(&text(&v), None, "RO1-BUNDLE-010").is_empty());
        assert!(of_rule(&text(&v), None, "RO1-BUNDLE-009").is_empty());
    }

    #[test]
    fn bundle_011_slices() {
        let src = patch(CPTS, "/entry/4", None);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-011"), at("Bundle.entry", E));
        let src = patch(SOS, "/entry/8", None);
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-011"), at("Bundle.entry", E));
        // AMB-03: an empty result needs no slice.
        let src = patch(EMPTY, "/meta/profile/0", Some(json!(crate::rules::profiles::BUNDLE_CPTS)));
        assert!(of_rule(&src, None, "RO1-BUNDLE-011").is_empty());
    }

    #[test]
    fn bundle_012_empty_entry_array() {
        let src = patch(EMPTY, "/entry", Some(json!([])));
        assert_eq!(of_rule(&src, None, "RO1-BUNDLE-012"), at("Bundle.entry", E));
    }

    #[test]
    fn bundle_013_slots_without_practitioner() {
        let mut v = doc(PS);
        v["entry"].as_array_mut().unwrap().truncate(11);
        assert_eq!(
            of_rule(&text(&v), None, "RO1-BUNDLE-013"),
            [("Bundle.entry".to_string(), W), ("Bundle.entry".to_string(), W)]
        );
    }
}
