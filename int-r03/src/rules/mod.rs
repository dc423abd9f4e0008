//! The rules of INT_R03, one file per rule in `appt/`, and the rule set the
//! engine runs on an appointment body ([`visit`]).

pub mod appt;
pub mod visit;

pub use visit::{AppointmentRules, rule_set};
