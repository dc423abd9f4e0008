//! The library behind the `sas-validate` command: input discovery, the
//! per-input check and the renderers. It exists for the binary
//! (`src/main.rs`, a separate crate that needs these items public) and for
//! this crate's integration tests and benches; it is not a stable API.
//!
//! **Other programs use [`int_ro1`] (`int_ro1::validate_file`,
//! `validate_body`, the response builders) and [`fr_fhir_core`] (models,
//! rules, the searchset view).** `int_ro1::validate_file` gives the reports
//! this command renders (`tests/library.rs` checks it on every example).
//!
//! What is shown here is what the tests drive: [`check::check`] of a
//! [`input::Planned`] input with [`check::Settings`] gives an
//! [`model::InputReport`], which a [`render::Renderer`] writes in a
//! [`cli::Format`]. The binary's own parts (argument parsing, the
//! subcommands, configuration files, baseline, progress bar, the run loop)
//! are `#[doc(hidden)]`.
//!
//! ```
//! use fr_fhir_core::finding::{Lang, Severity};
//! use validator_cli::check::{Settings, check};
//! use validator_cli::cli::Format;
//! use validator_cli::input::discover;
//! use validator_cli::render::{Ctx, renderer};
//! # let dir = std::env::temp_dir().join(format!("sas-validate-doc-lib-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir).unwrap();
//! # let body = dir.join("body.json");
//! # std::fs::write(&body, r#"{"resourceType":"Slot","status":"open"}"#).unwrap();
//! let planned = discover(&[body, "no/such/file.json".into()]);
//! let reports: Vec<_> = planned.iter().map(|p| check(p, &Settings::default())).collect();
//! assert!(reports[0].counts().error > 0 && reports[1].error.is_some());
//! let ctx = Ctx { lang: Lang::En, color: false, quiet: true, fail_on: Severity::Error };
//! let mut out = Vec::new();
//! let mut text = renderer(Format::Text, ctx);
//! for r in reports {
//!     text.input(&mut out, r).unwrap();
//! }
//! assert!(String::from_utf8(out).unwrap().contains("RO1-FHIR-005"));
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

// The binary's parts below are public only because `src/main.rs` is another crate.
#[doc(hidden)]
pub mod baseline;
pub mod check;
pub mod cli;
#[doc(hidden)]
pub mod cli_fr;
#[doc(hidden)]
pub mod commands;
#[doc(hidden)]
pub mod config;
#[doc(hidden)]
pub mod conformance;
pub mod engine;
pub mod fingerprint;
pub mod input;
#[doc(hidden)]
pub mod locale;
pub mod locate;
pub mod model;
#[doc(hidden)]
pub mod progress;
pub(crate) mod redact;
pub mod render;
pub mod rules_doc;
#[doc(hidden)]
pub mod run;
pub mod select;
