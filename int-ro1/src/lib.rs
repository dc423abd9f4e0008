//! int-ro1: the SAS INT_RO1 slot-search exchange contract (the search
//! request, the request-dependent response rules, the HTTP response rules),
//! and the capture layer of every SAS flow: HAR files and plain body files
//! are read here, each exchange is routed ([`flow`]) to its pack — this
//! crate for the slot search, `int-r03` for the appointments, `int-r02` for
//! the regulator accounts — and every finding is located in the file.
pub mod capture;
pub mod exchange;
pub mod flow;
pub mod har;
pub mod request;
pub mod response;
pub mod rules;

/// The core crate, for the types this one returns: depending on `int-ro1`
/// alone is enough (`int_ro1::fr_fhir_core::model::Bundle`).
pub use fr_fhir_core;
/// The finding types of every report, at the root.
///
/// ```
/// use int_ro1::Severity;
/// use int_ro1::exchange::{ExchangeOptions, validate_body};
/// assert!(validate_body("", &ExchangeOptions::default()).has(Severity::Fatal));
/// ```
pub use fr_fhir_core::finding::{Counts, Finding, Lang, Message, Severity};
/// The packs of the other SAS flows, routed to from here.
pub use {int_r02, int_r03};

/// Validation as `sas-validate` does it, at the root: a body
/// ([`validate_body`], request-dependent rules included), a capture in
/// memory or a file, body or HAR told apart as the command line does
/// ([`validate_text`], [`validate_file`]), each giving the reports the
/// command line renders.
///
/// ```
/// use int_ro1::{ExchangeOptions, Severity, validate_file};
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/valid/ps-two-practitioners.json");
/// let reports = validate_file(path, &ExchangeOptions::default())?;
/// for f in reports.iter().flat_map(|r| &r.findings) {
///     println!("{f}"); // `line:col: severity RULE-ID name: message [FHIRPath]`
/// }
/// assert!(reports.iter().all(|r| !r.has(Severity::Error)));
/// # Ok::<(), int_ro1::CaptureError>(())
/// ```
pub use capture::{CaptureError, validate_file, validate_text};
/// See the crate-root [`validate_file`].
pub use exchange::{ExchangeOptions, ExchangeReport, validate_body};

use fr_fhir_core::rules::catalog::Catalogue;

/// The whole rule catalogue: the rules of the core crate (bodies), of this
/// pack (request, exchange, request-dependent) and of the INT_R02 and
/// INT_R03 packs, in catalogue order.
///
/// ```
/// let c = int_ro1::catalog();
/// assert!(c.is_checked("RO1-WIN-001") && c.is_checked("RO1-SLOT-004"));
/// assert!(c.is_checked("RO1-APPT-001") && c.is_checked("RO1-REGUL-004"));
/// assert_eq!(c.rules().first().map(|r| r.id), Some("RO1-REQ-001"));
/// ```
pub fn catalog() -> &'static Catalogue {
    static ALL: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        use fr_fhir_core::rules::catalog as core;
        Catalogue::new(
            &[core::CHECKED, rules::CHECKED, int_r02::CHECKED, int_r03::CHECKED],
            &[core::PLANNED, rules::PLANNED],
        )
    })
}

/// Looks a rule of the whole catalogue up by ID or name (see [`Catalogue::by_id`]).
///
/// ```
/// assert_eq!(int_ro1::by_id("ro1-req-001").map(|r| r.name), Some("request-get-slot-path"));
/// ```
pub fn by_id(id: &str) -> Option<&'static fr_fhir_core::finding::RuleMeta> {
    catalog().by_id(id)
}
