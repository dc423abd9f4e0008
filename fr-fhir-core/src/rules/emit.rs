//! Where rules put their findings.

use std::borrow::Cow;

use super::{Options, Scope};
use crate::finding::{Counts, Finding, Message, RuleMeta, Severity};
use crate::json::Span;

/// A finding and the use cases it applies to.
#[derive(Debug, Clone)]
pub struct Emitted {
    /// Use cases where the finding holds.
    pub scope: Scope,
    /// The finding.
    pub finding: Finding,
}

/// Collects findings. Information and warnings are capped per use case
/// (`Options::max_findings`): hostile input cannot exhaust memory with them.
/// Errors and fatals are always kept (up to [`MAX_SEVERE`], a guard against
/// unbounded allocation far beyond any real response), and everything not
/// kept is counted per use case and severity, so the counts stay exact.
///
/// ```
/// use fr_fhir_core::rules::{Emitter, Options, Scope, catalog};
/// use fr_fhir_core::json::Span;
/// let opts = Options::default();
/// let mut em = Emitter::new(&opts);
/// em.missing(Scope::ALL, &catalog::RO1_SLOT_002, Span::new(0, 10), "end",
///     "Slot.end est absent".into(), "Slot.end is missing".into());
/// assert_eq!(em.len(), 1);
/// ```
#[derive(Debug)]
pub struct Emitter<'o> {
    /// Validation options (strict mode...).
    pub opts: &'o Options,
    out: Vec<Emitted>,
    /// Findings not kept, per use case (PS, CPTS, SOS) and severity.
    dropped: [Counts; 3],
    /// Information and warnings kept per use case (PS, CPTS, SOS): the cap
    /// applies to each, so findings of the use cases that will be filtered
    /// out cannot crowd out the real ones.
    kept: [usize; 3],
    /// Errors and fatals kept.
    severe: usize,
    /// Findings of ignored rules, per use case (PS, CPTS, SOS).
    ignored: [u64; 3],
    /// Where the ignored findings on an element were, and their rule: an
    /// ignored specific finding still shadows the generic one on the same
    /// element (ignoring RO1-SLOT-003 must not bring RO1-FHIR-003 back).
    ignored_at: Vec<(Span, &'static RuleMeta, Scope)>,
    /// The use case, when known before the end (option or request).
    fixed: Option<super::UseCase>,
    /// Span of the entry being checked when reading it recorded no note
    /// (empty otherwise): no element in it can be written with a wrong JSON
    /// type, so rules reporting a missing element need not look again.
    clean: Span,
}

/// The most errors and fatals one input keeps (the rest are counted): a
/// bound on memory for hostile input, two orders of magnitude above the
/// largest real response (a 400 MB Bundle has about 2 million elements).
pub const MAX_SEVERE: usize = 1_000_000;

const USE_CASES: [super::UseCase; 3] =
    [super::UseCase::Ps, super::UseCase::Cpts, super::UseCase::Sos];

/// The entry of `uc` in a per-use-case array (PS, CPTS, SOS).
pub(crate) fn of_use_case<T: Copy + Default>(per: &[T; 3], uc: super::UseCase) -> T {
    USE_CASES.iter().position(|&u| u == uc).and_then(|i| per.get(i)).copied().unwrap_or_default()
}

impl<'o> Emitter<'o> {
    /// An empty emitter.
    pub fn new(opts: &'o Options) -> Self {
        Emitter {
            opts,
            out: Vec::new(),
            dropped: [Counts::default(); 3],
            kept: [0; 3],
            severe: 0,
            ignored: [0; 3],
            ignored_at: Vec::new(),
            fixed: opts.use_case,
            clean: Span::default(),
        }
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
    pub fn dropped(&self, uc: super::UseCase) -> Counts {
        of_use_case(&self.dropped, uc)
    }

    /// Findings of ignored rules (`Options::ignore`) that hold in `uc`.
    pub fn ignored(&self, uc: super::UseCase) -> u64 {
        of_use_case(&self.ignored, uc)
    }

    /// Fixes the use case before the end (findings of other use cases are then
    /// dropped at once instead of at the end).
    pub fn fix_use_case(&mut self, uc: super::UseCase) {
        self.fixed = Some(uc);
    }

    /// True when a finding of this scope can still be reported (its use case
    /// is not ruled out): callers may skip building the message otherwise.
    /// The cap does not count here: a finding beyond it must still be pushed
    /// so that it is counted.
    pub fn wants(&self, scope: Scope) -> bool {
        USE_CASES.into_iter().any(|uc| scope.contains(uc) && self.fixed.is_none_or(|f| f == uc))
    }

    /// Adds a finding.
    pub fn push(&mut self, scope: Scope, finding: Finding) {
        let fixed = self.fixed;
        let holds = |uc: super::UseCase| scope.contains(uc) && fixed.is_none_or(|f| f == uc);
        if !USE_CASES.into_iter().any(holds) {
            // Filtered out at the end anyway: neither kept nor counted.
            return;
        }
        let sev = finding.severity;
        if sev != Severity::Fatal && self.opts.ignores(finding.rule.id) {
            for (uc, n) in USE_CASES.into_iter().zip(self.ignored.iter_mut()) {
                if holds(uc) {
                    *n += 1;
                }
            }
            if let crate::finding::Target::Body { span, child: None } = finding.target {
                self.ignored_at.push((span, finding.rule, scope));
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
            for (uc, k) in USE_CASES.into_iter().zip(self.kept.iter_mut()) {
                if holds(uc) && *k < self.opts.max_findings {
                    *k += 1;
                    room = true;
                }
            }
            room
        };
        if room {
            self.out.push(Emitted { scope, finding });
        } else {
            for (uc, d) in USE_CASES.into_iter().zip(self.dropped.iter_mut()) {
                if holds(uc) {
                    d.add(sev);
                }
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

    /// Takes the findings out, with the counts of those not kept per use
    /// case (PS, CPTS, SOS).
    pub fn into_inner(self) -> (Vec<Emitted>, [Counts; 3]) {
        (self.out, self.dropped)
    }

    /// Where the findings of ignored rules were: element span, rule, and the
    /// use cases they hold in (one of another use case shadows nothing).
    pub fn ignored_at(&self) -> &[(Span, &'static RuleMeta, Scope)] {
        &self.ignored_at
    }
}
