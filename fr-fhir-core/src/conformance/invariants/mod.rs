//! The invariants (`ElementDefinition.constraint`) evaluated natively, keyed
//! by their key (`per-1`, `dom-3`, `FINESS-invariant`): no FHIRPath engine.
//!
//! The walker gives an invariant what it needs of one object: its direct
//! children as read ([`ObjectView`]); the resource-wide facts (contained ids,
//! local references) come with the resource root ([`ResourceFacts`]).

use crate::json::{Kind, Span, Str};

/// One direct child of an object, as the walker read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Child<'a> {
    /// JSON key (`start`, `valueString`, `_status`).
    pub name: &'a str,
    /// Span of the value (the whole array for an array).
    pub span: Span,
    /// JSON kind of the value.
    pub kind: Kind,
    /// Scalar value: the decoded string, or the raw token of a number or
    /// boolean; `None` for objects, arrays and null.
    pub text: Option<Str<'a>>,
    /// Number of items for an array (1 for a single value, 0 for null).
    pub count: u32,
    /// For an array of objects or an object: the names of the grandchildren
    /// present in the first object (enough for `identifier.system.exists()`-like
    /// tests on 0..1 paths); empty otherwise.
    pub inner: Vec<&'a str>,
}

/// What an invariant sees of one object.
#[derive(Debug, Clone, Copy)]
pub struct ObjectView<'v, 'a> {
    /// Span of the object.
    pub span: Span,
    /// Its direct children, in document order.
    pub children: &'v [Child<'a>],
    /// The resource-wide facts, when the object is a resource root.
    pub resource: Option<&'v ResourceFacts<'a>>,
}

impl<'a> ObjectView<'_, 'a> {
    /// The child named `name`, if present.
    pub fn get(&self, name: &str) -> Option<&Child<'a>> {
        self.children.iter().find(|c| c.name == name)
    }

    /// True when `name` is present with a value (not null).
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some_and(|c| c.count > 0)
    }
}

/// Facts about a whole resource, gathered while walking it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceFacts<'a> {
    /// Each contained resource: its id (if any), span, and what dom-2/4/5 ask.
    pub contained: Vec<ContainedFacts<'a>>,
    /// Every `reference` string starting with `#` anywhere in the resource
    /// (contained resources included), with its span.
    pub local_refs: Vec<(Str<'a>, Span)>,
}

/// What dom-2/4/5 ask of one contained resource.
#[derive(Debug, Clone, PartialEq)]
pub struct ContainedFacts<'a> {
    /// Its `id`, when present.
    pub id: Option<Str<'a>>,
    /// Span of the contained resource.
    pub span: Span,
    /// Span of its own `contained` element, when present (dom-2).
    pub nested_contained: Option<Span>,
    /// Span of its `meta.versionId` or `meta.lastUpdated`, when present (dom-4).
    pub meta_version: Option<Span>,
    /// Span of its `meta.security`, when present (dom-5).
    pub meta_security: Option<Span>,
}

/// The verdict of one invariant on one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The invariant holds.
    Holds,
    /// It fails: where to point (the object, or the child at fault) and why.
    Fails {
        /// The element at fault.
        span: Span,
        /// Why, in French, naming the actual and the expected value.
        fr: String,
        /// Why, in English.
        en: String,
    },
}
