//! The typed pieces of a slot search: use case, date bounds, identifier
//! tokens, includes, and the parameter names and values the IG prescribes.

use fr_fhir_core::finding::Message;
use fr_fhir_core::json::Span;
use fr_fhir_core::primitives::{DateBound, parse_search_date};

use super::query::OffsetRepair;

pub use super::names;

/// Include and status values of the three searches.
pub mod values {
    /// `_include` of PS and CPTS.
    pub const SLOT_SCHEDULE: &str = "Slot:schedule";
    /// `_include:iterate` of PS and CPTS.
    pub const SCHEDULE_ACTOR: &str = "Schedule:actor";
    /// Additional `_include` of CPTS.
    pub const SLOT_SERVICE_TYPE: &str = "Slot:service-type-reference";
    /// Additional `_include:iterate` of CPTS.
    pub const HEALTHCARE_SERVICE_ORGANIZATION: &str = "HealthcareService:organization";
    /// `_include` of SOS (`_revinclude` is [`SLOT_SCHEDULE`]).
    pub const SCHEDULE_ACTOR_LOCATION: &str = "Schedule:actor:Location";
    /// `_include:iterate` of SOS.
    pub const LOCATION_ORGANIZATION: &str = "Location:organization";
    /// The only status searched.
    pub const FREE: &str = "free";
    /// System of practitioner tokens (IDNPS).
    pub const PS_SYSTEM: &str = fr_fhir_core::ids::OID_IDNPS;
    /// System of structure tokens (IDNST).
    pub const SOS_SYSTEM: &str = fr_fhir_core::ids::OID_IDNST;
    /// Most identifiers in one search (IG technical tables).
    pub const MAX_IDENTIFIERS: usize = 25;
    /// Most SIRET per the SOS functional page (AMB-02: warning above).
    pub const SOS_FUNCTIONAL_MAX: usize = 10;
}

pub use fr_fhir_core::rules::UseCase;

/// What each slot search asks for: resource, parameter names, includes
/// (SPEC §1.2–1.4).
///
/// ```
/// use int_ro1::request::{UseCase, UseCaseParams};
/// assert_eq!(UseCase::SOS.resource(), "Schedule");
/// assert_eq!(UseCase::CPTS.start_param(), "start");
/// assert_eq!(UseCase::CPTS.required_includes().len(), 4);
/// ```
pub trait UseCaseParams: Copy {
    /// The resource type searched.
    fn resource(self) -> &'static str;
    /// Name of the date parameter.
    fn start_param(self) -> &'static str;
    /// Name of the status parameter.
    fn status_param(self) -> &'static str;
    /// Name of the identifier parameter.
    fn identifier_param(self) -> &'static str;
    /// System expected in identifier tokens.
    fn identifier_system(self) -> &'static str;
    /// The includes the IG requires, in the IG order (`_revinclude` of SOS apart).
    fn required_includes(self) -> &'static [Include<'static>];
}

impl UseCaseParams for UseCase {
    fn resource(self) -> &'static str {
        match self {
            UseCase::PS | UseCase::CPTS => "Slot",
            _ /* SOS */ => "Schedule",
        }
    }

    fn start_param(self) -> &'static str {
        match self {
            UseCase::PS | UseCase::CPTS => names::START,
            _ /* SOS */ => names::SOS_START,
        }
    }

    fn status_param(self) -> &'static str {
        match self {
            UseCase::PS | UseCase::CPTS => names::STATUS,
            _ /* SOS */ => names::SOS_STATUS,
        }
    }

    fn identifier_param(self) -> &'static str {
        match self {
            UseCase::PS | UseCase::CPTS => names::PS_IDENTIFIER,
            _ /* SOS */ => names::SOS_IDENTIFIER,
        }
    }

    fn identifier_system(self) -> &'static str {
        match self {
            UseCase::PS | UseCase::CPTS => values::PS_SYSTEM,
            _ /* SOS */ => values::SOS_SYSTEM,
        }
    }

    fn required_includes(self) -> &'static [Include<'static>] {
        const PS: [Include<'static>; 2] = [
            Include::new(values::SLOT_SCHEDULE, false),
            Include::new(values::SCHEDULE_ACTOR, true),
        ];
        const CPTS: [Include<'static>; 4] = [
            Include::new(values::SLOT_SCHEDULE, false),
            Include::new(values::SCHEDULE_ACTOR, true),
            Include::new(values::SLOT_SERVICE_TYPE, false),
            Include::new(values::HEALTHCARE_SERVICE_ORGANIZATION, true),
        ];
        const SOS: [Include<'static>; 2] = [
            Include::new(values::SCHEDULE_ACTOR_LOCATION, false),
            Include::new(values::LOCATION_ORGANIZATION, true),
        ];
        match self {
            UseCase::PS => &PS,
            UseCase::CPTS => &CPTS,
            _ /* SOS */ => &SOS,
        }
    }
}

/// An `_include` or `_include:iterate` value.
///
/// ```
/// use int_ro1::request::Include;
/// let i = Include::new("Schedule:actor", true);
/// assert_eq!(i.param_name(), "_include:iterate");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Include<'a> {
    /// The value, e.g. `Slot:schedule`.
    pub value: &'a str,
    /// True for `_include:iterate`.
    pub iterate: bool,
}

impl<'a> Include<'a> {
    /// An include of `value`.
    pub const fn new(value: &'a str, iterate: bool) -> Self {
        Include { value, iterate }
    }

    /// `_include` or `_include:iterate`.
    pub fn param_name(self) -> &'static str {
        if self.iterate { names::INCLUDE_ITERATE } else { names::INCLUDE }
    }
}

/// An owned include of a request, with its position when parsed.
///
/// ```
/// use int_ro1::request::SearchRequest;
/// let req = SearchRequest::parse("Slot?_include:iterate=Schedule:actor");
/// assert!(req.includes[0].iterate);
/// assert_eq!(req.includes[0].as_include().param_name(), "_include:iterate");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncludeParam {
    /// The value, e.g. `Slot:schedule`.
    pub value: String,
    /// True for `_include:iterate`.
    pub iterate: bool,
    /// The `name=value` pair in the parsed input.
    pub span: Option<Span>,
}

impl IncludeParam {
    /// The borrowed form.
    pub fn as_include(&self) -> Include<'_> {
        Include::new(&self.value, self.iterate)
    }
}

/// The comparator in front of a FHIR search date.
///
/// ```
/// use int_ro1::request::Prefix;
/// assert_eq!(Prefix::split("ge2024-01-01"), (Some(Prefix::Ge), "2024-01-01"));
/// assert_eq!(Prefix::split("2024-01-01"), (None, "2024-01-01"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Prefix {
    /// `eq`
    Eq,
    /// `ne`
    Ne,
    /// `gt`
    Gt,
    /// `lt`
    Lt,
    /// `ge` (the lower bound of a SAS window)
    Ge,
    /// `le` (the upper bound of a SAS window)
    Le,
    /// `sa`
    Sa,
    /// `eb`
    Eb,
    /// `ap`
    Ap,
}

impl Prefix {
    /// The two-letter code.
    pub fn as_str(self) -> &'static str {
        match self {
            Prefix::Eq => "eq",
            Prefix::Ne => "ne",
            Prefix::Gt => "gt",
            Prefix::Lt => "lt",
            Prefix::Ge => "ge",
            Prefix::Le => "le",
            Prefix::Sa => "sa",
            Prefix::Eb => "eb",
            Prefix::Ap => "ap",
        }
    }

    /// Splits a known prefix off `value`.
    pub fn split(value: &str) -> (Option<Prefix>, &str) {
        let all = [
            Prefix::Eq,
            Prefix::Ne,
            Prefix::Gt,
            Prefix::Lt,
            Prefix::Ge,
            Prefix::Le,
            Prefix::Sa,
            Prefix::Eb,
            Prefix::Ap,
        ];
        for p in all {
            if let Some(rest) = value.strip_prefix(p.as_str()) {
                return (Some(p), rest);
            }
        }
        (None, value)
    }
}

/// One bound of the search window.
///
/// ```
/// use int_ro1::request::{Prefix, SearchRequest};
/// let req = SearchRequest::parse("Slot?start=ge2026-11-26T08:00:00%2B01:00");
/// let ge = req.ge.unwrap();
/// assert_eq!((ge.prefix, ge.text.as_str()), (Some(Prefix::Ge), "2026-11-26T08:00:00+01:00"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParam {
    /// `ge` or `le` (or another prefix when kept for a rule).
    pub prefix: Option<Prefix>,
    /// The date text after the prefix, decoded, offset sign restored.
    pub text: String,
    /// The parsed interval, or why it does not parse.
    pub bound: Result<DateBound, Message>,
    /// The value in the parsed input.
    pub span: Option<Span>,
    /// Set when a space before the offset was read as `+`.
    pub repair: Option<OffsetRepair>,
}

impl DateParam {
    /// A bound from a decoded value such as `ge2024-06-12T16:20:00.000+02:00`.
    ///
    /// ```
    /// use int_ro1::request::{DateParam, Prefix};
    /// let d = DateParam::from_value("le2021-11-06");
    /// assert_eq!(d.prefix, Some(Prefix::Le));
    /// assert!(d.bound.is_ok());
    /// ```
    pub fn from_value(value: &str) -> Self {
        let (prefix, text) = Prefix::split(value);
        DateParam {
            prefix,
            text: text.to_owned(),
            bound: parse_search_date(text).map_err(|e| e.message()),
            span: None,
            repair: None,
        }
    }

    /// The value as written in a query: prefix and date.
    pub fn value(&self) -> String {
        format!("{}{}", self.prefix.map_or("", Prefix::as_str), self.text)
    }
}

/// One `system|value` token of an identifier OR-list.
///
/// ```
/// use int_ro1::request::SearchRequest;
/// let url = "Slot?schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810002909371";
/// let req = SearchRequest::parse(url);
/// let token = &req.identifiers[0].token;
/// assert_eq!(token.value, "810002909371");
/// assert_eq!(token.value_span.and_then(|s| s.slice(url)), Some("810002909371"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The system, unescaped; `None` when the token has no `|`.
    pub system: Option<String>,
    /// The code, unescaped.
    pub value: String,
    /// The token in the parsed input (whitespace around it excluded).
    pub span: Option<Span>,
    /// The value alone (after the `|`) in the parsed input: findings about
    /// the identifier point there, not at its system.
    pub value_span: Option<Span>,
    /// True when the token had spaces around it (`a, b`).
    pub padded: bool,
}

impl Token {
    /// A token `system|value`.
    ///
    /// ```
    /// use int_ro1::request::Token;
    /// let t = Token::new("urn:oid:1.2.250.1.71.4.2.1", "810002909371");
    /// assert_eq!(t.to_query_text(), "urn:oid:1.2.250.1.71.4.2.1|810002909371");
    /// ```
    pub fn new(system: impl Into<String>, value: impl Into<String>) -> Self {
        Token {
            system: Some(system.into()),
            value: value.into(),
            span: None,
            value_span: None,
            padded: false,
        }
    }

    /// The token with FHIR search escaping (`\|`, `\,`, `\$`, `\\`), before
    /// URL encoding.
    pub fn to_query_text(&self) -> String {
        let mut out = String::with_capacity(self.value.len() + 32);
        if let Some(system) = &self.system {
            escape_into(system, &mut out);
            out.push('|');
        }
        escape_into(&self.value, &mut out);
        out
    }
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if matches!(c, '\\' | '|' | ',' | '$') {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A token found in a decoded OR-list: byte range in the decoded value and
/// the unescaped parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TokenPart {
    pub(crate) range: std::ops::Range<usize>,
    /// The value after the first unescaped `|` (the whole token without one).
    pub(crate) value_range: std::ops::Range<usize>,
    pub(crate) system: Option<String>,
    pub(crate) value: String,
    pub(crate) padded: bool,
}

/// Most tokens kept from one request: far above the 25 allowed, and it
/// bounds the memory a hostile list of commas can take.
pub const MAX_TOKENS: usize = 1000;

/// Byte ranges of the tokens of a decoded OR-list: split on unescaped commas.
pub(crate) fn token_ranges(list: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut bytes = list.bytes().enumerate();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let mut escaped = false;
        for (i, b) in bytes.by_ref() {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b',' => {
                    start = Some(i + 1);
                    return Some(from..i);
                }
                _ => {}
            }
        }
        start = None;
        Some(from..list.len())
    })
}

/// Splits a decoded token list on unescaped commas, each token on its first
/// unescaped `|`, and removes the FHIR escapes; at most [`MAX_TOKENS`].
pub(crate) fn split_tokens(list: &str) -> Vec<TokenPart> {
    token_ranges(list).take(MAX_TOKENS).map(|r| token_part(list, r)).collect()
}

fn token_part(list: &str, range: std::ops::Range<usize>) -> TokenPart {
    let raw = list.get(range.clone()).unwrap_or("");
    let trimmed = raw.trim();
    let lead = raw.len() - raw.trim_start().len();
    let range = range.start + lead..range.start + lead + trimmed.len();
    let mut system = None;
    let mut value_start = 0;
    let mut current = String::with_capacity(trimmed.len());
    let mut chars = trimmed.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match chars.next().map(|(_, n)| n) {
                Some(n @ ('\\' | '|' | ',' | '$')) => current.push(n),
                Some(n) => {
                    current.push('\\');
                    current.push(n);
                }
                None => current.push('\\'),
            },
            '|' if system.is_none() => {
                system = Some(std::mem::take(&mut current));
                value_start = i + 1;
            }
            _ => current.push(c),
        }
    }
    let value_range = range.start + value_start..range.end;
    TokenPart { range, value_range, system, value: current, padded: trimmed.len() != raw.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_on_unescaped_separators() {
        let t = split_tokens(r"a|b,c\,d|e\|f, g");
        assert_eq!(t.len(), 3);
        assert_eq!((t[0].system.as_deref(), t[0].value.as_str()), (Some("a"), "b"));
        assert_eq!((t[1].system.as_deref(), t[1].value.as_str()), (Some("c,d"), "e|f"));
        assert_eq!((t[2].system.as_deref(), t[2].value.as_str(), t[2].padded), (None, "g", true));
        assert_eq!(t[2].range, 15..16);
    }

    #[test]
    fn empty_and_odd_tokens() {
        assert_eq!(split_tokens("").len(), 1);
        let t = split_tokens(r"|x,,a\qb\");
        assert_eq!(t[0].system.as_deref(), Some(""));
        assert_eq!(t[1].value, "");
        assert_eq!(t[2].value, r"a\qb\");
    }

    #[test]
    fn escaping_round_trips() {
        let t = Token::new(r"s|,\$", r"v,|\");
        let parts = split_tokens(&t.to_query_text());
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].system.as_deref(), Some(r"s|,\$"));
        assert_eq!(parts[0].value, r"v,|\");
    }

    #[test]
    fn prefixes() {
        assert_eq!(Prefix::split("gt2024"), (Some(Prefix::Gt), "2024"));
        assert_eq!(Prefix::split("xx2024"), (None, "xx2024"));
        let d = DateParam::from_value("ge2021-11-04T14:19:35.760+00:00");
        assert_eq!(d.value(), "ge2021-11-04T14:19:35.760+00:00");
        assert!(DateParam::from_value("ge2021-13-04").bound.is_err());
    }
}
