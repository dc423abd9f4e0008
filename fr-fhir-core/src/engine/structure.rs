//! Structural validation inside the pass: which structures (profiles or base
//! definitions) each resource is checked against, and the walks of the
//! [`crate::conformance::walk::Validator`] over the resource, each Bundle
//! entry and the Bundle itself — in the same pass, on bytes just read.
//!
//! How a structure is chosen, in order (the reading users expect, issue 14):
//! 1. `--base`: the base R4 definition of the type, nothing else;
//! 2. `--profile`: the forced profile, for resources of its type;
//! 3. the profiles the resource declares in `meta.profile` that the
//!    definitions know (all of them: a resource claiming several must meet
//!    each);
//! 4. the profile the rule set gives for the type in each use case still
//!    possible (one walk per distinct profile, its findings scoped to the
//!    use cases that expect it);
//! 5. the base R4 definition of the type.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, TryLockError};

use super::index::{EntryType, Keyed, Keys};
use super::{Emitter, RuleSet, Scope};
use crate::conformance::walk::{Buffers, Target, Validator, Walk};
use crate::finding::{Finding, Message};
use crate::handback;
use crate::json::Span;
use crate::model::Canonical;
use crate::rules::prof::{ro1_prof_007, ro1_prof_009};

/// A resource to walk: where, its type, the profiles it declares, and the
/// value inside it walked on its own (the entry array of a Bundle).
pub(crate) struct ResourceAt<'r> {
    pub(crate) span: Span,
    pub(crate) rtype: &'r str,
    pub(crate) declared: Profiles<'r>,
    pub(crate) skip: Option<Span>,
    /// The model the reader read the resource with, when it read it
    /// without a note (`EntryType::name`: `None` for a type kept raw): the
    /// walk leaves out the checks of its root primitives that reading made
    /// (`Entry::model_checked`).
    pub(crate) read_clean_as: Option<EntryType>,
}

/// The profiles a resource declares: its typed `meta.profile`, borrowed as
/// it is (no list built per entry), or read from the JSON for the types the
/// model keeps raw.
#[derive(Clone, Copy)]
pub(crate) enum Profiles<'r> {
    Typed(&'r [Canonical<'r>]),
    Read(&'r [Cow<'r, str>]),
}

impl<'r> Profiles<'r> {
    fn len(self) -> usize {
        match self {
            Profiles::Typed(p) => p.len(),
            Profiles::Read(p) => p.len(),
        }
    }

    pub(crate) fn iter(self) -> impl Iterator<Item = &'r str> {
        let (typed, read) = match self {
            Profiles::Typed(p) => (p, &[][..]),
            Profiles::Read(p) => (&[][..], p),
        };
        typed.iter().map(Canonical::as_str).chain(read.iter().map(|p| p.as_ref()))
    }
}

/// Structures chosen for a resource, each with the use cases its findings
/// hold in; shared, so that handing the last choice again allocates nothing.
pub(crate) type Chosen<'v> = Rc<[(Cow<'v, str>, Scope)]>;

/// Choices [`Structural::choose`] keeps: a searchset interleaving Slot,
/// Schedule, Practitioner and PractitionerRole entries finds each again.
const CHOICES: usize = 8;

/// A choice [`Structural::choose`] made, and what it was made from.
struct KeptChoice<'v> {
    rtype: String,
    declared: Vec<String>,
    /// The use cases still wanted then (a choice without a known declared
    /// profile depends on them).
    wanted: Scope,
    chosen: Chosen<'v>,
}

/// The structural side of one pass over document `'a`.
pub(crate) struct Structural<'v, 'a> {
    v: &'v Validator,
    /// `--profile`, resolved to a canonical URL, with its type.
    forced: Option<(&'v str, &'v str)>,
    base_only: bool,
    /// False: nothing is walked (`Options::structure`).
    on: bool,
    /// Profiles walked so far, each with the first resource walked against
    /// it and the scope of that walk (RO1-PROF-007 is reported once each).
    walked: Vec<(String, Span, Scope)>,
    /// R4 types met without any structure to walk them against
    /// (RO1-PROF-009 is reported once each).
    undefined: Vec<String>,
    /// Number of the next walk ([`Job::seq`]).
    seq: u32,
    /// When a second thread shares the walks ([`walk_jobs`]).
    par: Option<Parallel<'v>>,
    /// The walks' buffers, kept from one walk to the next.
    bufs: Buffers<'a>,
    /// Structures (and elements) resolved so far: a Bundle walks thousands
    /// of entries against the same few.
    targets: Vec<(Cow<'v, str>, Option<&'static str>, Option<Target>)>,
    /// The last choices (at most [`CHOICES`], most recent last): entries
    /// are alike, and looking the profiles up again was a tenth of the hand
    /// side's cost.
    choices: Vec<KeptChoice<'v>>,
    /// The walks of the part read after a split point and taken in
    /// (`engine::split`), numbered after all of these.
    taken: Option<Emitter<'v>>,
}

/// What the structural side of the entries read after a split point
/// (`engine::split`) hands back: their walks' findings (numbered from 0),
/// how many walks, and what is said once per profile or type.
pub(crate) struct StructuralPart<'v> {
    walks: Option<Emitter<'v>>,
    seq: u32,
    walked: Vec<(String, Span, Scope)>,
    undefined: Vec<String>,
}

impl StructuralPart<'_> {
    /// Takes in the walks of this part's batches that the other thread
    /// walked while this part was read ([`Structural::help`]): in walk
    /// order with the others.
    pub(crate) fn with_help(&mut self, helped: Emitter<'_>) {
        // A part always shares its walks (`send_to_other_part`), so it has
        // an emitter of them whenever the other thread could help.
        debug_assert!(self.walks.is_some() || helped.is_empty());
        if let Some(mine) = self.walks.take() {
            let mut all = mine.sibling();
            all.absorb_walks(mine, helped);
            self.walks = Some(all);
        }
    }
}

/// The walks shared with another thread (the walking thread, or the other
/// part's once it has read its own): batches go to a queue both threads
/// take from. The other thread takes the oldest; this thread walks its
/// batch itself when `lag` batches are already waiting (the walks are then
/// the slower side), and once the document is read it takes what is left
/// instead of waiting for the other thread to finish alone.
struct Parallel<'v> {
    tx: JobSender<'v>,
    batch: Vec<Job<'v>>,
    /// The findings of the batches walked here as they were made.
    local: Emitter<'v>,
    /// The findings of the waiting batches taken back to be walked here
    /// (oldest first): older than some in `local`, so kept apart.
    late: Emitter<'v>,
    /// Batches left waiting at most ([`LAG`], [`LAG_PART`]).
    lag: usize,
    /// The size of the batch being filled ([`BATCH`] doubling up to
    /// [`BATCH_MAX`]).
    size: usize,
}

/// The batches waiting, shared by both threads.
struct Queue<'v> {
    batches: VecDeque<Vec<Job<'v>>>,
    /// No batch will come any more: the walking thread ends once it is empty.
    closed: bool,
    /// The walking thread sleeps on [`Shared::ready`].
    asleep: bool,
}

struct Shared<'v> {
    queue: Mutex<Queue<'v>>,
    ready: Condvar,
}

impl<'v> Shared<'v> {
    /// The queue, even after a panic of the other thread: it holds the lock
    /// only to push or pop, so the queue itself is never left half-changed.
    fn lock(&self) -> MutexGuard<'_, Queue<'v>> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// No batch will come any more: the walking thread ends once it is empty.
    fn close(&self) {
        self.lock().closed = true;
        self.ready.notify_all();
    }
}

/// This thread's end of the queue; dropping it closes the queue (on an
/// error of the read too), which ends the walking thread.
pub(crate) struct JobSender<'v> {
    shared: Arc<Shared<'v>>,
}

/// The other thread's end of the queue (the walking thread's, or the
/// other part's).
pub(crate) struct JobReceiver<'v> {
    shared: Arc<Shared<'v>>,
}

/// The queue between this thread and the walking thread.
pub(crate) fn job_queue<'v>() -> (JobSender<'v>, JobReceiver<'v>) {
    let shared = Arc::new(Shared {
        queue: Mutex::new(Queue {
            batches: VecDeque::with_capacity(LAG),
            closed: false,
            asleep: false,
        }),
        ready: Condvar::new(),
    });
    (JobSender { shared: Arc::clone(&shared) }, JobReceiver { shared })
}

impl<'v> JobSender<'v> {
    /// Queues `batch` unless `lag` batches are waiting already: then it
    /// comes back.
    fn offer(&self, batch: Vec<Job<'v>>, lag: usize) -> Result<(), Vec<Job<'v>>> {
        let mut q = self.shared.lock();
        if q.batches.len() >= lag {
            return Err(batch);
        }
        q.batches.push_back(batch);
        let wake = q.asleep;
        drop(q);
        if wake {
            self.shared.ready.notify_one();
        }
        Ok(())
    }

    /// The oldest batch still waiting, taken back to be walked here.
    fn take_back(&self) -> Option<Vec<Job<'v>>> {
        self.shared.lock().batches.pop_front()
    }
}

impl<'v> JobSender<'v> {
    /// A handle that closes the queue when dropped, held where the walking
    /// thread is joined: if this thread unwinds before [`Structural::stop`]
    /// (the sender lives in [`Structural`], outside the thread's scope), the
    /// walking thread still ends and the join does not wait for ever.
    pub(crate) fn closer(&self) -> QueueCloser<'v> {
        QueueCloser { shared: Arc::clone(&self.shared) }
    }
}

impl Drop for JobSender<'_> {
    fn drop(&mut self) {
        self.shared.close();
    }
}

/// Closes the queue when dropped ([`JobSender::closer`]); closing twice is
/// harmless.
pub(crate) struct QueueCloser<'v> {
    shared: Arc<Shared<'v>>,
}

impl Drop for QueueCloser<'_> {
    fn drop(&mut self) {
        self.shared.close();
    }
}

impl<'v> JobReceiver<'v> {
    /// The next batch if one is waiting (`Ok(None)`: none yet; `Err(())`:
    /// none will come, the queue is closed and empty).
    fn try_next(&self) -> Result<Option<Vec<Job<'v>>>, ()> {
        let mut q = self.shared.lock();
        match q.batches.pop_front() {
            Some(b) => Ok(Some(b)),
            None if q.closed => Err(()),
            None => Ok(None),
        }
    }

    /// The next batch, waiting for one (polled for first when `poll`: see
    /// [`handback::POLL`]); `None` once the queue is closed and empty.
    fn next(&self, poll: bool) -> Option<Vec<Job<'v>>> {
        let polled = poll.then(|| {
            handback::poll(|| {
                let mut q = match self.shared.queue.try_lock() {
                    Ok(q) => q,
                    Err(TryLockError::Poisoned(p)) => p.into_inner(),
                    Err(TryLockError::WouldBlock) => return None,
                };
                match q.batches.pop_front() {
                    Some(b) => Some(Some(b)),
                    None if q.closed => Some(None),
                    None => None,
                }
            })
        });
        if let Some(Some(got)) = polled {
            return got;
        }
        let mut q = self.shared.lock();
        loop {
            if let Some(b) = q.batches.pop_front() {
                return Some(b);
            }
            if q.closed {
                return None;
            }
            q.asleep = true;
            q = self.shared.ready.wait(q).unwrap_or_else(PoisonError::into_inner);
            q.asleep = false;
        }
    }
}

/// One walk handed to the walking thread.
pub(crate) struct Job<'v> {
    span: Span,
    structure: Cow<'v, str>,
    element: Option<&'static str>,
    skip: Option<Span>,
    scope: Scope,
    /// Walk order: findings are merged back in it ([`Emitter::absorb_walks`]).
    seq: u32,
    /// [`ResourceAt::read_clean_as`] (one byte: the walks wait in batches).
    read_clean_as: Option<EntryType>,
    /// The structure and element resolved ([`Structural::resolve`]); `None`:
    /// unknown, nothing to walk.
    target: Option<Target>,
}

/// Documents from this size on are walked by a second thread, in parallel
/// with the typed read and the hand rules: the walk needs only the bytes
/// and a span, so nothing pointer-rich crosses threads (the reason a
/// reader/rules split was measured slower, see ARCHITECTURE). Below it, a
/// thread costs more than it saves.
pub(crate) const PARALLEL_WALK_MIN: usize = 256 * 1024;

/// Walks in the first batch sent to the walking thread: small, so that it
/// starts early on a small Bundle.
const BATCH: usize = 32;

/// Walks in a batch at most: each batch is twice the size of the one before
/// up to this. Every batch the walking thread waits for costs a wake-up, and
/// on a virtual machine a wake-up of an idle core is slow: batches of 32
/// all along were 10–14 % slower than growing ones, on the SLA and 50 MB
/// Bundles (in-process runs alternating the two, README "Sixth step"); a
/// cap of 1,024 was no faster. A larger cap leaves a larger last batch to
/// share when the document is read.
const BATCH_MAX: usize = 512;

/// Batches waiting at most: this thread walks its batch itself beyond it.
/// Enough that the walking thread never waits for work while this thread
/// reads; what is left at the end is shared ([`Structural::stop`]).
const LAG: usize = 8;

/// [`LAG`] for the two parts of a split Bundle (`engine::split`), each of
/// which leaves its walks waiting for the other thread once that one has
/// read its own part: the walks left waiting are what the thread done
/// first can take from the other at once, so more of them balance the
/// parts better when one core runs slower than the other (on the 2-vCPU VM
/// the same half took 93 to 181 ms of CPU from one run to the next), for
/// some 1.4 MB of jobs at most.
const LAG_PART: usize = if cfg!(test) { 4 } else { 32 };

/// Tests: the walking thread sleeps before each batch, so that this thread
/// walks batches itself and takes back what is left at the end; batches
/// stay at [`BATCH`] walks then, so that a test Bundle makes enough of them
/// to get [`LAG`] ahead.
#[cfg(test)]
pub(crate) static SLOW_WALKER: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Tests: batches this thread walked itself because [`LAG`] were waiting.
#[cfg(test)]
pub(crate) static WALKED_BEHIND: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(0);

/// The size of the batch after one of `size` walks.
fn next_size(size: usize) -> usize {
    #[cfg(test)]
    if SLOW_WALKER.load(std::sync::atomic::Ordering::Relaxed) {
        return BATCH;
    }
    (size * 2).min(BATCH_MAX)
}

/// The index keys of the entries read (`index::Keyed`), in chunks in entry
/// order, and the index's maps they go in (`index::Keys`): the walking
/// thread puts them in between its walk batches (hashing and probing maps
/// as large as the Bundle are cache misses the reading thread is spared).
/// Whoever puts keys in holds the maps' lock while taking the chunks, so
/// they go in in entry order whoever takes them: the reading thread too,
/// when the walking thread falls [`KEY_BACKLOG`] chunks behind (memory
/// stays bounded) and after the join (what is left).
pub(crate) struct KeyQueue<'a> {
    chunks: Mutex<Vec<Vec<Keyed<'a>>>>,
    keys: Mutex<Option<Keys<'a>>>,
}

/// Keys of this many entries are sent at once.
pub(crate) const KEY_CHUNK: usize = 256;

/// Chunks waiting at most: one more and the reading thread puts them in
/// itself (tests: two, so that the slow walker makes it happen).
const KEY_BACKLOG: usize = if cfg!(test) { 2 } else { 64 };

#[cfg(test)]
thread_local! {
    /// Tests: times this thread put the waiting keys in itself.
    pub(crate) static BACKLOG_PUTS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl<'a> KeyQueue<'a> {
    /// A queue in front of `keys` (taken from the index: `Index::take_keys`).
    pub(crate) fn new(keys: Keys<'a>) -> Self {
        KeyQueue { chunks: Mutex::new(Vec::new()), keys: Mutex::new(Some(keys)) }
    }

    /// Queues the keys of the next entries (after every chunk sent before);
    /// puts them all in here if too many wait.
    pub(crate) fn send(&self, chunk: Vec<Keyed<'a>>) {
        if chunk.is_empty() {
            return;
        }
        let waiting = {
            let mut chunks = self.chunks.lock().unwrap_or_else(PoisonError::into_inner);
            chunks.push(chunk);
            chunks.len()
        };
        if waiting > KEY_BACKLOG {
            #[cfg(test)]
            BACKLOG_PUTS.with(|n| n.set(n.get() + 1));
            self.put_in();
        }
    }

    /// Puts every chunk sent so far in the maps, in order.
    pub(crate) fn put_in(&self) {
        // The maps' lock first: two threads putting keys in take turns.
        let mut keys = self.keys.lock().unwrap_or_else(PoisonError::into_inner);
        let chunks =
            std::mem::take(&mut *self.chunks.lock().unwrap_or_else(PoisonError::into_inner));
        if let Some(keys) = keys.as_mut() {
            for k in chunks.into_iter().flatten() {
                keys.insert(k);
            }
        }
    }

    /// The maps, untouched, when no thread will put keys in after all (the
    /// walking thread was refused).
    pub(crate) fn take_back(&self) -> Option<Keys<'a>> {
        self.keys.lock().unwrap_or_else(PoisonError::into_inner).take()
    }

    /// The maps, once every chunk is in (the walking thread has ended);
    /// `None` if taken back.
    pub(crate) fn into_keys(self) -> Option<Keys<'a>> {
        self.put_in();
        self.keys.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The walking thread (or a split Bundle's second thread once its part is
/// handed over, `keys` then `None`): walks each job into its own emitter,
/// returned when the queue closes, and puts the index keys of `keys` in
/// their maps between its batches.
pub(crate) fn walk_jobs<'o>(
    v: &Validator,
    opts: &'o super::Options,
    candidates: Scope,
    src: &str,
    jobs: JobReceiver<'_>,
    keys: Option<&KeyQueue<'_>>,
    poll: bool,
) -> Emitter<'o> {
    let mut em = Emitter::new(opts);
    em.restrict(candidates);
    let mut bufs = Buffers::default();
    while let Some(batch) = jobs.next(poll) {
        #[cfg(test)]
        if SLOW_WALKER.load(std::sync::atomic::Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        walk_batch(v, src, &batch, &mut em, &mut bufs);
        // Tests: the slow walker leaves every key to the reading thread.
        #[cfg(test)]
        if SLOW_WALKER.load(std::sync::atomic::Ordering::Relaxed) {
            continue;
        }
        if let Some(q) = keys {
            q.put_in();
        }
    }
    em
}

fn walk_batch<'a>(
    v: &Validator,
    src: &'a str,
    batch: &[Job<'_>],
    em: &mut Emitter<'_>,
    bufs: &mut Buffers<'a>,
) {
    for job in batch {
        walk_one(v, src, job, em, bufs);
    }
}

fn walk_one<'a>(
    v: &Validator,
    src: &'a str,
    job: &Job<'_>,
    em: &mut Emitter<'_>,
    bufs: &mut Buffers<'a>,
) {
    let w = Walk {
        structure: &job.structure,
        element: job.element,
        skip: job.skip.as_slice(),
        scope: job.scope,
    };
    let Some(target) = job.target else { return };
    em.in_job(job.seq, |em| {
        em.structural(|em| {
            let read_as = job.read_clean_as.and_then(EntryType::name);
            v.check_target_read(src, job.span, target, &w, em, bufs, read_as);
        });
    });
}

impl<'v, 'a> Structural<'v, 'a> {
    pub(crate) fn new(v: &'v Validator, profile: Option<&str>, base_only: bool, on: bool) -> Self {
        let forced =
            profile.and_then(|p| v.definitions().find(p)).map(|s| (&*s.url, &*s.type_name));
        Structural {
            v,
            forced,
            base_only,
            on,
            walked: Vec::new(),
            undefined: Vec::new(),
            seq: 0,
            par: None,
            bufs: Buffers::default(),
            targets: Vec::new(),
            choices: Vec::new(),
            taken: None,
        }
    }

    /// The structural side of a part read after a split point, for
    /// [`Structural::take_part`]: its walks all done ([`Structural::stop`]).
    pub(crate) fn into_part(mut self, src: &'a str) -> StructuralPart<'v> {
        StructuralPart {
            walks: self.stop(src),
            seq: self.seq,
            walked: std::mem::take(&mut self.walked),
            undefined: std::mem::take(&mut self.undefined),
        }
    }

    /// Whether `part` can follow the walks done here as if done here: a
    /// type without a structure is said once, so not when both met one.
    pub(crate) fn can_take(&self, part: &StructuralPart<'_>) -> bool {
        !part.undefined.iter().any(|t| self.undefined.contains(t))
    }

    /// Takes the walks of a part read after a split point
    /// ([`Structural::can_take`]): numbered after the walks done so far, its
    /// profiles after these (the first resource walked against each stays
    /// the first).
    pub(crate) fn take_part(&mut self, part: StructuralPart<'v>) {
        if let Some(mut walks) = part.walks {
            walks.shift_jobs(self.seq);
            match &mut self.taken {
                Some(mine) => mine.absorb_after(walks),
                None => self.taken = Some(walks),
            }
        }
        self.seq = self.seq.wrapping_add(part.seq);
        for (url, span, scope) in part.walked {
            self.note_walked(&url, span, scope);
        }
        self.undefined.extend(part.undefined);
    }

    /// From now on, walks are shared with the walking thread behind `tx`;
    /// `local` (restricted like the thread's emitter) keeps the findings of
    /// those walked here.
    pub(crate) fn send_to(&mut self, tx: JobSender<'v>, local: Emitter<'v>) {
        self.share(tx, local, LAG);
    }

    /// [`Structural::send_to`] for a part of a split Bundle: the other
    /// part's thread takes the batches waiting once it has read its own
    /// part ([`walk_jobs`], [`Structural::help`]), up to [`LAG_PART`] of them.
    pub(crate) fn send_to_other_part(&mut self, tx: JobSender<'v>, local: Emitter<'v>) {
        self.share(tx, local, LAG_PART);
    }

    fn share(&mut self, tx: JobSender<'v>, local: Emitter<'v>, lag: usize) {
        let late = local.sibling();
        self.par =
            Some(Parallel { tx, batch: Vec::with_capacity(BATCH), local, late, lag, size: BATCH });
    }

    /// Walks the batches of the other part's queue `theirs` into `em`
    /// while that part is still being read, and this part's own waiting
    /// batches when that queue is empty; returns once `theirs` is closed
    /// and empty (the other part read and its walks all taken).
    pub(crate) fn help(&mut self, src: &'a str, theirs: &JobReceiver<'v>, em: &mut Emitter<'_>) {
        self.flush(src);
        loop {
            let batch = match theirs.try_next() {
                Ok(Some(batch)) => batch,
                Err(()) => return,
                Ok(None) => {
                    if let Some(p) = self.par.as_mut()
                        && let Some(mine) = p.tx.take_back()
                    {
                        walk_batch(self.v, src, &mine, &mut p.late, &mut self.bufs);
                        continue;
                    }
                    // Nothing to do here: wait for the other thread.
                    match theirs.next(true) {
                        Some(batch) => batch,
                        None => return,
                    }
                }
            };
            walk_batch(self.v, src, &batch, em, &mut self.bufs);
        }
    }

    /// Sends the batch being filled to the other thread (or walks it here
    /// when too many wait), so that it walks it while this one goes on.
    pub(crate) fn send_last(&mut self, src: &'a str) {
        self.flush(src);
    }

    /// Sends the last batch, walks here whatever batches are still
    /// waiting (alongside the other thread), and closes the queue; returns
    /// the findings of the walks done here, followed by those of a part
    /// taken in (`None`: nothing was shared nor taken, every walk was
    /// reported as it was done).
    pub(crate) fn stop(&mut self, src: &'a str) -> Option<Emitter<'v>> {
        self.flush(src);
        // The walks of a part taken in: numbered after all of these.
        let taken = self.taken.take();
        let Some(mut p) = self.par.take() else { return taken };
        // Taken back oldest first, after every batch walked here before: in
        // an emitter of their own, so that each emitter holds its walks in
        // walk order, as merging them needs (`Emitter::absorb_walks`).
        while let Some(batch) = p.tx.take_back() {
            walk_batch(self.v, src, &batch, &mut p.late, &mut self.bufs);
        }
        drop(p.tx);
        let mut mine = p.local.sibling();
        mine.absorb_walks(p.local, p.late);
        if let Some(taken) = taken {
            mine.absorb_after(taken);
        }
        Some(mine)
    }

    /// What `structure` and `element` resolve to, looked up once each.
    // The `Cow` itself is kept (a borrowed URL stays borrowed), hence `&Cow`.
    #[allow(clippy::ptr_arg)]
    fn resolve(
        &mut self,
        structure: &Cow<'v, str>,
        element: Option<&'static str>,
    ) -> Option<Target> {
        // The URLs are the definitions' own strings, most of the time: the
        // same address is the same URL without comparing the bytes.
        let same_str = |a: &str, b: &str| std::ptr::eq(a, b) || a == b;
        let same = |(s, e, _): &&(Cow<'v, str>, Option<&'static str>, Option<Target>)| {
            let same_element = match (*e, element) {
                (Some(a), Some(b)) => same_str(a, b),
                (None, None) => true,
                _ => false,
            };
            same_element && same_str(s, structure)
        };
        if let Some((_, _, t)) = self.targets.iter().find(same) {
            return *t;
        }
        let t = self.v.target(structure, element);
        self.targets.push((structure.clone(), element, t));
        t
    }

    /// Walks now, or batches the walk for the walking thread.
    fn walk(&mut self, src: &'a str, mut job: Job<'v>, em: &mut Emitter<'_>) {
        job.target = self.resolve(&job.structure, job.element);
        if job.target.is_none() {
            return;
        }
        job.seq = self.seq;
        self.seq = self.seq.wrapping_add(1);
        match &mut self.par {
            Some(p) => {
                p.batch.push(job);
                if p.batch.len() >= p.size {
                    self.flush(src);
                }
            }
            None => walk_one(self.v, src, &job, em, &mut self.bufs),
        }
    }

    /// Queues the batch for the other thread, or walks it here when `lag`
    /// batches are waiting already (the other thread is slower, or
    /// gone: it panicked, and the join reports it).
    fn flush(&mut self, src: &'a str) {
        let Some(p) = &mut self.par else { return };
        if p.batch.is_empty() {
            return;
        }
        p.size = next_size(p.size);
        match p.tx.offer(std::mem::take(&mut p.batch), p.lag) {
            Ok(()) => p.batch = Vec::with_capacity(p.size),
            Err(mut batch) => {
                walk_batch(self.v, src, &batch, &mut p.local, &mut self.bufs);
                #[cfg(test)]
                WALKED_BEHIND.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                batch.clear();
                p.batch = batch;
            }
        }
    }

    /// The structures a resource of type `rtype` declaring `declared` is
    /// checked against, each with the use cases its findings hold in.
    pub(crate) fn choose(
        &mut self,
        rtype: &str,
        declared: Profiles<'_>,
        rules: &dyn RuleSet,
        em: &Emitter<'_>,
    ) -> Chosen<'v> {
        if !self.on {
            return Rc::new([]);
        }
        let wanted = rules
            .use_cases()
            .iter()
            .filter(|&uc| em.wants(uc.scope()))
            .fold(Scope::NONE, |s, uc| s.or(uc.scope()));
        let same = |c: &&KeptChoice<'v>| {
            c.rtype == rtype
                && c.wanted == wanted
                && c.declared.len() == declared.len()
                && c.declared.iter().zip(declared.iter()).all(|(a, b)| a == b)
        };
        if let Some(c) = self.choices.iter().rev().find(same) {
            return Rc::clone(&c.chosen);
        }
        let chosen: Chosen<'v> = self.choose_anew(rtype, declared, rules, em).into();
        if self.choices.len() == CHOICES {
            self.choices.remove(0);
        }
        self.choices.push(KeptChoice {
            rtype: rtype.to_string(),
            declared: declared.iter().map(str::to_string).collect(),
            wanted,
            chosen: Rc::clone(&chosen),
        });
        chosen
    }

    /// [`Structural::choose`] without the kept choices. What it returns may
    /// depend only on `rtype`, `declared`, the use cases `em` still wants
    /// and what is fixed for the pass (`on`, `base_only`, `forced`, the
    /// definitions, the rule set): a choice is found again on those alone
    /// ([`KeptChoice`]); anything else it comes to read must join them.
    fn choose_anew(
        &self,
        rtype: &str,
        declared: Profiles<'_>,
        rules: &dyn RuleSet,
        em: &Emitter<'_>,
    ) -> Vec<(Cow<'v, str>, Scope)> {
        let defs = self.v.definitions();
        let base = || defs.base(rtype).map(|s| Cow::Borrowed(&*s.url));
        if self.base_only {
            return base().map(|u| vec![(u, Scope::ALL)]).unwrap_or_default();
        }
        if let Some((url, ty)) = self.forced
            && ty == rtype
        {
            return vec![(Cow::Borrowed(url), Scope::ALL)];
        }
        let known: Vec<(Cow<'v, str>, Scope)> = declared
            .iter()
            .filter_map(|p| defs.structure(p))
            .filter(|s| s.type_name == rtype)
            .map(|s| (Cow::Borrowed(&*s.url), Scope::ALL))
            .collect();
        if !known.is_empty() {
            return known;
        }
        let mut out: Vec<(Cow<'v, str>, Scope)> = Vec::new();
        for uc in rules.use_cases().iter().filter(|&uc| em.wants(uc.scope())) {
            let url = rules
                .profile_for(rtype, uc)
                .and_then(|p| defs.structure(p))
                .map(|s| Cow::Borrowed(&*s.url))
                .or_else(base);
            let Some(url) = url else { continue };
            match out.iter_mut().find(|(u, _)| *u == url) {
                Some((_, scope)) => *scope = scope.or(uc.scope()),
                None => out.push((url, uc.scope())),
            }
        }
        if out.is_empty()
            && let Some(u) = base()
        {
            out.push((u, Scope::ALL));
        }
        out
    }

    /// Walks one resource (a Bundle entry's, or the document's root).
    pub(crate) fn resource(
        &mut self,
        src: &'a str,
        at: &ResourceAt<'_>,
        rules: &dyn RuleSet,
        em: &mut Emitter<'_>,
    ) {
        let chosen = self.choose(at.rtype, at.declared, rules, em);
        if chosen.is_empty() && self.on {
            self.undefined_type(at, em);
        }
        for (url, scope) in chosen.iter() {
            let job = Job {
                span: at.span,
                structure: url.clone(),
                element: None,
                skip: at.skip,
                scope: *scope,
                seq: 0,
                read_clean_as: at.read_clean_as,
                target: None,
            };
            self.walk(src, job, em);
            self.note_walked(url, at.span, *scope);
        }
    }

    /// Walks one Bundle entry without its resource (walked on its own), as an
    /// instance of `Bundle.entry` of the Bundle's structures (chosen once per
    /// Bundle with [`Structural::choose`]).
    pub(crate) fn entry(
        &mut self,
        src: &'a str,
        entry: Span,
        resource: Option<Span>,
        bundle: &[(Cow<'v, str>, Scope)],
        em: &mut Emitter<'_>,
    ) {
        for (url, scope) in bundle {
            let job = Job {
                span: entry,
                structure: url.clone(),
                element: Some("Bundle.entry"),
                skip: resource,
                scope: *scope,
                seq: 0,
                read_clean_as: None,
                target: None,
            };
            self.walk(src, job, em);
        }
    }

    /// Reports, once per profile walked, the invariants it names that are
    /// not evaluated (RO1-PROF-007), on the first resource walked against it.
    pub(crate) fn finish(&mut self, em: &mut Emitter<'_>) {
        for (url, span, scope) in std::mem::take(&mut self.walked) {
            for key in self.v.unevaluated(&url) {
                let f = Finding::body(
                    &ro1_prof_007::RULE,
                    span,
                    Message::new(
                        format!(
                            "l'invariant `{key}` du profil {url} n'est pas évalué par ce validateur : vérifiez-le avec le validateur HL7"
                        ),
                        format!(
                            "invariant `{key}` of profile {url} is not evaluated by this validator: check it with the HL7 validator"
                        ),
                    ),
                )
                .with_source(url.clone());
                em.structural(|em| em.push(scope, f));
            }
        }
    }

    /// An R4 resource type no loaded definition describes: said once per
    /// type (an unknown type is the hand rules' to report).
    fn undefined_type(&mut self, at: &ResourceAt<'_>, em: &mut Emitter<'_>) {
        let ty = at.rtype;
        if !crate::model::is_r4_resource_type(ty) || self.undefined.iter().any(|t| t == ty) {
            return;
        }
        self.undefined.push(ty.to_string());
        let f = Finding::body(
            &ro1_prof_009::RULE,
            at.span,
            Message::new(
                format!(
                    "aucune définition de structure chargée pour le type {ty} : seules la syntaxe JSON et les règles métier s'appliquent aux ressources {ty} (chargez un paquet qui le définit avec --ig)"
                ),
                format!(
                    "no structure definition loaded for type {ty}: only the JSON syntax and the hand rules apply to {ty} resources (load a package defining it with --ig)"
                ),
            ),
        );
        em.structural(|em| em.push(Scope::ALL, f));
    }

    fn note_walked(&mut self, url: &str, span: Span, scope: Scope) {
        match self.walked.iter_mut().find(|(u, _, _)| u == url) {
            Some((_, _, s)) => *s = s.or(scope),
            None => self.walked.push((url.to_string(), span, scope)),
        }
    }
}

#[cfg(test)]
mod queue_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The reading thread unwinding while the sender still lives (it is
    /// kept in `Structural`, outside the scope that joins the walking
    /// thread): dropping the closer ends the walking thread, so the join
    /// does not hang.
    #[test]
    fn the_closer_ends_the_walking_thread_while_the_sender_lives() {
        let (tx, jobs) = job_queue();
        let closer = tx.closer();
        let (done_tx, done) = std::sync::mpsc::channel();
        std::thread::scope(|sc| {
            sc.spawn(move || {
                while jobs.next(false).is_some() {}
                done_tx.send(()).unwrap();
            });
            drop(closer);
            let ended = done.recv_timeout(std::time::Duration::from_secs(10));
            // Closed for good before asserting: a failure must not hang the join.
            drop(tx);
            assert!(ended.is_ok(), "the walking thread still waits");
        });
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use std::sync::Arc;

    use crate::conformance::Definitions;
    use crate::conformance::table::{Constraint, ConstraintSeverity, ElementTable};
    use crate::conformance::walk::Validator;
    use crate::rules::{Options, validate};

    /// Keys put in by two threads at once (one taking the waiting chunks as
    /// a walking thread does, this one past the backlog and at the end) go
    /// in in entry order: the same duplicates and look-ups as `Index::add`.
    #[test]
    fn keys_put_in_by_two_threads_go_in_in_order() {
        use super::{KeyQueue, Keyed};
        use crate::engine::index::Index;
        use crate::model::{Resource, parse_resource};
        let entries: Vec<String> = (0..3_000)
            .map(|i| {
                let (id, url) = (i % 1_000, i % 1_300);
                format!(
                    r#"{{"fullUrl":"urn:uuid:{url}","resource":{{"resourceType":"Slot","id":"s{id}"}}}}"#
                )
            })
            .collect();
        let src = format!(r#"{{"resourceType":"Bundle","entry":[{}]}}"#, entries.join(","));
        let Ok((Resource::Bundle(b), _)) = parse_resource(&src) else { panic!("not a Bundle") };
        let mut whole = Index::new(&src);
        for (i, e) in b.entry.iter().enumerate() {
            whole.add(i as u32, e);
        }
        let mut apart = Index::new(&src);
        let queue = KeyQueue::new(apart.take_keys());
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|sc| {
            sc.spawn(|| {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    queue.put_in();
                }
            });
            let mut chunk: Vec<Keyed<'_>> = Vec::new();
            for (i, e) in b.entry.iter().enumerate() {
                chunk.push(apart.add_unkeyed(i as u32, e).1);
                if chunk.len() == 7 {
                    queue.send(std::mem::take(&mut chunk));
                }
            }
            queue.send(chunk);
            done.store(true, std::sync::atomic::Ordering::Relaxed);
        });
        apart.put_keys(queue.into_keys().unwrap());
        assert_eq!(whole.dup_type_id.len(), 2_000);
        assert_eq!(apart.dup_type_id, whole.dup_type_id);
        assert_eq!(apart.dup_full_url, whole.dup_full_url);
        for k in 0..1_300 {
            let url = format!("urn:uuid:{k}");
            assert_eq!(apart.by_full_url(&url), whole.by_full_url(&url), "{url}");
        }
    }

    /// Options whose definitions add `http://x/P`: the PS Slot profile with
    /// its elements changed by `edit`.
    fn with_slot_profile(edit: impl FnOnce(&mut [ElementTable])) -> Options {
        let mut defs = Definitions::builtin();
        let mut p = defs.structure(crate::rules::profiles::SLOT_PS).unwrap().clone();
        let mut els = p.elements.to_vec();
        edit(&mut els);
        p.elements = els.into();
        p.url = "http://x/P".into();
        defs.add_structure(p);
        Options { validator: Some(Arc::new(Validator::new(Arc::new(defs)))), ..Options::default() }
    }

    /// An invariant a loaded profile names and nobody evaluates is said once
    /// per profile (RO1-PROF-007), however many resources claim it.
    #[test]
    fn an_unevaluated_profile_invariant_is_reported_once_per_profile() {
        let opts = with_slot_profile(|els| {
            let mut cs = els[0].constraints.to_vec();
            cs.push(Constraint {
                key: "sas-slot-1".into(),
                severity: ConstraintSeverity::Error,
                human: "".into(),
                expression: "start < end".into(),
                source: "http://x/P".into(),
            });
            els[0].constraints = cs.into();
        });
        let slot = r#"{"resource":{"resourceType":"Slot","meta":{"profile":["http://x/P"]},"status":"free"}}"#;
        let src =
            format!(r#"{{"resourceType":"Bundle","type":"searchset","entry":[{slot},{slot}]}}"#);
        let report = validate(&src, &opts).unwrap();
        let said: Vec<_> = report.findings.iter().filter(|f| f.rule.id == "RO1-PROF-007").collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].message.get(crate::finding::Lang::En).contains("sas-slot-1"));
        assert_eq!(said[0].source(), "http://x/P");
    }

    /// A resource of an R4 type without any loaded definition is said once
    /// per type and document (RO1-PROF-009), never skipped in silence; a
    /// type with definitions, or no R4 type at all, is not.
    #[test]
    fn an_r4_type_without_definitions_is_said_once() {
        let count = |src: &str| {
            let report = validate(src, &Options::default()).unwrap();
            report.findings.iter().filter(|f| f.rule.id == "RO1-PROF-009").count()
        };
        assert_eq!(count(r#"{"resourceType":"Observation","status":"final"}"#), 1);
        let obs = r#"{"resource":{"resourceType":"Observation","id":"o"}}"#;
        let enc = r#"{"resource":{"resourceType":"Encounter","id":"e"}}"#;
        let bundle = format!(
            r#"{{"resourceType":"Bundle","type":"searchset","entry":[{obs},{obs},{enc}]}}"#
        );
        assert_eq!(count(&bundle), 2);
        assert_eq!(count(r#"{"resourceType":"Slot","status":"free"}"#), 0);
        assert_eq!(count(r#"{"resourceType":"NotAType"}"#), 0);
        let off = Options { structure: false, ..Options::default() };
        let report = validate(r#"{"resourceType":"Observation"}"#, &off).unwrap();
        assert!(report.findings.iter().all(|f| f.rule.id != "RO1-PROF-009"));
    }

    /// Entries declaring different profiles in turn are each walked against
    /// their own (the structures of the previous entry are reused only when
    /// it declared the same).
    #[test]
    fn alternating_profiles_are_each_walked_against_their_own() {
        let opts = with_slot_profile(|els| {
            els.iter_mut().find(|e| e.path == "Slot.overbooked").unwrap().min = 1;
        });
        let slot = |profile: &str| {
            format!(
                r#"{{"resource":{{"resourceType":"Slot","meta":{{"profile":["{profile}"]}},"status":"free"}}}}"#
            )
        };
        let (ps, x) = (slot(crate::rules::profiles::SLOT_PS), slot("http://x/P"));
        let entries = [&x, &ps, &ps, &x, &x, &ps];
        let src = format!(
            r#"{{"resourceType":"Bundle","type":"searchset","entry":[{}]}}"#,
            entries.map(|e| e.as_str()).join(",")
        );
        let report = validate(&src, &opts).unwrap();
        let missing: Vec<String> = report
            .findings
            .iter()
            .filter(|f| {
                f.rule.id == "RO1-PROF-001"
                    && f.message.get(crate::finding::Lang::En).contains("overbooked")
            })
            .map(|f| f.source().to_string())
            .collect();
        assert_eq!(missing.len(), 3, "{missing:?}");
        assert!(missing.iter().all(|s| s.starts_with("http://x/P")), "{missing:?}");
    }
}
