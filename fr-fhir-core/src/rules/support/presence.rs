//! Is an element there? What a rule reports for a missing element must not
//! repeat what reading the JSON already reported (a wrong type, a null).

use crate::finding::{Finding, Message, RuleMeta, Severity};
use crate::json::{Kind, Reader, Span};
use crate::rules::{Emitter, Scope};

/// True when `key` is written in the JSON object at `obj` with a non-null
/// value the model could not keep (wrong JSON type, already reported by
/// RO1-FHIR-001): such an element is not reported a second time as missing.
/// Runs only on the error path (the element is absent from the model).
pub(crate) fn written(src: &str, obj: Span, key: &str) -> bool {
    if obj.is_empty() {
        return false;
    }
    let mut r = Reader::at(src, obj.start as usize);
    let Ok(mut o) = r.object() else { return false };
    while let Ok(Some((k, _))) = r.next_key(&mut o) {
        if &*k == key {
            return !matches!(r.peek(), Ok(Kind::Null) | Err(_));
        }
        if r.skip_value().is_err() {
            return false;
        }
    }
    false
}

/// Reports `child` of `parent` as missing, unless it is written with a wrong
/// JSON type.
#[allow(clippy::too_many_arguments)]
pub(crate) fn missing(
    em: &mut Emitter<'_>,
    src: &str,
    scope: Scope,
    rule: &'static RuleMeta,
    severity: Option<Severity>,
    parent: Span,
    child: &'static str,
    fr: String,
    en: String,
) {
    if !em.is_clean(parent) && written(src, parent, child) {
        return;
    }
    let f = Finding::missing(rule, parent, child, Message::new(fr, en));
    em.push(scope, f.with_severity(severity.unwrap_or(rule.severity)));
}

/// True when the object at `obj` has the member `key`, whatever its value.
/// Models drop a value of the wrong JSON type (RO1-FHIR-001 reports it), so
/// rules about an absent element ask the text before saying "missing".
/// `skip` is a member value jumped over without reading it (the entry array
/// of a Bundle). Reads only the keys of that one object.
///
/// ```
/// use fr_fhir_core::json::Span;
/// use fr_fhir_core::rules::support::presence::has_key;
/// let src = r#"{"type":"searchset","entry":[{"total":1}],"total":"2"}"#;
/// let whole = Span::new(0, src.len() as u32);
/// let entry = Span::new(src.find('[').unwrap() as u32, src.find(']').unwrap() as u32 + 1);
/// assert!(has_key(src, whole, "total", Some(entry)));
/// assert!(!has_key(src, whole, "link", Some(entry)));
/// ```
pub fn has_key(src: &str, obj: Span, key: &str, skip: Option<Span>) -> bool {
    let mut r = Reader::at(src, obj.start as usize);
    let Ok(mut o) = r.object() else { return false };
    while let Ok(Some((k, _))) = r.next_key(&mut o) {
        if &*k == key {
            return true;
        }
        match skip {
            Some(sp) if r.peek().is_ok() && r.pos32() == sp.start => {
                r = Reader::at(src, sp.end as usize);
            }
            _ => {
                if r.skip_value().is_err() {
                    return false;
                }
            }
        }
    }
    false
}
