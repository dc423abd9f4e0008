//! Parameter names of the three searches (SPEC §1.2–1.4).

/// Slot start bound (PS, CPTS).
pub const START: &str = "start";
/// Practitioner identifiers (PS, CPTS).
pub const PS_IDENTIFIER: &str = "schedule.actor:Practitioner.identifier";
/// Slot status (PS, CPTS).
pub const STATUS: &str = "status";
/// Slot start bound through the reverse chain (SOS).
pub const SOS_START: &str = "_has:Slot:schedule:start";
/// Slot status through the reverse chain (SOS).
pub const SOS_STATUS: &str = "_has:Slot:schedule:status";
/// Association identifiers (SOS).
pub const SOS_IDENTIFIER: &str = "actor:Location.organization.identifier";
/// `_include`.
pub const INCLUDE: &str = "_include";
/// `_include:iterate`.
pub const INCLUDE_ITERATE: &str = "_include:iterate";
/// `_revinclude`.
pub const REVINCLUDE: &str = "_revinclude";
/// `_count` (not in the IG, seen in the FAQ self links).
pub const COUNT: &str = "_count";
/// `_format` (from the IG URL template).
pub const FORMAT: &str = "_format";
/// The name of the SearchParameter resource that the generated OpenAPI
/// files use by mistake instead of `start` (AMB-30).
pub const OPENAPI_START: &str = "SPDateDebutSlot";
