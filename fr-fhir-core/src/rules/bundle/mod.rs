//! RO1-BUNDLE-*: the searchset Bundle.

use crate::finding::RuleMeta;

pub mod ro1_bundle_001;
pub mod ro1_bundle_002;
pub mod ro1_bundle_003;
pub mod ro1_bundle_004;
pub mod ro1_bundle_006;
pub mod ro1_bundle_007;
pub mod ro1_bundle_008;
pub mod ro1_bundle_009;
pub mod ro1_bundle_010;
pub mod ro1_bundle_011;
pub mod ro1_bundle_012;
pub mod ro1_bundle_013;

/// The rules of this folder that are checked, in number order.
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
];

use crate::finding::{Finding, Message, Severity};
use crate::json::Span;
use crate::model::Bundle;
use crate::rules::index::Index;
use crate::rules::{Emitter, Finish, Scope, UseCase};

/// Severity of the rules that are profile constraints for CPTS/SOS and only
/// recommendations for PS.
pub(super) fn ps_warning(uc: UseCase) -> Severity {
    if uc == UseCase::PS { Severity::Warning } else { Severity::Error }
}

/// A missing element with a severity other than the rule's.
#[allow(clippy::too_many_arguments)]
pub(super) fn missing_sev(
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
pub(super) fn searched_type(uc: UseCase) -> &'static str {
    if uc == UseCase::SOS { "Schedule" } else { "Slot" }
}

/// A Bundle whose type is `searchset` or not given (RO1-BUNDLE-001 says the latter).
pub(super) fn is_searchset(b: &Bundle<'_>) -> bool {
    b.type_.as_ref().is_none_or(|t| t.as_str() == "searchset")
}

/// True when `key` of the Bundle is written with a wrong JSON type (already
/// RO1-FHIR-001's): not to be reported again as missing.
pub(super) fn bundle_has_key(f: &Finish<'_, '_>, key: &str) -> bool {
    crate::rules::support::presence::has_key(f.src, f.bundle.span, key, f.bundle.entry_span)
}

/// A finding on the entries as a whole: at `Bundle.entry`, or on its absence.
pub(super) fn at_entries(
    em: &mut Emitter<'_>,
    f: &Finish<'_, '_>,
    rule: &'static RuleMeta,
    fr: String,
    en: String,
) {
    let here = f.use_case.scope();
    match f.bundle.entry_span {
        Some(sp) => em.at(here, rule, sp, fr, en),
        None => em.missing(here, rule, f.bundle.span, "entry", fr, en),
    }
}

/// Entry counts by resource type.
#[derive(Debug, Default)]
pub(crate) struct Counts {
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
    /// Counts the entries of the index.
    pub(crate) fn of(ix: &Index<'_>) -> Counts {
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

#[cfg(test)]
mod tests;
