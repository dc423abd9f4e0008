//! The library behind `sas-validate`: input discovery, the per-input check,
//! and the renderers. It is public so that benches and tests can drive the
//! renderers directly; it is not a stable API (the stable API is the
//! `fr-fhir-core` and `int-ro1` crates).

pub mod baseline;
pub mod check;
pub mod cli;
pub mod cli_fr;
pub mod commands;
pub mod config;
pub mod conformance;
pub mod engine;
pub mod fingerprint;
pub mod input;
pub mod locale;
pub mod locate;
pub mod model;
pub mod progress;
pub mod redact;
pub mod render;
pub mod rules_doc;
pub mod run;
pub mod select;
