//! Cross-crate conformance suite: see `tests/tests/`.
