//! Reading conformance resources at run time: a StructureDefinition, ValueSet
//! or CodeSystem JSON into tables, and an IG package (`.tgz` as published or
//! an unpacked folder) into a [`super::Definitions`] overlay.
//!
//! The code generator (`sas-codegen`) builds the built-in tables with these
//! same functions, so built-in tables and `--ig` cannot disagree.

mod error;
mod json;
mod package;
mod structure;
mod value_set;

pub use error::{LoadError, LoadErrorKind};
pub use package::{MAX_ENTRY_BYTES, MAX_PACKAGE_BYTES, Package};
pub use structure::{structure_from_json, structures_from_bundle};
pub use value_set::{Terminology, value_set};

#[cfg(test)]
mod tests;
