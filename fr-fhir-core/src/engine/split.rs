//! A Bundle's entries read in two parts at once, one per core.
//!
//! A second thread starts reading the entries at a point near the middle of
//! the input that looks like the start of an entry (the *resume point*),
//! while this thread reads the Bundle from its start. Nothing guarantees
//! that the point is an entry's start (it could be inside a string or
//! another array): this thread checks it when its own reading gets there.
//! If an entry starts exactly there, and what the second thread found can
//! follow what was found here as if read here (`Index::can_take`,
//! `Cx::can_take`, `Structural::can_take`), its part is taken
//! (`stream::Streamer`'s `Join`) and the reader moves past the end of the
//! entry array; otherwise the second thread is told to stop and this
//! thread reads on as if alone. The report is the same either way: the
//! part's findings, notes, index records and walks are numbered from 0 on
//! the other thread and put after this thread's, in the order one thread
//! would have made them.

use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, Sender};

use super::UseCase;
use super::emit::Emitter;
use super::index::Index;
use super::structure::{JobReceiver, StructuralPart};
use crate::model::Cx;
use crate::model::bundle::Joined;

/// Where the second part starts looking for an entry: this share of the
/// input, in thousandths. The first part also reads the Bundle's header,
/// takes the second part in and walks the Bundle itself at the end.
const RESUME_SHARE: usize = 500;

/// What the reading thread tells the other once the Bundle's header is read
/// (just before the entries): what it decided that the entries' reading
/// depends on.
pub(crate) struct Start {
    /// The use case fixed so far (option, or the Bundle's profile).
    pub(crate) fixed: Option<UseCase>,
    /// The use case is decided: the content is no longer observed.
    pub(crate) hinted: bool,
    /// The Bundle's declared profiles (its entries' walks depend on them).
    pub(crate) profiles: Vec<String>,
}

/// What the second thread hands back: everything the entries from the
/// resume point to the end of the array gave, numbered from 0.
pub(crate) struct Part<'a, 'o, 'v> {
    pub(crate) joined: Joined,
    pub(crate) ix: Index<'a>,
    pub(crate) hand: Emitter<'o>,
    pub(crate) structural: StructuralPart<'v>,
    pub(crate) seen: Vec<u32>,
    pub(crate) cx: Cx<'a>,
    /// What each hook's fork kept ([`crate::engine::Hook::part_state`]).
    pub(crate) hooks: Vec<Option<Box<dyn std::any::Any + Send>>>,
}

/// The reading thread's side of a split: where the other part starts, how
/// to start it, how to get it, how to stop it.
pub(crate) struct SplitSide<'s, 'a, 'o, 'v> {
    pub(crate) at: u32,
    pub(crate) start: Option<Sender<Start>>,
    pub(crate) part: Option<Receiver<Part<'a, 'o, 'v>>>,
    pub(crate) stop: &'s AtomicBool,
    /// The other part's waiting walks, walked here while it is read.
    pub(crate) help: Option<JobReceiver<'v>>,
}

/// A resume point: the first `{` at or after the middle of `src` (its
/// [`RESUME_SHARE`]) that looks like the start of a Bundle entry — a `,`
/// before it, a `"fullUrl"` or `"resource"` key after it, whitespace
/// between — or `None`.
pub(crate) fn resume_point(src: &str) -> Option<u32> {
    let bytes = src.as_bytes();
    let from = src.len().saturating_mul(RESUME_SHARE) / 1000;
    let key = |name: &[u8], to: usize| {
        memchr::memmem::find_iter(bytes.get(from..to)?, name)
            .map(|k| k + from)
            .find_map(|k| entry_before(bytes, k))
    };
    // An entry's `"resource"` usually follows its `"fullUrl"`, so it is only
    // looked for before the first fullUrl found: searched alone, it would
    // scan the rest of the input in vain (3 ms on the 50 MB Bundle, on the
    // critical path).
    let full_url = key(b"\"fullUrl\"", bytes.len());
    let resource = key(b"\"resource\"", full_url.unwrap_or(bytes.len()));
    resource.or(full_url).and_then(|p| u32::try_from(p).ok())
}

/// For the key at `k`: the `{` opening its object when that object looks
/// like an array item that is not the first (`, {` before the key, `:`
/// after it).
fn entry_before(bytes: &[u8], k: usize) -> Option<usize> {
    let ws = |b: &u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t');
    let before = bytes.get(..k)?;
    let open = before.iter().rposition(|b| !ws(b))?;
    if bytes.get(open) != Some(&b'{') {
        return None;
    }
    let comma = bytes.get(..open)?.iter().rposition(|b| !ws(b))?;
    if bytes.get(comma) != Some(&b',') {
        return None;
    }
    let name_end = k + bytes.get(k + 1..)?.iter().position(|&b| b == b'"')? + 2;
    let colon = bytes.get(name_end..)?.iter().position(|b| !ws(b))?;
    (bytes.get(name_end + colon) == Some(&b':')).then_some(open)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn the_resume_point_is_an_entry_start_past_the_middle() {
        let entry = r#"{"fullUrl":"https://h/fhir/Slot/1","resource":{"resourceType":"Slot","serviceType":[{"coding":[{"code":"a"}]},{"text":"t"}]}}"#;
        let entries = vec![entry; 40].join(",");
        let src = format!(r#"{{"resourceType":"Bundle","entry":[{entries}]}}"#);
        let at = resume_point(&src).unwrap() as usize;
        assert!(at >= src.len() / 2, "{at}");
        assert!(src[at..].starts_with(r#"{"fullUrl""#));
        assert_eq!((at - r#"{"resourceType":"Bundle","entry":["#.len()) % (entry.len() + 1), 0);
        // Pretty-printed, and entries without a fullUrl.
        let pretty = vec!["{\n  \"resource\" : {\"resourceType\":\"Slot\"}\n}"; 40].join(" ,\n ");
        let src = format!("{{\"entry\": [\n {pretty}\n]}}");
        let at = resume_point(&src).unwrap() as usize;
        assert!(at >= src.len() / 2 && src[at..].starts_with("{\n  \"resource\""));
        // The resource before the fullUrl: the entry's `{` all the same.
        let entry = r#"{"resource":{"resourceType":"Slot"},"fullUrl":"https://h/fhir/Slot/1"}"#;
        let src = format!(r#"{{"entry":[{}]}}"#, vec![entry; 40].join(","));
        let at = resume_point(&src).unwrap() as usize;
        assert!(at >= src.len() / 2 && at < src.len() / 2 + entry.len() + 1, "{at}");
        assert!(src[at..].starts_with(r#"{"resource""#));
        // Nothing that looks like an entry: `"resource"` as a value, a first item.
        assert_eq!(resume_point(r#"{"a":[{"x":"resource"},{"y":1}],"b":[{"resource":1}]}"#), None);
    }
}
