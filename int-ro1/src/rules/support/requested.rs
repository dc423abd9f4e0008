//! The identifiers of the request as the body rules that compare with them
//! (RO1-PRACT-005, RO1-SOS-005) show them.

use std::collections::HashSet;

use fr_fhir_core::finding::RuleMeta;
use fr_fhir_core::json::Span;
use fr_fhir_core::rules::{Emitter, Scope, quote};

/// RO1-PRACT-005 / RO1-SOS-005: reports under the rule each of `ids` that
/// was not requested, named `noun` (French, English) before its value.
pub(crate) fn report_unrequested<'v>(
    ids: impl Iterator<Item = (Span, &'v str)>,
    wanted: &HashSet<&str>,
    (scope, rule): (Scope, &'static RuleMeta),
    (fr, en): (&str, &str),
    em: &mut Emitter<'_>,
) {
    each_unrequested(ids, wanted, |span, value, requested| {
        let q = quote(value);
        em.at(
            scope,
            rule,
            span,
            format!("{fr} {q} absent de la requête (demandés : {requested})"),
            format!("{en} {q} was not requested (requested: {requested})"),
        );
    });
}

/// Calls `report` with each of `ids` (span and value) that is not one of the
/// `wanted` identifiers, and the requested list as the messages show it.
pub(crate) fn each_unrequested<'v>(
    ids: impl Iterator<Item = (Span, &'v str)>,
    wanted: &HashSet<&str>,
    mut report: impl FnMut(Span, &'v str, &str),
) {
    let requested = shown(wanted);
    for (span, value) in ids.filter(|(_, v)| !wanted.contains(v)) {
        report(span, value, &requested);
    }
}

/// The requested identifiers: sorted, five at most.
fn shown(wanted: &HashSet<&str>) -> String {
    let mut v: Vec<&str> = wanted.iter().copied().collect();
    v.sort_unstable();
    let shown = v.iter().take(5).map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
    if v.len() > 5 { format!("{shown}…") } else { shown }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_sorts_and_stops_at_five() {
        let few: HashSet<&str> = ["b", "a"].into_iter().collect();
        assert_eq!(shown(&few), "`a`, `b`");
        let many: HashSet<&str> = ["6", "5", "4", "3", "2", "1"].into_iter().collect();
        assert_eq!(shown(&many), "`1`, `2`, `3`, `4`, `5`…");
    }

    #[test]
    fn each_unrequested_keeps_order_and_skips_wanted() {
        let wanted: HashSet<&str> = ["x"].into_iter().collect();
        let ids = [(Span::new(0, 1), "y"), (Span::new(1, 2), "x"), (Span::new(2, 3), "z")];
        let mut seen = Vec::new();
        each_unrequested(ids.into_iter(), &wanted, |_, v, requested| {
            seen.push((v, requested.to_owned()));
        });
        assert_eq!(seen, [("y", "`x`".to_owned()), ("z", "`x`".to_owned())]);
    }
}
