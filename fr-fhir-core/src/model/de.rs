//! Reading typed models from the [`Reader`]: the `FromJson` trait, field
//! slots, and the context that records what is odd without stopping.

use super::memo::{EachSpan, Memo, Moved, Remember, Shift, keep_in, recall_in};
use crate::json::{JsonError, Kind, Reader, Span, Str};

/// Something odd in the JSON that does not stop the parse. Validation turns
/// notes into findings (RO1-JSON-001, RO1-FHIR-001/002/003).
///
/// ```
/// use fr_fhir_core::model::{parse_resource, NoteKind};
/// let (_, cx) = parse_resource(r#"{"resourceType":"Slot","status":"free","foo":1}"#)?;
/// assert!(matches!(&cx.notes[0].kind, NoteKind::UnknownElement { name, owner: "Slot" } if name == "foo"));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum NoteKind {
    /// A key that is not an element of the type (and not `_x` of a primitive element).
    UnknownElement {
        /// The key as written.
        name: String,
        /// The FHIR type holding it.
        owner: &'static str,
    },
    /// `null` where FHIR JSON forbids it.
    Null,
    /// `null` inside the array of a primitive element (legal only when the
    /// `_x` sibling keeps the arrays aligned; dropped when it does).
    NullInPrimitiveArray {
        /// The element name.
        name: &'static str,
    },
    /// `""`.
    EmptyString,
    /// `[]`.
    EmptyArray,
    /// `{}`.
    EmptyObject,
    /// The same key twice in one object (the first value is kept).
    DuplicateKey {
        /// The repeated key.
        name: String,
    },
    /// The JSON type is not the one FHIR prescribes for the element.
    WrongType {
        /// What FHIR expects.
        expected: Kind,
        /// What was found.
        found: Kind,
        /// True when a repeating element was given a single value (or the reverse).
        cardinality: bool,
    },
    /// A primitive that breaks its lexical rule.
    Primitive(crate::primitives::PrimitiveError),
    /// `resourceType` names no FHIR R4 resource.
    UnknownResourceType {
        /// As written.
        name: String,
    },
    /// A resource object without `resourceType`.
    MissingResourceType,
    /// `resourceType` is not the type expected at this place.
    ResourceTypeMismatch {
        /// Expected type.
        expected: &'static str,
        /// As written.
        found: String,
    },
}

/// A note and where it applies.
///
/// ```
/// use fr_fhir_core::model::{parse_resource, NoteKind};
/// let src = r#"{"resourceType":"Slot","status":""}"#;
/// let (_, cx) = parse_resource(src)?;
/// let note = &cx.notes[0];
/// assert_eq!(note.kind, NoteKind::EmptyString);
/// assert_eq!(note.span.slice(src), Some("\"\""));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// What is odd.
    pub kind: NoteKind,
    /// The value concerned (for unknown elements and duplicates: the value of the key).
    pub span: Span,
}

/// Parse context: the notes, bounded so hostile input cannot exhaust memory
/// (a million notes, far beyond any real response; the rest are counted).
///
/// ```
/// use fr_fhir_core::json::Reader;
/// use fr_fhir_core::model::{de::read_value, Cx, Slot};
/// let mut cx = Cx::with_max_notes(1);
/// let src = r#"{"a":1,"b":2}"#;
/// let slot = read_value::<Slot<'_>>(&mut Reader::new(src), &mut cx, None)?;
/// assert!(slot.is_some());
/// assert_eq!((cx.notes.len(), cx.dropped), (1, 1));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
///
/// It also remembers the small objects read clean (`model::memo`), so that a
/// searchset's thousands of equal `meta`, `serviceType` or `search` objects
/// are read once; it borrows them from the input, hence its lifetime.
#[derive(Debug, Clone)]
pub struct Cx<'a> {
    /// Recorded notes, in document order.
    pub notes: Vec<Note>,
    /// How many notes were dropped beyond [`Cx::max_notes`].
    pub dropped: u64,
    /// The cap on recorded notes.
    pub max_notes: usize,
    /// Notes raised so far, recorded or not: it only grows (legal nulls
    /// removed by [`Cx::finish_object`] included), so that the memo's "read
    /// without a note" test cannot be fooled by a removal that makes up for a
    /// note counted past the cap.
    raised: u64,
    /// The most notes recorded at once (a legal null's note is removed when
    /// its object ends): what the cap was measured against.
    peak: usize,
    memo: Memo<'a>,
}

impl Default for Cx<'_> {
    fn default() -> Self {
        Cx {
            notes: Vec::new(),
            dropped: 0,
            max_notes: 1_000_000,
            raised: 0,
            peak: 0,
            memo: Memo::default(),
        }
    }
}

impl<'a> Cx<'a> {
    /// A context that records at most `max_notes` notes (the rest are counted).
    ///
    /// ```
    /// use fr_fhir_core::model::Cx;
    /// assert_eq!(Cx::with_max_notes(3).max_notes, 3);
    /// ```
    pub fn with_max_notes(max_notes: usize) -> Self {
        Cx { max_notes, ..Cx::default() }
    }

    /// A context that reads every object, remembering none (for tests and
    /// measurements that compare the two readings).
    ///
    /// ```
    /// use fr_fhir_core::json::Reader;
    /// use fr_fhir_core::model::{de::read_value, Cx, Meta};
    /// let mut cx = Cx::without_memo();
    /// let meta = read_value::<Meta<'_>>(&mut Reader::new(r#"{"profile":["http://p"]}"#), &mut cx, None)?;
    /// assert_eq!(meta.map(|m| m.profile.len()), Some(1));
    /// # Ok::<(), fr_fhir_core::json::JsonError>(())
    /// ```
    pub fn without_memo() -> Self {
        Cx { memo: Memo::off(), ..Cx::default() }
    }

    /// The notes, without what the context borrows from the input (the
    /// objects it remembers), so that they outlive it.
    ///
    /// ```
    /// use fr_fhir_core::model::{parse_resource, Cx};
    /// let notes: Cx<'static> = {
    ///     let src = String::from(r#"{"resourceType":"Slot","status":""}"#);
    ///     parse_resource(&src)?.1.detach()
    /// };
    /// assert_eq!(notes.notes.len(), 1);
    /// # Ok::<(), fr_fhir_core::json::JsonError>(())
    /// ```
    pub fn detach(self) -> Cx<'static> {
        Cx {
            notes: self.notes,
            dropped: self.dropped,
            max_notes: self.max_notes,
            raised: self.raised,
            peak: self.peak,
            memo: Memo::default(),
        }
    }

    /// The object at the reader (its kind already peeked: an object), if
    /// one equal to it was read clean before: the reader steps over it.
    #[inline(always)]
    pub(crate) fn recall<T: Remember<'a>>(&mut self, r: &mut Reader<'a>) -> Option<T> {
        recall_in(T::ways(&mut self.memo)?, r)
    }

    /// Remembers `value`, just read from `start` (with `levels` of nesting
    /// left there) to the reader's position, when reading it raised no note
    /// (`noted`: [`Cx::noted`] before).
    #[inline(always)]
    pub(crate) fn remember<T: Remember<'a>>(
        &mut self,
        r: &Reader<'a>,
        (start, levels, noted): (usize, u32, u64),
        value: &T,
    ) {
        if self.noted() != noted {
            return;
        }
        if let Some(ways) = T::ways(&mut self.memo) {
            keep_in(ways, r, start, levels, value);
        }
    }

    /// The array at the reader (its kind already peeked: an array), if one
    /// equal to it was read clean before: the reader steps over it.
    #[inline(always)]
    pub(crate) fn recall_array<T: Remember<'a>>(&mut self, r: &mut Reader<'a>) -> Option<Vec<T>> {
        recall_in(T::array_ways(&mut self.memo)?, r)
    }

    /// [`Cx::remember`] for an array of `T` just read.
    #[inline(always)]
    pub(crate) fn remember_array<T: Remember<'a>>(
        &mut self,
        r: &Reader<'a>,
        (start, levels, noted): (usize, u32, u64),
        items: &Vec<T>,
    ) {
        if self.noted() != noted {
            return;
        }
        if let Some(ways) = T::array_ways(&mut self.memo) {
            keep_in(ways, r, start, levels, items);
        }
    }

    /// True when arrays of `T` may be recalled whole (the memo is on and
    /// keeps them).
    #[inline(always)]
    pub(crate) fn remembers_arrays<T: Remember<'a>>(&mut self) -> bool {
        T::array_ways(&mut self.memo).is_some()
    }

    #[cfg(test)]
    pub(crate) fn memo(&mut self) -> &mut Memo<'a> {
        &mut self.memo
    }

    /// Notes raised so far: an object read without changing it raised none.
    #[inline]
    pub(crate) fn noted(&self) -> u64 {
        self.raised
    }

    /// Records a note (or counts it when the cap is reached).
    #[inline]
    pub fn note(&mut self, kind: NoteKind, span: Span) {
        self.raised += 1;
        if self.notes.len() < self.max_notes {
            self.notes.push(Note { kind, span });
            self.peak = self.peak.max(self.notes.len());
        } else {
            self.dropped += 1;
        }
    }

    /// Whether the notes of `part` (what was read after all of this
    /// context's notes, on another thread) can follow these as if read
    /// here: neither context reached the cap, nor would these with the
    /// most the part held at once (notes are removed as well as added: a
    /// note the cap refused here, at the part's peak, would be counted as
    /// dropped even if the part ends with fewer).
    pub(crate) fn can_take(&self, part: &Cx<'_>) -> bool {
        self.dropped == 0
            && part.dropped == 0
            && self.notes.len().saturating_add(part.peak) <= self.max_notes
    }

    /// Takes the notes of `part` ([`Cx::can_take`]), after these.
    pub(crate) fn take_notes(&mut self, part: Cx<'_>) {
        self.raised += part.raised;
        self.peak = self.peak.max(self.notes.len().saturating_add(part.peak));
        self.notes.extend(part.notes);
    }

    /// Position in the note list, to revisit the notes of one object.
    pub fn mark(&self) -> usize {
        self.notes.len()
    }

    /// Object finished: nulls in a primitive array are legal when the
    /// `_name` sibling exists (FHIR JSON keeps the two arrays aligned).
    pub fn finish_object(&mut self, mark: usize, extras: &Extras<'_>) {
        let prim_ext = extras.prim_ext();
        if prim_ext.is_empty() || self.notes.len() <= mark {
            return;
        }
        let mut i = mark;
        while i < self.notes.len() {
            let legal = match self.notes.get(i).map(|n| &n.kind) {
                Some(NoteKind::NullInPrimitiveArray { name }) => {
                    prim_ext.iter().any(|p| p.name == *name)
                }
                _ => false,
            };
            if legal {
                self.notes.remove(i);
            } else {
                i += 1;
            }
        }
    }
}

/// A type that reads itself from the reader.
///
/// `read` is called when the next value has the right JSON kind;
/// [`read_value`] handles `null` and wrong kinds.
///
/// ```
/// use fr_fhir_core::json::{Kind, Reader};
/// use fr_fhir_core::model::{de::FromJson, Coding, Cx};
/// assert_eq!(<Coding<'_> as FromJson<'_>>::EXPECTED, Kind::Object);
/// let mut cx = Cx::default();
/// let coding = Coding::read(&mut Reader::new(r#"{"code":"free"}"#), &mut cx)?.unwrap();
/// assert_eq!(coding.code.unwrap().as_str(), "free");
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
pub trait FromJson<'a>: Sized {
    /// The JSON kind of this type's values.
    const EXPECTED: Kind;
    /// True for FHIR primitive types (they may have `_x` siblings).
    const PRIMITIVE: bool = false;
    /// Reads one value. `Ok(None)` when it was unusable (a note was recorded).
    fn read(r: &mut Reader<'a>, cx: &mut Cx<'a>) -> Result<Option<Self>, JsonError>;

    /// Reads one value into a new box (large models override it to fill the
    /// box in place instead of moving the value into it).
    fn read_boxed(r: &mut Reader<'a>, cx: &mut Cx<'a>) -> Result<Option<Box<Self>>, JsonError> {
        Ok(Self::read(r, cx)?.map(Box::new))
    }

    /// Reads one value and appends it to `out` (models override it to fill
    /// the new item in place).
    fn read_push(
        out: &mut Vec<Self>,
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
        in_array_of: Option<&'static str>,
    ) -> Result<(), JsonError> {
        if let Some(v) = read_value(r, cx, in_array_of)? {
            out.push(v);
        }
        Ok(())
    }

    /// Reads the items of the array at the reader (its kind already
    /// peeked) into `out`, empty. Every `fhir_type!` model overrides it; those
    /// with a memo for their arrays (`CodeableConcept`) recall a repeated
    /// array whole, the others read the items as the default does.
    fn read_array(
        out: &mut Vec<Self>,
        name: &'static str,
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
    ) -> Result<(), JsonError> {
        read_items(out, name, r, cx)
    }

    /// Reads one value into an empty slot (models override it to fill in place).
    fn read_opt(
        out: &mut Option<Self>,
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
    ) -> Result<(), JsonError> {
        *out = read_value(r, cx, None)?;
        Ok(())
    }
}

/// Reads a value of `T`, noting `null` and wrong JSON kinds instead of failing.
#[inline]
pub fn read_value<'a, T: FromJson<'a>>(
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
    in_array_of: Option<&'static str>,
) -> Result<Option<T>, JsonError> {
    let kind = r.peek()?;
    let ok = kind == T::EXPECTED
        || (T::EXPECTED == Kind::Number && kind == Kind::Number)
        || (T::EXPECTED == Kind::Bool && kind == Kind::Bool);
    if ok {
        return T::read(r, cx);
    }
    let span = r.skip_value()?;
    match (kind, in_array_of) {
        (Kind::Null, Some(name)) if T::PRIMITIVE => {
            cx.note(NoteKind::NullInPrimitiveArray { name }, span)
        }
        (Kind::Null, _) => cx.note(NoteKind::Null, span),
        (found, _) => cx.note(
            NoteKind::WrongType { expected: T::EXPECTED, found, cardinality: found == Kind::Array },
            span,
        ),
    }
    Ok(None)
}

/// A struct field: `Option<T>` (0..1) or `Vec<T>` (0..*).
///
/// ```
/// use fr_fhir_core::json::Reader;
/// use fr_fhir_core::model::{de::Field, Code, Cx};
/// let mut r = Reader::new(r#""free""#);
/// let mut status: Option<Code<'_>> = None;
/// status.read_field("status", &mut r, &mut Cx::default())?;
/// assert!(status.is_present());
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
pub trait Field<'a> {
    /// Reads the value of the key just consumed.
    fn read_field(
        &mut self,
        name: &'static str,
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
    ) -> Result<(), JsonError>;
    /// True when the element is present (for serialization).
    fn is_present(&self) -> bool;
}

impl<'a, T: FromJson<'a>> Field<'a> for Option<T> {
    #[inline(always)]
    fn read_field(
        &mut self,
        name: &'static str,
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
    ) -> Result<(), JsonError> {
        if self.is_some() {
            return duplicate(name, r, cx);
        }
        T::read_opt(self, r, cx)
    }

    fn is_present(&self) -> bool {
        self.is_some()
    }
}

impl<'a, T: FromJson<'a>> Field<'a> for Vec<T> {
    fn read_field(
        &mut self,
        name: &'static str,
        r: &mut Reader<'a>,
        cx: &mut Cx<'a>,
    ) -> Result<(), JsonError> {
        if !self.is_empty() {
            return duplicate(name, r, cx);
        }
        match r.peek()? {
            Kind::Array => T::read_array(self, name, r, cx)?,
            Kind::Null => {
                let span = r.null()?;
                cx.note(NoteKind::Null, span);
            }
            found => {
                let span = r.skip_value()?;
                cx.note(
                    NoteKind::WrongType { expected: Kind::Array, found, cardinality: true },
                    span,
                );
            }
        }
        Ok(())
    }

    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

/// The items of the array at the reader, appended to `out` (`[]` noted):
/// what [`FromJson::read_array`] does unless a model overrides it.
pub(crate) fn read_items<'a, T: FromJson<'a>>(
    out: &mut Vec<T>,
    name: &'static str,
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
) -> Result<(), JsonError> {
    let mut arr = r.array()?;
    let start = arr.start();
    let mut n = 0u32;
    while r.next_item(&mut arr)?.is_some() {
        n += 1;
        T::read_push(out, r, cx, Some(name))?;
    }
    if n == 0 {
        cx.note(NoteKind::EmptyArray, Span::new(start, r.pos32()));
    }
    Ok(())
}

/// A repeated key: its value is skipped (the first one is kept). Out of
/// line so that the common path of every field read stays small.
#[cold]
#[inline(never)]
fn duplicate(name: &'static str, r: &mut Reader<'_>, cx: &mut Cx<'_>) -> Result<(), JsonError> {
    let span = r.skip_value()?;
    cx.note(NoteKind::DuplicateKey { name: name.to_string() }, span);
    Ok(())
}

/// An element kept as raw JSON text: a known R4 element this crate does not
/// model, or an unknown one (then a note was recorded too).
///
/// ```
/// use fr_fhir_core::model::{parse_resource, Resource};
/// let src = r#"{"resourceType":"Slot","status":"free","foo":[1, 2]}"#;
/// let Resource::Slot(slot) = parse_resource(src)?.0 else { unreachable!() };
/// let raw = &slot.extras.raw()[0];
/// assert_eq!((raw.name.as_str(), raw.json.as_str()), ("foo", "[1, 2]"));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
#[derive(Debug, Clone)]
pub struct RawElement<'a> {
    /// The key.
    pub name: Str<'a>,
    /// The exact JSON text of the value (borrowed from the input, owned
    /// after [`RawElement::into_owned`]).
    pub json: Str<'a>,
    /// Span of the value.
    pub span: Span,
}

impl RawElement<'_> {
    /// Detaches the element from the input.
    pub fn into_owned(self) -> RawElement<'static> {
        RawElement { name: self.name.into_owned(), json: self.json.into_owned(), span: self.span }
    }
}

/// The texts are compared, whether borrowed or owned.
impl PartialEq for RawElement<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.name.as_str() == other.name.as_str()
            && self.json.as_str() == other.json.as_str()
            && self.span == other.span
    }
}

impl Eq for RawElement<'_> {}

impl super::IntoOwned for RawElement<'_> {
    type Owned = RawElement<'static>;
    fn into_owned(self) -> Self::Owned {
        RawElement::into_owned(self)
    }
}

/// What a model keeps besides its modeled elements: raw elements and `_x`
/// siblings. Boxed and usually absent, so it costs one word per element.
///
/// ```
/// use fr_fhir_core::model::{Extras, Slot};
/// assert!(Slot::default().extras.raw().is_empty());
/// assert_eq!(std::mem::size_of::<Extras<'_>>(), std::mem::size_of::<usize>());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras<'a>(Option<Box<ExtrasData<'a>>>);

/// Content of [`Extras`].
///
/// ```
/// use fr_fhir_core::json::Str;
/// use fr_fhir_core::model::{Extras, RawElement};
/// let mut extras = Extras::default();
/// let raw = RawElement { name: Str::from("foo"), json: Str::from("1"), span: Default::default() };
/// extras.data_mut().raw.push(raw);
/// assert_eq!(extras.raw().len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtrasData<'a> {
    /// Elements kept as raw JSON: known R4 elements not modeled here, and unknown ones.
    pub raw: Vec<RawElement<'a>>,
    /// `_x` siblings of primitive elements (id and extensions of a primitive).
    pub prim_ext: Vec<super::PrimExt<'a>>,
}

impl EachSpan for RawElement<'_> {
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.span.each_span(f);
    }
}

impl Moved for RawElement<'_> {
    fn moved(&self, by: Shift) -> Self {
        RawElement { name: self.name.clone(), json: self.json.clone(), span: by.span(self.span) }
    }
}

impl Moved for Extras<'_> {
    // Almost always absent: no call for that.
    #[inline(always)]
    fn moved(&self, by: Shift) -> Self {
        match self.0.as_deref() {
            None => Extras(None),
            Some(data) => Extras(Some(data.moved(by))),
        }
    }
}

impl ExtrasData<'_> {
    #[inline(never)]
    fn moved(&self, by: Shift) -> Box<Self> {
        Box::new(ExtrasData { raw: self.raw.moved(by), prim_ext: self.prim_ext.moved(by) })
    }
}

impl EachSpan for Extras<'_> {
    #[inline]
    fn each_span<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        if let Some(data) = self.0.as_deref_mut() {
            data.raw.each_span(f);
            data.prim_ext.each_span(f);
        }
    }
}

impl<'a> Extras<'a> {
    /// Raw elements.
    pub fn raw(&self) -> &[RawElement<'a>] {
        self.0.as_ref().map(|d| d.raw.as_slice()).unwrap_or_default()
    }

    /// `_x` siblings.
    pub fn prim_ext(&self) -> &[super::PrimExt<'a>] {
        self.0.as_ref().map(|d| d.prim_ext.as_slice()).unwrap_or_default()
    }

    /// Mutable content (allocated on first use).
    pub fn data_mut(&mut self) -> &mut ExtrasData<'a> {
        self.0.get_or_insert_with(Box::default)
    }

    /// Detaches the raw elements and `_x` siblings from the input.
    pub fn into_owned(self) -> Extras<'static> {
        Extras(self.0.map(|d| {
            Box::new(ExtrasData {
                raw: super::IntoOwned::into_owned(d.raw),
                prim_ext: super::IntoOwned::into_owned(d.prim_ext),
            })
        }))
    }
}

impl super::IntoOwned for Extras<'_> {
    type Owned = Extras<'static>;
    fn into_owned(self) -> Self::Owned {
        Extras::into_owned(self)
    }
}

/// Reads a key that is not a modeled field: `_x` primitive extensions,
/// known-but-unmodeled R4 elements, or unknown elements.
pub fn read_other<'a>(
    key: Str<'a>,
    owner: &'static str,
    primitive_fields: &[&'static str],
    known: &[&'static str],
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
    extras: &mut Extras<'a>,
) -> Result<(), JsonError> {
    if let Some(base) = key.strip_prefix('_')
        && let Some(&name) = primitive_fields.iter().find(|f| **f == base)
    {
        if extras.prim_ext().iter().any(|p| p.name == name) {
            let span = r.skip_value()?;
            cx.note(NoteKind::DuplicateKey { name: key.to_string() }, span);
        } else if let Some(p) = super::PrimExt::read(name, r, cx)? {
            extras.data_mut().prim_ext.push(p);
        }
        return Ok(());
    }
    let (json, span) = r.raw_value()?;
    if !known.iter().any(|k| **k == *key) {
        if extras.raw().iter().any(|e| e.name == key) {
            cx.note(NoteKind::DuplicateKey { name: key.to_string() }, span);
        } else {
            cx.note(NoteKind::UnknownElement { name: key.to_string(), owner }, span);
        }
    }
    extras.data_mut().raw.push(RawElement { name: key, json: Str::Borrowed(json), span });
    Ok(())
}

impl<'a, T: FromJson<'a>> FromJson<'a> for Box<T> {
    const EXPECTED: Kind = T::EXPECTED;
    const PRIMITIVE: bool = T::PRIMITIVE;
    fn read(r: &mut Reader<'a>, cx: &mut Cx<'a>) -> Result<Option<Self>, JsonError> {
        T::read_boxed(r, cx)
    }
}

/// Every span of a resource's model (nested values and primitives included),
/// in a fixed order: what tests compare when two readings of one text must
/// agree on every location (with and without [`Cx::without_memo`]).
///
/// ```
/// use fr_fhir_core::model::{de::spans_of, parse_resource};
/// let src = r#"{"resourceType":"Slot","status":"free"}"#;
/// let spans = spans_of(&parse_resource(src)?.0);
/// assert!(spans.iter().any(|s| s.slice(src) == Some("\"free\"")));
/// # Ok::<(), fr_fhir_core::json::JsonError>(())
/// ```
pub fn spans_of(res: &super::Resource<'_>) -> Vec<Span> {
    let mut all = Vec::new();
    res.clone().each_span(&mut |s: &mut Span| all.push(*s));
    all
}
