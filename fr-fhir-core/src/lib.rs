//! fr-fhir-core: zero-copy FHIR R4 models of the SAS slot search, French
//! national identifiers, and the SAS / FR Core profile rules.
pub mod conformance;
pub mod engine;
pub mod finding;
mod handback;
pub mod ids;
pub mod json;
pub mod model;
pub mod primitives;
pub mod rules;
#[cfg(feature = "proptest")]
pub mod strategy;
pub mod view;
pub mod vocab;
