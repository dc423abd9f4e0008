//! The rule catalogue, derived from the rule files.
//!
//! Each rule is one file, `rules/<prefix>/ro1_<prefix>_<nnn>.rs`, holding its
//! [`RuleMeta`] (ID, name, severity, scope, source, summaries and user
//! documentation) and its check; each folder lists its files in `RULES`
//! (checked) or `PLANNED` (in the catalogue, not checked yet). A
//! [`Catalogue`] puts the folders of one or several crates (a flow pack adds
//! its own) in catalogue order; [`core()`] is the one of this crate.
//!
//! A rule is addressed by its stable ID (`RO1-SLOT-004`) or by its readable
//! kebab-case name (`slot-instant-sas-format`), see [`Catalogue::by_id`].

use std::collections::HashSet;
use std::sync::OnceLock;

use super::{
    bundle, cpts, fhir, id, json, loc, meta, oo, pract, prof, r#ref, role, sched, slot, sos,
};
use crate::finding::RuleMeta;

/// The folders of the rules this crate checks.
pub static CHECKED: &[&[&RuleMeta]] = &[
    json::RULES,
    fhir::RULES,
    prof::RULES,
    meta::RULES,
    bundle::RULES,
    slot::RULES,
    sched::RULES,
    pract::RULES,
    role::RULES,
    loc::RULES,
    cpts::RULES,
    sos::RULES,
    id::RULES,
    r#ref::RULES,
    oo::RULES,
];

/// Rules of the catalogue declared in this crate and not checked yet.
pub static PLANNED: &[&[&RuleMeta]] = &[sos::PLANNED, oo::PLANNED];

/// The catalogue's sections, in order: a rule's place is its prefix's rank,
/// then its number.
pub const PREFIX_ORDER: &[&str] = &[
    "REQ", "HTTP", "BODY", "FLOW", "HAR", "JSON", "FHIR", "PROF", "META", "BUNDLE", "SLOT",
    "SCHED", "PRACT", "ROLE", "LOC", "CPTS", "SOS", "ID", "REF", "WIN", "OO", "NFR", "APPT",
    "REGUL",
];

/// Rules in catalogue order, each known as checked or planned.
///
/// ```
/// use fr_fhir_core::rules::catalog::{self, Catalogue};
/// let c = Catalogue::new(&[catalog::CHECKED], &[catalog::PLANNED]);
/// assert_eq!(c.rules().first().map(|r| r.id), Some("RO1-JSON-001"));
/// assert!(c.is_checked("RO1-SLOT-004"));
/// assert!(!c.is_checked("RO1-SOS-007"));
/// ```
#[derive(Debug)]
pub struct Catalogue {
    rules: Vec<&'static RuleMeta>,
    checked: HashSet<&'static str>,
}

impl Catalogue {
    /// The catalogue of these folders (each a list of rules), checked and planned.
    pub fn new(checked: &[&[&[&'static RuleMeta]]], planned: &[&[&[&'static RuleMeta]]]) -> Self {
        let flat = |sets: &[&[&[&'static RuleMeta]]]| -> Vec<&'static RuleMeta> {
            sets.iter().flat_map(|s| s.iter()).flat_map(|f| f.iter()).copied().collect()
        };
        let on = flat(checked);
        let ids = on.iter().map(|r| r.id).collect();
        let mut rules = on;
        rules.extend(flat(planned));
        rules.sort_by_cached_key(|r| order_key(r.id));
        Catalogue { rules, checked: ids }
    }

    /// Every rule, in catalogue order.
    pub fn rules(&self) -> &[&'static RuleMeta] {
        &self.rules
    }

    /// True when the rule with this ID has a check.
    pub fn is_checked(&self, id: &str) -> bool {
        self.checked.contains(id)
    }

    /// Looks a rule up by its ID or its name.
    ///
    /// The comparison ignores ASCII case and reads `_` as `-`, so
    /// `RO1-SLOT-004`, `ro1_slot_004` and `slot-instant-sas-format` all find
    /// the same rule.
    ///
    /// ```
    /// use fr_fhir_core::rules::catalog;
    /// let c = catalog::core();
    /// assert_eq!(c.by_id("RO1-SLOT-004").map(|r| r.name), Some("slot-instant-sas-format"));
    /// assert_eq!(c.by_id("ro1_slot_004").map(|r| r.id), Some("RO1-SLOT-004"));
    /// assert!(c.by_id("RO1-SLOT-999").is_none());
    /// ```
    pub fn by_id(&self, id: &str) -> Option<&'static RuleMeta> {
        let key = id.trim();
        self.rules.iter().copied().find(|rule| same_key(rule.id, key) || same_key(rule.name, key))
    }
}

/// The catalogue of the rules defined in this crate.
pub fn core() -> &'static Catalogue {
    static CORE: OnceLock<Catalogue> = OnceLock::new();
    CORE.get_or_init(|| Catalogue::new(&[CHECKED], &[PLANNED]))
}

/// Looks a rule of this crate up by ID or name (see [`Catalogue::by_id`]).
///
/// ```
/// use fr_fhir_core::rules::catalog::by_id;
/// assert_eq!(by_id("slot-instant-sas-format").map(|r| r.id), Some("RO1-SLOT-004"));
/// ```
pub fn by_id(id: &str) -> Option<&'static RuleMeta> {
    core().by_id(id)
}

/// Where a rule ID sorts in the catalogue: its prefix's rank, then its number.
pub fn order_key(id: &str) -> (usize, u32) {
    let mut parts = id.split('-').skip(1);
    let prefix = parts.next().unwrap_or("");
    let rank = PREFIX_ORDER.iter().position(|p| *p == prefix).unwrap_or(PREFIX_ORDER.len());
    (rank, parts.next().and_then(|n| n.parse().ok()).unwrap_or(0))
}

/// ASCII case-insensitive equality that reads `_` as `-`.
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| fold(x) == fold(y))
}

fn fold(byte: u8) -> u8 {
    if byte == b'_' { b'-' } else { byte.to_ascii_lowercase() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_catalogue_is_in_order_and_unique() {
        let ids: Vec<&str> = core().rules().iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_by_key(|id| order_key(id));
        sorted.dedup();
        assert_eq!(ids, sorted);
        assert!(core().is_checked("RO1-JSON-001"));
    }
}
