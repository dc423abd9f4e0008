//! What rules see: one entry while the Bundle streams ([`EntryCx`]), the end
//! of the Bundle with its index ([`Finish`]), and the [`Hook`] other crates
//! plug into the same pass. A leaf module: the engine and the rules
//! both depend on it, and on nothing of each other.

use super::UseCase;
use super::emit::Emitter;
use super::index::Index;
use crate::model::{Bundle, BundleEntry};

/// One entry as rules see it.
///
/// ```
/// use fr_fhir_core::engine::{Emitter, EntryCx, Hook, Options, run};
/// use fr_fhir_core::rules::SLOT_SEARCH_BODY;
///
/// /// The type of each entry's resource, by position in `Bundle.entry`.
/// struct Types(Vec<(u32, String)>);
/// impl<'a> Hook<'a> for Types {
///     fn entry(&mut self, e: &EntryCx<'_, 'a>, _em: &mut Emitter<'_>) {
///         if let Some(res) = &e.entry.resource {
///             self.0.push((e.index, res.resource_type().to_string()));
///         }
///     }
/// }
/// let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[
///   {"resource":{"resourceType":"Slot","id":"1"}},{"resource":{"resourceType":"Schedule","id":"s1"}}]}"#;
/// let mut types = Types(Vec::new());
/// run(src, &Options::default(), &SLOT_SEARCH_BODY, &mut [&mut types]).unwrap();
/// assert_eq!(types.0, [(0, "Slot".to_string()), (1, "Schedule".to_string())]);
/// ```
#[derive(Debug)]
pub struct EntryCx<'e, 'a> {
    /// Position in `Bundle.entry`.
    pub index: u32,
    /// The entry.
    pub entry: &'e BundleEntry<'a>,
    /// The whole input.
    pub src: &'a str,
}

/// The end of a Bundle as cross-resource rules see it.
///
/// ```
/// use fr_fhir_core::engine::{Emitter, Finish, Hook, Options, UseCase, run};
/// use fr_fhir_core::rules::SLOT_SEARCH_BODY;
///
/// /// What the end of the Bundle tells: the use case retained, the entries.
/// #[derive(Default)]
/// struct End(Option<(UseCase, usize)>);
/// impl<'a> Hook<'a> for End {
///     fn finish(&mut self, f: &Finish<'_, 'a>, _em: &mut Emitter<'_>) {
///         self.0 = Some((f.use_case, f.index.entries.len()));
///     }
/// }
/// let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Slot","id":"1"}}]}"#;
/// let opts = Options { use_case: Some(UseCase::SOS), ..Options::default() };
/// let mut end = End::default();
/// run(src, &opts, &SLOT_SEARCH_BODY, &mut [&mut end]).unwrap();
/// assert_eq!(end.0, Some((UseCase::SOS, 1)));
/// ```
#[derive(Debug)]
pub struct Finish<'f, 'a> {
    /// The Bundle without its entries.
    pub bundle: &'f Bundle<'a>,
    /// The cross-resource index.
    pub index: &'f Index<'a>,
    /// The use case finally retained.
    pub use_case: UseCase,
    /// The whole input.
    pub src: &'a str,
}

/// Extra checks run by other crates in the same pass (int-ro1's request-dependent rules).
///
/// ```
/// use fr_fhir_core::engine::{Emitter, EntryCx, Finish, Hook, Options, UseCase, run};
/// use fr_fhir_core::model::Resource;
/// use fr_fhir_core::rules::SLOT_SEARCH_BODY;
///
/// /// Counts the Slots in the pass that runs the rules, and tells the use
/// /// case the request path gave (as int-ro1's request hook does).
/// #[derive(Default)]
/// struct Slots { seen: usize, entries: usize }
/// impl<'a> Hook<'a> for Slots {
///     fn use_case(&self) -> Option<UseCase> {
///         Some(UseCase::CPTS)
///     }
///     fn entry(&mut self, e: &EntryCx<'_, 'a>, _em: &mut Emitter<'_>) {
///         self.seen += usize::from(matches!(e.entry.resource, Some(Resource::Slot(_))));
///     }
///     fn finish(&mut self, f: &Finish<'_, 'a>, _em: &mut Emitter<'_>) {
///         self.entries = f.index.entries.len();
///     }
/// }
/// let src = r#"{"resourceType":"Bundle","type":"searchset","entry":[
///   {"resource":{"resourceType":"Slot","id":"1"}},{"resource":{"resourceType":"Schedule","id":"s1"}}]}"#;
/// let mut slots = Slots::default();
/// let report = run(src, &Options::default(), &SLOT_SEARCH_BODY, &mut [&mut slots]).unwrap();
/// assert_eq!((slots.seen, slots.entries), (1, 2));
/// assert_eq!(report.subject.use_case, UseCase::CPTS);
/// ```
pub trait Hook<'a> {
    /// A use case known from outside the body (the request path...).
    fn use_case(&self) -> Option<UseCase> {
        None
    }
    /// Called for each entry.
    fn entry(&mut self, _e: &EntryCx<'_, 'a>, _em: &mut Emitter<'_>) {}
    /// Called once after the last entry.
    fn finish(&mut self, _f: &Finish<'_, 'a>, _em: &mut Emitter<'_>) {}
    /// A new hook for the entries after a split point, read on another
    /// thread at the same time as those before (`Options::second_thread`,
    /// [`crate::engine::RuleSet::entries_in_parts`]): it sees them in order,
    /// numbered from 0 ([`EntryCx::index`]), and reports into their emitter
    /// (its findings are put after this hook's, as if reported in order);
    /// what it keeps comes back through [`Hook::part_state`] and
    /// [`Hook::join`]. `None` (the default): a Bundle is not split while this
    /// hook runs.
    ///
    /// ```
    /// use std::any::Any;
    /// use fr_fhir_core::engine::{Emitter, EntryCx, Hook, Options, run};
    /// use fr_fhir_core::rules::SLOT_SEARCH_BODY;
    ///
    /// /// The entry numbers of the Slots, in order, however the entries are read.
    /// #[derive(Default)]
    /// struct Slots(Vec<u32>);
    /// impl<'a> Hook<'a> for Slots {
    ///     fn entry(&mut self, e: &EntryCx<'_, 'a>, _em: &mut Emitter<'_>) {
    ///         if e.entry.resource.as_ref().is_some_and(|r| r.resource_type() == "Slot") {
    ///             self.0.push(e.index);
    ///         }
    ///     }
    ///     fn fork(&self) -> Option<Box<dyn Hook<'a> + Send + 'a>> {
    ///         Some(Box::new(Slots::default()))
    ///     }
    ///     fn part_state(self: Box<Self>) -> Option<Box<dyn Any + Send>> {
    ///         Some(Box::new(self.0))
    ///     }
    ///     fn join(&mut self, state: Box<dyn Any + Send>, first: u32) {
    ///         if let Ok(part) = state.downcast::<Vec<u32>>() {
    ///             self.0.extend(part.iter().map(|i| i + first));
    ///         }
    ///     }
    /// }
    /// let entry = r#"{"fullUrl":"https://h.fr/fhir/Slot/1","resource":{"resourceType":"Slot","id":"1"}}"#;
    /// let src = format!(r#"{{"resourceType":"Bundle","type":"searchset","entry":[{}]}}"#, [entry; 4000].join(","));
    /// let mut slots = Slots::default();
    /// run(&src, &Options::default(), &SLOT_SEARCH_BODY, &mut [&mut slots]).unwrap();
    /// assert_eq!(slots.0, (0..4000).collect::<Vec<u32>>());
    /// ```
    fn fork(&self) -> Option<Box<dyn Hook<'a> + Send + 'a>> {
        None
    }
    /// What a fork kept, once it has seen its entries (given to the hook it
    /// was forked from, [`Hook::join`]).
    fn part_state(self: Box<Self>) -> Option<Box<dyn std::any::Any + Send>> {
        None
    }
    /// Takes back what a fork of this hook kept (`state`, its
    /// [`Hook::part_state`]) at the split point: its entries come after
    /// those this hook saw, the first at position `first` in `Bundle.entry`.
    /// Called before [`Hook::finish`], only when the split was taken (the
    /// reading thread otherwise reads those entries itself, through this
    /// hook).
    fn join(&mut self, _state: Box<dyn std::any::Any + Send>, _first: u32) {}
}
