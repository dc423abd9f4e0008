//! The resources of the SAS slot search (other than Bundle).
//!
//! The structs are declared in `model/generated/resources.rs`, written by
//! `cargo run -p sas-codegen` from the R4 definitions and the model manifest
//! (`codegen/src/models.rs`).

pub use super::generated::resources::*;
