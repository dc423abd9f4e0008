//! From (line, column) back to the source text: byte offsets in one forward
//! pass, and a window on the line for the snippet. Lines can be hundreds of
//! megabytes long (minified exports): nothing here reads more than a few
//! kilobytes around a location, except the single forward pass.

use memchr::memchr;

use crate::model::Snippet;

/// Widest snippet, in characters.
const WIDTH: usize = 100;
/// Context kept left of the caret when the line is cut.
const LEFT: usize = 40;
/// How far to look for the end of a line.
const SCAN: usize = 4096;

/// A forward cursor from (line, column-in-characters) to byte offsets. The
/// exchanges of a HAR file come in file order: one cursor per file makes
/// locating all their findings a single pass over the file.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    src: &'a str,
    line: u32,
    line_start: usize,
    col: u32,
    col_pos: usize,
}

impl<'a> Locator<'a> {
    /// A cursor at the start of `src`.
    pub fn new(src: &'a str) -> Self {
        Locator { src, line: 1, line_start: 0, col: 1, col_pos: 0 }
    }

    /// The byte offset of a 1-based position; `None` for line 0 or past the
    /// end. Columns past the end of their line stop at the line end.
    pub fn offset(&mut self, l: u32, c: u32) -> Option<usize> {
        if l == 0 {
            return None;
        }
        let c = c.max(1);
        if (l, c) < (self.line, self.col) {
            *self = Locator::new(self.src);
        }
        let bytes = self.src.as_bytes();
        while self.line < l {
            let nl = bytes.get(self.line_start..).and_then(|b| memchr(b'\n', b))?;
            self.line_start += nl + 1;
            self.line += 1;
            self.col = 1;
            self.col_pos = self.line_start;
        }
        let rest = self.src.get(self.col_pos..).unwrap_or_default();
        for ch in rest.chars() {
            if self.col >= c || ch == '\n' {
                break;
            }
            self.col += 1;
            self.col_pos += ch.len_utf8();
        }
        Some(self.col_pos)
    }

    /// The text walked.
    pub fn source(&self) -> &'a str {
        self.src
    }

    /// The offsets of several positions, visited in increasing order.
    pub fn offsets(&mut self, positions: &[(u32, u32)]) -> Vec<Option<usize>> {
        let mut order: Vec<usize> = (0..positions.len()).collect();
        order.sort_by_key(|&i| positions.get(i).copied().unwrap_or_default());
        let mut out = vec![None; positions.len()];
        for i in order {
            if let (Some(&(l, c)), Some(slot)) = (positions.get(i), out.get_mut(i)) {
                *slot = self.offset(l, c);
            }
        }
        out
    }
}

/// The line around byte `at`, windowed when long, with the caret position.
pub fn snippet(src: &str, at: usize) -> Option<Snippet> {
    let bytes = src.as_bytes();
    if at > bytes.len() || !src.is_char_boundary(at) {
        return None;
    }
    // Bounded look-around: a position far into a huge line shows a window.
    let back_from = at.saturating_sub(SCAN);
    let line_start = bytes
        .get(back_from..at)
        .and_then(|b| memchr::memrchr(b'\n', b))
        .map(|i| back_from + i + 1)
        .unwrap_or(back_from);
    let start_known = line_start > back_from || back_from == 0;
    let fwd_to = (at + SCAN).min(bytes.len());
    let (line_end, end_known) = match bytes.get(at..fwd_to).and_then(|b| memchr(b'\n', b)) {
        Some(i) => (at + i, true),
        None => (fwd_to, fwd_to == bytes.len()),
    };
    let line_start = char_floor(src, line_start);
    let line_end = char_floor(src, line_end);
    let before: Vec<char> = src.get(line_start..at)?.chars().collect();
    let after = src.get(at..line_end)?.trim_end_matches('\r');
    let (left, cut_left) = if before.len() > LEFT + 20 || !start_known {
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
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_lines_and_characters() {
        let src = "ab\n  é x\n\nlast";
        let mut loc = Locator::new(src);
        let got = loc.offsets(&[(2, 5), (1, 1), (4, 2), (2, 3), (9, 1), (0, 0), (1, 99)]);
        assert_eq!(got, vec![Some(8), Some(0), Some(12), Some(5), None, None, Some(2)]);
        assert_eq!(&src[8..9], "x");
        // Going back restarts from the top.
        assert_eq!(loc.offset(1, 2), Some(1));
        assert_eq!(loc.offset(4, 4), Some(14));
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
}
