//! RO1-APPT-*: appointments (INT_R03).

use fr_fhir_core::finding::RuleMeta;
use fr_fhir_core::model::{Coding, Identifier};

use crate::IgVersion;

pub mod ro1_appt_001;
pub mod ro1_appt_002;
pub mod ro1_appt_003;
pub mod ro1_appt_004;
pub mod ro1_appt_005;
pub mod ro1_appt_006;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_appt_001::RULE,
    &ro1_appt_002::RULE,
    &ro1_appt_003::RULE,
    &ro1_appt_004::RULE,
    &ro1_appt_005::RULE,
    &ro1_appt_006::RULE,
];

/// What the rules of one body need besides the Appointment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx {
    /// The IG reading.
    pub version: IgVersion,
    /// The body declares sas-sos-appointment.
    pub sos: bool,
}

/// The single coding of `identifier.type`, when there is exactly one.
pub(crate) fn single_coding<'i, 'a>(id: &'i Identifier<'a>) -> Option<&'i Coding<'a>> {
    let codings = &id.type_.as_ref()?.coding;
    if codings.len() == 1 { codings.first() } else { None }
}

#[cfg(test)]
mod tests;
