//! Helpers shared by rules of several folders. A rule calls into `support`,
//! never into another rule's folder: a helper here reports nothing of its own,
//! only for the rule it is given or the rule the caller names.

pub mod coding;
pub mod graph;
pub mod identifier_type;
pub mod location;
pub mod phone;
pub mod presence;
pub mod specialties;
pub mod terminology;
