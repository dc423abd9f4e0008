//! The SAS / FR Core profile rules of the slot-search response body.
pub mod catalog;
mod context;
pub mod docs;
mod emit;
mod engine;
pub mod families;

pub mod index;
mod keyhash;
pub mod profiles;
mod scope;

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
    families::FAMILIES.iter().flat_map(|f| f.iter()).any(|r| r.id == id)
}

#[cfg(test)]
pub(crate) mod testutil;
