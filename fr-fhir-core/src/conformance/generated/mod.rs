//! Tables generated from the official definitions by `cargo run -p sas-codegen`
//! (do not edit by hand; a test checks they equal a fresh generation).

use super::table::{StructureTable, ValueSetTable};

/// Every built-in structure: base R4 first, then the SAS IG profiles.
pub fn structures() -> &'static [StructureTable] {
    &[]
}

/// Every built-in enumerable value set.
pub fn value_sets() -> &'static [ValueSetTable] {
    &[]
}
