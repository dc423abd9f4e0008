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

/// Validates a Bundle built in code (by [`response::ResponseBuilder`] or by
/// hand) as `sas-validate` validates a body file: the SAS profile rules, and
/// the request-dependent rules (RO1-WIN, RO1-PRACT-005, RO1-REF-005,
/// RO1-BUNDLE-005...) against `opts.request` when given, else against the
/// Bundle's self link.
///
/// **It serialises the Bundle once and validates that text**: the validator
/// reads JSON text (the structural walk checks the bytes as written, and
/// every finding is located by a byte span), so a typed Bundle cannot be
/// judged without it. The text is
/// [`Bundle::to_json_pretty`](fr_fhir_core::model::Bundle::to_json_pretty)
/// — deterministic: elements in FHIR order, what the model keeps raw where
/// it was — and is returned with the report, whose line:column and FHIRPath
/// locate each finding in it. The verdict is the one the compact text a
/// connector sends would get (findings do not depend on layout).
///
/// ```
/// use chrono::DateTime;
/// use fr_fhir_core::ids::{Idnps, Idnst};
/// use fr_fhir_core::model::{Code, Resource};
/// use int_ro1::request::SearchRequest;
/// use int_ro1::response::{FreeSlot, Place, ResponseBuilder};
/// use int_ro1::{ExchangeOptions, Severity, validate_bundle};
///
/// let at = |s| DateTime::parse_from_rfc3339(s).unwrap();
/// let rpps = Idnps::parse_form("810002909371").unwrap();
/// let request = SearchRequest::ps(at("2026-11-26T08:00:00+01:00"), at("2026-11-28T23:59:59.999+01:00"), &[rpps.clone()]);
/// let base = "https://agenda.exemple.fr/fhir";
/// let mut response = ResponseBuilder::new(&request, base).unwrap();
/// let finess = Idnst::parse_form("1690041272").unwrap();
/// response
///     .practitioner(&rpps, "GARNIER", "Hélène")
///     .role(Place::new("Cabinet Paul Bert", "42 rue Paul Bert", "LYON", "69003", finess))
///     .slot(FreeSlot::new(at("2026-11-26T14:00:00+01:00"), at("2026-11-26T14:20:00+01:00"), "https://agenda.exemple.fr/rdv/42"));
/// let mut bundle = response.build();
///
/// let opts = ExchangeOptions { request: Some(request.to_url(Some(base))), ..Default::default() };
/// let (_text, report) = validate_bundle(&bundle, &opts);
/// assert!(!report.has(Severity::Warning));
///
/// // A defect is located in the returned text.
/// if let Some(Resource::Slot(slot)) = &mut bundle.entry[0].resource {
///     slot.status = Some(Code::new("busy"));
/// }
/// let (text, report) = validate_bundle(&bundle, &opts);
/// let f = report.findings.iter().find(|f| f.severity >= Severity::Error).unwrap();
/// let at = f.resolved.as_ref().unwrap();
/// assert_eq!(at.expression, "Bundle.entry[0].resource.status");
/// assert!(text.lines().nth(at.line as usize - 1).unwrap().contains(r#""status": "busy""#));
/// ```
pub fn validate_bundle(
    bundle: &fr_fhir_core::model::Bundle<'_>,
    opts: &ExchangeOptions,
) -> (String, ExchangeReport) {
    let text = bundle.to_json_pretty();
    let report = validate_body(&text, opts);
    (text, report)
}

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
