//! From byte offsets to what users read: FHIRPath expressions with indices
//! and 1-based line:column, computed in one pass for all findings at once.
//!
//! The hot path only records spans; this module runs once per input after
//! validation, walking the text a single time whatever the number of
//! findings (sorted offsets, one forward scan), so it stays linear.

use super::reader::{Kind, Reader};
use super::{Span, Stretch};
use crate::handback;

/// A rendered location.
///
/// ```
/// use fr_fhir_core::json::resolve::{Location, resolve};
/// let src = "{\"resourceType\":\"Slot\",\n \"status\":\"open\"}";
/// let at = src.find("\"open\"").unwrap() as u32;
/// let found = resolve(src, "Slot", &[(at, None)]);
/// assert_eq!(found, [Location { expression: "Slot.status".into(), line: 2, column: 11 }]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// FHIRPath with indices, e.g. `Bundle.entry[3].resource.end`.
    pub expression: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

#[derive(Debug, Clone)]
enum Seg<'a> {
    Key(&'a str),
    Index(u32),
}

fn render(root: &str, segs: &[Seg<'_>], child: Option<&str>) -> String {
    let mut s = String::with_capacity(64);
    s.push_str(root);
    for seg in segs {
        match seg {
            Seg::Key(k) => {
                s.push('.');
                // `_start` holds the extensions of `start`: FHIRPath names it `start`.
                s.push_str(k.strip_prefix('_').unwrap_or(k));
            }
            Seg::Index(i) => {
                s.push('[');
                s.push_str(&i.to_string());
                s.push(']');
            }
        }
    }
    if let Some(c) = child {
        s.push('.');
        s.push_str(c);
    }
    s
}

/// Computes the FHIRPath of the value starting at each offset (or of the
/// innermost value around it), plus an optional missing `child` name.
///
/// `root` names the document's resource type. Offsets may come in any order;
/// the result is in the same order as `targets`.
///
/// ```
/// use fr_fhir_core::json::resolve::resolve;
/// let src = "{\"resourceType\":\"Bundle\",\n \"entry\":[{\"resource\":{\"start\":\"x\"}}]}";
/// let at = src.find("\"x\"").unwrap() as u32;
/// let obj = src.find("{\"start").unwrap() as u32;
/// let out = resolve(src, "Bundle", &[(at, None), (obj, Some("end"))]);
/// assert_eq!(out[0].expression, "Bundle.entry[0].resource.start");
/// assert_eq!((out[0].line, out[0].column), (2, 32));
/// assert_eq!(out[1].expression, "Bundle.entry[0].resource.end");
/// ```
pub fn resolve(src: &str, root: &str, targets: &[(u32, Option<&str>)]) -> Vec<Location> {
    resolve_with_hints(src, root, targets, &[])
}

/// What the caller already knows of the document's layout, so that the
/// walk can pass over the parts that hold no target without reading them.
///
/// ```
/// use fr_fhir_core::json::resolve::{Layout, resolve_with_layout};
///
/// /// Knows where one (large) entry ends: the walk jumps over it.
/// struct KnownEntry { start: u32, end: u32 }
/// impl Layout for KnownEntry {
///     fn end_of(&self, start: u32) -> Option<u32> {
///         (start == self.start).then_some(self.end)
///     }
/// }
/// let src = r#"{"resourceType":"Bundle","entry":[{"resource":{"big":[1,2,3]}},{"resource":{"id":"x"}}]}"#;
/// let start = src.find(r#"{"resource""#).unwrap() as u32;
/// let end = src.find(r#",{"resource""#).unwrap() as u32;
/// let at = src.find(r#""x""#).unwrap() as u32;
/// let found = resolve_with_layout(src, "Bundle", &[(at, None)], &KnownEntry { start, end });
/// assert_eq!(found[0].expression, "Bundle.entry[1].resource.id");
/// ```
pub trait Layout {
    /// The end (one past the closing bracket) of the container starting at `start`.
    fn end_of(&self, start: u32) -> Option<u32>;
    /// In the array starting at `array`, the element that holds `offset` or
    /// is the last one to start before it: its start and its index.
    fn element_at(&self, _array: u32, _offset: u32) -> Option<(u32, u32)> {
        None
    }
}

/// Known value spans, sorted by start.
struct Hints<'h>(&'h [Span]);

impl Layout for Hints<'_> {
    fn end_of(&self, start: u32) -> Option<u32> {
        let i = self.0.binary_search_by_key(&start, |h| h.start).ok()?;
        self.0.get(i).map(|h| h.end)
    }
}

/// [`resolve`] with `hints`: spans of values (sorted by start, e.g. the
/// entries of a Bundle) that the walk may jump over in O(log n) when no
/// target lies inside, instead of scanning them. With the entry spans as
/// hints, resolving costs the size of the entries that have findings.
pub fn resolve_with_hints(
    src: &str,
    root: &str,
    targets: &[(u32, Option<&str>)],
    hints: &[Span],
) -> Vec<Location> {
    resolve_with_layout(src, root, targets, &Hints(hints))
}

/// [`resolve`] with the caller's [`Layout`] of the document (the engine
/// answers from its index of entries: the walk then goes straight from one
/// entry with findings to the next, whatever the number of entries between).
pub fn resolve_with_layout(
    src: &str,
    root: &str,
    targets: &[(u32, Option<&str>)],
    layout: &dyn Layout,
) -> Vec<Location> {
    locate(src, root, targets, layout, None)
}

/// [`resolve_with_layout`], the lines and columns counted on a second thread
/// while this one works out the paths, then by both. The line count scans
/// the text up to the last target and needs nothing the paths do; on the
/// 50 MB Bundle's 1,822 findings it took 4.2 ms and the paths 2.7 ms, so
/// the thread done with the paths counts the rest from the end.
pub(crate) fn resolve_with_layout_split(
    src: &str,
    root: &str,
    targets: &[(u32, Option<&str>)],
    layout: &dyn Layout,
) -> Vec<Location> {
    locate(src, root, targets, layout, Some(std::thread::Builder::new()))
}

#[cfg(test)]
thread_local! {
    /// Tests: threads this thread started to count lines and columns.
    pub(crate) static LINE_THREADS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Paths, then lines and columns, counted stretch by stretch between the
/// targets: on a thread made by `second`, when given, from the first stretch
/// on while this one works out the paths and then counts from the last
/// stretch back until the two meet (on this one alone when none is given, or
/// when the system refuses it: no reason to fail).
fn locate(
    src: &str,
    root: &str,
    targets: &[(u32, Option<&str>)],
    layout: &dyn Layout,
    second: Option<std::thread::Builder>,
) -> Vec<Location> {
    let order = by_offset(targets);
    let mut out = vec![Location::default(); targets.len()];
    let stretches = Stretches::new(src, targets, &order);
    let counted = std::thread::scope(|sc| {
        let counter = second.map(|b| handback::spawn(b, sc, || stretches.count(Stretches::front)));
        #[cfg(test)]
        if matches!(counter, Some(Ok(_))) {
            LINE_THREADS.with(|n| n.set(n.get() + 1));
        }
        paths(src, root, targets, &order, &mut out, layout);
        let mut counted = stretches.count(Stretches::back);
        if let Some(Ok(h)) = counter {
            counted.extend(h.wait());
        }
        counted
    });
    for (o, (line, column)) in out.iter_mut().zip(stretches.chain(counted, targets.len(), &order)) {
        o.line = line;
        o.column = column;
    }
    out
}

/// Stretches a thread claims at a time: a claim takes the lock both threads
/// share, and a document may have a million findings, most a few bytes apart.
const CLAIM: usize = 16;

/// The stretches of text before each target, by offset (from the start of
/// the text to the first, then from each to the next), counted from both
/// ends: the line-counting thread takes them from the first on, this one
/// from the last back once its paths are done. Whichever thread is done
/// first, the other still has work; each byte is counted once.
struct Stretches<'s> {
    bytes: &'s [u8],
    /// Where each stretch ends: the targets' offsets in increasing order,
    /// taken as the end of the text past it.
    ends: Vec<usize>,
    /// The next stretch from the front, and one past the next from the back.
    next: std::sync::Mutex<(usize, usize)>,
}

impl<'s> Stretches<'s> {
    fn new(src: &'s str, targets: &[(u32, Option<&str>)], order: &[usize]) -> Self {
        let ends: Vec<usize> = order
            .iter()
            .map(|&i| targets.get(i).map_or(0, |t| t.0 as usize).min(src.len()))
            .collect();
        let next = std::sync::Mutex::new((0, ends.len()));
        Stretches { bytes: src.as_bytes(), ends, next }
    }

    /// Claims the next stretches from the front (up to [`CLAIM`]).
    fn front(next: &mut (usize, usize)) -> std::ops::Range<usize> {
        let start = next.0;
        next.0 = next.1.min(start.saturating_add(CLAIM));
        start..next.0
    }

    /// Claims the next stretches from the back (up to [`CLAIM`]).
    fn back(next: &mut (usize, usize)) -> std::ops::Range<usize> {
        let end = next.1;
        next.1 = next.0.max(end.saturating_sub(CLAIM));
        next.1..end
    }

    /// Counts the stretches `claim` gives until none is left: each with its
    /// rank by offset.
    fn count(
        &self,
        claim: fn(&mut (usize, usize)) -> std::ops::Range<usize>,
    ) -> Vec<(usize, Stretch)> {
        let mut counted = Vec::new();
        loop {
            let ranks = {
                let mut next = self.next.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                claim(&mut next)
            };
            if ranks.is_empty() {
                return counted;
            }
            for k in ranks {
                let start = k.checked_sub(1).and_then(|p| self.ends.get(p)).copied().unwrap_or(0);
                let end = self.ends.get(k).copied().unwrap_or(start);
                counted.push((k, Stretch::of(self.bytes.get(start..end).unwrap_or_default())));
            }
        }
    }

    /// The line and column of every target (by index in `targets`), the
    /// stretches chained in text order.
    fn chain(&self, counted: Vec<(usize, Stretch)>, n: usize, order: &[usize]) -> Vec<(u32, u32)> {
        let mut by_rank = vec![Stretch::default(); self.ends.len()];
        for (k, s) in counted {
            if let Some(slot) = by_rank.get_mut(k) {
                *slot = s;
            }
        }
        let mut at = vec![(0, 0); n];
        let mut here = (1, 1);
        for (s, &i) in by_rank.iter().zip(order) {
            here = s.after(here);
            if let Some(a) = at.get_mut(i) {
                *a = here;
            }
        }
        at
    }
}

/// The indices of `targets`, by offset.
fn by_offset(targets: &[(u32, Option<&str>)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&i| targets.get(i).map(|t| t.0).unwrap_or(0));
    order
}

fn paths(
    src: &str,
    root: &str,
    targets: &[(u32, Option<&str>)],
    order: &[usize],
    out: &mut [Location],
    layout: &dyn Layout,
) {
    let mut next = 0usize; // index into `order`
    let mut segs: Vec<Seg<'_>> = Vec::new();
    // Per open container: (is_object, first, index, start).
    let mut stack: Vec<(bool, bool, u32, u32)> = Vec::new();
    let mut r = Reader::new(src).with_max_depth(u32::MAX);

    // Assigns every pending target whose offset is <= pos.
    // `inside`: targets before `pos` lie inside the value just read (a scalar).
    let mut assign = |pos: u32, segs: &[Seg<'_>], next: &mut usize, inside: bool| {
        let exact_len = segs.len();
        while let Some(&i) = order.get(*next) {
            let Some(&(off, child)) = targets.get(i) else { break };
            if off > pos {
                break;
            }
            // Inside a previous value but not at a value start: the enclosing path.
            let depth = if off == pos || inside { exact_len } else { exact_len.saturating_sub(1) };
            if let Some(o) = out.get_mut(i) {
                o.expression = render(root, segs.get(..depth).unwrap_or(segs), child);
            }
            *next += 1;
        }
    };

    'walk: loop {
        if next >= order.len() {
            return;
        }
        let Ok(kind) = r.peek() else { break };
        assign(r.pos32(), &segs, &mut next, false);
        let pending = order.get(next).and_then(|&i| targets.get(i)).map(|t| t.0 as usize);
        // In an array the layout knows, go straight to the element holding
        // the next target.
        if let (Some(&(false, _, _, array)), Some(t)) = (stack.last(), pending)
            && let Some((start, index)) = layout.element_at(array, t as u32)
            && start > r.pos32()
            && let Some(top) = stack.last_mut()
        {
            top.2 = index;
            segs.pop();
            segs.push(Seg::Index(index));
            r = Reader::at(src, start as usize).with_max_depth(u32::MAX);
            continue 'walk;
        }
        // A container holding no pending target is skipped without descending.
        if matches!(kind, Kind::Object | Kind::Array) {
            let here = r.pos32();
            let hinted = layout.end_of(here).map(|e| e as usize);
            let end = match hinted {
                Some(e) => Some(e),
                None => skip_container(src.as_bytes(), r.pos()),
            };
            if let (Some(t), Some(end)) = (pending, end)
                && t >= end
            {
                r = Reader::at(src, end).with_max_depth(u32::MAX);
                assign(
                    u32::try_from(end).unwrap_or(u32::MAX).saturating_sub(1),
                    &segs,
                    &mut next,
                    true,
                );
                if stack.is_empty() {
                    break;
                }
                match after_value(src, &mut r, &mut stack, &mut segs) {
                    Step::Next => continue 'walk,
                    Step::Done => break 'walk,
                }
            }
        }
        let value_start = r.pos32();
        let ok = match kind {
            Kind::Object => r.object().is_ok(),
            Kind::Array => r.array().is_ok(),
            Kind::String => r.string().is_ok(),
            Kind::Number => r.number().is_ok(),
            Kind::Bool => r.boolean().is_ok(),
            Kind::Null => r.null().is_ok(),
        };
        if !ok {
            break;
        }
        match kind {
            Kind::Object => stack.push((true, true, 0, value_start)),
            Kind::Array => stack.push((false, true, 0, value_start)),
            _ => assign(r.pos32().saturating_sub(1), &segs, &mut next, true),
        }
        match after_value(src, &mut r, &mut stack, &mut segs) {
            Step::Next => {}
            Step::Done => break 'walk,
        }
    }
    // Unparseable tail: remaining targets get the deepest path reached.
    while let Some(&i) = order.get(next) {
        if let (Some(o), Some(&(_, child))) = (out.get_mut(i), targets.get(i)) {
            o.expression = render(root, &segs, child);
        }
        next += 1;
    }
}

enum Step {
    Next,
    Done,
}

/// After a value: closes finished containers and moves to the next value
/// start, pushing its key or index on `segs`.
fn after_value<'s>(
    src: &'s str,
    r: &mut Reader<'s>,
    stack: &mut Vec<(bool, bool, u32, u32)>,
    segs: &mut Vec<Seg<'s>>,
) -> Step {
    let src_bytes = src.as_bytes();
    loop {
        let Some(top) = stack.last_mut() else { return Step::Done };
        let (is_obj, first, index, _) = *top;
        let mut p = r.pos();
        while matches!(src_bytes.get(p), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            p += 1;
        }
        let close = if is_obj { b'}' } else { b']' };
        let b = src_bytes.get(p).copied();
        if b == Some(close) {
            *r = Reader::at(src, p + 1).with_max_depth(u32::MAX);
            stack.pop();
            // The value that just closed was named by the last segment.
            if !stack.is_empty() || !segs.is_empty() {
                segs.pop();
            }
            continue;
        }
        if !first {
            if b != Some(b',') {
                return Step::Done;
            }
            p += 1;
        }
        *r = Reader::at(src, p).with_max_depth(u32::MAX);
        if !first && !segs.is_empty() {
            segs.pop();
        }
        if let Some(top) = stack.last_mut() {
            top.1 = false;
            if is_obj {
                let mut o = super::reader::Obj::resume();
                match r.next_key(&mut o) {
                    Ok(Some((key, _))) => {
                        let k: &str = match key {
                            super::Str::Borrowed(k) => k,
                            // Escaped keys are never FHIR element names; keep a marker.
                            super::Str::Owned(_) => "?",
                        };
                        segs.push(Seg::Key(k));
                    }
                    _ => return Step::Done,
                }
            } else {
                let i = if first { 0 } else { index + 1 };
                top.2 = i;
                segs.push(Seg::Index(i));
            }
        }
        return Step::Next;
    }
}

/// End (one past the closing bracket) of the object or array at `pos`,
/// found by bracket matching only. The text was already read once by the
/// validating reader, so this needs no grammar checks; `None` when the
/// brackets do not match (the caller then walks the value normally).
fn skip_container(bytes: &[u8], pos: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut p = pos;
    loop {
        let rest = bytes.get(p..)?;
        let i = rest.iter().position(|&b| matches!(b, b'"' | b'{' | b'}' | b'[' | b']'))?;
        p += i;
        match bytes.get(p)? {
            b'"' => {
                p += 1;
                loop {
                    let n = memchr::memchr2(b'"', b'\\', bytes.get(p..)?)?;
                    p += n;
                    if bytes.get(p)? == &b'\\' {
                        p += 2;
                    } else {
                        p += 1;
                        break;
                    }
                }
            }
            b'{' | b'[' => {
                depth += 1;
                p += 1;
            }
            _ => {
                depth = depth.checked_sub(1)?;
                p += 1;
                if depth == 0 {
                    return Some(p);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_nested_values() {
        let src = r#"{"resourceType":"Bundle","entry":[{"fullUrl":"a"},{"resource":{"identifier":[{"value":"1"},{"value":"2"}],"_start":{"extension":[]}}}]}"#;
        let find = |s: &str| src.find(s).unwrap() as u32;
        let out = resolve(
            src,
            "Bundle",
            &[
                (find("\"2\""), None),
                (find("\"a\""), None),
                (find("{\"extension"), None),
                (0, Some("total")),
                (find("[{\"fullUrl"), None),
            ],
        );
        assert_eq!(out[0].expression, "Bundle.entry[1].resource.identifier[1].value");
        assert_eq!(out[1].expression, "Bundle.entry[0].fullUrl");
        assert_eq!(out[2].expression, "Bundle.entry[1].resource.start");
        assert_eq!(out[3].expression, "Bundle.total");
        assert_eq!(out[4].expression, "Bundle.entry");
    }

    #[test]
    fn columns_count_characters() {
        let src = "{\"a\":\"é\",\n  \"b\": 1}";
        let out = resolve(src, "X", &[(src.find('1').unwrap() as u32, None), (6, None)]);
        assert_eq!((out[0].line, out[0].column), (2, 8));
        assert_eq!(out[1].expression, "X.a");
        assert_eq!((out[1].line, out[1].column), (1, 7));
    }

    /// A layout that knows the elements of one array, as the engine knows
    /// the entries of a Bundle.
    struct ArrayLayout {
        array: u32,
        elements: Vec<(Span, u32)>,
    }

    impl Layout for ArrayLayout {
        fn end_of(&self, start: u32) -> Option<u32> {
            self.elements.iter().find(|(s, _)| s.start == start).map(|(s, _)| s.end)
        }
        fn element_at(&self, array: u32, offset: u32) -> Option<(u32, u32)> {
            if array != self.array {
                return None;
            }
            self.elements.iter().rev().find(|(s, _)| s.start <= offset).map(|(s, i)| (s.start, *i))
        }
    }

    #[test]
    fn jumping_between_known_elements_gives_the_same_locations() {
        // Objects with a nested array, a scalar the layout does not know
        // (index 3), and a value after the array.
        let src = "{\"x\":{\"y\":[1]},\"entry\":[\n {\"a\":1,\"b\":[{\"c\":\"é\"}]},\n {\"a\":2},\n {},\n null,\n {\"a\":[3,4]},\n {\"a\":5}\n],\"total\":6}";
        let array = src.find("\"entry\":[").unwrap() as u32 + 8;
        assert_eq!(&src[array as usize..array as usize + 1], "[");
        let mut elements = Vec::new();
        let mut r = Reader::at(src, array as usize);
        let mut arr = r.array().unwrap();
        while let Some(i) = r.next_item(&mut arr).unwrap() {
            let kind = r.peek().unwrap();
            let span = r.skip_value().unwrap();
            if kind == Kind::Object {
                elements.push((span, i));
            }
        }
        assert_eq!(elements.len(), 5);
        let layout = ArrayLayout { array, elements };
        // Every value start, and every pair of them, as targets.
        let starts: Vec<u32> = (0..src.len() as u32)
            .filter(|&p| {
                matches!(src.as_bytes()[p as usize], b'{' | b'[' | b'"' | b'0'..=b'9' | b'n')
            })
            .collect();
        for &a in &starts {
            for &b in &starts {
                let targets = [(a, None), (b, Some("z"))];
                assert_eq!(
                    resolve_with_layout(src, "X", &targets, &layout),
                    resolve(src, "X", &targets),
                    "targets at {a} and {b}"
                );
            }
        }
    }

    /// Counting lines on a second thread changes no location: every value
    /// start of a multi-line text with multi-byte characters, with and
    /// without a child, out of order and repeated, and past the end.
    #[test]
    fn lines_counted_on_a_second_thread_give_the_same_locations() {
        let src = "{\"resourceType\":\"Bundle\",\n \"entry\":[{\"n\":\"Hélène\",\"v\":[1,2]},\n  {\"n\":\"Zoé\"}, null],\"total\":3}";
        let mut targets: Vec<(u32, Option<&str>)> = (0..src.len() as u32)
            .filter(|&p| {
                matches!(src.as_bytes()[p as usize], b'{' | b'[' | b'"' | b'0'..=b'9' | b'n')
            })
            .map(|p| (p, (p % 2 == 0).then_some("z")))
            .collect();
        targets.reverse();
        targets.push((5, None));
        targets.push(targets[3]);
        targets.push((src.len() as u32 + 10, None));
        assert!(targets.len() > 20, "too few targets: the test proves little");
        let layout = Hints(&[]);
        assert_eq!(
            resolve_with_layout_split(src, "Bundle", &targets, &layout),
            resolve_with_layout(src, "Bundle", &targets, &layout)
        );
        assert!(resolve_with_layout_split(src, "Bundle", &[], &layout).is_empty());
        // A second thread the system refuses (here: a stack no memory can
        // hold): the lines are counted on this one, to the same result.
        let refused = || std::thread::Builder::new().stack_size(1 << 62);
        assert!(
            refused().spawn(|| ()).is_err(),
            "the system made the thread: the test proves nothing"
        );
        assert_eq!(
            locate(src, "Bundle", &targets, &layout, Some(refused())),
            resolve_with_layout(src, "Bundle", &targets, &layout)
        );
    }

    /// Wherever the two threads counting the stretches meet, the lines and
    /// columns are [`LineIndex`]'s: every offset of a text with line breaks
    /// (CRLF too), two- and four-byte characters, offsets inside them,
    /// repeated, unsorted, and past the end.
    #[test]
    fn stretches_counted_from_both_ends_give_the_line_index_locations() {
        let src = "{\"a\":\"Hélène\",\r\n \"b\":[\"\u{1F600}\",\n\n2],\n\"c\":\"Zoé\"}";
        let mut targets: Vec<(u32, Option<&str>)> =
            (0..src.len() as u32 + 3).rev().map(|p| (p, None)).collect();
        targets.push((7, None));
        let order = by_offset(&targets);
        let mut index = super::super::LineIndex::default();
        let mut want = vec![(0, 0); targets.len()];
        for &i in &order {
            want[i] = index.locate(src, targets[i].0 as usize);
        }
        for meet in 0..=targets.len() {
            let stretches = Stretches::new(src, &targets, &order);
            *stretches.next.lock().unwrap() = (0, meet);
            let mut counted = stretches.count(Stretches::front);
            *stretches.next.lock().unwrap() = (meet, targets.len());
            counted.extend(stretches.count(Stretches::back));
            assert_eq!(stretches.chain(counted, targets.len(), &order), want, "meeting at {meet}");
        }
    }

    #[test]
    fn broken_json_still_resolves() {
        let src = r#"{"a":[1,2,"#;
        let out = resolve(src, "X", &[(8, None), (9, None)]);
        assert_eq!(out[0].expression, "X.a[1]");
        assert_eq!(out[1].line, 1);
    }
}
