//! Does the Bundle's self link repeat the request? The comparison; its
//! RO1-BUNDLE-005 findings are written in that rule's file.
//!
//! Like the official kit, parameters are compared as multisets of decoded
//! `(name, value)` pairs, so order and percent-encoding do not matter; the
//! kit also warns when the URL text differs. An extra `_count` in the self
//! link (the IG FAQ examples carry `_count=1000`) is called out as such
//! (AMB-17).

use std::cmp::Ordering;

use super::query::ParsedQuery;

/// What differs between the request and the self link.
///
/// ```
/// use int_ro1::request::compare_self_link;
/// use int_ro1::request::query::ParsedQuery;
/// let diff = compare_self_link(&ParsedQuery::parse("Slot?a=1"), &ParsedQuery::parse("Slot?a=1"));
/// assert_eq!(diff, Default::default());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SelfLinkDiff {
    /// Decoded `(name, value)` pairs of the request that the self link lacks.
    pub missing: Vec<(String, String)>,
    /// Decoded pairs of the self link that the request did not send.
    pub extra: Vec<(String, String)>,
    /// True when the raw query texts differ (order, encoding or content).
    pub text_differs: bool,
}

/// Compares the query of `request` with the query of `self_link`.
///
/// ```
/// use int_ro1::request::compare_self_link;
/// use int_ro1::request::query::ParsedQuery;
/// let req = ParsedQuery::parse("/Slot?status=free&a=x%7Cy");
/// let link = ParsedQuery::parse("https://h/Slot?a=x|y&status=free&_count=1000");
/// let diff = compare_self_link(&req, &link);
/// assert!(diff.missing.is_empty());
/// assert_eq!(diff.extra, vec![("_count".to_owned(), "1000".to_owned())]);
/// assert!(diff.text_differs);
/// ```
pub fn compare_self_link(request: &ParsedQuery<'_>, self_link: &ParsedQuery<'_>) -> SelfLinkDiff {
    let pairs = |q: &ParsedQuery<'_>| {
        let mut v: Vec<(String, String)> =
            q.params.iter().map(|p| (p.name.to_string(), p.value.to_string())).collect();
        v.sort_unstable();
        v
    };
    let (ours, theirs) = (pairs(request), pairs(self_link));
    let mut diff = SelfLinkDiff::default();
    let (mut a, mut b) = (ours.into_iter().peekable(), theirs.into_iter().peekable());
    loop {
        let order = match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(x), Some(y)) => x.cmp(y),
        };
        match order {
            Ordering::Less => diff.missing.extend(a.next()),
            Ordering::Greater => diff.extra.extend(b.next()),
            Ordering::Equal => {
                a.next();
                b.next();
            }
        }
    }
    diff.text_differs = query_text(request) != query_text(self_link);
    diff
}

fn query_text<'a>(q: &ParsedQuery<'a>) -> &'a str {
    q.query.slice(q.input()).unwrap_or("")
}

impl SelfLinkDiff {
    /// True when both carry the same parameters (the text may still differ).
    pub fn same_params(&self) -> bool {
        self.missing.is_empty() && self.extra.is_empty()
    }
}
