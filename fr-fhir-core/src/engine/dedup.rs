//! One defect, one finding: what the structural validator reports is
//! dropped when the reader or a hand rule already says it (issue 14: "where a
//! hand rule and a structural check report the same element for the same
//! reason, one finding remains: the more specific one").

use super::{Emitted, RuleSet};
use crate::finding::{Finding, Target};

/// Value spans sorted by start, with the running maximum of their ends.
type SortedSpans = (Vec<(u32, u32)>, Vec<u32>);

/// Drops what the structural validator reports that another report already
/// says: the same rule at the same place (a wrong JSON type the reader
/// noted, a base cardinality a hand rule checks), or the same rule on an
/// element inside or around the one a hand rule names (the hand rules of
/// RO1-FHIR-006/007/008 point at the entry, the contained resource or the
/// extension; the invariant at the object that carries it). One finding
/// remains: the hand rule's, the more specific one.
pub(super) fn without_structural_repeats(
    emitted: Vec<Emitted>,
    rules: &dyn RuleSet,
) -> Vec<(Finding, bool)> {
    use std::collections::{HashMap, HashSet};
    // Per rule, the value spans and the (parent, child) pairs of the others.
    let mut spans: HashMap<&'static str, Vec<(u32, u32)>> = HashMap::new();
    let mut missing: HashSet<(&'static str, u32, u32, String)> = HashSet::new();
    // The objects a hand rule reports a missing child of (bdl-5 on an entry
    // without resource is the hand rule's "resource missing").
    let mut parents: HashSet<(&'static str, u32, u32)> = HashSet::new();
    for e in emitted.iter().filter(|e| !e.structural) {
        match &e.finding.target {
            Target::Body { span, child: None } => {
                spans.entry(e.finding.rule.id).or_default().push((span.start, span.end));
            }
            Target::Body { span, child: Some(c) } => {
                missing.insert((e.finding.rule.id, span.start, span.end, c.to_string()));
                parents.insert((e.finding.rule.id, span.start, span.end));
            }
            _ => {}
        }
    }
    // Sorted by start, with the running maximum of the ends: "one span holds
    // `sp`" and "one span lies in `sp`" are then two binary searches each.
    let spans: HashMap<&'static str, SortedSpans> = spans
        .into_iter()
        .map(|(id, mut v)| {
            v.sort_unstable();
            let ends = v
                .iter()
                .scan(0u32, |m, &(_, end)| {
                    *m = (*m).max(end);
                    Some(*m)
                })
                .collect();
            (id, (v, ends))
        })
        .collect();
    let overlaps_any = |(v, ends): &SortedSpans, sp: (u32, u32)| {
        let inside = v.partition_point(|o| o.0 < sp.0);
        // Spans of JSON values nest or are disjoint: one starting inside `sp` lies in it.
        let lies_in = v.get(inside).is_some_and(|o| o.0 < sp.1);
        let holds = v.partition_point(|o| o.0 <= sp.0).checked_sub(1).and_then(|i| ends.get(i));
        lies_in || holds.is_some_and(|&end| end >= sp.1)
    };
    let mut seen: HashSet<(&'static str, u32, u32, Option<String>)> = HashSet::new();
    emitted
        .into_iter()
        .filter(|e| {
            if !e.structural {
                return true;
            }
            if e.finding.source.as_deref().is_some_and(|s| rules.hand_owned(e.finding.rule, s)) {
                return false;
            }
            let id = e.finding.rule.id;
            match &e.finding.target {
                Target::Body { span, child: None } => {
                    let sp = (span.start, span.end);
                    !spans.get(id).is_some_and(|v| overlaps_any(v, sp))
                        && !parents.contains(&(id, sp.0, sp.1))
                        && seen.insert((id, sp.0, sp.1, None))
                }
                Target::Body { span, child: Some(c) } => {
                    !missing.contains(&(id, span.start, span.end, c.to_string()))
                        && seen.insert((id, span.start, span.end, Some(c.to_string())))
                }
                _ => true,
            }
        })
        .map(|e| (e.finding, e.structural))
        .collect()
}

/// Drops a structural finding on an element (a cardinality, a fixed value,
/// a binding, a slice, a type, a JSON type or form) when a specific rule
/// reports inside that element: `Slot.serviceType[0]` outside its value set
/// is RO1-SLOT-008 on `…coding[0].code`, two `PractitionerRole.location` are
/// RO1-ROLE-002 on `location[1]`. The hand rule says the same with the SAS
/// reading. Invariants (RO1-FHIR-006..009, RO1-PROF-008) point at whole
/// objects and are not shadowed this way.
pub(super) fn shadow_structural_elements(
    found: Vec<(Finding, bool)>,
    rules: &dyn RuleSet,
) -> Vec<Finding> {
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
    let mut specific: Vec<u32> = found
        .iter()
        .filter(|(f, _)| !rules.is_generic(f.rule))
        .filter_map(|(f, _)| match &f.target {
            Target::Body { span, .. } => Some(span.start),
            _ => None,
        })
        .collect();
    specific.sort_unstable();
    // Any report of a hand rule or of the reader on the very element: the
    // structural one (an invariant included: RO1-LOC-004 says dom-4 for a
    // contained place) adds nothing.
    let by_hand: std::collections::HashSet<(u32, u32)> = found
        .iter()
        .filter(|(_, structural)| !structural)
        .filter_map(|(f, _)| match &f.target {
            Target::Body { span, child: None } => Some((span.start, span.end)),
            _ => None,
        })
        .collect();
    found
        .into_iter()
        .filter(|(f, structural)| match &f.target {
            Target::Body { span, child: None } if *structural => {
                if by_hand.contains(&(span.start, span.end)) {
                    return false;
                }
                if !(rules.is_generic(f.rule) && ELEMENT_RULES.contains(&f.rule.id)) {
                    return true;
                }
                // Spans of JSON values nest: a finding starting inside lies in it.
                let i = specific.partition_point(|&s| s < span.start);
                specific.get(i).is_none_or(|&s| s >= span.end)
            }
            _ => true,
        })
        .map(|(f, _)| f)
        .collect()
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
}
