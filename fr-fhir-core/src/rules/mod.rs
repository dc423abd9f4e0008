//! The SAS / FR Core profile rules of a slot-search response body, one file
//! per rule in the folder of its ID prefix (`slot/ro1_slot_004.rs`), run by
//! the [`crate::engine`] as the rule set [`SLOT_SEARCH_BODY`].
//!
//! - the folders (`bundle`, `slot`, `sched`, ...) hold the rules: metadata,
//!   user documentation and check;
//! - [`visit`] holds the visitors that call the rules' checks on each
//!   resource type and at the end of the Bundle;
//! - `support` holds the helpers several folders share (not public API);
//! - [`catalog`] derives the catalogue from the folders.
pub mod catalog;
pub mod profiles;
// Helpers of the rules, not an API: `pub` only because `crate::vocab`
// re-exports some of their items (the vocabulary users need) and their doc
// tests reach them by path.
#[doc(hidden)]
pub mod support;
pub mod visit;

pub mod bundle;
pub mod cpts;
pub mod fhir;
pub mod id;
pub mod json;
pub mod loc;
pub mod meta;
pub mod oo;
pub mod pract;
pub mod prof;
pub mod r#ref;
pub mod role;
pub mod sched;
pub mod slot;
pub mod sos;

pub use crate::engine::index;
pub use crate::engine::{
    Emitted, Emitter, EntryCx, Finish, Hook, MAX_SEVERE, Options, PerUseCase, Report, RuleSet,
    Scope, Subject, USE_CASES, UseCase, UseCaseDef, UseCaseSource, quote,
};
pub use visit::{SLOT_SEARCH_BODY, STANDALONE};

use crate::json::JsonError;

/// Validates a slot-search response body (a searchset Bundle or an
/// OperationOutcome) with the SAS body rules.
///
/// ```
/// use fr_fhir_core::rules::{validate, Options};
/// let src = r#"{"resourceType":"Bundle","type":"searchset","total":0,
///   "link":[{"relation":"self","url":"https://x.fr/Slot?status=free"}]}"#;
/// let report = validate(src, &Options::default()).unwrap();
/// assert_eq!(report.subject.resource_type, "Bundle");
/// assert!(report.findings.iter().all(|f| f.rule.id != "RO1-BUNDLE-001"));
/// ```
pub fn validate(src: &str, opts: &Options) -> Result<Report, JsonError> {
    validate_with(src, opts, &mut [])
}

/// [`validate`] with extra hooks run in the same pass (int-ro1's
/// request-dependent rules).
pub fn validate_with<'a>(
    src: &'a str,
    opts: &Options,
    hooks: &mut [&mut dyn Hook<'a>],
) -> Result<Report, JsonError> {
    crate::engine::run(src, opts, &SLOT_SEARCH_BODY, hooks)
}

/// True when a body-level rule of the catalogue has an implementation in this crate.
///
/// ```
/// assert!(fr_fhir_core::rules::implemented("RO1-JSON-001"));
/// ```
pub fn implemented(id: &str) -> bool {
    catalog::core().is_checked(id)
}

#[cfg(test)]
pub(crate) mod testutil;
