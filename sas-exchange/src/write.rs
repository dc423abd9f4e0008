//! The FHIR write requests of the SAS flows INT_R02 and INT_R03: a create
//! (`POST [base]/Type`) or a conditional update on a business identifier
//! (`PUT [base]/Type?identifier=system|value`), read from a captured
//! request line and written back by the side that sends them.
//!
//! Parsing is lenient where captures differ (`|` raw or `%7C`, a trailing
//! `/`, `_format`), strict where the flow is not met (another method, a
//! path that is not the type, a PUT without its identifier).
//!
//! ```
//! use sas_exchange::write::{Write, WriteKind};
//! let w = Write::parse("PUT", "https://h/fhir/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1%7C810002673899", "Practitioner")?;
//! assert_eq!(w.base, "https://h/fhir");
//! assert_eq!(w.kind, WriteKind::Update { system: "urn:oid:1.2.250.1.71.4.2.1".into(), value: "810002673899".into() });
//! assert_eq!(w.url("Practitioner"), "https://h/fhir/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|810002673899");
//! # Ok::<(), sas_exchange::write::WriteError>(())
//! ```

use fr_fhir_core::finding::Message;

/// Create or conditional update.
///
/// ```
/// use sas_exchange::write::{Write, WriteKind};
/// let w = Write::parse("POST", "https://h/fhir/Appointment", "Appointment").unwrap();
/// assert_eq!(w.kind, WriteKind::Create);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WriteKind {
    /// `POST [base]/Type`.
    Create,
    /// `PUT [base]/Type?identifier=system|value`.
    Update {
        /// `identifier` system (decoded).
        system: String,
        /// `identifier` value (decoded).
        value: String,
    },
}

/// One write request: its base URL and its kind.
///
/// ```
/// use sas_exchange::write::Write;
/// let w = Write::parse("PUT", "https://h/fhir/Practitioner/?identifier=urn:oid:1.2%7Cx", "Practitioner").unwrap();
/// assert_eq!((w.base.as_str(), w.method(), w.identifier()), ("https://h/fhir", "PUT", Some(("urn:oid:1.2", "x"))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Write {
    /// Everything before `/Type` (no trailing `/`; may be empty for a bare path).
    pub base: String,
    /// Create or conditional update.
    pub kind: WriteKind,
}

/// Why a request line is not the expected write request.
///
/// ```
/// use sas_exchange::{parts, write::Write};
/// let err = Write::parse("DELETE", "https://h/fhir/Practitioner", "Practitioner").unwrap_err();
/// assert_eq!(err.part, parts::METHOD);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError {
    /// What is wrong, in both languages.
    pub message: Message,
    /// The part at fault: [`crate::parts::METHOD`] or [`crate::parts::URL`].
    pub part: &'static str,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for WriteError {}

fn url_error(fr: String, en: String) -> WriteError {
    WriteError { message: Message::new(fr, en), part: crate::parts::URL }
}

impl Write {
    /// Reads a captured request line as a write on `rtype`.
    pub fn parse(method: &str, url: &str, rtype: &str) -> Result<Write, WriteError> {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let query = query.split('#').next().unwrap_or("");
        let path = path.split('#').next().unwrap_or("").trim_end_matches('/');
        let Some(base) = path.strip_suffix(rtype).filter(|b| b.is_empty() || b.ends_with('/'))
        else {
            return Err(url_error(
                format!("chemin `{path}` : attendu [base]/{rtype}"),
                format!("path `{path}`: expected [base]/{rtype}"),
            ));
        };
        let base = base.trim_end_matches('/').to_owned();
        let mut identifier = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            match name {
                "identifier" if identifier.is_none() => identifier = Some(value),
                "_format" => {}
                other => {
                    return Err(url_error(
                        format!("paramètre `{other}` inattendu sur une écriture de {rtype}"),
                        format!("unexpected parameter `{other}` on a write of {rtype}"),
                    ));
                }
            }
        }
        let m = method.trim();
        if m.eq_ignore_ascii_case("POST") {
            if identifier.is_some() {
                return Err(url_error(
                    format!(
                        "POST [base]/{rtype} avec `identifier` : la création ne porte pas de paramètre (création conditionnelle non prévue)"
                    ),
                    format!(
                        "POST [base]/{rtype} with `identifier`: a create carries no parameter (conditional create is not part of the flow)"
                    ),
                ));
            }
            return Ok(Write { base, kind: WriteKind::Create });
        }
        if !m.eq_ignore_ascii_case("PUT") {
            return Err(WriteError {
                message: Message::new(
                    format!(
                        "méthode `{m}` : attendu POST (création) ou PUT (mise à jour conditionnelle)"
                    ),
                    format!("method `{m}`: expected POST (create) or PUT (conditional update)"),
                ),
                part: crate::parts::METHOD,
            });
        }
        let Some(raw) = identifier else {
            return Err(url_error(
                format!(
                    "PUT [base]/{rtype} sans `identifier=système|valeur` : la mise à jour est conditionnelle"
                ),
                format!(
                    "PUT [base]/{rtype} without `identifier=system|value`: the update is conditional"
                ),
            ));
        };
        let (system, value) = split_token(raw).ok_or_else(|| {
            url_error(
                format!("identifier=`{raw}` : attendu système|valeur, les deux non vides"),
                format!("identifier=`{raw}`: expected system|value, both non-empty"),
            )
        })?;
        Ok(Write { base, kind: WriteKind::Update { system, value } })
    }

    /// The HTTP method of the request.
    pub fn method(&self) -> &'static str {
        match self.kind {
            WriteKind::Create => "POST",
            WriteKind::Update { .. } => "PUT",
        }
    }

    /// The request URL on `rtype`: `|` raw between system and value, both
    /// percent-encoded (so a `|` or `&` inside them cannot be misread).
    pub fn url(&self, rtype: &str) -> String {
        let mut out = format!("{}/{rtype}", self.base);
        if let WriteKind::Update { system, value } = &self.kind {
            out.push_str("?identifier=");
            encode_into(system, &mut out);
            out.push('|');
            encode_into(value, &mut out);
        }
        out
    }

    /// `system|value` of a conditional update.
    pub fn identifier(&self) -> Option<(&str, &str)> {
        match &self.kind {
            WriteKind::Update { system, value } => Some((system, value)),
            WriteKind::Create => None,
        }
    }
}

/// The resource type one flow writes (`Practitioner` for INT_R02,
/// `Appointment` for INT_R03): what makes a [`Request`] that flow's.
///
/// ```
/// use sas_exchange::write::{Request, Written};
/// struct Appointments;
/// impl Written for Appointments {
///     const TYPE: &'static str = "Appointment";
/// }
/// assert_eq!(Request::<Appointments>::create("https://h/fhir").url(), "https://h/fhir/Appointment");
/// ```
pub trait Written {
    /// The resource type, as in the URL.
    const TYPE: &'static str;
}

/// One write request of a flow: a [`Write`] on the resource type `T`
/// names, built, read and printed without repeating that type.
///
/// ```
/// use sas_exchange::write::{Request, Written};
/// #[derive(Debug, Clone, PartialEq, Eq, Hash)]
/// struct Patients;
/// impl Written for Patients {
///     const TYPE: &'static str = "Patient";
/// }
/// let put = Request::<Patients>::update("https://h/fhir/", "urn:oid:1.2", "a|b");
/// assert_eq!(put.method(), "PUT");
/// assert_eq!(put.url(), "https://h/fhir/Patient?identifier=urn:oid:1.2|a%7Cb");
/// assert_eq!(Request::<Patients>::parse("PUT", &put.url()).unwrap(), put);
/// assert_eq!(put.identifier(), Some(("urn:oid:1.2", "a|b")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Request<T> {
    /// The request.
    pub write: Write,
    flow: std::marker::PhantomData<T>,
}

impl<T: Written> Request<T> {
    fn of(write: Write) -> Self {
        Request { write, flow: std::marker::PhantomData }
    }

    /// `POST [base]/Type`.
    pub fn create(base: &str) -> Self {
        Request::of(Write { base: base.trim_end_matches('/').to_owned(), kind: WriteKind::Create })
    }

    /// `PUT [base]/Type?identifier=system|value`.
    pub fn update(base: &str, system: &str, value: &str) -> Self {
        Request::of(Write {
            base: base.trim_end_matches('/').to_owned(),
            kind: WriteKind::Update { system: system.to_owned(), value: value.to_owned() },
        })
    }

    /// Reads a captured request line.
    pub fn parse(method: &str, url: &str) -> Result<Self, WriteError> {
        Write::parse(method, url, T::TYPE).map(Request::of)
    }

    /// `POST` or `PUT`.
    pub fn method(&self) -> &'static str {
        self.write.method()
    }

    /// The request URL.
    pub fn url(&self) -> String {
        self.write.url(T::TYPE)
    }

    /// `system|value` of an update.
    pub fn identifier(&self) -> Option<(&str, &str)> {
        self.write.identifier()
    }
}

/// `system|value`: split at the first raw `|`, else at the first `%7C`,
/// then percent-decoded.
fn split_token(raw: &str) -> Option<(String, String)> {
    let (s, v) = match raw.split_once('|') {
        Some(p) => p,
        None => {
            let at = raw.to_ascii_lowercase().find("%7c")?;
            (raw.get(..at)?, raw.get(at + 3..)?)
        }
    };
    let (s, v) = (decode(s)?, decode(v)?);
    (!s.is_empty() && !v.is_empty()).then_some((s, v))
}

/// Percent-decoding (`+` is kept: identifiers are not form data); `None`
/// when the bytes are not UTF-8 once decoded.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |k: usize| bytes.get(k).and_then(|c| char::from(*c).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(0));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn encode_into(text: &str, out: &mut String) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn captured_forms() {
        let p = |m, u| Write::parse(m, u, "Appointment");
        assert_eq!(p("POST", "https://h/fhir/Appointment/").unwrap().kind, WriteKind::Create);
        assert_eq!(p("post", "/Appointment?_format=json").unwrap().base, "");
        let up = p("PUT", "/fhir/Appointment?identifier=urn:oid:1.2|b6e3").unwrap();
        assert_eq!(up.identifier(), Some(("urn:oid:1.2", "b6e3")));
        assert_eq!(p("PUT", "/fhir/Appointment").unwrap_err().part, crate::parts::URL);
        assert_eq!(p("PATCH", "/fhir/Appointment").unwrap_err().part, crate::parts::METHOD);
        assert!(p("PUT", "/fhir/Appointment?identifier=|x").is_err());
        assert!(p("POST", "/fhir/Practitioner").is_err());
        assert!(p("POST", "/fhir/XAppointment").is_err());
        assert!(p("POST", "/fhir/Appointment?identifier=a|b").is_err());
    }

    fn text() -> impl Strategy<Value = String> {
        "[ -~é|&%]{1,24}"
    }

    proptest! {
        /// build → parse → build is the identity (and parse gives back the parts).
        #[test]
        fn build_parse_build(base in "(https://[a-z]{1,8}\\.fr(/[a-z]{1,6}){0,2})?",
                             update in any::<bool>(), system in text(), value in text(),
                             rtype in prop_oneof![Just("Appointment"), Just("Practitioner")]) {
            let kind = if update { WriteKind::Update { system, value } } else { WriteKind::Create };
            let w = Write { base, kind };
            let url = w.url(rtype);
            let back = Write::parse(w.method(), &url, rtype).unwrap();
            prop_assert_eq!(&back, &w);
            prop_assert_eq!(back.url(rtype), url);
        }
    }
}
