//! Byte offsets (what the findings carry) to LSP positions and back. LSP
//! counts characters in UTF-16 code units: `é` is one unit but two bytes,
//! `😀` two units and four bytes.

use lsp_types::Position;

/// The line starts of one text, to convert in both directions.
#[derive(Debug)]
pub struct LineMap<'a> {
    src: &'a str,
    starts: Vec<usize>,
    /// UTF-16 units before every [`STEP`]-th byte (a character boundary at
    /// or before it), built on the first [`LineMap::position`]: a minified
    /// 50 MB Bundle is one line, and counting from the line's start for each
    /// finding made the diagnostics of a large file quadratic (minutes).
    marks: std::cell::OnceCell<Vec<(usize, usize)>>,
}

/// Bytes between two [`LineMap`] marks.
const STEP: usize = 4096;

impl<'a> LineMap<'a> {
    /// Scans `src` once for line breaks.
    pub fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
        LineMap { src, starts, marks: std::cell::OnceCell::new() }
    }

    /// The LSP position of byte `offset` (clamped to the text, and back to
    /// the start of the character it falls in).
    pub fn position(&self, offset: usize) -> Position {
        let off = self.boundary(offset);
        let line = self.starts.partition_point(|&s| s <= off).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let units = self.units_before(off).saturating_sub(self.units_before(start));
        Position::new(to_u32(line), to_u32(units))
    }

    /// `offset` clamped to the text and moved back to a character boundary.
    fn boundary(&self, offset: usize) -> usize {
        let mut off = offset.min(self.src.len());
        while !self.src.is_char_boundary(off) {
            off -= 1;
        }
        off
    }

    /// UTF-16 units of the text before byte `off` (a character boundary):
    /// from the nearest mark, so at most [`STEP`] bytes are counted.
    fn units_before(&self, off: usize) -> usize {
        let marks = self.marks.get_or_init(|| {
            let mut marks = Vec::with_capacity(self.src.len() / STEP + 1);
            let (mut at, mut units) = (0, 0);
            for k in 0..=self.src.len() / STEP {
                let b = self.boundary(k * STEP);
                units += self.src.get(at..b).map_or(0, |t| t.encode_utf16().count());
                marks.push((b, units));
                at = b;
            }
            marks
        });
        let (b, units) = marks.get(off / STEP).copied().unwrap_or((0, 0));
        units + self.src.get(b..off).map_or(0, |t| t.encode_utf16().count())
    }

    /// The byte offset of an LSP position; a character past the end of its
    /// line means the end of the line (as the protocol says).
    pub fn offset(&self, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return self.src.len();
        };
        let line = self.src.get(start..).unwrap_or_default();
        let line = line.split_inclusive('\n').next().unwrap_or_default();
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            if units >= pos.character || c == '\n' || c == '\r' {
                return start + i;
            }
            units = units.saturating_add(to_u32(c.len_utf16()));
        }
        start + line.len()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The end of the JSON token that starts at `offset`: a string (also one
/// escaped inside a HAR capture's `content.text`), a number or literal; an
/// object or array is marked by its opening bracket alone (underlining a
/// whole resource would hide everything else).
pub fn token_end(src: &str, offset: usize) -> usize {
    let bytes = src.as_bytes();
    let Some(rest) = bytes.get(offset..) else {
        return src.len();
    };
    let end = match rest {
        [b'"', tail @ ..] => {
            let mut escaped = false;
            tail.iter()
                .position(|&b| {
                    let close = b == b'"' && !escaped;
                    escaped = b == b'\\' && !escaped;
                    close
                })
                .map_or(rest.len(), |i| i + 2)
        }
        // A body string inside a HAR string: its quotes are `\"`, and a
        // quote inside it `\\\"`; the closing one has 4n + 1 backslashes.
        [b'\\', b'"', tail @ ..] => {
            let mut run = 0usize;
            tail.iter()
                .position(|&b| {
                    let close = b == b'"' && run % 4 == 1;
                    run = if b == b'\\' { run + 1 } else { 0 };
                    close
                })
                .map_or(rest.len(), |i| i + 3)
        }
        [b'{' | b'[', ..] => 1,
        _ => rest
            .iter()
            .position(|b| matches!(b, b',' | b'}' | b']' | b'\\' | b' ' | b'\t' | b'\r' | b'\n'))
            .unwrap_or(rest.len())
            .max(1),
    };
    (offset + end).min(src.len())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn utf16_columns_count_surrogate_pairs() {
        let src = "{\n  \"nom\": \"Hélène 😀\", \"x\": 1\n}";
        let m = LineMap::new(src);
        let x = src.find("\"x\"").unwrap();
        // `  "nom": "Hélène 😀", `: 2 + 6 + 1 + 11 (the emoji is two units) + 2;
        // in bytes it is 26.
        assert_eq!(m.position(x), Position::new(1, 22));
        assert_eq!(m.offset(Position::new(1, 22)), x);
        assert_eq!(m.offset(Position::new(1, 999)), src.rfind('\n').unwrap());
        assert_eq!(m.offset(Position::new(9, 0)), src.len());
        // Inside a multi-byte character: its start.
        let e = src.find('é').unwrap();
        assert_eq!(m.position(e + 1), m.position(e));
    }

    #[test]
    fn tokens_end_where_json_says() {
        let src = r#"{"a": "x\"y", "b": 12.5, "c": [1], "d": true}"#;
        let at = |s: &str| src.find(s).unwrap();
        assert_eq!(&src[at("\"x")..token_end(src, at("\"x"))], r#""x\"y""#);
        assert_eq!(&src[at("12")..token_end(src, at("12"))], "12.5");
        assert_eq!(&src[at("[1")..token_end(src, at("[1"))], "[");
        assert_eq!(&src[at("true")..token_end(src, at("true"))], "true");
        let har = r#""text": "{\"end\": \"a\\\"b\", \"n\": 3}""#;
        let s = har.find(r#"\"a"#).unwrap();
        assert_eq!(&har[s..token_end(har, s)], r#"\"a\\\"b\""#);
        let n = har.find('3').unwrap();
        assert_eq!(&har[n..token_end(har, n)], "3");
        assert_eq!(token_end(src, src.len()), src.len());
    }

    /// On one long line (a minified Bundle) and across lines, positions
    /// counted from the marks agree with counting from the line's start, on
    /// both sides of every mark and inside multi-byte characters.
    #[test]
    fn positions_from_marks_agree_with_counting_the_line() {
        let unit = "{\"name\":\"Hélène 😀 Ødegård\",\"n\":1},";
        let one_line: String = unit.repeat(900);
        let lines: String = (0..400).map(|i| format!("{unit}{i}\n")).collect();
        for text in [one_line.as_str(), lines.as_str()] {
            let map = LineMap::new(text);
            for off in (0..text.len()).step_by(97).chain([super::STEP - 1, super::STEP, text.len()])
            {
                let mut b = off.min(text.len());
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                let line_start = text[..b].rfind('\n').map_or(0, |i| i + 1);
                let line = text[..b].matches('\n').count() as u32;
                let units = text[line_start..b].encode_utf16().count() as u32;
                assert_eq!(map.position(off), Position::new(line, units), "offset {off}");
            }
        }
    }
}
