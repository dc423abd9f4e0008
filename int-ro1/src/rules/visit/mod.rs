//! The visitors of the INT_RO1 pack: which rules run on the search request.
//! The rules themselves are the files of the prefix folders; a visitor only
//! calls their checks in order (the response and body visitors are
//! `exchange::response` and `exchange::hook`).

pub mod request;
