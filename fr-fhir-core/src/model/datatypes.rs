//! FHIR R4 complex datatypes used by the SAS slot search.
//!
//! The structs are declared in `model/generated/datatypes.rs`, written by
//! `cargo run -p sas-codegen` from the R4 definitions and the model manifest
//! (`codegen/src/models.rs`); this file keeps their hand-written methods.

pub use super::generated::datatypes::*;

impl Coding<'_> {
    /// True when `system` and `code` are exactly these.
    pub fn is(&self, system: &str, code: &str) -> bool {
        self.system.as_ref().is_some_and(|s| s == system)
            && self.code.as_ref().is_some_and(|c| c == code)
    }
}
