//! Walking `log.entries[]` of a HAR file and turning each entry into an
//! [`Exchange`] that borrows from the file.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset};
use fr_fhir_core::finding::Message;
use fr_fhir_core::json::{JsonError, Kind, Reader, Span, Str};

use super::text::decode_json_string;
use super::{HarError, base64};
use crate::exchange::{BodyOrigin, Exchange, HarInfo, HarItem};

/// Headers kept per list: far above real traffic, bounds hostile input.
pub const MAX_HEADERS: usize = 1000;

/// Why an entry was not read: the JSON is broken (stop everything) or the
/// entry does not have the HAR shape (skip it, read the next one).
enum Fail {
    Json(JsonError),
    Shape(HarError),
}

impl From<JsonError> for Fail {
    fn from(e: JsonError) -> Self {
        Fail::Json(e)
    }
}

fn shape(offset: usize, fr: String, en: String) -> Fail {
    Fail::Shape(HarError::new(offset, fr, en))
}

/// Checks that the next value is of `kind`; `what` names it in messages.
fn expect(r: &mut Reader<'_>, kind: Kind, what: &str) -> Result<(), Fail> {
    let found = r.peek()?;
    if found == kind {
        return Ok(());
    }
    Err(shape(
        r.pos(),
        format!("`{what}` est un(e) {}, attendu : {}", found.name_fr(), kind.name_fr()),
        format!("`{what}` is a {}, expected a {}", found.name(), kind.name()),
    ))
}

fn string<'a>(r: &mut Reader<'a>, what: &str) -> Result<(Str<'a>, Span), Fail> {
    expect(r, Kind::String, what)?;
    Ok(r.string()?)
}

fn number<'a>(r: &mut Reader<'a>, what: &str) -> Result<(&'a str, Span), Fail> {
    expect(r, Kind::Number, what)?;
    Ok(r.number()?)
}

/// Reads every entry, handing each to `f`.
pub(super) fn read<'a>(
    src: &'a str,
    mut f: impl FnMut(usize, Result<Exchange<'a>, HarError>),
) -> Result<usize, HarError> {
    let mut r = Reader::new(src);
    if r.peek()? != Kind::Object {
        return Err(HarError::new(
            r.pos(),
            "un fichier HAR est un objet JSON `{\"log\": {\"entries\": […]}}`",
            "a HAR file is a JSON object `{\"log\": {\"entries\": […]}}`",
        ));
    }
    let mut top = r.object()?;
    let mut count = None;
    while let Some((key, _)) = r.next_key(&mut top)? {
        if key == "log" && count.is_none() {
            count = Some(read_log(&mut r, &mut f)?);
        } else {
            r.skip_value()?;
        }
    }
    r.finish()?;
    count.ok_or_else(|| {
        HarError::new(
            0,
            "pas d'élément `log` : ce n'est pas un fichier HAR",
            "no `log` element: not a HAR file",
        )
    })
}

fn read_log<'a>(
    r: &mut Reader<'a>,
    f: &mut impl FnMut(usize, Result<Exchange<'a>, HarError>),
) -> Result<usize, HarError> {
    if r.peek()? != Kind::Object {
        return Err(HarError::new(r.pos(), "`log` doit être un objet", "`log` must be an object"));
    }
    let mut log = r.object()?;
    let log_start = log.start() as usize;
    let mut count = None;
    while let Some((key, _)) = r.next_key(&mut log)? {
        if key != "entries" || count.is_some() {
            r.skip_value()?;
            continue;
        }
        if r.peek()? != Kind::Array {
            return Err(HarError::new(
                r.pos(),
                "`log.entries` doit être un tableau",
                "`log.entries` must be an array",
            ));
        }
        let mut arr = r.array()?;
        let mut n = 0usize;
        while r.next_item(&mut arr)?.is_some() {
            // The reader is cheap to clone: on a shape error, go back and
            // skip the entry as a whole.
            let before = r.clone();
            match read_entry(r) {
                Ok(ex) => f(n, Ok(ex)),
                Err(Fail::Json(e)) => return Err(e.into()),
                Err(Fail::Shape(e)) => {
                    *r = before;
                    r.skip_value()?;
                    f(n, Err(e));
                }
            }
            n += 1;
        }
        count = Some(n);
    }
    count.ok_or_else(|| HarError::new(log_start, "`log.entries` absent", "no `log.entries` array"))
}

/// `response.content` as read, decoded once the whole entry is known.
#[derive(Default)]
struct Content<'a> {
    /// The raw text between the quotes of `text`, and the value's span.
    text: Option<(&'a str, Span)>,
    encoding: Option<Str<'a>>,
}

fn read_entry<'a>(r: &mut Reader<'a>) -> Result<Exchange<'a>, Fail> {
    expect(r, Kind::Object, "log.entries[]")?;
    let mut obj = r.object()?;
    let entry_start = obj.start();
    let mut ex = Exchange::body_only("", BodyOrigin::File);
    let mut har = HarInfo::default();
    let mut content = None;
    let mut query_string = Vec::new();
    while let Some((key, _)) = r.next_key(&mut obj)? {
        match &*key {
            "startedDateTime" => {
                let (text, span) = string(r, "startedDateTime")?;
                ex.started = parse_started(&text);
                har.started_span = Some(span);
            }
            "time" => {
                let (text, span) = number(r, "time")?;
                ex.time_ms = text.parse().ok();
                har.time_span = Some(span);
            }
            "request" => read_request(r, &mut ex, &mut har, &mut query_string)?,
            "response" => content = Some(read_response(r, &mut ex, &mut har)?),
            _ => {
                r.skip_value()?;
            }
        }
    }
    har.entry_span = Span::new(entry_start, r.pos32());
    let entry = entry_start as usize;
    if ex.url.is_none() {
        return Err(shape(
            entry,
            "entrée sans `request.url`".into(),
            "entry without `request.url`".into(),
        ));
    }
    let Some(content) = content else {
        return Err(shape(
            entry,
            "entrée sans `response`".into(),
            "entry without `response`".into(),
        ));
    };
    har.query_names = query_string.iter().map(|(n, _)| n.clone()).collect();
    har.url_rebuilt = add_query_string(&mut ex, &query_string);
    decode_body(&mut ex, &mut har, content);
    ex.har = Some(har);
    Ok(ex)
}

/// HAR writers use RFC 3339; FHIR-style instants are accepted too.
fn parse_started(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .or_else(|| fr_fhir_core::primitives::parse_instant(text).ok())
}

/// Reads a `[{name, value}]` array into `out`, and the array position and
/// span of each pair kept into `items` (parallel to the pairs it adds).
fn read_headers<'a>(
    r: &mut Reader<'a>,
    what: &str,
    out: &mut Vec<(Cow<'a, str>, Cow<'a, str>)>,
    items: &mut Vec<HarItem>,
) -> Result<Span, Fail> {
    expect(r, Kind::Array, what)?;
    let mut arr = r.array()?;
    let start = arr.start();
    let mut index = 0u32;
    while r.next_item(&mut arr)?.is_some() {
        let at = index;
        index = index.saturating_add(1);
        if r.peek()? != Kind::Object || out.len() >= MAX_HEADERS {
            r.skip_value()?;
            continue;
        }
        let mut h = r.object()?;
        let item_start = h.start();
        let (mut name, mut value) = (None, None);
        while let Some((key, _)) = r.next_key(&mut h)? {
            match &*key {
                "name" => name = Some(string(r, "headers[].name")?.0),
                "value" => value = Some(string(r, "headers[].value")?.0),
                _ => {
                    r.skip_value()?;
                }
            }
        }
        if let (Some(n), Some(v)) = (name, value) {
            out.push((n.into_cow(), v.into_cow()));
            items.push(HarItem { index: at, span: Span::new(item_start, r.pos32()) });
        }
    }
    Ok(Span::new(start, r.pos32()))
}

fn read_request<'a>(
    r: &mut Reader<'a>,
    ex: &mut Exchange<'a>,
    har: &mut HarInfo<'a>,
    query_string: &mut Vec<(Cow<'a, str>, Cow<'a, str>)>,
) -> Result<(), Fail> {
    expect(r, Kind::Object, "request")?;
    let mut obj = r.object()?;
    while let Some((key, _)) = r.next_key(&mut obj)? {
        match &*key {
            "method" => {
                let (m, span) = string(r, "request.method")?;
                ex.method = Some(m.into_cow());
                har.method_span = Some(span);
            }
            "url" => {
                expect(r, Kind::String, "request.url")?;
                let (raw, span) = r.raw_value()?;
                let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
                let (url, map) = decode_json_string(inner).map_err(|e| bad_escape(span, e.0))?;
                ex.url = Some(url);
                har.url_span = Some(span);
                har.url_escapes = map;
            }
            "headers" => {
                har.request_headers_span = Some(read_headers(
                    r,
                    "request.headers",
                    &mut ex.request_headers,
                    &mut har.request_header_items,
                )?);
            }
            "queryString" => {
                read_headers(r, "request.queryString", query_string, &mut har.query_items)?;
            }
            "postData" => {
                expect(r, Kind::Object, "request.postData")?;
                let mut pd = r.object()?;
                har.post_data_span = Some(Span::new(pd.start(), pd.start()));
                while let Some((k, _)) = r.next_key(&mut pd)? {
                    if k == "text" {
                        expect(r, Kind::String, "request.postData.text")?;
                        let (raw, span) = r.raw_value()?;
                        let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
                        let (text, map) =
                            decode_json_string(inner).map_err(|e| bad_escape(span, e.0))?;
                        har.request_body_len = har.request_body_len.max(text.len());
                        // The other flows send a body: INT_R03's is the vendor's to judge.
                        ex.request_body = Some(text);
                        har.request_text = Some((span, map));
                    } else {
                        r.skip_value()?;
                    }
                }
            }
            "bodySize" => {
                let (n, _) = number(r, "request.bodySize")?;
                // -1 means unknown.
                if let Ok(n) = n.parse::<usize>() {
                    har.request_body_len = har.request_body_len.max(n);
                }
            }
            _ => {
                r.skip_value()?;
            }
        }
    }
    Ok(())
}

fn bad_escape(value: Span, at: usize) -> Fail {
    shape(
        (value.start as usize).saturating_add(1).saturating_add(at),
        "séquence d'échappement invalide".into(),
        "invalid escape sequence".into(),
    )
}

fn read_response<'a>(
    r: &mut Reader<'a>,
    ex: &mut Exchange<'a>,
    har: &mut HarInfo<'a>,
) -> Result<Content<'a>, Fail> {
    expect(r, Kind::Object, "response")?;
    let mut obj = r.object()?;
    let mut content = Content::default();
    while let Some((key, _)) = r.next_key(&mut obj)? {
        match &*key {
            "status" => {
                let (n, span) = number(r, "response.status")?;
                let status = n.parse::<u16>().ok().filter(|&s| s <= 999).ok_or_else(|| {
                    shape(
                        span.start as usize,
                        format!("`response.status` vaut {n}, attendu un code HTTP"),
                        format!("`response.status` is {n}, expected an HTTP status code"),
                    )
                })?;
                ex.status = Some(status);
                har.status_span = Some(span);
            }
            "headers" => {
                har.response_headers_span = Some(read_headers(
                    r,
                    "response.headers",
                    &mut ex.response_headers,
                    &mut har.response_header_items,
                )?);
            }
            "content" => {
                expect(r, Kind::Object, "response.content")?;
                let mut c = r.object()?;
                let start = c.start();
                while let Some((k, _)) = r.next_key(&mut c)? {
                    match &*k {
                        "text" => {
                            expect(r, Kind::String, "response.content.text")?;
                            let (raw, span) = r.raw_value()?;
                            let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
                            content.text = Some((inner, span));
                        }
                        "encoding" => {
                            content.encoding = Some(string(r, "response.content.encoding")?.0);
                        }
                        "mimeType" => {
                            let (m, span) = string(r, "response.content.mimeType")?;
                            har.mime_type = Some(m.into_cow());
                            har.mime_span = Some(span);
                        }
                        _ => {
                            r.skip_value()?;
                        }
                    }
                }
                har.content_span = Some(Span::new(start, r.pos32()));
            }
            _ => {
                r.skip_value()?;
            }
        }
    }
    Ok(content)
}

/// Some exporters give the parameters only in `queryString`: the URL is
/// rebuilt with them (true when it was).
fn add_query_string(ex: &mut Exchange<'_>, params: &[(Cow<'_, str>, Cow<'_, str>)]) -> bool {
    let Some(url) = &ex.url else { return false };
    if params.is_empty() || url.contains('?') {
        return false;
    }
    let mut out = url.to_string();
    for (i, (name, value)) in params.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        encode_into(name, &mut out);
        out.push('=');
        encode_into(value, &mut out);
    }
    ex.url = Some(Cow::Owned(out));
    true
}

fn encode_into(text: &str, out: &mut String) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:,/|".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// Content-Encoding values that make the raw bytes unreadable as text.
const COMPRESSED: [&str; 6] = ["gzip", "x-gzip", "deflate", "br", "compress", "zstd"];

fn looks_like_json(text: &str) -> bool {
    matches!(
        text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).bytes().next(),
        Some(b'{' | b'[')
    )
}

/// Decodes the body once into its own buffer (or borrows it), or records
/// why it cannot be read.
fn decode_body<'a>(ex: &mut Exchange<'a>, har: &mut HarInfo<'a>, content: Content<'a>) {
    let Some((raw, span)) = content.text else {
        har.body_problem = Some(Message::new(
            "la capture ne contient pas le corps de la réponse (`content.text` absent) : exporter le HAR avec les contenus",
            "the capture has no response body (`content.text` is absent): export the HAR with contents",
        ));
        return;
    };
    let compressed = ex
        .response_header("Content-Encoding")
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| COMPRESSED.contains(&v.as_str()));
    let (body, map) = match decode_json_string(raw) {
        Ok(t) => t,
        // The reader validated the string: this cannot happen, but a
        // finding is better than a panic.
        Err(_) => {
            har.body_problem = Some(Message::new(
                "séquence d'échappement invalide dans `content.text`",
                "invalid escape sequence in `content.text`",
            ));
            return;
        }
    };
    match content.encoding.as_deref() {
        None | Some("") => {
            if let Some(enc) = compressed.as_deref().filter(|_| !looks_like_json(&body)) {
                har.body_problem = Some(compressed_message(enc));
                return;
            }
            ex.body = body;
            ex.body_origin = BodyOrigin::HarText { value_span: span, escapes: map };
        }
        Some(enc) if enc.eq_ignore_ascii_case("base64") => {
            ex.body_origin = BodyOrigin::HarBase64 { value_span: span };
            let bytes = match base64::decode(&body) {
                Ok(b) => b,
                Err(e) => {
                    har.body_problem = Some(Message::new(
                        format!("`content.text` n'est pas du base64 valide (octet {})", e.0),
                        format!("`content.text` is not valid base64 (byte {})", e.0),
                    ));
                    return;
                }
            };
            if bytes.starts_with(&[0x1f, 0x8b]) {
                har.body_problem = Some(compressed_message("gzip"));
                return;
            }
            match String::from_utf8(bytes) {
                Ok(s) => {
                    if let Some(enc) = compressed.as_deref().filter(|_| !looks_like_json(&s)) {
                        har.body_problem = Some(compressed_message(enc));
                        return;
                    }
                    ex.body = Cow::Owned(s);
                }
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    har.body_problem = Some(Message::new(
                        format!(
                            "le corps décodé du base64 n'est pas de l'UTF-8 (octet {at}) : FHIR JSON est en UTF-8"
                        ),
                        format!(
                            "the base64-decoded body is not UTF-8 (byte {at}): FHIR JSON is UTF-8"
                        ),
                    ));
                }
            }
        }
        Some(other) => {
            har.body_problem = Some(Message::new(
                format!(
                    "corps en encodage `{other}` non pris en charge : exporter le HAR avec les corps décodés"
                ),
                format!(
                    "body in unsupported encoding `{other}`: export the HAR with decoded bodies"
                ),
            ));
        }
    }
}

fn compressed_message(encoding: &str) -> Message {
    Message::new(
        format!(
            "corps compressé (`Content-Encoding: {encoding}`) que la capture n'a pas décompressé : exporter le HAR avec les corps décodés"
        ),
        format!(
            "compressed body (`Content-Encoding: {encoding}`) that the capture did not decompress: export the HAR with decoded bodies"
        ),
    )
}
