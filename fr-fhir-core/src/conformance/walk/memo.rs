//! Objects the walk found clean, remembered by their bytes.
//!
//! A searchset repeats the same objects thousands of times: every Slot's
//! `meta`, `serviceType`, `appointmentType`, every entry's `search`. What
//! the walk reports about an object depends on the element it is read as
//! and on its bytes alone (when it gathers nothing for an enclosing value
//! and is not a Bundle entry, judged against its Bundle's `type`: see
//! `Run::item`), so an object equal byte for byte to one read as the
//! same element without a finding is clean too, and is stepped over.
//!
//! Equal leading bytes are enough: a JSON object ends where it ends, so a
//! remembered object that is a prefix of the rest of the input is exactly
//! the next value. The comparison stops at the first differing byte; most
//! misses cost a few bytes.
//!
//! Resource roots are remembered apart ([`Roots`]): a root walked clean is
//! equal to the next one but for a few values (a Slot's `id`, `start`,
//! `end`, `comment`) whose text the walk does not read on a root the model
//! reader read clean. Those are left out of the comparison; what the walk
//! reports then depends on the structure, the other bytes and that reading
//! (`Run::top` asks for it before looking a root up).

use super::compile::NodeRef;
use crate::json::{plain_body_len, word_before};

/// Sets of the cache (a power of two: the set is picked by a mask).
const SETS: usize = 256;
/// Objects kept per set, most recent first: a Slot's `specialty` differs
/// between practitioners, whose Slots alternate in some responses.
const WAYS: usize = 4;
/// Objects longer than this are not kept: a long object is rarely repeated
/// whole, and comparing it costs as much as reading it.
const MAX_LEN: usize = 2048;

/// A bounded cache (`SETS` × `WAYS` objects) of clean objects per element.
#[derive(Debug, Default)]
pub(super) struct Memo<'a> {
    /// Per way: the element ([`packed`]; [`EMPTY`]: none), the last eight
    /// bytes of the object (kept, not loaded again per lookup) and the object.
    sets: Vec<[(u64, u64, &'a str); WAYS]>,
    /// Resource roots walked clean ([`Roots`]).
    roots: Roots<'a>,
    /// The validator the objects were read by (by address): node numbers
    /// mean nothing to another one.
    owner: usize,
    /// Never remembers (tests compare the walk with and without).
    off: bool,
}

impl<'a> Memo<'a> {
    /// A memo that never remembers.
    #[cfg(any(test, debug_assertions))]
    pub(super) fn off() -> Self {
        Memo { off: true, ..Memo::default() }
    }

    /// Forgets everything when the walk's validator is not the one the
    /// objects were read by.
    pub(super) fn bind(&mut self, owner: usize) {
        if self.owner != owner {
            self.sets.clear();
            self.roots = Roots::default();
            self.owner = owner;
        }
    }

    /// The length of the clean object of element `node` that `rest` starts
    /// with, if one is remembered.
    #[inline]
    pub(super) fn hit(&self, node: NodeRef, rest: &[u8]) -> Option<usize> {
        let key = packed(node)?;
        let set = self.sets.get(set_of(key))?;
        for &(k, tail, text) in set {
            let len = text.len();
            // The last eight bytes turn most misses away first.
            if k == key && word_before(rest, len) == tail && rest.starts_with(text.as_bytes()) {
                return Some(len);
            }
        }
        None
    }

    /// The length of the resource root of structure `node` that `rest`
    /// starts with, if one like it is remembered clean ([`Roots`]), and its holes.
    #[inline]
    pub(super) fn root_hit(&mut self, node: NodeRef, rest: &[u8]) -> Option<RootHit<'_>> {
        if self.off {
            return None;
        }
        self.roots.hit(node, rest)
    }

    /// Remembers `text`, a resource root walked as structure `node` without
    /// a finding, and its `holes`.
    pub(super) fn keep_root(
        &mut self,
        node: NodeRef,
        text: &'a str,
        holes: &[Hole],
        #[cfg(test)] left: usize,
    ) {
        if !self.off {
            self.roots.keep(
                node,
                text,
                holes,
                #[cfg(test)]
                left,
            );
        }
    }

    /// Remembers `text`, an object read as element `node` without a finding.
    pub(super) fn keep(&mut self, node: NodeRef, text: &'a str) {
        if self.off || text.len() > MAX_LEN {
            return;
        }
        let Some(key) = packed(node) else { return };
        if self.sets.is_empty() {
            self.sets.resize(SETS, [(EMPTY, 0, ""); WAYS]);
        }
        if let Some(set) = self.sets.get_mut(set_of(key)) {
            set.rotate_right(1);
            if let Some(first) = set.first_mut() {
                *first = (key, word_before(text.as_bytes(), text.len()), text);
            }
        }
    }
}

/// An element as one word (one comparison per way): structure and element
/// numbers below 2^24 (far more than any registry holds); `None` beyond,
/// and the object is then neither kept nor looked up.
#[inline]
fn packed(node: NodeRef) -> Option<u64> {
    const LIMIT: u32 = 1 << 24;
    (node.s < LIMIT && node.e < LIMIT)
        .then(|| u64::from(node.s) << 40 | u64::from(node.e) << 16 | u64::from(node.t))
}

/// Resource roots kept (most recent first): a response's Slots come
/// practitioner by practitioner, each practitioner's written one way, and
/// their writings of the same elements alternate in some responses.
const ROOTS: usize = 8;
/// Values of a kept root left out of the comparison, at most.
const MAX_HOLES: usize = 16;

/// A value of a kept root whose bytes may differ: a plain string the model
/// reader checked as the primitive the walk would check it as, and that
/// nothing else in the walk reads ([`Roots`]). Offsets from the root's
/// first byte, the quotes left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hole {
    pub(super) start: u32,
    pub(super) end: u32,
    /// What the reader checked it as (debug builds check the new value too).
    pub(super) kind: crate::primitives::PrimitiveKind,
}

/// One resource root read clean, and the values in it that may differ.
#[derive(Debug)]
struct KeptRoot<'a> {
    key: u64,
    text: &'a str,
    holes: Vec<Hole>,
    /// Tests: values in it whose check the walk left to the reader (holes
    /// or not).
    #[cfg(test)]
    left: usize,
}

/// Resource roots the walk found clean, remembered with their holes.
///
/// Two Slots of one practitioner differ in their `id`, `start`, `end` and
/// `comment`, and in nothing else: what the walk does with each of those
/// values, once the model reader has checked it (`Run::plain_string`), is
/// read it and count it, whatever its text. So a root equal byte for byte
/// to one walked clean as the same structure, apart from the text of such
/// values, is clean too. A hole of the new root must be a plain string
/// (no escape, no control character, not empty: the reader read it as its
/// own text), so that the rest of the comparison stays in step, and the
/// bytes after the last hole end the object where the kept one ended.
#[derive(Debug, Default)]
pub(super) struct Roots<'a> {
    kept: Vec<KeptRoot<'a>>,
    /// The holes of the root last compared.
    found: Vec<Found>,
}

impl<'a> Roots<'a> {
    /// The length of the root of structure `node` that `rest` starts with,
    /// if one is remembered clean; the holes of `rest` (offsets from its
    /// start) with what the reader checked them as.
    fn hit(&mut self, node: NodeRef, rest: &[u8]) -> Option<RootHit<'_>> {
        let key = packed(node)?;
        let mut at_len = None;
        for (at, k) in self.kept.iter().enumerate() {
            if k.key == key
                && let Some(len) =
                    same_but_holes(k.text.as_bytes(), &k.holes, rest, &mut self.found)
            {
                at_len = Some((at, len));
                break;
            }
        }
        let (at, len) = at_len?;
        // Most recent first: the next Slot is most likely the same practitioner's.
        if let Some(s) = self.kept.get_mut(..=at) {
            s.rotate_right(1);
        }
        Some(RootHit {
            len,
            found: &self.found,
            #[cfg(test)]
            left: self.kept.first().map_or(0, |k| k.left),
        })
    }

    /// Remembers `text`, a resource root walked as structure `node` without
    /// a finding, whose `holes` the walk read without looking at them.
    fn keep(&mut self, node: NodeRef, text: &'a str, holes: &[Hole], #[cfg(test)] left: usize) {
        let Some(key) = packed(node) else { return };
        if text.len() > MAX_ROOT_LEN || holes.len() > MAX_HOLES {
            return;
        }
        if self.kept.len() >= ROOTS {
            self.kept.pop();
        }
        self.kept.insert(
            0,
            KeptRoot {
                key,
                text,
                holes: holes.to_vec(),
                #[cfg(test)]
                left,
            },
        );
    }
}

/// A root found like a kept one.
pub(super) struct RootHit<'r> {
    /// Its length.
    pub(super) len: usize,
    /// Its holes.
    pub(super) found: &'r [Found],
    /// Tests: the values of the kept root whose check the walk left to the reader.
    #[cfg(test)]
    pub(super) left: usize,
}

/// A hole of a root found like a kept one: its text's offsets from the
/// root's first byte, and what the reader checked it as.
pub(super) type Found = (usize, usize, crate::primitives::PrimitiveKind);

/// Roots longer than this are not kept (a Slot is under a kilobyte).
const MAX_ROOT_LEN: usize = 8192;

/// The length of the prefix of `rest` equal to `text` outside `holes`, with
/// a plain, non-empty string in each hole (put in `found`); `None` when
/// there is none.
fn same_but_holes(
    text: &[u8],
    holes: &[Hole],
    rest: &[u8],
    found: &mut Vec<Found>,
) -> Option<usize> {
    found.clear();
    let (mut t, mut r) = (0usize, 0usize);
    for h in holes {
        let fixed = text.get(t..h.start as usize)?;
        if !rest.get(r..)?.starts_with(fixed) {
            return None;
        }
        r += fixed.len();
        // The closing quote is the next fixed byte, compared below.
        let len = plain_body_len(rest.get(r..)?).filter(|&n| n > 0)?;
        found.push((r, r + len, h.kind));
        r += len;
        t = h.end as usize;
    }
    let tail = text.get(t..)?;
    rest.get(r..)?.starts_with(tail).then_some(r + tail.len())
}

/// No element: [`packed`] never gives it (its top 24 bits hold a number
/// below 2^24 - 1 shifted up).
const EMPTY: u64 = u64::MAX;

#[inline]
fn set_of(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize & (SETS - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::PrimitiveKind;

    fn node(e: u32) -> NodeRef {
        NodeRef { s: 3, e, t: super::super::compile::NO_TYPE }
    }

    #[test]
    fn a_kept_object_is_found_as_a_prefix_of_the_same_element_only() {
        let mut m = Memo::default();
        let text = r#"{"mode":"match"}"#;
        m.keep(node(7), text);
        assert_eq!(m.hit(node(7), br#"{"mode":"match"},{"x":1}"#), Some(text.len()));
        assert_eq!(m.hit(node(8), br#"{"mode":"match"}"#), None);
        assert_eq!(m.hit(node(7), br#"{"mode":"matcH"}"#), None);
        assert_eq!(m.hit(node(7), br#"{"mode":"ma"#), None);
    }

    #[test]
    fn a_set_keeps_its_most_recent_objects_and_another_validator_forgets_them() {
        let mut m = Memo::default();
        m.bind(1);
        let texts = ["{\"a\":1}", "{\"a\":2}", "{\"a\":3}", "{\"a\":4}", "{\"a\":5}"];
        for t in texts {
            m.keep(node(1), t);
        }
        assert_eq!(m.hit(node(1), b"{\"a\":1}"), None, "the oldest of five is gone");
        for t in &texts[1..] {
            assert_eq!(m.hit(node(1), t.as_bytes()), Some(t.len()));
        }
        m.bind(1);
        assert!(m.hit(node(1), b"{\"a\":5}").is_some());
        m.bind(2);
        assert_eq!(m.hit(node(1), b"{\"a\":5}"), None);
    }

    #[test]
    fn nodes_differing_in_any_part_are_kept_apart() {
        let mut m = Memo::default();
        let text = r#"{"a":1}"#;
        let n = NodeRef { s: 5, e: 9, t: 2 };
        m.keep(n, text);
        assert_eq!(m.hit(n, text.as_bytes()), Some(text.len()));
        for other in [
            NodeRef { s: 4, ..n },
            NodeRef { e: 8, ..n },
            NodeRef { t: 3, ..n },
            NodeRef { t: super::super::compile::NO_TYPE, ..n },
            NodeRef { s: 5 + (1 << 24), ..n },
        ] {
            assert_eq!(m.hit(other, text.as_bytes()), None, "{other:?}");
        }
        // Beyond the packed range: never kept.
        let far = NodeRef { s: 1 << 24, e: 9, t: 2 };
        m.keep(far, text);
        assert_eq!(m.hit(far, text.as_bytes()), None);
    }

    /// A root kept with its holes (the texts of `"id"` and `"c"`).
    fn kept_root(m: &mut Memo<'static>, n: NodeRef) -> &'static str {
        let text = r#"{"id":"a1","s":"free","c":"x y"}"#;
        let at = |v: &str| text.find(v).unwrap() as u32;
        let holes = [
            Hole { start: at("a1"), end: at("a1") + 2, kind: PrimitiveKind::String },
            Hole { start: at("x y"), end: at("x y") + 3, kind: PrimitiveKind::String },
        ];
        m.keep_root(n, text, &holes, 7);
        text
    }

    #[test]
    fn a_root_is_found_like_a_kept_one_but_for_the_texts_of_its_holes() {
        let mut m = Memo::default();
        kept_root(&mut m, node(2));
        let new = r#"{"id":"b-22","s":"free","c":"z"},{"next":1}"#;
        let hit = m.root_hit(node(2), new.as_bytes()).unwrap();
        assert_eq!(hit.len, new.find("},").unwrap() + 1);
        assert_eq!(hit.left, 7);
        let texts: Vec<&str> = hit.found.iter().map(|&(s, e, _)| &new[s..e]).collect();
        assert_eq!(texts, ["b-22", "z"]);
        // The same bytes elsewhere, as another element: not found.
        assert!(m.root_hit(node(3), new.as_bytes()).is_none());
        for other in [
            // A byte outside the holes.
            r#"{"id":"b","s":"fret","c":"z"}"#,
            r#"{"id":"b","s":"free","c":"z","d":1}"#,
            // A hole that is not a plain, non-empty string.
            r#"{"id":"","s":"free","c":"z"}"#,
            r#"{"id":"a\/b","s":"free","c":"z"}"#,
            "{\"id\":\"a\tb\",\"s\":\"free\",\"c\":\"z\"}",
            r#"{"id":1,"s":"free","c":"z"}"#,
            // Cut short.
            r#"{"id":"b","s":"free","c":"z"#,
            r#"{"id":"b","s":"fr"#,
            "",
        ] {
            assert!(m.root_hit(node(2), other.as_bytes()).is_none(), "{other}");
        }
    }

    #[test]
    fn roots_are_kept_most_recent_first_and_forgotten_with_their_validator() {
        let mut m = Memo::default();
        m.bind(1);
        let texts: Vec<String> = (0..=ROOTS).map(|i| format!("{{\"k\":{i}}}")).collect();
        for t in &texts {
            m.keep_root(node(1), Box::leak(t.clone().into_boxed_str()), &[], 0);
        }
        assert!(m.root_hit(node(1), texts[0].as_bytes()).is_none(), "the oldest is gone");
        for t in &texts[1..] {
            assert_eq!(m.root_hit(node(1), t.as_bytes()).map(|h| h.len), Some(t.len()));
        }
        // Too many holes, too long: not kept.
        let many = vec![Hole { start: 1, end: 1, kind: PrimitiveKind::String }; MAX_HOLES + 1];
        m.keep_root(node(4), "{}", &many, 0);
        assert!(m.root_hit(node(4), b"{}").is_none());
        let long: &'static str =
            Box::leak(format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_ROOT_LEN)).into_boxed_str());
        m.keep_root(node(5), long, &[], 0);
        assert!(m.root_hit(node(5), long.as_bytes()).is_none());
        m.bind(2);
        assert!(m.root_hit(node(1), texts[ROOTS].as_bytes()).is_none());
        // A memo that is off keeps nothing.
        let mut off = Memo::off();
        kept_root(&mut off, node(2));
        assert!(off.root_hit(node(2), br#"{"id":"a1","s":"free","c":"x y"}"#).is_none());
    }

    #[test]
    fn long_objects_are_not_kept() {
        let mut m = Memo::default();
        let long = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_LEN));
        m.keep(node(1), &long);
        assert_eq!(m.hit(node(1), long.as_bytes()), None);
    }
}
