//! Groups the findings of one exchange for people: the repetitions of one
//! rule with one cause are one group, and the knock-on findings of one cause
//! are gathered under it. A systematic defect then reads as one defect with a
//! count instead of thousands of identical blocks (SPEC §10).

use std::collections::HashMap;

use fr_fhir_core::finding::{Message, Severity};

use crate::model::Item;

/// Occurrences of a group printed in full; the others are counted.
pub const SHOWN: usize = 3;

/// The findings of one rule, one severity and one cause.
#[derive(Debug)]
pub(crate) struct Group<'a> {
    /// The first occurrences, in document order (at most [`SHOWN`]).
    pub first: Vec<&'a Item>,
    /// Occurrences beyond the first ones.
    pub more: u64,
    /// Lowest and highest `Bundle.entry[N]` index of the occurrences beyond
    /// the first ones, when they have one.
    pub entries: Option<(u64, u64)>,
}

impl<'a> Group<'a> {
    fn new(it: &'a Item) -> Self {
        Group { first: vec![it], more: 0, entries: None }
    }

    fn push(&mut self, it: &'a Item) {
        if self.first.len() < SHOWN {
            self.first.push(it);
            return;
        }
        self.more += 1;
        if let Some(n) = it.entry() {
            self.entries = Some(match self.entries {
                Some((lo, hi)) => (lo.min(n), hi.max(n)),
                None => (n, n),
            });
        }
    }
}

/// A group of independent findings, or the groups of the findings that are
/// consequences of one cause.
#[derive(Debug)]
pub(crate) struct Block<'a> {
    /// The defect the findings of `groups` are consequences of.
    pub cause: Option<&'a Message>,
    /// One group when `cause` is `None`; one per rule under a cause.
    pub groups: Vec<Group<'a>>,
}

/// What makes two findings one group. The cause is compared on both texts
/// (`Message` has no `Hash`; its two strings do).
type Key<'a> = (&'static str, Severity, Option<(&'a str, &'a str)>);

/// The blocks of `items`, in the order of their first finding (and the
/// groups of a block in the order of theirs).
pub fn blocks(items: &[Item]) -> Vec<Block<'_>> {
    let mut blocks: Vec<Block<'_>> = Vec::new();
    // Where each group is: (block, group in the block).
    let mut groups: HashMap<Key<'_>, (usize, usize)> = HashMap::new();
    let mut causes: HashMap<(&str, &str), usize> = HashMap::new();
    for it in items {
        let cause = it.cause.as_ref().map(|c| (c.fr.as_str(), c.en.as_str()));
        let key = (it.rule.id, it.severity, cause);
        if let Some(&(b, g)) = groups.get(&key) {
            if let Some(group) = blocks.get_mut(b).and_then(|b| b.groups.get_mut(g)) {
                group.push(it);
            }
            continue;
        }
        let b = match cause {
            None => {
                blocks.push(Block { cause: None, groups: Vec::new() });
                blocks.len() - 1
            }
            Some(c) => *causes.entry(c).or_insert_with(|| {
                blocks.push(Block { cause: it.cause.as_ref(), groups: Vec::new() });
                blocks.len() - 1
            }),
        };
        if let Some(block) = blocks.get_mut(b) {
            block.groups.push(Group::new(it));
            groups.insert(key, (b, block.groups.len() - 1));
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use int_ro1::by_id;

    fn item(rule: &str, entry: u64, cause: Option<&str>) -> Item {
        Item {
            rule: by_id(rule).unwrap(),
            severity: Severity::Error,
            expression: format!("Bundle.entry[{entry}].resource.id"),
            fhirpath: true,
            line: 1,
            column: 1,
            message: Message::new("m", "m"),
            snippet: None,
            missing: false,
            source: None,
            cause: cause.map(|c| Message::new(c, c)),
            fingerprint: String::new(),
        }
    }

    #[test]
    fn repetitions_are_counted_with_their_entry_range() {
        let items: Vec<Item> = (0..10).map(|i| item("RO1-SLOT-005", i * 2, None)).collect();
        let b = blocks(&items);
        assert_eq!(b.len(), 1);
        let g = &b[0].groups[0];
        assert_eq!(g.first.len(), 3);
        assert_eq!(g.more, 7);
        assert_eq!(g.entries, Some((6, 18)));
    }

    #[test]
    fn knock_ons_gather_under_their_cause_in_first_seen_order() {
        let items = vec![
            item("RO1-SLOT-005", 0, None),
            item("RO1-SLOT-002", 1, Some("p2")),
            item("RO1-SLOT-003", 2, None),
            item("RO1-SLOT-004", 3, Some("p2")),
            item("RO1-SLOT-002", 4, Some("p3")),
            item("RO1-SLOT-002", 5, Some("p2")),
        ];
        let b = blocks(&items);
        // (cause, [(rule, occurrences shown)]) per block.
        type Shape<'a> = Vec<(Option<&'a str>, Vec<(&'a str, usize)>)>;
        let shape: Shape<'_> = b
            .iter()
            .map(|b| {
                (
                    b.cause.map(|c| c.en.as_str()),
                    b.groups.iter().map(|g| (g.first[0].rule.id, g.first.len())).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (None, vec![("RO1-SLOT-005", 1)]),
                (Some("p2"), vec![("RO1-SLOT-002", 2), ("RO1-SLOT-004", 1)]),
                (None, vec![("RO1-SLOT-003", 1)]),
                (Some("p3"), vec![("RO1-SLOT-002", 1)]),
            ]
        );
    }

    #[test]
    fn one_rule_at_two_severities_is_two_groups() {
        let mut a = item("RO1-SLOT-005", 0, None);
        a.severity = Severity::Warning;
        let b = item("RO1-SLOT-005", 1, None);
        assert_eq!(blocks(&[a, b]).len(), 2);
    }
}
