//! What a report is about: the header shared by the reports of the engine,
//! of an exchange and of the command line.

use super::{UseCase, UseCaseSource};

/// What was validated: the exchange (when there is one), the document read
/// and the use case it was judged against. Every report holds one, so the
/// header is written once: [`crate::engine::Report`] (a plain document: the
/// exchange fields are `None` and `index` is 0), `int_ro1`'s
/// `ExchangeReport`, the command line's unit report.
///
/// ```
/// use fr_fhir_core::rules::{Options, Subject, UseCase, UseCaseSource, validate};
/// let report = validate(r#"{"resourceType":"OperationOutcome","issue":[]}"#, &Options::default()).unwrap();
/// assert_eq!(report.subject, Subject::document("OperationOutcome", UseCase::PS, UseCaseSource::Default));
///
/// // An exchange adds where it was found and what was asked.
/// let ex = Subject {
///     index: 2,
///     method: Some("GET".into()),
///     status: Some(200),
///     ..Subject::document("Bundle", UseCase::SOS, UseCaseSource::Request)
/// };
/// assert_eq!((ex.index, ex.url.as_deref(), ex.entries), (2, None, 0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// Position of the exchange in its file (HAR entry index); 0 for a
    /// document or a body file.
    pub index: usize,
    /// HTTP method of the request, when known.
    pub method: Option<String>,
    /// Request URL, when known.
    pub url: Option<String>,
    /// HTTP status of the response, when known.
    pub status: Option<u16>,
    /// `resourceType` of the document (empty when unknown or unreadable).
    pub resource_type: String,
    /// The use case retained.
    pub use_case: UseCase,
    /// Where the use case came from.
    pub use_case_source: UseCaseSource,
    /// Number of Bundle entries read.
    pub entries: u32,
}

impl Subject {
    /// A document of type `resource_type` judged against `use_case`, no
    /// entry read yet, outside any exchange (index 0, no method, URL or
    /// status).
    pub fn document(
        resource_type: impl Into<String>,
        use_case: UseCase,
        use_case_source: UseCaseSource,
    ) -> Self {
        Subject {
            index: 0,
            method: None,
            url: None,
            status: None,
            resource_type: resource_type.into(),
            use_case,
            use_case_source,
            entries: 0,
        }
    }
}
