//! The rule set of a resource checked on its own — a fixture as vendors keep
//! them (a Practitioner, a Slot) or any FHIR document under `--base`: the
//! JSON-level rules and the structural validator the engine runs on every
//! resource, no exchange or Bundle rule.

use crate::engine::{EntryCx, Finish, RuleSet, Scope, UseCase};
use crate::finding::RuleMeta;
use crate::model::{Cx, Resource};
use crate::rules::Emitter;

use super::SLOT_SEARCH_BODY;

/// A resource validated on its own against its profile.
///
/// ```
/// use fr_fhir_core::engine::{Options, run};
/// use fr_fhir_core::rules::STANDALONE;
/// let report = run(r#"{"resourceType":"Organization","name":"SOS"}"#, &Options::default(), &STANDALONE, &mut [])?;
/// assert!(report.findings.iter().all(|f| !f.rule.id.starts_with("RO1-BUNDLE")));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Standalone;

/// A resource validated on its own against its profile (no exchange rule).
///
/// ```
/// use fr_fhir_core::engine::{Options, run};
/// use fr_fhir_core::rules::STANDALONE;
/// let src = r#"{"resourceType":"Practitioner","id":"p1","gender":"x"}"#;
/// let report = run(src, &Options::default(), &STANDALONE, &mut []).unwrap();
/// assert!(report.findings.iter().all(|f| f.rule.id != "RO1-BUNDLE-001"));
/// ```
pub static STANDALONE: Standalone = Standalone;

impl RuleSet for Standalone {
    fn check_entry(&self, _e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}

    fn check_bundle(&self, _f: &Finish<'_, '_>, _em: &mut Emitter<'_>) {}

    fn check_root(&self, _res: Option<&Resource<'_>>, _src: &str, _em: &mut Emitter<'_>) {}

    // The JSON-level rules, the profile lookups and the SAS profile of a type
    // are the slot search's: a fixture is read the way a response is.
    fn check_notes(&self, cx: &Cx, em: &mut Emitter<'_>) {
        SLOT_SEARCH_BODY.check_notes(cx, em);
    }

    fn is_generic(&self, rule: &RuleMeta) -> bool {
        SLOT_SEARCH_BODY.is_generic(rule)
    }

    fn wrong_type_rule(&self) -> Option<&'static RuleMeta> {
        SLOT_SEARCH_BODY.wrong_type_rule()
    }

    fn use_case_of_profile(&self, url: &str) -> Option<UseCase> {
        SLOT_SEARCH_BODY.use_case_of_profile(url)
    }

    /// A fixture without `meta.profile` is checked against the profile SAS
    /// expects for its type in the use case retained (PS unless told).
    fn profile_for(&self, rtype: &str, uc: UseCase) -> Option<&'static str> {
        SLOT_SEARCH_BODY.profile_for(rtype, uc)
    }

    fn use_cases(&self) -> Scope {
        Scope::ALL
    }

    fn default_use_case(&self) -> UseCase {
        UseCase::PS
    }
}
