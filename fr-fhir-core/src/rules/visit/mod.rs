//! The visitors of the SAS slot-search body: which rules run on each resource
//! type as the Bundle streams past, and at its end. The rules themselves
//! (metadata, user documentation, check) are the files of the prefix folders
//! of [`super`]; a visitor only calls them in order. [`SLOT_SEARCH_BODY`]
//! is the rule set the engine runs.

pub mod bundle;
pub mod cpts;
pub mod graph;
pub mod identifiers;
pub mod json_level;
pub mod meta;
pub mod outcome;
pub mod practitioner;
pub mod role;
pub mod schedule;
pub mod slot;
pub mod sos;
pub mod standalone;
pub mod structure;

use crate::engine::index::{Index, Walked};
use crate::engine::{EntryCx, Finish, RuleSet, Scope, UseCase};
use crate::finding::RuleMeta;
use crate::model::{Cx, Resource};
use crate::rules::{Emitter, fhir::ro1_fhir_001, profiles};

pub use standalone::STANDALONE;

/// The SAS slot-search body rules (PS, CPTS, SOS Médecins), as the rule set
/// the engine runs.
///
/// ```
/// use fr_fhir_core::engine::{Options, run};
/// use fr_fhir_core::rules::SLOT_SEARCH_BODY;
/// // What `fr_fhir_core::rules::validate` runs.
/// let report = run(r#"{"resourceType":"Bundle","type":"searchset","total":0}"#, &Options::default(), &SLOT_SEARCH_BODY, &mut [])?;
/// assert!(report.findings.iter().all(|f| f.rule.id != "RO1-JSON-001"));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct SlotSearchBody;

/// The SAS slot-search body rules.
pub static SLOT_SEARCH_BODY: SlotSearchBody = SlotSearchBody;

impl RuleSet for SlotSearchBody {
    fn check_entry(&self, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
        check_entry(e, em);
    }

    /// The index walked the entry's resource for its references: what that
    /// walk met spares the structure and identifier rules theirs.
    fn check_indexed_entry(&self, e: &EntryCx<'_, '_>, ix: &Index<'_>, em: &mut Emitter<'_>) {
        check_entry_walked(e, ix.walked(e.entry), em);
    }

    /// The per-entry checks read the entry and what the index learnt of it
    /// (`Index::walked`), nothing else of the index nor the entry's number.
    fn entries_in_parts(&self) -> bool {
        true
    }

    fn check_bundle(&self, f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
        check_bundle(f, em);
    }

    fn check_root(&self, res: Option<&Resource<'_>>, src: &str, em: &mut Emitter<'_>) {
        check_root(res, src, em);
    }

    fn check_notes(&self, cx: &Cx, em: &mut Emitter<'_>) {
        json_level::notes_to_findings(cx, em);
    }

    fn is_generic(&self, rule: &RuleMeta) -> bool {
        json_level::is_generic(rule)
    }

    fn wrong_type_rule(&self) -> Option<&'static RuleMeta> {
        Some(&ro1_fhir_001::RULE)
    }

    fn use_case_of_profile(&self, url: &str) -> Option<UseCase> {
        profiles::use_case_of_profile(url)
    }

    /// Each CPTS or SOS profile declared, a HealthcareService (CPTS), a
    /// Location (SOS).
    fn hint(&self, res: &Resource<'_>, seen: &mut [u32]) {
        let mut count = |uc: UseCase| {
            if let Some(n) = seen.get_mut(uc.index()) {
                *n += 1;
            }
        };
        let declared = res.meta().map(|m| m.profile.as_slice()).unwrap_or_default();
        for p in declared {
            if let Some(uc @ (UseCase::CPTS | UseCase::SOS)) =
                profiles::use_case_of_profile(p.as_str())
            {
                count(uc);
            }
        }
        match res {
            Resource::HealthcareService(_) => count(UseCase::CPTS),
            Resource::Location(_) => count(UseCase::SOS),
            _ => {}
        }
    }

    /// SOS when any resource hints at it, else CPTS when any does.
    fn decide(&self, seen: &[u32]) -> Option<UseCase> {
        let any = |uc: UseCase| seen.get(uc.index()).is_some_and(|&n| n > 0);
        [UseCase::SOS, UseCase::CPTS].into_iter().find(|&uc| any(uc))
    }

    /// The entry count and slice minimums of the CPTS and SOS Bundle profiles
    /// (`Bundle.entry` 4..*, each slice 1..*) are RO1-BUNDLE-011's: SPEC AMB-03
    /// applies them only to a non-empty result (an empty search is a Bundle
    /// with `total: 0` and no entry, which the profiles cannot describe).
    fn hand_owned(&self, rule: &RuleMeta, source: &str) -> bool {
        rule.id == "RO1-PROF-001"
            && [profiles::BUNDLE_CPTS, profiles::BUNDLE_SOS].iter().any(|p| {
                source.strip_prefix(p).and_then(|r| r.strip_prefix("#Bundle.entry")).is_some_and(
                    |rest| rest.is_empty() || rest.starts_with(':') && !rest.contains('.'),
                )
            })
    }

    /// The first profile SAS expects for the type in the use case.
    fn profile_for(&self, rtype: &str, uc: UseCase) -> Option<&'static str> {
        profiles::expected_profiles(rtype, uc, false).first().copied()
    }

    /// The three slot searches of INT_RO1.
    fn use_cases(&self) -> Scope {
        Scope::SLOT_SEARCHES
    }

    /// PS: the first and most common search.
    fn default_use_case(&self) -> UseCase {
        UseCase::PS
    }
}

/// Per-entry rules, dispatched on the resource type.
pub fn check_entry(e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    check_entry_walked(e, None, em);
}

/// [`check_entry`], knowing what a walk of the entry's resource met when
/// `walked` says so.
fn check_entry_walked(e: &EntryCx<'_, '_>, walked: Option<Walked>, em: &mut Emitter<'_>) {
    bundle::check_entry_walked(e, walked, em);
    // The structure rules' walk (or the index's) also tells whether the
    // resource holds an Identifier: most hold none, and the RO1-ID-* walk is
    // then skipped (it would visit nothing). Its findings keep their place
    // after META-001.
    let ids = structure::check_entry_walked(e, walked, em);
    let Some(res) = &e.entry.resource else { return };
    meta::check_resource(res, false, em);
    if ids {
        identifiers::check_resource(res, em);
    }
    match res {
        Resource::Slot(s) => slot::check(s, e, em),
        Resource::Schedule(s) => schedule::check(s, e, em),
        Resource::Practitioner(p) => practitioner::check(p, e, em),
        Resource::PractitionerRole(r) => role::check(r, e, em),
        Resource::Location(l) => sos::check_location(l, e, em),
        Resource::Organization(o) => {
            cpts::check_organization(o, e, em);
            sos::check_organization(o, e, em);
        }
        Resource::HealthcareService(h) => cpts::check_healthcare_service(h, e, em),
        _ => {}
    }
}

/// End-of-Bundle rules: Bundle-level and cross-resource.
pub fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    bundle::check_bundle(f, em);
    meta::check_bundle(f, em);
    graph::check_graph(f, em);
}

/// Rules for a document that is not a Bundle (an OperationOutcome, or anything else).
pub fn check_root(res: Option<&Resource<'_>>, src: &str, em: &mut Emitter<'_>) {
    match res {
        Some(Resource::OperationOutcome(oo)) => outcome::check(oo, em),
        _ => bundle::check_not_a_bundle(res, src, em),
    }
}

#[cfg(test)]
mod tests;
