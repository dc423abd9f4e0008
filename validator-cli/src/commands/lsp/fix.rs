//! Code actions for the findings that have one unambiguous fix. Today: the
//! SAS instant form (RO1-SLOT-004), `YYYY-MM-DDThh:mm:ss.sss±hh:mm` — the
//! milliseconds padded or cut to three digits, `Z` written `+00:00` (the same
//! instant). Other findings need the vendor's judgement.

/// Rule whose findings this module fixes.
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
}
