//! Building a request from typed values and writing it back as a URL.
//!
//! The canonical order and encoding are documented on
//! [`SearchRequest::to_query`].

use chrono::{DateTime, FixedOffset};
use fr_fhir_core::ids::{Idnps, Idnst};

use super::SearchRequest;
use super::identifier::{NationalId, RequestedIdentifier};
use super::params::{DateParam, IncludeParam, Prefix, UseCase, UseCaseParams, names, values};

impl SearchRequest {
    /// The PS search the SAS platform sends for `identifiers` over
    /// [`window_start`, `window_end`].
    ///
    /// ```
    /// use chrono::DateTime;
    /// use fr_fhir_core::ids::Idnps;
    /// use int_ro1::request::SearchRequest;
    /// let from = DateTime::parse_from_rfc3339("2024-06-12T16:20:00+02:00").unwrap();
    /// let to = DateTime::parse_from_rfc3339("2024-06-14T23:59:59.999+02:00").unwrap();
    /// let rpps: Idnps = "810002909371".parse().unwrap();
    /// let url = SearchRequest::ps(from, to, &[rpps]).to_url(Some("https://h/fhir"));
    /// assert_eq!(
    ///     url,
    ///     "https://h/fhir/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor\
    ///      &start=ge2024-06-12T16:20:00.000%2B02:00&start=le2024-06-14T23:59:59.999%2B02:00\
    ///      &schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810002909371\
    ///      &status=free"
    /// );
    /// ```
    pub fn ps(
        window_start: DateTime<FixedOffset>,
        window_end: DateTime<FixedOffset>,
        identifiers: &[Idnps],
    ) -> Self {
        let ids = identifiers.iter().map(|id| NationalId::Idnps(id.clone()));
        Self::typed(UseCase::PS, window_start, window_end, ids)
    }

    /// The CPTS search: the PS search plus the two CPTS includes.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::{SearchRequest, UseCase};
    /// let t = DateTime::parse_from_rfc3339("2024-06-12T16:20:00+02:00").unwrap();
    /// let r = SearchRequest::cpts(t, t, &["810002909371".parse().unwrap()]);
    /// assert_eq!(SearchRequest::parse(&r.to_url(None)).use_case, UseCase::CPTS);
    /// ```
    pub fn cpts(
        window_start: DateTime<FixedOffset>,
        window_end: DateTime<FixedOffset>,
        identifiers: &[Idnps],
    ) -> Self {
        let ids = identifiers.iter().map(|id| NationalId::Idnps(id.clone()));
        Self::typed(UseCase::CPTS, window_start, window_end, ids)
    }

    /// The SOS search for the associations (prefixed SIRET) `identifiers`.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use int_ro1::request::SearchRequest;
    /// let t = DateTime::parse_from_rfc3339("2023-08-18T09:00:00+02:00").unwrap();
    /// let r = SearchRequest::sos(t, t, &["334173748400020".parse().unwrap()]);
    /// assert!(r.to_url(None).starts_with("Schedule?_revinclude=Slot:schedule&"));
    /// ```
    pub fn sos(
        window_start: DateTime<FixedOffset>,
        window_end: DateTime<FixedOffset>,
        identifiers: &[Idnst],
    ) -> Self {
        let ids = identifiers.iter().map(|id| NationalId::Idnst(*id));
        Self::typed(UseCase::SOS, window_start, window_end, ids)
    }

    fn typed(
        use_case: UseCase,
        window_start: DateTime<FixedOffset>,
        window_end: DateTime<FixedOffset>,
        identifiers: impl Iterator<Item = NationalId>,
    ) -> Self {
        let bound = |prefix: Prefix, at: DateTime<FixedOffset>| {
            let text = at.format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string();
            DateParam::from_value(&format!("{}{text}", prefix.as_str()))
        };
        let mut req = SearchRequest::empty(use_case);
        req.ge = Some(bound(Prefix::Ge, window_start));
        req.le = Some(bound(Prefix::Le, window_end));
        req.identifiers = identifiers.map(RequestedIdentifier::from_national).collect();
        req.status = Some(values::FREE.to_owned());
        req.includes = use_case
            .required_includes()
            .iter()
            .map(|i| IncludeParam { value: i.value.to_owned(), iterate: i.iterate, span: None })
            .collect();
        if use_case == UseCase::SOS {
            req.revincludes.push(values::SLOT_SCHEDULE.to_owned());
        }
        req
    }

    /// The same request with `base` as its `[base]`.
    pub fn with_base(mut self, base: impl Into<String>) -> Self {
        self.base = Some(base.into());
        self
    }

    /// The canonical query string (without `?`).
    ///
    /// Parameters come in a fixed order, the one of the IG examples:
    /// * PS, CPTS: `_include` / `_include:iterate` (in request order),
    ///   `_revinclude`, `start=ge`, `start=le`,
    ///   `schedule.actor:Practitioner.identifier`, `status`;
    /// * SOS: `_revinclude`, `_include` / `_include:iterate`,
    ///   `_has:Slot:schedule:start=ge`, `..=le`, `_has:Slot:schedule:status`,
    ///   `actor:Location.organization.identifier`;
    /// * then `_count`, `_format` and the other parameters in request order.
    ///
    /// Names and values are percent-encoded except for the unreserved
    /// characters and `:`, `,`, `/`, which keeps the URL readable; `|` is
    /// written `%7C` (as in the IG FAQ) and `+` is written `%2B` so that an
    /// offset can never be read as a space. Identifier tokens get the FHIR
    /// search escapes (`\|`, `\,`, `\$`, `\\`) before encoding.
    ///
    /// ```
    /// use int_ro1::request::SearchRequest;
    /// let r = SearchRequest::parse("Slot?status=free&start=ge2024-01-01T10:00:00%2B01:00&x=a+b");
    /// assert_eq!(r.to_query(), "start=ge2024-01-01T10:00:00%2B01:00&status=free&x=a%20b");
    /// ```
    pub fn to_query(&self) -> String {
        let mut q = Query::default();
        let uc = self.use_case;
        let includes = |q: &mut Query| {
            for i in &self.includes {
                q.push(i.as_include().param_name(), &i.value);
            }
        };
        let revincludes = |q: &mut Query| {
            for r in &self.revincludes {
                q.push(names::REVINCLUDE, r);
            }
        };
        if uc == UseCase::SOS {
            revincludes(&mut q);
            includes(&mut q);
        } else {
            includes(&mut q);
            revincludes(&mut q);
        }
        for bound in [&self.ge, &self.le].into_iter().flatten() {
            q.push(uc.start_param(), &bound.value());
        }
        let identifiers = (!self.identifiers.is_empty()).then(|| {
            let list: Vec<String> =
                self.identifiers.iter().map(|id| id.token.to_query_text()).collect();
            list.join(",")
        });
        let identifiers = identifiers.as_deref();
        let status = self.status.as_deref();
        let ordered = match uc {
            UseCase::PS | UseCase::CPTS => {
                [(uc.identifier_param(), identifiers), (uc.status_param(), status)]
            }
            _ /* SOS */ => [(uc.status_param(), status), (uc.identifier_param(), identifiers)],
        };
        for (name, value) in ordered {
            if let Some(value) = value {
                q.push(name, value);
            }
        }
        if let Some(count) = self.count {
            q.push(names::COUNT, &count.to_string());
        }
        if let Some(format) = &self.format {
            q.push(names::FORMAT, format);
        }
        for (name, value) in &self.other {
            q.push(name, value);
        }
        q.text
    }

    /// The canonical URL `[base]/Slot?...` or `[base]/Schedule?...`. `base`
    /// overrides [`SearchRequest::base`]; without either the URL is relative
    /// (`Slot?...`).
    ///
    /// ```
    /// use int_ro1::request::SearchRequest;
    /// let r = SearchRequest::parse("https://h/fhir/Slot/?status=free");
    /// assert_eq!(r.to_url(None), "https://h/fhir/Slot?status=free");
    /// assert_eq!(r.to_url(Some("/x/")), "/x/Slot?status=free");
    /// ```
    pub fn to_url(&self, base: Option<&str>) -> String {
        let query = self.to_query();
        let mut url = String::with_capacity(query.len() + 64);
        if let Some(base) = base.or(self.base.as_deref()) {
            let base = base.trim_end_matches('/');
            url.push_str(base);
            url.push('/');
        }
        url.push_str(self.use_case.resource());
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query);
        }
        url
    }
}

/// A query string under construction.
#[derive(Default)]
struct Query {
    text: String,
}

impl Query {
    fn push(&mut self, name: &str, value: &str) {
        if !self.text.is_empty() {
            self.text.push('&');
        }
        encode_into(name, &mut self.text);
        self.text.push('=');
        encode_into(value, &mut self.text);
    }
}

/// Canonical percent-encoding of a query component.
pub(crate) fn encode_into(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b':' | b',' | b'/')
        {
            out.push(char::from(b));
        } else {
            out.push('%');
            for nibble in [b >> 4, b & 0x0F] {
                out.push(HEX.get(usize::from(nibble)).map_or('0', |&h| char::from(h)));
            }
        }
    }
}
