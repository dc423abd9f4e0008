//! Related information between a knock-on finding and its cause (SPEC §10
//! "Repetition and causes"): the slots reported because their schedule's
//! practitioner was not requested point at that practitioner's identifier,
//! and the diagnostic at that identifier lists the slots it caused. The
//! report does the same by grouping knock-ons under their cause.

use std::collections::HashMap;

use fr_fhir_core::finding::Lang;
use fr_fhir_core::json::{Kind, Reader};
use lsp_types::{DiagnosticRelatedInformation, Location, Range, Uri};

use super::diagnosed::Diagnosed;
use super::position::{LineMap, token_end};
use crate::locale::tr;

/// Knock-ons listed on their cause's diagnostic; the rest are counted.
pub const MAX_KNOCK_ONS: usize = 20;

/// Distinct cause locations looked up in the text: each look-up reads the
/// document up to the cause, so a Bundle with thousands of distinct causes
/// must not make one validation quadratic.
const MAX_LOOKUPS: usize = 64;

/// What [`link`] needs to know of one diagnostic beside the diagnostic.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The FHIRPath of the finding, when it is on an element that exists
    /// (not a missing child: its range is the parent's brace).
    pub expression: Option<String>,
    /// The finding's own message (without the FHIRPath and cause lines).
    pub message: String,
    /// The cause of a knock-on: its message and where it is, when said.
    pub cause: Option<(String, Option<String>)>,
}

/// Adds related information to the diagnostics of one exchange of the
/// document `uri`: each knock-on whose cause can be located points at it,
/// and each diagnostic at a cause's location lists the knock-ons.
/// `body_root`: the text is the body itself, so a cause that no finding
/// sits on can be looked up in it (not inside a HAR capture's string).
pub fn link(
    diags: &mut [Diagnosed],
    facts: &[Facts],
    (uri, text, map): (&Uri, &str, &LineMap<'_>),
    body_root: bool,
    lang: Lang,
) {
    let at_expression: HashMap<&str, Range> = facts
        .iter()
        .zip(diags.iter())
        .filter_map(|(f, d)| Some((f.expression.as_deref()?, d.diagnostic.range)))
        .collect();
    let mut looked_up: HashMap<&str, Option<Range>> = HashMap::new();
    // (cause range, knock-on index)
    let mut knock_ons: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, f) in facts.iter().enumerate() {
        let Some((message, Some(x))) = &f.cause else { continue };
        let range = match at_expression.get(x.as_str()) {
            Some(r) => Some(*r),
            None if body_root => {
                let n = looked_up.len();
                *looked_up.entry(x.as_str()).or_insert_with(|| {
                    let at = (n < MAX_LOOKUPS).then(|| locate(text, x)).flatten()?;
                    Some(Range::new(map.position(at), map.position(token_end(text, at))))
                })
            }
            None => None,
        };
        let Some(range) = range else { continue };
        let Some(d) = diags.get_mut(i).map(|d| &mut d.diagnostic) else { continue };
        d.related_information.get_or_insert_with(Vec::new).push(DiagnosticRelatedInformation {
            location: Location { uri: uri.clone(), range },
            message: format!("{} {message}", tr(lang, "cause :", "caused by:")),
        });
        knock_ons.entry(key(range)).or_default().push(i);
    }
    if knock_ons.is_empty() {
        return;
    }
    // The other way: the diagnostics at a cause list what it caused.
    for j in 0..diags.len() {
        let Some(range) = diags.get(j).map(|d| d.diagnostic.range) else { continue };
        let Some(all) = knock_ons.get(&key(range)) else { continue };
        let mine: Vec<usize> = all.iter().copied().filter(|&i| i != j).collect();
        if mine.is_empty() {
            continue;
        }
        let mut related: Vec<DiagnosticRelatedInformation> = mine
            .iter()
            .take(MAX_KNOCK_ONS)
            .filter_map(|&i| {
                let k = &diags.get(i)?.diagnostic;
                let code = match &k.code {
                    Some(lsp_types::NumberOrString::String(s)) => s.clone(),
                    _ => String::new(),
                };
                let message = facts.get(i).map_or("", |f| f.message.as_str());
                Some(DiagnosticRelatedInformation {
                    location: Location { uri: uri.clone(), range: k.range },
                    message: format!("{} {code} {message}", tr(lang, "conséquence :", "knock-on:")),
                })
            })
            .collect();
        if mine.len() > MAX_KNOCK_ONS {
            let more = mine.len() - MAX_KNOCK_ONS;
            related.push(DiagnosticRelatedInformation {
                location: Location { uri: uri.clone(), range },
                message: format!("{} {more}", tr(lang, "autres conséquences :", "more knock-ons:")),
            });
        }
        if let Some(d) = diags.get_mut(j).map(|d| &mut d.diagnostic) {
            d.related_information.get_or_insert_with(Vec::new).extend(related);
        }
    }
}

/// A range as a map key.
type Key = (u32, u32, u32, u32);

fn key(r: Range) -> Key {
    (r.start.line, r.start.character, r.end.line, r.end.character)
}

/// The byte offset of the value at `expression` (`Bundle.entry[12].resource
/// .identifier[0].value`, as the findings write it) in the JSON `text`;
/// `None` when the text has no such element.
pub fn locate(text: &str, expression: &str) -> Option<usize> {
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut r = Reader::at(text, start);
    // The first name is the resource type of the root.
    for seg in expression.split('.').skip(1) {
        let (name, index) = match seg.split_once('[') {
            Some((n, i)) => (n, Some(i.strip_suffix(']')?.parse::<u32>().ok()?)),
            None => (seg, None),
        };
        let mut obj = r.object().ok()?;
        loop {
            let (key, _) = r.next_key(&mut obj).ok()??;
            if &*key == name {
                break;
            }
            r.skip_value().ok()?;
        }
        match (index, r.peek().ok()?) {
            (Some(i), Kind::Array) => {
                let mut arr = r.array().ok()?;
                while r.next_item(&mut arr).ok()?? != i {
                    r.skip_value().ok()?;
                }
            }
            (Some(0) | None, _) => {}
            (Some(_), _) => return None,
        }
    }
    r.peek().ok()?;
    Some(r.pos())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn expressions_are_located_in_the_body() {
        let text = "\u{feff}{\"resourceType\": \"Bundle\", \"entry\": [{\"x\": 1}, \
                    {\"resource\": {\"identifier\": [{\"value\": \"a\"}, {\"value\": \"é\"}]}}]}";
        let at = locate(text, "Bundle.entry[1].resource.identifier[1].value").unwrap();
        assert_eq!(text.get(at..at + 4), Some("\"é\""));
        assert_eq!(locate(text, "Bundle.entry[2].resource"), None);
        assert_eq!(locate(text, "Bundle.entry[0].x[1]"), None);
        assert_eq!(locate(text, "Bundle.nothing"), None);
        assert_eq!(locate("[1]", "Bundle.entry"), None);
    }
}
