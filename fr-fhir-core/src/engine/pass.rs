//! The validation pass: stream the entries once, run the per-entry rules on
//! each, keep a compact index, run the cross-resource rules at the end, then
//! resolve the locations of the findings in one batch.

use std::sync::atomic::AtomicBool;
use std::sync::mpsc;

use chrono::{DateTime, Utc};

use super::context::{Finish, Hook};
use super::dedup;
use super::emit::{Emitted, Emitter};
use super::index::Index;
use super::split::{SplitSide, resume_point};
use super::stream::{
    KeysTo, bundle_profile_use_case, bundle_profiles, declared_profiles, read_part, stream_bundle,
};
use super::structure::{KeyQueue, PARALLEL_WALK_MIN, ResourceAt, Structural, job_queue, walk_jobs};
use super::{RuleSet, Subject, UseCase, UseCaseSource};
use crate::conformance::walk::Validator;
use crate::finding::{Counts, Finding, Severity, Target};
use crate::handback;
use crate::json::{JsonError, Kind, Reader, Span, resolve};
use crate::model::{Bundle, Cx, Resource, de::read_value, sniff_resource_type};

/// What to validate against.
///
/// ```
/// use fr_fhir_core::engine::{Options, UseCase, UseCaseSource};
/// use fr_fhir_core::rules::validate;
/// let src = r#"{"resourceType":"Bundle","type":"searchset","total":0}"#;
/// // Judge as an SOS Médecins answer, check digits as errors.
/// let opts = Options { use_case: Some(UseCase::SOS), strict: true, ..Options::default() };
/// let report = validate(src, &opts).unwrap();
/// assert_eq!(report.subject.use_case, UseCase::SOS);
/// assert_eq!(report.subject.use_case_source, UseCaseSource::Option);
/// ```
#[derive(Debug, Clone)]
pub struct Options {
    /// Force a use case (otherwise detected from profiles, request, content).
    pub use_case: Option<UseCase>,
    /// Check-digit findings become errors.
    pub strict: bool,
    /// The moment the response was produced (for "slot in the past").
    pub now: Option<DateTime<Utc>>,
    /// Cap on information and warning findings kept per input (the rest
    /// are counted in [`Report::dropped`]). Errors and fatals are always kept.
    pub max_findings: usize,
    /// IDs of rules not to report (`--ignore`): their findings are neither
    /// stored nor counted, only tallied in [`Report::ignored`]; applied
    /// before the cap, so the rules left keep exact counts. Fatal findings
    /// are never ignored.
    pub ignore: Option<std::sync::Arc<std::collections::HashSet<&'static str>>>,
    /// The structural validator and its definitions (`None`: the built-in
    /// base R4 + SAS IG tables; `--ig` brings another).
    pub validator: Option<std::sync::Arc<crate::conformance::walk::Validator>>,
    /// Validate every resource against this profile (canonical URL or name,
    /// `--profile`) instead of choosing one.
    pub profile: Option<String>,
    /// Validate against base FHIR R4 only (`--base`): no profile, no SAS rule.
    pub base_only: bool,
    /// Run the structural validator (on by default). Off, only the hand
    /// rules and the reader's notes report: the behaviour of release 0.1,
    /// kept for benchmarks that compare the two in one run.
    pub structure: bool,
    /// Use a second thread for a large document, 256 KiB or more (on by
    /// default): a Bundle's entries are read in two parts at once when the
    /// rule set allows it ([`RuleSet::entries_in_parts`]) and every hook can
    /// be forked ([`Hook::fork`]), otherwise the structural walk runs beside
    /// the typed read and the hand rules; the lines and columns of the findings are counted beside
    /// their paths. Off, everything runs on the calling thread, for callers
    /// that must not start threads or that share out the cores themselves
    /// (`benches/examples/split_ceiling.rs` validates two halves of a Bundle
    /// at once, one per core). The report is the same either way. (With
    /// several documents validated at once, one per core, turning it off
    /// was measured no faster: `sas-validate` keeps it on.)
    ///
    /// ```
    /// use fr_fhir_core::rules::{Options, validate};
    /// let src = r#"{"resourceType":"Bundle","type":"searchset","total":0}"#;
    /// let one = Options { second_thread: false, ..Options::default() };
    /// let (a, b) = (validate(src, &one).unwrap(), validate(src, &Options::default()).unwrap());
    /// assert_eq!(format!("{:?}", a.findings), format!("{:?}", b.findings));
    /// ```
    pub second_thread: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            use_case: None,
            strict: false,
            now: None,
            max_findings: 10_000,
            ignore: None,
            validator: None,
            profile: None,
            base_only: false,
            structure: true,
            second_thread: true,
        }
    }
}

impl Options {
    /// True when findings of `rule` are not to be reported.
    ///
    /// ```
    /// use fr_fhir_core::rules::Options;
    /// let opts = Options { ignore: Some(std::sync::Arc::new(["RO1-SLOT-015"].into())), ..Options::default() };
    /// assert!(opts.ignores("RO1-SLOT-015") && !opts.ignores("RO1-SLOT-001"));
    /// ```
    pub fn ignores(&self, rule: &str) -> bool {
        self.ignore.as_ref().is_some_and(|set| set.contains(rule))
    }
}

/// The result of validating one document.
///
/// ```
/// use fr_fhir_core::finding::Severity;
/// use fr_fhir_core::rules::{Options, validate};
/// let report = validate(r#"{"resourceType":"Slot","status":"open"}"#, &Options::default()).unwrap();
/// assert_eq!(report.subject.resource_type, "Slot");
/// assert!(report.has(Severity::Error));
/// let errors = report.findings.iter().filter(|f| f.severity == Severity::Error).count();
/// assert_eq!(report.counts().error, errors as u64 + report.dropped.error);
/// ```
#[derive(Debug, Clone)]
pub struct Report {
    /// What was validated: `resourceType` (empty when unknown), use case
    /// retained and why, entries read; no exchange (index 0, no method,
    /// URL or status).
    pub subject: Subject,
    /// Findings, in document order, with their locations resolved.
    pub findings: Vec<Finding>,
    /// Findings not kept beyond the caps, per severity (information and
    /// warnings beyond `Options::max_findings`; errors only beyond the
    /// memory guards [`crate::engine::MAX_SEVERE`] and `Cx::max_notes`).
    /// Added to the counts of `findings`, they give the exact counts.
    pub dropped: Counts,
    /// Findings of rules in `Options::ignore`, not stored nor counted.
    pub ignored: u64,
}

impl Report {
    /// Counts of every finding per severity, stored or not (beyond the cap).
    pub fn counts(&self) -> Counts {
        self.dropped.with(&self.findings)
    }

    /// True when a finding reaches `severity` (the question a CI test asks).
    ///
    /// ```
    /// use fr_fhir_core::finding::Severity;
    /// use fr_fhir_core::rules::{Options, validate};
    /// let report = validate(r#"{"resourceType":"Bundle","type":"batch"}"#, &Options::default()).unwrap();
    /// assert!(report.has(Severity::Error));
    /// ```
    pub fn has(&self, severity: Severity) -> bool {
        self.counts().at_least(severity) > 0
    }
}

/// Validates one document (a Bundle streamed entry by entry, or any other
/// resource) with a rule set and extra hooks run in the same pass.
///
/// ```
/// use fr_fhir_core::engine::{Options, run};
/// use fr_fhir_core::rules::SLOT_SEARCH_BODY;
/// let src = r#"{"resourceType":"OperationOutcome","issue":[]}"#;
/// let report = run(src, &Options::default(), &SLOT_SEARCH_BODY, &mut []).unwrap();
/// assert_eq!(report.subject.resource_type, "OperationOutcome");
/// ```
pub fn run<'a>(
    src: &'a str,
    opts: &Options,
    rules: &dyn RuleSet,
    hooks: &mut [&mut dyn Hook<'a>],
) -> Result<Report, JsonError> {
    run_split(src, opts, rules, hooks, PARALLEL_WALK_MIN, Split::Auto)
}

/// Fuzzing only (`cargo fuzz` builds with `--cfg fuzzing`): [`run`] without
/// hooks, a Bundle's entries read in two parts from byte `at` whatever its
/// size (the part taken only if an entry starts there and it can follow),
/// so that the fuzzer compares it with [`run`] on small inputs.
#[cfg(fuzzing)]
#[doc(hidden)]
pub fn run_in_two_parts_at(
    src: &str,
    opts: &Options,
    rules: &dyn RuleSet,
    at: u32,
) -> Result<Report, JsonError> {
    run_split(src, opts, rules, &mut [], 0, Split::At(at))
}

/// The builder of the second thread (the walking thread or the other
/// part's reader). Tests: a stack no memory holds, so the system refuses it.
fn second_thread() -> std::thread::Builder {
    let builder = std::thread::Builder::new();
    #[cfg(test)]
    let builder = if REFUSE_WALKER.with(std::cell::Cell::get) {
        builder.stack_size(1 << 62)
    } else {
        builder
    };
    builder
}

/// Sets its flag when dropped: the other part's stop, whatever ends the reading.
struct StopOnDrop<'s>(&'s AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Whether a large Bundle's entries are read in two parts at once (`split`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    /// When the rule set allows it and every hook can be forked, from a
    /// resume point found near the middle ([`resume_point`]).
    Auto,
    /// Never (tests of the walking thread).
    #[cfg(test)]
    Never,
    /// From this point, as `Auto` allows (tests: every point; fuzzing).
    #[cfg(any(test, fuzzing))]
    At(u32),
}

/// [`run`], with a second thread for a Bundle of `parallel_from` bytes or
/// more: the entries read in two parts as `split` says, otherwise walked
/// on the second thread (tests compare the ways on the same input).
fn run_split<'a>(
    src: &'a str,
    opts: &Options,
    rules: &dyn RuleSet,
    hooks: &mut [&mut dyn Hook<'a>],
    parallel_from: usize,
    split: Split,
) -> Result<Report, JsonError> {
    let mut r = Reader::new(src);
    let mut cx = Cx::default();
    #[cfg(test)]
    if let Some(n) = NOTES_CAP.with(std::cell::Cell::get) {
        cx.max_notes = n;
    }
    let mut em = Emitter::new(opts);
    em.restrict(rules.use_cases());
    let validator: &Validator = match opts.validator.as_deref() {
        Some(v) => v,
        None => Validator::builtin(),
    };
    let mut structural =
        Structural::new(validator, opts.profile.as_deref(), opts.base_only, opts.structure);
    let rt = match r.peek()? {
        Kind::Object => sniff_resource_type(&r)?,
        _ => None,
    };
    // Kept until the locations are resolved: the entry spans let the resolver
    // jump over entries without findings.
    let mut kept: Option<(Bundle<'a>, Index<'a>)> = None;
    let mut report = Report {
        subject: Subject::document(
            rt.as_deref().unwrap_or_default(),
            rules.default_use_case(),
            UseCaseSource::Default,
        ),
        findings: Vec::new(),
        dropped: Counts::default(),
        ignored: 0,
    };
    let hinted = opts
        .use_case
        .map(|u| (u, UseCaseSource::Option))
        .or_else(|| hooks.iter().find_map(|h| h.use_case()).map(|u| (u, UseCaseSource::Request)));

    if let Some((uc, _)) = hinted {
        em.fix_use_case(uc);
    }
    if rt.as_deref() == Some("Bundle") {
        let large = opts.second_thread && src.len() >= parallel_from;
        // A large Bundle's entries are read in two parts at once, one per
        // core, when only the rule set sees them (`split`); otherwise it is
        // walked by a second thread while this one reads and runs the hand
        // rules (see structure::PARALLEL_WALK_MIN).
        // Each hook forked for the other part (all of them, or no split).
        let mut forks = (large && rules.entries_in_parts())
            .then(|| hooks.iter().map(|h| h.fork()).collect::<Option<Vec<_>>>())
            .flatten();
        let resume = match split {
            _ if forks.is_none() => None,
            Split::Auto => resume_point(src),
            #[cfg(test)]
            Split::Never => None,
            #[cfg(any(test, fuzzing))]
            Split::At(at) => Some(at),
        };
        if resume.is_none() {
            forks = None;
        }
        let parallel = opts.structure && large && resume.is_none();
        let stop = AtomicBool::new(false);
        let mut ix = match resume {
            Some(at) => Index::for_first(src, at as usize),
            None => Index::new(src),
        };
        // The index's key maps, filled by the walking thread when there is one.
        let key_queue = parallel.then(|| KeyQueue::new(ix.take_keys()));
        let streamed = std::thread::scope(|sc| {
            let walker = parallel.then(|| {
                let (tx, jobs) = job_queue();
                let candidates = rules.use_cases();
                let mut local = Emitter::new(opts);
                local.restrict(candidates);
                // Dropped before the join on every path, an unwinding one too.
                let closer = tx.closer();
                let keys = key_queue.as_ref();
                // A thread the system refuses (limits, memory) is no reason
                // to fail: this thread then walks everything itself.
                let walker = handback::spawn(second_thread(), sc, move || {
                    walk_jobs(validator, opts, candidates, src, jobs, keys, false)
                })
                .ok()?;
                #[cfg(test)]
                SECOND_THREADS.with(|n| n.set(n.get() + 1));
                structural.send_to(tx, local);
                Some((walker, closer))
            });
            let walker = walker.flatten();
            // Refused a thread, this one takes the maps back and puts the
            // keys in as they come (`Index::add`).
            let keys_to = match (&key_queue, &walker) {
                (Some(q), Some(_)) => KeysTo::Queue(q),
                (Some(q), None) => {
                    if let Some(keys) = q.take_back() {
                        ix.put_keys(keys);
                    }
                    KeysTo::Index
                }
                _ => KeysTo::Index,
            };
            // The other part of the entries, read from the resume point on
            // a thread of its own once this one has read the header.
            let mut side = None;
            let parted = resume.and_then(|at| {
                let (start_tx, start_rx) = mpsc::channel();
                let (part_tx, part_rx) = mpsc::channel();
                let part_ix = ix.sibling(src.len().saturating_sub(at as usize));
                let stop = &stop;
                let forks = forks.take().unwrap_or_default();
                let max_notes = cx.max_notes;
                // Each part's walks wait in a queue of its own, which the
                // thread done with its own part first helps walk.
                let (mine_tx, mine_rx) = job_queue();
                let (theirs_tx, theirs_rx) = job_queue();
                let candidates = rules.use_cases();
                // Dropped before the join on every path, an unwinding one too.
                let closer = mine_tx.closer();
                let reader = handback::spawn(second_thread(), sc, move || {
                    let part = read_part(
                        src, at, opts, validator, rules, forks, part_ix, max_notes, &start_rx,
                        stop, theirs_tx,
                    );
                    if let Some(part) = part {
                        // Not waited for any more: dropped.
                        let _ = part_tx.send(part);
                    }
                    // No part comes: the reading thread stops waiting for
                    // one (it would otherwise wait while this thread waits
                    // below for it to close its queue).
                    drop(part_tx);
                    // Then the walks the reading thread left waiting, until
                    // it has read the rest.
                    walk_jobs(validator, opts, candidates, src, mine_rx, None, true)
                })
                .ok()?;
                #[cfg(test)]
                SECOND_THREADS.with(|n| n.set(n.get() + 1));
                let mut local = Emitter::new(opts);
                local.restrict(candidates);
                structural.send_to_other_part(mine_tx, local);
                side = Some(SplitSide {
                    at,
                    start: Some(start_tx),
                    part: Some(part_rx),
                    stop,
                    help: Some(theirs_rx),
                });
                Some((reader, closer))
            });
            // The other part stops however this thread leaves (an unwinding
            // one too), instead of reading on to its end.
            let _stop_on_exit = StopOnDrop(&stop);
            let streamed = stream_bundle(
                &mut r,
                &mut cx,
                &mut em,
                &mut structural,
                rules,
                &mut *hooks,
                src,
                hinted,
                &mut ix,
                keys_to,
                side,
            );
            // The Bundle-level rules run here, while the second part's thread
            // walks the batches still waiting (with no other thread, only
            // earlier), once the index is whole: not while a walking thread
            // still puts keys in. Into an emitter whose findings follow the
            // walks' when taken in below.
            let early = match &streamed {
                Ok((header, seen)) if key_queue.is_none() => {
                    structural.send_last(src);
                    ix.resolve_refs();
                    let (use_case, _) = retained_use_case(hinted, rules, header, seen);
                    let mut tail = em.follower();
                    let f = Finish { bundle: header, index: &ix, use_case, src };
                    rules.check_bundle(&f, &mut tail);
                    Some(tail)
                }
                _ => None,
            };
            // Closing the queue ends the walking thread, on error too.
            let mine = structural.stop(src);
            // The walking thread, or the second part's (at most one of them):
            // told to stop, its queue closed, it hands back the walks of this
            // thread's batches it did.
            if let Some((h, closer)) = walker.or(parted) {
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
                drop(closer);
                let theirs = h.wait();
                #[cfg(test)]
                HELPED_HERE.with(|n| n.set(n.get() + theirs.len()));
                em.absorb_walks(mine.unwrap_or_else(|| Emitter::new(opts)), theirs);
            }
            streamed.map(|(header, seen)| (header, seen, early))
        })?;
        // The maps back in the index with what is left put in (no thread
        // uses the queue any more).
        if let Some(keys) = key_queue.and_then(KeyQueue::into_keys) {
            ix.put_keys(keys);
        }
        let (header, seen, early) = streamed;
        if early.is_none() {
            ix.resolve_refs();
        }
        let (uc, source) = retained_use_case(hinted, rules, &header, &seen);
        report.subject.use_case = uc;
        report.subject.use_case_source = source;
        report.subject.entries = header.entry_count;
        let at = ResourceAt {
            span: header.span,
            rtype: "Bundle",
            declared: bundle_profiles(&header),
            skip: header.entry_span,
            read_clean_as: None,
        };
        structural.resource(src, &at, rules, &mut em);
        structural.finish(&mut em);
        let f = Finish { bundle: &header, index: &ix, use_case: uc, src };
        #[cfg(test)]
        let early = early.filter(|_| !REFUSE_TAIL.with(std::cell::Cell::get));
        match early {
            // Taken in as if pushed here, after the walks: the same report.
            Some(tail) if em.can_take(&tail) => em.absorb_after(tail),
            // Too many shadows to keep their order: the rules run again here.
            _ => rules.check_bundle(&f, &mut em),
        }
        for h in hooks.iter_mut() {
            h.finish(&f, &mut em);
        }
        kept = Some((header, ix));
    } else {
        let res = read_value::<Resource<'a>>(&mut r, &mut cx, None)?;
        r.finish()?;
        if let Some((uc, source)) = hinted {
            report.subject.use_case = uc;
            report.subject.use_case_source = source;
        }
        rules.check_root(res.as_ref(), src, &mut em);
        if let Some(res) = &res {
            let mut read = Vec::new();
            let at = ResourceAt {
                span: res.span(),
                rtype: res.resource_type(),
                declared: declared_profiles(res, src, &mut read),
                skip: None,
                read_clean_as: None,
            };
            structural.resource(src, &at, rules, &mut em);
            structural.finish(&mut em);
        }
    }
    rules.check_notes(&cx, &mut em);
    report.ignored = em.ignored(report.subject.use_case);
    // Only the ignored findings of the retained use case shadow anything.
    let ignored_at: Vec<(Span, &'static crate::finding::RuleMeta)> = em
        .ignored_at()
        .iter()
        .filter(|(_, _, scope)| scope.contains(report.subject.use_case))
        .map(|&(span, rule, _)| (span, rule))
        .collect();
    let ignored_missing: Vec<(Span, String, &'static crate::finding::RuleMeta)> = em
        .ignored_missing()
        .iter()
        .filter(|(_, _, _, scope)| scope.contains(report.subject.use_case))
        .map(|(span, child, rule, _)| (*span, child.to_string(), *rule))
        .collect();
    let capped: Vec<CappedShadow> = em
        .capped()
        .iter()
        .filter(|s| s.scope.contains(report.subject.use_case))
        .map(|s| (s.span, s.child.as_deref().map(str::to_string), s.rule, s.severity))
        .collect();
    let (emitted, dropped) = em.into_inner();
    report.dropped =
        dropped.get(report.subject.use_case.index()).map(|p| p.dropped).unwrap_or_default();
    // Every note is an error (RO1-JSON-001, RO1-FHIR-001..004).
    report.dropped.error += cx.dropped;
    let layout = EntryLayout { kept: kept.as_ref(), last: std::cell::Cell::new(None) };
    let shadows =
        Shadows { ignored: &ignored_at, ignored_missing: &ignored_missing, capped: &capped };
    let split = opts.second_thread && src.len() >= PARALLEL_WALK_MIN;
    let (findings, shadowed, left_out) = finalize(
        src,
        split,
        &report.subject.resource_type,
        report.subject.use_case,
        emitted,
        &shadows,
        &layout,
        rules,
    );
    report.findings = findings;
    // What the cap left out that the report would have left out anyway is
    // not dropped either: kept + dropped is the same under any cap.
    report.dropped.warning = report.dropped.warning.saturating_sub(left_out.warning);
    report.dropped.information = report.dropped.information.saturating_sub(left_out.information);
    // An ignored generic finding that a specific one shadows would not
    // have been reported anyway: it is not counted as ignored either.
    report.ignored = report.ignored.saturating_sub(shadowed);
    Ok(report)
}

/// The use case a Bundle is judged in: given (option, request), else
/// declared by a Bundle profile, else hinted by the content, else the rule
/// set's default.
fn retained_use_case(
    hinted: Option<(UseCase, UseCaseSource)>,
    rules: &dyn RuleSet,
    header: &Bundle<'_>,
    seen: &[u32],
) -> (UseCase, UseCaseSource) {
    hinted.unwrap_or_else(|| match (bundle_profile_use_case(rules, header), rules.decide(seen)) {
        (Some(u), _) => (u, UseCaseSource::Profile),
        (None, Some(u)) => (u, UseCaseSource::Content),
        (None, None) => (rules.default_use_case(), UseCaseSource::Default),
    })
}

#[cfg(test)]
thread_local! {
    /// Tests: walking threads this thread started.
    static SECOND_THREADS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Tests: the walking thread this thread asks for is refused.
    static REFUSE_WALKER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Tests: the cap on the reader's notes (`Cx::max_notes`) of this thread's runs.
    static NOTES_CAP: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
    /// Tests: findings of this thread's walks that another thread did.
    static HELPED_HERE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Tests: the Bundle-level rules run early are run again at their
    /// place, as when their findings cannot be taken in.
    static REFUSE_TAIL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The layout of a streamed Bundle, for the location resolver: the Bundle
/// object, its entry array and each entry (the entries are in document order).
struct EntryLayout<'k, 'a> {
    kept: Option<&'k (Bundle<'a>, Index<'a>)>,
    /// The entry [`element_at`](resolve::Layout::element_at) last went to:
    /// the resolver then asks about the containers in it, none of which is
    /// an entry, and a binary search over all the entries for each missed
    /// the caches.
    last: std::cell::Cell<Option<usize>>,
}

impl resolve::Layout for EntryLayout<'_, '_> {
    fn end_of(&self, start: u32) -> Option<u32> {
        let (header, ix) = self.kept?;
        if header.span.start == start {
            return Some(header.span.end);
        }
        if let Some(e) = header.entry_span.filter(|e| e.start == start) {
            return Some(e.end);
        }
        if let Some(e) = self.last.get().and_then(|i| ix.entries.get(i)) {
            if e.entry_span.start == start {
                return Some(e.entry_span.end);
            }
            if e.entry_span.start < start && start < e.entry_span.end {
                return None;
            }
        }
        let i = ix.entries.binary_search_by_key(&start, |e| e.entry_span.start).ok()?;
        ix.entries.get(i).map(|e| e.entry_span.end)
    }

    fn element_at(&self, array: u32, offset: u32) -> Option<(u32, u32)> {
        let (header, ix) = self.kept?;
        if header.entry_span.is_none_or(|e| e.start != array) {
            return None;
        }
        // The last entry starting at or before `offset`.
        let i = ix.entries.partition_point(|e| e.entry_span.start <= offset).checked_sub(1)?;
        self.last.set(Some(i));
        ix.entries.get(i).map(|e| (e.entry_span.start, e.index))
    }
}

/// The findings left out by `Options::ignore` on an element: the specific
/// ones still shadow the generic finding there (ignoring RO1-SLOT-003 must
/// not bring RO1-FHIR-003 back).
struct Shadows<'s> {
    ignored: &'s [(Span, &'static crate::finding::RuleMeta)],
    ignored_missing: &'s [(Span, String, &'static crate::finding::RuleMeta)],
    /// The reader's and hand rules' findings the cap left out: they shadow
    /// like the kept ones (they are counted as dropped, not as shadowed).
    capped: &'s [CappedShadow],
}

/// A finding the cap left out: element, missing child, rule, severity.
type CappedShadow = (Span, Option<String>, &'static crate::finding::RuleMeta, Severity);

/// Keeps the findings of the retained use case, drops generic findings
/// shadowed by a specific one on the same element, resolves locations and
/// sorts in document order; `split`: lines and columns are counted on a
/// second thread.
#[allow(clippy::too_many_arguments)]
fn finalize(
    src: &str,
    split: bool,
    root: &str,
    uc: UseCase,
    emitted: Vec<Emitted>,
    shadows: &Shadows<'_>,
    layout: &dyn resolve::Layout,
    rules: &dyn RuleSet,
) -> (Vec<Finding>, u64, Counts) {
    let emitted: Vec<Emitted> = emitted.into_iter().filter(|e| e.scope.contains(uc)).collect();
    let capped: Vec<(Span, Option<&str>, &'static crate::finding::RuleMeta)> =
        shadows.capped.iter().map(|(span, c, rule, _)| (*span, c.as_deref(), *rule)).collect();
    let mut findings = dedup::one_per_defect(emitted, &capped, rules);
    // A missing element a specific rule reports makes the generic report of
    // the same missing child redundant.
    let specific_missing: std::collections::HashSet<(u32, u32, &str)> = findings
        .iter()
        .filter(|f| !rules.is_generic(f.rule))
        .filter_map(|f| match &f.target {
            Target::Body { span, child: Some(c) } => Some((span.start, span.end, &**c)),
            _ => None,
        })
        .chain(
            shadows
                .ignored_missing
                .iter()
                .filter(|(_, _, rule)| !rules.is_generic(rule))
                .map(|(span, c, _)| (span.start, span.end, c.as_str())),
        )
        .chain(
            capped
                .iter()
                .filter(|(_, _, rule)| !rules.is_generic(rule))
                .filter_map(|(span, c, _)| c.map(|c| (span.start, span.end, c))),
        )
        .collect();
    let shadowed_missing = shadows
        .ignored_missing
        .iter()
        .filter(|(span, c, rule)| {
            rules.is_generic(rule) && specific_missing.contains(&(span.start, span.end, c.as_str()))
        })
        .count() as u64;
    let generic_missing: Vec<bool> = findings
        .iter()
        .map(|f| match &f.target {
            Target::Body { span, child: Some(c) } => {
                rules.is_generic(f.rule) && specific_missing.contains(&(span.start, span.end, &**c))
            }
            _ => false,
        })
        .collect();
    let mut drop = generic_missing.into_iter();
    findings.retain(|_| !drop.next().unwrap_or(false));
    let specific: std::collections::HashSet<(u32, u32)> = findings
        .iter()
        .filter(|f| !rules.is_generic(f.rule))
        .filter_map(|f| match &f.target {
            Target::Body { span, child: None } => Some((span.start, span.end)),
            _ => None,
        })
        .chain(
            shadows
                .ignored
                .iter()
                .filter(|(_, rule)| !rules.is_generic(rule))
                .map(|(span, _)| (span.start, span.end)),
        )
        .chain(
            capped
                .iter()
                .filter(|(_, c, rule)| c.is_none() && !rules.is_generic(rule))
                .map(|(span, _, _)| (span.start, span.end)),
        )
        .collect();
    let shadowed = shadows
        .ignored
        .iter()
        .filter(|(span, rule)| rules.is_generic(rule) && specific.contains(&(span.start, span.end)))
        .count() as u64
        + shadowed_missing;
    findings.retain(|f| match &f.target {
        Target::Body { span, child: None } if rules.is_generic(f.rule) => {
            !specific.contains(&(span.start, span.end))
        }
        _ => true,
    });
    let root = if root.is_empty() { "$" } else { root };
    let targets: Vec<(u32, Option<&str>)> = findings
        .iter()
        .map(|f| match &f.target {
            Target::Body { span, child } => (span.start, child.as_deref()),
            _ => (0, None),
        })
        .collect();
    // Large documents count lines on a second thread, as they walk (see
    // `resolve_with_layout_split`).
    let located = if split {
        resolve::resolve_with_layout_split(src, root, &targets, layout)
    } else {
        resolve::resolve_with_layout(src, root, &targets, layout)
    };
    for (f, loc) in findings.iter_mut().zip(located) {
        if matches!(f.target, Target::Body { .. }) {
            f.resolved = Some(crate::finding::Resolved {
                expression: loc.expression,
                line: loc.line,
                column: loc.column,
                offset: match &f.target {
                    Target::Body { span, .. } => Some(u64::from(span.start)),
                    _ => None,
                },
            });
        }
    }
    // A value of the wrong JSON type is read as absent: report it once, as
    // RO1-FHIR-001, not also as a missing element.
    let wrong_type_rule = rules.wrong_type_rule().map(|r| r.id);
    let wrong_type: std::collections::HashSet<String> = findings
        .iter()
        .filter(|f| Some(f.rule.id) == wrong_type_rule)
        .filter_map(|f| f.resolved.as_ref().map(|r| r.expression.clone()))
        .collect();
    let mut left_out = Counts::default();
    if !wrong_type.is_empty() {
        findings.retain(|f| match (&f.target, &f.resolved) {
            (Target::Body { child: Some(_), .. }, Some(r)) => !wrong_type.contains(&r.expression),
            _ => true,
        });
        // The missing elements the cap left out go the same way.
        let missing: Vec<&CappedShadow> = shadows.capped.iter().filter(|s| s.1.is_some()).collect();
        let targets: Vec<(u32, Option<&str>)> =
            missing.iter().map(|s| (s.0.start, s.1.as_deref())).collect();
        let located = resolve::resolve_with_layout(src, root, &targets, layout);
        for (s, loc) in missing.iter().zip(located) {
            if wrong_type.contains(&loc.expression) {
                left_out.add(s.3);
            }
        }
    }
    findings.sort_by(|a, b| {
        let key = |f: &Finding| match &f.target {
            Target::Body { span, .. } => (0u8, span.start),
            _ => (1, 0),
        };
        key(a).cmp(&key(b)).then_with(|| a.rule.id.cmp(b.rule.id))
    });
    (findings, shadowed, left_out)
}

/// A value as shown in messages: between backticks, cut after 80 characters.
pub fn quote(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        format!("`{s}`")
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("`{cut}\u{2026}`")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::rules::SLOT_SEARCH_BODY;

    /// A searchset of `n` Slots; from `defects_from` on, two in three with
    /// a defect the structural validator reports (some the reader too);
    /// every 97th repeats the fullUrl and id of one 50 entries before (the
    /// index's duplicates, found on the walking thread's maps).
    pub(super) fn defective_bundle(n: usize, defects_from: usize) -> String {
        let mut entries = Vec::with_capacity(n);
        for k in 0..n {
            let i = if k % 97 == 0 && k >= 50 { k - 50 } else { k };
            let extra = match i % 3 {
                _ if k < defects_from => r#","status":"free""#,
                0 => r#","status":"taken""#,
                1 => r#","status":"free","overbooked":"oui""#,
                _ => r#","status":"free""#,
            };
            entries.push(format!(
                r#"{{"fullUrl":"https://x.fr/fhir/Slot/s{i}","resource":{{"resourceType":"Slot","id":"s{i}","schedule":{{"reference":"Schedule/a"}},"start":"2026-11-26T09:00:00.000+01:00","end":"2026-11-26T09:15:00.000+01:00"{extra}}},"search":{{"mode":"match"}}}}"#
            ));
        }
        // The Schedule the Slots point to, last: resolving them needs the
        // index's maps complete.
        entries.push(
            r#"{"fullUrl":"https://x.fr/fhir/Schedule/a","resource":{"resourceType":"Schedule","id":"a"},"search":{"mode":"include"}}"#
                .to_string(),
        );
        format!(
            r#"{{"resourceType":"Bundle","type":"searchset","total":{n},"entry":[{}]}}"#,
            entries.join(",")
        )
    }

    /// A searchset Bundle of `entries`.
    fn searchset(entries: &[String]) -> String {
        format!(r#"{{"resourceType":"Bundle","type":"searchset","entry":[{}]}}"#, entries.join(","))
    }

    /// The report of `src` with the default options, and how much the
    /// walk's test counter `counter` grew meanwhile (a small document: walked
    /// on this thread, where the count is kept).
    fn run_counting(
        counter: &'static std::thread::LocalKey<std::cell::Cell<usize>>,
        src: &str,
    ) -> (usize, Report) {
        let before = counter.with(std::cell::Cell::get);
        let r = run(src, &Options::default(), &SLOT_SEARCH_BODY, &mut []).unwrap();
        (counter.with(std::cell::Cell::get) - before, r)
    }

    /// The walk leaves the checks of a resource's root primitives to the
    /// model reader when it read the entry without a note, and only then:
    /// not for an entry with a note anywhere, a contained resource, a type
    /// kept raw, nor the Bundle's own elements.
    #[test]
    fn root_primitives_read_clean_are_left_to_the_reader() {
        use crate::conformance::walk::LEFT_TO_READER;
        let good = "2026-11-26T09:00:00.000+01:00";
        let slot = |id: &str, start: &str, extra: &str| {
            format!(
                r#"{{"fullUrl":"https://x.fr/fhir/Slot/{id}","resource":{{"resourceType":"Slot","id":"{id}","schedule":{{"reference":"Schedule/a"}},"status":"free","start":"{start}","end":"2026-11-26T09:15:00.000+01:00","comment":"ok"{extra}}}}}"#
            )
        };
        let left = |src: &str| run_counting(&LEFT_TO_READER, src);
        // status, start, end, comment at least (id too where the model and
        // the definition give it the same type).
        let (one, _) = left(&searchset(&[slot("a", good, "")]));
        assert!(one >= 4, "{one}");
        let (two, _) = left(&searchset(&[slot("a", good, ""), slot("b", good, "")]));
        assert_eq!(two, 2 * one);
        // A bad start: that Slot has a note, the walk checks its values
        // (the start is reported once, by the Slot rule).
        let bad = searchset(&[slot("a", good, ""), slot("b", "2026-13-26T09:00:00.000+01:00", "")]);
        let (n, r) = left(&bad);
        assert_eq!(n, one);
        let at_start = |f: &&crate::finding::Finding| {
            f.resolved.as_ref().is_some_and(|r| r.expression == "Bundle.entry[1].resource.start")
        };
        assert_eq!(r.findings.iter().filter(at_start).count(), 1, "{:?}", r.findings);
        // A note on another element of the entry (an empty object) is enough.
        let (n, _) = left(&searchset(&[slot("a", good, ""), slot("b", good, r#","meta":{}"#)]));
        assert_eq!(n, one);
        // A contained resource is walked as before; so is a type kept raw
        // (its model reads nothing), and the Bundle's own elements.
        let role = |contained: &str| {
            format!(
                r#"{{"fullUrl":"https://x.fr/fhir/PractitionerRole/r","resource":{{"resourceType":"PractitionerRole","id":"r"{contained}}}}}"#
            )
        };
        let (bare, _) = left(&searchset(&[role("")]));
        let with = r##","contained":[{"resourceType":"Location","id":"l","name":"Cabinet","status":"active","description":"rdc"}],"location":[{"reference":"#l"}]"##;
        let (contained, _) = left(&searchset(&[role(with)]));
        assert_eq!(contained, bare);
        let patient = r#"{"fullUrl":"https://x.fr/fhir/Patient/p","resource":{"resourceType":"Patient","id":"p","gender":"female","birthDate":"1980-01-01"}}"#;
        let (raw, _) = left(&searchset(&[patient.to_string()]));
        assert_eq!(raw, 0);
        let (none, _) = left(
            r#"{"resourceType":"Bundle","type":"searchset","total":0,"timestamp":"2026-11-26T09:00:00.000+01:00"}"#,
        );
        assert_eq!(none, 0);
    }

    #[test]
    fn slots_alike_but_for_values_the_reader_checked_are_walked_once() {
        use crate::conformance::walk::ROOTS_STEPPED;
        let slot = |id: &str, start: &str, inner: &str, comment: &str| {
            format!(
                r#"{{"fullUrl":"https://x.fr/fhir/Slot/{id}","resource":{{"resourceType":"Slot","id":"{id}","extension":[{{"url":"http://x.fr/e",{inner}"valueString":"a"}}],"schedule":{{"reference":"Schedule/a"}},"status":"free","start":"{start}","end":"2026-11-26T09:15:00.000+01:00","comment":"{comment}"}}}}"#
            )
        };
        let stepped = |src: &str| run_counting(&ROOTS_STEPPED, src);
        let at = |i: usize, key: &str| format!("Bundle.entry[{i}].resource.{key}");
        let walk_findings = |r: &Report, i: usize| {
            let prefix = format!("Bundle.entry[{i}].resource");
            r.findings
                .iter()
                .filter(|f| f.rule.id.starts_with("RO1-FHIR"))
                .filter(|f| f.resolved.as_ref().is_some_and(|l| l.expression.starts_with(&prefix)))
                .count()
        };
        // Ids, starts and comments of other lengths: the first Slot walked,
        // the four others stepped over, and nothing reported of any.
        let alike: Vec<String> = (0..5)
            .map(|i| {
                let id = format!("s{}", "x".repeat(i * 7));
                slot(&id, &format!("2026-11-26T0{i}:00:00+01:00"), "", &"rdv ".repeat(i + 1))
            })
            .collect();
        // Each Slot is walked against each structure chosen for it (one per
        // use case here): the second of two stepped over once per structure.
        let (per, _) = stepped(&searchset(&alike[..2]));
        assert!(per >= 1);
        let (n, r) = stepped(&searchset(&alike));
        assert_eq!(n, 4 * per);
        assert!((0..5).all(|i| walk_findings(&r, i) == 0), "{:?}", r.findings);
        // An extension with a value and extensions (ext-1, no note of the
        // reader) differs in bytes the walk reads: that Slot is walked, and
        // the walk reports it.
        let mut other = alike.clone();
        let both = r#""extension":[{"url":"http://x.fr/f","valueString":"b"}],"#;
        other[3] = slot("s3", "2026-11-26T03:00:00+01:00", both, "rdv");
        let (n, r) = stepped(&searchset(&other));
        assert_eq!(n, 3 * per);
        let ext_1: Vec<&str> = r
            .findings
            .iter()
            .filter(|f| f.resolved.as_ref().is_some_and(|l| l.expression == at(3, "extension[0]")))
            .map(|f| f.rule.id)
            .collect();
        assert_eq!(ext_1, ["RO1-FHIR-008"]);
        // A status out of its value set (a code: no note of the reader) is a
        // value the walk checks, not a hole: that Slot is walked (a finding
        // the Slot rule's shadows: the debug build's exact walk of each Slot
        // stepped over is what tells).
        let mut other = alike.clone();
        other[4] = other[4].replace(r#""status":"free""#, r#""status":"fret""#);
        let (n, r) = stepped(&searchset(&other));
        assert_eq!(n, 3 * per);
        assert!(
            r.findings
                .iter()
                .any(|f| f.resolved.as_ref().is_some_and(|l| l.expression == at(4, "status")))
        );
        // An escape in a value, a value read as another JSON kind: not
        // compared as a hole (walked; the number is the walk's finding).
        let mut other = alike.clone();
        other[1] = slot("s1", "2026-11-26T01:00:00+01:00", "", r"https:\/\/x.fr");
        other[2] = other[2].replace(r#""comment":"rdv rdv rdv ""#, r#""comment":3"#);
        assert!(other[2].contains(r#""comment":3"#));
        let (n, r) = stepped(&searchset(&other));
        assert_eq!(n, 2 * per, "entries 3 and 4");
        assert_eq!(walk_findings(&r, 1), 0, "{:?}", r.findings);
        assert!(
            r.findings
                .iter()
                .any(|f| f.resolved.as_ref().is_some_and(|l| l.expression == at(2, "comment"))),
            "{:?}",
            r.findings
        );
        // A contained resource, a local reference: the root's facts are read
        // (dom-3, ref-1), nothing is kept.
        let with_contained = |id: &str| {
            format!(
                r##"{{"fullUrl":"https://x.fr/fhir/Slot/{id}","resource":{{"resourceType":"Slot","id":"{id}","contained":[{{"resourceType":"Schedule","id":"sc","actor":[{{"reference":"Practitioner/p"}}]}}],"schedule":{{"reference":"#sc"}},"status":"free","start":"2026-11-26T09:00:00+01:00","end":"2026-11-26T09:15:00+01:00"}}}}"##
            )
        };
        let (n, _) = stepped(&searchset(&[with_contained("a"), with_contained("b")]));
        assert_eq!(n, 0);
    }

    #[test]
    fn stepping_over_alike_roots_changes_no_report() {
        // Bundles of Slots that repeat with a value changed here and there,
        // in the holes (ids, instants, comments: good, bad, escaped, of
        // another kind) and out of them (status, codes, extensions,
        // duplicates, contained resources), validated with and without
        // the shortcut under several options: the same report. Debug builds
        // also walk each root stepped over with no shortcut (`Run::top`).
        use crate::conformance::walk::{NO_ROOTS, ROOTS_STEPPED};
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let ids = ["s1", "slot-22", "1011979", "a b", "", r"a\/b", &"9".repeat(70)];
        let instants = [
            "2026-11-26T09:00:00.000+01:00",
            "2026-11-26T10:15:00.000+01:00",
            "2026-11-26T09:00:00Z",
            "2026-13-26T09:00:00.000+01:00",
            r"2026-11-26T09:00:00.000\u002b01:00",
        ];
        let comments = [
            r#""https://x.fr/rdv?c=1""#,
            r#""https://x.fr/rdv?c=22&s=sas""#,
            r#""https:\/\/x.fr\/rdv""#,
            r#""""#,
            r#"" ""#,
            "3",
            "null",
        ];
        let statuses = ["free", "busy", "fret"];
        let extras = [
            "",
            "",
            "",
            r#","status":"busy""#,
            r#","extension":[{"url":"http://x.fr/e","valueString":"a"}]"#,
            r#","extension":[{"url":"http://x.fr/e","valueString":"a","extension":[{"url":"b","valueString":"c"}]}]"#,
            r#","identifier":[{"use":"bogus","value":"v"}]"#,
            r#","id":"again""#,
            r#","overbooked":"yes""#,
            r##","contained":[{"resourceType":"Schedule","id":"c","actor":[{"reference":"Practitioner/p"}]}]"##,
        ];
        let mut stepped_total = 0;
        for round in 0..40 {
            let mut pick = |n: usize| if next(4) == 0 { next(n) } else { 0 };
            let entries: Vec<String> = (0..8)
                .map(|_| {
                    let id = ids[pick(ids.len())];
                    let start = instants[pick(instants.len())];
                    let end = instants[1 + pick(instants.len() - 1)];
                    let comment = comments[pick(comments.len())];
                    let status = statuses[pick(statuses.len())];
                    let extra = extras[pick(extras.len())];
                    format!(
                        r#"{{"fullUrl":"https://x.fr/fhir/Slot/{id}","resource":{{"resourceType":"Slot","id":"{id}","meta":{{"profile":["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"]}},"schedule":{{"reference":"Schedule/a"}},"status":"{status}","start":"{start}","end":"{end}","comment":{comment}{extra}}},"search":{{"mode":"match"}}}}"#
                    )
                })
                .collect();
            // Practitioners too: `gender` is bound, and no hand rule says
            // it again (the walk's finding is the report's).
            let genders = ["female", "male", "femal"];
            let births = ["1970-01-01", "1980-02-30", "1990"];
            let people: Vec<String> = (0..4)
                .map(|i| {
                    let gender = genders[pick(genders.len())];
                    let birth = births[pick(births.len())];
                    format!(
                        r#"{{"fullUrl":"https://x.fr/fhir/Practitioner/p{i}","resource":{{"resourceType":"Practitioner","id":"p{i}","gender":"{gender}","birthDate":"{birth}"}},"search":{{"mode":"include"}}}}"#
                    )
                })
                .collect();
            let src = format!(
                r#"{{"resourceType":"Bundle","type":"searchset","total":8,"entry":[{},{}]}}"#,
                entries.join(","),
                people.join(",")
            );
            let ignore: std::collections::HashSet<&'static str> =
                ["RO1-FHIR-003", "RO1-SLOT-001"].into_iter().collect();
            let options = [
                Options::default(),
                Options { max_findings: 3, ..Options::default() },
                Options { ignore: Some(std::sync::Arc::new(ignore)), ..Options::default() },
                Options { use_case: Some(UseCase::CPTS), ..Options::default() },
                // The base definitions: Practitioners clean there.
                Options { base_only: true, ..Options::default() },
            ];
            for (k, opts) in options.iter().enumerate() {
                let report = |off: bool| {
                    NO_ROOTS.with(|f| f.set(off));
                    let r = run(&src, opts, &SLOT_SEARCH_BODY, &mut []);
                    NO_ROOTS.with(|f| f.set(false));
                    match r {
                        Ok(r) => format!(
                            "{:?} {:?} {} {:?}",
                            r.findings, r.dropped, r.ignored, r.subject
                        ),
                        Err(e) => format!("error {e:?}"),
                    }
                };
                let before = ROOTS_STEPPED.with(std::cell::Cell::get);
                let with = report(false);
                stepped_total += ROOTS_STEPPED.with(std::cell::Cell::get) - before;
                assert_eq!(with, report(true), "round {round}, options {k}: {src}");
            }
        }
        assert!(stepped_total > 100, "{stepped_total}");
    }

    /// `second_thread: false` keeps a large Bundle on the calling thread
    /// (no walking thread, the lines counted with the paths) and changes
    /// nothing in the report.
    #[test]
    fn a_large_bundle_on_one_thread_reports_as_on_two() {
        let src = defective_bundle(2_000, 1_700);
        assert!(src.len() >= PARALLEL_WALK_MIN, "too small to use a second thread");
        let threads = || {
            SECOND_THREADS.with(std::cell::Cell::get)
                + resolve::LINE_THREADS.with(std::cell::Cell::get)
        };
        for max_findings in [usize::MAX, 40] {
            let two = Options { max_findings, ..Options::default() };
            let one = Options { second_thread: false, ..two.clone() };
            let before = threads();
            let on_two = run(&src, &two, &SLOT_SEARCH_BODY, &mut []).unwrap();
            assert_eq!(threads(), before + 2, "the walk and the line count on second threads");
            let on_one = run(&src, &one, &SLOT_SEARCH_BODY, &mut []).unwrap();
            assert_eq!(threads(), before + 2, "a second thread with second_thread off");
            assert!(!on_one.findings.is_empty(), "no finding: the test proves nothing");
            assert_eq!(
                format!("{:?} {:?}", on_one.findings, on_one.dropped),
                format!("{:?} {:?}", on_two.findings, on_two.dropped)
            );
        }
    }

    /// A Bundle of about `len` bytes whose entries draw their type (among
    /// `Slot`, `Schedule` and the raw types `raw`), id, fullUrl (written
    /// with or without `\/` escapes) and references from small pools, so
    /// that keys repeat in every way the index tells apart (same type and
    /// id, same fullUrl, equal hashes of equal texts written differently,
    /// raw types, one with an escaped name); `state` seeds the draws.
    pub(super) fn pooled_bundle(state: &mut u64, len: usize, raw: [&str; 2]) -> String {
        let mut next = |n: u64| {
            *state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (*state >> 33) % n
        };
        let mut entries = Vec::new();
        let mut total = 0;
        while total < len {
            let rtype = ["Slot", "Schedule", raw[0], raw[1]][next(4) as usize];
            let id = next(400);
            let host = if next(3) == 0 { "https:\\/\\/x.fr" } else { "https://x.fr" };
            let url = match next(3) {
                0 => format!("urn:uuid:{}", next(300)),
                _ => format!("{host}/fhir/{rtype}/{id}"),
            };
            let reference = format!("Schedule/{}", next(400));
            let e = format!(
                r#"{{"fullUrl":"{url}","resource":{{"resourceType":"{rtype}","id":"{id}","schedule":{{"reference":"{reference}"}},"status":"free","start":"2026-11-26T09:00:00.000+01:00","end":"2026-11-26T09:15:00.000+01:00"}},"search":{{"mode":"match"}}}}"#
            );
            total += e.len();
            entries.push(e);
        }
        format!(
            r#"{{"resourceType":"Bundle","type":"searchset","total":{},"entry":[{}]}}"#,
            entries.len(),
            entries.join(",")
        )
    }

    /// Bundles of about 300 KiB from [`pooled_bundle`]: validated with the
    /// index keys on the walking thread and on this one, the reports are
    /// the same.
    #[test]
    fn repeated_keys_report_the_same_on_two_threads() {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..3 {
            let src = pooled_bundle(&mut state, 300 * 1024, ["Device", "Dev\\u0069ce"]);
            let opts = Options::default();
            let serial = report(&src, &opts, usize::MAX);
            assert!(serial.contains("RO1-BUNDLE-008"), "no duplicate: the test proves nothing");
            assert_eq!(report(&src, &opts, 0), serial);
        }
    }

    /// A walking thread the system refuses leaves everything to this
    /// thread, the index keys included, with the same report.
    #[test]
    fn a_refused_walking_thread_reports_as_one_thread() {
        let src = defective_bundle(2_000, 1_700);
        let opts = Options::default();
        let serial = report(&src, &opts, usize::MAX);
        assert!(serial.contains("RO1-BUNDLE-008"), "no duplicate: the index keys untested");
        let before = SECOND_THREADS.with(std::cell::Cell::get);
        REFUSE_WALKER.with(|r| r.set(true));
        let refused = report(&src, &opts, 0);
        REFUSE_WALKER.with(|r| r.set(false));
        assert_eq!(SECOND_THREADS.with(std::cell::Cell::get), before, "the walker was not refused");
        assert_eq!(refused, serial);
    }

    /// The walks and a warning per entry, pushed by the Bundle-level rules
    /// (RO1-BUNDLE-010) and by a hook at the end (RO1-BUNDLE-009).
    struct WarnsAtTheEnd;

    impl RuleSet for WarnsAtTheEnd {
        fn check_entry(&self, _e: &crate::engine::EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}
        fn check_bundle(&self, f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
            warn_each(f, &crate::rules::bundle::ro1_bundle_010::RULE, em);
        }
        fn check_root(&self, _r: Option<&Resource<'_>>, _s: &str, _em: &mut Emitter<'_>) {}
        fn check_notes(&self, cx: &Cx, em: &mut Emitter<'_>) {
            crate::rules::STANDALONE.check_notes(cx, em);
        }
        fn profile_for(&self, rtype: &str, uc: UseCase) -> Option<&'static str> {
            crate::rules::STANDALONE.profile_for(rtype, uc)
        }
        fn use_cases(&self) -> crate::engine::Scope {
            crate::rules::STANDALONE.use_cases()
        }
        fn default_use_case(&self) -> UseCase {
            crate::rules::STANDALONE.default_use_case()
        }
        fn entries_in_parts(&self) -> bool {
            true
        }
    }

    struct HookWarns;

    impl<'a> Hook<'a> for HookWarns {
        fn finish(&mut self, f: &Finish<'_, 'a>, em: &mut Emitter<'_>) {
            warn_each(f, &crate::rules::bundle::ro1_bundle_009::RULE, em);
        }
        fn fork(&self) -> Option<Box<dyn Hook<'a> + Send + 'a>> {
            Some(Box::new(HookWarns))
        }
    }

    fn warn_each(
        f: &Finish<'_, '_>,
        rule: &'static crate::finding::RuleMeta,
        em: &mut Emitter<'_>,
    ) {
        for e in &f.index.entries {
            em.at_sev(
                crate::engine::Scope::ALL,
                rule,
                Severity::Warning,
                e.entry_span,
                "fin".into(),
                "end".into(),
            );
        }
    }

    /// The Bundle-level rules run while the other thread still walks, their
    /// findings kept apart and taken in after the walks': under a cap the
    /// walks' warnings still come first and the hooks' last, as when each
    /// runs in its place (one thread, the Bundle in two parts, the rules run
    /// again at their place).
    #[test]
    fn bundle_rules_run_early_report_in_their_place() {
        use crate::conformance::table::{Binding, Strength};
        // A profile whose Slot.status binding is extensible: a status out
        // of the value set is a walk's warning (RO1-PROF-004).
        let mut defs = crate::conformance::Definitions::builtin();
        let mut p = defs.structure(crate::rules::profiles::SLOT_PS).unwrap().clone();
        let mut els = p.elements.to_vec();
        let status = els.iter_mut().find(|e| e.id == "Slot.status").unwrap();
        let value_set = status.binding.as_ref().unwrap().value_set.clone();
        status.binding = Some(Binding { strength: Strength::Extensible, value_set });
        p.elements = els.into();
        p.url = "http://x/P".into();
        defs.add_structure(p);
        let validator = Some(std::sync::Arc::new(Validator::new(std::sync::Arc::new(defs))));
        let n = 300;
        let entries: Vec<String> = (0..n)
            .map(|k| {
                format!(
                    r#"{{"fullUrl":"https://x.fr/fhir/Slot/s{k}","resource":{{"resourceType":"Slot","id":"s{k}","meta":{{"profile":["http://x/P"]}},"schedule":{{"reference":"Schedule/a"}},"status":"taken","start":"2026-11-26T09:00:00.000+01:00","end":"2026-11-26T09:15:00.000+01:00"}},"search":{{"mode":"match"}}}}"#
                )
            })
            .collect();
        let src = format!(
            r#"{{"resourceType":"Bundle","type":"searchset","total":{n},"entry":[{}]}}"#,
            entries.join(",")
        );
        let mid = src.find(r#"{"fullUrl":"https://x.fr/fhir/Slot/s150""#).unwrap() as u32;
        let counts = |r: &Report| {
            let of = |id| r.findings.iter().filter(|f| f.rule.id == id).count();
            (of("RO1-PROF-004"), of("RO1-BUNDLE-010"), of("RO1-BUNDLE-009"), r.dropped.warning)
        };
        let all = 3 * n as u64;
        for (cap, want) in [
            (n, (n, 0, 0, all - n as u64)),
            (n + n / 2, (n, n / 2, 0, all - (n + n / 2) as u64)),
            (3 * n - 10, (n, n, n - 10, 10)),
        ] {
            let opts =
                Options { max_findings: cap, validator: validator.clone(), ..Options::default() };
            for refuse in [false, true] {
                REFUSE_TAIL.with(|r| r.set(refuse));
                for (from, split) in [(usize::MAX, Split::Never), (0, Split::At(mid))] {
                    let mut hook = HookWarns;
                    let r = run_split(&src, &opts, &WarnsAtTheEnd, &mut [&mut hook], from, split);
                    let r = r.unwrap();
                    assert_eq!(counts(&r), want, "cap {cap}, run again {refuse}, {split:?}");
                }
                REFUSE_TAIL.with(|r| r.set(false));
            }
        }
    }

    fn report(src: &str, opts: &Options, parallel_from: usize) -> String {
        let r =
            run_split(src, opts, &SLOT_SEARCH_BODY, &mut [], parallel_from, Split::Never).unwrap();
        format!("{:?} {:?} {}", r.findings, r.dropped, r.ignored)
    }

    /// However the walks fall between the two threads (the walking thread
    /// ahead; behind, this thread walking batches itself; this thread
    /// taking back what is left at the end), the report is the one of the
    /// walks done in order on one thread: the same findings and counts,
    /// with and without a cap, and no thread left waiting. (Which walks a
    /// cap keeps, whoever walked them: `engine::emit` tests.)
    #[test]
    fn a_bundle_walked_on_two_threads_reports_as_on_one() {
        let src = defective_bundle(2_000, 1_700);
        for slow in [false, true] {
            super::super::structure::SLOW_WALKER.store(slow, std::sync::atomic::Ordering::Relaxed);
            for max_findings in [usize::MAX, 40, 150] {
                let opts = Options { max_findings, ..Options::default() };
                let backlog = super::super::structure::BACKLOG_PUTS.with(std::cell::Cell::get);
                let serial = report(&src, &opts, usize::MAX);
                assert!(serial.contains("RO1-"), "no finding: the test proves nothing");
                assert!(serial.contains("RO1-BUNDLE-008"), "no duplicate: the index keys untested");
                for _ in 0..3 {
                    let two = report(&src, &opts, 0);
                    assert_eq!(two, serial, "slow walker {slow}, max_findings {max_findings}");
                }
                // The slow walker leaves the keys to this thread, which puts
                // them in as the backlog grows.
                let puts = super::super::structure::BACKLOG_PUTS.with(std::cell::Cell::get);
                assert!(!slow || puts > backlog, "the backlog was never put in here");
            }
        }
        super::super::structure::SLOW_WALKER.store(false, std::sync::atomic::Ordering::Relaxed);
        // The slow walker put this thread behind: it walked batches itself.
        assert!(
            super::super::structure::WALKED_BEHIND.load(std::sync::atomic::Ordering::Relaxed) > 0,
            "this thread never walked a batch itself: the test missed that case"
        );
    }
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod split_tests;
