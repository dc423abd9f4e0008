//! Byte offsets to 1-based line and column numbers, the one implementation
//! the workspace uses (FHIRPath resolution, HAR captures, the command line).
//!
//! Locations are asked in bulk and in increasing order (the findings of one
//! document are sorted, the exchanges of a HAR file come in file order), so
//! [`LineIndex`] keeps its position between calls and walks forward: each
//! byte of the text is counted once whatever the number of locations. A
//! one-shot question costs one scan of the text before the offset.

/// A forward-moving line and column counter over one text.
///
/// Lines are counted on `\n` only, so a `\r` before it is the last character
/// of its line (CRLF text gets the same line numbers as LF text). Columns
/// count Unicode scalar values (`char`s), not bytes, and start at 1. An
/// offset past the end is taken as the end of the text. An offset inside a
/// multi-byte character counts that character as passed: it gets the column
/// of the position just after the character, as the end of the character
/// would.
///
/// The index holds no reference to the text: pass the same `src` to every
/// [`locate`](Self::locate) call of one index, and start a new index (or
/// [`Default::default`]) for another text. Offsets asked in increasing order
/// cost the distance from the previous one; an offset behind the previous one
/// restarts from the top (correct, only slower).
///
/// ```
/// use fr_fhir_core::json::LineIndex;
/// let src = "{\n  \"name\": \"Hélène\",\n  \"id\": 3\n}";
/// let mut lines = LineIndex::default();
/// assert_eq!(lines.locate(src, src.find("\"name").unwrap()), (2, 3));
/// // "Hélène" is 7 bytes but 6 characters: the comma is at column 19.
/// assert_eq!(lines.locate(src, src.find(',').unwrap()), (2, 19));
/// assert_eq!(lines.locate(src, src.find('3').unwrap()), (3, 9));
/// ```
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Bytes before `pos` have been scanned for line breaks.
    pos: usize,
    /// Line of `pos`.
    line: u32,
    /// Start of the line holding `pos`.
    line_start: usize,
    /// Characters of the current line before `col_pos` have been counted...
    col_pos: usize,
    /// ...and `col` is the column of `col_pos`.
    col: u32,
}

impl Default for LineIndex {
    fn default() -> Self {
        LineIndex { pos: 0, line: 1, line_start: 0, col_pos: 0, col: 1 }
    }
}

impl LineIndex {
    /// 1-based line and column (in characters) of byte `offset` of `src`.
    pub fn locate(&mut self, src: &str, offset: usize) -> (u32, u32) {
        let bytes = src.as_bytes();
        let off = offset.min(bytes.len());
        if off < self.pos {
            *self = LineIndex::default();
        }
        let chunk = bytes.get(self.pos..off).unwrap_or_default();
        // Counted, not found one by one: a pretty-printed Bundle has a line
        // break every few dozen bytes, and a search call per line cost more
        // than the rest of resolving a location.
        // A minified Bundle has none: the search alone says so, faster.
        let breaks = match memchr::memchr(b'\n', chunk) {
            None => 0,
            Some(first) => 1 + count_byte(chunk.get(first + 1..).unwrap_or_default(), b'\n'),
        };
        if breaks > 0 {
            self.line = self.line.saturating_add(u32::try_from(breaks).unwrap_or(u32::MAX));
            if let Some(last) = memchr::memrchr(b'\n', chunk) {
                self.line_start = self.pos + last + 1;
            }
        }
        self.pos = off;
        // A new line since the last call: count its characters from its start.
        if self.col_pos < self.line_start || self.col_pos > off {
            self.col_pos = self.line_start;
            self.col = 1;
        }
        let chunk = bytes.get(self.col_pos..off).unwrap_or_default();
        let chars = u32::try_from(count_chars(chunk)).unwrap_or(u32::MAX);
        self.col = self.col.saturating_add(chars);
        self.col_pos = off;
        (self.line, self.col)
    }
}

/// What a stretch of text adds to the location of its start: its line
/// breaks, and the characters after the last one (all of them when it has
/// none). Stretches counted apart, in any order and on any thread, give the
/// locations [`LineIndex`] gives when chained in text order
/// ([`Stretch::after`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Stretch {
    breaks: u32,
    chars: u32,
}

impl Stretch {
    /// The stretch of `bytes`.
    pub(crate) fn of(bytes: &[u8]) -> Stretch {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        match memchr::memrchr(b'\n', bytes) {
            None => Stretch { breaks: 0, chars: count(count_chars(bytes)) },
            Some(last) => Stretch {
                breaks: count(1 + count_byte(bytes.get(..last).unwrap_or_default(), b'\n')),
                chars: count(count_chars(bytes.get(last + 1..).unwrap_or_default())),
            },
        }
    }

    /// The line and column at the end of this stretch, from those at its start.
    pub(crate) fn after(self, (line, column): (u32, u32)) -> (u32, u32) {
        if self.breaks > 0 {
            (line.saturating_add(self.breaks), self.chars.saturating_add(1))
        } else {
            (line, column.saturating_add(self.chars))
        }
    }
}

/// Number of bytes of `bytes` equal to `byte`.
fn count_byte(bytes: &[u8], byte: u8) -> usize {
    count_where(bytes, |b| b == byte)
}

/// Number of UTF-8 characters in `bytes` (bytes minus continuation bytes).
fn count_chars(bytes: &[u8]) -> usize {
    // A continuation byte is 0b10xx_xxxx, i.e. below -64 as a signed byte.
    bytes.len() - count_where(bytes, |b| (b as i8) < -64)
}

/// Number of bytes of `bytes` for which `hit` holds. Minified Bundles are one
/// line of many megabytes and pretty ones have a line break every few dozen
/// bytes, so the counts run over most of the input: the inner loop sums
/// one-byte flags over 64-byte blocks, a shape the compiler turns into vector
/// code, and widens every block.
#[inline(always)]
fn count_where(bytes: &[u8], hit: impl Fn(u8) -> bool) -> usize {
    let mut n = 0usize;
    let mut blocks = bytes.chunks_exact(64);
    for block in &mut blocks {
        let k: u8 = block.iter().map(|&b| u8::from(hit(b))).fold(0, u8::wrapping_add);
        n += usize::from(k);
    }
    n + blocks.remainder().iter().filter(|&&b| hit(b)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line and column by the definition, one offset at a time.
    fn naive(src: &str, offset: usize) -> (u32, u32) {
        let before = &src.as_bytes()[..offset.min(src.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let col = before[start..].iter().filter(|&&b| (b & 0xC0) != 0x80).count() + 1;
        (line as u32, col as u32)
    }

    fn one_shot(src: &str, offset: usize) -> (u32, u32) {
        LineIndex::default().locate(src, offset)
    }

    #[test]
    fn ascii() {
        let src = "ab\ncd\n\nxyz";
        assert_eq!(one_shot(src, 0), (1, 1));
        assert_eq!(one_shot(src, 2), (1, 3)); // the '\n' ends line 1
        assert_eq!(one_shot(src, 3), (2, 1));
        assert_eq!(one_shot(src, 6), (3, 1));
        assert_eq!(one_shot(src, 9), (4, 3));
        assert_eq!(one_shot("", 0), (1, 1));
    }

    #[test]
    fn multi_byte_characters_are_one_column() {
        let src = "é€😀x\nñ";
        assert_eq!(one_shot(src, "é€😀".len()), (1, 4));
        assert_eq!(one_shot(src, src.find('ñ').unwrap()), (2, 1));
        assert_eq!(one_shot(src, src.len()), (2, 2));
        // Long lines go through the 64-byte blocks of `count_chars`.
        let long = "aé€😀".repeat(100);
        assert_eq!(one_shot(&long, long.len()), (1, 401));
    }

    #[test]
    fn crlf_counts_lines_on_lf_and_the_cr_as_a_character() {
        let src = "ab\r\ncd\r\n";
        assert_eq!(one_shot(src, 2), (1, 3));
        assert_eq!(one_shot(src, 3), (1, 4));
        assert_eq!(one_shot(src, 4), (2, 1));
        assert_eq!(one_shot(src, 5), (2, 2));
        assert_eq!(one_shot(src, src.len()), (3, 1));
    }

    #[test]
    fn offsets_past_the_end_are_the_end() {
        assert_eq!(one_shot("abc", 99), (1, 4));
        assert_eq!(one_shot("a\nbc", usize::MAX), (2, 3));
        assert_eq!(one_shot("", 1), (1, 1));
    }

    #[test]
    fn offsets_inside_a_character_count_it_as_passed() {
        let src = "aé€b";
        // 'é' is bytes 1..3, '€' bytes 3..6.
        assert_eq!(one_shot(src, 2), (1, 3));
        assert_eq!(one_shot(src, 4), (1, 4));
        assert_eq!(one_shot(src, 5), (1, 4));
        assert_eq!(one_shot(src, 6), (1, 4));
        // The same offsets in one forward walk.
        let mut ix = LineIndex::default();
        assert_eq!(
            [2, 3, 4, 5, 6].map(|o| ix.locate(src, o)),
            [(1, 3), (1, 3), (1, 4), (1, 4), (1, 4)]
        );
    }

    /// The cases `validator-cli`'s `line_col` and `int-ro1`'s `LineIndex`
    /// were tested with before they became this type.
    #[test]
    fn former_implementations_cases() {
        assert_eq!(one_shot("ab\ncdé f", 8), (2, 5));
        assert_eq!(one_shot("", 0), (1, 1));
        assert_eq!(one_shot("abc", 99), (1, 4));

        let src = "ab\ncé\n\nxyz";
        let mut ix = LineIndex::default();
        assert_eq!(ix.locate(src, 0), (1, 1));
        assert_eq!(ix.locate(src, 1), (1, 2));
        assert_eq!(ix.locate(src, 3), (2, 1));
        assert_eq!(ix.locate(src, 6), (2, 3));
        assert_eq!(ix.locate(src, 8), (4, 1));
        assert_eq!(ix.locate(src, 10), (4, 3));
        assert_eq!(ix.locate(src, 99), (4, 4));
        assert_eq!(ix.locate(src, 4), (2, 2));
    }

    #[test]
    fn a_walk_in_any_order_agrees_with_the_definition() {
        let src = "{\r\n \"a\": \"é€😀\",\n\n  \"b\": [1, 2]\n}\n";
        let offsets: Vec<usize> = (0..=src.len() + 2).collect();
        let mut forward = LineIndex::default();
        for &o in &offsets {
            assert_eq!(forward.locate(src, o), naive(src, o), "forward, offset {o}");
        }
        let mut backward = LineIndex::default();
        for &o in offsets.iter().rev() {
            assert_eq!(backward.locate(src, o), naive(src, o), "backward, offset {o}");
        }
        let mut jumping = LineIndex::default();
        for o in offsets.iter().step_by(3).chain(offsets.iter().step_by(5)) {
            assert_eq!(jumping.locate(src, *o), naive(src, *o), "jumping, offset {o}");
        }
    }

    /// Long texts with a line break every few bytes (pretty-printed JSON)
    /// or none for long stretches: the line breaks counted in 64-byte
    /// blocks give the definition's lines and columns.
    #[test]
    fn long_texts_with_many_or_few_line_breaks_agree_with_the_definition() {
        let mut src = String::new();
        for i in 0..400 {
            src.push_str(&" ".repeat(i % 23));
            src.push_str(if i % 7 == 0 { "\"é€\": 1," } else { "\"a\": 2," });
            if i % 50 == 49 {
                src.push_str(&"x".repeat(300));
            }
            src.push(if i % 11 == 0 { '\r' } else { ' ' });
            src.push('\n');
        }
        let mut forward = LineIndex::default();
        for o in (0..=src.len()).step_by(37) {
            assert_eq!(forward.locate(&src, o), naive(&src, o), "offset {o}");
        }
        assert_eq!(count_byte(src.as_bytes(), b'\n'), 400);
    }

    #[test]
    fn counts_characters() {
        for s in ["", "abc", "é", "aéb€c😀 and some more text here", "ééééééééééééééééé"]
        {
            assert_eq!(count_chars(s.as_bytes()), s.chars().count(), "{s}");
        }
    }
}
