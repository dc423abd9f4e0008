//! Where the structural validator puts its findings: anything that takes a
//! finding and the use cases it holds in. The engine's emitter is one; the
//! conformance layer does not depend on the engine.

use crate::engine::scope::Scope;
use crate::finding::Finding;

/// Takes the findings of a walk.
///
/// ```
/// use fr_fhir_core::conformance::walk::Sink;
/// use fr_fhir_core::engine::Scope;
/// use fr_fhir_core::finding::Finding;
/// let mut found: Vec<(Scope, Finding)> = Vec::new();
/// let sink: &mut dyn Sink = &mut found;
/// let _ = sink;
/// ```
pub trait Sink {
    /// Adds a finding holding in `scope`.
    fn push(&mut self, scope: Scope, finding: Finding);
}

impl Sink for Vec<(Scope, Finding)> {
    fn push(&mut self, scope: Scope, finding: Finding) {
        Vec::push(self, (scope, finding));
    }
}
