//! What rules see: one entry while the Bundle streams ([`EntryCx`]), the end
//! of the Bundle with its index ([`Finish`]), and the [`Hook`] other crates
//! plug into the same pass. A leaf module: the engine and the rules
//! both depend on it, and on nothing of each other.

use super::UseCase;
use super::emit::Emitter;
use super::index::Index;
use crate::model::{Bundle, BundleEntry};

/// One entry as rules see it.
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
pub trait Hook<'a> {
    /// A use case known from outside the body (the request path...).
    fn use_case(&self) -> Option<UseCase> {
        None
    }
    /// Called for each entry.
    fn entry(&mut self, _e: &EntryCx<'_, 'a>, _em: &mut Emitter<'_>) {}
    /// Called once after the last entry.
    fn finish(&mut self, _f: &Finish<'_, 'a>, _em: &mut Emitter<'_>) {}
}
