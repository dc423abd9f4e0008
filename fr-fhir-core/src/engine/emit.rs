//! Where rules put their findings.

use std::borrow::Cow;

use super::scope::USE_CASES;
use super::{Options, Scope, UseCase};
use crate::finding::{Counts, Finding, Message, RuleMeta, Severity};
use crate::json::Span;

/// A finding and the use cases it applies to.
///
/// ```
/// use fr_fhir_core::engine::{Emitter, Options, Scope};
/// use fr_fhir_core::json::Span;
/// use fr_fhir_core::rules::slot::ro1_slot_002;
/// let opts = Options::default();
/// let mut em = Emitter::new(&opts);
/// em.missing(Scope::PS, &ro1_slot_002::RULE, Span::new(0, 10), "end",
///     "Slot.end est absent".into(), "Slot.end is missing".into());
/// let (emitted, _) = em.into_inner();
/// assert_eq!(emitted[0].scope, Scope::PS);
/// assert_eq!(emitted[0].finding.rule.id, "RO1-SLOT-002");
/// assert!(!emitted[0].structural); // a hand rule's, not the structural validator's
/// ```
#[derive(Debug, Clone)]
pub struct Emitted {
    /// Use cases where the finding holds.
    pub scope: Scope,
    /// The finding.
    pub finding: Finding,
    /// True when the structural validator reported it (not a hand rule nor
    /// the reader): when a hand rule says the same, the hand rule's remains.
    pub structural: bool,
    /// Sequence number of the structural walk that reported it
    /// ([`NO_JOB`] otherwise): walks done on two threads are merged back in
    /// this order, so the report does not depend on which thread did which.
    pub(crate) job: u32,
}

/// [`Emitted::job`] of a finding no numbered walk reported.
pub(crate) const NO_JOB: u32 = u32::MAX;

/// Collects findings. Information and warnings are capped per use case
/// (`Options::max_findings`): hostile input cannot exhaust memory with them.
/// Errors and fatals are always kept (up to [`MAX_SEVERE`], a guard against
/// unbounded allocation far beyond any real response), and everything not
/// kept is counted per use case and severity, so the counts stay exact.
///
/// ```
/// use fr_fhir_core::rules::{Emitter, Options, Scope, slot::ro1_slot_002};
/// use fr_fhir_core::json::Span;
/// let opts = Options::default();
/// let mut em = Emitter::new(&opts);
/// em.missing(Scope::ALL, &ro1_slot_002::RULE, Span::new(0, 10), "end",
///     "Slot.end est absent".into(), "Slot.end is missing".into());
/// assert_eq!(em.len(), 1);
/// ```
#[derive(Debug)]
pub struct Emitter<'o> {
    /// Validation options (strict mode...).
    pub opts: &'o Options,
    out: Vec<Emitted>,
    /// Bookkeeping per use case, indexed by [`UseCase::index`].
    per: Vec<PerUseCase>,
    /// Errors and fatals kept.
    severe: usize,
    /// Where the ignored findings on an element were, and their rule: an
    /// ignored specific finding still shadows the generic one on the same
    /// element (ignoring RO1-SLOT-003 must not bring RO1-FHIR-003 back).
    ignored_at: Vec<(Span, &'static RuleMeta, Scope)>,
    /// The same for findings of a missing child (object, child name).
    ignored_missing: Vec<(Span, Cow<'static, str>, &'static RuleMeta, Scope)>,
    /// Where the reader's and hand rules' findings the cap left out were
    /// (element, missing child, rule, use cases): they still stand for their
    /// defect, so the structural report of the same defect stays out as it
    /// would beside them — an error the cap brought back would change the
    /// verdict (a warning RO1-BUNDLE-004 "self link without url" dropped, the
    /// structural error "link.url missing" kept). At most [`MAX_SHADOWS`].
    capped: Vec<Shadow>,
    /// The use cases the rule set judges ([`Emitter::restrict`]).
    candidates: Scope,
    /// The use case, when known before the end (option or request).
    fixed: Option<UseCase>,
    /// Span of the entry being checked when reading it recorded no note
    /// (empty otherwise): no element in it can be written with a wrong JSON
    /// type, so rules reporting a missing element need not look again.
    clean: Span,
    /// The findings pushed now come from the structural validator.
    structural: bool,
    /// The walk pushing findings now ([`Emitted::job`]).
    job: u32,
}

/// The structural validator reports into the emitter like any rule.
impl crate::conformance::walk::Sink for Emitter<'_> {
    fn push(&mut self, scope: Scope, finding: Finding) {
        Emitter::push(self, scope, finding);
    }
}

/// The most errors and fatals one input keeps (the rest are counted): a
/// bound on memory for hostile input, two orders of magnitude above the
/// largest real response (a 400 MB Bundle has about 2 million elements).
pub const MAX_SEVERE: usize = 1_000_000;

/// What the emitter counts for one use case.
///
/// ```
/// use fr_fhir_core::engine::{Emitter, Options, Scope, UseCase};
/// use fr_fhir_core::finding::Severity;
/// use fr_fhir_core::json::Span;
/// use fr_fhir_core::rules::slot::ro1_slot_002;
/// // No room for information and warnings: they are counted, not kept.
/// let opts = Options { max_findings: 0, ..Options::default() };
/// let mut em = Emitter::new(&opts);
/// em.at_sev(Scope::PS, &ro1_slot_002::RULE, Severity::Warning, Span::new(0, 10),
///     "créneau douteux".into(), "dubious slot".into());
/// let (kept, per) = em.into_inner();
/// assert!(kept.is_empty());
/// assert_eq!(per[UseCase::PS.index()].dropped.warning, 1);
/// assert_eq!(per[UseCase::SOS.index()].dropped.warning, 0);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct PerUseCase {
    /// Findings not kept, per severity.
    pub dropped: Counts,
    /// Information and warnings kept: the cap applies to each use case, so
    /// findings of the use cases that will be filtered out cannot crowd out
    /// the real ones.
    kept: usize,
    /// Findings of ignored rules.
    pub ignored: u64,
}

impl<'o> Emitter<'o> {
    /// An empty emitter.
    pub fn new(opts: &'o Options) -> Self {
        Emitter {
            opts,
            out: Vec::new(),
            per: vec![PerUseCase::default(); USE_CASES.len()],
            severe: 0,
            ignored_at: Vec::new(),
            ignored_missing: Vec::new(),
            capped: Vec::new(),
            fixed: opts.use_case,
            candidates: Scope::ALL,
            clean: Span::default(),
            structural: false,
            job: NO_JOB,
        }
    }

    /// Runs `f` with the findings it pushes marked as the structural
    /// validator's ([`Emitted::structural`]).
    pub(crate) fn structural<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let before = std::mem::replace(&mut self.structural, true);
        let r = f(self);
        self.structural = before;
        r
    }

    /// Limits the use cases findings can hold in to those the rule set
    /// judges (`RuleSet::use_cases`): a finding scoped `ALL` then counts, and
    /// is capped, for those only.
    pub fn restrict(&mut self, candidates: Scope) {
        self.candidates = candidates;
    }

    /// An empty emitter with the same options and candidate use cases (for
    /// walks done apart and merged back with [`Emitter::absorb_walks`]).
    pub(crate) fn sibling(&self) -> Emitter<'o> {
        let mut em = Emitter::new(self.opts);
        em.restrict(self.candidates);
        em
    }

    /// An empty emitter for findings that follow these, taken in with
    /// [`Emitter::absorb_after`]: the same options, candidate use cases
    /// and fixed use case (findings of another are not even kept).
    pub(crate) fn follower(&self) -> Emitter<'o> {
        let mut em = self.sibling();
        em.fixed = self.fixed;
        em
    }

    /// Marks the entry being checked as read without any note (or, with an
    /// empty span, ends that knowledge).
    pub(crate) fn set_clean(&mut self, entry: Span) {
        self.clean = entry;
    }

    /// True when `obj` lies in an entry read without any note: an element
    /// absent from its model is absent from the JSON (a null, an empty or a
    /// wrongly typed value would have left a note).
    pub(crate) fn is_clean(&self, obj: Span) -> bool {
        !self.clean.is_empty() && self.clean.start <= obj.start && obj.end <= self.clean.end
    }

    /// Number of findings kept.
    pub fn len(&self) -> usize {
        self.out.len()
    }

    /// True when nothing was emitted.
    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// Findings not kept (beyond `Options::max_findings`, or beyond
    /// [`MAX_SEVERE`]) that hold in use case `uc`, per severity.
    pub fn dropped(&self, uc: UseCase) -> Counts {
        self.of(uc).dropped
    }

    fn of(&self, uc: UseCase) -> PerUseCase {
        self.per.get(uc.index()).copied().unwrap_or_default()
    }

    /// The use cases with their bookkeeping.
    fn each(&mut self) -> impl Iterator<Item = (UseCase, &mut PerUseCase)> {
        UseCase::all().zip(self.per.iter_mut())
    }

    /// Findings of ignored rules (`Options::ignore`) that hold in `uc`.
    pub fn ignored(&self, uc: UseCase) -> u64 {
        self.of(uc).ignored
    }

    /// Fixes the use case before the end (findings of other use cases are then
    /// dropped at once instead of at the end).
    pub fn fix_use_case(&mut self, uc: UseCase) {
        self.fixed = Some(uc);
    }

    /// True when a finding of this scope can still be reported (its use case
    /// is not ruled out): callers may skip building the message otherwise.
    /// The cap does not count here: a finding beyond it must still be pushed
    /// so that it is counted.
    pub fn wants(&self, scope: Scope) -> bool {
        let scope = scope.and(self.candidates);
        match self.fixed {
            Some(uc) => scope.contains(uc),
            None => !scope.is_empty(),
        }
    }

    /// Adds a finding.
    ///
    /// A rule reports in the use cases its catalogue row declares
    /// (`RuleMeta::scope`); outside them only as a softer reading (the PS
    /// warnings of RO1-BUNDLE-004/006, whose row says CPTS,SOS). Checked
    /// in debug builds, so every test run checks the rules against their rows.
    pub fn push(&mut self, scope: Scope, finding: Finding) {
        debug_assert!(
            scope.and(finding.rule.scope) == scope || finding.severity < finding.rule.severity,
            "{} reports in {scope} at its full severity, outside its scope {}",
            finding.rule.id,
            finding.rule.scope
        );
        let scope = scope.and(self.candidates);
        let fixed = self.fixed;
        let holds = |uc: UseCase| scope.contains(uc) && fixed.is_none_or(|f| f == uc);
        if !self.wants(scope) {
            // Filtered out at the end anyway: neither kept nor counted.
            return;
        }
        let sev = finding.severity;
        if sev != Severity::Fatal && self.opts.ignores(finding.rule.id) {
            for (uc, per) in self.each() {
                if holds(uc) {
                    per.ignored += 1;
                }
            }
            match finding.target {
                crate::finding::Target::Body { span, child: None } => {
                    self.ignored_at.push((span, finding.rule, scope));
                }
                crate::finding::Target::Body { span, child: Some(c) } => {
                    self.ignored_missing.push((span, c, finding.rule, scope));
                }
                _ => {}
            }
            return;
        }
        let room = if sev >= Severity::Error {
            self.severe < MAX_SEVERE && {
                self.severe += 1;
                true
            }
        } else {
            let mut room = false;
            let cap = self.opts.max_findings;
            for (uc, per) in self.each() {
                if holds(uc) && per.kept < cap {
                    per.kept += 1;
                    room = true;
                }
            }
            room
        };
        if room {
            self.out.push(Emitted { scope, finding, structural: self.structural, job: self.job });
        } else {
            for (uc, per) in self.each() {
                if holds(uc) {
                    per.dropped.add(sev);
                }
            }
            if let (false, crate::finding::Target::Body { span, child }) =
                (self.structural, finding.target)
                && self.capped.len() < MAX_SHADOWS
            {
                self.capped.push(Shadow { span, child, rule: finding.rule, scope, severity: sev });
            }
        }
    }

    /// A finding on the element at `span`, with the rule's severity.
    pub fn at(
        &mut self,
        scope: Scope,
        rule: &'static RuleMeta,
        span: Span,
        fr: String,
        en: String,
    ) {
        self.push(scope, Finding::body(rule, span, Message::new(fr, en)));
    }

    /// Same as [`Emitter::at`] with an explicit severity.
    pub fn at_sev(
        &mut self,
        scope: Scope,
        rule: &'static RuleMeta,
        severity: Severity,
        span: Span,
        fr: String,
        en: String,
    ) {
        self.push(scope, Finding::body(rule, span, Message::new(fr, en)).with_severity(severity));
    }

    /// A finding on a missing `child` of the object at `parent`.
    pub fn missing(
        &mut self,
        scope: Scope,
        rule: &'static RuleMeta,
        parent: Span,
        child: impl Into<Cow<'static, str>>,
        fr: String,
        en: String,
    ) {
        self.push(scope, Finding::missing(rule, parent, child, Message::new(fr, en)));
    }

    /// The severity of a check-digit finding: warning, error under `--strict`.
    pub fn check_digit_severity(&self) -> Severity {
        if self.opts.strict { Severity::Error } else { Severity::Warning }
    }

    /// Takes in the findings of the walks two threads shared (each emitter
    /// holds its walks in increasing [`Emitted::job`]), merged back into
    /// walk order and pushed through this emitter's ignore list and caps
    /// (marked structural as they were); their counts of
    /// findings not kept or ignored are added. The same report, and the
    /// same findings kept under the caps, whichever thread did which walk.
    pub(crate) fn absorb_walks(&mut self, a: Emitter<'_>, b: Emitter<'_>) {
        let a = self.absorb_books(a);
        let b = self.absorb_books(b);
        let mut a = a.into_iter().peekable();
        let mut b = b.into_iter().peekable();
        loop {
            let take_a = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => x.job <= y.job,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let next = if take_a { a.next() } else { b.next() };
            if let Some(e) = next {
                self.push_emitted(e);
            }
        }
    }

    /// Adds another emitter's counts and shadows; returns its findings.
    /// Takes the findings of `other`, pushed there for what follows all
    /// of this emitter's (the entries after a split point, read on another
    /// thread): the same findings kept and counted as if they had been
    /// pushed here, after the others. `other` kept at most as many as this
    /// one could, the first ones, so pushing them again here keeps the
    /// first ones of the whole sequence; what the cap leaves out here comes
    /// before what it left out there.
    pub(crate) fn absorb_after(&mut self, other: Emitter<'_>) {
        let (out, capped) = self.absorb_counts(other);
        for e in out {
            self.push_emitted(e);
        }
        self.absorb_capped(capped);
    }

    /// Whether the findings of `other` can follow these through
    /// [`Emitter::absorb_after`] as if pushed here: the cap's shadows they
    /// may leave stay under [`MAX_SHADOWS`] (past it, which ones are kept
    /// would depend on the order they came in, which the two-step push does
    /// not keep).
    pub(crate) fn can_take(&self, other: &Emitter<'_>) -> bool {
        self.capped.len().saturating_add(other.capped.len()).saturating_add(other.out.len())
            <= MAX_SHADOWS
    }

    /// Numbers the walks of this emitter's findings `by` further on (the
    /// walks of the entries after a split point were numbered from 0).
    pub(crate) fn shift_jobs(&mut self, by: u32) {
        for e in self.out.iter_mut().filter(|e| e.job != NO_JOB) {
            e.job = e.job.saturating_add(by);
        }
    }

    /// The use case fixed before the end, if any ([`Emitter::fix_use_case`]).
    pub(crate) fn fixed(&self) -> Option<UseCase> {
        self.fixed
    }

    fn absorb_books(&mut self, other: Emitter<'_>) -> Vec<Emitted> {
        let (out, capped) = self.absorb_counts(other);
        self.absorb_capped(capped);
        out
    }

    /// Takes the counts and ignore lists of `other`; gives back its kept
    /// findings and the shadows its cap left, for the caller to order.
    fn absorb_counts(&mut self, other: Emitter<'_>) -> (Vec<Emitted>, Vec<Shadow>) {
        let Emitter { out, per, ignored_at, ignored_missing, capped, .. } = other;
        for (mine, theirs) in self.per.iter_mut().zip(&per) {
            mine.dropped.merge(&theirs.dropped);
            mine.ignored += theirs.ignored;
        }
        self.ignored_at.extend(ignored_at);
        self.ignored_missing.extend(ignored_missing);
        (out, capped)
    }

    /// Adds shadows after these, up to [`MAX_SHADOWS`].
    fn absorb_capped(&mut self, capped: Vec<Shadow>) {
        let room = MAX_SHADOWS.saturating_sub(self.capped.len());
        self.capped.extend(capped.into_iter().take(room));
    }

    fn push_emitted(&mut self, e: Emitted) {
        let before = (self.structural, self.job);
        (self.structural, self.job) = (e.structural, e.job);
        self.push(e.scope, e.finding);
        (self.structural, self.job) = before;
    }

    /// Runs `f` with the findings it pushes numbered as walk `job`.
    pub(crate) fn in_job<R>(&mut self, job: u32, f: impl FnOnce(&mut Self) -> R) -> R {
        let before = std::mem::replace(&mut self.job, job);
        let r = f(self);
        self.job = before;
        r
    }

    /// Takes the findings out, with the bookkeeping of each use case
    /// (indexed by [`UseCase::index`]).
    pub fn into_inner(self) -> (Vec<Emitted>, Vec<PerUseCase>) {
        (self.out, self.per)
    }

    /// Where the findings of ignored rules were: element span, rule, and the
    /// use cases they hold in (one of another use case shadows nothing).
    pub fn ignored_at(&self) -> &[(Span, &'static RuleMeta, Scope)] {
        &self.ignored_at
    }

    /// Where the ignored findings of a missing child were: object, child,
    /// rule, use cases (an ignored RO1-SLOT-002 still shadows the generic
    /// "Slot.end missing" of the structural validator).
    pub fn ignored_missing(&self) -> &[(Span, Cow<'static, str>, &'static RuleMeta, Scope)] {
        &self.ignored_missing
    }

    /// Where the reader's and hand rules' findings left out by the cap were
    /// (the structural validator's are not kept: they shadow nothing).
    pub fn capped(&self) -> &[Shadow] {
        &self.capped
    }
}

/// Where a finding that is not in the report was: it still shadows the
/// structural report of the same defect ([`Emitter::capped`]).
///
/// ```
/// use fr_fhir_core::engine::{Emitter, Options, Scope};
/// use fr_fhir_core::finding::Severity;
/// use fr_fhir_core::json::Span;
/// use fr_fhir_core::rules::slot::ro1_slot_002;
/// // No room for warnings: this one is counted, not kept, and its place is.
/// let opts = Options { max_findings: 0, ..Options::default() };
/// let mut em = Emitter::new(&opts);
/// em.at_sev(Scope::PS, &ro1_slot_002::RULE, Severity::Warning, Span::new(0, 10),
///     "créneau douteux".into(), "dubious slot".into());
/// assert_eq!(em.len(), 0);
/// assert_eq!(em.capped()[0].span, Span::new(0, 10));
/// ```
#[derive(Debug, Clone)]
pub struct Shadow {
    /// The element (the object, for a missing child).
    pub span: Span,
    /// The missing child, for a finding of one.
    pub child: Option<Cow<'static, str>>,
    /// Its rule.
    pub rule: &'static RuleMeta,
    /// The use cases it held in.
    pub scope: Scope,
    /// Its severity (counted as dropped; uncounted when the report would
    /// have left it out anyway).
    pub severity: Severity,
}

/// The most findings left out by the cap that are remembered as shadows
/// ([`Emitter::capped`]): about 40 MB at most, for hostile input only (a real
/// response has a few thousand findings). Beyond it, a structural report the
/// reader or a hand rule also made may come back.
pub const MAX_SHADOWS: usize = 1_000_000;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::rules::prof::ro1_prof_004;

    /// Warnings of walk `job` (one each), pushed as a walk does.
    fn walked<'o>(opts: &'o Options, jobs: &[u32]) -> Emitter<'o> {
        let mut em = Emitter::new(opts);
        for &job in jobs {
            let f = Finding::body(
                &ro1_prof_004::RULE,
                Span::new(job * 10, job * 10 + 5),
                Message::new(format!("walk {job}"), format!("walk {job}")),
            );
            em.in_job(job, |em| em.structural(|em| em.push(Scope::ALL, f)));
        }
        em
    }

    fn kept(em: Emitter<'_>) -> (Vec<u32>, u64) {
        let uc = UseCase::PS;
        let dropped = em.dropped(uc).warning;
        let (out, _) = em.into_inner();
        (out.iter().map(|e| e.job).collect(), dropped)
    }

    /// However the walks were split between the two threads (each side in
    /// increasing order), the merged report keeps the same findings under
    /// the cap — the first ones in walk order — and counts the rest.
    #[test]
    fn walks_split_between_threads_merge_to_the_same_report() {
        let opts = Options { max_findings: 5, ..Options::default() };
        let splits: [(&[u32], &[u32]); 4] = [
            (&[0, 2, 4, 6, 8, 10, 12, 14], &[1, 3, 5, 7, 9, 11, 13]),
            (&[0, 1, 2, 3, 4, 5, 6], &[7, 8, 9, 10, 11, 12, 13, 14]),
            (&[], &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]),
            (&[3, 9, 10, 11, 12], &[0, 1, 2, 4, 5, 6, 7, 8, 13, 14]),
        ];
        for (mine, theirs) in splits {
            let mut em = Emitter::new(&opts);
            em.absorb_walks(walked(&opts, mine), walked(&opts, theirs));
            assert_eq!(kept(em), (vec![0, 1, 2, 3, 4], 10), "{mine:?} / {theirs:?}");
        }
    }

    /// The split `Structural::stop` makes: the walks this thread did while
    /// reading, those it took back at the end (older than some of the
    /// first), the walking thread's. The first two merged into a sibling
    /// first, then with the third: the same report as one thread's.
    #[test]
    fn walks_taken_back_at_the_end_merge_to_the_same_report() {
        let opts = Options { max_findings: 5, ..Options::default() };
        let splits: [(&[u32], &[u32], &[u32]); 4] = [
            (&[6, 7, 12], &[2, 3, 4, 5], &[0, 1, 8, 9, 10, 11, 13, 14]),
            (&[4, 9, 14], &[0, 1, 2, 3], &[5, 6, 7, 8, 10, 11, 12, 13]),
            (&[], &[0, 1, 2, 3, 4, 5, 6], &[7, 8, 9, 10, 11, 12, 13, 14]),
            (&[14], &[10, 11, 12, 13], &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
        ];
        for (local, late, theirs) in splits {
            let first = walked(&opts, local);
            let mut mine = first.sibling();
            mine.absorb_walks(first, walked(&opts, late));
            let mut em = Emitter::new(&opts);
            em.absorb_walks(mine, walked(&opts, theirs));
            assert_eq!(kept(em), (vec![0, 1, 2, 3, 4], 10), "{local:?} / {late:?} / {theirs:?}");
        }
    }
}
