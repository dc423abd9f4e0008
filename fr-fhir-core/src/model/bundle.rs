//! Bundle, read entry by entry.
//!
//! [`Bundle::stream`] hands each entry to a sink as soon as it is read and
//! keeps nothing of it, so a 400 MB searchset needs memory for one entry at a
//! time plus whatever the sink keeps. [`Bundle`]'s `FromJson` (used for
//! nested Bundles and for in-memory use) collects the entries in a `Vec`.
//!
//! Bundle is hand-written (the streaming read); its backbone elements
//! (`BundleEntry`, `BundleLink`...) are declared in `model/generated/bundle.rs`,
//! written by `cargo run -p sas-codegen`.

use serde::ser::SerializeMap as _;
use serde::{Serialize, Serializer};

use super::de::{Cx, Field as _, FromJson, NoteKind, read_other, read_value};
pub use super::generated::bundle::*;
use super::*;
use crate::json::{JsonError, Kind, Reader, Span};

/// Receives the entries of a streamed Bundle. An entry kept beyond the
/// text is detached with `entry.into_owned()`.
///
/// ```
/// use fr_fhir_core::json::Reader;
/// use fr_fhir_core::model::{Bundle, BundleEntry, Cx, EntrySink, Resource};
/// /// Keeps the Slot entries, owned, and nothing else.
/// struct Slots(Vec<BundleEntry<'static>>);
/// impl<'a> EntrySink<'a> for Slots {
///     fn entry(&mut self, _index: u32, entry: BundleEntry<'a>, _cx: &mut Cx<'a>) {
///         if matches!(entry.resource, Some(Resource::Slot(_))) {
///             self.0.push(entry.into_owned());
///         }
///     }
/// }
/// let src = String::from(r#"{"resourceType":"Bundle","entry":[
///   {"fullUrl":"https://h/fhir/Slot/1","resource":{"resourceType":"Slot"}},
///   {"fullUrl":"https://h/fhir/Schedule/1","resource":{"resourceType":"Schedule"}}]}"#);
/// let mut slots = Slots(Vec::new());
/// Bundle::stream(&mut Reader::new(&src), &mut Cx::default(), &mut slots)?;
/// drop(src);
/// assert_eq!(slots.0.len(), 1);
/// assert_eq!(slots.0[0].full_url.as_ref().map(|u| u.as_str()), Some("https://h/fhir/Slot/1"));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
pub trait EntrySink<'a> {
    /// Called once when the `entry` array starts, with the elements of the
    /// Bundle read so far (usually all of them but `entry`).
    fn begin(&mut self, _header: &Bundle<'a>) {}
    /// Called for each entry, in order; `index` is its position in `entry`.
    fn entry(&mut self, index: u32, entry: BundleEntry<'a>, cx: &mut Cx<'a>);
}

impl<'a, F: FnMut(u32, BundleEntry<'a>, &mut Cx)> EntrySink<'a> for F {
    fn entry(&mut self, index: u32, entry: BundleEntry<'a>, cx: &mut Cx<'a>) {
        self(index, entry, cx)
    }
}

/// A Bundle. When streamed, `entry` stays empty and `entry_count` counts the entries.
///
/// ```
/// use fr_fhir_core::model::*;
/// let bundle = Bundle {
///     type_: Some(Code::new("searchset")),
///     total: Some(UnsignedInt::new("0")),
///     link: vec![BundleLink {
///         relation: Some(FhirString::new("self")),
///         url: Some(Uri::new("https://agenda.example/fhir/Slot?status=free")),
///         ..Default::default()
///     }],
///     ..Default::default()
/// };
/// let json = serde_json::to_value(&bundle).unwrap();
/// assert_eq!(json["resourceType"], "Bundle");
/// assert_eq!(json["total"], 0);
/// assert!(json.get("entry").is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bundle<'a> {
    /// Logical id.
    pub id: Option<Id<'a>>,
    /// Metadata.
    pub meta: Option<Meta<'a>>,
    /// Rules under which the content was created.
    pub implicit_rules: Option<Uri<'a>>,
    /// Language of the content.
    pub language: Option<Code<'a>>,
    /// Persistent identifier.
    pub identifier: Option<Identifier<'a>>,
    /// `searchset` in SAS.
    pub type_: Option<Code<'a>>,
    /// When the Bundle was assembled.
    pub timestamp: Option<Instant<'a>>,
    /// Number of matches.
    pub total: Option<UnsignedInt<'a>>,
    /// Links (the `self` link).
    pub link: Vec<BundleLink<'a>>,
    /// Entries (empty when streamed).
    pub entry: Vec<BundleEntry<'a>>,
    /// Number of `entry` items read (streamed or not).
    pub entry_count: u32,
    /// Span of the `entry` array, when present.
    pub entry_span: Option<Span>,
    /// Byte span of the Bundle object.
    pub span: Span,
    /// Raw elements (signature, unknown ones) and `_x` siblings.
    pub extras: super::de::Extras<'a>,
}

const PRIM: &[&str] = &["id", "implicitRules", "language", "type", "timestamp", "total"];

impl<'a> Bundle<'a> {
    /// Reads a Bundle, handing each entry to `sink` instead of keeping it.
    ///
    /// ```
    /// use fr_fhir_core::json::Reader;
    /// use fr_fhir_core::model::{Bundle, Cx};
    /// let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Slot","status":"free"}}],"total":1}"#;
    /// let mut cx = Cx::default();
    /// let mut types = Vec::new();
    /// let header = Bundle::stream(&mut Reader::new(src), &mut cx, &mut |_i: u32, e: fr_fhir_core::model::BundleEntry<'_>, _cx: &mut Cx| {
    ///     types.push(e.resource.map(|r| r.resource_type().to_string()));
    /// }).unwrap();
    /// assert_eq!(types, [Some("Slot".to_string())]);
    /// assert_eq!(header.entry_count, 1);
    /// assert_eq!(header.total.unwrap().as_str(), "1");
    /// ```
    pub fn stream<S: EntrySink<'a> + ?Sized>(
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
        sink: &mut S,
    ) -> Result<Bundle<'a>, JsonError> {
        Bundle::stream_joining(r, cx, &mut Alone(sink))
    }

    /// [`Bundle::stream`], the entries from `sink.resume_point()` on
    /// possibly read by another reader at the same time
    /// ([`read_entries_apart`]): reaching that point, the reader asks the
    /// sink for them ([`Join::join`]) and, given them, moves past the end
    /// of the array.
    pub(crate) fn stream_joining<S: Join<'a> + ?Sized>(
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
        sink: &mut S,
    ) -> Result<Bundle<'a>, JsonError> {
        let mut obj = r.object()?;
        let start = obj.start();
        let mark = cx.mark();
        let mut out = Bundle::default();
        let mut empty = true;
        while let Some((key, _)) = r.next_key(&mut obj)? {
            empty = false;
            match &*key {
                "resourceType" => resource::check_resource_type("Bundle", r, cx)?,
                "id" => out.id.read_field("id", r, cx)?,
                "meta" => out.meta.read_field("meta", r, cx)?,
                "implicitRules" => out.implicit_rules.read_field("implicitRules", r, cx)?,
                "language" => out.language.read_field("language", r, cx)?,
                "identifier" => out.identifier.read_field("identifier", r, cx)?,
                "type" => out.type_.read_field("type", r, cx)?,
                "timestamp" => out.timestamp.read_field("timestamp", r, cx)?,
                "total" => out.total.read_field("total", r, cx)?,
                "link" => out.link.read_field("link", r, cx)?,
                "entry" => {
                    if out.entry_span.is_some() {
                        let span = r.skip_value()?;
                        cx.note(NoteKind::DuplicateKey { name: "entry".into() }, span);
                        continue;
                    }
                    sink.begin(&out);
                    read_entries(r, cx, &mut out, sink)?;
                }
                _ => read_other(key, "Bundle", PRIM, &["signature"], r, cx, &mut out.extras)?,
            }
        }
        out.span = Span::new(start, r.pos32());
        if empty {
            cx.note(NoteKind::EmptyObject, out.span);
        }
        cx.finish_object(mark, &out.extras);
        Ok(out)
    }
}

impl Bundle<'_> {
    /// Detaches the Bundle, its entries and their resources from the input
    /// (see [`IntoOwned`]).
    ///
    /// ```
    /// use fr_fhir_core::model::{parse_resource, Bundle, Resource};
    /// fn load(text: &str) -> Option<Bundle<'static>> {
    ///     match parse_resource(text).ok()?.0 {
    ///         Resource::Bundle(b) => Some(b.into_owned()),
    ///         _ => None,
    ///     }
    /// }
    /// let bundle = load(&String::from(r#"{"resourceType":"Bundle","type":"searchset"}"#)).unwrap();
    /// assert_eq!(bundle.type_.unwrap().as_str(), "searchset");
    /// ```
    pub fn into_owned(self) -> Bundle<'static> {
        Bundle {
            id: IntoOwned::into_owned(self.id),
            meta: IntoOwned::into_owned(self.meta),
            implicit_rules: IntoOwned::into_owned(self.implicit_rules),
            language: IntoOwned::into_owned(self.language),
            identifier: IntoOwned::into_owned(self.identifier),
            type_: IntoOwned::into_owned(self.type_),
            timestamp: IntoOwned::into_owned(self.timestamp),
            total: IntoOwned::into_owned(self.total),
            link: IntoOwned::into_owned(self.link),
            entry: IntoOwned::into_owned(self.entry),
            entry_count: self.entry_count,
            entry_span: self.entry_span,
            span: self.span,
            extras: self.extras.into_owned(),
        }
    }

    /// Reads a whole Bundle document, entries kept, and detaches it from
    /// `src`: the result can outlive the text, be cached or sent to another
    /// thread. The parse notes (unknown elements, lexical errors, a
    /// `resourceType` other than `Bundle`...) are dropped: validate the text
    /// to judge it, or call [`parse_owned`] to get them.
    ///
    /// ```
    /// use std::collections::HashMap;
    /// use fr_fhir_core::model::Bundle;
    /// let mut cache: HashMap<String, Bundle<'static>> = HashMap::new();
    /// let text = String::from(r#"{"resourceType":"Bundle","type":"searchset","total":0}"#);
    /// cache.insert("ps".into(), Bundle::parse_owned(&text)?);
    /// drop(text);
    /// assert_eq!(cache["ps"].total.as_ref().and_then(|t| t.value()), Some(0));
    /// assert!(Bundle::parse_owned("[]").is_err());
    /// # Ok::<(), fr_fhir_core::json::JsonError>(())
    /// ```
    pub fn parse_owned(src: &str) -> Result<Bundle<'static>, JsonError> {
        parse_owned::<Bundle<'_>>(src).map(|(bundle, _notes)| bundle)
    }

    /// The Bundle as pretty-printed FHIR JSON (two-space indent, elements
    /// in FHIR order, what the model keeps raw where it was): deterministic,
    /// so the line:column of a finding on it is stable. The text a
    /// validator needs for a Bundle built in code (`int_ro1::validate_bundle`).
    ///
    /// ```
    /// use fr_fhir_core::model::{Bundle, Code};
    /// let bundle = Bundle { type_: Some(Code::new("searchset")), ..Default::default() };
    /// assert_eq!(bundle.to_json_pretty(), "{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"searchset\"\n}");
    /// ```
    pub fn to_json_pretty(&self) -> String {
        // Cannot fail: every key a model writes is a string and raw JSON
        // that does not parse is written as a string. Were it to, the empty
        // text is a fatal "empty body" for the validator, not a silent pass.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl IntoOwned for Bundle<'_> {
    type Owned = Bundle<'static>;
    fn into_owned(self) -> Self::Owned {
        Bundle::into_owned(self)
    }
}

owned::deserialize_owned!(Bundle);

/// A sink of entries that may take some of them read apart: the entries
/// from [`Join::resume_point`] to the end of the array, read at the same time
/// by another reader ([`read_entries_apart`], `engine::split`).
pub(crate) trait Join<'a> {
    /// See [`EntrySink::begin`].
    fn begin(&mut self, header: &Bundle<'a>);
    /// See [`EntrySink::entry`].
    fn entry(&mut self, index: u32, entry: BundleEntry<'a>, cx: &mut Cx<'a>);
    /// Where another reader took an entry to start (the byte offset of its
    /// first byte), `u32::MAX` when none; asked once, after `begin`.
    fn resume_point(&self) -> u32;
    /// The reader is at the resume point, an entry (number `index`) starting
    /// there: the entries read apart from there to the end of the array, if
    /// the sink takes them (`None`: the reader reads them itself).
    fn join(&mut self, index: u32, cx: &mut Cx<'a>) -> Option<Joined>;
    /// The reader went past the resume point without an entry starting
    /// there, or ended the array before it: what is read apart is not
    /// wanted.
    fn passed(&mut self);
}

/// The entries a sink took from another reader ([`Join::join`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Joined {
    /// Just after the `]` closing the array.
    pub(crate) end: u32,
    /// Items read (entries or not).
    pub(crate) items: u32,
}

/// An [`EntrySink`] that takes nothing read apart.
struct Alone<'s, S: ?Sized>(&'s mut S);

impl<'a, S: EntrySink<'a> + ?Sized> Join<'a> for Alone<'_, S> {
    fn begin(&mut self, header: &Bundle<'a>) {
        self.0.begin(header);
    }
    #[inline(always)]
    fn entry(&mut self, index: u32, entry: BundleEntry<'a>, cx: &mut Cx<'a>) {
        self.0.entry(index, entry, cx);
    }
    fn resume_point(&self) -> u32 {
        u32::MAX
    }
    fn join(&mut self, _index: u32, _cx: &mut Cx<'a>) -> Option<Joined> {
        None
    }
    fn passed(&mut self) {}
}

/// Reads the item at the reader (an entry) and hands it to the sink.
#[inline(always)]
fn read_entry<'a, S: Join<'a> + ?Sized>(
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
    index: u32,
    kind: Kind,
    sink: &mut S,
) -> Result<(), JsonError> {
    // Filled where it is handed over: an entry is large, and going through
    // `read_value` moved it twice more.
    if kind == Kind::Object {
        let mut e = BundleEntry::default();
        e.fill(r, cx)?;
        sink.entry(index, e, cx);
    } else if let Some(e) = read_value::<BundleEntry<'a>>(r, cx, None)? {
        sink.entry(index, e, cx);
    }
    Ok(())
}

/// Reads the entries of a Bundle from the one starting at byte `at` (a
/// `{` or any value, inside the `entry` array at nesting depth 2) to the
/// end of the array, handing them to `sink` numbered from 0, while another
/// reader reads the entries before `at`; `Ok(None)` when `stop` is set
/// before the end.
pub(crate) fn read_entries_apart<'a, S: Join<'a> + ?Sized>(
    src: &'a str,
    at: u32,
    cx: &mut Cx<'a>,
    sink: &mut S,
    stop: &std::sync::atomic::AtomicBool,
) -> Result<Option<Joined>, JsonError> {
    // Depth 2: inside the Bundle object and its `entry` array.
    let (mut r, mut arr) = Reader::inside_array(src, at as usize, 2);
    let mut items = 0u32;
    while let Some(index) = r.next_item(&mut arr)? {
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            return Ok(None);
        }
        items += 1;
        let kind = r.peek()?;
        read_entry(&mut r, cx, index, kind, sink)?;
    }
    Ok(Some(Joined { end: r.pos32(), items }))
}

fn read_entries<'a, S: Join<'a> + ?Sized>(
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
    out: &mut Bundle<'a>,
    sink: &mut S,
) -> Result<(), JsonError> {
    match r.peek()? {
        Kind::Array => {
            let mut arr = r.array()?;
            let start = arr.start();
            let resume = sink.resume_point();
            let mut joined = false;
            while let Some(index) = r.next_item(&mut arr)? {
                out.entry_count += 1;
                let kind = r.peek()?;
                if r.pos32() >= resume && !joined {
                    joined = true;
                    if r.pos32() == resume
                        && let Some(j) = sink.join(index, cx)
                    {
                        // `join` gives an end past the resume point, in the input.
                        let moved = r.leave_array_at(j.end as usize);
                        debug_assert!(moved, "joined entries end at {}", j.end);
                        out.entry_count += j.items.saturating_sub(1);
                        break;
                    }
                    sink.passed();
                }
                read_entry(r, cx, index, kind, sink)?;
            }
            if !joined && resume != u32::MAX {
                sink.passed();
            }
            let span = Span::new(start, r.pos32());
            out.entry_span = Some(span);
            if out.entry_count == 0 {
                cx.note(NoteKind::EmptyArray, span);
            }
        }
        found => {
            sink.passed();
            let span = r.skip_value()?;
            out.entry_span = Some(span);
            cx.note(
                if found == Kind::Null {
                    NoteKind::Null
                } else {
                    NoteKind::WrongType { expected: Kind::Array, found, cardinality: true }
                },
                span,
            );
        }
    }
    Ok(())
}

impl<'a> FromJson<'a> for Bundle<'a> {
    const EXPECTED: Kind = Kind::Object;

    fn read(r: &mut Reader<'a>, cx: &mut Cx<'a>) -> Result<Option<Self>, JsonError> {
        let mut entries = Vec::new();
        let mut bundle =
            Bundle::stream(r, cx, &mut |_: u32, e: BundleEntry<'a>, _: &mut Cx| entries.push(e))?;
        bundle.entry = entries;
        Ok(Some(bundle))
    }
}

impl Serialize for Bundle<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("resourceType", "Bundle")?;
        if let Some(v) = &self.id {
            map.serialize_entry("id", v)?;
        }
        if let Some(v) = &self.meta {
            map.serialize_entry("meta", v)?;
        }
        if let Some(v) = &self.implicit_rules {
            map.serialize_entry("implicitRules", v)?;
        }
        if let Some(v) = &self.language {
            map.serialize_entry("language", v)?;
        }
        if let Some(v) = &self.identifier {
            map.serialize_entry("identifier", v)?;
        }
        if let Some(v) = &self.type_ {
            map.serialize_entry("type", v)?;
        }
        if let Some(v) = &self.timestamp {
            map.serialize_entry("timestamp", v)?;
        }
        if let Some(v) = &self.total {
            map.serialize_entry("total", v)?;
        }
        if !self.link.is_empty() {
            map.serialize_entry("link", &self.link)?;
        }
        if !self.entry.is_empty() {
            map.serialize_entry("entry", &self.entry)?;
        }
        ser::write_extras(&mut map, &self.extras)?;
        map.end()
    }
}
