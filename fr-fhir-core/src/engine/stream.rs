//! The per-entry side of the pass: each entry of a streamed Bundle through
//! the index, the rules, the hooks and the structural walks; and the part of
//! the entries read on another thread (`split`), read there and taken in
//! here.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;

use super::context::{EntryCx, Hook};
use super::emit::Emitter;
use super::index::{EntryType, Index, Keyed};
use super::split::{Part, SplitSide, Start};
use super::structure::{Chosen, JobSender, KEY_CHUNK, KeyQueue, Profiles, ResourceAt, Structural};
use super::{Options, RuleSet, USE_CASES, UseCase, UseCaseSource};
use crate::conformance::walk::Validator;
use crate::handback;
use crate::json::{JsonError, Reader, Span};
use crate::model::bundle::{Join, Joined, read_entries_apart};
use crate::model::{Bundle, BundleEntry, Cx, Resource, sniff_type_and_profiles};

/// Where the index keys of the entries go.
pub(super) enum KeysTo<'s, 'a> {
    /// In the maps at once ([`Index::add`]).
    Index,
    /// To the thread that puts them in the maps, by chunks.
    Queue(&'s KeyQueue<'a>),
    /// In the maps, their repeats kept for the index that takes the part
    /// read here ([`Index::add_to_part`]).
    Part,
}

/// The per-entry side of the pass: index, evidence of the use case, rules,
/// hooks; and, when the entries are read in two parts, the part read on the
/// other thread taken in.
pub(super) struct Streamer<'s, 'o, 'h, 'a, 'v> {
    rules: &'s dyn RuleSet,
    ix: &'s mut Index<'a>,
    /// Where the index keys go, and the keys not sent yet (or kept).
    keys_to: KeysTo<'s, 'a>,
    keys: Vec<Keyed<'a>>,
    /// How many resources hinted at each use case (indexed by `UseCase::index`).
    seen: Vec<u32>,
    em: &'s mut Emitter<'o>,
    hooks: &'s mut [&'h mut dyn Hook<'a>],
    src: &'a str,
    /// The use case is decided (option, request, or a Bundle profile read
    /// before the entries): the content is no longer observed.
    hinted: bool,
    /// The structural validator's side of the pass.
    structural: &'s mut Structural<'v, 'a>,
    /// The structures each entry is walked against as `Bundle.entry`: the
    /// Bundle's, chosen once when its header is read (from its
    /// `meta.profile` when read before the entries).
    bundle_structures: Chosen<'v>,
    /// The other part of the entries, read on another thread (`split`).
    split: Option<SplitSide<'s, 'a, 'o, 'v>>,
}

impl<'a> Join<'a> for Streamer<'_, '_, '_, 'a, '_> {
    fn begin(&mut self, header: &Bundle<'a>) {
        // A Bundle profile read before the entries decides the use case (it
        // outranks the content), so findings of the other use cases can be
        // dropped as they come instead of at the end.
        if !self.hinted
            && let Some(uc) = bundle_profile_use_case(self.rules, header)
        {
            self.em.fix_use_case(uc);
            // The content no longer decides anything.
            self.hinted = true;
        }
        self.bundle_structures =
            self.structural.choose("Bundle", bundle_profiles(header), self.rules, self.em);
        if let Some(tx) = self.split.as_mut().and_then(|s| s.start.take()) {
            let profiles = bundle_profiles(header).iter().map(str::to_string).collect();
            // A part that is gone (refused, stopped) is not waited for.
            let _ = tx.send(Start { fixed: self.em.fixed(), hinted: self.hinted, profiles });
        }
    }

    fn resume_point(&self) -> u32 {
        self.split.as_ref().map_or(u32::MAX, |s| s.at)
    }

    fn join(&mut self, index: u32, cx: &mut Cx<'a>) -> Option<Joined> {
        let side = self.split.take()?;
        // While the other thread reads its part, its waiting walks are
        // walked here (and this part's own, when it has none waiting).
        let helped = side.help.as_ref().map(|theirs| {
            let mut em = self.em.sibling();
            self.structural.help(self.src, theirs, &mut em);
            em
        });
        // Waits for the other thread to end its part (or give up).
        let part = side.part.as_ref().and_then(receive);
        side.stop.store(true, Ordering::Relaxed);
        let mut part = part?;
        if let Some(helped) = helped {
            #[cfg(test)]
            HELPED.with(|n| n.set(n.get() + helped.len()));
            part.structural.with_help(helped);
        }
        self.take_part(side.at, index, part, cx)
    }

    fn passed(&mut self) {
        if let Some(side) = self.split.take() {
            side.stop.store(true, Ordering::Relaxed);
        }
    }

    fn entry(&mut self, index: u32, entry: BundleEntry<'a>, cx: &mut Cx<'a>) {
        #[cfg(test)]
        if SLOW_SIDE.with(std::cell::Cell::get)
            || (matches!(self.keys_to, KeysTo::Part)
                && SLOW_PART.load(std::sync::atomic::Ordering::Relaxed))
        {
            std::thread::sleep(std::time::Duration::from_micros(300));
        }
        match self.keys_to {
            KeysTo::Index => {
                self.ix.add(index, &entry);
            }
            KeysTo::Queue(q) => {
                self.keys.push(self.ix.add_unkeyed(index, &entry).1);
                if self.keys.len() >= KEY_CHUNK {
                    q.send(std::mem::replace(&mut self.keys, Vec::with_capacity(KEY_CHUNK)));
                }
            }
            KeysTo::Part => self.ix.add_to_part(index, &entry),
        }
        if !self.hinted
            && let Some(res) = &entry.resource
        {
            self.rules.hint(res, &mut self.seen);
        }
        // Notes are in document order: those of this entry are at the end.
        let clean =
            cx.dropped == 0 && cx.notes.last().is_none_or(|n| n.span.start < entry.span.start);
        self.em.set_clean(if clean { entry.span } else { Span::default() });
        let e = EntryCx { index, entry: &entry, src: self.src };
        self.rules.check_indexed_entry(&e, self.ix, self.em);
        for h in self.hooks.iter_mut() {
            h.entry(&e, self.em);
        }
        self.em.set_clean(Span::default());
        let res_span = entry.resource.as_ref().map(Resource::span);
        self.structural.entry(self.src, entry.span, res_span, &self.bundle_structures, self.em);
        if let Some(res) = &entry.resource {
            let mut read = Vec::new();
            let at = ResourceAt {
                span: res.span(),
                rtype: res.resource_type(),
                declared: declared_profiles(res, self.src, &mut read),
                skip: None,
                read_clean_as: clean.then(|| EntryType::of(res)),
            };
            self.structural.resource(self.src, &at, self.rules, self.em);
        }
    }
}

/// Streams the entries of a Bundle through the index `ix`, the rules, the
/// hooks and the structural walks (the index keys sent where `keys_to`
/// says; the entries from `split`'s resume point on possibly read by
/// another thread); returns the Bundle header and the use-case evidence.
#[allow(clippy::too_many_arguments)]
pub(super) fn stream_bundle<'s, 'a, 'o, 'v>(
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
    em: &'s mut Emitter<'o>,
    structural: &'s mut Structural<'v, 'a>,
    rules: &'s dyn RuleSet,
    hooks: &'s mut [&mut dyn Hook<'a>],
    src: &'a str,
    hinted: Option<(UseCase, UseCaseSource)>,
    ix: &'s mut Index<'a>,
    keys_to: KeysTo<'s, 'a>,
    split: Option<SplitSide<'s, 'a, 'o, 'v>>,
) -> Result<(Bundle<'a>, Vec<u32>), JsonError> {
    let queued = matches!(keys_to, KeysTo::Queue(_));
    let mut st = Streamer {
        rules,
        ix,
        keys_to,
        keys: Vec::with_capacity(if queued { KEY_CHUNK } else { 0 }),
        seen: vec![0; USE_CASES.len()],
        em,
        hooks,
        src,
        hinted: hinted.is_some(),
        structural,
        bundle_structures: Rc::new([]),
        split,
    };
    let header = Bundle::stream_joining(r, cx, &mut st);
    // The last keys, sent whatever happened (the walking thread ends once
    // the walk queue closes, after this).
    if let KeysTo::Queue(q) = st.keys_to {
        q.send(std::mem::take(&mut st.keys));
    }
    // Never joined (an error, no entry array): the other part stops.
    st.passed();
    let header = header?;
    r.finish()?;
    Ok((header, st.seen))
}

impl<'a, 'o, 'v> Streamer<'_, 'o, '_, 'a, 'v> {
    /// Takes in the part read on the other thread, from the resume point
    /// `at` (entry number `index`) to the end of the entry array, if it can
    /// follow what was read here as if read here.
    fn take_part(
        &mut self,
        at: u32,
        index: u32,
        part: Part<'a, 'o, 'v>,
        cx: &mut Cx<'a>,
    ) -> Option<Joined> {
        let Part { joined, ix, hand, structural, seen, cx: read, hooks } = part;
        let fits = joined.end > at
            && joined.end as usize <= self.src.len()
            && self.ix.can_take(&ix)
            && cx.can_take(&read)
            && self.em.can_take(&hand)
            && self.structural.can_take(&structural);
        if !fits {
            return None;
        }
        #[cfg(test)]
        PARTS_TAKEN.with(|n| n.set(n.get() + 1));
        self.ix.take_part(ix, index);
        cx.take_notes(read);
        self.em.absorb_after(hand);
        self.structural.take_part(structural);
        for (mine, theirs) in self.seen.iter_mut().zip(seen) {
            *mine += theirs;
        }
        for (h, state) in self.hooks.iter_mut().zip(hooks) {
            if let Some(state) = state {
                h.join(state, index);
            }
        }
        Some(joined)
    }
}

/// What the other thread is about to send (the other part, which usually
/// comes within a millisecond of the first; the header, to the second
/// part's thread), polled for, then waited for (`None`: it gave up).
fn receive<T>(rx: &Receiver<T>) -> Option<T> {
    let polled = handback::poll(|| match rx.try_recv() {
        Ok(part) => Some(Some(part)),
        Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(None),
        Err(std::sync::mpsc::TryRecvError::Empty) => None,
    });
    polled.unwrap_or_else(|| rx.recv().ok())
}

#[cfg(test)]
thread_local! {
    /// Tests: parts read on another thread that this thread took in.
    pub(super) static PARTS_TAKEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Tests: findings of the other part's walks this thread did for it.
    pub(super) static HELPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Tests: this thread reads its entries slowly.
    pub(super) static SLOW_SIDE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Tests: the threads reading a second part read its entries slowly.
#[cfg(test)]
pub(super) static SLOW_PART: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Reads the entries from the resume point `at` to the end of the entry
/// array on this thread, once the reading thread has read the Bundle's
/// header (`start`), into an index of `ix`'s making, their own emitters,
/// notes and walks, and the hooks' `forks`; `None` when told to `stop` or when the input is not
/// what the point promised (the reading thread then reads them itself).
#[allow(clippy::too_many_arguments)]
pub(super) fn read_part<'a, 'o>(
    src: &'a str,
    at: u32,
    opts: &'o Options,
    validator: &'o Validator,
    rules: &dyn RuleSet,
    mut forks: Vec<Box<dyn Hook<'a> + Send + 'a>>,
    mut ix: Index<'a>,
    max_notes: usize,
    start: &Receiver<Start>,
    stop: &AtomicBool,
    walks_to: JobSender<'o>,
) -> Option<Part<'a, 'o, 'o>> {
    // Polled for: the reading thread sends it as soon as it has read what
    // comes before the entries, usually within microseconds of starting
    // this thread.
    let start = receive(start)?;
    let mut em = Emitter::new(opts);
    em.restrict(rules.use_cases());
    if let Some(uc) = start.fixed {
        em.fix_use_case(uc);
    }
    let mut structural =
        Structural::new(validator, opts.profile.as_deref(), opts.base_only, opts.structure);
    // Restricted like the walking thread's emitter (`pass::run_split`).
    let mut walks = Emitter::new(opts);
    walks.restrict(rules.use_cases());
    structural.send_to_other_part(walks_to, walks);
    let profiles: Vec<Cow<'_, str>> = start.profiles.into_iter().map(Cow::Owned).collect();
    let bundle_structures = structural.choose("Bundle", Profiles::Read(&profiles), rules, &em);
    let mut cx = Cx::with_max_notes(max_notes);
    let mut hooks: Vec<&mut dyn Hook<'a>> =
        forks.iter_mut().map(|h| &mut **h as &mut dyn Hook<'a>).collect();
    let mut st = Streamer {
        rules,
        ix: &mut ix,
        keys_to: KeysTo::Part,
        keys: Vec::new(),
        seen: vec![0; USE_CASES.len()],
        em: &mut em,
        hooks: &mut hooks,
        src,
        hinted: start.hinted,
        structural: &mut structural,
        bundle_structures,
        split: None,
    };
    let joined = read_entries_apart(src, at, &mut cx, &mut st, stop).ok()??;
    let seen = std::mem::take(&mut st.seen);
    drop(hooks);
    let hooks = forks.into_iter().map(Hook::part_state).collect();
    Some(Part { joined, ix, hand: em, structural: structural.into_part(src), seen, cx, hooks })
}

/// The profiles a resource declares: its typed `meta.profile`, borrowed,
/// or for the types the model keeps raw, read from the JSON into `read`.
pub(super) fn declared_profiles<'r>(
    res: &'r Resource<'_>,
    src: &'r str,
    read: &'r mut Vec<Cow<'r, str>>,
) -> Profiles<'r> {
    match res {
        Resource::Other(o) => {
            sniff_type_and_profiles(src, o.span.start as usize, |p| read.push(p.into_cow()));
            Profiles::Read(read)
        }
        _ => Profiles::Typed(res.meta().map_or(&[][..], |m| &m.profile[..])),
    }
}

/// The profiles a Bundle declares.
pub(super) fn bundle_profiles<'r>(header: &'r Bundle<'_>) -> Profiles<'r> {
    Profiles::Typed(header.meta.as_ref().map_or(&[][..], |m| &m.profile[..]))
}

pub(super) fn bundle_profile_use_case(rules: &dyn RuleSet, header: &Bundle<'_>) -> Option<UseCase> {
    header
        .meta
        .iter()
        .flat_map(|m| m.profile.iter())
        .find_map(|p| rules.use_case_of_profile(p.as_str()))
}
