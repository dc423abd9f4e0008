//! FHIR conformance resources as data: the StructureDefinitions and value
//! sets of base R4 and of the SAS IG, as tables ([`table`]), the registry
//! that holds them ([`Definitions`]), where they come from (built-in
//! generated tables, [`generated`]; or an IG package read at run time,
//! [`load`]), and the one generic structural validator that applies them to
//! every resource of an input ([`walk`]), with the invariants it evaluates
//! natively ([`invariants`]).
//!
//! Nothing here knows a flow or a use case: which profile a resource is
//! checked against is the caller's choice (the engine's, see
//! `docs/ARCHITECTURE.md`).

pub mod definitions;
pub mod generated;
pub mod invariants;
pub mod load;
#[cfg(test)]
pub(crate) mod spec;
pub mod table;
pub mod walk;

pub use definitions::Definitions;
