//! The SAS / FR Core profile rules of the slot-search response body.
pub mod catalog;
mod context;
mod emit;
mod engine;
pub mod families;
pub mod support;

pub mod bundle;
pub mod cpts;
pub mod fhir;
pub mod id;
pub mod json;
pub mod loc;
pub mod meta;
pub mod oo;
pub mod pract;
pub mod r#ref;
pub mod role;
pub mod sched;
pub mod slot;
pub mod sos;

pub mod index;
mod keyhash;
pub mod profiles;
pub(crate) mod scope;

pub use context::{EntryCx, Finish, Hook};
pub use emit::{Emitted, Emitter, MAX_SEVERE, PerUseCase};
pub use engine::{Options, Report, quote, validate, validate_with};
pub use scope::{Scope, USE_CASES, UseCase, UseCaseDef, UseCaseSource};

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
