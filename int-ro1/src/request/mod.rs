//! The SAS slot search request (SPEC §1): parsing a captured URL, building
//! one from typed values, checking it against the RO1-REQ rules, and
//! comparing a Bundle's self link with it.
//!
//! Two views of one request:
//! * [`query::ParsedQuery`] is the text as captured, split into parameters
//!   that keep their raw form and byte spans; rules report positions from it.
//! * [`SearchRequest`] is the typed meaning: use case, window bounds,
//!   identifiers (raw tokens and their typed [`NationalId`] reading),
//!   includes.
//!
//! ```
//! use int_ro1::request::{SearchRequest, UseCase};
//! use int_ro1::request::query::ParsedQuery;
//!
//! let url = "https://editeur.fr/Schedule?_revinclude=Slot:schedule\
//!     &_include=Schedule:actor:Location&_include:iterate=Location:organization\
//!     &_has:Slot:schedule:start=ge2023-08-18T09:00:00%2B02:00\
//!     &_has:Slot:schedule:start=le2023-08-20T08:00:00%2B02:00\
//!     &_has:Slot:schedule:status=free\
//!     &actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2%7C334173748400020";
//! let raw = ParsedQuery::parse(url);
//! let req = SearchRequest::from_query(&raw);
//! assert_eq!(req.use_case, UseCase::SOS);
//! assert_eq!(req.identifiers[0].token.value, "334173748400020");
//! assert_eq!(req.identifiers[0].idnst().map(|id| id.kind_name()), Some("SIRET"));
//! assert!(req.check(&raw).is_empty());
//! ```

mod build;
mod identifier;
pub mod names;
pub mod params;
pub mod query;
mod selflink;

pub use identifier::{NationalId, RequestedIdentifier};
pub use params::{DateParam, Include, IncludeParam, Prefix, Token, UseCase, UseCaseParams};
pub use selflink::{SelfLinkDiff, compare_self_link};

use params::{split_tokens, values};
use query::ParsedQuery;

/// A typed SAS slot search.
///
/// Parameters that are not part of the typed view (duplicates, unknown
/// names) are kept in [`SearchRequest::other`] in input order, so that
/// nothing of a parsed request is lost when it is built back.
///
/// ```
/// use int_ro1::request::{SearchRequest, UseCase};
/// let req = SearchRequest::parse("https://h/fhir/Slot?status=free&start=ge2026-11-26&_count=100");
/// assert_eq!((req.use_case, req.status.as_deref(), req.count), (UseCase::PS, Some("free"), Some(100)));
/// assert_eq!(req.to_url(None), "https://h/fhir/Slot?start=ge2026-11-26&status=free&_count=100");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// PS, CPTS or SOS.
    pub use_case: UseCase,
    /// `[base]` of the URL (`https://host/fhir`), when known.
    pub base: Option<String>,
    /// The first `ge` bound.
    pub ge: Option<DateParam>,
    /// The first `le` bound.
    pub le: Option<DateParam>,
    /// All identifiers (OR-list), in order: each token as written and its
    /// form-checked national identifier (check digit apart).
    pub identifiers: Vec<RequestedIdentifier>,
    /// The first status value.
    pub status: Option<String>,
    /// `_include` and `_include:iterate` values, in order.
    pub includes: Vec<IncludeParam>,
    /// `_revinclude` values, in order.
    pub revincludes: Vec<String>,
    /// The first `_count`, when it is a number.
    pub count: Option<u32>,
    /// The first `_format`.
    pub format: Option<String>,
    /// Every other parameter as decoded `(name, value)`, in input order.
    pub other: Vec<(String, String)>,
}

impl SearchRequest {
    /// An empty request of `use_case` (no parameter at all).
    pub fn empty(use_case: UseCase) -> Self {
        SearchRequest {
            use_case,
            base: None,
            ge: None,
            le: None,
            identifiers: Vec::new(),
            status: None,
            includes: Vec::new(),
            revincludes: Vec::new(),
            count: None,
            format: None,
            other: Vec::new(),
        }
    }

    /// Parses a URL or query string (see [`ParsedQuery::parse`]). Use
    /// [`SearchRequest::from_query`] to keep the positions for [`SearchRequest::check`].
    ///
    /// ```
    /// use int_ro1::request::{SearchRequest, UseCase};
    /// let r = SearchRequest::parse("/fhir/Slot?status=free&_count=1000");
    /// assert_eq!((r.use_case, r.base.as_deref(), r.count), (UseCase::PS, Some("/fhir"), Some(1000)));
    /// ```
    pub fn parse(input: &str) -> Self {
        Self::from_query(&ParsedQuery::parse(input))
    }

    /// The typed view of a parsed request.
    ///
    /// The use case is SOS when the path ends in `/Schedule`, PS or CPTS when
    /// it ends in `/Slot` (CPTS when one of the two CPTS includes is there);
    /// without such a path it is guessed from the parameters.
    pub fn from_query(raw: &ParsedQuery<'_>) -> Self {
        let use_case = detect_use_case(raw);
        let mut req = SearchRequest::empty(use_case);
        req.base = raw.path.as_ref().map(|p| p.base).filter(|b| !b.is_empty()).map(str::to_owned);
        for p in &raw.params {
            let name = p.name.as_ref();
            let value = p.value.as_ref();
            let keep =
                |req: &mut SearchRequest| req.other.push((name.to_owned(), value.to_owned()));
            if name == use_case.start_param() {
                let mut date = DateParam::from_value(value);
                date.span = Some(p.value_span);
                date.repair = p.offset_repair;
                let slot = match date.prefix {
                    Some(Prefix::Ge) => &mut req.ge,
                    Some(Prefix::Le) => &mut req.le,
                    _ => {
                        keep(&mut req);
                        continue;
                    }
                };
                if slot.is_none() {
                    *slot = Some(date);
                } else {
                    keep(&mut req);
                }
            } else if name == use_case.identifier_param() {
                req.identifiers.extend(split_tokens(value).into_iter().map(|t| {
                    let token = Token {
                        span: Some(p.value_span_of(t.range)),
                        value_span: Some(p.value_span_of(t.value_range)),
                        system: t.system,
                        value: t.value,
                        padded: t.padded,
                    };
                    RequestedIdentifier::new(use_case, token)
                }));
            } else if name == use_case.status_param() && req.status.is_none() {
                req.status = Some(value.to_owned());
            } else if name == names::INCLUDE || name == names::INCLUDE_ITERATE {
                req.includes.push(IncludeParam {
                    value: value.to_owned(),
                    iterate: name == names::INCLUDE_ITERATE,
                    span: Some(p.span),
                });
            } else if name == names::REVINCLUDE {
                req.revincludes.push(value.to_owned());
            } else if name == names::COUNT && req.count.is_none() && is_plain_number(value) {
                match value.parse() {
                    Ok(n) => req.count = Some(n),
                    Err(_) => keep(&mut req),
                }
            } else if name == names::FORMAT && req.format.is_none() {
                req.format = Some(value.to_owned());
            } else {
                keep(&mut req);
            }
        }
        req
    }
}

/// Digits only, so that `_count=+5` or `_count=05` keep their text in `other`.
fn is_plain_number(value: &str) -> bool {
    !value.is_empty()
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'))
}

fn detect_use_case(raw: &ParsedQuery<'_>) -> UseCase {
    let has = |name: &str, value: &str| raw.get_all(name).any(|p| p.value == value);
    let cpts = has(names::INCLUDE, values::SLOT_SERVICE_TYPE)
        || has(names::INCLUDE_ITERATE, values::HEALTHCARE_SERVICE_ORGANIZATION);
    let slot_search = if cpts { UseCase::CPTS } else { UseCase::PS };
    match raw.path.as_ref().map(|p| p.resource) {
        Some("Schedule") => UseCase::SOS,
        Some("Slot") => slot_search,
        _ => {
            let sos =
                [names::SOS_START, names::SOS_STATUS, names::SOS_IDENTIFIER, names::REVINCLUDE]
                    .iter()
                    .any(|n| raw.get_all(n).next().is_some());
            if sos { UseCase::SOS } else { slot_search }
        }
    }
}

#[cfg(test)]
mod tests;
