//! The identifiers of the request as the body rules that compare with them
//! (RO1-PRACT-005, RO1-SOS-005) show them.

use std::collections::HashSet;

use fr_fhir_core::json::Span;

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
