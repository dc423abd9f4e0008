//! What the invariants ask of an [`ObjectView`] (FHIRPath's `exists()`,
//! `hasValue()`, `value[x]`), and a view read from JSON text.

use super::{Child, ObjectView, Verdict};
use crate::json::{JsonError, Kind, Reader, Span, Str};

impl<'a> ObjectView<'_, 'a> {
    /// FHIRPath `name.exists()`: the value, or its `_name` (a primitive
    /// carrying only an id or extensions still exists).
    ///
    /// ```
    /// use fr_fhir_core::conformance::invariants::{Child, ObjectView};
    /// use fr_fhir_core::json::{Kind, Span};
    /// let ext = Child { name: "_name", span: Span::new(1, 9), kind: Kind::Object,
    ///     text: None, count: 1, inner: vec!["extension"] };
    /// let children = [ext];
    /// let view = ObjectView { span: Span::new(0, 10), children: &children, resource: None };
    /// assert!(view.exists("name") && !view.has_value("name"));
    /// ```
    pub fn exists(&self, name: &str) -> bool {
        self.children
            .iter()
            .any(|c| c.count > 0 && (c.name == name || c.name.strip_prefix('_') == Some(name)))
    }

    /// FHIRPath `name.hasValue()`: a scalar value (not only `_name`).
    pub fn has_value(&self, name: &str) -> bool {
        self.text(name).is_some()
    }

    /// The scalar value of `name` (decoded string, or the raw number or
    /// boolean token).
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|c| c.text.as_deref())
    }

    /// Span of the child `name`, or of the object when it is absent.
    pub fn span_of(&self, name: &str) -> Span {
        self.get(name).map_or(self.span, |c| c.span)
    }

    /// The `value[x]` child (`valueString`, `_valueCode`...), if any.
    pub fn value_x(&self) -> Option<&Child<'a>> {
        self.children.iter().find(|c| c.count > 0 && is_value_x(c.name))
    }

    /// True when the first object of `name` has the grandchild `inner` (or
    /// its `_inner`).
    pub fn inner_has(&self, name: &str, inner: &str) -> bool {
        self.get(name).is_some_and(|c| {
            c.count > 0 && c.inner.iter().any(|n| *n == inner || n.strip_prefix('_') == Some(inner))
        })
    }
}

/// `valueX` or `_valueX` with `X` an upper-case letter (a choice type name).
pub(super) fn is_value_x(name: &str) -> bool {
    let name = name.strip_prefix('_').unwrap_or(name);
    name.strip_prefix("value")
        .and_then(|t| t.bytes().next())
        .is_some_and(|b| b.is_ascii_uppercase())
}

/// A failed invariant.
pub(super) fn fails(span: Span, fr: String, en: String) -> Verdict {
    Verdict::Fails { span, fr, en }
}

/// Holds when `ok`, else fails as `fail` says.
pub(super) fn holds_if(ok: bool, fail: impl FnOnce() -> Verdict) -> Verdict {
    if ok { Verdict::Holds } else { fail() }
}

/// Reads the object at byte `pos` of `src` into its span and direct
/// children, as the walker gives them to the invariants. Keys written with
/// escapes are left out (no FHIR name needs one); `inner` holds the keys of
/// the first object of an object or array child.
///
/// ```
/// use fr_fhir_core::conformance::invariants::{evaluate, read_children, ObjectView, Verdict};
/// let src = r#"{"start": "2024-06-12", "end": "2024-06-11"}"#;
/// let (span, children) = read_children(src, 0).unwrap();
/// let view = ObjectView { span, children: &children, resource: None };
/// assert!(matches!(evaluate("per-1", &view), Some(Verdict::Fails { .. })));
/// ```
pub fn read_children(src: &str, pos: usize) -> Result<(Span, Vec<Child<'_>>), JsonError> {
    let mut r = Reader::at(src, pos);
    let mut obj = r.object()?;
    let start = obj.start();
    let mut children = Vec::new();
    while let Some((key, _)) = r.next_key(&mut obj)? {
        let kind = r.peek()?;
        let at = r.pos32();
        let (text, count, inner, span) = match kind {
            Kind::String => {
                let (s, span) = r.string()?;
                (Some(s), 1, Vec::new(), span)
            }
            Kind::Number | Kind::Bool => {
                let (tok, span) = r.raw_value()?;
                (Some(Str::Borrowed(tok)), 1, Vec::new(), span)
            }
            Kind::Null => (None, 0, Vec::new(), r.null()?),
            Kind::Object => {
                let inner = keys_of(&mut r)?;
                (None, 1, inner, Span::new(at, r.pos32()))
            }
            Kind::Array => {
                let mut arr = r.array()?;
                let arr_start = arr.start();
                let (mut count, mut inner) = (0u32, Vec::new());
                while r.next_item(&mut arr)?.is_some() {
                    if count == 0 && r.peek()? == Kind::Object {
                        inner = keys_of(&mut r)?;
                    } else {
                        r.skip_value()?;
                    }
                    count = count.saturating_add(1);
                }
                (None, count, inner, Span::new(arr_start, r.pos32()))
            }
        };
        if let Str::Borrowed(name) = key {
            children.push(Child { name, span, kind, text, count, inner });
        }
    }
    Ok((Span::new(start, r.pos32()), children))
}

/// The keys of the object at the reader, which is left after it.
fn keys_of<'a>(r: &mut Reader<'a>) -> Result<Vec<&'a str>, JsonError> {
    let mut obj = r.object()?;
    let mut keys = Vec::new();
    while let Some((key, _)) = r.next_key(&mut obj)? {
        r.skip_value()?;
        if let Str::Borrowed(k) = key {
            keys.push(k);
        }
    }
    Ok(keys)
}
