//! One defect, one finding: what the structural validator reports is
//! dropped when the reader or a hand rule already says it (issue 14: "where a
//! hand rule and a structural check report the same element for the same
//! reason, one finding remains: the more specific one").

use std::collections::{HashMap, HashSet};

use super::{Emitted, RuleSet};
use crate::finding::{Finding, RuleMeta, Target};
use crate::json::Span;

/// The element checks of the structural validator: a cardinality, a fixed
/// value, a binding, a slice, a type, a JSON type or form. Invariants
/// (RO1-FHIR-006..009, RO1-PROF-008) point at whole objects instead.
const ELEMENT_RULES: &[&str] = &[
    "RO1-FHIR-001",
    "RO1-FHIR-003",
    "RO1-FHIR-004",
    "RO1-FHIR-005",
    "RO1-PROF-001",
    "RO1-PROF-002",
    "RO1-PROF-003",
    "RO1-PROF-004",
    "RO1-PROF-005",
    "RO1-PROF-006",
];

/// Value spans sorted by start, with the running maximum of their ends: "one
/// span holds `sp`" and "one span lies in `sp`" are then two binary searches.
struct SortedSpans {
    spans: Vec<(u32, u32)>,
    max_end: Vec<u32>,
}

impl SortedSpans {
    fn new(mut spans: Vec<(u32, u32)>) -> Self {
        spans.sort_unstable();
        let max_end = spans
            .iter()
            .scan(0u32, |m, &(_, end)| {
                *m = (*m).max(end);
                Some(*m)
            })
            .collect();
        SortedSpans { spans, max_end }
    }

    /// True when one span lies in `sp` (spans of JSON values nest or are
    /// disjoint: one starting inside `sp` lies in it).
    fn one_inside(&self, sp: (u32, u32)) -> bool {
        let i = self.spans.partition_point(|o| o.0 < sp.0);
        self.spans.get(i).is_some_and(|o| o.0 < sp.1)
    }

    /// True when one span lies in `sp` or holds it.
    fn overlaps(&self, sp: (u32, u32)) -> bool {
        let i = self.spans.partition_point(|o| o.0 <= sp.0);
        let holds = i.checked_sub(1).and_then(|i| self.max_end.get(i));
        self.one_inside(sp) || holds.is_some_and(|&end| end >= sp.1)
    }
}

/// Keeps every finding of the reader and the hand rules, and a structural
/// finding only when no other report says the same:
/// - the rule set owns its constraint (`RuleSet::hand_owned`: a SPEC reading);
/// - the same rule at the same place, inside or around it (a wrong JSON type
///   the reader noted; the hand RO1-FHIR-006/007/008 point at the entry,
///   contained resource or extension, the invariant at the object carrying
///   it), or at the object whose missing child a hand rule reports (bdl-5 is
///   the hand rule's "resource missing");
/// - any hand report on the very same element (RO1-LOC-004 says dom-4 for a
///   contained place);
/// - for an element check, a specific hand rule inside the element
///   (`Slot.serviceType[0]` outside its value set is RO1-SLOT-008 on
///   `…coding[0].code`, two `PractitionerRole.location` are RO1-ROLE-002 on
///   `location[1]`);
/// - the same structural report twice (one walk per candidate profile).
///
/// `capped` are the reader's and hand rules' findings the cap left out:
/// they count as reported here (element, missing child, rule), or the cap
/// would bring back the structural report they stand for.
pub(super) fn one_per_defect(
    emitted: Vec<Emitted>,
    capped: &[(Span, Option<&str>, &'static RuleMeta)],
    rules: &dyn RuleSet,
) -> Vec<Finding> {
    let mut by_rule: HashMap<&'static str, Vec<(u32, u32)>> = HashMap::new();
    let mut missing: HashSet<(&'static str, u32, u32, &str)> = HashSet::new();
    let mut parents: HashSet<(&'static str, u32, u32)> = HashSet::new();
    let mut by_hand: HashSet<(u32, u32)> = HashSet::new();
    let mut specific: Vec<(u32, u32)> = Vec::new();
    let reported = emitted
        .iter()
        .filter(|e| !e.structural)
        .filter_map(|e| match &e.finding.target {
            Target::Body { span, child } => Some((*span, child.as_deref(), e.finding.rule)),
            _ => None,
        })
        .chain(capped.iter().copied());
    for (span, child, rule) in reported {
        let (id, sp) = (rule.id, (span.start, span.end));
        if !rules.is_generic(rule) {
            specific.push(sp);
        }
        match child {
            None => {
                by_rule.entry(id).or_default().push(sp);
                by_hand.insert(sp);
            }
            Some(c) => {
                missing.insert((id, sp.0, sp.1, c));
                parents.insert((id, sp.0, sp.1));
            }
        }
    }
    let by_rule: HashMap<&'static str, SortedSpans> =
        by_rule.into_iter().map(|(id, v)| (id, SortedSpans::new(v))).collect();
    let specific = SortedSpans::new(specific);
    let mut seen: HashSet<(&'static str, u32, u32, Option<&str>)> = HashSet::new();
    let keep: Vec<bool> = emitted
        .iter()
        .map(|e| {
            let f = &e.finding;
            let Target::Body { span, child } = &f.target else { return true };
            if !e.structural {
                return true;
            }
            if f.source.as_deref().is_some_and(|s| rules.hand_owned(f.rule, s)) {
                return false;
            }
            let (id, sp) = (f.rule.id, (span.start, span.end));
            let repeated = match child {
                None => {
                    by_rule.get(id).is_some_and(|v| v.overlaps(sp))
                        || parents.contains(&(id, sp.0, sp.1))
                        || by_hand.contains(&sp)
                        || (rules.is_generic(f.rule)
                            && ELEMENT_RULES.contains(&id)
                            && specific.one_inside(sp))
                }
                Some(c) => missing.contains(&(id, sp.0, sp.1, &**c)),
            };
            !repeated && seen.insert((id, sp.0, sp.1, child.as_deref()))
        })
        .collect();
    let mut keep = keep.into_iter();
    emitted.into_iter().filter(|_| keep.next().unwrap_or(true)).map(|e| e.finding).collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::rules::{Options, validate};

    fn rules_of(src: &str) -> Vec<(&'static str, String)> {
        let r = validate(src, &Options::default()).unwrap();
        r.findings
            .iter()
            .map(|f| {
                (f.rule.id, f.resolved.as_ref().map(|l| l.expression.clone()).unwrap_or_default())
            })
            .collect()
    }

    /// SPEC AMB-03: the CPTS entry minimum (4..*) is RO1-BUNDLE-011's, for
    /// non-empty results only: an empty CPTS search is not a PROF-001.
    #[test]
    fn an_empty_cpts_result_is_not_a_profile_cardinality_finding() {
        let src = r#"{"resourceType":"Bundle","meta":{"profile":["https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-bundle-aggregator"]},
            "type":"searchset","total":0,"link":[{"relation":"self","url":"https://x.fr/Slot?status=free"}]}"#;
        let found = rules_of(src);
        assert!(found.iter().all(|(id, _)| !id.starts_with("RO1-PROF-")), "{found:?}");
    }

    /// A hand rule and the structural validator on the same defect: one finding.
    #[test]
    fn a_hand_rule_on_an_element_replaces_the_structural_report_inside_it() {
        let src = include_str!("../../../examples/invalid/ps-slot-coding.json");
        let found = rules_of(src);
        assert!(found.iter().any(|(id, _)| *id == "RO1-SLOT-008"), "{found:?}");
        assert!(found.iter().all(|(id, _)| *id != "RO1-PROF-003"), "{found:?}");
    }

    /// Rules and places of the errors of `src` under `cap`.
    fn errors(src: &str, cap: usize) -> Vec<(&'static str, String)> {
        let opts = Options { max_findings: cap, ..Options::default() };
        let Ok(r) = validate(src, &opts) else { return Vec::new() };
        r.findings
            .iter()
            .filter(|f| f.severity >= crate::finding::Severity::Error)
            .map(|f| {
                (f.rule.id, f.resolved.as_ref().map(|l| l.expression.clone()).unwrap_or_default())
            })
            .collect()
    }

    /// Found by the `validate` fuzz target: a warning RO1-BUNDLE-004 (self
    /// link without url) dropped by a small cap let the structural error
    /// "Bundle.link.url missing" it stands for come back — an error, so a
    /// different verdict with and without the cap.
    #[test]
    fn a_finding_the_cap_leaves_out_still_stands_for_its_defect() {
        let src = r#"{"resourceType":"Bundle","type":"searchset","total":0,
            "meta":{"lastUpdated":"2026-11-26!T09:12:47.652+01:00"},
            "link":[{"relation":"self","ur$l":"https://x.fr/fhir/Slot?status=free"}]}"#;
        let full = errors(src, usize::MAX);
        assert!(full.iter().all(|(id, _)| *id != "RO1-FHIR-004"), "{full:?}");
        for cap in [0, 1, 3] {
            assert_eq!(errors(src, cap), full, "cap {cap}");
        }
    }

    /// The same property over the bundled examples: the cap never changes
    /// the errors (so never the verdict).
    #[test]
    fn the_cap_never_changes_the_errors_of_an_example() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
        let mut n = 0;
        for dir in ["valid", "invalid"] {
            let Ok(rd) = std::fs::read_dir(format!("{root}/{dir}")) else { continue };
            for p in rd.flatten().map(|e| e.path()) {
                if p.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                let src = std::fs::read_to_string(&p).unwrap();
                let full = errors(&src, usize::MAX);
                for cap in [0, 2] {
                    assert_eq!(errors(&src, cap), full, "{} under cap {cap}", p.display());
                }
                n += 1;
            }
        }
        assert!(n >= 15, "examples read: {n}");
    }
}
