//! Fuzz harnesses of sas-fhir (run with `cargo +nightly fuzz run <target>`,
//! see `fuzz/README.md`). The properties live in [`harness`] so that the
//! normal test suite (`tests/tests/hostile.rs`) runs them too.
pub mod harness;
