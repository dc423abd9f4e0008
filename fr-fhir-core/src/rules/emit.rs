//! Where rules put their findings.

use std::borrow::Cow;

use super::{Options, Scope};
use crate::finding::{Finding, Message, RuleMeta, Severity};
use crate::json::Span;

/// A finding and the use cases it applies to.
#[derive(Debug, Clone)]
pub struct Emitted {
    /// Use cases where the finding holds.
    pub scope: Scope,
    /// The finding.
    pub finding: Finding,
}

/// Collects findings (bounded: hostile input cannot exhaust memory).
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
    dropped: u64,
    /// Findings kept per use case (PS, CPTS, SOS): the cap applies to each,
    /// so findings of the use cases that will be filtered out cannot crowd
    /// out the real ones.
    kept: [usize; 3],
    /// The use case, when known before the end (option or request).
    fixed: Option<super::UseCase>,
    /// Span of the entry being checked when reading it recorded no note
    /// (empty otherwise): no element in it can be written with a wrong JSON
    /// type, so rules reporting a missing element need not look again.
    clean: Span,
}

impl<'o> Emitter<'o> {
    /// An empty emitter.
    pub fn new(opts: &'o Options) -> Self {
        Emitter {
            opts,
            out: Vec::new(),
            dropped: 0,
            kept: [0; 3],
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

    /// Findings dropped beyond `Options::max_findings`.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Fixes the use case before the end (findings of other use cases are then
    /// dropped at once instead of at the end).
    pub fn fix_use_case(&mut self, uc: super::UseCase) {
        self.fixed = Some(uc);
    }

    /// True when a finding of this scope can still be kept (its use case is
    /// not ruled out and the cap is not reached): callers may skip building
    /// the message otherwise.
    pub fn wants(&self, scope: Scope) -> bool {
        use super::UseCase::{Cpts, Ps, Sos};
        [Ps, Cpts, Sos].into_iter().enumerate().any(|(i, uc)| {
            scope.contains(uc)
                && self.fixed.is_none_or(|f| f == uc)
                && self.kept.get(i).is_some_and(|&k| k < self.opts.max_findings)
        })
    }

    /// Adds a finding.
    pub fn push(&mut self, scope: Scope, finding: Finding) {
        use super::UseCase::{Cpts, Ps, Sos};
        if !self.fixed.is_none_or(|f| scope.contains(f)) {
            return;
        }
        let mut room = false;
        for (i, uc) in [Ps, Cpts, Sos].into_iter().enumerate() {
            if scope.contains(uc)
                && self.fixed.is_none_or(|f| f == uc)
                && let Some(k) = self.kept.get_mut(i)
                && *k < self.opts.max_findings
            {
                *k += 1;
                room = true;
            }
        }
        if room {
            self.out.push(Emitted { scope, finding });
        } else {
            self.dropped += 1;
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

    /// Takes the findings out.
    pub fn into_inner(self) -> (Vec<Emitted>, u64) {
        (self.out, self.dropped)
    }
}
