//! What one finding becomes in the editor: its diagnostic and the rule it
//! is about. Its own module: the diagnosis builds it, the knock-on links
//! (`related`) and the worker read it.

use fr_fhir_core::finding::RuleMeta;
use lsp_types::Diagnostic;

/// A diagnostic and the rule it is about (hover shows the rule's text).
#[derive(Debug, Clone)]
pub struct Diagnosed {
    /// What the editor shows.
    pub diagnostic: Diagnostic,
    /// The rule, `None` for a configuration or capture error.
    pub rule: Option<&'static RuleMeta>,
}
