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

use super::compile::NodeRef;
use crate::json::word_before;

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
    /// The validator the objects were read by (by address): node numbers
    /// mean nothing to another one.
    owner: usize,
    /// Never remembers (tests compare the walk with and without).
    off: bool,
}

impl<'a> Memo<'a> {
    /// A memo that never remembers.
    #[cfg(test)]
    pub(super) fn off() -> Self {
        Memo { off: true, ..Memo::default() }
    }

    /// Forgets everything when the walk's validator is not the one the
    /// objects were read by.
    pub(super) fn bind(&mut self, owner: usize) {
        if self.owner != owner {
            self.sets.clear();
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

    #[test]
    fn long_objects_are_not_kept() {
        let mut m = Memo::default();
        let long = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_LEN));
        m.keep(node(1), &long);
        assert_eq!(m.hit(node(1), long.as_bytes()), None);
    }
}
