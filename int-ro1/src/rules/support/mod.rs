//! What rules of several prefix folders share: the finding constructors of
//! the exchange and request rules, and the words of the requested-identifier
//! rules (RO1-PRACT-005, RO1-REF-005, RO1-SOS-005). A leaf: support calls no
//! rule file, so every folder may call it without a cycle.

pub mod findings;
pub mod knock_on;
pub mod requested;
