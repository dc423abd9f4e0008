//! What the engine asks of a set of rules.

use super::{EntryCx, Finish, Scope, UseCase};
use crate::engine::Emitter;
use crate::engine::index::Index;
use crate::finding::RuleMeta;
use crate::model::{Cx, Resource};

/// A set of rules the engine runs over one document: the checks at each
/// point of the pass, and what the set knows of its use cases.
///
/// The SAS slot-search body rules are one ([`crate::rules::SLOT_SEARCH_BODY`]);
/// a flow pack brings its own, or adds [`super::Hook`]s to that one.
///
/// ```
/// use fr_fhir_core::engine::{Emitter, EntryCx, Finish, Options, RuleSet, Scope, UseCase, run};
/// use fr_fhir_core::model::{Cx, Resource};
/// use fr_fhir_core::rules::SLOT_SEARCH_BODY as BODY;
///
/// /// The slot-search body rules, judging the SOS use case only.
/// struct SosOnly;
/// impl RuleSet for SosOnly {
///     fn check_entry(&self, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) { BODY.check_entry(e, em) }
///     fn check_bundle(&self, f: &Finish<'_, '_>, em: &mut Emitter<'_>) { BODY.check_bundle(f, em) }
///     fn check_root(&self, r: Option<&Resource<'_>>, src: &str, em: &mut Emitter<'_>) {
///         BODY.check_root(r, src, em)
///     }
///     fn check_notes(&self, cx: &Cx, em: &mut Emitter<'_>) { BODY.check_notes(cx, em) }
///     fn use_cases(&self) -> Scope { Scope::SOS }
///     fn default_use_case(&self) -> UseCase { UseCase::SOS }
/// }
/// let src = r#"{"resourceType":"Bundle","type":"searchset","total":0}"#;
/// let report = run(src, &Options::default(), &SosOnly, &mut []).unwrap();
/// assert_eq!(report.subject.use_case, UseCase::SOS);
/// ```
pub trait RuleSet: Sync {
    /// Checks one Bundle entry as it streams past.
    fn check_entry(&self, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>);

    /// [`RuleSet::check_entry`] as the engine calls it, once the entry is in
    /// the Bundle's index `ix`: a rule set may use what the index learnt of
    /// the entry instead of finding it again (same findings). By default,
    /// `check_entry`. While the entries stream, only the entries' records
    /// and references read so far are in `ix`: its look-ups by type and id
    /// or fullUrl, resolutions and duplicate lists are complete only at the
    /// end ([`RuleSet::check_bundle`]'s [`Finish`]) — for a large Bundle the
    /// keys are put in on another thread.
    fn check_indexed_entry(&self, e: &EntryCx<'_, '_>, ix: &Index<'_>, em: &mut Emitter<'_>) {
        let _ = ix;
        self.check_entry(e, em);
    }

    /// Whether a large Bundle's entries may be checked in two parts at once,
    /// one per core, when no hook sees them (off by default). The part after
    /// the split point is checked on another thread with an index of its
    /// own: in [`RuleSet::check_indexed_entry`] the index then holds only
    /// that part's entries, and [`EntryCx::index`] counts from the part's
    /// first entry. A rule set whose per-entry checks read neither (only the
    /// entry, and what the index learnt of it) can say yes; the report is the
    /// same, and [`RuleSet::check_bundle`] sees the whole Bundle either way.
    ///
    /// ```
    /// use fr_fhir_core::engine::RuleSet;
    /// use fr_fhir_core::rules::SLOT_SEARCH_BODY;
    /// assert!(SLOT_SEARCH_BODY.entries_in_parts());
    /// ```
    fn entries_in_parts(&self) -> bool {
        false
    }

    /// Checks the end of a Bundle: Bundle-level and cross-resource rules.
    ///
    /// What it reports must depend on `f` alone, and it must only push into
    /// `em`: the engine may run it before the walks' findings are in, into an
    /// emitter of its own whose findings then follow them (a large Bundle's
    /// walks end on another thread meanwhile), and in the rare case those
    /// findings cannot be taken in that way, run it again in place.
    fn check_bundle(&self, f: &Finish<'_, '_>, em: &mut Emitter<'_>);

    /// Checks a document that is not a Bundle (`None`: not a resource).
    fn check_root(&self, res: Option<&Resource<'_>>, src: &str, em: &mut Emitter<'_>);

    /// Turns what reading the JSON noted (syntax, wrong types, unknown
    /// elements) into findings.
    fn check_notes(&self, cx: &Cx, em: &mut Emitter<'_>);

    /// True for a generic rule whose finding on an element a specific
    /// finding on the same element replaces.
    fn is_generic(&self, _rule: &RuleMeta) -> bool {
        false
    }

    /// The rule reporting a value of the wrong JSON type: a finding of it
    /// replaces the "missing" findings on the same element (the value was
    /// read as absent).
    fn wrong_type_rule(&self) -> Option<&'static RuleMeta> {
        None
    }

    /// The use case a profile canonical declares, if any.
    fn use_case_of_profile(&self, _url: &str) -> Option<UseCase> {
        None
    }

    /// Counts what a resource of the Bundle hints at (its profiles, its
    /// type) in `seen`, indexed by [`UseCase::index`].
    fn hint(&self, _res: &Resource<'_>, _seen: &mut [u32]) {}

    /// The use case retained from the hints counted over the Bundle
    /// (`seen[uc.index()]`), when nothing declared one.
    fn decide(&self, _seen: &[u32]) -> Option<UseCase> {
        None
    }

    /// The profile a resource of type `rtype` is checked against in use case
    /// `uc` when it declares none the definitions know (`None`: its base R4
    /// definition).
    fn profile_for(&self, _rtype: &str, _uc: UseCase) -> Option<&'static str> {
        None
    }

    /// True when a hand rule of the set owns the profile constraint a
    /// structural finding of `rule` comes from (`source`: profile URL `#`
    /// element id) and reads it differently — the SPEC's reading of an
    /// ambiguity: the structural finding is then dropped.
    fn hand_owned(&self, _rule: &RuleMeta, _source: &str) -> bool {
        false
    }

    /// The use cases this rule set judges: findings hold, are counted and
    /// capped in those only.
    fn use_cases(&self) -> Scope {
        Scope::ALL
    }

    /// The use case assumed when nothing tells.
    fn default_use_case(&self) -> UseCase;
}
