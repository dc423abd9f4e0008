//! The flow-agnostic validation engine.
//!
//! It streams a document once, hands each Bundle entry to a [`RuleSet`] and
//! to the [`Hook`]s of the caller, keeps a compact [`index::Index`] of the
//! entries and their references, calls the rule set again at the end of the
//! Bundle, then keeps the findings of the use case finally retained and
//! resolves their locations in one batch. It knows no rule and no flow: the
//! rules are the rule set's (the SAS slot-search body rules of
//! [`crate::rules`], a pack's), the use cases are rows of [`USE_CASES`].

mod context;
mod dedup;
mod emit;
pub mod index;
pub(crate) mod keyhash;
mod pass;
mod rule_set;
pub(crate) mod scope;
mod split;
mod stream;
mod structure;
mod subject;

pub use context::{EntryCx, Finish, Hook};
pub use emit::{Emitted, Emitter, MAX_SEVERE, MAX_SHADOWS, PerUseCase, Shadow};
#[cfg(fuzzing)]
pub use pass::run_in_two_parts_at;
pub use pass::{Options, Report, quote, run};
pub use rule_set::RuleSet;
pub use scope::{Scope, USE_CASES, UseCase, UseCaseDef, UseCaseSource};
pub use subject::Subject;
