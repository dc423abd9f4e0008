//! `--redact`: masks personal data (names, identifiers, phone numbers,
//! addresses) in messages, snippets and URLs.
//!
//! Two nets. The first knows the document: every value of a personal
//! element (`name.family`, `identifier.value`, `telecom.value`,
//! `address.line`...) is cut into words, and those words are masked wherever
//! they appear in a value shown to the user. The second needs no document:
//! any run of eight digits or more (national identifiers, phone numbers,
//! with or without separators) is masked. Masks keep the number of
//! characters, so a caret under a snippet stays in place.

use std::collections::HashSet;

use fr_fhir_core::json::{Arr, Kind, Obj, Reader};

/// Values longer than this are not personal data a rule quotes; skipping
/// them bounds the work on hostile inputs.
const MAX_VALUE: usize = 1024;

/// The mask character.
const MASK: char = '*';

/// The words to mask, lower-cased.
#[derive(Debug, Default, Clone)]
pub(crate) struct Redactor {
    words: HashSet<String>,
}

/// Elements whose string values are personal data wherever they sit.
const PERSONAL: &[&str] = &[
    "family",
    "given",
    "prefix",
    "suffix",
    "name",
    "alias",
    "line",
    "city",
    "district",
    "state",
    "postalCode",
];

fn is_personal(key: Option<&str>, parent: Option<&str>) -> bool {
    match (key, parent) {
        (Some(k), _) if PERSONAL.contains(&k) => true,
        (Some("text"), Some("name" | "address")) => true,
        (Some("value"), Some("identifier" | "telecom")) => true,
        // A reference's display names its target; a coding's, a code.
        (Some("display"), Some(p)) => p != "coding" && !p.starts_with("value"),
        _ => false,
    }
}

enum Container {
    Obj(Obj),
    Arr(Arr),
}

struct Frame {
    c: Container,
    /// The key this container sits under (arrays are transparent).
    key: Option<String>,
    /// The key of the object holding it.
    parent: Option<String>,
}

impl Redactor {
    /// Learns the personal values of a JSON document. A syntax error stops
    /// the walk: what was learnt until then is kept.
    pub fn learn_json(&mut self, src: &str) {
        let mut r = Reader::new(src);
        let mut stack: Vec<Frame> = Vec::new();
        let mut next: Option<(Option<String>, Option<String>)> = Some((None, None));
        loop {
            if let Some((key, parent)) = next.take() {
                let Ok(kind) = r.peek() else { return };
                let ok = match kind {
                    Kind::Object => r.object().map(|o| {
                        stack.push(Frame { c: Container::Obj(o), key: key.clone(), parent })
                    }),
                    Kind::Array => r.array().map(|a| {
                        stack.push(Frame { c: Container::Arr(a), key: key.clone(), parent })
                    }),
                    Kind::String => r.string().map(|(s, span)| {
                        if is_personal(key.as_deref(), parent.as_deref()) && s.len() <= MAX_VALUE {
                            self.learn(&s);
                            // Escaped forms (`\u00e9`) show as such in snippets.
                            if let Some(raw) = span.slice(src) {
                                self.learn(raw);
                            }
                        }
                    }),
                    _ => r.skip_value().map(|_| ()),
                };
                if ok.is_err() {
                    return;
                }
            }
            let Some(top) = stack.last_mut() else { return };
            let step = match &mut top.c {
                Container::Obj(o) => {
                    r.next_key(o).map(|k| k.map(|(k, _)| (Some(k.to_string()), top.key.clone())))
                }
                Container::Arr(a) => {
                    r.next_item(a).map(|i| i.map(|_| (top.key.clone(), top.parent.clone())))
                }
            };
            match step {
                Ok(Some(ctx)) => next = Some(ctx),
                Ok(None) => {
                    stack.pop();
                }
                Err(_) => return,
            }
        }
    }

    /// Learns the words of one personal value.
    pub fn learn(&mut self, value: &str) {
        for w in words(value) {
            let text = w.1;
            let chars = text.chars().count();
            let digits_only = text.chars().all(|c| c.is_ascii_digit());
            // Short numbers (house numbers, phone digit pairs) also appear
            // in dates and counts: the digit-run net handles numbers.
            if chars >= 2 && !(digits_only && chars < 4) {
                self.words.insert(text.to_lowercase());
            }
        }
    }

    /// True when nothing was learnt.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Masks a value shown as is (snippet, URL): every learnt word and every
    /// long digit run.
    pub fn code(&self, s: &str) -> String {
        let masked = self.mask_words(s, |_| true);
        mask_digit_runs(&masked)
    }

    /// Masks a message: inside backtick quotes as [`Self::code`]; in the prose
    /// around them only learnt words with a capital or a digit (the rules'
    /// own words are lower-case, names are not).
    pub fn message(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for (i, part) in s.split('`').enumerate() {
            if i > 0 {
                out.push('`');
            }
            if i % 2 == 1 {
                let mut m = self.code(part);
                // `quote()` cuts long values with an ellipsis: the last word
                // may be a fragment of a personal value (a name, a number).
                if let Some(stem) = m.strip_suffix('\u{2026}') {
                    m = mask_last_word(stem) + "\u{2026}";
                }
                out.push_str(&m);
            } else {
                let m = self.mask_words(part, |w| {
                    w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
                });
                out.push_str(&mask_digit_runs(&m));
            }
        }
        out
    }

    fn mask_words(&self, s: &str, eligible: impl Fn(&str) -> bool) -> String {
        if self.words.is_empty() {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        let mut last = 0;
        for (start, w) in words(s) {
            if eligible(w) && self.words.contains(&w.to_lowercase()) {
                out.push_str(s.get(last..start).unwrap_or_default());
                out.extend(std::iter::repeat_n(MASK, w.chars().count()));
                last = start + w.len();
            }
        }
        out.push_str(s.get(last..).unwrap_or_default());
        out
    }
}

/// The maximal runs of letters and digits, with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start: Option<usize> = None;
    let mut it = s.char_indices().chain(std::iter::once((s.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in it.by_ref() {
            match (start, c.is_alphanumeric()) {
                (None, true) => start = Some(i),
                (Some(b), false) => {
                    start = None;
                    return s.get(b..i).map(|w| (b, w));
                }
                _ => {}
            }
        }
        None
    })
}

fn mask_last_word(s: &str) -> String {
    match words(s).last() {
        Some((b, w))
            if b + w.len() == s.len()
                && w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) =>
        {
            let mut out = s.get(..b).unwrap_or_default().to_string();
            out.extend(std::iter::repeat_n(MASK, w.chars().count()));
            out
        }
        _ => s.to_string(),
    }
}

/// Masks runs of 8 digits or more, possibly split by single spaces, dots or
/// dashes (`01 23 45 67 89`, `+33.1.23.45.67.89`). Dashes count only between
/// pairs of digits, so that dates (`2026-11-26`) stay readable.
pub fn mask_digit_runs(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut mask = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if !chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
            continue;
        }
        // Groups of digits separated by one separator char.
        let start = i;
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut seps: Vec<char> = Vec::new();
        let mut j = i;
        loop {
            let g = j;
            while chars.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            groups.push((g, j));
            match (chars.get(j), chars.get(j + 1)) {
                (Some(&sep @ (' ' | '.' | '-')), Some(d)) if d.is_ascii_digit() => {
                    seps.push(sep);
                    j += 1;
                }
                _ => break,
            }
        }
        // Dashes only join pairs of digits (phones, not dates): split the
        // run into dash-free stretches otherwise.
        let pairs_only = groups.iter().all(|(a, b)| b - a <= 2);
        let mut stretches = Vec::new();
        let mut from = 0;
        for k in 0..groups.len() {
            let cut = seps.get(k) == Some(&'-') && !pairs_only;
            if cut || k + 1 == groups.len() {
                stretches.push((from, k));
                from = k + 1;
            }
        }
        for (ga, gb) in stretches {
            let stretch = groups.get(ga..=gb).unwrap_or_default();
            let digits: usize = stretch.iter().map(|(a, b)| b - a).sum();
            // Phone numbers have at most one one-digit group (`+33 6 12...`);
            // OIDs (`1.2.250.1.71`) and versions have several.
            let singles = stretch.iter().filter(|(a, b)| b - a == 1).count();
            let whole = digits >= 8 && singles <= 1;
            for &(a, b) in stretch {
                if whole || b - a >= 8 {
                    for m in mask.get_mut(a..b).unwrap_or_default() {
                        *m = true;
                    }
                }
            }
        }
        i = j.max(start + 1);
    }
    chars.iter().zip(mask).map(|(c, m)| if m && c.is_ascii_digit() { MASK } else { *c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{"resourceType":"Practitioner",
      "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810104551280"}],
      "name":[{"family":"Lefèvre","given":["Anne-Sophie"]}],
      "telecom":[{"system":"phone","value":"01 23 45 67 89"}],
      "address":[{"line":["12 rue des Lilas"],"city":"Quimper","postalCode":"29000"}],
      "gender":"female"}"#;

    fn learnt() -> Redactor {
        let mut r = Redactor::default();
        r.learn_json(DOC);
        r
    }

    #[test]
    fn learns_personal_elements_only() {
        let r = learnt();
        for w in ["lefèvre", "anne", "sophie", "810104551280", "lilas", "quimper", "29000"] {
            assert!(r.words.contains(w), "{w} not learnt");
        }
        assert!(!r.words.contains("female"));
        assert!(!r.words.contains("phone"));
        assert!(!r.words.contains("12"));
    }

    #[test]
    fn masks_in_code_keep_the_length() {
        let r = learnt();
        let line =
            r#"  "family": "Lefèvre", "city": "Quimper", "start": "2026-11-26T09:12:47.318+01:00""#;
        let m = r.code(line);
        assert_eq!(m.chars().count(), line.chars().count());
        assert!(!m.contains("Lefèvre") && !m.contains("Quimper"));
        assert!(m.contains("2026-11-26T09:12:47.318+01:00"));
    }

    #[test]
    fn messages_keep_the_rules_words() {
        let r = learnt();
        let m = r.message("Le nom `Lefèvre` du praticien Lefèvre, RPPS 810104551280 : clé `…5128`");
        assert_eq!(m, "Le nom `*******` du praticien *******, RPPS ************ : clé `…5128`");
        let cut = r.message("url `https://x.fr/Slot?id=8101045\u{2026}`");
        assert!(!cut.contains("8101045"), "{cut}");
        assert_eq!(
            r.message("bound `start=le\u{2026}` missing"),
            "bound `start=le\u{2026}` missing"
        );
    }

    #[test]
    fn digit_runs_mask_identifiers_and_phones_but_not_dates() {
        assert_eq!(mask_digit_runs("tel 01 23 45 67 89."), "tel ** ** ** ** **.");
        assert_eq!(mask_digit_runs("+33612345678"), "+***********");
        assert_eq!(mask_digit_runs("01-23-45-67-89"), "**-**-**-**-**");
        assert_eq!(
            mask_digit_runs("2026-11-26T09:12:47.318+01:00"),
            "2026-11-26T09:12:47.318+01:00"
        );
        assert_eq!(mask_digit_runs("total 1234567"), "total 1234567");
        assert_eq!(mask_digit_runs("x|810104551280,y"), "x|************,y");
        assert_eq!(mask_digit_runs("20261126-810104551280"), "********-************");
        assert_eq!(mask_digit_runs("+33 6 12 34 56 78"), "+** * ** ** ** **");
        assert_eq!(
            mask_digit_runs("urn:oid:1.2.250.1.71.4.2.1|810104551280"),
            "urn:oid:1.2.250.1.71.4.2.1|************"
        );
    }

    #[test]
    fn broken_documents_keep_what_was_learnt() {
        let mut r = Redactor::default();
        r.learn_json(r#"{"name":[{"family":"Durand"}], "x": tru"#);
        assert!(r.words.contains("durand"));
        let mut deep = Redactor::default();
        deep.learn_json(&"[".repeat(100_000));
        assert!(deep.is_empty());
    }
}
