//! Hover on a national identifier's value (`identifier.value` of an IDNPS or
//! IDNST system): its kind and the verdict on its form and check digit.

use fr_fhir_core::finding::Lang;
use fr_fhir_core::ids::{IdError, Idnps, Idnst, OID_IDNPS, OID_IDNST};

use crate::locale::tr;

/// The Markdown verdict on the JSON string at byte `at` of `text` (its
/// opening quote, or inside it), when the object holding it has an IDNPS
/// or IDNST `system`.
pub fn hover(text: &str, at: usize, lang: Lang) -> Option<String> {
    let (start, value) = string_at(text, at)?;
    // The enclosing object: back to the nearest unmatched `{`, forward to
    // the nearest unmatched `}` (identifiers are small flat objects).
    let before = text.get(..start)?;
    let open = unmatched(before.bytes().rev(), b'}', b'{').map(|i| start - i - 1)?;
    let after = text.get(start..)?;
    let close = unmatched(after.bytes(), b'{', b'}').map(|i| start + i)?;
    let object = text.get(open..=close)?;
    let quoted = |oid: &str| object.contains(&format!("\"{oid}\""));
    let (label, verdict) = if quoted(OID_IDNPS) {
        let v = Idnps::parse_form(value).and_then(|id| id.check_key().map(|()| id.kind_name()));
        ("IDNPS", v)
    } else if quoted(OID_IDNST) {
        let v = Idnst::parse_form(value).and_then(|id| id.check_key().map(|()| id.kind_name()));
        ("IDNST", v)
    } else {
        return None;
    };
    Some(match verdict {
        Ok(kind) => format!(
            "**{label}** `{value}`: {kind} — {}",
            tr(
                lang,
                "forme et clé de contrôle (Luhn) correctes",
                "form and check digit (Luhn) correct"
            )
        ),
        Err(e) => format!("**{label}** `{value}`: {}", message(&e, lang)),
    })
}

fn message(e: &IdError, lang: Lang) -> String {
    e.message().get(lang).to_owned()
}

/// Index (in `bytes`' order) of the first `close` not matched by an `open`
/// seen before it.
fn unmatched(bytes: impl Iterator<Item = u8>, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in bytes.enumerate() {
        if b == open {
            depth += 1;
        } else if b == close {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        }
    }
    None
}

/// The JSON string without escapes around byte `at`: its opening quote's
/// offset and its content.
fn string_at(text: &str, at: usize) -> Option<(usize, &str)> {
    let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text.get(at..)?.find('\n').map_or(text.len(), |i| at + i);
    let line = text.get(line_start..line_end)?;
    // The quotes of the line, paired in order: the string holding `at`.
    let quotes: Vec<usize> = line.match_indices('"').map(|(i, _)| line_start + i).collect();
    quotes.chunks(2).find_map(|pair| match pair {
        [a, b] if *a <= at && at <= *b => Some((*a, text.get(a + 1..*b)?)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn identifier_values_are_judged() {
        let text = r#"{"identifier": [{
  "system": "urn:oid:1.2.250.1.71.4.2.1",
  "value": "810002909371"
}, {"system": "urn:oid:1.2.250.1.71.4.2.2", "value": "1810004421"}, {"system": "x", "value": "810002909371"}]}"#;
        let at = |n: usize| text.match_indices("\"8").nth(n).unwrap().0 + 3;
        let h = hover(text, at(0), Lang::En).unwrap();
        assert!(h.starts_with("**IDNPS** `810002909371`: RPPS — form and check digit"), "{h}");
        let st = text.find("\"1810004421\"").unwrap() + 1;
        let h = hover(text, st, Lang::En).unwrap();
        assert!(h.starts_with("**IDNST** `1810004421`: "), "{h}");
        assert!(h.contains("check digit"), "{h}");
        // Another system: nothing to say.
        assert_eq!(hover(text, at(1), Lang::En), None);
        // Not on a string.
        assert_eq!(hover(text, 0, Lang::En), None);
    }
}
