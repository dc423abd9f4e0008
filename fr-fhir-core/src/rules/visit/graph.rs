//! Visits the index at the end of the Bundle for the cross-resource rules
//! (SPEC §1.2–1.4 reference graphs): every reference, every Reference element
//! without `reference`, every entry lacking a mandatory reference, then the
//! whole-graph checks. The checks live in their rule files and read the view
//! of `crate::rules::support::graph`.

use crate::rules::cpts::{ro1_cpts_003, ro1_cpts_004, ro1_cpts_007};
use crate::rules::pract::ro1_pract_006;
use crate::rules::r#ref::{ro1_ref_001, ro1_ref_002, ro1_ref_004};
use crate::rules::role::ro1_role_003;
use crate::rules::sched::{
    ro1_sched_001, ro1_sched_002, ro1_sched_004, ro1_sched_005, ro1_sched_006,
};
use crate::rules::slot::ro1_slot_006;
use crate::rules::sos::ro1_sos_001;
use crate::rules::support::graph::{self, Expect, Graph};
use crate::rules::{Emitter, Finish, UseCase};

/// The rules judging where a reference of their field leads, in the order
/// they are asked: a broken reference is reported once, under the first rule
/// of its field in the use case; RO1-REF-001 takes the fields none covers.
static RESOLVES: [&Expect; 6] = [
    &ro1_sched_002::EXPECT,
    &ro1_slot_006::EXPECT,
    &ro1_role_003::EXPECT,
    &ro1_cpts_004::GRAPH_EXPECT,
    &ro1_sos_001::EXPECT,
    &ro1_cpts_003::EXPECT,
];

/// The rules reporting a Reference element of their field without `reference`.
static BARE: [&Expect; 4] =
    [&ro1_slot_006::EXPECT, &ro1_sched_002::EXPECT, &ro1_role_003::EXPECT, &ro1_sos_001::EXPECT];

/// The rules reporting an entry without the mandatory reference element of
/// their field.
static PRESENT: [&Expect; 5] = [
    &ro1_slot_006::EXPECT,
    &ro1_sched_001::EXPECT,
    &ro1_sched_005::EXPECT,
    &ro1_role_003::EXPECT,
    &ro1_sos_001::EXPECT,
];

/// Runs every cross-resource rule.
pub fn check_graph(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let g = Graph::new(f);
    // Once per Bundle, not once per reference: the rules of the use case.
    let resolves: Vec<_> = RESOLVES.iter().filter(|x| x.scope.contains(g.uc)).collect();
    for (r, t) in g.resolved() {
        ro1_ref_002::check_graph_reference(&g, r, em);
        let covered = resolves.iter().any(|x| graph::check_reference(&g, r, t, x, em));
        if !covered {
            ro1_ref_001::check_graph_reference(&g, r, t, em);
        }
    }
    for m in &g.ix.missing_refs {
        for x in BARE {
            graph::check_bare_reference(&g, m, x, em);
        }
    }
    let seen = g.fields_seen();
    let present: Vec<_> = PRESENT.iter().filter(|x| x.scope.contains(g.uc)).collect();
    for (pos, e) in g.ix.entries.iter().enumerate() {
        for x in &present {
            graph::check_entry(&g, &seen, pos, e, x, em);
        }
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
