//! The rules of INT_R02, one file per rule in `regul/`, and the rule set the
//! engine runs on a regulator account ([`visit`]).

pub mod regul;
pub mod visit;

pub use visit::{REGUL_BODY, RegulRules};
