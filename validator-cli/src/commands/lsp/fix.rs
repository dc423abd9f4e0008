//! Code actions for the findings that have one unambiguous fix:
//! - the SAS instant form (RO1-SLOT-004), `YYYY-MM-DDThh:mm:ss.sss±hh:mm` —
//!   the milliseconds padded or cut to three digits, `Z` written `+00:00`
//!   (the same instant);
//! - an entry's `search.mode` (RO1-BUNDLE-009, when other entries carry
//!   one): added when missing, rewritten when wrong, to the value the rule
//!   expects (`match` on the searched resource, `include` on the others,
//!   `outcome` on an OperationOutcome).
//!
//! Other findings need the vendor's judgement.

use serde_json::{Value, json};

/// Rule whose findings [`search_mode`] fixes.
pub const SEARCH_MODE: &str = "RO1-BUNDLE-009";

/// Rule whose findings [`sas_instant`] fixes.
pub const SAS_INSTANT: &str = "RO1-SLOT-004";

/// The replacement of `token` (the JSON string the finding covers, quotes
/// included, possibly escaped inside a HAR capture), when the fix is certain.
pub fn sas_instant(token: &str) -> Option<String> {
    let (quote, inner) = match token.strip_prefix("\\\"").and_then(|t| t.strip_suffix("\\\"")) {
        Some(inner) => ("\\\"", inner),
        None => ("\"", token.strip_prefix('"')?.strip_suffix('"')?),
    };
    let fixed = instant(inner)?;
    (fixed != inner).then(|| format!("{quote}{fixed}{quote}"))
}

/// `YYYY-MM-DDThh:mm:ss[.f+](Z|±hh:mm)` in the SAS form; `None` for anything
/// else (a date alone, no time zone: no single fix).
fn instant(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let seconds_ok = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && b.get(10) == Some(&b'T')
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16)
        && b.get(16) == Some(&b':')
        && digits(17..19);
    if !seconds_ok {
        return None;
    }
    let head = s.get(..19)?;
    let rest = s.get(19..)?;
    let (fraction, zone) = match rest.strip_prefix('.') {
        Some(r) => {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            (r.get(..n)?, r.get(n..)?)
        }
        None => ("", rest),
    };
    if rest.starts_with('.') && fraction.is_empty() {
        return None;
    }
    let zone = match zone {
        "Z" => "+00:00",
        z if z.len() == 6
            && matches!(z.as_bytes().first(), Some(b'+' | b'-'))
            && z.get(3..4) == Some(":")
            && z.get(1..3).is_some_and(|h| h.bytes().all(|c| c.is_ascii_digit()))
            && z.get(4..6).is_some_and(|m| m.bytes().all(|c| c.is_ascii_digit())) =>
        {
            z
        }
        _ => return None,
    };
    // Cutting digits beyond the millisecond changes the instant by less
    // than a millisecond, which SAS's form cannot hold anyway.
    let millis: String = fraction.chars().chain(std::iter::repeat('0')).take(3).collect();
    Some(format!("{head}.{millis}{zone}"))
}

/// The fix of an RO1-BUNDLE-009 finding, kept in the diagnostic's `data`
/// (the client hands it back with the code action request): the expected
/// mode, read from the finding's English message (`` (`match` expected)``),
/// and whether `search` or only `mode` is missing. `None` for the
/// Bundle-level information (no entry carries a mode: allowed, no one fix).
pub fn search_mode_data(message_en: &str, missing: Option<&str>) -> Option<Value> {
    let head = message_en.split("` expected").next().filter(|h| h.len() < message_en.len())?;
    let expected = head.rsplit('`').next()?;
    if !matches!(expected, "match" | "include" | "outcome") {
        return None;
    }
    match missing {
        Some(child @ ("search" | "mode")) => Some(json!({ "add": child, "mode": expected })),
        Some(_) => None,
        None => Some(json!({ "mode": expected })),
    }
}

/// The edit of an RO1-BUNDLE-009 finding whose diagnostic starts at byte
/// `at` of `text`, `data` being [`search_mode_data`]'s: the byte range to
/// replace and the new text. The text is checked to still hold what the
/// finding was about (an object's brace, a mode's string); inside a HAR
/// capture the body's quotes are `\"` and the new text says them so.
pub fn search_mode(text: &str, at: usize, data: &Value) -> Option<(usize, usize, String)> {
    let mode = data.get("mode")?.as_str()?;
    if !matches!(mode, "match" | "include" | "outcome") {
        return None;
    }
    let rest = text.get(at..)?;
    match data.get("add").and_then(Value::as_str) {
        None => {
            // Replace the wrong mode's string.
            let q = if rest.starts_with("\\\"") { "\\\"" } else { "\"" };
            let end = super::position::token_end(text, at);
            let token = text.get(at..end)?;
            let inner = token.strip_prefix(q)?.strip_suffix(q)?;
            if inner == mode || !inner.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                return None;
            }
            Some((at, end, format!("{q}{mode}{q}")))
        }
        Some(child) => {
            let after = rest.strip_prefix('{')?;
            // Whitespace between the brace and the first member, also the
            // escaped kind of a body inside a HAR string (`\n  `).
            let mut ws = 0;
            loop {
                let r = after.get(ws..)?;
                if r.starts_with([' ', '\t', '\r', '\n']) {
                    ws += 1;
                } else if r.starts_with("\\n") || r.starts_with("\\r") || r.starts_with("\\t") {
                    ws += 2;
                } else {
                    break;
                }
            }
            let first = after.get(ws..)?;
            let (q, empty) = if first.starts_with("\\\"") {
                ("\\\"", false)
            } else if first.starts_with('"') {
                ("\"", false)
            } else if first.starts_with('}') {
                // An empty object: quoted as the key it is the value of.
                let key = text.get(..at)?.trim_end().strip_suffix(':')?.trim_end();
                (if key.ends_with("\\\"") { "\\\"" } else { "\"" }, true)
            } else {
                return None;
            };
            let member = match child {
                "search" => format!("{q}search{q}: {{{q}mode{q}: {q}{mode}{q}}}"),
                "mode" => format!("{q}mode{q}: {q}{mode}{q}"),
                _ => return None,
            };
            let at = at + 1;
            if empty {
                return Some((at, at, member));
            }
            // Before the first member, with the same line break and indent.
            let indent = after.get(..ws)?;
            let insert = at + ws;
            Some((insert, insert, format!("{member},{indent}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sas_instants_are_fixed_when_the_fix_is_certain() {
        let f = |s: &str| sas_instant(s);
        assert_eq!(
            f("\"2026-11-26T16:00:00+01:00\"").as_deref(),
            Some("\"2026-11-26T16:00:00.000+01:00\"")
        );
        assert_eq!(
            f("\"2026-11-27T08:20:00Z\"").as_deref(),
            Some("\"2026-11-27T08:20:00.000+00:00\"")
        );
        assert_eq!(
            f("\"2026-11-27T08:20:00.5-03:00\"").as_deref(),
            Some("\"2026-11-27T08:20:00.500-03:00\"")
        );
        assert_eq!(
            f("\"2026-11-27T08:20:00.123456Z\"").as_deref(),
            Some("\"2026-11-27T08:20:00.123+00:00\"")
        );
        assert_eq!(
            f(r#"\"2026-11-26T16:00:00+01:00\""#).as_deref(),
            Some(r#"\"2026-11-26T16:00:00.000+01:00\""#)
        );
        // Already right, or no single fix: nothing.
        assert_eq!(f("\"2026-11-26T16:00:00.000+01:00\""), None);
        assert_eq!(f("\"2026-11-26T16:00:00\""), None);
        assert_eq!(f("\"2026-11-26\""), None);
        assert_eq!(f("\"2026-11-26T16:00:00.+01:00\""), None);
        assert_eq!(f("12"), None);
    }

    #[test]
    fn search_modes_are_added_or_rewritten() {
        let data = |m: &str, child: Option<&str>| {
            search_mode_data(&format!("Slot entry without `search.mode` (`{m}` expected)"), child)
        };
        assert_eq!(data("match", Some("search")), Some(json!({"add": "search", "mode": "match"})));
        assert_eq!(data("bogus", Some("search")), None);
        let no_mode = "no entry carries `search.mode` (IG 1.1.0 style, allowed): IG 1.2.0 adds it";
        assert_eq!(search_mode_data(no_mode, None), None);
        let wrong = "search.mode is `include` for a Slot entry: `match` expected";
        assert_eq!(search_mode_data(wrong, None), Some(json!({"mode": "match"})));

        let apply = |text: &str, at: usize, data: &Value| {
            let (s, e, t) = search_mode(text, at, data)?;
            let mut out = text.to_owned();
            out.replace_range(s..e, &t);
            Some(out)
        };
        let add = json!({"add": "search", "mode": "include"});
        let text = "[{\n  \"fullUrl\": \"x\"}]";
        assert_eq!(
            apply(text, 1, &add).as_deref(),
            Some("[{\n  \"search\": {\"mode\": \"include\"},\n  \"fullUrl\": \"x\"}]")
        );
        // Inside a HAR capture's string: escaped quotes and line breaks.
        let har = r#"{"text": "[{\n  \"fullUrl\": \"x\"}]"}"#;
        let at = har.find("{\\n").unwrap_or_default();
        assert_eq!(
            apply(har, at, &add).as_deref(),
            Some(
                r#"{"text": "[{\n  \"search\": {\"mode\": \"include\"},\n  \"fullUrl\": \"x\"}]"}"#
            )
        );
        let mode = json!({"add": "mode", "mode": "match"});
        let text = r#"{"search": {}}"#;
        assert_eq!(apply(text, 11, &mode).as_deref(), Some(r#"{"search": {"mode": "match"}}"#));
        let har = r#"{\"search\": {}}"#;
        assert_eq!(
            apply(har, 13, &mode).as_deref(),
            Some(r#"{\"search\": {\"mode\": \"match\"}}"#)
        );
        let text = r#"{"mode": "include"}"#;
        assert_eq!(
            apply(text, 9, &json!({"mode": "match"})).as_deref(),
            Some(r#"{"mode": "match"}"#)
        );
        // The text no longer holds what the finding was about: no edit.
        assert_eq!(apply(text, 9, &mode), None);
        assert_eq!(apply(text, 2, &json!({"mode": "match"})), None);
        assert_eq!(apply(r#"{"mode": "match"}"#, 9, &json!({"mode": "match"})), None);
    }
}
