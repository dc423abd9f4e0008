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
    sets: Vec<[Option<(NodeRef, &'a str)>; WAYS]>,
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
        let set = self.sets.get(set_of(node))?;
        // The last eight bytes turn most misses away first.
        set.iter().flatten().find_map(|&(n, text)| {
            let len = text.len();
            (n == node
                && word_before(rest, len) == word_before(text.as_bytes(), len)
                && rest.starts_with(text.as_bytes()))
            .then_some(len)
        })
    }

    /// Remembers `text`, an object read as element `node` without a finding.
    pub(super) fn keep(&mut self, node: NodeRef, text: &'a str) {
        if self.off || text.len() > MAX_LEN {
            return;
        }
        if self.sets.is_empty() {
            self.sets.resize(SETS, [None; WAYS]);
        }
        if let Some(set) = self.sets.get_mut(set_of(node)) {
            set.rotate_right(1);
            if let Some(first) = set.first_mut() {
                *first = Some((node, text));
            }
        }
    }
}

#[inline]
fn set_of(node: NodeRef) -> usize {
    let h = node.s.wrapping_mul(0x9E37_79B9) ^ node.e.wrapping_mul(0x85EB_CA6B) ^ u32::from(node.t);
    (h >> 8) as usize & (SETS - 1)
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
    fn long_objects_are_not_kept() {
        let mut m = Memo::default();
        let long = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_LEN));
        m.keep(node(1), &long);
        assert_eq!(m.hit(node(1), long.as_bytes()), None);
    }
}
