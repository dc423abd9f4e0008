//! Visits the index at the end of the Bundle for the cross-resource rules
//! (SPEC §1.2–1.4 reference graphs): every reference, every Reference element
//! without `reference`, every entry lacking a mandatory reference, then the
//! whole-graph checks. The checks live in their rule files and read the view
//! of [`crate::rules::support::graph`].

use crate::rules::cpts::{ro1_cpts_003, ro1_cpts_004, ro1_cpts_007};
use crate::rules::pract::ro1_pract_006;
use crate::rules::r#ref::{ro1_ref_001, ro1_ref_002, ro1_ref_004};
use crate::rules::role::ro1_role_003;
use crate::rules::sched::{
    ro1_sched_001, ro1_sched_002, ro1_sched_004, ro1_sched_005, ro1_sched_006,
};
use crate::rules::slot::ro1_slot_006;
use crate::rules::sos::ro1_sos_001;
use crate::rules::support::graph::Graph;
use crate::rules::{Emitter, Finish, UseCase};

/// Runs every cross-resource rule.
pub fn check_graph(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let g = Graph::new(f);
    for (r, t) in g.resolved() {
        ro1_ref_002::check_graph_reference(&g, r, em);
        // A broken reference is reported once, under the rule of its field
        // in the use case; RO1-REF-001 takes the fields no rule covers.
        let covered = ro1_sched_002::check_graph_reference(&g, r, t, em)
            || ro1_slot_006::check_graph_reference(&g, r, t, em)
            || ro1_role_003::check_graph_reference(&g, r, t, em)
            || ro1_cpts_004::check_graph_reference(&g, r, t, em)
            || ro1_sos_001::check_graph_reference(&g, r, t, em)
            || ro1_cpts_003::check_graph_reference(&g, r, t, em);
        if !covered {
            ro1_ref_001::check_graph_reference(&g, r, t, em);
        }
    }
    for m in &g.ix.missing_refs {
        ro1_slot_006::check_graph_bare_reference(m, em);
        ro1_sched_002::check_graph_bare_reference(m, em);
        ro1_role_003::check_graph_bare_reference(&g, m, em);
        ro1_sos_001::check_graph_bare_reference(&g, m, em);
    }
    let seen = g.fields_seen();
    for (pos, e) in g.ix.entries.iter().enumerate() {
        ro1_slot_006::check_graph_entry(&g, &seen, pos, e, em);
        ro1_sched_001::check_graph_entry(&g, &seen, pos, e, em);
        ro1_sched_005::check_graph_entry(&g, &seen, pos, e, em);
        ro1_role_003::check_graph_entry(&g, &seen, pos, e, em);
        ro1_sos_001::check_graph_entry(&g, &seen, pos, e, em);
    }
    if g.uc == UseCase::SOS {
        ro1_sched_005::check_graph(&g, em);
        ro1_ref_004::check_graph(&g, &[], em);
        return;
    }
    ro1_sched_001::check_graph(&g, em);
    ro1_sched_006::check_graph(&g, em);
    let unnamed_roles = ro1_sched_004::check_graph(&g, em);
    ro1_pract_006::check_graph(&g, em);
    if g.uc == UseCase::CPTS {
        ro1_cpts_007::check_graph(&g, em);
    }
    // The roles RO1-SCHED-004 found unnamed are not orphans again.
    ro1_ref_004::check_graph(&g, &unnamed_roles, em);
}

#[cfg(test)]
mod tests {
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, EMPTY, PS, SOS, run};

    /// The rules this visitor runs at the end of the Bundle.
    const GRAPH_RULES: &[&str] = &[
        "RO1-SLOT-006",
        "RO1-SCHED-001",
        "RO1-SCHED-002",
        "RO1-SCHED-004",
        "RO1-SCHED-005",
        "RO1-SCHED-006",
        "RO1-PRACT-006",
        "RO1-ROLE-003",
        "RO1-CPTS-003",
        "RO1-CPTS-004",
        "RO1-CPTS-007",
        "RO1-SOS-001",
        "RO1-REF-001",
        "RO1-REF-002",
        "RO1-REF-004",
    ];

    #[test]
    fn valid_examples_are_clean_for_graph_rules() {
        for (src, uc) in
            [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)]
        {
            let bad: Vec<_> = run(src, Some(uc))
                .into_iter()
                .filter(|f| GRAPH_RULES.contains(&f.0.as_str()))
                .collect();
            assert!(bad.is_empty(), "{uc:?}: {bad:?}");
        }
    }
}
