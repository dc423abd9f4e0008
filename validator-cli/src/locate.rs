//! The source line around a finding's byte offset, windowed for the snippet.
//! Lines can be hundreds of megabytes long (minified exports): nothing here
//! reads more than a few kilobytes around a location.

use memchr::memchr;

use crate::model::Snippet;

/// Widest snippet, in characters.
const WIDTH: usize = 100;
/// Context kept left of the caret when the line is cut.
const LEFT: usize = 40;
/// Characters left of the caret beyond which the line is cut.
const KEEP_WHOLE: usize = LEFT + 20;
/// How far to look back for the start of the line: a character takes at
/// most 4 bytes, so a line start further away is more than `KEEP_WHOLE`
/// characters away and the line is cut anyway.
const BACK: usize = 4 * (KEEP_WHOLE + 1);
/// How far to look ahead for its end: as far as the widest right part.
const AHEAD: usize = 4 * (WIDTH + 1);

/// The line around byte `at`, windowed when long, with the caret position.
pub fn snippet(src: &str, at: usize) -> Option<Snippet> {
    let bytes = src.as_bytes();
    if at > bytes.len() || !src.is_char_boundary(at) {
        return None;
    }
    // Bounded look-around: a position far into a huge line shows a window.
    let back_from = at.saturating_sub(BACK);
    let line_start = bytes
        .get(back_from..at)
        .and_then(|b| memchr::memrchr(b'\n', b))
        .map(|i| back_from + i + 1)
        .unwrap_or(back_from);
    let start_known = line_start > back_from || back_from == 0;
    let fwd_to = (at + AHEAD).min(bytes.len());
    let (line_end, end_known) = match bytes.get(at..fwd_to).and_then(|b| memchr(b'\n', b)) {
        Some(i) => (at + i, true),
        None => (fwd_to, fwd_to == bytes.len()),
    };
    let line_start = char_floor(src, line_start);
    let line_end = char_floor(src, line_end);
    let mut before: Vec<char> =
        src.get(line_start..at)?.chars().rev().take(KEEP_WHOLE + 1).collect();
    before.reverse();
    let after = src.get(at..line_end)?.trim_end_matches('\r');
    let (left, cut_left) = if before.len() > KEEP_WHOLE || !start_known {
        let keep = LEFT.min(before.len());
        (before.get(before.len() - keep..).unwrap_or_default(), true)
    } else {
        (&before[..], false)
    };
    let room = WIDTH.saturating_sub(left.len());
    let right: Vec<char> = after.chars().take(room + 1).collect();
    let cut_right = right.len() > room || !end_known;
    let right = right.get(..room.min(right.len())).unwrap_or_default();
    let mut text: Vec<char> = left.iter().chain(right.iter()).copied().collect();
    let mut caret = left.len();
    // Never show a fragment of a word at a cut: it could be part of
    // personal data that --redact would not recognise.
    if cut_left {
        let n = text.iter().take(caret).take_while(|c| c.is_alphanumeric()).count();
        text.drain(..n);
        caret -= n;
    }
    if cut_right {
        let n =
            text.iter().rev().take(text.len() - caret).take_while(|c| c.is_alphanumeric()).count();
        text.truncate(text.len() - n);
    }
    let text: String = text.into_iter().map(|c| if c == '\t' { ' ' } else { c }).collect();
    Some(Snippet { text, caret, cut_left, cut_right })
}

fn char_floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The offsets now come from the libraries with the line and column:
    /// both must name the same character, accents and blank lines included.
    #[test]
    fn offsets_follow_lines_and_characters() {
        let src = "{\"resourceType\":\"Bundle\",\n  \"id\": \"é\",\n\n \"type\": \"collection\", \"foo\": 1}";
        let report =
            fr_fhir_core::rules::validate(src, &fr_fhir_core::rules::Options::default()).unwrap();
        let located: Vec<_> = report.findings.iter().filter_map(|f| f.resolved.as_ref()).collect();
        assert!(located.len() >= 2, "{located:?}");
        for r in located {
            let off = r.offset.unwrap() as usize;
            let before = &src[..off];
            let line = before.matches('\n').count() as u32 + 1;
            let column = before.rsplit('\n').next().unwrap().chars().count() as u32 + 1;
            assert_eq!((line, column), (r.line, r.column), "{r:?}");
            let sn = snippet(src, off).unwrap();
            assert!(!sn.text.contains('\n'));
        }
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let src = "{\n  \"end\": \"2026\"\n}";
        let s = snippet(src, 4).unwrap();
        assert_eq!(
            s,
            Snippet {
                text: "  \"end\": \"2026\"".into(),
                caret: 2,
                cut_left: false,
                cut_right: false
            }
        );
    }

    #[test]
    fn long_lines_are_windowed_around_the_caret() {
        let mut src = "x".repeat(10_000);
        src.push_str("[\"HERE\"]");
        src.push_str(&"y ".repeat(10_000));
        let at = src.find("[\"HERE").unwrap();
        let s = snippet(&src, at).unwrap();
        assert!(s.text.chars().count() <= WIDTH);
        assert!(s.cut_left && s.cut_right);
        assert_eq!(s.text.chars().nth(s.caret), Some('['));
        // The run of x's is one word cut at the window's edge: dropped.
        assert!(!s.text.contains('x'));
    }

    #[test]
    fn huge_lines_cost_a_bounded_scan() {
        let src = "z".repeat(50 << 20);
        let s = snippet(&src, 25 << 20).unwrap();
        assert!(s.text.len() <= WIDTH && s.cut_left && s.cut_right);
    }

    #[test]
    fn tabs_become_spaces_and_bad_offsets_give_nothing() {
        assert_eq!(snippet("\t\"a\"", 1).unwrap().text, " \"a\"");
        assert!(snippet("é", 1).is_none());
        assert!(snippet("a", 5).is_none());
    }

    /// The snippet as if the whole line were read, however long: the
    /// bounded look-around must give exactly this.
    fn unbounded(src: &str, at: usize) -> Option<Snippet> {
        let line_start = src.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
        let line_end = src.get(at..)?.find('\n').map_or(src.len(), |i| at + i);
        let before: Vec<char> = src.get(line_start..at)?.chars().collect();
        let after = src.get(at..line_end)?.trim_end_matches('\r');
        let (left, cut_left) = if before.len() > KEEP_WHOLE {
            (before[before.len() - LEFT..].to_vec(), true)
        } else {
            (before, false)
        };
        let room = WIDTH.saturating_sub(left.len());
        let right: Vec<char> = after.chars().take(room + 1).collect();
        let cut_right = right.len() > room;
        let right = &right[..room.min(right.len())];
        let mut text: Vec<char> = left.iter().chain(right.iter()).copied().collect();
        let mut caret = left.len();
        if cut_left {
            let n = text.iter().take(caret).take_while(|c| c.is_alphanumeric()).count();
            text.drain(..n);
            caret -= n;
        }
        if cut_right {
            let n = text
                .iter()
                .rev()
                .take(text.len() - caret)
                .take_while(|c| c.is_alphanumeric())
                .count();
            text.truncate(text.len() - n);
        }
        let text: String = text.into_iter().map(|c| if c == '\t' { ' ' } else { c }).collect();
        Some(Snippet { text, caret, cut_left, cut_right })
    }

    #[test]
    fn the_bounded_look_around_shows_what_reading_the_whole_line_shows() {
        // Lines of every length around the window sizes, in 1- to 4-byte
        // characters, with CRs and tabs: every offset of each.
        let pieces = ["a", "é", "€", "𝄞", " ", "\t", "\"", "\r"];
        let mut seed = 7u64;
        for len in [0, 1, 39, 40, 60, 61, 62, 100, 101, 150, 300, 500] {
            let mut line = String::new();
            for _ in 0..len {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                line.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let src = format!("{line}\n{line}{line}\r\n{line}");
            for at in (0..=src.len()).filter(|&i| src.is_char_boundary(i)) {
                assert_eq!(snippet(&src, at), unbounded(&src, at), "line of {len}, offset {at}");
            }
        }
    }
}
