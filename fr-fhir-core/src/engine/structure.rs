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
use std::sync::mpsc::{Receiver, SyncSender};

use super::{Emitter, RuleSet, Scope};
use crate::conformance::walk::{Validator, Walk};
use crate::finding::{Finding, Message};
use crate::json::Span;
use crate::rules::prof::ro1_prof_007;

/// A resource to walk: where, its type, the profiles it declares, and the
/// value inside it walked on its own (the entry array of a Bundle).
pub(crate) struct ResourceAt<'r> {
    pub(crate) span: Span,
    pub(crate) rtype: &'r str,
    pub(crate) declared: &'r [Cow<'r, str>],
    pub(crate) skip: Option<Span>,
}

/// The structural side of one pass.
pub(crate) struct Structural<'v> {
    v: &'v Validator,
    /// `--profile`, resolved to a canonical URL, with its type.
    forced: Option<(String, String)>,
    base_only: bool,
    /// False: nothing is walked (`Options::structure`).
    on: bool,
    /// Profiles walked so far, each with the first resource walked against
    /// it and the scope of that walk (RO1-PROF-007 is reported once each).
    walked: Vec<(String, Span, Scope)>,
    /// Where the walks go when a second thread does them ([`walk_jobs`]).
    tx: Option<SyncSender<Job<'v>>>,
}

/// One walk handed to the walking thread.
pub(crate) struct Job<'v> {
    span: Span,
    structure: Cow<'v, str>,
    element: Option<&'static str>,
    skip: Option<Span>,
    scope: Scope,
}

/// Documents from this size on are walked by a second thread, in parallel
/// with the typed read and the hand rules: the walk needs only the bytes
/// and a span, so nothing pointer-rich crosses threads (the reason a
/// reader/rules split was measured slower, see ARCHITECTURE). Below it, a
/// thread costs more than it saves.
pub(crate) const PARALLEL_WALK_MIN: usize = 256 * 1024;

/// Walks queued at most (back-pressure: memory stays bounded however far
/// the walking thread lags).
pub(crate) const JOB_QUEUE: usize = 4096;

/// The walking thread: walks each job into its own emitter, returned when
/// the queue closes.
pub(crate) fn walk_jobs<'o>(
    v: &Validator,
    opts: &'o super::Options,
    candidates: Scope,
    src: &str,
    jobs: Receiver<Job<'_>>,
) -> Emitter<'o> {
    let mut em = Emitter::new(opts);
    em.restrict(candidates);
    for job in jobs {
        let w = Walk {
            structure: &job.structure,
            element: job.element,
            skip: job.skip.as_slice(),
            scope: job.scope,
        };
        em.structural(|em| v.check(src, job.span, &w, em));
    }
    em
}

impl<'v> Structural<'v> {
    pub(crate) fn new(v: &'v Validator, profile: Option<&str>, base_only: bool, on: bool) -> Self {
        let forced = profile
            .and_then(|p| v.definitions().find(p))
            .map(|s| (s.url.to_string(), s.type_name.to_string()));
        Structural { v, forced, base_only, on, walked: Vec::new(), tx: None }
    }

    /// From now on, walks go to the walking thread behind `tx`.
    pub(crate) fn send_to(&mut self, tx: SyncSender<Job<'v>>) {
        self.tx = Some(tx);
    }

    /// Closes the queue: the walking thread ends once it is drained.
    pub(crate) fn stop(&mut self) {
        self.tx = None;
    }

    /// Walks now, or queues the walk for the walking thread.
    fn walk(&self, src: &str, job: Job<'v>, em: &mut Emitter<'_>) {
        let job = match &self.tx {
            // The thread only stops when the queue closes: a failed send
            // means it is gone (it panicked), the join reports it, and the
            // walk is done here.
            Some(tx) => match tx.send(job) {
                Ok(()) => return,
                Err(back) => back.0,
            },
            None => job,
        };
        let w = Walk {
            structure: &job.structure,
            element: job.element,
            skip: job.skip.as_slice(),
            scope: job.scope,
        };
        em.structural(|em| self.v.check(src, job.span, &w, em));
    }

    /// The structures a resource of type `rtype` declaring `declared` is
    /// checked against, each with the use cases its findings hold in.
    pub(crate) fn choose(
        &self,
        rtype: &str,
        declared: &[Cow<'_, str>],
        rules: &dyn RuleSet,
        em: &Emitter<'_>,
    ) -> Vec<(Cow<'v, str>, Scope)> {
        if !self.on {
            return Vec::new();
        }
        let defs = self.v.definitions();
        let base = || defs.base(rtype).map(|s| Cow::Borrowed(&*s.url));
        if self.base_only {
            return base().map(|u| vec![(u, Scope::ALL)]).unwrap_or_default();
        }
        if let Some((url, ty)) = &self.forced
            && ty == rtype
        {
            return vec![(Cow::Owned(url.clone()), Scope::ALL)];
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
        src: &str,
        at: &ResourceAt<'_>,
        rules: &dyn RuleSet,
        em: &mut Emitter<'_>,
    ) {
        for (url, scope) in self.choose(at.rtype, at.declared, rules, em) {
            let job =
                Job { span: at.span, structure: url.clone(), element: None, skip: at.skip, scope };
            self.walk(src, job, em);
            self.note_walked(&url, at.span, scope);
        }
    }

    /// Walks one Bundle entry without its resource (walked on its own), as an
    /// instance of `Bundle.entry` of the Bundle's structures (chosen once per
    /// Bundle with [`Structural::choose`]).
    pub(crate) fn entry(
        &mut self,
        src: &str,
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

    fn note_walked(&mut self, url: &str, span: Span, scope: Scope) {
        match self.walked.iter_mut().find(|(u, _, _)| u == url) {
            Some((_, _, s)) => *s = s.or(scope),
            None => self.walked.push((url.to_string(), span, scope)),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use std::sync::Arc;

    use crate::conformance::Definitions;
    use crate::conformance::table::{Constraint, ConstraintSeverity};
    use crate::conformance::walk::Validator;
    use crate::rules::{Options, validate};

    /// An invariant a loaded profile names and nobody evaluates is said once
    /// per profile (RO1-PROF-007), however many resources claim it.
    #[test]
    fn an_unevaluated_profile_invariant_is_reported_once_per_profile() {
        let mut defs = Definitions::builtin();
        let mut p = defs.structure(crate::rules::profiles::SLOT_PS).unwrap().clone();
        let mut els = p.elements.to_vec();
        let mut cs = els[0].constraints.to_vec();
        cs.push(Constraint {
            key: "sas-slot-1".into(),
            severity: ConstraintSeverity::Error,
            human: "".into(),
            expression: "start < end".into(),
            source: "http://x/P".into(),
        });
        els[0].constraints = cs.into();
        p.elements = els.into();
        p.url = "http://x/P".into();
        defs.add_structure(p);
        let opts = Options {
            validator: Some(Arc::new(Validator::new(Arc::new(defs)))),
            ..Options::default()
        };
        let slot = r#"{"resource":{"resourceType":"Slot","meta":{"profile":["http://x/P"]},"status":"free"}}"#;
        let src =
            format!(r#"{{"resourceType":"Bundle","type":"searchset","entry":[{slot},{slot}]}}"#);
        let report = validate(&src, &opts).unwrap();
        let said: Vec<_> = report.findings.iter().filter(|f| f.rule.id == "RO1-PROF-007").collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].message.get(crate::finding::Lang::En).contains("sas-slot-1"));
        assert_eq!(said[0].source(), "http://x/P");
    }
}
