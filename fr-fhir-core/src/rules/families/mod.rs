//! The rule families, one file per resource or concern. Each family exposes
//! plain functions called by the engine: per entry as it streams past
//! (`check_*` on one resource), or once at the end on the index
//! (`check_graph`, `check_bundle`). The doc comment of each rule, written for
//! users, lives in [`super::docs`] and is what `sas-validate explain` prints.

pub mod bindings;
pub mod bundle;
pub mod cpts;
pub mod graph;
pub mod identifiers;
pub mod json_level;
pub mod meta;
pub mod outcome;
pub mod practitioner;
pub mod role;
pub mod schedule;
pub mod slot;
pub mod sos;
pub mod structure;

use super::context::{EntryCx, Finish};
use super::emit::Emitter;
use crate::model::Resource;

/// Every family's implemented rules (for `rules::implemented` and the corpus summary).
pub const FAMILIES: &[&[&crate::finding::RuleMeta]] = &[
    bindings::RULES,
    bundle::RULES,
    cpts::RULES,
    graph::RULES,
    identifiers::RULES,
    json_level::RULES,
    meta::RULES,
    outcome::RULES,
    practitioner::RULES,
    role::RULES,
    schedule::RULES,
    slot::RULES,
    sos::RULES,
    structure::RULES,
];

/// Per-entry rules, dispatched on the resource type.
pub fn check_entry(e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    bundle::check_entry(e, em);
    structure::check_entry(e, em);
    let Some(res) = &e.entry.resource else { return };
    meta::check_resource(res, false, em);
    identifiers::check_resource(res, em);
    bindings::check_resource(res, em);
    match res {
        Resource::Slot(s) => slot::check(s, e, em),
        Resource::Schedule(s) => schedule::check(s, e, em),
        Resource::Practitioner(p) => practitioner::check(p, e, em),
        Resource::PractitionerRole(r) => role::check(r, e, em),
        Resource::Location(l) => sos::check_location(l, e, em),
        Resource::Organization(o) => {
            cpts::check_organization(o, e, em);
            sos::check_organization(o, e, em);
        }
        Resource::HealthcareService(h) => cpts::check_healthcare_service(h, e, em),
        _ => {}
    }
}

/// End-of-Bundle rules: Bundle-level and cross-resource.
pub fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    bundle::check_bundle(f, em);
    meta::check_bundle(f, em);
    graph::check_graph(f, em);
}

/// Rules for a document that is not a Bundle (an OperationOutcome, or anything else).
pub fn check_root(res: Option<&Resource<'_>>, src: &str, em: &mut Emitter<'_>) {
    match res {
        Some(Resource::OperationOutcome(oo)) => outcome::check(oo, em),
        _ => bundle::check_not_a_bundle(res, src, em),
    }
}
